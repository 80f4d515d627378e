/**
 * Reads one field of one data row, parsed. A blank cell gives `undefined`; a cell that does not parse gives
 * `null` and a data issue naming the sheet, the cell (`D17`), its header, the raw value and what was expected.
 * Nothing is turned into a silent zero or blank.
 */
import { cellText, columnLetter, isBlank, type CellValue } from '../cell';
import type { DataIssue, IssueCode } from '../issues';
import { parseDateCell } from '../parse/date';
import { normaliseEmail } from '../parse/email';
import { parseMoney, parseQuantity } from '../parse/money';
import { normalisePhone, type PhoneInfo } from '../parse/phone';
import type { Parsed } from '../parse/result';
import type { ZoneClock } from '../parse/time-zone';
import { tidyText } from '../text';
import type { FieldId } from './fields';
import type { SheetTable } from './sheet-table';

export class FieldReader {
  constructor(
    private readonly table: SheetTable,
    private readonly clock: ZoneClock,
    private readonly issues: DataIssue[],
  ) {}

  has(field: FieldId): boolean {
    return this.table.columnOf(field) >= 0;
  }

  cell(row: number, field: FieldId): CellValue {
    const column = this.table.columnOf(field);
    return column < 0 ? undefined : this.table.values[row]![column];
  }

  /** Tidied text (NFC, single spaces), '' when blank or unmapped. */
  text(row: number, field: FieldId): string {
    const value = this.cell(row, field);
    if (isBlank(value)) return '';
    return typeof value === 'string' ? tidyText(value) : cellText(value);
  }

  report(code: IssueCode, row: number, field: FieldId, message: string): void {
    const column = this.table.columnOf(field);
    this.issues.push({
      code,
      sheet: this.table.name,
      row: row + 1,
      column: column >= 0 ? columnLetter(column) : undefined,
      header: column >= 0 ? this.table.headers[column] : undefined,
      value: column >= 0 ? cellText(this.table.values[row]![column]) : undefined,
      message,
    });
  }

  private parsed<T>(
    row: number,
    field: FieldId,
    code: IssueCode,
    parse: (value: CellValue) => Parsed<T>,
  ): T | null | undefined {
    const value = this.cell(row, field);
    if (isBlank(value)) return undefined;
    const result = parse(value);
    if (result.ok) return result.value;
    this.report(code, row, field, result.reason);
    return null;
  }

  money(row: number, field: FieldId): number | null | undefined {
    return this.parsed(row, field, 'bad-amount', parseMoney);
  }

  quantity(row: number, field: FieldId): number | null | undefined {
    return this.parsed(row, field, 'bad-number', parseQuantity);
  }

  /** Local epoch ms on the spreadsheet's clock. */
  time(row: number, field: FieldId): number | null | undefined {
    const order = this.table.dateOrder[field] ?? 'dmy';
    return this.parsed(row, field, 'bad-date', (value) => parseDateCell(value, order, this.clock));
  }

  phone(row: number, field: FieldId): PhoneInfo | null | undefined {
    return this.parsed(row, field, 'bad-phone', normalisePhone);
  }

  /** Lower-cased email; '' for blank, invalid (reported) or a made-up address (`0901234567@vn.phone`). */
  email(row: number, field: FieldId): string {
    const value = this.cell(row, field);
    if (isBlank(value)) return '';
    const result = normaliseEmail(value);
    if (result.ok) return result.value ?? '';
    this.report('bad-email', row, field, result.reason);
    return '';
  }
}
