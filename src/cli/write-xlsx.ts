/**
 * Renders the engine's output plan into an .xlsx (xlsx-stream.ts): one worksheet per tab, in the plan's order, with
 * the same values, number formats, colours, tab colours, frozen header rows, autofilter and hidden tabs as the
 * Sheets face (number formats and the title band come from the Sheets face's own table, so both stay alike).
 *
 * Readable as printed and on screen: column widths fitted to what the cells show (their format applied, a sample
 * of rows for big tabs), header rows wrapped, the Summary's header frozen too, and a page setup per tab (landscape
 * when wide, one page wide, header rows repeated). The plan's charts are native Excel charts (xlsx-charts.ts), and
 * custom document properties mark every tab as ours, for a later run's `--previous` (read-previous.ts).
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
import { markProperties } from './read-previous';
import { CHART_HEIGHT_PIXELS, CHART_WIDTH_PIXELS, chartXml, drawingXml } from './xlsx-charts';
import {
  columnLetters,
  EXCEL_DAY_OFFSET,
  XlsxWriter,
  type SheetOptions,
  type SheetWriter,
} from './xlsx-stream';

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
const LAST_COLUMN_TEXT = 12;
/** Rows measured per block for the widths: all of a small block, a spread sample of a big one. */
const WIDTH_SAMPLE_ROWS = 2000;
/** A header wraps on at most this many lines; its row is made this tall. */
const MAX_HEADER_LINES = 3;
const LINE_HEIGHT_POINTS = 15;
/** Wider than this (in characters, charts included) prints landscape: about what an A4 portrait page holds. */
const PORTRAIT_WIDTH = 100;
const CHART_TYPE = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';
const DRAWING_TYPE = 'application/vnd.openxmlformats-officedocument.drawing+xml';
const RELATIONSHIP = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PACKAGE_RELATIONSHIPS = 'http://schemas.openxmlformats.org/package/2006/relationships';

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
  // Counted, not formatted: toLocaleString on every sampled cell would cost seconds on a big shop.
  const grouped = (digits: number) => {
    const whole = String(Math.floor(Math.abs(value) * 10 ** digits + 0.5 + Number.EPSILON)).padStart(
      digits + 1,
      '0',
    );
    const integer = whole.length - digits;
    return integer + Math.floor((integer - 1) / 3) + (digits > 0 ? digits + 1 : 0) + (value < 0 ? 1 : 0);
  };
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

/** Rows a chart covers: its height at Excel's default row height (20 pixels). */
const CHART_ROWS = Math.ceil(CHART_HEIGHT_PIXELS / 20);

/** Whether a chart is anchored right of the block, within its rows. */
function chartBeside(tab: TabPlan, block: BlockPlan): boolean {
  const right = block.anchor.column + block.columns.length - 1;
  return tab.charts.some(
    (chart) =>
      chart.anchor.column > right &&
      chart.anchor.row <= lastRowOf(block) &&
      chart.anchor.row + CHART_ROWS > block.anchor.row,
  );
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
      // Text in a block's last column runs on over the empty cells to its right (a note, a model's name): it
      // need not widen its column, which the numbers of a block above may share. Not when a chart sits there
      // (the Summary's actions beside its charts): then the column holds its text.
      const runsOn = c === block.columns.length - 1 && !chartBeside(tab, block);
      longest = Math.max(longest, runsOn ? Math.min(longestText, LAST_COLUMN_TEXT) : longestText);
      const words = column.header.split(/\s+/).map((word) => word.length);
      const header = Math.max(Math.ceil(column.header.length / 2), ...words) * 1.1;
      const width = Math.min(
        MAX_COLUMN_WIDTH,
        Math.max(MIN_COLUMN_WIDTH, longest + COLUMN_PADDING, header + 1),
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
export function printOf(tab: TabPlan, widths: number[]): NonNullable<SheetOptions['print']> {
  let across = widths.reduce((sum, width) => sum + width, 0);
  for (const chart of tab.charts) {
    const left = widths.slice(0, chart.anchor.column - 1).reduce((sum, width) => sum + width, 0);
    across = Math.max(across, left + CHART_WIDTH_PIXELS / PIXELS_PER_CHARACTER);
  }
  return {
    landscape: across > PORTRAIT_WIDTH,
    fitToWidth: 1,
    // The Summary on one or two pages; a long tab as many pages as it needs.
    fitToHeight: tab.role === 'summary' ? 2 : 0,
    // The frozen header rows of a table; the Summary's stacked blocks repeat nothing.
    repeatRows: tab.frozenRows,
  };
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
  /** What a cell of another kind than its column's (cellKinds) is formatted with. */
  language: Language;
  moneyDigits: number | undefined;
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
  const kinds = block.cellKinds?.[index];
  for (let c = 0; c < block.columns.length; c++) {
    const fill = colourRow && c >= colours.fromColumn ? (colourRow[c - colours.fromColumn] ?? null) : null;
    const kind = kinds?.[c];
    const numFmt = kind ? numberFormat(kind, at.language, at.moneyDigits) : at.formats[c]!;
    const style = fill || kind ? workbook.style({ numFmt, fill }) : at.plain[c]!;
    if (!writeValue(sheet, left + c, values[c] ?? null, kind ?? block.columns[c]!.kind, style) && fill)
      sheet.blank(left + c, style);
  }
}

/**
 * Adds the tab's charts (a chart part each, and the drawing placing them) and returns the sheet's relationship
 * to that drawing, or nothing when the tab charts nothing.
 */
function addCharts(
  workbook: XlsxWriter,
  tab: TabPlan,
  name: string,
  counter: { charts: number; drawings: number },
): { id: string; type: string; target: string } | undefined {
  const charts = tab.charts.flatMap((chart) => {
    const xml = chartXml(tab, chart, name);
    return xml ? [{ chart, xml }] : [];
  });
  if (charts.length === 0) return undefined;
  const drawing = ++counter.drawings;
  const rels = charts.map(({ xml }, i) => {
    const number = ++counter.charts;
    workbook.addPart(`xl/charts/chart${number}.xml`, xml, CHART_TYPE);
    return `<Relationship Id="rId${i + 1}" Type="${RELATIONSHIP}/chart" Target="../charts/chart${number}.xml"/>`;
  });
  workbook.addPart(
    `xl/drawings/drawing${drawing}.xml`,
    drawingXml(
      charts.map(({ chart }) => chart.anchor),
      charts.map((_, i) => `rId${i + 1}`),
    ),
    DRAWING_TYPE,
  );
  workbook.addPart(
    `xl/drawings/_rels/drawing${drawing}.xml.rels`,
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PACKAGE_RELATIONSHIPS}">${rels.join('')}</Relationships>`,
  );
  return { id: 'rId1', type: `${RELATIONSHIP}/drawing`, target: `../drawings/drawing${drawing}.xml` };
}

/**
 * Writes one tab's sheet. The Summary has no frozen rows in the plan (its blocks are stacked), but here its first
 * block's header is frozen too, so the segment columns stay named while scrolling.
 */
function writeTab(
  workbook: XlsxWriter,
  tab: TabPlan,
  name: string,
  language: Language,
  counter: { charts: number; drawings: number },
): void {
  const first = tab.blocks[0];
  const widths = fittedWidths(tab, language);
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
        wrap: true,
      }),
      formats,
      plain: formats.map((numFmt) => workbook.style({ numFmt })),
      language,
      moneyDigits: tab.moneyDigits,
    };
  });
  // A wrapped header row is made as tall as its tallest header.
  const heights = new Map<number, number>();
  for (const at of blocks) {
    const lines = headerLines(at.block, widths);
    if (lines > 1)
      heights.set(at.headerRow, Math.max(heights.get(at.headerRow) ?? 0, lines * LINE_HEIGHT_POINTS));
  }
  // Blocks by first row, and left to right within a row: a row's cells must be written in column order.
  blocks.sort(
    (a, b) => a.block.anchor.row - b.block.anchor.row || a.block.anchor.column - b.block.anchor.column,
  );
  const height = Math.max(0, ...blocks.map((at) => at.lastRow));
  const drawing = addCharts(workbook, tab, name, counter);
  workbook.addSheet(
    {
      name,
      hidden: tab.hidden,
      tabColour: tab.tabColour,
      frozenRows: tab.frozenRows || (tab.role === 'summary' && first ? headerRowOf(first) : 0),
      // The stream writer takes widths by 1-based column.
      widths: [undefined, ...widths],
      print: printOf(tab, widths),
      ...(drawing ? { drawingRelationshipId: drawing.id } : {}),
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
        sheet.startRow(rowNumber, heights.get(rowNumber));
        for (const at of covering) writeBlockRow(sheet, rowNumber, at, workbook);
      }
    },
    drawing ? [drawing] : [],
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
    const counter = { charts: 0, drawings: 0 };
    for (const [i, tab] of plan.tabs.entries()) writeTab(workbook, tab, names[i]!, language, counter);
    // The stream writer numbers sheets 1, 2, … in plan order: sheet ids the marks name.
    workbook.customProperties = markProperties(plan.tabs.map((tab, i) => ({ sheetId: i + 1, tab })));
    workbook.close();
    renameSync(partial, path);
    return { names, sanitised };
  } catch (error) {
    workbook?.abandon();
    rmSync(partial, { force: true });
    throw error;
  }
}
