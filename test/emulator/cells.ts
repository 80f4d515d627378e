/**
 * Reading and writing cell blocks: the conversions of Range.getValues / getDisplayValues / setValues.
 * https://developers.google.com/apps-script/reference/spreadsheet/range#getvalues :
 * "Returns the rectangular grid of values for this range … Values may be of type Number, Boolean, Date, or
 * String, depending on the value of the cell. Empty cells are represented by an empty string".
 */
import { isFiniteNumber, toText } from './intrinsics';
import { isDate } from './core';
import type { SheetState } from './grid';
import { formatKind, renderNumber } from './number-format';
import { typedValue, type StoredValue } from './typed-input';
import { instantFromSerial, serialFromInstant } from './zone';
import type { World } from './world';

/** Sheets refuses more than 50,000 characters in one cell (the message is Sheets'). */
export const MAX_CELL_CHARS = 50_000;

export interface Box {
  row0: number;
  column0: number;
  numRows: number;
  numColumns: number;
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'Object[]';
  switch (typeof value) {
    case 'string':
      return 'String';
    case 'number':
      return 'number';
    case 'boolean':
      return 'Boolean';
    case 'undefined':
      return '';
    default:
      return 'Object';
  }
}

/**
 * A 2-D argument must match the range exactly (Range.setValues: "The size of the two-dimensional array must
 * match the size of the range"); the messages are Apps Script's.
 */
export function checkShape(world: World, data: unknown, box: Box, method: string): unknown[][] {
  if (!Array.isArray(data)) {
    world.fail(
      `The parameters (${typeName(data)}) don't match the method signature for SpreadsheetApp.Range.${method}.`,
    );
  }
  if (data.length !== box.numRows) {
    world.fail(
      `The number of rows in the data does not match the number of rows in the range. The data has ${data.length} but the range has ${box.numRows}.`,
    );
  }
  for (const row of data) {
    if (!Array.isArray(row)) {
      world.fail(
        `The parameters (Object[]) don't match the method signature for SpreadsheetApp.Range.${method}.`,
      );
    }
    if (row.length !== box.numColumns) {
      world.fail(
        `The number of columns in the data does not match the number of columns in the range. The data has ${row.length} but the range has ${box.numColumns}.`,
      );
    }
  }
  return data as unknown[][];
}

/**
 * Writes one cell as Range.setValue does: null/undefined/'' empty the cell, numbers and booleans are kept,
 * a Date becomes a serial date in the spreadsheet's time zone (and a General cell gets the locale's date-time
 * format), strings go through typed-input conversion (see typed-input.ts).
 */
export function writeCell(
  world: World,
  sheet: SheetState,
  row0: number,
  column0: number,
  input: unknown,
): void {
  const values = sheet.values;
  if (sheet.formulas.rows[row0] !== undefined) sheet.formulas.set(row0, column0, undefined);
  if (input === null || input === undefined || input === '') {
    values.set(row0, column0, undefined);
    return;
  }
  switch (typeof input) {
    case 'number':
      values.rowForWrite(row0)[column0] = isFiniteNumber(input) ? input : toText(input);
      return;
    case 'boolean':
      values.rowForWrite(row0)[column0] = input;
      return;
    case 'string': {
      if (input.length > MAX_CELL_CHARS) {
        world.fail(
          `Your input contains more than the maximum of ${MAX_CELL_CHARS} characters in a single cell.`,
        );
      }
      const format = sheet.formats.get(row0, column0);
      const typed = typedValue(input, world.book.locale, format === '@');
      if (typed.formula !== undefined) {
        values.set(row0, column0, undefined);
        sheet.formulas.set(row0, column0, typed.formula);
        return;
      }
      values.set(row0, column0, typed.value);
      if (typed.format !== undefined && formatKind(format) === 'general') {
        sheet.formats.set(row0, column0, typed.format);
      }
      return;
    }
    default:
      if (isDate(input)) {
        const ms = input.getTime();
        if (ms !== ms) {
          values.set(row0, column0, undefined);
          return;
        }
        values.rowForWrite(row0)[column0] = serialFromInstant(world.book.timeZone, ms);
        if (formatKind(sheet.formats.get(row0, column0)) === 'general') {
          sheet.formats.set(row0, column0, world.book.locale.dateTimeFormat);
        }
        return;
      }
      writeCell(world, sheet, row0, column0, toText(input));
  }
}

export function writeBlock(world: World, sheet: SheetState, box: Box, data: unknown[][]): void {
  for (let r = 0; r < box.numRows; r++) {
    const row = data[r]!;
    for (let c = 0; c < box.numColumns; c++) writeCell(world, sheet, box.row0 + r, box.column0 + c, row[c]);
  }
}

/** One cell as getValues returns it. */
export function readCell(world: World, sheet: SheetState, row0: number, column0: number): StoredValue | Date {
  const value = sheet.values.get(row0, column0);
  if (value === undefined) return '';
  if (typeof value === 'number' && formatKind(sheet.formats.get(row0, column0)) === 'date') {
    return world.newDate(instantFromSerial(world.book.timeZone, value));
  }
  return value;
}

export function readBlock(world: World, sheet: SheetState, box: Box): (StoredValue | Date)[][] {
  const out: (StoredValue | Date)[][] = new Array(box.numRows);
  const timeZone = world.book.timeZone;
  for (let r = 0; r < box.numRows; r++) {
    const values = sheet.values.row(box.row0 + r);
    const formats = sheet.formats.row(box.row0 + r);
    const row: (StoredValue | Date)[] = new Array(box.numColumns);
    for (let c = 0; c < box.numColumns; c++) {
      const value = values === undefined ? undefined : values[box.column0 + c];
      if (value === undefined) row[c] = '';
      else if (
        typeof value === 'number' &&
        formats !== undefined &&
        formatKind(formats[box.column0 + c]) === 'date'
      ) {
        row[c] = world.newDate(instantFromSerial(timeZone, value));
      } else row[c] = value;
    }
    out[r] = row;
  }
  return out;
}

/** One cell as getDisplayValues shows it: numbers and dates through the cell's number format. */
export function displayCell(world: World, sheet: SheetState, row0: number, column0: number): string {
  const value = sheet.values.get(row0, column0);
  if (value === undefined) return '';
  if (typeof value === 'number')
    return renderNumber(value, sheet.formats.get(row0, column0), world.book.locale);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return value;
}

export function displayBlock(world: World, sheet: SheetState, box: Box): string[][] {
  const out: string[][] = new Array(box.numRows);
  const locale = world.book.locale;
  for (let r = 0; r < box.numRows; r++) {
    const values = sheet.values.row(box.row0 + r);
    const formats = sheet.formats.row(box.row0 + r);
    const row: string[] = new Array(box.numColumns);
    for (let c = 0; c < box.numColumns; c++) {
      const value = values === undefined ? undefined : values[box.column0 + c];
      if (value === undefined) row[c] = '';
      else if (typeof value === 'string') row[c] = value;
      else if (typeof value === 'number') {
        row[c] = renderNumber(value, formats === undefined ? undefined : formats[box.column0 + c], locale);
      } else row[c] = value ? 'TRUE' : 'FALSE';
    }
    out[r] = row;
  }
  return out;
}

/** A layer read as a grid with a default for unset cells (getNumberFormats, getBackgrounds, …). */
export function readLayer<T>(layer: { row(row0: number): T[] | undefined }, box: Box, fallback: T): T[][] {
  const out: T[][] = new Array(box.numRows);
  for (let r = 0; r < box.numRows; r++) {
    const source = layer.row(box.row0 + r);
    const row: T[] = new Array(box.numColumns);
    for (let c = 0; c < box.numColumns; c++) {
      const value = source === undefined ? undefined : source[box.column0 + c];
      row[c] = value === undefined ? fallback : value;
    }
    out[r] = row;
  }
  return out;
}
