/**
 * Header detection: which row holds the column names (title rows, blank rows and logo rows often sit above
 * it), and which column holds which field, with a confidence the sidebar shows so the user confirms or fixes it.
 */
import { cellText, type CellValue } from '../cell';
import { compactKey } from '../text';
import { FIELD_BY_ID, NAME_INDEX, REQUIRED_FIELDS, type FieldId, type SheetKind } from './fields';

/** How far down a header is looked for: POS title blocks are a few rows; 30 leaves room for notes and logos. */
const HEADER_SEARCH_ROWS = 30;
/** Data rows sampled to tell a filled column from an empty one. */
const SAMPLE_ROWS = 200;
/** A header containing a known name (`Điện thoại (Khách hàng)`) is a likely but unconfirmed match. */
const CONTAINED_NAME_CONFIDENCE = 0.6;
/** Shorter names (`ngay`, `ten`) would match inside too many unrelated headers. */
const MIN_CONTAINED_NAME_LENGTH = 5;
/** An exact name that is also another product's word for something else (`Name` is Shopify's order number). */
const LATE_NAME_CONFIDENCE = 0.8;
const LATE_NAME_RANK = 12;

export interface ColumnMatch {
  field: FieldId;
  /** 0-based column index. */
  column: number;
  header: string;
  /** 1 for an exact header name; less when the header only contains a name or is an unusual synonym. */
  confidence: number;
}

export interface HeaderDetection {
  kind: SheetKind;
  /** 0-based index of the header row. */
  headerRow: number;
  headers: string[];
  matches: ColumnMatch[];
  /** Required field groups with no column (each inner list: any one of them would do). */
  missing: FieldId[][];
}

interface Candidate {
  field: FieldId;
  column: number;
  confidence: number;
  rank: number;
  filled: boolean;
}

function candidatesFor(headerKeys: string[], kind: SheetKind): Candidate[] {
  const index = NAME_INDEX[kind];
  const candidates: Candidate[] = [];
  headerKeys.forEach((key, column) => {
    if (key === '') return;
    const exact = index.get(key);
    if (exact) {
      for (const entry of exact) {
        const confidence = entry.rank >= LATE_NAME_RANK ? LATE_NAME_CONFIDENCE : 1;
        candidates.push({ field: entry.field, column, confidence, rank: entry.rank, filled: true });
      }
      return;
    }
    for (const [name, entries] of index) {
      if (name.length < MIN_CONTAINED_NAME_LENGTH || !key.includes(name)) continue;
      for (const entry of entries) {
        candidates.push({
          field: entry.field,
          column,
          confidence: CONTAINED_NAME_CONFIDENCE,
          rank: entry.rank,
          filled: true,
        });
      }
    }
  });
  return candidates;
}

/**
 * How strongly a row looks like a header: 1 per field its cells name exactly, ½ per field a cell only contains
 * (`Thời gian bán hàng`). The header row is the first row with the best score of at least 2.
 */
function headerScore(row: CellValue[] | undefined, kind: SheetKind): number {
  if (!row) return 0;
  const keys = row.map((cell) => (typeof cell === 'string' ? compactKey(cell) : ''));
  const best = new Map<FieldId, number>();
  for (const candidate of candidatesFor(keys, kind)) {
    best.set(candidate.field, Math.max(best.get(candidate.field) ?? 0, candidate.confidence === 1 ? 1 : 0.5));
  }
  let score = 0;
  for (const value of best.values()) score += value;
  return score;
}

/** 0-based header row for a sheet kind, or -1 when no row scores at least 2. */
export function findHeaderRow(values: CellValue[][], kind: SheetKind): number {
  let best = -1;
  let bestScore = 1.5;
  const limit = Math.min(values.length, HEADER_SEARCH_ROWS);
  for (let row = 0; row < limit; row++) {
    const score = headerScore(values[row], kind);
    if (score > bestScore) {
      best = row;
      bestScore = score;
    }
  }
  return best;
}

function columnFilled(values: CellValue[][], headerRow: number, column: number): boolean {
  const end = Math.min(values.length, headerRow + 1 + SAMPLE_ROWS);
  let filled = 0;
  let rows = 0;
  for (let row = headerRow + 1; row < end; row++) {
    rows++;
    const cell = values[row]?.[column];
    if (cell !== '' && cell !== null && cell !== undefined) filled++;
  }
  return rows === 0 || filled * 5 >= rows;
}

/**
 * Maps the header row's columns to fields. Each field takes its best column and each column feeds one field:
 * exact names first, then filled columns over near-empty ones (Shopify's `Phone` is often blank while
 * `Billing Phone` is filled), then the name's rank in the field's list, then the leftmost column.
 */
export function mapColumns(
  values: CellValue[][],
  headerRow: number,
  kind: SheetKind,
  overrides: Partial<Record<FieldId, number>> = {},
): ColumnMatch[] {
  const headers = (values[headerRow] ?? []).map(cellText);
  const candidates = candidatesFor(headers.map(compactKey), kind);
  for (const candidate of candidates) candidate.filled = columnFilled(values, headerRow, candidate.column);
  candidates.sort(
    (a, b) =>
      b.confidence - a.confidence ||
      Number(b.filled) - Number(a.filled) ||
      a.rank - b.rank ||
      a.column - b.column,
  );
  const byField = new Map<FieldId, ColumnMatch>();
  const usedColumns = new Set<number>();
  // The user's choices win; a negative column means "this sheet has no such field", so detection skips it.
  const refused = new Set<FieldId>();
  for (const [field, column] of Object.entries(overrides) as [FieldId, number][]) {
    if (column === undefined) continue;
    if (column < 0) {
      refused.add(field);
      continue;
    }
    byField.set(field, { field, column, header: headers[column] ?? '', confidence: 1 });
    usedColumns.add(column);
  }
  for (const candidate of candidates) {
    if (byField.has(candidate.field) || refused.has(candidate.field) || usedColumns.has(candidate.column))
      continue;
    const confidence = candidate.filled ? candidate.confidence : candidate.confidence / 2;
    byField.set(candidate.field, {
      field: candidate.field,
      column: candidate.column,
      header: headers[candidate.column] ?? '',
      confidence,
    });
    usedColumns.add(candidate.column);
  }
  return [...byField.values()].sort((a, b) => a.column - b.column);
}

export function missingRequired(matches: ColumnMatch[], kind: SheetKind): FieldId[][] {
  const mapped = new Set(matches.map((match) => match.field));
  return REQUIRED_FIELDS[kind].filter((group) => !group.some((field) => mapped.has(field)));
}

/** Header row and column map of a sheet read as the given kind; null when no header row is found. */
export function detectHeader(
  values: CellValue[][],
  kind: SheetKind,
  options: { headerRow?: number; overrides?: Partial<Record<FieldId, number>> } = {},
): HeaderDetection | null {
  const headerRow = options.headerRow ?? findHeaderRow(values, kind);
  if (headerRow < 0 || headerRow >= values.length) return null;
  const matches = mapColumns(values, headerRow, kind, options.overrides);
  return {
    kind,
    headerRow,
    headers: (values[headerRow] ?? []).map(cellText),
    matches,
    missing: missingRequired(matches, kind),
  };
}

/**
 * Which kind a sheet looks like: invoices when it has an invoice code, a date and an amount; customers when it
 * has a customer key; invoices again when it has only a date and an amount (a sheet kept by hand); null when
 * none of these (no recognisable header).
 */
export function detectSheetKind(values: CellValue[][]): SheetKind | null {
  const asInvoices = detectHeader(values, 'invoices');
  const hasInvoiceCode = asInvoices?.matches.some((match) => match.field === 'invoiceCode') ?? false;
  if (asInvoices && asInvoices.missing.length === 0 && hasInvoiceCode) return 'invoices';
  const asCustomers = detectHeader(values, 'customers');
  if (asCustomers && asCustomers.missing.length === 0) return 'customers';
  return asInvoices && asInvoices.missing.length === 0 ? 'invoices' : null;
}

export function fieldLabel(field: FieldId, language: 'vi' | 'en'): string {
  return FIELD_BY_ID.get(field)?.label[language] ?? field;
}
