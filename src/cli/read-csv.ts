/**
 * CSV files as the engine wants them: a 2-D array of text cells (the engine parses numbers and dates itself,
 * exactly as it does with text pasted into Sheets).
 *
 * - What a file is, is told by its bytes, not its name (`sniffFile`): an Excel workbook renamed `.csv`, an old
 *   `.xls`, an empty or a binary file each get their own message.
 * - Encoding: UTF-8 with or without BOM; UTF-16 with a BOM (Excel's "Unicode text"), or without one when its
 *   zero bytes say so. Bytes that are not UTF-8 (a Windows code page) stop the run with a message naming the
 *   line, rather than turning Vietnamese letters into `�`.
 * - Separator: `,`, `;` or tab, whichever splits the first lines into the same number of fields most often
 *   (quote-aware, so `"1,5"` does not count). A semicolon file with decimal commas therefore reads right.
 * - Line ends: LF, CRLF, and old-Mac CR alone (a file whose lone CRs outnumber its LFs reads them as line ends,
 *   with a note).
 * - Quotes: RFC 4180 (`"a ""b"""`, separators and line breaks inside quotes). A quote in the middle of an
 *   unquoted field is kept as a character, as spreadsheets do. A quote that opens a field and is never closed,
 *   or whose field runs over following lines that look like records, would swallow the rows after it: that
 *   line is read with the quote as a character, the problem is reported with its line, and the following rows
 *   are read as rows.
 * - A record with far more fields than the header (the line breaks of several records lost) is reported; when
 *   such records hold most of the file, reading stops with an error, as nothing sensible can be made of it.
 * - One record per row; blank lines are kept as rows of one empty cell so row numbers in data issues match the
 *   file's lines.
 *
 * Speed: lines without a quote are cut with `indexOf` and `split`; only quoted lines go through the
 * field scanner, which also copies slices rather than characters.
 */
import { isUtf8 } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { excerpt } from '../core/text';

export type Separator = ',' | ';' | '\t';

const SEPARATORS: readonly Separator[] = [',', ';', '\t'];
/** Lines looked at to choose the separator and the record width. */
const SNIFF_LINES = 30;
/** A file of one line with more fields than this has lost its line breaks (no header is this wide). */
const ONE_LINE_FIELDS = 300;
/** Bytes looked at to tell text from binary. */
const SNIFF_BYTES = 8192;

/** Raised when a CSV file cannot be read as rows at all; its message is for the user, as is. */
export class CsvReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CsvReadError';
  }
}

/** Raised for bytes that are not text in a known encoding. */
export class CsvEncodingError extends CsvReadError {
  constructor(message: string) {
    super(message);
    this.name = 'CsvEncodingError';
  }
}

/** What a file's first bytes say it is. */
export type FileKind = 'xlsx' | 'xls' | 'empty' | 'binary' | 'text';

/** UTF-16 little-endian without a BOM: many odd bytes of the start are 0 and few even ones are. */
function looksLikeUtf16le(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, SNIFF_BYTES) & ~1;
  if (n < 4) return false;
  let oddZero = 0;
  let evenZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  return oddZero > pairs / 4 && evenZero < pairs / 10;
}

/**
 * The kind of a file from its bytes: a zip (`PK\x03\x04`, what every .xlsx is), an OLE compound file (an old
 * .xls), nothing (no bytes, or only a BOM and spaces), binary (a NUL byte in its start, and not UTF-16), or text.
 */
export function sniffFile(bytes: Uint8Array): FileKind {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'xlsx';
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return 'xls';
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  let blank = true;
  const end = Math.min(bytes.length, SNIFF_BYTES);
  for (let i = utf16 ? 2 : bom; i < end; i++) {
    const byte = bytes[i]!;
    if (byte === 0) {
      if (utf16) continue;
      return looksLikeUtf16le(bytes) ? 'text' : 'binary';
    }
    if (byte !== 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) blank = false;
  }
  return blank && bytes.length <= SNIFF_BYTES ? 'empty' : 'text';
}

/** 1-based line of a byte offset. */
function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** Length of the UTF-8 sequence a lead byte starts, 0 for a byte that cannot lead one. */
function utf8Length(byte: number): number {
  if (byte < 0x80) return 1;
  if (byte >= 0xc2 && byte < 0xe0) return 2;
  if (byte >= 0xe0 && byte < 0xf0) return 3;
  if (byte >= 0xf0 && byte < 0xf5) return 4;
  return 0;
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence, -1 when none. */
function firstBadUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const length = utf8Length(bytes[i]!);
    if (length === 0) return i;
    for (let k = 1; k < length; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += length;
  }
  return -1;
}

/**
 * Text of a CSV file's bytes: BOM removed, UTF-16 recognised by its BOM (or, without one, by its zero bytes),
 * UTF-8 otherwise, strictly: a Windows code page is refused with the line of its first foreign byte.
 */
export function decodeCsv(bytes: Uint8Array, name: string): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  if (bytes.indexOf(0) >= 0 && looksLikeUtf16le(bytes)) return new TextDecoder('utf-16le').decode(bytes);
  try {
    // TextDecoder drops a UTF-8 BOM itself (ignoreBOM is false by default).
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const bad = firstBadUtf8(bytes);
    const where =
      bad >= 0
        ? ` (line ${lineOfByte(bytes, bad)} has bytes of another encoding, such as Windows-1258 or Windows-1252)`
        : '';
    throw new CsvEncodingError(
      `"${name}" is not UTF-8 text${where}. Save it again as "CSV UTF-8" (Excel: Save As → CSV UTF-8).`,
    );
  }
}

/** A problem found while cutting the text into rows, on one row (1-based, as the engine numbers rows). */
export interface CsvProblem {
  code: 'unclosed-quote' | 'joined-lines';
  row: number;
  /** 1-based line of the file where the record starts. */
  line: number;
  /** 0-based field of the record at fault, when one is. */
  field?: number;
  /** A short excerpt of the line. */
  excerpt: string;
  message: string;
}

/** A CSV file read: its rows, what went wrong on some of them, and notes about the file as a whole. */
export interface CsvReading {
  rows: string[][];
  separator: Separator;
  problems: CsvProblem[];
  notes: string[];
}

/** Field counts of the first lines for one separator, not counting separators inside quotes. */
function fieldCounts(text: string, separator: Separator): number[] {
  const counts: number[] = [];
  let inQuotes = false;
  let count = 1;
  let lineHasText = false;
  for (let i = 0; i < text.length && counts.length < SNIFF_LINES; i++) {
    const char = text[i];
    if (char === '"') inQuotes = !inQuotes;
    else if (inQuotes) continue;
    else if (char === separator) count++;
    else if (char === '\n') {
      if (lineHasText) counts.push(count);
      count = 1;
      lineHasText = false;
      continue;
    }
    if (char !== '\r') lineHasText = true;
  }
  if (lineHasText && counts.length < SNIFF_LINES) counts.push(count);
  return counts;
}

/**
 * The separator that gives the most lines the same field count (above one); ties go to the larger count, then
 * to the order `,` `;` tab. A file with one column has no separator to find: comma.
 */
export function detectSeparator(text: string): Separator {
  let best: Separator = ',';
  let bestLines = 0;
  let bestFields = 1;
  for (const separator of SEPARATORS) {
    const frequency = new Map<number, number>();
    for (const count of fieldCounts(text, separator)) frequency.set(count, (frequency.get(count) ?? 0) + 1);
    for (const [fields, lines] of frequency) {
      if (fields < 2) continue;
      if (lines > bestLines || (lines === bestLines && fields > bestFields)) {
        best = separator;
        bestLines = lines;
        bestFields = fields;
      }
    }
  }
  return best;
}

/** Drops the `\r` of a CRLF line end. */
function withoutCr(line: string): string {
  return line.charCodeAt(line.length - 1) === 13 ? line.slice(0, -1) : line;
}

/** Fields up to the last non-empty one. */
function extent(row: readonly string[]): number {
  let n = row.length;
  while (n > 0 && row[n - 1] === '') n--;
  return n;
}

/**
 * How many fields a record of the file has: the most common extent among the first records with two or more
 * (on a tie, the smaller: a header followed by one record of 4,000 fields is a file of 8 columns).
 */
function recordWidth(rows: readonly string[][]): number {
  const frequency = new Map<number, number>();
  let seen = 0;
  for (const row of rows) {
    const n = extent(row);
    if (n < 2) continue;
    frequency.set(n, (frequency.get(n) ?? 0) + 1);
    if (++seen === SNIFF_LINES) break;
  }
  let best = 0;
  let bestCount = 0;
  for (const [n, count] of frequency) {
    if (count > bestCount || (count === bestCount && n < best)) {
      best = n;
      bestCount = count;
    }
  }
  return best;
}

/** The record width from the first lines, cut at line breaks (quotes are not followed across lines here). */
function firstLinesWidth(text: string, separator: Separator): number {
  const rows: string[][] = [];
  let pos = 0;
  while (pos < text.length && rows.length < SNIFF_LINES) {
    let lineEnd = text.indexOf('\n', pos);
    if (lineEnd < 0) lineEnd = text.length;
    rows.push(withoutCr(text.slice(pos, lineEnd)).split(separator));
    pos = lineEnd + 1;
  }
  return recordWidth(rows);
}

/**
 * Whether a quoted field's content (from `from` to `to`) reads like records rather than one cell: a line inside
 * it (after a line break) with a whole record's separators (at least one). A quoted address over three lines has
 * a comma or two per line; the rows swallowed by a stray quote have a record's separators each.
 */
function swallowsRecords(text: string, from: number, to: number, separator: string, width: number): boolean {
  const needed = Math.max(1, width - 1);
  let lineBreak = text.indexOf('\n', from);
  while (lineBreak >= 0 && lineBreak < to) {
    const next = text.indexOf('\n', lineBreak + 1);
    const lineEnd = next < 0 || next > to ? to : next;
    let separators = 0;
    for (let i = lineBreak + 1; i < lineEnd && separators < needed; i++)
      if (text[i] === separator) separators++;
    if (separators >= needed) return true;
    lineBreak = next;
  }
  return false;
}

/**
 * Scans one record that contains quotes, starting at `start`; returns its fields and where the next record
 * begins. Quoted fields may hold separators and line breaks. A field whose opening quote is never closed, or
 * whose content runs over lines that look like records, gives `unclosed` (that field's index) instead: the
 * caller reads the line with the quote as a character.
 */
function scanQuotedRecord(
  text: string,
  start: number,
  separator: string,
  width: number,
): { fields: string[]; next: number; unclosed?: number; unclosedFrom?: number } {
  const fields: string[] = [];
  let pos = start;
  const end = text.length;
  for (;;) {
    if (text.charCodeAt(pos) === 34 /* " */) {
      const pieces: string[] = [];
      let from = pos + 1;
      for (;;) {
        const quote = text.indexOf('"', from);
        if (quote < 0 || swallowsRecords(text, from, quote, separator, width)) {
          return { fields, next: end, unclosed: fields.length, unclosedFrom: pos + 1 };
        }
        pieces.push(text.slice(from, quote));
        if (text.charCodeAt(quote + 1) === 34) {
          pieces.push('"');
          from = quote + 2;
          continue;
        }
        pos = quote + 1;
        break;
      }
      // Text after the closing quote and before the separator is kept (`"a"b` → `ab`).
      let stop = pos;
      while (stop < end) {
        const code = text.charCodeAt(stop);
        if (text[stop] === separator || code === 10) break;
        stop++;
      }
      if (stop > pos) pieces.push(withoutCr(text.slice(pos, stop)));
      fields.push(pieces.join(''));
      pos = stop;
    } else {
      let stop = pos;
      while (stop < end) {
        const code = text.charCodeAt(stop);
        if (text[stop] === separator || code === 10) break;
        stop++;
      }
      fields.push(withoutCr(text.slice(pos, stop)));
      pos = stop;
    }
    if (pos >= end) return { fields, next: end };
    if (text.charCodeAt(pos) === 10) return { fields, next: pos + 1 };
    pos++; // separator
    if (pos >= end) {
      fields.push('');
      return { fields, next: end };
    }
  }
}

/**
 * One string per distinct value of a column, while the column has few distinct values: a POS export repeats its
 * store, status, channel, date and customer cells on every line, and a million rows of them held as separate
 * strings took most of the reader's memory (and of the collector's time afterwards). A column that turns out
 * to hold mostly distinct values (invoice codes) stops being looked up once it has SHARED_CELLS_LIMIT of them.
 */
const SHARED_CELLS_LIMIT = 200_000;

class SharedCells {
  private readonly columns: (Map<string, string> | null)[] = [];

  of(row: string[]): string[] {
    for (let c = 0; c < row.length; c++) {
      let seen = this.columns[c];
      if (seen === null) continue;
      if (seen === undefined) this.columns[c] = seen = new Map();
      const value = row[c]!;
      const known = seen.get(value);
      if (known !== undefined) row[c] = known;
      else if (seen.size < SHARED_CELLS_LIMIT) seen.set(value, value);
      else this.columns[c] = null;
    }
    return row;
  }
}

/** The problem of a quote that opens field `field` of a line and is never closed. */
function unclosedQuote(
  row: number,
  line: number,
  field: number,
  fields: string[],
  separator: string,
): CsvProblem {
  return {
    code: 'unclosed-quote',
    row,
    line,
    field,
    excerpt: excerpt(fields.join(separator)),
    message: `Line ${line}: the quote that opens field ${field + 1} is never closed (it would swallow the lines after it). The line was read with the quote as a character, and the lines after it as rows.`,
  };
}

/** Cuts the text into records; `lines[i]` is the 1-based line where record i starts. */
function parseCsvRecords(
  text: string,
  separator: Separator,
  problems: CsvProblem[],
): { rows: string[][]; lines: number[] } {
  const shared = new SharedCells();
  const rows = {
    push: (row: string[]) => stored.push(shared.of(row)),
    get length() {
      return stored.length;
    },
  };
  const stored: string[][] = [];
  const lines: number[] = [];
  let line = 1;
  const width = firstLinesWidth(text, separator);
  const end = text.length;
  let pos = 0;
  // Next quote at or after `pos`, searched again only once passed (searching per line would be quadratic).
  let quote = text.indexOf('"');
  if (quote < 0) quote = end;
  while (pos < end) {
    let lineEnd = text.indexOf('\n', pos);
    if (lineEnd < 0) lineEnd = end;
    if (quote < pos) {
      quote = text.indexOf('"', pos);
      if (quote < 0) quote = end;
    }
    lines.push(line);
    if (quote >= lineEnd) {
      rows.push(withoutCr(text.slice(pos, lineEnd)).split(separator));
      pos = lineEnd + 1;
      line++;
      continue;
    }
    const record = scanQuotedRecord(text, pos, separator, width);
    if (record.unclosed !== undefined) {
      // The quote is read as a character and the record ends with its line: the rows after it stay rows.
      const fields = withoutCr(text.slice(pos, lineEnd)).split(separator);
      problems.push(unclosedQuote(rows.length + 1, line, record.unclosed, fields, separator));
      rows.push(fields);
      pos = lineEnd + 1;
      line++;
      continue;
    }
    for (let i = pos; i < record.next; i++) if (text.charCodeAt(i) === 10) line++;
    rows.push(record.fields);
    pos = record.next;
  }
  return { rows: stored, lines };
}

/** Parses CSV text into rows of text cells (see the file comment for the rules). */
export function parseCsv(text: string, separator: Separator = detectSeparator(text)): string[][] {
  return parseCsvRecords(text, separator, []).rows;
}

/** Lone CRs (not before an LF) outnumbering LFs: old-Mac line ends, read as line breaks. */
function normaliseLineEnds(text: string): { text: string; oldMac: boolean } {
  const firstCr = text.indexOf('\r');
  if (firstCr < 0) return { text, oldMac: false };
  let lone = 0;
  let feeds = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 13 && text.charCodeAt(i + 1) !== 10) lone++;
    else if (code === 10) feeds++;
  }
  if (lone === 0 || lone < feeds) return { text, oldMac: false };
  return { text: text.replace(/\r(?!\n)/g, '\n'), oldMac: true };
}

/**
 * Reads decoded CSV text into rows, with the problems found on its rows and notes about the whole file. Throws
 * `CsvReadError` when records that ran together hold most of the file.
 */
export function readCsvText(raw: string, name: string): CsvReading {
  const { text, oldMac } = normaliseLineEnds(raw);
  const separator = detectSeparator(text);
  const problems: CsvProblem[] = [];
  const { rows, lines } = parseCsvRecords(text, separator, problems);
  const notes: string[] = [];
  if (oldMac) notes.push(`${name}: old Mac line ends (CR alone) read as line breaks.`);
  return checkedReading(rows, lines, separator, problems, notes, name);
}

/**
 * The rows of a file with the checks of the whole file: records that ran together are reported, and when they
 * hold most of the file (or the file is one long line) reading stops with `CsvReadError`.
 */
function checkedReading(
  rows: string[][],
  lines: number[],
  separator: Separator,
  problems: CsvProblem[],
  notes: string[],
  name: string,
): CsvReading {
  const width = recordWidth(rows);
  let joinedFields = 0;
  let allFields = 0;
  for (let r = 0; r < rows.length; r++) {
    const n = extent(rows[r]!);
    allFields += n;
    if (width < 2 || n < 2 * width - 1 || n < width + 3) continue;
    joinedFields += n;
    problems.push({
      code: 'joined-lines',
      row: r + 1,
      line: lines[r]!,
      excerpt: excerpt(rows[r]!.slice(0, width).join(separator)),
      message: `Line ${lines[r]} has ${n.toLocaleString('en-US')} fields where the header has ${width}: the line breaks between several records were probably lost. Only its first ${width} fields were read; save the file again with its line breaks.`,
    });
  }
  const records = rows.filter((row) => extent(row) >= 2);
  if (records.length === 1 && extent(records[0]!) > ONE_LINE_FIELDS) {
    throw new CsvReadError(
      `"${name}" cannot be read as rows: it is one line of ${extent(records[0]!).toLocaleString('en-US')} fields (it begins "${excerpt(records[0]!.join(separator))}"), so its line breaks were lost. Save the file again with one record per line.`,
    );
  }
  if (joinedFields > 0 && joinedFields * 2 > allFields) {
    const first = problems.find((problem) => problem.code === 'joined-lines')!;
    throw new CsvReadError(
      `"${name}" cannot be read as rows: line ${first.line} holds ${extent(rows[first.row - 1]!).toLocaleString('en-US')} fields where the header has ${width} (it begins "${first.excerpt}"), so its line breaks were lost. Save the file again with one record per line.`,
    );
  }
  problems.sort((a, b) => a.row - b.row);
  return { rows, separator, problems, notes };
}

/** Bytes decoded for the separator and width sniff: the first lines, cut at a line end. */
const SNIFF_TEXT_BYTES = 1 << 16;
/** First window decoded around a record with quotes; doubled while its quoted field may run on. */
const QUOTED_WINDOW_BYTES = 4096;

/** Whether lone CRs (not before an LF) outnumber LFs: old-Mac line ends, left to the text reader. */
function hasOldMacLineEnds(bytes: Uint8Array, start: number): boolean {
  if (bytes.indexOf(13, start) < 0) return false;
  let lone = 0;
  let feeds = 0;
  for (let i = start; i < bytes.length; i++) {
    const byte = bytes[i];
    if (byte === 13 && bytes[i + 1] !== 10) lone++;
    else if (byte === 10) feeds++;
  }
  return lone > 0 && lone >= feeds;
}

/** Offset just past the line end at or after `from` (the file's end when none). */
function pastLineEnd(bytes: Uint8Array, from: number): number {
  const lf = bytes.indexOf(10, from);
  return lf < 0 ? bytes.length : lf + 1;
}

/**
 * The same reading as `readCsvText(decodeCsv(bytes))` for a UTF-8 file with LF or CRLF line ends, made from the
 * bytes: each cell is decoded on its own, so the file is never one decoded string. At 1M rows that string took
 * 360 MB (Vietnamese text makes it two bytes a character) and stayed alive as long as any cell sliced from it
 * did, i.e. the whole run. Lines without a quote are cut on separator bytes (a separator or line feed byte never
 * occurs inside a UTF-8 sequence); a record with a quote is decoded with the lines it may run over and read by
 * the text reader's own scanner.
 */
function readUtf8Csv(bytes: Buffer, start: number, name: string): CsvReading {
  const end = bytes.length;
  // The sniff sees at least the lines the text reader's sniff would (SNIFF_LINES records, some over two lines).
  let sniffEnd = pastLineEnd(bytes, Math.min(end, start + SNIFF_TEXT_BYTES));
  let sniffLines = start;
  for (let n = 0; n < 4 * SNIFF_LINES && sniffLines < end; n++) sniffLines = pastLineEnd(bytes, sniffLines);
  sniffEnd = Math.max(sniffEnd, sniffLines);
  const sniff = bytes.toString('utf8', start, sniffEnd);
  const separator = detectSeparator(sniff);
  const width = firstLinesWidth(sniff, separator);
  const separatorByte = separator.charCodeAt(0);
  const problems: CsvProblem[] = [];
  const shared = new SharedCells();
  const rows: string[][] = [];
  const lines: number[] = [];
  const cell = (from: number, to: number, ascii: boolean): string =>
    from === to ? '' : bytes.toString(ascii ? 'latin1' : 'utf8', from, to);
  let line = 1;
  let pos = start;
  while (pos < end) {
    lines.push(line);
    // One pass over the line: cells cut at separators, until the line feed or a quote.
    const fields: string[] = [];
    let from = pos;
    let ascii = true;
    let i = pos;
    let quoted = false;
    for (; i < end; i++) {
      const byte = bytes[i]!;
      if (byte === separatorByte) {
        fields.push(cell(from, i, ascii));
        from = i + 1;
        ascii = true;
      } else if (byte === 10) break;
      else if (byte === 34) {
        quoted = true;
        break;
      } else if (byte >= 0x80) ascii = false;
    }
    if (!quoted) {
      const lineEnd = i;
      const cellEnd = lineEnd > from && bytes[lineEnd - 1] === 13 ? lineEnd - 1 : lineEnd;
      fields.push(cell(from, cellEnd, ascii));
      rows.push(shared.of(fields));
      pos = lineEnd + 1;
      line++;
      continue;
    }
    // A record with a quote: decode a window of whole lines from its start, grown while a quoted field may run
    // on past it (no closing quote yet, and no record-like line swallowed so far).
    let windowEnd = pastLineEnd(bytes, Math.min(end, pos + QUOTED_WINDOW_BYTES));
    let text: string;
    let record: ReturnType<typeof scanQuotedRecord>;
    for (;;) {
      text = bytes.toString('utf8', pos, windowEnd);
      record = scanQuotedRecord(text, 0, separator, width);
      const runsOn =
        record.unclosed !== undefined &&
        windowEnd < end &&
        !swallowsRecords(text, record.unclosedFrom!, text.length, separator, width);
      if (!runsOn) break;
      windowEnd = pastLineEnd(bytes, Math.min(end, pos + 2 * (windowEnd - pos)));
    }
    if (record.unclosed !== undefined) {
      const lineEnd = pastLineEnd(bytes, pos);
      const lineText = bytes.toString('utf8', pos, lineEnd);
      const fields = withoutCr(lineText.endsWith('\n') ? lineText.slice(0, -1) : lineText).split(separator);
      problems.push(unclosedQuote(rows.length + 1, line, record.unclosed, fields, separator));
      rows.push(shared.of(fields));
      pos = lineEnd;
      line++;
      continue;
    }
    const consumed = text.slice(0, record.next);
    for (let k = 0; k < consumed.length; k++) if (consumed.charCodeAt(k) === 10) line++;
    rows.push(shared.of(record.fields));
    pos += Buffer.byteLength(consumed, 'utf8');
  }
  return checkedReading(rows, lines, separator, problems, [], name);
}

/**
 * Reads a CSV file's bytes (see `decodeCsv` and `readCsvText`): a UTF-8 file with LF or CRLF line ends cell by
 * cell from its bytes (`readUtf8Csv`), any other through its decoded text.
 */
export function readCsvBytes(bytes: Uint8Array, name: string): CsvReading {
  const buffer = Buffer.isBuffer(bytes)
    ? bytes
    : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const start = buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf ? 3 : 0;
  const utf16 =
    (buffer[0] === 0xff && buffer[1] === 0xfe) ||
    (buffer[0] === 0xfe && buffer[1] === 0xff) ||
    (buffer.indexOf(0) >= 0 && looksLikeUtf16le(buffer));
  if (!utf16 && isUtf8(buffer) && !hasOldMacLineEnds(buffer, start)) return readUtf8Csv(buffer, start, name);
  return readCsvText(decodeCsv(bytes, name), name);
}

/** Reads a CSV file from disk: its rows only (the CLI uses `readCsvBytes`, which also gives the problems). */
export function readCsvFile(path: string, name: string = path): string[][] {
  return readCsvBytes(readFileSync(path), name).rows;
}
