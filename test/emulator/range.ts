/**
 * Range: https://developers.google.com/apps-script/reference/spreadsheet/range
 * A facade over a rectangle of a sheet's state. Every `set…s` method checks the 2-D shape with Apps Script's
 * messages; every `get…s` returns a fresh 2-D array.
 */
import { toText } from './intrinsics';
import { a1Notation, normaliseColour } from './a1';
import {
  checkShape,
  displayBlock,
  displayCell,
  readBlock,
  readCell,
  readLayer,
  writeBlock,
  writeCell,
  type Box,
} from './cells';
import { instrument } from './core';
import type { Layer, SheetState } from './grid';
import { GENERAL } from './number-format';
import { EmuSheet } from './sheets';
import type { World } from './world';

type Range = GoogleAppsScript.Spreadsheet.Range;

/** Defaults for cells nothing was set on (what a new sheet's cells report). */
export const DEFAULT_BACKGROUND = '#ffffff';
export const DEFAULT_FONT_COLOUR = '#000000';
export const DEFAULT_FONT_WEIGHT: GoogleAppsScript.Spreadsheet.FontWeight = 'normal';
export const DEFAULT_ALIGNMENT = 'general';

/** A deleted sheet's ranges cannot be used (wording is the emulator's: Apps Script's is not documented). */
export function checkAlive(world: World, sheet: SheetState): void {
  if (sheet.deleted) world.fail(`The sheet "${sheet.name}" has been deleted.`);
}

function boxOf(range: EmuRange): Box {
  return {
    row0: range.row - 1,
    column0: range.column - 1,
    numRows: range.numRows,
    numColumns: range.numColumns,
  };
}

const colourCache = new Map<string, string>();
function colour(value: unknown): string | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  const text = typeof value === 'string' ? value : toText(value);
  let found = colourCache.get(text);
  if (found === undefined) {
    found = normaliseColour(text);
    colourCache.set(text, found);
  }
  return found;
}

function numberFormat(value: unknown): string | undefined {
  if (value === null || value === undefined || value === '' || value === GENERAL) return undefined;
  return typeof value === 'string' ? value : toText(value);
}

function fontWeight(value: unknown): GoogleAppsScript.Spreadsheet.FontWeight | undefined {
  return value === 'bold' ? 'bold' : undefined;
}

function alignment(value: unknown): string | undefined {
  return value === null || value === undefined || value === 'normal' || value === 'general'
    ? undefined
    : String(value);
}

/** Writes a 2-D grid into a layer through a per-cell conversion (undefined resets the cell). */
function writeLayer<T>(
  layer: Layer<T>,
  box: Box,
  data: unknown[][],
  convert: (value: unknown) => T | undefined,
): void {
  for (let r = 0; r < box.numRows; r++) {
    const source = data[r]!;
    for (let c = 0; c < box.numColumns; c++) layer.set(box.row0 + r, box.column0 + c, convert(source[c]));
  }
}

function fillLayer<T>(layer: Layer<T>, box: Box, value: T | undefined): void {
  for (let r = 0; r < box.numRows; r++) {
    for (let c = 0; c < box.numColumns; c++) layer.set(box.row0 + r, box.column0 + c, value);
  }
}

function clearFormats(sheet: SheetState, box: Box): void {
  for (const layer of [
    sheet.formats,
    sheet.backgrounds,
    sheet.fontColours,
    sheet.fontWeights,
    sheet.horizontalAlignments,
    sheet.wraps,
  ] as Layer<unknown>[]) {
    layer.clearBlock(box.row0, box.column0, box.numRows, box.numColumns);
  }
}

function clearContents(sheet: SheetState, box: Box): void {
  sheet.values.clearBlock(box.row0, box.column0, box.numRows, box.numColumns);
  sheet.formulas.clearBlock(box.row0, box.column0, box.numRows, box.numColumns);
}

export class EmuRange implements Pick<
  Range,
  | 'getValues'
  | 'getValue'
  | 'getDisplayValues'
  | 'getDisplayValue'
  | 'getFormulas'
  | 'getFormula'
  | 'getNumberFormats'
  | 'getNumberFormat'
  | 'getBackgrounds'
  | 'getBackground'
  | 'getFontColors'
  | 'getFontWeights'
  | 'getFontWeight'
  | 'getHorizontalAlignments'
  | 'getWraps'
  | 'getA1Notation'
  | 'getRow'
  | 'getColumn'
  | 'getLastRow'
  | 'getLastColumn'
  | 'getNumRows'
  | 'getNumColumns'
  | 'isBlank'
> {
  constructor(
    readonly core: World,
    readonly sheet: SheetState,
    readonly row: number,
    readonly column: number,
    readonly numRows: number,
    readonly numColumns: number,
  ) {}

  getSheet(): EmuSheet {
    return new EmuSheet(this.core, this.sheet);
  }

  getA1Notation(): string {
    return a1Notation(this.row, this.column, this.numRows, this.numColumns);
  }

  getRow(): number {
    return this.row;
  }

  getColumn(): number {
    return this.column;
  }

  getLastRow(): number {
    return this.row + this.numRows - 1;
  }

  getLastColumn(): number {
    return this.column + this.numColumns - 1;
  }

  getNumRows(): number {
    return this.numRows;
  }

  getNumColumns(): number {
    return this.numColumns;
  }

  /** Range.getCell: a cell relative to this range (1-based). */
  getCell(row: number, column: number): EmuRange {
    if (row < 1 || column < 1 || row > this.numRows || column > this.numColumns) {
      this.core.fail('Cell reference out of range');
    }
    return new EmuRange(this.core, this.sheet, this.row + row - 1, this.column + column - 1, 1, 1);
  }

  /** Range.offset: the same size (or the given size) moved by whole rows and columns. */
  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): EmuRange {
    const row = this.row + rowOffset;
    const column = this.column + columnOffset;
    const rows = numRows ?? this.numRows;
    const columns = numColumns ?? this.numColumns;
    if (
      row < 1 ||
      column < 1 ||
      row + rows - 1 > this.sheet.maxRows ||
      column + columns - 1 > this.sheet.maxColumns
    ) {
      this.core.fail('The coordinates of the range are outside the dimensions of the sheet.');
    }
    return new EmuRange(this.core, this.sheet, row, column, rows, columns);
  }

  isBlank(): boolean {
    for (let r = 0; r < this.numRows; r++) {
      for (let c = 0; c < this.numColumns; c++) {
        if (this.sheet.hasContent(this.row - 1 + r, this.column - 1 + c)) return false;
      }
    }
    return true;
  }

  // Values -------------------------------------------------------------------------------------------------

  /** `Date` for date/time cells, numbers, booleans, strings; '' for empty and formula cells (see index.ts). */
  getValues(): (string | number | boolean | Date)[][] {
    checkAlive(this.core, this.sheet);
    return readBlock(this.core, this.sheet, boxOf(this));
  }

  getValue(): string | number | boolean | Date {
    checkAlive(this.core, this.sheet);
    return readCell(this.core, this.sheet, this.row - 1, this.column - 1);
  }

  getDisplayValues(): string[][] {
    checkAlive(this.core, this.sheet);
    return displayBlock(this.core, this.sheet, boxOf(this));
  }

  getDisplayValue(): string {
    checkAlive(this.core, this.sheet);
    return displayCell(this.core, this.sheet, this.row - 1, this.column - 1);
  }

  // Apps Script's own parameter type is any[][].
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  setValues(values: any[][]): this {
    checkAlive(this.core, this.sheet);
    const box = boxOf(this);
    writeBlock(this.core, this.sheet, box, checkShape(this.core, values, box, 'setValues'));
    return this;
  }

  /** Sets every cell of the range to the value. */
  setValue(value: unknown): this {
    checkAlive(this.core, this.sheet);
    for (let r = 0; r < this.numRows; r++) {
      for (let c = 0; c < this.numColumns; c++)
        writeCell(this.core, this.sheet, this.row - 1 + r, this.column - 1 + c, value);
    }
    return this;
  }

  getFormulas(): string[][] {
    checkAlive(this.core, this.sheet);
    return readLayer(this.sheet.formulas, boxOf(this), '');
  }

  getFormula(): string {
    checkAlive(this.core, this.sheet);
    return this.sheet.formulas.get(this.row - 1, this.column - 1) ?? '';
  }

  setFormulas(formulas: string[][]): this {
    checkAlive(this.core, this.sheet);
    const box = boxOf(this);
    writeBlock(this.core, this.sheet, box, checkShape(this.core, formulas, box, 'setFormulas'));
    return this;
  }

  setFormula(formula: string): this {
    checkAlive(this.core, this.sheet);
    for (let r = 0; r < this.numRows; r++) {
      for (let c = 0; c < this.numColumns; c++)
        writeCell(this.core, this.sheet, this.row - 1 + r, this.column - 1 + c, formula);
    }
    return this;
  }

  // Formats ------------------------------------------------------------------------------------------------

  getNumberFormats(): string[][] {
    checkAlive(this.core, this.sheet);
    return readLayer(this.sheet.formats, boxOf(this), GENERAL);
  }

  getNumberFormat(): string {
    checkAlive(this.core, this.sheet);
    return this.sheet.formats.get(this.row - 1, this.column - 1) ?? GENERAL;
  }

  setNumberFormats(numberFormats: string[][]): this {
    checkAlive(this.core, this.sheet);
    const box = boxOf(this);
    writeLayer(
      this.sheet.formats,
      box,
      checkShape(this.core, numberFormats, box, 'setNumberFormats'),
      numberFormat,
    );
    return this;
  }

  setNumberFormat(numberFormat_: string): this {
    checkAlive(this.core, this.sheet);
    fillLayer(this.sheet.formats, boxOf(this), numberFormat(numberFormat_));
    return this;
  }

  getBackgrounds(): string[][] {
    checkAlive(this.core, this.sheet);
    return readLayer(this.sheet.backgrounds, boxOf(this), DEFAULT_BACKGROUND);
  }

  getBackground(): string {
    checkAlive(this.core, this.sheet);
    return this.sheet.backgrounds.get(this.row - 1, this.column - 1) ?? DEFAULT_BACKGROUND;
  }

  /** null resets a cell to the default (white). */
  setBackgrounds(color: (string | null)[][]): this {
    checkAlive(this.core, this.sheet);
    const box = boxOf(this);
    writeLayer(this.sheet.backgrounds, box, checkShape(this.core, color, box, 'setBackgrounds'), colour);
    return this;
  }

  setBackground(color: string | null): this {
    checkAlive(this.core, this.sheet);
    fillLayer(this.sheet.backgrounds, boxOf(this), colour(color));
    return this;
  }

  getFontColors(): string[][] {
    checkAlive(this.core, this.sheet);
    return readLayer(this.sheet.fontColours, boxOf(this), DEFAULT_FONT_COLOUR);
  }

  setFontColors(colors: (string | null)[][]): this {
    checkAlive(this.core, this.sheet);
    const box = boxOf(this);
    writeLayer(this.sheet.fontColours, box, checkShape(this.core, colors, box, 'setFontColors'), colour);
    return this;
  }

  setFontColor(color: string | null): this {
    checkAlive(this.core, this.sheet);
    fillLayer(this.sheet.fontColours, boxOf(this), colour(color));
    return this;
  }

  getFontWeights(): GoogleAppsScript.Spreadsheet.FontWeight[][] {
    checkAlive(this.core, this.sheet);
    return readLayer(this.sheet.fontWeights, boxOf(this), DEFAULT_FONT_WEIGHT);
  }

  getFontWeight(): GoogleAppsScript.Spreadsheet.FontWeight {
    checkAlive(this.core, this.sheet);
    return this.sheet.fontWeights.get(this.row - 1, this.column - 1) ?? DEFAULT_FONT_WEIGHT;
  }

  setFontWeights(fontWeights: ('bold' | 'normal' | null)[][]): this {
    checkAlive(this.core, this.sheet);
    const box = boxOf(this);
    writeLayer(
      this.sheet.fontWeights,
      box,
      checkShape(this.core, fontWeights, box, 'setFontWeights'),
      fontWeight,
    );
    return this;
  }

  setFontWeight(fontWeight_: 'bold' | 'normal' | null): this {
    checkAlive(this.core, this.sheet);
    fillLayer(this.sheet.fontWeights, boxOf(this), fontWeight(fontWeight_));
    return this;
  }

  getHorizontalAlignments(): string[][] {
    checkAlive(this.core, this.sheet);
    return readLayer(this.sheet.horizontalAlignments, boxOf(this), DEFAULT_ALIGNMENT);
  }

  setHorizontalAlignment(alignment_: 'left' | 'center' | 'normal' | 'right' | null): this {
    checkAlive(this.core, this.sheet);
    fillLayer(this.sheet.horizontalAlignments, boxOf(this), alignment(alignment_));
    return this;
  }

  setHorizontalAlignments(alignments: ('left' | 'center' | 'normal' | 'right' | null)[][]): this {
    checkAlive(this.core, this.sheet);
    const box = boxOf(this);
    writeLayer(
      this.sheet.horizontalAlignments,
      box,
      checkShape(this.core, alignments, box, 'setHorizontalAlignments'),
      alignment,
    );
    return this;
  }

  /** New cells overflow rather than wrap (Sheets' default wrap strategy is OVERFLOW). */
  getWraps(): boolean[][] {
    checkAlive(this.core, this.sheet);
    return readLayer(this.sheet.wraps, boxOf(this), false);
  }

  setWrap(isWrapEnabled: boolean): this {
    checkAlive(this.core, this.sheet);
    fillLayer(this.sheet.wraps, boxOf(this), isWrapEnabled ? true : undefined);
    return this;
  }

  setWraps(isWrapEnabled: boolean[][]): this {
    checkAlive(this.core, this.sheet);
    const box = boxOf(this);
    writeLayer(this.sheet.wraps, box, checkShape(this.core, isWrapEnabled, box, 'setWraps'), (value) =>
      value === true ? true : undefined,
    );
    return this;
  }

  // Clearing, filter, merge --------------------------------------------------------------------------------

  /** Range.clear(options): contents and formats by default; `contentsOnly` / `formatOnly` narrow it. */
  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean }): this {
    checkAlive(this.core, this.sheet);
    const box = boxOf(this);
    const contents = !options?.formatOnly || Boolean(options.contentsOnly);
    const formats = !options?.contentsOnly || Boolean(options.formatOnly);
    if (contents) clearContents(this.sheet, box);
    if (formats) clearFormats(this.sheet, box);
    return this;
  }

  clearContent(): this {
    checkAlive(this.core, this.sheet);
    clearContents(this.sheet, boxOf(this));
    return this;
  }

  clearFormat(): this {
    checkAlive(this.core, this.sheet);
    clearFormats(this.sheet, boxOf(this));
    return this;
  }

  /**
   * One basic filter per sheet: "You can't create a filter in a sheet that already has a filter."
   * https://developers.google.com/apps-script/reference/spreadsheet/range#createfilter
   */
  createFilter(): EmuFilter {
    checkAlive(this.core, this.sheet);
    if (this.sheet.filter) this.core.fail("You can't create a filter in a sheet that already has a filter.");
    this.sheet.filter = {
      row: this.row,
      column: this.column,
      numRows: this.numRows,
      numColumns: this.numColumns,
    };
    return new EmuFilter(this.core, this.sheet);
  }

  /** The sheet's filter if it overlaps this range, else null (Range.getFilter). */
  getFilter(): EmuFilter | null {
    const filter = this.sheet.filter;
    if (!filter) return null;
    const overlaps =
      filter.row <= this.row + this.numRows - 1 &&
      this.row <= filter.row + filter.numRows - 1 &&
      filter.column <= this.column + this.numColumns - 1 &&
      this.column <= filter.column + filter.numColumns - 1;
    return overlaps ? new EmuFilter(this.core, this.sheet) : null;
  }

  /** Merges the range into one cell; as in Sheets, only the top-left value is kept. */
  merge(): this {
    checkAlive(this.core, this.sheet);
    const box = boxOf(this);
    const keep = this.sheet.values.get(box.row0, box.column0);
    const keepFormula = this.sheet.formulas.get(box.row0, box.column0);
    clearContents(this.sheet, box);
    this.sheet.values.set(box.row0, box.column0, keep);
    this.sheet.formulas.set(box.row0, box.column0, keepFormula);
    this.sheet.merges.push({
      row: this.row,
      column: this.column,
      numRows: this.numRows,
      numColumns: this.numColumns,
    });
    return this;
  }

  activate(): this {
    checkAlive(this.core, this.sheet);
    this.core.book.active = this.sheet;
    return this;
  }
}
instrument(EmuRange, 'Range');

/** Filter: https://developers.google.com/apps-script/reference/spreadsheet/filter */
export class EmuFilter {
  constructor(
    readonly core: World,
    readonly sheet: SheetState,
  ) {}

  getRange(): EmuRange {
    const filter = this.sheet.filter;
    if (!filter) return this.core.fail('The filter has been removed.');
    return new EmuRange(this.core, this.sheet, filter.row, filter.column, filter.numRows, filter.numColumns);
  }

  remove(): void {
    this.sheet.filter = null;
  }

  getColumnFilterCriteria(_columnPosition: number): null {
    return null;
  }
}
instrument(EmuFilter, 'Filter');
