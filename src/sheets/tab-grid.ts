/**
 * A tab of the plan flattened into one rectangle: values, number formats and backgrounds for every cell, so
 * the whole tab is written with one `setValues`, one `setNumberFormats` and one `setBackgrounds` however many
 * blocks it holds (Apps Script round trips are the cost that matters).
 */
import type { ColumnKind, PlanValue, TabPlan } from '../core/plan/types';
import type { Language } from '../core/options';
import { MS_PER_DAY, type ZoneClock } from '../core/parse/time-zone';

export type SheetValue = string | number | boolean | Date;

export interface TabGrid {
  height: number;
  width: number;
  values: SheetValue[][];
  formats: string[][];
  backgrounds: (string | null)[][];
}

/** Plain text: phone and code columns keep their leading zeros; nothing in them is read as a number or date. */
export const TEXT_FORMAT = '@';
/** Cells with no kind (gaps between blocks). */
export const AUTOMATIC_FORMAT = 'General';
/** Title rows above a block. */
export const TITLE_BACKGROUND = '#f1f3f4';

/** Number format per column kind; money shows the dong sign for Vietnamese users. */
export function numberFormat(kind: ColumnKind, language: Language): string {
  switch (kind) {
    case 'integer':
      return '#,##0';
    case 'number':
      return '#,##0.0';
    case 'money':
      return language === 'vi' ? '#,##0 ₫' : '#,##0';
    case 'percent':
      return '0.0%';
    case 'date':
      return 'dd/mm/yyyy';
    default:
      return TEXT_FORMAT;
  }
}

/**
 * Text that Sheets would read as a formula (`=`, `+`, `-`, `@` first) is written with a leading apostrophe,
 * which Sheets keeps out of the value: a customer called `=HYPERLINK(…)` stays a name (OWASP CSV/formula injection).
 */
export function safeText(text: string): string {
  return /^[=+\-@]/.test(text) ? `'${text}` : text;
}

function sheetValue(value: PlanValue, kind: ColumnKind, clock: ZoneClock): SheetValue {
  if (value === null) return '';
  if (kind === 'date' && typeof value === 'number') return new Date(clock.toInstantMs(value * MS_PER_DAY));
  if (typeof value === 'string') return safeText(value);
  return value;
}

export function tabGrid(tab: TabPlan, language: Language, clock: ZoneClock): TabGrid {
  let height = 1;
  let width = 1;
  for (const block of tab.blocks) {
    height = Math.max(height, block.anchor.row - 1 + (block.title ? 1 : 0) + 1 + block.rows.length);
    width = Math.max(width, block.anchor.column - 1 + block.columns.length);
  }
  const values: SheetValue[][] = Array.from({ length: height }, () => new Array<SheetValue>(width).fill(''));
  const formats: string[][] = Array.from({ length: height }, () =>
    new Array<string>(width).fill(AUTOMATIC_FORMAT),
  );
  const backgrounds: (string | null)[][] = Array.from({ length: height }, () =>
    new Array<string | null>(width).fill(null),
  );
  for (const block of tab.blocks) {
    let row = block.anchor.row - 1;
    const left = block.anchor.column - 1;
    if (block.title) {
      values[row]![left] = safeText(block.title);
      formats[row]![left] = TEXT_FORMAT;
      for (let c = 0; c < block.columns.length; c++) backgrounds[row]![left + c] = TITLE_BACKGROUND;
      row++;
    }
    block.columns.forEach((column, c) => {
      values[row]![left + c] = safeText(column.header);
      formats[row]![left + c] = TEXT_FORMAT;
      backgrounds[row]![left + c] = block.headerColour;
    });
    row++;
    const columnFormats = block.columns.map((column) => numberFormat(column.kind, language));
    block.rows.forEach((dataRow, r) => {
      const valueRow = values[row + r]!;
      const formatRow = formats[row + r]!;
      for (let c = 0; c < block.columns.length; c++) {
        valueRow[left + c] = sheetValue(dataRow[c] ?? null, block.columns[c]!.kind, clock);
        formatRow[left + c] = columnFormats[c]!;
      }
    });
    if (block.cellColours) {
      const { fromColumn, colours } = block.cellColours;
      colours.forEach((colourRow, r) => {
        colourRow.forEach((colour, c) => {
          if (colour) backgrounds[row + r]![left + fromColumn + c] = colour;
        });
      });
    }
  }
  return { height, width, values, formats, backgrounds };
}
