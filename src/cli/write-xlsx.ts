/**
 * Renders the engine's output plan into an .xlsx (xlsx-stream.ts): one worksheet per tab, in the plan's order, with
 * the same values, number formats, colours, tab colours, frozen header rows, autofilter and hidden tabs as the
 * Sheets face (number formats and the title band come from the Sheets face's own table, so both stay alike).
 *
 * Charts are not drawn yet, and the Summary's blocks hold the same numbers the Sheets face charts.
 *
 * The writer streams, so a 100k-customer plan is written row by row without holding a worksheet model of
 * millions of cells; one style id per (format, fill, font). The file is written under a temporary name and
 * renamed when complete, so a failed run never leaves a half-written workbook where the user expects the result.
 */
import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Language } from '../core/options';
import { EXCEL_CELL_LIMIT, sanitisePlan, type SanitiseReport } from '../core/plan/cell-limits';
import type { BlockPlan, ColumnKind, PlanValue, TabPlan, OutputPlan } from '../core/plan/types';
import { numberFormat, TEXT_FORMAT, TITLE_BACKGROUND } from '../sheets/tab-grid';
import { columnLetters, EXCEL_DAY_OFFSET, XlsxWriter, type SheetWriter } from './xlsx-stream';

/** Excel refuses sheet names over 31 characters and with any of `[]:*?/\`. */
const MAX_SHEET_NAME = 31;
const FORBIDDEN_IN_SHEET_NAME = /[[\]:*?/\\]/g;
/** Pixels per character of Excel's column width (Calibri 11), and the cell padding. */
const PIXELS_PER_CHARACTER = 7;
const COLUMN_PADDING_PIXELS = 5;
const MIN_COLUMN_WIDTH = 4;

/** Kinds whose cells are text and must stay text (leading zeros of phones and codes). */
const TEXT_KINDS: ReadonlySet<ColumnKind> = new Set<ColumnKind>(['text', 'code', 'phone', 'colour']);

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

/** Writes a plan value in the cell type its column kind asks for; null and '' leave the cell empty. */
function writeValue(
  sheet: SheetWriter,
  column: number,
  value: PlanValue,
  kind: ColumnKind,
  style: number,
): boolean {
  if (value === null || value === '') return false;
  if (typeof value === 'string') sheet.text(column, value, style);
  else if (typeof value === 'boolean') sheet.boolean(column, value, style);
  // Phones and codes stay text; day numbers count from 1970-01-01, Excel's serials from 1899-12-30.
  else if (TEXT_KINDS.has(kind)) sheet.text(column, String(value), style);
  else sheet.number(column, kind === 'date' ? value + EXCEL_DAY_OFFSET : value, style);
  return true;
}

/** First row of a block's header (after its title, if any). */
function headerRowOf(block: BlockPlan): number {
  return block.anchor.row + (block.title ? 1 : 0);
}

function lastRowOf(block: BlockPlan): number {
  return headerRowOf(block) + block.rows.length;
}

/** Column widths in Excel characters, by 1-based sheet column: the widest planned width of any block there. */
function columnWidths(tab: TabPlan): (number | undefined)[] {
  const pixels: number[] = [];
  for (const block of tab.blocks) {
    block.columns.forEach((column, c) => {
      const at = block.anchor.column + c;
      if (column.width !== undefined) pixels[at] = Math.max(pixels[at] ?? 0, column.width);
    });
  }
  return Array.from(pixels, (px) =>
    px === undefined
      ? undefined
      : Math.round(Math.max(MIN_COLUMN_WIDTH, (px - COLUMN_PADDING_PIXELS) / PIXELS_PER_CHARACTER) * 10) / 10,
  );
}

/** A block with its style ids, ready to write row by row. */
interface BlockWriter {
  block: BlockPlan;
  headerRow: number;
  lastRow: number;
  titleStyle: number;
  headerStyle: number;
  formats: string[];
  /** Style id per column for a cell without a background. */
  plain: number[];
}

/** Writes the cells one block contributes to sheet row `rowNumber` (1-based). */
function writeBlockRow(sheet: SheetWriter, rowNumber: number, at: BlockWriter, workbook: XlsxWriter): void {
  const { block } = at;
  const left = block.anchor.column;
  if (block.title && rowNumber === block.anchor.row) {
    sheet.text(left, block.title, at.titleStyle);
    for (let c = 1; c < block.columns.length; c++) sheet.blank(left + c, at.titleStyle);
    return;
  }
  if (rowNumber === at.headerRow) {
    block.columns.forEach((column, c) => sheet.text(left + c, column.header, at.headerStyle));
    return;
  }
  const index = rowNumber - at.headerRow - 1;
  const values = block.rows[index]!;
  const colours = block.cellColours;
  const colourRow = colours?.colours[index];
  for (let c = 0; c < block.columns.length; c++) {
    const fill = colourRow && c >= colours.fromColumn ? (colourRow[c - colours.fromColumn] ?? null) : null;
    const style = fill ? workbook.style({ numFmt: at.formats[c]!, fill }) : at.plain[c]!;
    if (!writeValue(sheet, left + c, values[c] ?? null, block.columns[c]!.kind, style) && fill)
      sheet.blank(left + c, style);
  }
}

function writeTab(workbook: XlsxWriter, tab: TabPlan, name: string, language: Language): void {
  const first = tab.blocks[0];
  const blocks: BlockWriter[] = tab.blocks.map((block) => {
    const formats = block.columns.map((column) => numberFormat(column.kind, language, tab.moneyDigits));
    return {
      block,
      headerRow: headerRowOf(block),
      lastRow: lastRowOf(block),
      titleStyle: workbook.style({ numFmt: TEXT_FORMAT, fill: TITLE_BACKGROUND, bold: true }),
      headerStyle: workbook.style({
        numFmt: TEXT_FORMAT,
        fill: block.headerColour,
        bold: true,
        fontColour: block.headerFontColour,
      }),
      formats,
      plain: formats.map((numFmt) => workbook.style({ numFmt })),
    };
  });
  // Blocks by first row, and left to right within a row: a row's cells must be written in column order.
  blocks.sort(
    (a, b) => a.block.anchor.row - b.block.anchor.row || a.block.anchor.column - b.block.anchor.column,
  );
  const height = Math.max(0, ...blocks.map((at) => at.lastRow));
  workbook.addSheet(
    {
      name,
      hidden: tab.hidden,
      tabColour: tab.tabColour,
      frozenRows: tab.frozenRows,
      widths: columnWidths(tab),
      ...(tab.filter && first
        ? {
            autoFilter: `${columnLetters(first.anchor.column)}${headerRowOf(first)}:${columnLetters(
              first.anchor.column + first.columns.length - 1,
            )}${lastRowOf(first)}`,
          }
        : {}),
    },
    (sheet) => {
      const covering: BlockWriter[] = [];
      for (let rowNumber = 1; rowNumber <= height; rowNumber++) {
        covering.length = 0;
        for (const at of blocks) {
          if (at.block.anchor.row > rowNumber) break;
          if (rowNumber <= at.lastRow) covering.push(at);
        }
        if (covering.length === 0) continue;
        if (covering.length > 1) covering.sort((a, b) => a.block.anchor.column - b.block.anchor.column);
        sheet.startRow(rowNumber);
        for (const at of covering) writeBlockRow(sheet, rowNumber, at, workbook);
      }
    },
  );
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
  let workbook: XlsxWriter | undefined;
  try {
    workbook = new XlsxWriter(partial);
    workbook.creator = 'segment-tabs';
    workbook.activeSheet = Math.max(
      0,
      plan.tabs.findIndex((tab) => !tab.hidden),
    );
    const used = new Set<string>();
    const names = plan.tabs.map((tab) => excelSheetName(tab.name, used));
    for (const [i, tab] of plan.tabs.entries()) writeTab(workbook, tab, names[i]!, language);
    workbook.close();
    renameSync(partial, path);
    return { names, sanitised };
  } catch (error) {
    workbook?.abandon();
    rmSync(partial, { force: true });
    throw error;
  }
}
