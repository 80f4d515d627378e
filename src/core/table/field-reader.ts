/**
 * Reads one field of one data row, parsed. A blank cell gives `undefined`; a cell that does not parse gives
 * `null` and a data issue naming the sheet, the cell (`D17`), its header, the raw value and what was expected.
 * Nothing is turned into a silent zero or blank.
 *
 * Fields are named once per sheet through `column(field)`, and rows are read through the handle it gives: the
 * readers run for every field of every row of a 1M-row paste, and a handle's column is a plain property read
 * where a field name would be looked up again on every cell.
 */
import { cellText, columnLetter, isBlank, type CellValue } from '../cell';
import type { DataIssue, IssueCode } from '../issues';
import { looksLikeSerialColumn, parseDateCell, type DateOrder } from '../parse/date';
import { normaliseEmail } from '../parse/email';
import { parseMoney, parseQuantity } from '../parse/money';
import { normalisePhone, type PhoneInfo } from '../parse/phone';
import type { Parsed } from '../parse/result';
import type { ZoneClock } from '../parse/time-zone';
import { excerpt, tidyText } from '../text';
import { isWholeMinor, MAX_CELL_MINOR, toMinor, type MoneyUnit } from '../money';
import type { FieldId } from './fields';
import type { SheetTable } from './sheet-table';

/** Characters of a cell's value kept on its data issue (a 5 MB cell is not copied to the Data-issues tab). */
const ISSUE_VALUE_LENGTH = 200;

/**
 * A field of one sheet: its 0-based column (-1 when the sheet has none) and, for dates, the column's order and
 * whether its texts are spreadsheet serials (a CSV export of date cells: `46341`).
 */
export interface FieldColumn {
  readonly index: number;
  readonly dateOrder: DateOrder;
  readonly serialText: boolean;
}

/** Values of a date column looked at to tell whether its texts are serials. */
const SERIAL_SAMPLE = 1000;

export class FieldReader {
  private readonly values: CellValue[][];

  constructor(
    private readonly table: SheetTable,
    readonly clock: ZoneClock,
    private readonly issues: DataIssue[],
    /** The run's minor unit (money.ts): every amount is read as a whole number of it. */
    private readonly unit: MoneyUnit,
  ) {
    this.values = table.values;
  }

  get sheetName(): string {
    return this.table.name;
  }

  /** Column letter of a field's column, undefined when the sheet has none. */
  letter(column: FieldColumn): string | undefined {
    return column.index >= 0 ? columnLetter(column.index) : undefined;
  }

  header(column: FieldColumn): string | undefined {
    return column.index >= 0 ? this.table.headers[column.index] : undefined;
  }

  column(field: FieldId): FieldColumn {
    const index = this.table.columnOf(field);
    const order = this.table.dateOrder[field];
    return { index, dateOrder: order ?? 'dmy', serialText: order !== undefined && this.serialColumn(index) };
  }

  /** Whether the column's texts (in its first data rows) are spreadsheet serials. */
  private serialColumn(index: number): boolean {
    if (index < 0) return false;
    const rows = this.table.dataRows;
    const sample: CellValue[] = [];
    for (let i = 0; i < rows.length && sample.length < SERIAL_SAMPLE; i++)
      sample.push(this.values[rows[i]!]![index]);
    return looksLikeSerialColumn(sample);
  }

  /** Handles for several fields at once, by name: `columns.date`. */
  columns<F extends FieldId>(fields: readonly F[]): Record<F, FieldColumn> {
    return Object.fromEntries(fields.map((field) => [field, this.column(field)])) as Record<F, FieldColumn>;
  }

  cell(row: number, column: FieldColumn): CellValue {
    return column.index < 0 ? undefined : this.values[row]![column.index];
  }

  /** Tidied text (NFC, single spaces), '' when blank or unmapped. */
  text(row: number, column: FieldColumn): string {
    const value = this.cell(row, column);
    if (isBlank(value)) return '';
    return typeof value === 'string' ? tidyText(value) : cellText(value);
  }

  report(code: IssueCode, row: number, column: FieldColumn, message: string): void {
    const index = column.index;
    this.issues.push({
      code,
      sheet: this.table.name,
      row: row + 1,
      column: index >= 0 ? columnLetter(index) : undefined,
      header: index >= 0 ? this.table.headers[index] : undefined,
      value: index >= 0 ? excerpt(cellText(this.values[row]![index]), ISSUE_VALUE_LENGTH) : undefined,
      message,
    });
  }

  private parsed<T>(
    row: number,
    column: FieldColumn,
    code: IssueCode,
    result: Parsed<T> | undefined,
  ): T | null | undefined {
    if (result === undefined) return undefined;
    if (result.ok) return result.value;
    this.report(code, row, column, result.reason);
    return null;
  }

  money(row: number, column: FieldColumn): number | null | undefined {
    const value = this.cell(row, column);
    return this.parsed(row, column, 'bad-amount', isBlank(value) ? undefined : parseMoney(value));
  }

  /**
   * An amount in whole minor units (money.ts). An amount too large to add exactly is refused; one with more
   * decimals than the run's unit is rounded to it and reported, so no total changes without a word.
   */
  minor(row: number, column: FieldColumn): number | null | undefined {
    const amount = this.money(row, column);
    if (typeof amount !== 'number') return amount;
    const minor = toMinor(amount, this.unit);
    if (Math.abs(minor) > MAX_CELL_MINOR) {
      this.report('bad-amount', row, column, 'too large to be an amount that adds up exactly');
      return null;
    }
    if (!isWholeMinor(amount, this.unit)) {
      this.report(
        'rounded-amount',
        row,
        column,
        `has more decimals than the sheet's other amounts: rounded to ${this.unit.digits} decimals`,
      );
    }
    return minor;
  }

  quantity(row: number, column: FieldColumn): number | null | undefined {
    const value = this.cell(row, column);
    return this.parsed(row, column, 'bad-number', isBlank(value) ? undefined : parseQuantity(value));
  }

  /** Local epoch ms on the spreadsheet's clock. */
  time(row: number, column: FieldColumn): number | null | undefined {
    const value = this.cell(row, column);
    return this.parsed(
      row,
      column,
      'bad-date',
      isBlank(value) ? undefined : parseDateCell(value, column.dateOrder, this.clock, column.serialText),
    );
  }

  phone(row: number, column: FieldColumn): PhoneInfo | null | undefined {
    const value = this.cell(row, column);
    return this.parsed(row, column, 'bad-phone', isBlank(value) ? undefined : normalisePhone(value));
  }

  /** Lower-cased email; '' for blank, invalid (reported) or a made-up address (`0901234567@vn.phone`). */
  email(row: number, column: FieldColumn): string {
    const value = this.cell(row, column);
    if (isBlank(value)) return '';
    const result = normaliseEmail(value);
    if (result.ok) return result.value ?? '';
    this.report('bad-email', row, column, result.reason);
    return '';
  }
}
