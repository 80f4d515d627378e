/**
 * `--previous last.xlsx`: the owned tabs of an earlier output workbook, found by the marks write-xlsx.ts writes
 * (custom document properties `segment-tabs/<sheetId>` = `<role> <key>`), never by name: a tab the shop renamed
 * in Excel keeps its sheet id and is still found, and a tab of the shop's called "Segment history" is never read.
 *
 * Only the sheets of the roles asked for are parsed, straight from their XML: the previous workbook's Customers
 * and segment tabs (most of its cells) are never inflated. Values come back as the engine reads them: text,
 * numbers, booleans, and `''` for an empty cell.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import type JSZip from 'jszip';
import type { CellValue } from '../core/cell';
import type { TabPlan, TabRole } from '../core/plan/types';
import { say } from '../core/i18n';
import type { Language } from '../core/options';

/** The custom document property naming our workbook; one `segment-tabs/<sheetId>` property per owned tab. */
export const MARK_PROPERTY = 'segment-tabs';
const MARK_VERSION = '1';

/**
 * The marks of an output workbook, as custom document properties (name, text): `segment-tabs` = the version,
 * and per tab `segment-tabs/<sheetId>` = `<role> <key>`. One property per tab keeps each value short (Excel
 * shows at most 255 characters of a property).
 */
export function markProperties(sheets: { sheetId: number; tab: TabPlan }[]): [string, string][] {
  return [
    [MARK_PROPERTY, MARK_VERSION],
    ...sheets.map(({ sheetId, tab }): [string, string] => [
      `${MARK_PROPERTY}/${sheetId}`,
      `${tab.role} ${tab.key}`,
    ]),
  ];
}

/** The roles a run carries on from the previous workbook; another face of the run adds its role here. */
export const PREVIOUS_ROLES: readonly TabRole[] = [
  'history',
  'snapshot',
  'definitions',
  'campaigns',
  'campaign-members',
];

export type PreviousTabs = Partial<Record<TabRole, CellValue[][]>>;

/** The file given to `--previous` is missing, damaged or not one of our workbooks; the message names it. */
export class PreviousWorkbookError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PreviousWorkbookError';
  }
}

function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (_, entity: string) => {
    if (entity[0] === '#')
      return String.fromCodePoint(
        entity[1] === 'x' ? Number.parseInt(entity.slice(2), 16) : Number(entity.slice(1)),
      );
    return { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }[entity]!;
  });
}

function attribute(attributes: string, name: string): string | undefined {
  const match = new RegExp(`(?:^|\\s)${name}="([^"]*)"`).exec(attributes);
  return match ? decodeXml(match[1]!) : undefined;
}

/** The text of every `<t>` in a fragment (a shared string's runs, an inline string). */
function runsText(fragment: string): string {
  let text = '';
  for (const match of fragment.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>|<t(?:\s[^>]*)?\/>/g))
    text += decodeXml(match[1] ?? '');
  return text;
}

export function sharedStrings(xml: string | undefined): string[] {
  if (!xml) return [];
  return [...xml.matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)].map((match) =>
    runsText((match[1] ?? '').replace(/<rPh[\s\S]*?<\/rPh>/g, '')),
  );
}

function columnNumber(letters: string): number {
  let column = 0;
  for (const letter of letters) column = column * 26 + (letter.charCodeAt(0) - 64);
  return column;
}

/** One cell's value by its type (`s` shared string, `inlineStr`, `str`, `b`, `e`, else a number). */
function cellValue(
  type: string,
  raw: string | undefined,
  inner: string,
  strings: string[],
): CellValue | undefined {
  if (type === 'inlineStr') return runsText(inner);
  if (raw === undefined) return undefined;
  if (type === 's') return strings[Number(raw)] ?? '';
  if (type === 'str' || type === 'e') return decodeXml(raw);
  if (type === 'b') return raw === '1';
  return Number(raw);
}

/** A worksheet's cells as a rectangular grid (the sheet's used range from A1). */
export function sheetValues(xml: string, strings: string[]): CellValue[][] {
  const cells: { row: number; column: number; value: CellValue }[] = [];
  let width = 0;
  let height = 0;
  for (const match of xml.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
    const attributes = match[1]!;
    const ref = /^([A-Z]+)(\d+)$/.exec(attribute(attributes, 'r') ?? '');
    if (!ref) continue;
    const inner = match[2] ?? '';
    const raw = /<v>([\s\S]*?)<\/v>/.exec(inner)?.[1];
    const value = cellValue(attribute(attributes, 't') ?? 'n', raw, inner, strings);
    if (value === undefined) continue;
    const row = Number(ref[2]);
    const column = columnNumber(ref[1]!);
    cells.push({ row, column, value });
    width = Math.max(width, column);
    height = Math.max(height, row);
  }
  const grid = Array.from({ length: height }, () => new Array<CellValue>(width).fill(''));
  for (const cell of cells) grid[cell.row - 1]![cell.column - 1] = cell.value;
  return grid;
}

/** Sheet id → the path of its part in the zip, from workbook.xml and its relationships. */
async function sheetParts(zip: JSZip): Promise<Map<number, string>> {
  const workbook = await zip.file('xl/workbook.xml')?.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')?.async('string');
  const targets = new Map<string, string>();
  for (const match of (rels ?? '').matchAll(/<Relationship\b([^>]*)\/?>/g)) {
    const id = attribute(match[1]!, 'Id');
    const target = attribute(match[1]!, 'Target');
    if (id && target)
      targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`);
  }
  const parts = new Map<number, string>();
  for (const match of (workbook ?? '').matchAll(/<sheet\b([^>]*)\/?>/g)) {
    const sheetId = Number(attribute(match[1]!, 'sheetId'));
    const target = targets.get(attribute(match[1]!, 'r:id') ?? '');
    if (Number.isInteger(sheetId) && target) parts.set(sheetId, target);
  }
  return parts;
}

/**
 * The values of the owned tabs of `roles` in the workbook at `path` (the first tab of each role), keyed by role.
 * Throws PreviousWorkbookError when the file is missing, is not a readable workbook, or carries no marks of ours.
 */
export async function readPreviousWorkbook(
  path: string,
  given: string,
  language: Language,
  roles: readonly TabRole[] = PREVIOUS_ROLES,
): Promise<PreviousTabs> {
  const fail = (vi: string, en: string): never => {
    throw new PreviousWorkbookError(`--previous ${given}: ${say(language, vi, en)}`);
  };
  const expected = say(
    language,
    'cần tệp .xlsx mà một lần chạy segment-tabs trước đã ghi bằng -o.',
    'expected the .xlsx an earlier segment-tabs run wrote with -o.',
  );
  if (!existsSync(path) || !statSync(path).isFile()) fail('không thấy tệp.', 'file not found.');
  let zip: JSZip | undefined;
  try {
    // Loaded only for a --previous run.
    const { default: Zip } = await import('jszip');
    zip = await Zip.loadAsync(readFileSync(path));
  } catch {
    // JSZip's own messages (`Can't find end of central directory`) say little to a shop.
    fail(
      `không đọc được như một workbook .xlsx (không phải tệp zip, hoặc bị hỏng); ${expected}`,
      `cannot be read as an .xlsx workbook (not a zip file, or damaged); ${expected}`,
    );
  }
  if (!zip) return {};
  const custom = await zip.file('docProps/custom.xml')?.async('string');
  const marks = new Map<number, TabRole>();
  let ours = false;
  for (const match of (custom ?? '').matchAll(/<property\b([^>]*)>([\s\S]*?)<\/property>/g)) {
    const name = attribute(match[1]!, 'name') ?? '';
    if (name === MARK_PROPERTY) ours = true;
    const sheetId = name.startsWith(`${MARK_PROPERTY}/`) ? Number(name.slice(MARK_PROPERTY.length + 1)) : NaN;
    const value = decodeXml(/<vt:lpwstr>([\s\S]*?)<\/vt:lpwstr>/.exec(match[2]!)?.[1] ?? '');
    const role = value.split(' ')[0] as TabRole;
    if (Number.isInteger(sheetId) && role && !marks.has(sheetId)) marks.set(sheetId, role);
  }
  if (!ours) {
    fail(
      `không phải workbook do segment-tabs ghi (thuộc tính tài liệu không có dấu "${MARK_PROPERTY}"); ${expected}`,
      `not a workbook written by segment-tabs (its document properties carry no "${MARK_PROPERTY}" mark); ${expected}`,
    );
  }
  const parts = await sheetParts(zip);
  const strings = sharedStrings(await zip.file('xl/sharedStrings.xml')?.async('string'));
  const tabs: PreviousTabs = {};
  for (const [sheetId, role] of [...marks].sort((a, b) => a[0] - b[0])) {
    if (!roles.includes(role) || tabs[role]) continue;
    const part = parts.get(sheetId);
    const xml = part ? await zip.file(part)?.async('string') : undefined;
    // A marked tab the shop deleted: the run goes on without it, as the add-on does without its tab.
    if (xml !== undefined) tabs[role] = sheetValues(xml, strings);
  }
  return tabs;
}
