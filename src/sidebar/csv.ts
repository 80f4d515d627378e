/**
 * CSV export of a segment tab, as pure functions over the tab's displayed cells.
 *
 * - Bytes: UTF-8 with a byte-order mark, so Excel opens Vietnamese names correctly; CRLF line ends (RFC 4180).
 * - CSV injection (OWASP): a cell starting with `=`, `+`, `-`, `@`, tab or carriage return would run as a
 *   formula when the file is opened in a spreadsheet, so it is prefixed with a single quote. A cell that is
 *   only a number (`-120000`, `+84901234567`, `1.250.000`) cannot hold a formula and is kept as it is: the phone
 *   audience needs `+84…` intact.
 * - Quoting: a field containing `,`, `"`, CR or LF is wrapped in double quotes, inner quotes doubled.
 */
import { foldText } from '../core/text';
import { CUSTOMER_COLUMNS } from '../core/plan/customer-columns';
import { normalisePhone } from '../core/parse/phone';

export type ExportPreset = 'plain' | 'phone' | 'email';
export const EXPORT_PRESETS: readonly ExportPreset[] = ['plain', 'phone', 'email'];

export const CSV_BOM = '\uFEFF';
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?\d+(?:[.,]\d+)*$/;
const NEEDS_QUOTES = /[",\r\n]/;

/** The cell with a leading quote when a spreadsheet would read it as a formula. */
export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
}

/** One CSV field: neutralised, then quoted when it holds a separator, a quote or a line break. */
export function csvField(value: string): string {
  const safe = neutraliseCell(value);
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The whole file's text, BOM first; encode it as UTF-8 (a Blob of a string does). */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return CSV_BOM + rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/**
 * A phone in international form, from the engine's own phone reading (core/parse/phone.ts): `0901234567`,
 * `84 90 123 4567` and `989881185` (a number cell that lost its leading zero) all give `+84…`; a foreign
 * number keeps its country code. Null for what is not a phone, and for 1800/1900 service numbers, which no
 * audience tool can match to a person.
 */
export function internationalPhone(phone: string): string | null {
  const result = normalisePhone(phone);
  if (!result.ok) return null;
  const { canonical, kind } = result.value;
  if (kind === 'service') return null;
  return kind === 'foreign' ? canonical : `+84${canonical.slice(1)}`;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The 0-based column of a customer column (by its Vietnamese or English header), or -1. */
export function findColumn(header: readonly string[], columnId: string): number {
  const spec = CUSTOMER_COLUMNS.find((column) => column.id === columnId);
  if (!spec) return -1;
  const names = new Set([foldText(spec.header.vi), foldText(spec.header.en)]);
  return header.findIndex((cell) => names.has(foldText(cell)));
}

export interface ExportTable {
  rows: string[][];
  /** Customers left out: no valid phone (phone preset) or no email (email preset). */
  skipped: number;
  /** Column ids the preset needs and the tab lacks. */
  missingColumns: string[];
}

/**
 * The rows of the file for a preset. `plain`: the tab as shown. `phone`: Phone (+84…), Name, one row per
 * phone. `email`: Email, Name, Phone, one row per email. The headers are in the user's language (`headers`;
 * English when not given): Zalo, Facebook and email tools let the user say which column is the phone.
 */
export function exportTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  preset: ExportPreset,
  headers: Readonly<Record<'phone' | 'name' | 'email', string>> = {
    phone: 'Phone',
    name: 'Name',
    email: 'Email',
  },
): ExportTable {
  if (preset === 'plain')
    return { rows: [[...header], ...rows.map((row) => [...row])], skipped: 0, missingColumns: [] };
  const nameAt = findColumn(header, 'name');
  const phoneAt = findColumn(header, 'phone');
  const emailAt = findColumn(header, 'email');
  const keyAt = preset === 'phone' ? phoneAt : emailAt;
  if (keyAt < 0) return { rows: [], skipped: rows.length, missingColumns: [preset] };
  const cell = (row: readonly string[], at: number) => (at < 0 ? '' : (row[at] ?? '').trim());
  const seen = new Set<string>();
  const out: string[][] = [
    preset === 'phone' ? [headers.phone, headers.name] : [headers.email, headers.name, headers.phone],
  ];
  let skipped = 0;
  for (const row of rows) {
    const phone = internationalPhone(cell(row, phoneAt));
    const email = cell(row, emailAt).toLowerCase();
    const key = preset === 'phone' ? phone : EMAIL.test(email) ? email : null;
    if (!key) {
      skipped++;
      continue;
    }
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(preset === 'phone' ? [key, cell(row, nameAt)] : [key, cell(row, nameAt), phone ?? '']);
  }
  return { rows: out, skipped, missingColumns: [] };
}

/** `Khách-trung-thành_phone_2026-11-22.csv`: the segment, the layout and the as-of day; no path characters. */
export function exportFileName(segment: string, preset: ExportPreset, asOf: string): string {
  const base = segment
    .normalize('NFC')
    .replace(/[\\/:*?"<>|]+/g, '')
    .trim()
    .replace(/\s+/g, '-');
  return `${base || 'segment'}_${preset}_${asOf}.csv`;
}
