/**
 * Renders the engine's output plan into an .xlsx with ExcelJS: one worksheet per tab, in the plan's order, with
 * the same values, number formats, colours, tab colours, frozen header rows, autofilter and hidden tabs as the
 * Sheets face (number formats and the title band come from the Sheets face's own table, so both stay alike).
 *
 * Readable as printed and on screen: column widths fitted to what the cells show (their format applied, a sample
 * of rows for big tabs), header rows wrapped, the Summary's header frozen too, and a page setup per tab (landscape
 * when wide, one page wide, header rows repeated). ExcelJS cannot write charts: xlsx-finish.ts adds the plan's
 * charts as native Excel charts to the finished file, with the marks a later `--previous` run finds our tabs by.
 *
 * ExcelJS's streaming writer is used so a 100k-customer plan is written row by row without holding a worksheet
 * model of millions of cells; style objects are shared per (format, fill, font), which ExcelJS maps to one style
 * id each. The file is written under a temporary name and renamed when complete, so a failed run never leaves a
 * half-written workbook where the user expects the result.
 */
import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import ExcelJS from 'exceljs';
import type { Language } from '../core/options';
import { EXCEL_CELL_LIMIT, sanitisePlan, type SanitiseReport } from '../core/plan/cell-limits';
import type { BlockPlan, ColumnKind, PlanValue, TabPlan, OutputPlan } from '../core/plan/types';
import { numberFormat, TEXT_FORMAT, TITLE_BACKGROUND } from '../sheets/tab-grid';
import { CHART_WIDTH_PIXELS } from './xlsx-charts';
import { finishWorkbook, type FinishedSheet } from './xlsx-finish';

const MS_PER_DAY = 86_400_000;
/** Excel refuses sheet names over 31 characters and with any of `[]:*?/\`. */
const MAX_SHEET_NAME = 31;
const FORBIDDEN_IN_SHEET_NAME = /[[\]:*?/\\]/g;
/** Pixels per character of Excel's column width (Calibri 11). */
const PIXELS_PER_CHARACTER = 7;
/** Column widths in characters: room for the cell padding, and a cap past which long text is cut at the edge. */
const MIN_COLUMN_WIDTH = 5;
const MAX_COLUMN_WIDTH = 60;
const COLUMN_PADDING = 2;
/** Characters of text a block's last column is made wide for; longer text runs on to the right. */
const LAST_COLUMN_TEXT = 24;
/** Rows measured per block for the widths: all of a small block, a spread sample of a big one. */
const WIDTH_SAMPLE_ROWS = 2000;
/** A header wraps on at most this many lines; its row is made this tall. */
const MAX_HEADER_LINES = 3;
const LINE_HEIGHT_POINTS = 15;
/** Wider than this (in characters, charts included) prints landscape: about what an A4 portrait page holds. */
const PORTRAIT_WIDTH = 100;

/** Kinds whose cells are text and must stay text (leading zeros of phones and codes). */
const TEXT_KINDS: ReadonlySet<ColumnKind> = new Set<ColumnKind>(['text', 'code', 'phone', 'colour']);

/** `#rrggbb` → ExcelJS's ARGB. */
export function argb(colour: string): string {
  return `FF${colour.replace('#', '').toUpperCase()}`;
}

/**
 * A sheet name Excel accepts, unique in the workbook: forbidden characters become `-`, long names are cut to 31
 * characters, and a repeat takes a ` (2)` suffix (as the Sheets face does when a name is taken).
 */
export function excelSheetName(wanted: string, used: Set<string>): string {
  const base =
    wanted
      .replace(FORBIDDEN_IN_SHEET_NAME, '-')
      .replace(/^'+|'+$/g, '')
      .trim() || 'Sheet';
  for (let attempt = 1; ; attempt++) {
    const suffix = attempt === 1 ? '' : ` (${attempt})`;
    const name = base.slice(0, MAX_SHEET_NAME - suffix.length).trimEnd() + suffix;
    if (!used.has(name.toLowerCase())) {
      used.add(name.toLowerCase());
      return name;
    }
  }
}

/** One style object per distinct look, so ExcelJS's style cache maps each to a single style id. */
class StyleCache {
  private readonly styles = new Map<string, Partial<ExcelJS.Style>>();

  get(
    numFmt: string,
    fill: string | null,
    font?: { bold: boolean; colour?: string },
    wrap = false,
  ): Partial<ExcelJS.Style> {
    const key = `${numFmt}|${fill ?? ''}|${font ? `${font.bold}${font.colour ?? ''}` : ''}|${wrap}`;
    let style = this.styles.get(key);
    if (!style) {
      style = { numFmt };
      if (fill) style.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(fill) } };
      if (font)
        style.font = { bold: font.bold, ...(font.colour ? { color: { argb: argb(font.colour) } } : {}) };
      if (wrap) style.alignment = { wrapText: true, vertical: 'top' };
      this.styles.set(key, style);
    }
    return style;
  }
}

/** A plan value as the cell value ExcelJS writes; null for an empty cell. */
function cellValue(value: PlanValue, kind: ColumnKind): ExcelJS.CellValue {
  if (value === null || value === '') return null;
  // Day numbers count days since 1970-01-01; ExcelJS turns a Date into a serial by its UTC time.
  if (kind === 'date' && typeof value === 'number') return new Date(value * MS_PER_DAY);
  if (TEXT_KINDS.has(kind) && typeof value === 'number') return String(value);
  return value;
}

/** First row of a block's header (after its title, if any). */
function headerRowOf(block: BlockPlan): number {
  return block.anchor.row + (block.title ? 1 : 0);
}

function lastRowOf(block: BlockPlan): number {
  return headerRowOf(block) + block.rows.length;
}

/** The kind of data cell (`r`, `c`) of a block: its own when the plan gives one, else its column's. */
function kindAt(block: BlockPlan, r: number, c: number): ColumnKind {
  return block.cellKinds?.[r]?.[c] ?? block.columns[c]!.kind;
}

/** How many characters a value takes once its number format is applied (`#,##0 ₫`, `0.0%`, `dd/mm/yyyy`). */
export function renderedLength(
  value: PlanValue,
  kind: ColumnKind,
  language: Language,
  moneyDigits: number,
): number {
  if (value === null || value === '') return 0;
  if (typeof value !== 'number') return String(value).length;
  const grouped = (digits: number) =>
    Math.abs(value).toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })
      .length + (value < 0 ? 1 : 0);
  switch (kind) {
    case 'integer':
      return grouped(0);
    case 'number':
      return grouped(1);
    case 'money':
      return grouped(moneyDigits) + (moneyDigits === 0 && language === 'vi' ? 2 : 0);
    case 'percent':
      return (value * 100).toFixed(1).length + 1;
    case 'date':
      return 10;
    default:
      return String(value).length;
  }
}

/** Rows whose widths are measured: every row of a small block, a spread of `WIDTH_SAMPLE_ROWS` of a big one. */
function sampledRows(count: number): number[] {
  if (count <= WIDTH_SAMPLE_ROWS) return Array.from({ length: count }, (_, i) => i);
  const step = count / WIDTH_SAMPLE_ROWS;
  return Array.from({ length: WIDTH_SAMPLE_ROWS }, (_, i) => Math.floor(i * step));
}

/**
 * Column widths in Excel characters, fitted per sheet column to the longest rendered value of every block in it
 * (bold headers a little wider, and allowed to wrap on two lines: a header is never what makes a column wide),
 * capped so a long action text does not push the rest off screen.
 */
export function fittedWidths(tab: TabPlan, language: Language): number[] {
  const widths: number[] = [];
  const moneyDigits = tab.moneyDigits ?? 0;
  for (const block of tab.blocks) {
    const rows = sampledRows(block.rows.length);
    block.columns.forEach((column, c) => {
      const at = block.anchor.column - 1 + c;
      let longest = 0;
      let longestText = 0;
      for (const r of rows) {
        const value = block.rows[r]![c] ?? null;
        const length = renderedLength(value, kindAt(block, r, c), language, moneyDigits);
        if (typeof value === 'number') longest = Math.max(longest, length);
        else longestText = Math.max(longestText, length);
      }
      // Text in a block's last column runs on over the empty cells to its right (a note, an action): it need
      // not widen its column, which the numbers of a block above may share.
      const last = c === block.columns.length - 1;
      longest = Math.max(longest, last ? Math.min(longestText, LAST_COLUMN_TEXT) : longestText);
      const words = column.header.split(/\s+/).map((word) => word.length);
      const header = Math.max(Math.ceil(column.header.length / 2), ...words) * 1.1;
      // A lone column (a note, a warning) is read across the empty cells beside it: no need to widen it.
      const content = block.columns.length === 1 ? Math.min(longest, MAX_COLUMN_WIDTH / 2) : longest;
      const width = Math.min(
        MAX_COLUMN_WIDTH,
        Math.max(MIN_COLUMN_WIDTH, content + COLUMN_PADDING, header + 1),
      );
      widths[at] = Math.max(widths[at] ?? MIN_COLUMN_WIDTH, Math.round(width * 10) / 10);
    });
  }
  return Array.from(widths, (width) => width ?? MIN_COLUMN_WIDTH);
}

/** Lines the tallest wrapped header of the block takes at these widths (1 to `MAX_HEADER_LINES`). */
function headerLines(block: BlockPlan, widths: number[]): number {
  let lines = 1;
  block.columns.forEach((column, c) => {
    const width = (widths[block.anchor.column - 1 + c] ?? MIN_COLUMN_WIDTH) - 1;
    lines = Math.max(lines, Math.ceil((column.header.length * 1.1) / Math.max(1, width)));
  });
  return Math.min(MAX_HEADER_LINES, lines);
}

/** Landscape for a tab wider than a portrait page (charts counted), always one page wide when printed. */
export function pageSetupOf(tab: TabPlan, widths: number[]): Partial<ExcelJS.PageSetup> {
  let across = widths.reduce((sum, width) => sum + width, 0);
  for (const chart of tab.charts) {
    const left = widths.slice(0, chart.anchor.column - 1).reduce((sum, width) => sum + width, 0);
    across = Math.max(across, left + CHART_WIDTH_PIXELS / PIXELS_PER_CHARACTER);
  }
  return {
    orientation: across > PORTRAIT_WIDTH ? 'landscape' : 'portrait',
    paperSize: 9,
    fitToPage: true,
    fitToWidth: 1,
    // The Summary on one or two pages; a long tab as many pages as it needs.
    fitToHeight: tab.role === 'summary' ? 2 : 0,
    margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
  };
}

/** Writes the cells one block contributes to sheet row `row` (1-based). */
function writeBlockRow(
  row: ExcelJS.Row,
  rowNumber: number,
  block: BlockPlan,
  formats: string[],
  styles: StyleCache,
  language: Language,
  moneyDigits: number | undefined,
): void {
  const left = block.anchor.column;
  const headerRow = headerRowOf(block);
  if (block.title && rowNumber === block.anchor.row) {
    for (let c = 0; c < block.columns.length; c++) {
      const cell = row.getCell(left + c);
      if (c === 0) cell.value = block.title;
      cell.style = styles.get(TEXT_FORMAT, TITLE_BACKGROUND, { bold: true });
    }
    return;
  }
  if (rowNumber === headerRow) {
    const style = styles.get(
      TEXT_FORMAT,
      block.headerColour,
      { bold: true, colour: block.headerFontColour },
      true,
    );
    block.columns.forEach((column, c) => {
      const cell = row.getCell(left + c);
      cell.value = column.header;
      cell.style = style;
    });
    return;
  }
  const index = rowNumber - headerRow - 1;
  const values = block.rows[index]!;
  const colours = block.cellColours;
  const colourRow = colours?.colours[index];
  const kinds = block.cellKinds?.[index];
  for (let c = 0; c < block.columns.length; c++) {
    const kind = kinds?.[c];
    const value = cellValue(values[c] ?? null, kind ?? block.columns[c]!.kind);
    const fill = colourRow && c >= colours.fromColumn ? (colourRow[c - colours.fromColumn] ?? null) : null;
    if (value === null && !fill) continue;
    const cell = row.getCell(left + c);
    cell.value = value;
    cell.style = styles.get(kind ? numberFormat(kind, language, moneyDigits) : formats[c]!, fill);
  }
}

/**
 * Writes one tab's sheet; returns the rows to repeat on printed pages. The Summary has no frozen rows in the
 * plan (its blocks are stacked), but here its first block's header is frozen too, so the segment columns stay
 * named while scrolling.
 */
function writeTab(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  tab: TabPlan,
  name: string,
  language: Language,
  styles: StyleCache,
): { id: number; printTitleRows: number } {
  const first = tab.blocks[0];
  const frozen = tab.frozenRows || (tab.role === 'summary' && first ? headerRowOf(first) : 0);
  const widths = fittedWidths(tab, language);
  const sheet = workbook.addWorksheet(name, {
    properties: { tabColor: { argb: argb(tab.tabColour) } },
    state: tab.hidden ? 'hidden' : 'visible',
    views: frozen > 0 ? [{ state: 'frozen', xSplit: 0, ySplit: frozen, topLeftCell: `A${frozen + 1}` }] : [],
    pageSetup: pageSetupOf(tab, widths),
  });
  sheet.columns = widths.map((width) => ({ width }));
  if (tab.filter && first) {
    sheet.autoFilter = {
      from: { row: headerRowOf(first), column: first.anchor.column },
      to: { row: lastRowOf(first), column: first.anchor.column + first.columns.length - 1 },
    };
  }
  const formats = tab.blocks.map((block) =>
    block.columns.map((column) => numberFormat(column.kind, language, tab.moneyDigits)),
  );
  const headerHeights = new Map<number, number>();
  for (const block of tab.blocks) {
    const lines = headerLines(block, widths);
    const row = headerRowOf(block);
    if (lines > 1) headerHeights.set(row, Math.max(headerHeights.get(row) ?? 0, lines * LINE_HEIGHT_POINTS));
  }
  const height = Math.max(0, ...tab.blocks.map(lastRowOf));
  // Blocks sorted by first row; a row is written once, with every block that covers it.
  const order = tab.blocks
    .map((_, i) => i)
    .sort((a, b) => tab.blocks[a]!.anchor.row - tab.blocks[b]!.anchor.row);
  for (let rowNumber = 1; rowNumber <= height; rowNumber++) {
    let row: ExcelJS.Row | undefined;
    for (const i of order) {
      const block = tab.blocks[i]!;
      if (block.anchor.row > rowNumber) break;
      if (rowNumber > lastRowOf(block)) continue;
      row ??= sheet.getRow(rowNumber);
      writeBlockRow(row, rowNumber, block, formats[i]!, styles, language, tab.moneyDigits);
    }
    const tall = headerHeights.get(rowNumber);
    if (row && tall) row.height = tall;
    row?.commit();
  }
  sheet.commit();
  return { id: sheet.id, printTitleRows: tab.frozenRows };
}

/**
 * Writes the plan to `path` (its folder is created); the file appears only once complete. Returns the sheet
 * names, in order (plan names made acceptable to Excel).
 */
export async function writePlanXlsx(
  plan: OutputPlan,
  path: string,
  language: Language,
): Promise<{ names: string[]; sanitised: SanitiseReport }> {
  // Excel refuses a workbook with one XML-invalid character or one cell over its limit: cleaned first.
  const sanitised = sanitisePlan(plan, EXCEL_CELL_LIMIT);
  mkdirSync(dirname(path), { recursive: true });
  const partial = `${path}.partial-${process.pid}`;
  const finished = `${path}.finished-${process.pid}`;
  try {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      filename: partial,
      useStyles: true,
      useSharedStrings: true,
    });
    workbook.creator = 'segment-tabs';
    const styles = new StyleCache();
    const used = new Set<string>();
    const names = plan.tabs.map((tab) => excelSheetName(tab.name, used));
    const sheets: FinishedSheet[] = plan.tabs.map((tab, i) => ({
      tab,
      name: names[i]!,
      ...writeTab(workbook, tab, names[i]!, language, styles),
    }));
    const firstVisible = Math.max(
      0,
      plan.tabs.findIndex((tab) => !tab.hidden),
    );
    workbook.views = [
      {
        x: 0,
        y: 0,
        width: 20000,
        height: 12000,
        firstSheet: firstVisible,
        activeTab: firstVisible,
        visibility: 'visible',
      },
    ];
    await workbook.commit();
    await finishWorkbook(partial, finished, sheets);
    rmSync(partial, { force: true });
    renameSync(finished, path);
    return { names, sanitised };
  } catch (error) {
    rmSync(partial, { force: true });
    rmSync(finished, { force: true });
    throw error;
  }
}
