/**
 * Renders the engine's output plan into an .xlsx with ExcelJS: one worksheet per tab, in the plan's order, with
 * the same values, number formats, colours, tab colours, frozen header rows, autofilter and hidden tabs as the
 * Sheets face (number formats and the title band come from the Sheets face's own table, so both stay alike).
 *
 * Charts are not drawn: ExcelJS cannot write charts, and the Summary's blocks hold the same numbers the Sheets
 * face charts.
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

const MS_PER_DAY = 86_400_000;
/** Excel refuses sheet names over 31 characters and with any of `[]:*?/\`. */
const MAX_SHEET_NAME = 31;
const FORBIDDEN_IN_SHEET_NAME = /[[\]:*?/\\]/g;
/** Pixels per character of Excel's column width (Calibri 11), and the cell padding. */
const PIXELS_PER_CHARACTER = 7;
const COLUMN_PADDING_PIXELS = 5;
const MIN_COLUMN_WIDTH = 4;

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
  ): Partial<ExcelJS.Style> {
    const key = `${numFmt}|${fill ?? ''}|${font ? `${font.bold}${font.colour ?? ''}` : ''}`;
    let style = this.styles.get(key);
    if (!style) {
      style = { numFmt };
      if (fill) style.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(fill) } };
      if (font)
        style.font = { bold: font.bold, ...(font.colour ? { color: { argb: argb(font.colour) } } : {}) };
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

/** Column widths in Excel characters: the widest planned width of any block in that sheet column. */
function columnWidths(tab: TabPlan): { width?: number }[] {
  const pixels: number[] = [];
  for (const block of tab.blocks) {
    block.columns.forEach((column, c) => {
      const at = block.anchor.column - 1 + c;
      if (column.width !== undefined) pixels[at] = Math.max(pixels[at] ?? 0, column.width);
    });
  }
  return Array.from(pixels, (px) =>
    px === undefined
      ? {}
      : {
          width:
            Math.round(Math.max(MIN_COLUMN_WIDTH, (px - COLUMN_PADDING_PIXELS) / PIXELS_PER_CHARACTER) * 10) /
            10,
        },
  );
}

/** Writes the cells one block contributes to sheet row `row` (1-based). */
function writeBlockRow(
  row: ExcelJS.Row,
  rowNumber: number,
  block: BlockPlan,
  formats: string[],
  styles: StyleCache,
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
    const style = styles.get(TEXT_FORMAT, block.headerColour, { bold: true, colour: block.headerFontColour });
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
  for (let c = 0; c < block.columns.length; c++) {
    const value = cellValue(values[c] ?? null, block.columns[c]!.kind);
    const fill = colourRow && c >= colours.fromColumn ? (colourRow[c - colours.fromColumn] ?? null) : null;
    if (value === null && !fill) continue;
    const cell = row.getCell(left + c);
    cell.value = value;
    cell.style = styles.get(formats[c]!, fill);
  }
}

function writeTab(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  tab: TabPlan,
  name: string,
  language: Language,
  styles: StyleCache,
): void {
  const frozen = tab.frozenRows;
  const sheet = workbook.addWorksheet(name, {
    properties: { tabColor: { argb: argb(tab.tabColour) } },
    state: tab.hidden ? 'hidden' : 'visible',
    views: frozen > 0 ? [{ state: 'frozen', xSplit: 0, ySplit: frozen, topLeftCell: `A${frozen + 1}` }] : [],
  });
  sheet.columns = columnWidths(tab);
  const first = tab.blocks[0];
  if (tab.filter && first) {
    sheet.autoFilter = {
      from: { row: headerRowOf(first), column: first.anchor.column },
      to: { row: lastRowOf(first), column: first.anchor.column + first.columns.length - 1 },
    };
  }
  const formats = tab.blocks.map((block) =>
    block.columns.map((column) => numberFormat(column.kind, language, tab.moneyDigits)),
  );
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
      writeBlockRow(row, rowNumber, block, formats[i]!, styles);
    }
    row?.commit();
  }
  // Charts (tab.charts) are skipped: ExcelJS has no chart writer (see the file comment).
  sheet.commit();
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
    plan.tabs.forEach((tab, i) => writeTab(workbook, tab, names[i]!, language, styles));
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
    renameSync(partial, path);
    return { names, sanitised };
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
}
