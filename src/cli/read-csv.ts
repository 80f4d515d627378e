/**
 * CSV files as the engine wants them: a 2-D array of text cells (the engine parses numbers and dates itself,
 * exactly as it does with text pasted into Sheets).
 *
 * - Encoding: UTF-8 with or without BOM; UTF-16 with a BOM (Excel's "Unicode text"). Bytes that are not UTF-8
 *   (a Windows code page) stop the run with a message, rather than turning Vietnamese letters into `�`.
 * - Separator: `,`, `;` or tab, whichever splits the first lines into the same number of fields most often
 *   (quote-aware, so `"1,5"` does not count). A semicolon file with decimal commas therefore reads right.
 * - Quotes: RFC 4180 (`"a ""b"""`, separators and line breaks inside quotes). A quote in the middle of an
 *   unquoted field is kept as a character, as spreadsheets do.
 * - One record per row; blank lines are kept as rows of one empty cell so row numbers in data issues match the
 *   file's lines.
 *
 * Speed: lines without a quote are cut with `indexOf` and `split`; only quoted lines go through the
 * field scanner, which also copies slices rather than characters.
 */
import { readFileSync } from 'node:fs';

export type Separator = ',' | ';' | '\t';

const SEPARATORS: readonly Separator[] = [',', ';', '\t'];
/** Lines looked at to choose the separator. */
const SNIFF_LINES = 30;

/** Raised for bytes that are not text in a known encoding. */
export class CsvEncodingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CsvEncodingError';
  }
}

/** Text of a CSV file's bytes: BOM removed, UTF-16 recognised by its BOM, UTF-8 otherwise (strictly). */
export function decodeCsv(bytes: Uint8Array, name: string): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    // TextDecoder drops a UTF-8 BOM itself (ignoreBOM is false by default).
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new CsvEncodingError(
      `"${name}" is not UTF-8 text. Save it again as "CSV UTF-8" (Excel: Save As → CSV UTF-8).`,
    );
  }
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

/**
 * Scans one record that contains quotes, starting at `start`; returns its fields and where the next record
 * begins. Quoted fields may hold separators and line breaks.
 */
function scanQuotedRecord(
  text: string,
  start: number,
  separator: string,
): { fields: string[]; next: number } {
  const fields: string[] = [];
  let pos = start;
  const end = text.length;
  for (;;) {
    if (text.charCodeAt(pos) === 34 /* " */) {
      const pieces: string[] = [];
      let from = pos + 1;
      for (;;) {
        const quote = text.indexOf('"', from);
        if (quote < 0) {
          // Unterminated: the rest of the file is the field, as spreadsheets read it.
          pieces.push(text.slice(from));
          pos = end;
          break;
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

/** Parses CSV text into rows of text cells (see the file comment for the rules). */
export function parseCsv(text: string, separator: Separator = detectSeparator(text)): string[][] {
  const rows: string[][] = [];
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
    if (quote >= lineEnd) {
      rows.push(withoutCr(text.slice(pos, lineEnd)).split(separator));
      pos = lineEnd + 1;
      continue;
    }
    const record = scanQuotedRecord(text, pos, separator);
    rows.push(record.fields);
    pos = record.next;
  }
  return rows;
}

/** Reads a CSV file from disk. */
export function readCsvFile(path: string, name: string = path): string[][] {
  return parseCsv(decodeCsv(readFileSync(path), name));
}
