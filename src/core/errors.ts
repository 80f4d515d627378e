/**
 * Errors that stop a run, each with a code a face can act on (the sidebar asks for the date order, the CLI tells
 * which flag to pass) and a message in the user's language that names the sheet and the cell.
 */
export type EngineErrorCode =
  | 'no-input'
  | 'no-header'
  | 'missing-columns'
  | 'ambiguous-date-order'
  | 'bad-option'
  | 'bad-segment-map'
  | 'bad-time-zone'
  | 'nothing-understood';

/** The column choice that would settle a run that understood nothing: a face renders it (`--map`, a select). */
export interface ColumnFix {
  kind: 'invoices' | 'customers';
  field: string;
  header: string;
}

export class EngineError extends Error {
  readonly code: EngineErrorCode;
  readonly sheet?: string;
  /** Column letter, when one column is at fault. */
  readonly column?: string;
  /** Extra facts for the face: headers seen, sample values. */
  readonly details: string[];
  /** The column to choose instead, when the engine can tell. */
  readonly fix?: ColumnFix;

  constructor(
    code: EngineErrorCode,
    message: string,
    where: { sheet?: string; column?: string; details?: string[]; fix?: ColumnFix } = {},
  ) {
    super(message);
    this.name = 'EngineError';
    this.code = code;
    this.sheet = where.sheet;
    this.column = where.column;
    this.details = where.details ?? [];
    if (where.fix) this.fix = where.fix;
  }
}
