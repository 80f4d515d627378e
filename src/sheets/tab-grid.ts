/**
 * A tab of the plan flattened into one rectangle: values, number formats and backgrounds for every cell, so
 * the whole tab is written with one `setValues`, one `setNumberFormats` and one `setBackgrounds` however many
 * blocks it holds (Apps Script round trips are the cost that matters). Fonts are only set where the plan asks
 * for something other than Sheets' default (bold titles, a header text colour other than black).
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
  /** Bold title rows; null when the tab has no title (nothing to set). */
  fontWeights: ('bold' | null)[][] | null;
  /** Header text colours; null when every header is in Sheets' default black. */
  fontColours: (string | null)[][] | null;
}

/** Plain text: phone and code columns keep their leading zeros; nothing in them is read as a number or date. */
export const TEXT_FORMAT = '@';
/** Sheets' default text colour: a header in it needs no font call. */
export const DEFAULT_FONT_COLOUR = '#000000';
/** Cells with no kind (gaps between blocks). */
export const AUTOMATIC_FORMAT = 'General';
/** Title rows above a block. */
export const TITLE_BACKGROUND = '#f1f3f4';

/**
 * Number format per column kind; money shows the dong sign for Vietnamese users. Text, code (customer and
 * invoice codes, RFM codes), phone and colour columns are plain text `@`, so Sheets keeps `0901234567` and
 * `00123` as written.
 */
export function numberFormat(kind: ColumnKind, language: Language, moneyDigits = 0): string {
  switch (kind) {
    case 'text':
    case 'code':
    case 'phone':
    case 'colour':
      return TEXT_FORMAT;
    case 'integer':
      return '#,##0';
    case 'number':
      return '#,##0.0';
    case 'money':
      // Đồng have no minor unit; a shop in dollars shows its cents.
      if (moneyDigits > 0) return `#,##0.${'0'.repeat(moneyDigits)}`;
      return language === 'vi' ? '#,##0 ₫' : '#,##0';
    case 'percent':
      return '0.0%';
    case 'date':
      return 'dd/mm/yyyy';
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

/** The rectangle a tab's grid covers, without building it (the cell budget needs every tab's size first). */
export function gridSize(tab: TabPlan): { height: number; width: number } {
  let height = 1;
  let width = 1;
  for (const block of tab.blocks) {
    height = Math.max(height, block.anchor.row - 1 + (block.title ? 1 : 0) + 1 + block.rows.length);
    width = Math.max(width, block.anchor.column - 1 + block.columns.length);
  }
  return { height, width };
}

export function tabGrid(tab: TabPlan, language: Language, clock: ZoneClock): TabGrid {
  const { height, width } = gridSize(tab);
  const values: SheetValue[][] = Array.from({ length: height }, () => new Array<SheetValue>(width).fill(''));
  const formats: string[][] = Array.from({ length: height }, () =>
    new Array<string>(width).fill(AUTOMATIC_FORMAT),
  );
  const backgrounds = emptyLayer<string>(height, width);
  const titled = tab.blocks.some((block) => block.title);
  const fontWeights: ('bold' | null)[][] | null = titled ? emptyLayer<'bold'>(height, width) : null;
  const coloured = tab.blocks.some((block) => block.headerFontColour.toLowerCase() !== DEFAULT_FONT_COLOUR);
  const fontColours = coloured ? emptyLayer<string>(height, width) : null;
  for (const block of tab.blocks) {
    let row = block.anchor.row - 1;
    const left = block.anchor.column - 1;
    if (block.title) {
      values[row]![left] = safeText(block.title);
      formats[row]![left] = TEXT_FORMAT;
      for (let c = 0; c < block.columns.length; c++) backgrounds[row]![left + c] = TITLE_BACKGROUND;
      if (fontWeights) fontWeights[row]![left] = 'bold';
      row++;
    }
    block.columns.forEach((column, c) => {
      values[row]![left + c] = safeText(column.header);
      formats[row]![left + c] = TEXT_FORMAT;
      backgrounds[row]![left + c] = block.headerColour;
      if (fontColours) fontColours[row]![left + c] = block.headerFontColour;
    });
    row++;
    const columnFormats = block.columns.map((column) => numberFormat(column.kind, language, tab.moneyDigits));
    block.rows.forEach((dataRow, r) => {
      const valueRow = values[row + r]!;
      const formatRow = formats[row + r]!;
      const kinds = block.cellKinds?.[r];
      for (let c = 0; c < block.columns.length; c++) {
        const kind = kinds?.[c];
        valueRow[left + c] = sheetValue(dataRow[c] ?? null, kind ?? block.columns[c]!.kind, clock);
        formatRow[left + c] = kind ? numberFormat(kind, language, tab.moneyDigits) : columnFormats[c]!;
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
  return { height, width, values, formats, backgrounds, fontWeights, fontColours };
}

function emptyLayer<T>(height: number, width: number): (T | null)[][] {
  return Array.from({ length: height }, () => new Array<T | null>(width).fill(null));
}
