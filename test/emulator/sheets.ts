/**
 * Spreadsheet and Sheet.
 * https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet
 * https://developers.google.com/apps-script/reference/spreadsheet/sheet
 *
 * As in Apps Script, every call that returns a sheet returns a new object for it: compare sheets with
 * getSheetId(), not `===`.
 */
import { normaliseColour, parseA1 } from './a1';
import {
  chartForInsert,
  EmuConditionalFormatRule,
  EmuEmbeddedChart,
  EmuEmbeddedChartBuilder,
} from './builders';
import { readBlock, writeBlock, type Box } from './cells';
import { instrument } from './core';
import { SheetState } from './grid';
import { addMetadata, EmuDeveloperMetadata, EmuDeveloperMetadataFinder } from './metadata';
import { localeRules } from './locale';
import { checkAlive, EmuFilter, EmuRange } from './range';
import { isKnownTimeZone } from './zone';
import type { World } from './world';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Sheets refuses tab names longer than 100 characters. */
export const MAX_SHEET_NAME = 100;

function sheetStateOf(world: World, sheet: unknown): SheetState {
  if (!(sheet instanceof EmuSheet)) return world.fail('Invalid argument: sheet');
  return sheet.state;
}

/**
 * Tab names are unique ignoring case; the clash message is Apps Script's. An empty name and a name over 100
 * characters are refused too (those messages are the emulator's own wording: Apps Script does not document
 * them).
 */
function checkSheetName(world: World, name: string, except: SheetState | null): void {
  if (name === '') world.fail('Invalid argument: name. The sheet name cannot be empty.');
  if (name.length > MAX_SHEET_NAME) {
    world.fail(`Invalid argument: name. The sheet name cannot be longer than ${MAX_SHEET_NAME} characters.`);
  }
  const clash = world.book.findByName(name);
  if (clash && clash !== except) {
    world.fail(`A sheet with the name "${name}" already exists. Please enter another name.`);
  }
}

interface InsertSheetOptions {
  template?: Sheet | EmuSheet;
}

/** A duplicate of a sheet's state under a new name and id (insertSheet with a template). */
export function copySheetState(template: SheetState, name: string, id: number): SheetState {
  const copy = new SheetState(name, id, template.maxRows, template.maxColumns);
  copy.tabColour = template.tabColour;
  copy.frozenRows = template.frozenRows;
  copy.frozenColumns = template.frozenColumns;
  const from = template.layers();
  copy.layers().forEach((layer, i) => {
    layer.rows = from[i]!.rows.map((row) => row?.slice());
  });
  for (const [column, width] of template.columnWidths) copy.columnWidths.set(column, width);
  copy.filter = template.filter ? { ...template.filter } : null;
  copy.merges = template.merges.map((merge) => ({ ...merge }));
  const onCopy = <T extends { sheet: SheetState }>(range: T): T =>
    range.sheet === template ? { ...range, sheet: copy } : range;
  copy.rules = template.rules.map((rule) => ({ ...rule, ranges: rule.ranges.map(onCopy) }));
  copy.charts = template.charts.map((chart, i) => ({
    ...chart,
    id: `${chart.id}-copy-${id}-${i}`,
    ranges: chart.ranges.map(onCopy),
  }));
  return copy;
}

/** insertSheet() with no name: "Sheet<n>", n from the tab count + 1 up to the first free one. */
function defaultSheetName(world: World): string {
  for (let n = world.book.sheets.length + 1; ; n++) {
    const name = `Sheet${n}`;
    if (!world.book.findByName(name)) return name;
  }
}

export class EmuSpreadsheet implements Pick<
  Spreadsheet,
  | 'getId'
  | 'getName'
  | 'getUrl'
  | 'getSpreadsheetTimeZone'
  | 'getSpreadsheetLocale'
  | 'getNumSheets'
  | 'deleteSheet'
  | 'moveActiveSheet'
  | 'setSpreadsheetTimeZone'
  | 'setSpreadsheetLocale'
  | 'rename'
> {
  constructor(readonly core: World) {}

  getId(): string {
    return this.core.book.id;
  }

  getName(): string {
    return this.core.book.name;
  }

  rename(newName: string): void {
    this.core.book.name = newName;
  }

  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this.core.book.id}/edit`;
  }

  getSpreadsheetTimeZone(): string {
    return this.core.book.timeZone;
  }

  setSpreadsheetTimeZone(timezone: string): void {
    if (!isKnownTimeZone(timezone)) this.core.fail(`Invalid argument: timezone`);
    this.core.book.timeZone = timezone;
  }

  getSpreadsheetLocale(): string {
    return this.core.book.locale.code;
  }

  setSpreadsheetLocale(locale: string): void {
    this.core.book.locale = localeRules(locale);
  }

  getSheets(): EmuSheet[] {
    return this.core.book.sheets.map((sheet) => new EmuSheet(this.core, sheet));
  }

  getNumSheets(): number {
    return this.core.book.sheets.length;
  }

  /** Matches ignoring case, as tab names are unique ignoring case; null when there is none. */
  getSheetByName(name: string): EmuSheet | null {
    const sheet = this.core.book.findByName(name);
    return sheet ? new EmuSheet(this.core, sheet) : null;
  }

  getSheetById(id: number): EmuSheet | null {
    const sheet = this.core.book.sheets.find((candidate) => candidate.id === id);
    return sheet ? new EmuSheet(this.core, sheet) : null;
  }

  /**
   * insertSheet(), (sheetIndex), (sheetName), (sheetName, sheetIndex), each also with `options`: the index is
   * 0-based; the new sheet has 1000 × 26 cells, counts towards the 10-million-cell limit, and becomes the
   * active sheet. With `options.template` ("All data from the template sheet object is copied to the new
   * sheet. The sheet template must be one of the sheets of the Spreadsheet object."), the new sheet is a copy
   * of the template: its size, cells, formats, frozen rows and columns, tab colour, column widths, merges,
   * filter, conditional-format rules and charts, as Sheets' "Duplicate" makes. The page does not say whether
   * developer metadata is copied; the emulator copies none (code must not rely on either).
   * https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#insertSheet(String,Integer,Object)
   *
   * Without an index the reference gives no position; Sheets puts the new tab right after the active one
   * (as its "+" button and Insert → Sheet do, and as scripts that insert without an index observe), and the
   * new tab becomes active, so tabs inserted one after another stay in order after the tab the user was on.
   */
  insertSheet(
    nameOrIndexOrOptions?: string | number | InsertSheetOptions,
    indexOrOptions?: number | InsertSheetOptions,
    maybeOptions?: InsertSheetOptions,
  ): EmuSheet {
    const world = this.core;
    const args = [nameOrIndexOrOptions, indexOrOptions, maybeOptions];
    const nameArg = args.find((arg): arg is string => typeof arg === 'string');
    const indexArg = args.find((arg): arg is number => typeof arg === 'number');
    const options = args.find((arg): arg is InsertSheetOptions => typeof arg === 'object' && arg !== null);
    const name = nameArg ?? defaultSheetName(world);
    const at = indexArg ?? world.book.sheets.indexOf(world.book.active) + 1;
    checkSheetName(world, name, null);
    const template = options?.template === undefined ? null : sheetStateOf(world, options.template);
    if (template && (template.deleted || !world.book.sheets.includes(template))) {
      world.fail('The sheet template must be one of the sheets of the Spreadsheet object.');
    }
    const state = template
      ? copySheetState(template, name, world.book.newSheetId())
      : new SheetState(name, world.book.newSheetId());
    world.checkCellLimit(state.cellCount());
    world.book.sheets.splice(Math.max(0, Math.min(at, world.book.sheets.length)), 0, state);
    world.book.active = state;
    return new EmuSheet(world, state);
  }

  /** "You can't remove all the sheets in a document." The sheet's metadata, charts and filter go with it. */
  deleteSheet(sheet: Sheet | EmuSheet): void {
    const world = this.core;
    const state = sheetStateOf(world, sheet);
    checkAlive(world, state);
    const book = world.book;
    if (book.sheets.length === 1) world.fail("You can't remove all the sheets in a document.");
    const index = book.sheets.indexOf(state);
    book.sheets.splice(index, 1);
    book.metadata = book.metadata.filter((meta) => meta.sheet !== state);
    state.deleted = true;
    if (book.active === state) book.active = book.sheets[Math.max(0, index - 1)]!;
  }

  getActiveSheet(): EmuSheet {
    return new EmuSheet(this.core, this.core.book.active);
  }

  setActiveSheet(sheet: Sheet | EmuSheet): EmuSheet {
    const state = sheetStateOf(this.core, sheet);
    checkAlive(this.core, state);
    this.core.book.active = state;
    return new EmuSheet(this.core, state);
  }

  /** Moves the active sheet to a 1-based position. */
  moveActiveSheet(pos: number): void {
    const book = this.core.book;
    const index = book.sheets.indexOf(book.active);
    book.sheets.splice(index, 1);
    book.sheets.splice(Math.max(0, Math.min(pos - 1, book.sheets.length)), 0, book.active);
  }

  /** `Sheet1!A1:B2` or `'My sheet'!A1`; without a sheet name, the active sheet. */
  getRange(a1Notation: string): EmuRange {
    const match = /^(?:'((?:[^']|'')+)'|([^!]+))!(.+)$/.exec(a1Notation);
    let sheet = this.core.book.active;
    let a1 = a1Notation;
    if (match) {
      const name = match[1] !== undefined ? match[1].replace(/''/g, "'") : match[2]!;
      const found = this.core.book.findByName(name);
      if (!found) return this.core.fail('Range not found');
      sheet = found;
      a1 = match[3]!;
    }
    return rangeFromA1(this.core, sheet, a1);
  }

  /** Only the metadata on the spreadsheet itself. */
  getDeveloperMetadata(): EmuDeveloperMetadata[] {
    return this.core.book.metadata
      .filter((meta) => meta.sheet === null)
      .map((meta) => new EmuDeveloperMetadata(this.core, meta));
  }

  addDeveloperMetadata(...args: unknown[]): this {
    addMetadata(this.core, null, args);
    return this;
  }

  /** Finds metadata at every location of the spreadsheet (the spreadsheet and each sheet). */
  createDeveloperMetadataFinder(): EmuDeveloperMetadataFinder {
    return new EmuDeveloperMetadataFinder(this.core, null);
  }

  /** Recorded in `toasts`. Default title '' and timeout 5 seconds, as documented. */
  toast(msg: string, title?: string, timeoutSeconds?: number): void {
    this.core.toasts.push({ message: String(msg), title: title ?? '', timeoutSeconds: timeoutSeconds ?? 5 });
  }
}
instrument(EmuSpreadsheet, 'Spreadsheet');

/** A range from A1 notation; open ends run to the sheet's last row or column. "Range not found" otherwise. */
export function rangeFromA1(world: World, sheet: SheetState, a1: string): EmuRange {
  const box = parseA1(a1);
  if (!box) return world.fail('Range not found');
  const lastRow = box.lastRow ?? sheet.maxRows;
  const lastColumn = box.lastColumn ?? sheet.maxColumns;
  if (lastRow > sheet.maxRows || lastColumn > sheet.maxColumns) return world.fail('Range not found');
  return new EmuRange(world, sheet, box.row, box.column, lastRow - box.row + 1, lastColumn - box.column + 1);
}

/** Range bounds with Apps Script's messages for each way they can be wrong. */
export function rangeFromNumbers(
  world: World,
  sheet: SheetState,
  row: number,
  column: number,
  numRows = 1,
  numColumns = 1,
): EmuRange {
  if (row < 1) world.fail('The starting row of the range is too small.');
  if (column < 1) world.fail('The starting column of the range is too small.');
  if (numRows < 1) world.fail('The number of rows in the range must be at least 1.');
  if (numColumns < 1) world.fail('The number of columns in the range must be at least 1.');
  if (row + numRows - 1 > sheet.maxRows || column + numColumns - 1 > sheet.maxColumns) {
    world.fail('The coordinates of the range are outside the dimensions of the sheet.');
  }
  return new EmuRange(
    world,
    sheet,
    Math.trunc(row),
    Math.trunc(column),
    Math.trunc(numRows),
    Math.trunc(numColumns),
  );
}

export class EmuSheet implements Pick<
  Sheet,
  | 'getName'
  | 'getSheetId'
  | 'getIndex'
  | 'getLastRow'
  | 'getLastColumn'
  | 'getMaxRows'
  | 'getMaxColumns'
  | 'getFrozenRows'
  | 'getFrozenColumns'
  | 'isSheetHidden'
  | 'getSheetValues'
  | 'insertRows'
  | 'deleteRows'
  | 'deleteColumns'
  | 'getColumnWidth'
> {
  constructor(
    readonly core: World,
    readonly state: SheetState,
  ) {}

  getParent(): EmuSpreadsheet {
    return new EmuSpreadsheet(this.core);
  }

  getName(): string {
    return this.state.name;
  }

  setName(name: string): this {
    checkAlive(this.core, this.state);
    checkSheetName(this.core, name, this.state);
    this.state.name = name;
    return this;
  }

  getSheetId(): number {
    return this.state.id;
  }

  /** 1-based position among the tabs. */
  getIndex(): number {
    return this.core.book.sheets.indexOf(this.state) + 1;
  }

  getLastRow(): number {
    return this.state.lastRow();
  }

  getLastColumn(): number {
    return this.state.lastColumn();
  }

  getMaxRows(): number {
    return this.state.maxRows;
  }

  getMaxColumns(): number {
    return this.state.maxColumns;
  }

  getRange(rowOrA1: number | string, column?: number, numRows?: number, numColumns?: number): EmuRange {
    checkAlive(this.core, this.state);
    if (typeof rowOrA1 === 'string') return rangeFromA1(this.core, this.state, rowOrA1);
    return rangeFromNumbers(this.core, this.state, rowOrA1, column ?? 1, numRows ?? 1, numColumns ?? 1);
  }

  /** A1 to the last row and column with content; A1 alone on an empty sheet. */
  getDataRange(): EmuRange {
    checkAlive(this.core, this.state);
    const rows = Math.max(1, this.state.lastRow());
    const columns = Math.max(1, this.state.lastColumn());
    return new EmuRange(this.core, this.state, 1, 1, rows, columns);
  }

  /**
   * getSheetValues(startRow, startColumn, numRows, numColumns): "-1 … is equivalent to getting the very last
   * row or column that has data". With nothing to read (an empty sheet and -1) the emulator returns [] (the
   * real result for that case is not documented).
   */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  getSheetValues(startRow: number, startColumn: number, numRows: number, numColumns: number): any[][] {
    checkAlive(this.core, this.state);
    const rows = numRows === -1 ? this.state.lastRow() - startRow + 1 : numRows;
    const columns = numColumns === -1 ? this.state.lastColumn() - startColumn + 1 : numColumns;
    if (rows <= 0 || columns <= 0) {
      if (numRows === -1 || numColumns === -1) return [];
    }
    const range = rangeFromNumbers(this.core, this.state, startRow, startColumn, rows, columns);
    const box: Box = {
      row0: range.row - 1,
      column0: range.column - 1,
      numRows: range.numRows,
      numColumns: range.numColumns,
    };
    return readBlock(this.core, this.state, box);
  }

  /** Clears contents and formats (or only one of them with the options). */
  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean }): this {
    checkAlive(this.core, this.state);
    const formatsToo = !options?.contentsOnly || Boolean(options.formatOnly);
    const contentsToo = !options?.formatOnly || Boolean(options.contentsOnly);
    for (const layer of this.state.layers()) {
      const isContent = layer === this.state.values || layer === this.state.formulas;
      if ((isContent && contentsToo) || (!isContent && formatsToo)) layer.rows = [];
    }
    return this;
  }

  clearContents(): this {
    checkAlive(this.core, this.state);
    this.state.values.rows = [];
    this.state.formulas.rows = [];
    return this;
  }

  clearFormats(): this {
    checkAlive(this.core, this.state);
    for (const layer of this.state.layers()) {
      if (layer !== this.state.values && layer !== this.state.formulas) layer.rows = [];
    }
    return this;
  }

  // Rows and columns ---------------------------------------------------------------------------------------

  /** Inserts `howMany` blank rows so the first new one is row `before` (1-based). */
  insertRowsBefore(beforePosition: number, howMany: number): this {
    insertRows(this.core, this.state, beforePosition - 1, howMany);
    return this;
  }

  insertRowsAfter(afterPosition: number, howMany: number): this {
    insertRows(this.core, this.state, afterPosition, howMany);
    return this;
  }

  insertRowBefore(beforePosition: number): this {
    insertRows(this.core, this.state, beforePosition - 1, 1);
    return this;
  }

  insertRowAfter(afterPosition: number): this {
    insertRows(this.core, this.state, afterPosition, 1);
    return this;
  }

  insertRows(rowIndex: number, numRows = 1): void {
    insertRows(this.core, this.state, rowIndex - 1, numRows);
  }

  insertColumnsBefore(beforePosition: number, howMany: number): this {
    insertColumns(this.core, this.state, beforePosition - 1, howMany);
    return this;
  }

  insertColumnsAfter(afterPosition: number, howMany: number): this {
    insertColumns(this.core, this.state, afterPosition, howMany);
    return this;
  }

  insertColumns(columnIndex: number, numColumns = 1): void {
    insertColumns(this.core, this.state, columnIndex - 1, numColumns);
  }

  deleteRows(rowPosition: number, howMany: number): void {
    deleteRows(this.core, this.state, rowPosition, howMany);
  }

  deleteRow(rowPosition: number): this {
    deleteRows(this.core, this.state, rowPosition, 1);
    return this;
  }

  deleteColumns(columnPosition: number, howMany: number): void {
    deleteColumns(this.core, this.state, columnPosition, howMany);
  }

  deleteColumn(columnPosition: number): this {
    deleteColumns(this.core, this.state, columnPosition, 1);
    return this;
  }

  /** Appends a row after the last row with content, growing the sheet when it is full. */
  appendRow(rowContents: unknown[]): this {
    checkAlive(this.core, this.state);
    const row = this.state.lastRow() + 1;
    if (row > this.state.maxRows) insertRows(this.core, this.state, this.state.maxRows, 1);
    if (rowContents.length > this.state.maxColumns) {
      insertColumns(this.core, this.state, this.state.maxColumns, rowContents.length - this.state.maxColumns);
    }
    writeBlock(
      this.core,
      this.state,
      { row0: row - 1, column0: 0, numRows: 1, numColumns: rowContents.length },
      [rowContents],
    );
    return this;
  }

  // Tab appearance -----------------------------------------------------------------------------------------

  /** A CSS colour, or null to remove the tab colour. */
  setTabColor(color: string | null): this {
    checkAlive(this.core, this.state);
    this.state.tabColour = color === null || color === '' ? null : normaliseColour(color);
    return this;
  }

  getTabColor(): string | null {
    return this.state.tabColour;
  }

  /** "You can't freeze all visible rows on the sheet." (at least one row must stay unfrozen). */
  setFrozenRows(rows: number): void {
    checkAlive(this.core, this.state);
    if (rows >= this.state.maxRows) this.core.fail("You can't freeze all visible rows on the sheet.");
    this.state.frozenRows = rows;
  }

  getFrozenRows(): number {
    return this.state.frozenRows;
  }

  setFrozenColumns(columns: number): void {
    checkAlive(this.core, this.state);
    if (columns >= this.state.maxColumns)
      this.core.fail("You can't freeze all visible columns on the sheet.");
    this.state.frozenColumns = columns;
  }

  getFrozenColumns(): number {
    return this.state.frozenColumns;
  }

  /** "You can't hide all the sheets in a document." */
  hideSheet(): this {
    checkAlive(this.core, this.state);
    const book = this.core.book;
    const othersVisible = book.sheets.some((sheet) => sheet !== this.state && !sheet.hidden);
    if (!othersVisible) this.core.fail("You can't hide all the sheets in a document.");
    this.state.hidden = true;
    if (book.active === this.state) book.active = book.sheets.find((sheet) => !sheet.hidden)!;
    return this;
  }

  showSheet(): this {
    checkAlive(this.core, this.state);
    this.state.hidden = false;
    return this;
  }

  isSheetHidden(): boolean {
    return this.state.hidden;
  }

  /** Widths in pixels; a new column is 100 px wide. */
  setColumnWidth(columnPosition: number, width: number): this {
    this.state.columnWidths.set(columnPosition, width);
    return this;
  }

  setColumnWidths(startColumn: number, numColumns: number, width: number): this {
    for (let c = startColumn; c < startColumn + numColumns; c++) this.state.columnWidths.set(c, width);
    return this;
  }

  getColumnWidth(columnPosition: number): number {
    return this.state.columnWidths.get(columnPosition) ?? 100;
  }

  /**
   * Fits columns to their content. Sheets measures rendered text; the emulator estimates 7 px per character
   * of the longest value plus 10 px padding (at least 21 px, Sheets' narrowest auto-fit).
   */
  autoResizeColumns(startColumn: number, numColumns: number): this {
    const lastRow = this.state.lastRow();
    for (let c = startColumn; c < startColumn + numColumns; c++) {
      let longest = 0;
      for (let r = 0; r < lastRow; r++) {
        const value = this.state.values.get(r, c - 1);
        if (value !== undefined) longest = Math.max(longest, String(value).length);
      }
      this.state.columnWidths.set(c, Math.max(21, longest * 7 + 10));
    }
    return this;
  }

  activate(): this {
    checkAlive(this.core, this.state);
    this.core.book.active = this.state;
    return this;
  }

  // Filter, conditional formats, charts, metadata ----------------------------------------------------------

  getFilter(): EmuFilter | null {
    return this.state.filter ? new EmuFilter(this.core, this.state) : null;
  }

  getConditionalFormatRules(): EmuConditionalFormatRule[] {
    return this.state.rules.map((rule) => new EmuConditionalFormatRule(this.core, rule));
  }

  /** Replaces all the sheet's rules. */
  setConditionalFormatRules(
    rules: (GoogleAppsScript.Spreadsheet.ConditionalFormatRule | EmuConditionalFormatRule)[],
  ): void {
    checkAlive(this.core, this.state);
    this.state.rules = rules.map((rule) => {
      if (!(rule instanceof EmuConditionalFormatRule)) return this.core.fail('Invalid argument: rules');
      return rule.record;
    });
  }

  clearConditionalFormatRules(): void {
    this.state.rules = [];
  }

  newChart(): EmuEmbeddedChartBuilder {
    return new EmuEmbeddedChartBuilder(this.core, this.state);
  }

  insertChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart | EmuEmbeddedChart): void {
    checkAlive(this.core, this.state);
    if (!(chart instanceof EmuEmbeddedChart)) this.core.fail('Invalid argument: chart');
    this.state.charts.push(chartForInsert(chart));
  }

  updateChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart | EmuEmbeddedChart): void {
    if (!(chart instanceof EmuEmbeddedChart)) return this.core.fail('Invalid argument: chart');
    const index = this.state.charts.findIndex((record) => record.id === chart.record.id);
    if (index < 0) this.core.fail('Invalid argument: chart');
    this.state.charts[index] = chartForInsert(chart);
  }

  removeChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart | EmuEmbeddedChart): void {
    if (!(chart instanceof EmuEmbeddedChart)) return this.core.fail('Invalid argument: chart');
    this.state.charts = this.state.charts.filter((record) => record.id !== chart.record.id);
  }

  getCharts(): EmuEmbeddedChart[] {
    return this.state.charts.map((record) => new EmuEmbeddedChart(this.core, record, this.state));
  }

  addDeveloperMetadata(...args: unknown[]): this {
    checkAlive(this.core, this.state);
    addMetadata(this.core, this.state, args);
    return this;
  }

  getDeveloperMetadata(): EmuDeveloperMetadata[] {
    return this.core.book.metadata
      .filter((meta) => meta.sheet === this.state)
      .map((meta) => new EmuDeveloperMetadata(this.core, meta));
  }

  createDeveloperMetadataFinder(): EmuDeveloperMetadataFinder {
    return new EmuDeveloperMetadataFinder(this.core, this.state);
  }
}
instrument(EmuSheet, 'Sheet');

// Structural changes, shared by the overloads above (not counted themselves).

function insertRows(world: World, sheet: SheetState, at0: number, count: number): void {
  checkAlive(world, sheet);
  if (at0 < 0 || at0 > sheet.maxRows) world.fail('Those rows are out of bounds.');
  world.checkCellLimit(count * sheet.maxColumns);
  for (const layer of sheet.layers()) layer.insertRows(at0, count);
  sheet.maxRows += count;
}

function insertColumns(world: World, sheet: SheetState, at0: number, count: number): void {
  checkAlive(world, sheet);
  if (at0 < 0 || at0 > sheet.maxColumns) world.fail('Those columns are out of bounds.');
  world.checkCellLimit(count * sheet.maxRows);
  for (const layer of sheet.layers()) layer.insertColumns(at0, count);
  sheet.maxColumns += count;
}

/** "Those rows are out of bounds." / "Sorry, it is not possible to delete all non-frozen rows." */
function deleteRows(world: World, sheet: SheetState, rowPosition: number, howMany: number): void {
  checkAlive(world, sheet);
  if (rowPosition < 1 || howMany < 1 || rowPosition + howMany - 1 > sheet.maxRows) {
    world.fail('Those rows are out of bounds.');
  }
  if (sheet.maxRows - howMany <= sheet.frozenRows) {
    world.fail('Sorry, it is not possible to delete all non-frozen rows.');
  }
  for (const layer of sheet.layers()) layer.deleteRows(rowPosition - 1, howMany);
  sheet.maxRows -= howMany;
}

function deleteColumns(world: World, sheet: SheetState, columnPosition: number, howMany: number): void {
  checkAlive(world, sheet);
  if (columnPosition < 1 || howMany < 1 || columnPosition + howMany - 1 > sheet.maxColumns) {
    world.fail('Those columns are out of bounds.');
  }
  if (sheet.maxColumns - howMany <= sheet.frozenColumns) {
    world.fail('Sorry, it is not possible to delete all non-frozen columns.');
  }
  for (const layer of sheet.layers()) layer.deleteColumns(columnPosition - 1, howMany);
  sheet.maxColumns -= howMany;
}
