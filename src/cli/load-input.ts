/**
 * From the files on the command line to the engine's input: which sheet holds invoices and which customers, and
 * the user's column map applied.
 *
 * - One .xlsx: every worksheet is classified with the add-on's own header detection (`detectSheetKind`); the
 *   first invoice sheet and the first customer sheet are used, the others are named in a note.
 * - One or two .csv: each file is classified the same way; when detection cannot tell (or both look alike),
 *   the first file is the invoices and the second the customers, as the usage line says.
 * - What a file is comes from its bytes (`sniffFile`), not its name: a workbook renamed `.csv` is read as the
 *   workbook it is (with a note), a CSV renamed `.xlsx` as CSV; an old `.xls`, an empty or a binary file is
 *   refused with a message saying what it is.
 * - Hidden sheets of a workbook are read only when no visible sheet holds the same kind of data; a hidden sheet
 *   passed over is named in a note.
 * - Problems the CSV reader met (an unclosed quote, lines run together) become the sheet's `readIssues`: the
 *   engine lists them on the Data-issues tab with the rest.
 * - `--map`: `{ "invoices": { "invoiceCode": "Mã hóa đơn", "date": "C" }, "customers": { … } }` names, per
 *   sheet kind, the column of each field by its header text (compared as the detector compares headers: no case,
 *   no diacritics) or by its column letter. Named headers also fix the header row (the first of the top 30 rows
 *   holding them all), so a sheet whose headers the detector does not know still opens.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { cellText, columnLetter, type CellValue } from '../core/cell';
import { say } from '../core/i18n';
import type { DataIssue } from '../core/issues';
import type { EngineInput, Language, SheetInput } from '../core/options';
import { compactKey, excerpt } from '../core/text';
import { FIELD_BY_ID, FIELDS, type FieldId, type SheetKind } from '../core/table/fields';
import { detectHeader, detectSheetKind } from '../core/table/header';
import { readCsvBytes, sniffFile, type CsvReading } from './read-csv';
import { readXlsxBytes, type WorksheetValues } from './read-xlsx';

/** The `--map` file's content: per sheet kind, field id → header text or column letter. */
export type ColumnMapFile = Partial<Record<SheetKind, Partial<Record<FieldId, string>>>>;

/** A problem with the input files or the map, reported to the user as is (exit code 1). */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

export interface LoadedInput {
  input: EngineInput;
  /** Which sheet became what, and what was left out; printed on stderr. */
  notes: string[];
  /** Rows read in all the sheets used (drives the progress display). */
  rows: number;
}

/** How far down named headers are looked for (as the header detector does). */
const HEADER_SEARCH_ROWS = 30;
/** Non-blank rows shown per sheet when no sheet has a recognisable header. */
const ROWS_SHOWN = 3;
/** Characters of one row shown in a message. */
const ROW_EXCERPT = 120;
const COLUMN_LETTERS = /^[A-Za-z]{1,3}$/;

/** 0-based column of a column letter (`A` → 0, `AA` → 26); the inverse of `columnLetter`. */
export function columnIndex(letters: string): number {
  let index = 0;
  for (const char of letters.toUpperCase()) index = index * 26 + (char.charCodeAt(0) - 64);
  return index - 1;
}

/** Checks the parsed `--map` JSON and returns it typed; the message names the file and the bad entry. */
export function checkColumnMap(json: unknown, file: string): ColumnMapFile {
  const fail = (what: string): never => {
    throw new InputError(`--map ${file}: ${what}`);
  };
  if (!json || typeof json !== 'object' || Array.isArray(json)) {
    fail('expected an object such as {"invoices": {"invoiceCode": "Mã hóa đơn"}, "customers": {...}}.');
  }
  const map: ColumnMapFile = {};
  for (const [kind, fields] of Object.entries(json as Record<string, unknown>)) {
    if (kind !== 'invoices' && kind !== 'customers') {
      fail(`"${kind}" is not a sheet kind; use "invoices" and "customers".`);
    }
    if (!fields || typeof fields !== 'object' || Array.isArray(fields)) {
      fail(`"${kind}" must map field names to headers, e.g. {"phone": "Điện thoại"}.`);
    }
    const entries: Partial<Record<FieldId, string>> = {};
    for (const [field, column] of Object.entries(fields as Record<string, unknown>)) {
      const spec = FIELD_BY_ID.get(field as FieldId);
      if (!spec || !spec.names[kind as SheetKind]) {
        const known = FIELDS.filter((candidate) => candidate.names[kind as SheetKind]).map((f) => f.id);
        fail(`"${field}" is not a field of ${kind}. Fields: ${known.join(', ')}.`);
      }
      if (typeof column !== 'string' || column.trim() === '') {
        fail(`${kind}.${field} must be a header text or a column letter.`);
      }
      entries[field as FieldId] = (column as string).trim();
    }
    map[kind as SheetKind] = entries;
  }
  return map;
}

function firstRows(values: CellValue[][]): string[] {
  const shown: string[] = [];
  for (const row of values) {
    const cells = row.map(cellText).filter((text) => text !== '');
    if (cells.length) shown.push(excerpt(cells.join(' | '), ROW_EXCERPT));
    if (shown.length === ROWS_SHOWN) break;
  }
  return shown;
}

/** The first of the top rows that holds every named header (by compact key), or -1. */
function rowHoldingHeaders(values: CellValue[][], names: string[]): number {
  const wanted = names.map(compactKey);
  const limit = Math.min(values.length, HEADER_SEARCH_ROWS);
  for (let row = 0; row < limit; row++) {
    const keys = new Set((values[row] ?? []).map((cell) => compactKey(cellText(cell))));
    if (wanted.every((key) => keys.has(key))) return row;
  }
  return -1;
}

/**
 * Applies one kind's map to a sheet: header texts are looked up in the header row (the row holding all of
 * them, or the detector's when the map gives letters only); a value that is not a header is a column letter.
 * A header text that is also a column letter (`Tag`, `ID`) counts as a header first.
 */
export function applyColumnMap(
  sheet: SheetInput,
  kind: SheetKind,
  mapping: Partial<Record<FieldId, string>>,
  language: Language,
): SheetInput {
  const entries = Object.entries(mapping) as [FieldId, string][];
  if (entries.length === 0) return sheet;
  const named = entries.filter(([, column]) => !COLUMN_LETTERS.test(column)).map(([, column]) => column);
  const namedRow = named.length ? rowHoldingHeaders(sheet.values, named) : -1;
  if (named.length && namedRow < 0) {
    const missing = named.filter((name) => rowHoldingHeaders(sheet.values, [name]) < 0);
    const detected = detectHeader(sheet.values, kind);
    const seen = excerpt(
      detected ? detected.headers.filter(Boolean).join(', ') : firstRows(sheet.values).join(' / '),
      ROW_EXCERPT * 2,
    );
    throw new InputError(
      missing.length
        ? say(
            language,
            `--map: không thấy cột ${missing.map((name) => `"${name}"`).join(', ')} trong sheet "${sheet.name}". Đã thấy: ${seen || '(trống)'}.`,
            `--map: no column ${missing.map((name) => `"${name}"`).join(', ')} in sheet "${sheet.name}". Seen: ${seen || '(empty)'}.`,
          )
        : say(
            language,
            `--map: các cột ${named.map((name) => `"${name}"`).join(', ')} không nằm trên cùng một dòng tiêu đề trong sheet "${sheet.name}".`,
            `--map: the columns ${named.map((name) => `"${name}"`).join(', ')} are not on one header row in sheet "${sheet.name}".`,
          ),
    );
  }
  const headerRow = namedRow >= 0 ? namedRow : (detectHeader(sheet.values, kind)?.headerRow ?? -1);
  const headerKeys =
    headerRow >= 0 ? (sheet.values[headerRow] ?? []).map((cell) => compactKey(cellText(cell))) : [];
  const width = Math.max(0, ...sheet.values.slice(0, HEADER_SEARCH_ROWS).map((row) => row.length));
  const columnMap: Partial<Record<FieldId, number>> = {};
  for (const [field, column] of entries) {
    const byHeader = headerKeys.indexOf(compactKey(column));
    const index = byHeader >= 0 ? byHeader : columnIndex(column);
    if (index >= width) {
      throw new InputError(
        say(
          language,
          `--map: ${kind}.${field} = "${column}": sheet "${sheet.name}" không có cột này (chỉ có ${width} cột).`,
          `--map: ${kind}.${field} = "${column}": sheet "${sheet.name}" has no such column (it has ${width}).`,
        ),
      );
    }
    columnMap[field] = index;
  }
  // Only headers the user named fix the header row; with letters alone the engine keeps detecting it.
  return {
    ...sheet,
    columnMap: { ...sheet.columnMap, ...columnMap },
    ...(namedRow >= 0 ? { headerRow } : {}),
  };
}

interface Candidate {
  name: string;
  values: CellValue[][];
  kind: SheetKind | null;
  hidden?: boolean;
  readIssues?: DataIssue[];
}

function classify(
  sheets: (WorksheetValues & { readIssues?: DataIssue[] })[],
  map: ColumnMapFile,
): Candidate[] {
  return sheets.map(({ name, values, hidden, readIssues }) => {
    let kind = detectSheetKind(values);
    // A sheet the detector cannot place still counts when it holds the headers the map names for a kind.
    if (!kind) {
      for (const candidateKind of ['invoices', 'customers'] as const) {
        const named = Object.values(map[candidateKind] ?? {}).filter(
          (column) => !COLUMN_LETTERS.test(column!),
        );
        if (named.length && rowHoldingHeaders(values, named as string[]) >= 0) {
          kind = candidateKind;
          break;
        }
      }
    }
    return { name, values, kind, hidden, readIssues };
  });
}

function isEmpty(values: CellValue[][]): boolean {
  return values.every((row) => row.every((cell) => cellText(cell) === ''));
}

function pickFromWorkbook(
  file: string,
  sheets: WorksheetValues[],
  map: ColumnMapFile,
  language: Language,
): { invoices?: Candidate; customers?: Candidate; notes: string[] } {
  const filled = sheets.filter((sheet) => !isEmpty(sheet.values));
  if (filled.length === 0) {
    throw new InputError(
      say(language, `Tệp "${file}" không có dữ liệu.`, `"${file}" has no data in any sheet.`),
    );
  }
  const candidates = classify(filled, map);
  // A visible sheet wins over a hidden one of the same kind (a stale export a shop hid); a hidden one is read
  // only when it is the only sheet of its kind.
  const pick = (kind: SheetKind) =>
    candidates.find((sheet) => sheet.kind === kind && !sheet.hidden) ??
    candidates.find((sheet) => sheet.kind === kind);
  const invoices = pick('invoices');
  const customers = pick('customers');
  if (!invoices && !customers) {
    const seen = candidates
      .slice(0, 5)
      .map((sheet) => `  "${sheet.name}": ${firstRows(sheet.values).join(' / ')}`)
      .join('\n');
    throw new InputError(
      say(
        language,
        `Không tìm thấy dòng tiêu đề của bảng hóa đơn hay khách hàng trong sheet nào của "${file}". Đã thấy:\n${seen}\nDùng --map để chỉ ra các cột.`,
        `No invoice or customer header row found in any sheet of "${file}". Rows seen:\n${seen}\nUse --map to name the columns.`,
      ),
    );
  }
  const notes: string[] = [];
  const used = [invoices, customers].filter(Boolean) as Candidate[];
  const hiddenMark = (sheet: Candidate) => (sheet.hidden ? say(language, ' (ẩn)', ' (hidden)') : '');
  notes.push(
    used
      .map((sheet) =>
        sheet.kind === 'invoices'
          ? say(
              language,
              `hóa đơn: sheet "${sheet.name}"${hiddenMark(sheet)}`,
              `invoices: sheet "${sheet.name}"${hiddenMark(sheet)}`,
            )
          : say(
              language,
              `khách hàng: sheet "${sheet.name}"${hiddenMark(sheet)}`,
              `customers: sheet "${sheet.name}"${hiddenMark(sheet)}`,
            ),
      )
      .join('; '),
  );
  const skippedHidden = candidates.filter((sheet) => sheet.hidden && sheet.kind && !used.includes(sheet));
  for (const sheet of skippedHidden) {
    const visible = used.find((candidate) => candidate.kind === sheet.kind)!;
    notes.push(
      say(
        language,
        `Sheet ẩn "${sheet.name}" cũng giống bảng ${sheet.kind === 'invoices' ? 'hóa đơn' : 'khách hàng'}: không đọc, vì đã đọc sheet hiện "${visible.name}".`,
        `Hidden sheet "${sheet.name}" also looks like ${sheet.kind}: not read, as the visible sheet "${visible.name}" was.`,
      ),
    );
  }
  const ignored = candidates.filter((sheet) => !used.includes(sheet) && !skippedHidden.includes(sheet));
  if (ignored.length) {
    notes.push(
      say(
        language,
        `Bỏ qua: ${ignored.map((sheet) => `"${sheet.name}"`).join(', ')}.`,
        `Not read: ${ignored.map((sheet) => `"${sheet.name}"`).join(', ')}.`,
      ),
    );
  }
  return { invoices, customers, notes };
}

function pickFromCsv(
  files: { name: string; values: CellValue[][]; readIssues?: DataIssue[] }[],
  map: ColumnMapFile,
  language: Language,
): { invoices?: Candidate; customers?: Candidate; notes: string[] } {
  const candidates = classify(files, map);
  let invoices: Candidate | undefined;
  let customers: Candidate | undefined;
  if (candidates.length === 1) {
    const only = candidates[0]!;
    if (only.kind === 'customers') customers = only;
    else invoices = only; // unrecognised: the engine reports the rows it saw
  } else {
    const [first, second] = candidates as [Candidate, Candidate];
    const swapped =
      (first.kind === 'customers' && second.kind !== 'customers') ||
      (second.kind === 'invoices' && first.kind !== 'invoices');
    invoices = swapped ? second : first;
    customers = swapped ? first : second;
  }
  const notes = [
    [
      invoices ? say(language, `hóa đơn: ${invoices.name}`, `invoices: ${invoices.name}`) : '',
      customers ? say(language, `khách hàng: ${customers.name}`, `customers: ${customers.name}`) : '',
    ]
      .filter(Boolean)
      .join('; '),
  ];
  return { invoices, customers, notes };
}

/** The reader's problems on a CSV file as data issues of its sheet. */
function csvIssues(name: string, reading: CsvReading): DataIssue[] {
  return reading.problems.map((problem) => ({
    code: problem.code,
    sheet: name,
    row: problem.row,
    ...(problem.field !== undefined ? { column: columnLetter(problem.field) } : {}),
    value: problem.excerpt,
    message: problem.message,
  }));
}

type ReadFile =
  | { kind: 'xlsx'; name: string; sheets: WorksheetValues[] }
  | { kind: 'csv'; name: string; values: CellValue[][]; readIssues: DataIssue[] };

/** Reads one input file by what its bytes are (see the file comment); notes what was noticed. */
async function readInputFile(path: string, language: Language, notes: string[]): Promise<ReadFile> {
  const name = basename(path);
  const bytes = readFileSync(path);
  const kind = sniffFile(bytes);
  const namedXlsx = /\.xls[xm]$/i.test(name);
  if (kind === 'empty') {
    throw new InputError(
      say(
        language,
        `"${name}" trống (${bytes.length} byte): không có gì để đọc.`,
        `"${name}" is empty (${bytes.length} bytes): there is nothing to read.`,
      ),
    );
  }
  if (kind === 'xls') {
    throw new InputError(
      say(
        language,
        `"${name}" là workbook Excel cũ (.xls, 97–2003): mở nó trong Excel hoặc Sheets và lưu lại dạng .xlsx hoặc CSV UTF-8.`,
        `"${name}" is an old Excel 97–2003 workbook (.xls): open it in Excel or Sheets and save it as .xlsx or CSV UTF-8.`,
      ),
    );
  }
  if (kind === 'binary') {
    throw new InputError(
      say(
        language,
        `"${name}" không phải bảng tính: nó chứa dữ liệu nhị phân, không phải văn bản CSV hay workbook .xlsx.`,
        `"${name}" is not a spreadsheet: it holds binary data, neither CSV text nor an .xlsx workbook.`,
      ),
    );
  }
  if (kind === 'xlsx') {
    if (!namedXlsx) {
      notes.push(
        say(
          language,
          `"${name}" là một workbook Excel (.xlsx) dù tên của nó: đọc như một workbook.`,
          `"${name}" is an Excel workbook (.xlsx) whatever its name says: read as one.`,
        ),
      );
    }
    return { kind: 'xlsx', name, sheets: await readXlsxBytes(bytes) };
  }
  if (namedXlsx) {
    notes.push(
      say(
        language,
        `"${name}" là văn bản CSV, không phải workbook Excel, dù tên của nó: đọc như CSV.`,
        `"${name}" is CSV text, not an Excel workbook, whatever its name says: read as CSV.`,
      ),
    );
  }
  const reading = readCsvBytes(bytes, name);
  notes.push(...reading.notes);
  return { kind: 'csv', name, values: reading.rows, readIssues: csvIssues(name, reading) };
}

/** Reads the input files and returns the engine's input, with the map and the date order applied. */
export async function loadInput(
  paths: string[],
  options: { map?: ColumnMapFile; dateOrder?: 'dmy' | 'mdy'; language: Language },
): Promise<LoadedInput> {
  const map = options.map ?? {};
  const fileNotes: string[] = [];
  const files: ReadFile[] = [];
  for (const path of paths) files.push(await readInputFile(path, options.language, fileNotes));
  const workbook = files.find((file) => file.kind === 'xlsx');
  if (workbook && files.length > 1) {
    throw new InputError(
      say(
        options.language,
        `"${workbook.name}" là một workbook Excel: hãy đưa nó một mình (các sheet của nó được đọc làm hóa đơn và khách hàng), hoặc đưa một hay hai tệp CSV.`,
        `"${workbook.name}" is an Excel workbook: give it alone (its sheets are read as invoices and customers), or give one or two CSV files.`,
      ),
    );
  }
  const picked =
    workbook?.kind === 'xlsx'
      ? pickFromWorkbook(workbook.name, workbook.sheets, map, options.language)
      : pickFromCsv(
          files.map((file) => file as Extract<ReadFile, { kind: 'csv' }>),
          map,
          options.language,
        );
  picked.notes.unshift(...fileNotes);
  const input: EngineInput = {};
  let rows = 0;
  for (const kind of ['invoices', 'customers'] as const) {
    const candidate = picked[kind];
    if (!candidate) continue;
    let sheet: SheetInput = { name: candidate.name, values: candidate.values };
    if (candidate.readIssues?.length) sheet.readIssues = candidate.readIssues;
    if (options.dateOrder) sheet.dateOrder = options.dateOrder;
    if (map[kind]) sheet = applyColumnMap(sheet, kind, map[kind], options.language);
    input[kind] = sheet;
    rows += candidate.values.length;
  }
  const unused = (['invoices', 'customers'] as const).filter((kind) => map[kind] && !input[kind]);
  for (const kind of unused) {
    picked.notes.push(
      say(
        options.language,
        `--map: không có sheet ${kind === 'invoices' ? 'hóa đơn' : 'khách hàng'}, bỏ qua phần "${kind}".`,
        `--map: no ${kind} sheet, so its "${kind}" part is not used.`,
      ),
    );
  }
  return { input, notes: picked.notes, rows };
}
