/**
 * Header detection: which row holds the column names (title rows, blank rows and logo rows often sit above
 * it), and which column holds which field, with a confidence the sidebar shows so the user confirms or fixes it.
 *
 * How a column is chosen for a field (design.md §2):
 * 1. **Header similarity** `h` (0–1), after folding case, diacritics, spaces and punctuation: a known name of the
 *    field (fields.ts, and the known layouts' headers, layouts.ts) is 1 (0.8 for a name that another product
 *    uses for something else, Shopify's `Name`); a header that contains a known name 0.6–0.75; a near-miss of a
 *    known name (one or two letters off, `Emial`) up to 0.7; a header with one of the field's words
 *    (`FIELD_WORDS`: `order_purchase_timestamp` has `timestamp`) 0.4–0.55.
 * 2. **Content fit** `c` (0–1) from the column's profile (column-profile.ts): the share of its filled cells that
 *    read as the field's type, times a fill factor (a column under a fifth full counts less).
 * 3. **Score** `h × (0.25 + 0.75 c)`: a known name on a column whose cells contradict it keeps only a quarter, so
 *    a filled column of the right type with a weaker header wins. A column with no header match still scores
 *    `0.35 c` for a field whose values say what they are (phones, emails, dates, times of day, amounts with a
 *    currency mark) when `c ≥ 0.8`: a customer column of phones is found whatever its header. An empty column
 *    scores almost nothing, so it never beats a filled one.
 * 4. **Assignment**: one column per field and one field per column, the whole map chosen at once to maximise the
 *    total score (Hungarian method), so a column goes to the field it fits best overall.
 * Per field the detection reports the column chosen, its confidence, how it was chosen, and the runner-up.
 */
import { cellText, isBlank, type CellValue } from '../cell';
import { compactKey, foldText } from '../text';
import { profileColumn, PROFILE_SAMPLE_ROWS, type ColumnProfile } from './column-profile';
import { recogniseLayout, type PosLayout } from './layouts';
import {
  FIELD_BY_ID,
  EXCLUSION_UNDONE_BY,
  FIELD_EXCLUDED_WORDS,
  FIELD_WORDS,
  FIELDS,
  fieldNames,
  REQUIRED_FIELDS,
  type FieldId,
  type FieldSpec,
  type SheetKind,
} from './fields';

/** How far down a header is looked for: POS title blocks are a few rows; 30 leaves room for notes and logos. */
const HEADER_SEARCH_ROWS = 30;
/** Shorter names (`ngay`, `ten`) would match inside too many unrelated headers. */
const MIN_CONTAINED_NAME_LENGTH = 5;
/** An exact name that is also another product's word for something else (`Name` is Shopify's order number). */
const LATE_NAME_CONFIDENCE = 0.8;
const LATE_NAME_RANK = 12;
/** A known name's share of the score when the column's cells contradict it. */
const CONTRADICTED_SHARE = 0.25;
/** The most a column scores on its content alone, with no header evidence. */
const CONTENT_ONLY_WEIGHT = 0.35;
const CONTENT_ONLY_MIN_FIT = 0.8;
/** A field whose runner-up scores this close is doubtful: its confidence is capped so the sidebar asks. */
const CLOSE_RUNNER_UP = 0.9;
const RECOGNISED_LAYOUT_NAME = 1.1;
/** Least content fit for a column matched by anything less than a known name. */
const MIN_FIT_WITHOUT_NAME = 0.3;
const DOUBTFUL_CONFIDENCE = 0.7;

export type MatchBasis = 'name' | 'contains' | 'similar' | 'words' | 'content' | 'user';

export interface RunnerUp {
  column: number;
  header: string;
  confidence: number;
}

export interface ColumnMatch {
  field: FieldId;
  /** 0-based column index. */
  column: number;
  header: string;
  /** 1 for a known header name on a column whose cells fit; less when the choice rests on weaker evidence. */
  confidence: number;
  /** What the choice rests on: the header's name, a near name, a word in it, the cells alone, or the user. */
  basis?: MatchBasis;
  /** The next best column for the field, when one scored at all. */
  runnerUp?: RunnerUp;
}

export interface HeaderDetection {
  kind: SheetKind;
  /** 0-based index of the header row. */
  headerRow: number;
  headers: string[];
  matches: ColumnMatch[];
  /** Required field groups with no column (each inner list: any one of them would do). */
  missing: FieldId[][];
  /** Per column, what its sampled cells hold (same order as `headers`). */
  profiles: ColumnProfile[];
  /** The known export layout the header row is (layouts.ts), when one is recognised. */
  layout?: PosLayout;
}

interface KnownName {
  field: FieldId;
  key: string;
  /** The name's folded words, for containment on word boundaries. */
  words: string[];
  rank: number;
}

const KNOWN_NAMES: Record<SheetKind, KnownName[]> = { invoices: [], customers: [] };
const EXACT_NAMES: Record<SheetKind, Map<string, KnownName[]>> = {
  invoices: new Map(),
  customers: new Map(),
};
for (const kind of ['invoices', 'customers'] as const) {
  for (const field of FIELDS) {
    fieldNames(field, kind).forEach((name, rank) => {
      const known = { field: field.id, key: compactKey(name), words: headerWordsOf(name), rank };
      KNOWN_NAMES[kind].push(known);
      const list = EXACT_NAMES[kind].get(known.key) ?? [];
      if (!list.some((entry) => entry.field === field.id)) list.push(known);
      EXACT_NAMES[kind].set(known.key, list);
    });
  }
}

/** A header's folded words; `customerCity` and `customer_city` give `customer city`. */
function headerWordsOf(header: string): string[] {
  return foldText(header.replace(/([a-z])([A-Z])/g, '$1 $2')).split(' ');
}

/** Per field, the folded phrases that rule it out of a header matched by anything less than a known name. */
const EXCLUDED: Map<FieldId, string[][]> = new Map(
  Object.entries(FIELD_EXCLUDED_WORDS).map(([field, phrases]) => [
    field as FieldId,
    (phrases ?? []).map((phrase) => foldText(phrase).split(' ')),
  ]),
);

const UNDOING: string[][] = EXCLUSION_UNDONE_BY.map((phrase) => foldText(phrase).split(' '));

/** Whole-word phrases per field, folded, with the fields each belongs to. */
const WORDS: { field: FieldId; words: string[] }[] = Object.entries(FIELD_WORDS).flatMap(([field, phrases]) =>
  (phrases ?? []).map((phrase) => ({ field: field as FieldId, words: foldText(phrase).split(' ') })),
);

function fieldsOf(kind: SheetKind): FieldSpec[] {
  return FIELDS.filter((field) => field.names[kind]);
}

/** Levenshtein distance, stopping once it exceeds `limit`. */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowBest = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(value);
      rowBest = Math.min(rowBest, value);
    }
    if (rowBest > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length]!;
}

function hasWords(headerWords: string[], words: string[]): boolean {
  outer: for (let start = 0; start + words.length <= headerWords.length; start++) {
    for (let k = 0; k < words.length; k++) if (headerWords[start + k] !== words[k]) continue outer;
    return true;
  }
  return false;
}

interface Similarity {
  value: number;
  basis: MatchBasis;
  /** Rank of the name matched (earlier names are preferred among equals). */
  rank: number;
}

/**
 * Header similarity of every field to one header (see the top of the file), best per field. `fuzzy` also tries
 * near-misses, which costs an edit distance per known name: done for the header row, not for every row searched.
 */
function similarities(
  header: string,
  kind: SheetKind,
  fuzzy: boolean,
  layout?: PosLayout,
): Map<FieldId, Similarity> {
  const best = new Map<FieldId, Similarity>();
  const offer = (field: FieldId, similarity: Similarity) => {
    const known = best.get(field);
    if (
      !known ||
      similarity.value > known.value ||
      (similarity.value === known.value && similarity.rank < known.rank)
    )
      best.set(field, similarity);
  };
  const key = compactKey(header);
  if (key === '') return best;
  const headerWords = headerWordsOf(header);
  const excludedCache = new Map<FieldId, boolean>();
  const undone = UNDOING.some((words) => hasWords(headerWords, words));
  const excluded = (field: FieldId) => {
    if (undone) return false;
    let is = excludedCache.get(field);
    if (is === undefined) {
      is = (EXCLUDED.get(field) ?? []).some((words) => hasWords(headerWords, words));
      excludedCache.set(field, is);
    }
    return is;
  };
  // The recognised layout's own header for a field comes first (Sapo's `Ngày tạo đơn` over `Ngày hoàn thành`).
  if (layout) {
    for (const [field, names] of Object.entries(layout.headers) as [FieldId, string[]][]) {
      // Worth a little more than any other known name, so the layout's own reading wins the assignment.
      if (names.some((name) => compactKey(name) === key))
        offer(field, { value: RECOGNISED_LAYOUT_NAME, basis: 'name', rank: -1 });
    }
  }
  for (const known of EXACT_NAMES[kind].get(key) ?? []) {
    const value =
      known.rank >= LATE_NAME_RANK && known.rank < FIELD_BY_ID.get(known.field)!.names[kind]!.length
        ? LATE_NAME_CONFIDENCE
        : 1;
    offer(known.field, { value, basis: 'name', rank: known.rank });
  }
  const oneWord = headerWords.length === 1;
  for (const known of KNOWN_NAMES[kind]) {
    if (known.key.length < MIN_CONTAINED_NAME_LENGTH || known.key === key || excluded(known.field)) continue;
    // Contained on word boundaries (`Địa chỉ nhận hàng` holds `chinhanh` but not the words `chi nhanh`).
    const contains = oneWord ? key.includes(known.key) : hasWords(headerWords, known.words);
    if (contains) {
      offer(known.field, {
        value: 0.6 + 0.15 * (known.key.length / key.length),
        basis: 'contains',
        rank: known.rank,
      });
    } else if (fuzzy && key.length >= MIN_CONTAINED_NAME_LENGTH) {
      const limit = known.key.length >= 8 ? 2 : 1;
      const distance = editDistance(key, known.key, limit);
      if (distance <= limit) {
        const closeness = 1 - distance / Math.max(key.length, known.key.length);
        offer(known.field, { value: 0.7 * closeness, basis: 'similar', rank: known.rank });
      }
    }
  }
  // Words add up: `order purchase timestamp` says date twice, `order delivered customer date` once.
  const wordCount = new Map<FieldId, number>();
  for (const entry of WORDS) {
    if (!FIELD_BY_ID.get(entry.field)?.names[kind] || excluded(entry.field)) continue;
    if (hasWords(headerWords, entry.words))
      wordCount.set(entry.field, (wordCount.get(entry.field) ?? 0) + entry.words.length);
  }
  for (const [field, count] of wordCount) {
    offer(field, { value: Math.min(0.55, 0.35 + 0.1 * count), basis: 'words', rank: 100 });
  }
  return best;
}

/** How well a column's cells fit a field's type, 0–1 (see column-profile.ts for the shares). */
export function contentFit(field: FieldSpec, profile: ColumnProfile): number {
  if (profile.values === 0) return 0;
  const p = profile;
  let fit: number;
  switch (field.type) {
    case 'date':
      fit = Math.max(p.date, 0.6 * p.serial) * (p.time > 0.5 ? 0.2 : 1);
      break;
    case 'time':
      fit = p.time;
      break;
    case 'money':
      fit = p.money * (1 - Math.max(p.date, p.time, 0.7 * p.phone, p.email));
      break;
    case 'number':
      fit = p.money * (1 - Math.max(p.date, p.time, p.email, p.currency));
      break;
    case 'phone':
      // A customer column may mix phones and emails: both are keys (read-invoices.ts reads each as what it is).
      fit = Math.min(1, p.phone + 0.6 * p.email);
      break;
    case 'email':
      fit = Math.min(1, p.email + 0.6 * p.phone);
      break;
    case 'code':
      fit = (1 - Math.max(p.date, p.time, 0.5 * p.email)) * (1 - 0.8 * p.currency);
      break;
    default:
      // Text: names, stores, cities, statuses, tiers. Numbers alone (a tier `1`/`2`) still fit a little.
      fit = (0.2 + 0.8 * p.letters) * (1 - Math.max(p.date, p.time) * 0.8);
  }
  const fill = p.filled >= 0.2 ? 1 : p.filled / 0.2;
  return fit * fill;
}

/** Fields whose values say what they are, so a column may be chosen for them on its cells alone. */
function contentOnlyFit(field: FieldSpec, profile: ColumnProfile, fit: number): boolean {
  if (fit < CONTENT_ONLY_MIN_FIT) return false;
  if (field.type === 'phone' || field.type === 'email' || field.type === 'time') return true;
  if (field.type === 'date') return field.id === 'date' || field.id === 'lastPurchaseDate';
  return field.id === 'invoiceTotal' && profile.currency >= 0.5;
}

interface Candidate {
  field: FieldId;
  column: number;
  score: number;
  confidence: number;
  basis: MatchBasis;
}

function candidate(
  field: FieldSpec,
  column: number,
  similarity: Similarity | undefined,
  profile: ColumnProfile,
  required: boolean,
): Candidate | undefined {
  const fit = contentFit(field, profile);
  let confidence: number;
  let basis: MatchBasis;
  if (similarity) {
    basis = similarity.basis;
    if (profile.rows === 0) {
      // A header with no rows under it: nothing to weigh but the header.
      confidence = similarity.value;
    } else if (profile.values === 0) {
      // An empty column is only kept for a field the sheet cannot do without, so the error can name it.
      if (!required) return undefined;
      confidence = similarity.value * 0.02;
    } else if (basis !== 'name' && fit < MIN_FIT_WITHOUT_NAME && profile.values >= 3) {
      // A weak header on cells that contradict it (`Order Type` is not a time) is no candidate at all.
      return undefined;
    } else confidence = similarity.value * (CONTRADICTED_SHARE + (1 - CONTRADICTED_SHARE) * fit);
  } else if (contentOnlyFit(field, profile, fit)) {
    basis = 'content';
    confidence = CONTENT_ONLY_WEIGHT * fit;
  } else return undefined;
  // Among equals, an earlier name of the field's list, then the leftmost column, wins.
  const rank = similarity?.rank ?? 200;
  const score = confidence - rank * 1e-4 - column * 1e-7;
  return { field: field.id, column, score, confidence, basis };
}

/**
 * Maximum-total assignment of rows (fields) to columns (Hungarian method, O(n²m)): `score[i][j] ≤ 0` means no.
 * Returns, per row, its column or -1.
 */
export function bestAssignment(score: number[][], columns: number): number[] {
  const n = score.length;
  // Each row may also stay unassigned: n dummy columns of score 0.
  const m = columns + n;
  const cost = (i: number, j: number) => (j < columns ? -Math.max(0, score[i]![j]!) : 0);
  const u = new Array<number>(n + 1).fill(0);
  const v = new Array<number>(m + 1).fill(0);
  const p = new Array<number>(m + 1).fill(0);
  const way = new Array<number>(m + 1).fill(0);
  for (let i = 1; i <= n; i++) {
    p[0] = i;
    let j0 = 0;
    const minv = new Array<number>(m + 1).fill(Infinity);
    const used = new Array<boolean>(m + 1).fill(false);
    do {
      used[j0] = true;
      const i0 = p[j0]!;
      let delta = Infinity;
      let j1 = 0;
      for (let j = 1; j <= m; j++) {
        if (used[j]) continue;
        const current = cost(i0 - 1, j - 1) - u[i0]! - v[j]!;
        if (current < minv[j]!) {
          minv[j] = current;
          way[j] = j0;
        }
        if (minv[j]! < delta) {
          delta = minv[j]!;
          j1 = j;
        }
      }
      for (let j = 0; j <= m; j++) {
        if (used[j]) {
          u[p[j]!]! += delta;
          v[j]! -= delta;
        } else minv[j]! -= delta;
      }
      j0 = j1;
    } while (p[j0] !== 0);
    do {
      const j1 = way[j0]!;
      p[j0] = p[j1]!;
      j0 = j1;
    } while (j0 !== 0);
  }
  const assigned = new Array<number>(n).fill(-1);
  for (let j = 1; j <= columns; j++) {
    const row = p[j]!;
    if (row > 0 && score[row - 1]![j - 1]! > 0) assigned[row - 1] = j - 1;
  }
  return assigned;
}

/**
 * Per column, the share of sampled multi-line invoices whose lines all carry the same value (or leave it blank
 * after the first); undefined per column when the sample has no invoice of two lines.
 */
function repeatShares(
  values: CellValue[][],
  headerRow: number,
  codeColumn: number,
  columns: number[],
): Map<number, number> {
  const linesOf = new Map<string, number[]>();
  for (const row of sampleRows(values, headerRow)) {
    const code = cellText(values[row]?.[codeColumn]);
    if (code === '') continue;
    const lines = linesOf.get(code);
    if (lines) lines.push(row);
    else linesOf.set(code, [row]);
  }
  const multi = [...linesOf.values()].filter((lines) => lines.length > 1);
  const shares = new Map<number, number>();
  if (multi.length === 0) return shares;
  for (const column of columns) {
    let constant = 0;
    for (const lines of multi) {
      const first = cellText(values[lines[0]!]?.[column]);
      if (
        lines.every((row) => {
          const text = cellText(values[row]?.[column]);
          return text === first || text === '';
        })
      )
        constant++;
    }
    shares.set(column, constant / multi.length);
  }
  return shares;
}

/** Weighs the invoice-total and line-total candidates by how their values repeat within invoices. */
function adjustForRepeats(
  values: CellValue[][],
  headerRow: number,
  codeColumn: number,
  open: FieldSpec[],
  table: (Candidate | undefined)[][],
): boolean {
  const rows = ['invoiceTotal', 'lineTotal'].map((id) => open.findIndex((field) => field.id === id));
  const columns = new Set<number>();
  for (const at of rows) if (at >= 0) for (const entry of table[at]!) if (entry) columns.add(entry.column);
  if (columns.size === 0) return false;
  const shares = repeatShares(values, headerRow, codeColumn, [...columns]);
  if (shares.size === 0) return false;
  rows.forEach((at, k) => {
    if (at < 0) return;
    for (const entry of table[at]!) {
      const share = entry ? shares.get(entry.column) : undefined;
      if (!entry || share === undefined) continue;
      const factor = k === 0 ? 0.6 + 0.4 * share : 1 - 0.4 * share;
      entry.score *= factor;
      entry.confidence *= factor;
    }
  });
  return true;
}

/** Data rows sampled under a header row for the profiles: non-blank rows, up to the sample size. */
function sampleRows(values: CellValue[][], headerRow: number): number[] {
  const rows: number[] = [];
  for (let row = headerRow + 1; row < values.length && rows.length < PROFILE_SAMPLE_ROWS; row++) {
    const cells = values[row];
    if (cells && cells.some((cell) => !isBlank(cell))) rows.push(row);
  }
  return rows;
}

export function profileColumns(values: CellValue[][], headerRow: number, width: number): ColumnProfile[] {
  const rows = sampleRows(values, headerRow);
  return Array.from({ length: width }, (_, column) => profileColumn(values, rows, column));
}

function sheetWidth(values: CellValue[][], headerRow: number): number {
  let width = values[headerRow]?.length ?? 0;
  const end = Math.min(values.length, headerRow + 1 + PROFILE_SAMPLE_ROWS);
  for (let row = headerRow + 1; row < end; row++) width = Math.max(width, values[row]?.length ?? 0);
  return width;
}

/**
 * Maps the header row's columns to fields (see the top of the file). `overrides` are the user's choices: a
 * column for a field, or -1 for "this sheet has no such field"; both are kept as given.
 */
export function mapColumns(
  values: CellValue[][],
  headerRow: number,
  kind: SheetKind,
  overrides: Partial<Record<FieldId, number>> = {},
  profiles: ColumnProfile[] = profileColumns(values, headerRow, sheetWidth(values, headerRow)),
): ColumnMatch[] {
  const headers = (values[headerRow] ?? []).map(cellText);
  const width = profiles.length;
  const fields = fieldsOf(kind);
  const byField = new Map<FieldId, ColumnMatch>();
  const usedColumns = new Set<number>();
  const refused = new Set<FieldId>();
  for (const [field, column] of Object.entries(overrides) as [FieldId, number][]) {
    if (column === undefined) continue;
    if (column < 0) {
      refused.add(field);
      continue;
    }
    byField.set(field, { field, column, header: headers[column] ?? '', confidence: 1, basis: 'user' });
    usedColumns.add(column);
  }
  const layout = recogniseLayout(headers.map(compactKey), kind, compactKey);
  for (const field of layout?.absent ?? []) if (!byField.has(field)) refused.add(field);
  const required = new Set(REQUIRED_FIELDS[kind].flat());
  const open = fields.filter((field) => !byField.has(field.id) && !refused.has(field.id));
  const headerSimilarities = Array.from({ length: width }, (_, column) =>
    similarities(headers[column] ?? '', kind, true, layout),
  );
  const table: (Candidate | undefined)[][] = open.map((field) =>
    Array.from({ length: width }, (_, column) =>
      usedColumns.has(column)
        ? undefined
        : candidate(
            field,
            column,
            headerSimilarities[column]!.get(field.id),
            profiles[column]!,
            required.has(field.id),
          ),
    ),
  );
  const scores = () => table.map((row) => row.map((entry) => entry?.score ?? 0));
  let assigned = bestAssignment(scores(), width);
  // An invoice-level amount repeats on every line of its invoice (or is blank after the first); a line amount
  // varies. With the invoice code known, that tells `Total` from `Lineitem total` when their headers cannot.
  const codeAt = open.findIndex((field) => field.id === 'invoiceCode');
  const codeColumn = byField.get('invoiceCode')?.column ?? (codeAt >= 0 ? assigned[codeAt]! : -1);
  if (codeColumn >= 0 && adjustForRepeats(values, headerRow, codeColumn, open, table)) {
    assigned = bestAssignment(scores(), width);
  }
  open.forEach((field, i) => {
    const column = assigned[i]!;
    if (column < 0) return;
    const chosen = table[i]![column]!;
    let runner: Candidate | undefined;
    for (const entry of table[i]!) {
      if (entry && entry.column !== column && (!runner || entry.score > runner.score)) runner = entry;
    }
    let confidence = Math.min(1, chosen.confidence);
    if (runner && chosen.basis !== 'name' && runner.score >= CLOSE_RUNNER_UP * chosen.score) {
      confidence = Math.min(confidence, DOUBTFUL_CONFIDENCE);
    }
    byField.set(field.id, {
      field: field.id,
      column,
      header: headers[column] ?? '',
      confidence: Math.round(confidence * 100) / 100,
      basis: chosen.basis,
      ...(runner
        ? {
            runnerUp: {
              column: runner.column,
              header: headers[runner.column] ?? '',
              confidence: Math.round(Math.min(1, runner.confidence) * 100) / 100,
            },
          }
        : {}),
    });
  });
  return [...byField.values()].sort((a, b) => a.column - b.column);
}

/**
 * How strongly a row looks like a header: per field, the best similarity of one of its cells (known names 1,
 * contained names and words less). The header row is the first row with the best score above 1.5.
 */
function headerScore(row: CellValue[] | undefined, kind: SheetKind): number {
  if (!row) return 0;
  const best = new Map<FieldId, number>();
  for (const cell of row) {
    if (typeof cell !== 'string' || cell.length > 200) continue;
    for (const [field, similarity] of similarities(cell, kind, false)) {
      const value = similarity.basis === 'name' ? 1 : similarity.basis === 'contains' ? 0.5 : 0.4;
      best.set(field, Math.max(best.get(field) ?? 0, value));
    }
  }
  let score = 0;
  for (const value of best.values()) score += value;
  return score;
}

/** Whether a cell is a label (text that is not a number, a date, an amount): what header cells are. */
function isLabel(cell: CellValue): boolean {
  if (typeof cell !== 'string') return false;
  const text = cell.trim();
  return text !== '' && text.length <= 200 && /\p{L}/u.test(text) && !/^[\d\s.,:/\-+%₫$()]+$/u.test(text);
}

/**
 * A header row told by its shape when no row names enough known fields: the first row of at least two labels,
 * nearly all its filled cells labels, as wide as the rows under it, and followed by a row that is not.
 */
function headerRowByShape(values: CellValue[][]): number {
  const limit = Math.min(values.length - 1, HEADER_SEARCH_ROWS);
  for (let row = 0; row < limit; row++) {
    const cells = (values[row] ?? []).filter((cell) => !isBlank(cell));
    const labels = cells.filter(isLabel).length;
    if (labels < 2 || labels < 0.9 * cells.length) continue;
    const below = values.slice(row + 1, row + 6).filter((next) => next.some((cell) => !isBlank(cell)));
    if (below.length === 0) continue;
    const widest = Math.max(...below.map((next) => next.filter((cell) => !isBlank(cell)).length));
    const next = below[0]!.filter((cell) => !isBlank(cell));
    const nextAllLabels = next.length > 0 && next.every(isLabel);
    if (cells.length >= 0.6 * widest && !nextAllLabels) return row;
  }
  return -1;
}

/** 0-based header row for a sheet kind, or -1 when no row looks like one. */
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
  return best >= 0 ? best : headerRowByShape(values);
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
  const profiles = profileColumns(values, headerRow, sheetWidth(values, headerRow));
  const matches = mapColumns(values, headerRow, kind, options.overrides, profiles);
  const layout = recogniseLayout(
    (values[headerRow] ?? []).map((cell) => compactKey(cellText(cell))),
    kind,
    compactKey,
  );
  return {
    ...(layout ? { layout } : {}),
    kind,
    headerRow,
    headers: (values[headerRow] ?? []).map(cellText),
    matches,
    missing: missingRequired(matches, kind),
    profiles,
  };
}

/** Fields only a customer list has: with one of them, a sheet with a customer key is a customer sheet. */
const CUSTOMER_ONLY_FIELDS: ReadonlySet<FieldId> = new Set([
  'gender',
  'birthDate',
  'tier',
  'points',
  'registeredDate',
  'totalSpent',
  'invoiceCount',
  'lastPurchaseDate',
  'customerAlias',
]);

/**
 * Which kind a sheet looks like: invoices when it has an invoice code, a date and an amount; customers when it
 * has a customer key and either no date and amount or a header naming a field only customer lists have (gender,
 * tier, total spent, last purchase…); invoices again when it has a date and an amount (a sheet kept by hand);
 * null when none of these (no recognisable header).
 */
export function detectSheetKind(values: CellValue[][]): SheetKind | null {
  const asInvoices = detectHeader(values, 'invoices');
  const invoicesComplete = asInvoices !== null && asInvoices.missing.length === 0;
  const hasInvoiceCode = asInvoices?.matches.some((match) => match.field === 'invoiceCode') ?? false;
  if (invoicesComplete && hasInvoiceCode) return 'invoices';
  const asCustomers = detectHeader(values, 'customers');
  if (asCustomers && asCustomers.missing.length === 0) {
    if (!invoicesComplete) return 'customers';
    // Both readings work: a header that names a field only customer lists have decides; otherwise a row with a
    // date and an amount is a sale.
    const named = asCustomers.matches.some(
      (match) => CUSTOMER_ONLY_FIELDS.has(match.field) && match.basis !== 'content',
    );
    return named ? 'customers' : 'invoices';
  }
  return invoicesComplete ? 'invoices' : null;
}

export function fieldLabel(field: FieldId, language: 'vi' | 'en'): string {
  return FIELD_BY_ID.get(field)?.label[language] ?? field;
}
