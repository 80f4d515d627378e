/**
 * From the files on the command line to the engine's input: which sheet holds invoices and which customers, and
 * the user's column map applied.
 *
 * - One .xlsx: every worksheet is classified with the add-on's own header detection (`detectSheetKind`); the
 *   first invoice sheet and the first customer sheet are used, the others are named in a note.
 * - One or two .csv: each file is classified the same way; when detection cannot tell (or both look alike),
 *   the first file is the invoices and the second the customers, as the usage line says.
 * - `--map`: `{ "invoices": { "invoiceCode": "Mã hóa đơn", "date": "C" }, "customers": { … } }` names, per
 *   sheet kind, the column of each field by its header text (compared as the detector compares headers: no case,
 *   no diacritics) or by its column letter. Named headers also fix the header row (the first of the top 30 rows
 *   holding them all), so a sheet whose headers the detector does not know still opens.
 */
import { basename } from 'node:path';
import { cellText, type CellValue } from '../core/cell';
import { say } from '../core/i18n';
import type { EngineInput, Language, SheetInput } from '../core/options';
import { compactKey } from '../core/text';
import { FIELD_BY_ID, FIELDS, type FieldId, type SheetKind } from '../core/table/fields';
import { detectHeader, detectSheetKind } from '../core/table/header';
import { readCsvFile } from './read-csv';
import { readXlsxFile, type WorksheetValues } from './read-xlsx';

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
    if (cells.length) shown.push(cells.join(' | '));
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
    const seen = detected ? detected.headers.filter(Boolean).join(', ') : firstRows(sheet.values).join(' / ');
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
}

function classify(sheets: WorksheetValues[], map: ColumnMapFile): Candidate[] {
  return sheets.map(({ name, values }) => {
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
    return { name, values, kind };
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
  const invoices = candidates.find((sheet) => sheet.kind === 'invoices');
  const customers = candidates.find((sheet) => sheet.kind === 'customers');
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
  notes.push(
    used
      .map((sheet) =>
        sheet.kind === 'invoices'
          ? say(language, `hóa đơn: sheet "${sheet.name}"`, `invoices: sheet "${sheet.name}"`)
          : say(language, `khách hàng: sheet "${sheet.name}"`, `customers: sheet "${sheet.name}"`),
      )
      .join('; '),
  );
  const ignored = candidates.filter((sheet) => !used.includes(sheet));
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
  files: { name: string; values: CellValue[][] }[],
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

/** Reads the input files and returns the engine's input, with the map and the date order applied. */
export async function loadInput(
  paths: string[],
  options: { map?: ColumnMapFile; dateOrder?: 'dmy' | 'mdy'; language: Language },
): Promise<LoadedInput> {
  const map = options.map ?? {};
  const isXlsx = /\.xlsx$/i.test(paths[0]!);
  const picked = isXlsx
    ? pickFromWorkbook(basename(paths[0]!), await readXlsxFile(paths[0]!), map, options.language)
    : pickFromCsv(
        paths.map((path) => ({ name: basename(path), values: readCsvFile(path, basename(path)) })),
        map,
        options.language,
      );
  const input: EngineInput = {};
  let rows = 0;
  for (const kind of ['invoices', 'customers'] as const) {
    const candidate = picked[kind];
    if (!candidate) continue;
    let sheet: SheetInput = { name: candidate.name, values: candidate.values };
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
