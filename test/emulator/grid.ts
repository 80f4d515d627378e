/**
 * The stored state of a sheet. Cell attributes live in parallel layers of row arrays (a value layer, a
 * formula layer, a number-format layer, …), allocated only where something was written, so 200,000 × 12
 * values cost twelve array slots per row and nothing per unformatted cell.
 */
import type { StoredValue } from './typed-input';

export class Layer<T> {
  rows: (T[] | undefined)[] = [];

  get(row0: number, column0: number): T | undefined {
    const row = this.rows[row0];
    return row === undefined ? undefined : row[column0];
  }

  row(row0: number): T[] | undefined {
    return this.rows[row0];
  }

  /** The row's array, created when missing (for writing). */
  rowForWrite(row0: number): T[] {
    let row = this.rows[row0];
    if (row === undefined) {
      row = [];
      this.rows[row0] = row;
    }
    return row;
  }

  set(row0: number, column0: number, value: T | undefined): void {
    if (value === undefined) {
      const row = this.rows[row0];
      if (row !== undefined && column0 < row.length) row[column0] = undefined as T;
      return;
    }
    this.rowForWrite(row0)[column0] = value;
  }

  clearBlock(row0: number, column0: number, numRows: number, numColumns: number): void {
    const lastRow = Math.min(row0 + numRows, this.rows.length);
    for (let r = row0; r < lastRow; r++) {
      const row = this.rows[r];
      if (row === undefined) continue;
      const last = Math.min(column0 + numColumns, row.length);
      for (let c = column0; c < last; c++) row[c] = undefined as T;
    }
  }

  insertRows(row0: number, count: number): void {
    if (row0 >= this.rows.length) return;
    // concat, not splice(...spread): a spread of 100,000 arguments overflows the stack.
    this.rows = this.rows.slice(0, row0).concat(new Array<T[] | undefined>(count), this.rows.slice(row0));
  }

  deleteRows(row0: number, count: number): void {
    this.rows.splice(row0, count);
  }

  insertColumns(column0: number, count: number): void {
    for (const row of this.rows) {
      if (row !== undefined && column0 < row.length) row.splice(column0, 0, ...new Array<T>(count));
    }
    // Column counts are bounded by the 18,278-column limit, so the spread above is safe.
  }

  deleteColumns(column0: number, count: number): void {
    for (const row of this.rows) if (row !== undefined) row.splice(column0, count);
  }
}

export interface ChartRecord {
  id: string;
  type: string;
  /** A1 notations with the sheet name, as added with addRange. */
  ranges: {
    sheet: SheetState;
    a1: string;
    row: number;
    column: number;
    numRows: number;
    numColumns: number;
  }[];
  anchor: { row: number; column: number; offsetX: number; offsetY: number };
  options: Record<string, unknown>;
  numHeaders: number | null;
}

export interface RuleRecord {
  ranges: { sheet: SheetState; row: number; column: number; numRows: number; numColumns: number }[];
  /** Boolean condition: criteria name (SpreadsheetApp.BooleanCriteria) and its values. */
  condition: { type: string; values: unknown[] } | null;
  format: {
    background?: string | null;
    fontColor?: string | null;
    bold?: boolean | null;
    italic?: boolean | null;
  };
  gradient: {
    min?: { colour: string; type: string; value: string };
    mid?: { colour: string; type: string; value: string };
    max?: { colour: string; type: string; value: string };
  } | null;
}

export interface FilterRecord {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

/** A new sheet's size (a new tab in Sheets has 1000 rows and 26 columns). */
export const NEW_SHEET_ROWS = 1000;
export const NEW_SHEET_COLUMNS = 26;

export class SheetState {
  deleted = false;
  hidden = false;
  tabColour: string | null = null;
  frozenRows = 0;
  frozenColumns = 0;
  readonly values = new Layer<StoredValue>();
  readonly formulas = new Layer<string>();
  readonly formats = new Layer<string>();
  readonly backgrounds = new Layer<string>();
  readonly fontColours = new Layer<string>();
  readonly fontWeights = new Layer<GoogleAppsScript.Spreadsheet.FontWeight>();
  readonly horizontalAlignments = new Layer<string>();
  readonly wraps = new Layer<boolean>();
  readonly columnWidths = new Map<number, number>();
  filter: FilterRecord | null = null;
  charts: ChartRecord[] = [];
  rules: RuleRecord[] = [];
  merges: FilterRecord[] = [];

  constructor(
    public name: string,
    readonly id: number,
    public maxRows = NEW_SHEET_ROWS,
    public maxColumns = NEW_SHEET_COLUMNS,
  ) {}

  /** Layers that move with rows and columns. */
  layers(): Layer<unknown>[] {
    return [
      this.values,
      this.formulas,
      this.formats,
      this.backgrounds,
      this.fontColours,
      this.fontWeights,
      this.horizontalAlignments,
      this.wraps,
    ];
  }

  /** Last row with a value or formula (Sheet.getLastRow: "the position of the last row that has content"). */
  lastRow(): number {
    const last = Math.max(lastUsedRow(this.values), lastUsedRow(this.formulas));
    return last;
  }

  lastColumn(): number {
    return Math.max(lastUsedColumn(this.values), lastUsedColumn(this.formulas));
  }

  hasContent(row0: number, column0: number): boolean {
    return this.values.get(row0, column0) !== undefined || this.formulas.get(row0, column0) !== undefined;
  }

  cellCount(): number {
    return this.maxRows * this.maxColumns;
  }
}

function lastUsedRow<T>(layer: Layer<T>): number {
  for (let r = layer.rows.length - 1; r >= 0; r--) {
    const row = layer.rows[r];
    if (row === undefined) continue;
    for (let c = 0; c < row.length; c++) if (row[c] !== undefined) return r + 1;
  }
  return 0;
}

function lastUsedColumn<T>(layer: Layer<T>): number {
  let last = 0;
  for (const row of layer.rows) {
    if (row === undefined) continue;
    for (let c = row.length - 1; c >= last; c--) {
      if (row[c] !== undefined) {
        last = c + 1;
        break;
      }
    }
  }
  return last;
}
