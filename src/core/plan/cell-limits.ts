/**
 * The one sanitiser of cell values at the output boundary, shared by every face (the .xlsx writer, the Sheets
 * writer), each passing its own cell-text limit:
 *
 * - characters XML 1.0 cannot hold (C0 controls other than tab, line feed and carriage return; U+FFFE, U+FFFF;
 *   lone surrogates) are removed: one of them makes Excel refuse the whole workbook;
 * - text longer than the face's limit (Excel 32,767 characters, Sheets 50,000) is cut, ending with a marker;
 * - non-finite numbers (`Infinity`, `NaN`) are written as empty cells, never as numbers.
 *
 * It changes the plan in place (a million-cell plan is not copied) and says what it changed, so the face can
 * tell the user.
 */
import type { OutputPlan, PlanValue } from './types';

/** Excel's limit on the characters of one cell. */
export const EXCEL_CELL_LIMIT = 32_767;
/** Google Sheets' limit on the characters of one cell. */
export const SHEETS_CELL_LIMIT = 50_000;
/** What ends a cut text. */
export const CUT_MARKER = '… [cut]';

export interface SanitiseReport {
  /** Cells from which XML-invalid characters were removed. */
  invalidCharacters: number;
  /** Cells whose text was cut to the limit. */
  truncated: number;
  /** Numbers that were not finite, written empty. */
  nonFinite: number;
  /** The first changed cells, `tab!row:column` (1-based within the block), for the message. */
  examples: string[];
}

const MAX_EXAMPLES = 3;

/** True when the code unit at `i` is not allowed in XML (a lone surrogate counts as not allowed). */
function isInvalidAt(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code < 0x20) return code !== 9 && code !== 10 && code !== 13;
  if (code < 0xd800) return false;
  if (code <= 0xdbff) {
    const next = text.charCodeAt(i + 1);
    return !(next >= 0xdc00 && next <= 0xdfff);
  }
  if (code <= 0xdfff) {
    const previous = text.charCodeAt(i - 1);
    return !(previous >= 0xd800 && previous <= 0xdbff);
  }
  return code === 0xfffe || code === 0xffff;
}

/** The text without XML-invalid characters (the same string when it has none). */
export function removeInvalidCharacters(text: string): string {
  let clean = true;
  for (let i = 0; i < text.length; i++) {
    if (isInvalidAt(text, i)) {
      clean = false;
      break;
    }
  }
  if (clean) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) if (!isInvalidAt(text, i)) out += text[i];
  return out;
}

/** The text cut to `limit` characters with the marker at its end (never splitting a surrogate pair). */
export function cutText(text: string, limit: number): string {
  if (text.length <= limit) return text;
  let keep = Math.max(0, limit - CUT_MARKER.length);
  const last = text.charCodeAt(keep - 1);
  if (last >= 0xd800 && last <= 0xdbff) keep--;
  return text.slice(0, keep) + CUT_MARKER;
}

export type CellChange = 'invalid-characters' | 'truncated' | 'non-finite';

/** One value made writable, and what was changed (undefined when nothing). */
export function sanitiseValue(value: PlanValue, limit: number): { value: PlanValue; change?: CellChange[] } {
  if (typeof value === 'number') {
    return Number.isFinite(value) ? { value } : { value: null, change: ['non-finite'] };
  }
  if (typeof value !== 'string') return { value };
  const change: CellChange[] = [];
  let text = removeInvalidCharacters(value);
  if (text !== value) change.push('invalid-characters');
  if (text.length > limit) {
    text = cutText(text, limit);
    change.push('truncated');
  }
  return change.length ? { value: text, change } : { value };
}

/** Sanitises every title, header and cell of the plan in place; returns what was changed. */
export function sanitisePlan(plan: OutputPlan, limit: number): SanitiseReport {
  const report: SanitiseReport = { invalidCharacters: 0, truncated: 0, nonFinite: 0, examples: [] };
  const note = (changes: CellChange[] | undefined, where: () => string) => {
    if (!changes) return;
    for (const change of changes) {
      if (change === 'invalid-characters') report.invalidCharacters++;
      else if (change === 'truncated') report.truncated++;
      else report.nonFinite++;
    }
    if (report.examples.length < MAX_EXAMPLES) report.examples.push(where());
  };
  for (const tab of plan.tabs) {
    for (const block of tab.blocks) {
      if (block.title !== undefined) {
        const result = sanitiseValue(block.title, limit);
        note(result.change, () => `${tab.name}: title`);
        block.title = result.value as string;
      }
      for (const column of block.columns) {
        const result = sanitiseValue(column.header, limit);
        note(result.change, () => `${tab.name}: header "${column.header.slice(0, 30)}"`);
        column.header = result.value as string;
      }
      for (let r = 0; r < block.rows.length; r++) {
        const row = block.rows[r]!;
        for (let c = 0; c < row.length; c++) {
          const value = row[c]!;
          // Fast path: most cells are short clean strings, small numbers or empty.
          if (value === null || typeof value === 'boolean') continue;
          if (typeof value === 'number' && Number.isFinite(value)) continue;
          const result = sanitiseValue(value, limit);
          if (!result.change) continue;
          note(
            result.change,
            () => `${tab.name}: row ${r + 1}, column "${block.columns[c]?.header ?? c + 1}"`,
          );
          row[c] = result.value;
        }
      }
    }
  }
  return report;
}

/** The report as one English sentence for the user, or undefined when nothing was changed. */
export function describeSanitised(report: SanitiseReport, limit: number): string | undefined {
  const parts: string[] = [];
  if (report.invalidCharacters)
    parts.push(
      `${report.invalidCharacters} cell(s) had characters a spreadsheet cannot hold (control characters, U+FFFE/U+FFFF, broken surrogates): removed`,
    );
  if (report.truncated)
    parts.push(
      `${report.truncated} cell(s) were longer than ${limit.toLocaleString('en-US')} characters: cut, ending with "${CUT_MARKER}"`,
    );
  if (report.nonFinite)
    parts.push(`${report.nonFinite} number(s) were not finite (Infinity or NaN): left empty`);
  if (!parts.length) return undefined;
  return `${parts.join('; ')}. First: ${report.examples.join('; ')}.`;
}
