/**
 * The invoice sheet → invoices (design.md §2).
 *
 * - Lines with one invoice code are one invoice. Its amount is the invoice-level total (`Khách cần trả`,
 *   `Total`) taken **once** — POS exports repeat it on every line, so summing it would multiply the invoice by
 *   its number of lines — else the sum of the line totals (`Thành tiền`), else the sum of quantity × unit price.
 *   Negative lines net out inside their invoice. Amounts are whole minor units (money.ts), so sums are exact.
 * - A line of the same invoice whose invoice-level total differs from the one taken is reported
 *   (`conflicting-invoice-total`): two different sales may share a code, or the export was edited.
 * - A separate time-of-day column (`Giờ`) is added to the date column's day when the date has no time.
 * - A customer column may mix phones and emails (a receipts export's "customer" field): each value is read as
 *   what it is, so an email in the phone column is the email key, and a phone in the email column the phone.
 * - A row identical in every column to an earlier row of the same invoice (an export pasted twice) is dropped
 *   and reported with both row numbers, so a shop whose POS really prints identical lines can see it.
 * - Invoices with a cancelled or returned status (`Đã hủy`, `Cancelled`, `Refunded`, …) are excluded.
 * - Without an invoice-code column (a sheet kept by hand), each row is one invoice.
 * - Other fields (date, customer, store) come from the first line that has them: Shopify leaves order-level
 *   fields blank on follow-on lines.
 */
import { cellText, isBlank } from '../cell';
import { normaliseCode } from '../identity/customer-draft';
import type { CustomerRef } from '../identity/identity-index';
import type { DataIssue } from '../issues';
import { isCustomerKeyPhone, normalisePhone } from '../parse/phone';
import { isCancelFlagHeader, isSetFlag, statusVerdict, type StatusVerdict } from '../parse/status';
import { normaliseEmail } from '../parse/email';
import { parseTimeOfDay } from '../parse/time-of-day';
import { dayNumber, MS_PER_DAY, type ZoneClock } from '../parse/time-zone';
import type { MoneyUnit } from '../money';
import { FieldReader, type FieldColumn } from '../table/field-reader';
import { RowChains } from '../table/row-chains';
import type { FieldId } from '../table/fields';
import type { SheetTable } from '../table/sheet-table';
import { StringIndex } from '../string-index';
import { compactKey, firstCompactChar, hasCompactKey } from '../text';
import { LAYOUTS, type PosLayout } from '../table/layouts';
import type { Invoice } from './invoice';

/**
 * Names POS apps print for a sale with no customer, as compact keys: `Khách lẻ`, `KHÁCH VÃNG LAI`, `Walk-in`,
 * and the known layouts' own walk-in words (layouts.ts).
 */
export const WALK_IN_KEYS = [
  ...new Set([
    'khachle',
    'khachvanglai',
    'walkin',
    'walkincustomer',
    'guest',
    'khach',
    ...LAYOUTS.flatMap((layout) => layout.walkIn ?? [])
      .map(compactKey)
      .filter(Boolean),
  ]),
];

function isWalkInName(text: string): boolean {
  // Asked for every invoice's customer code and name: their first letter rules out nearly all of them at once.
  const first = firstCompactChar(text);
  for (const key of WALK_IN_KEYS) if (key[0] === first && hasCompactKey(text, key)) return true;
  return false;
}

/** A customer code of zeros only (`0`, `000`): WooCommerce and others write it for a guest, not a member. */
function isNoCustomerCode(code: string): boolean {
  if (code === '') return false;
  for (let i = 0; i < code.length; i++) if (code.charCodeAt(i) !== 48) return false;
  return true;
}

/** The reference of an invoice that names no customer (yet): shared, never changed. */
const NO_CUSTOMER: CustomerRef = Object.freeze({ code: '', phone: '', email: '' });

/** The invoice sheet's fields, named once per sheet. */
const INVOICE_FIELDS = [
  'invoiceCode',
  'date',
  'time',
  'customerCode',
  'name',
  'phone',
  'email',
  'invoiceTotal',
  'lineTotal',
  'unitPrice',
  'quantity',
  'store',
  'city',
  'channel',
  'pointsEarned',
  'status',
] as const satisfies readonly FieldId[];
type InvoiceColumns = Record<(typeof INVOICE_FIELDS)[number], FieldColumn>;

/**
 * An invoice while its lines are read. It becomes the invoice itself once its amount and day are known: at 640k
 * invoices, a copy of each would be as much again for the collector to move.
 */
interface InvoiceDraft extends Invoice {
  /** NaN until a line gives a readable date. */
  localMs: number;
  /** The row the customer reference came from; -1 while none has. */
  refRow: number;
  /** Minor units (money.ts), as every amount here. */
  invoiceTotal: number | undefined;
  /** The row the invoice total came from (0-based), for the conflicting-total check. */
  totalRow: number;
  /** The invoice's latest line so far (0-based): a line that does not follow it starts a later block. */
  lastRow: number;
  lineSum: number;
  hasLineAmount: boolean;
  cancelled: boolean;
  /** The status text first seen on the invoice's lines ('' while none). */
  status: string;
}

export interface InvoiceReading {
  invoices: Invoice[];
  /** Invoices excluded for a cancelled or returned status. */
  cancelled: number;
  /** Rows dropped as exact repeats of earlier rows. */
  duplicateRows: number;
  /** Invoices dropped for a missing or unreadable date or amount. */
  unreadable: number;
  /** Each status text seen (tidied), how it was read, and on how many invoices. */
  statuses: StatusSeen[];
}

export interface StatusSeen {
  status: string;
  verdict: StatusVerdict;
  invoices: number;
}

/** Distinct statuses listed in the facts; the rest are summed under the last line. */
const MAX_STATUSES_LISTED = 30;

export function readInvoices(
  table: SheetTable,
  clock: ZoneClock,
  issues: DataIssue[],
  unit: MoneyUnit,
): InvoiceReading {
  const reader = new FieldReader(table, clock, issues, unit);
  const columns = reader.columns(INVOICE_FIELDS);
  const hasCodes = columns.invoiceCode.index >= 0;
  const drafts: InvoiceDraft[] = [];
  // Each invoice's lines, grouped by its first line (`row - 1`), for the pasted-twice check.
  const lines = new RowChains(table.values);
  // Invoice code → its draft's index; sized for one invoice per row, the most a sheet can hold.
  const draftOfCode = new StringIndex(table.dataRows.length);
  let duplicateRows = 0;
  const statusHeader = reader.header(columns.status) ?? '';
  const statusRule: StatusRule = { layout: table.layout, flag: isCancelFlagHeader(statusHeader) };

  // Lines of one invoice usually follow each other: the previous line's draft saves a look-up in a map that
  // holds every invoice of the sheet.
  let previousCode: string | undefined;
  let previousDraft: InvoiceDraft | undefined;
  for (const row of table.dataRows) {
    let code: string;
    if (hasCodes) {
      const raw = reader.cell(row, columns.invoiceCode);
      if (isBlank(raw)) {
        reader.report(
          'missing-invoice-code',
          row,
          columns.invoiceCode,
          'No invoice code: the row cannot be counted as an invoice.',
        );
        continue;
      }
      code = cellText(raw);
    } else {
      code = `#${row + 1}`;
    }
    let draft = previousDraft;
    if (code !== previousCode) {
      // A new code is given the index its draft is about to be pushed at.
      const known = draftOfCode.getOrAdd(code, drafts.length);
      draft = known >= 0 ? drafts[known] : undefined;
    }
    if (draft) {
      const twin = lines.twinOf(draft.row - 1, row);
      if (twin !== undefined) {
        duplicateRows++;
        issues.push({
          code: 'duplicate-row',
          sheet: table.name,
          row: row + 1,
          value: code,
          relatedRow: twin + 1,
          message: `Same as row ${twin + 1} in every column (pasted twice?): counted once.`,
        });
        continue;
      }
      lines.append(draft.row - 1, row);
    } else {
      // Every property set here, in one order, so that all drafts share one shape.
      draft = {
        code,
        row: row + 1,
        localMs: NaN,
        day: 0,
        ref: NO_CUSTOMER,
        name: '',
        amountMinor: 0,
        store: '',
        city: '',
        channel: '',
        pointsEarned: undefined,
        refRow: -1,
        invoiceTotal: undefined,
        totalRow: -1,
        lastRow: row,
        lineSum: 0,
        hasLineAmount: false,
        cancelled: false,
        status: '',
      };
      drafts.push(draft);
      lines.start(row);
    }
    previousCode = code;
    previousDraft = draft;
    readLine(reader, columns, row, draft, issues, statusRule);
  }

  const invoices: Invoice[] = [];
  let cancelled = 0;
  let unreadable = 0;
  const seen = new Map<string, StatusSeen>();
  for (const draft of drafts) {
    if (draft.status) {
      const entry = seen.get(draft.status);
      if (entry) entry.invoices++;
      else
        seen.set(draft.status, {
          status: draft.status,
          verdict: draft.cancelled ? 'not-purchase' : 'purchase',
          invoices: 1,
        });
    }
    if (draft.cancelled) {
      cancelled++;
      issues.push({
        code: 'cancelled-invoice',
        sheet: table.name,
        row: draft.row,
        value: draft.code,
        message: `Status "${draft.status}": cancelled, returned or failed, not counted.`,
      });
      continue;
    }
    const amount = draft.invoiceTotal ?? (draft.hasLineAmount ? draft.lineSum : undefined);
    const dated = draft.localMs === draft.localMs;
    if (!dated || amount === undefined) {
      unreadable++;
      const missing = dated ? 'amount' : 'date';
      issues.push({
        code: missing === 'date' ? 'missing-date' : 'missing-amount',
        sheet: table.name,
        row: draft.row,
        value: draft.code,
        message: `Invoice ${draft.code} has no readable ${missing}: not counted.`,
      });
      continue;
    }
    draft.amountMinor = amount;
    if (amount <= 0) {
      // A return or a cancellation note: its amount nets against the customer's spend, but it is no purchase.
      issues.push({
        code: 'non-positive-invoice',
        sheet: table.name,
        row: draft.row,
        value: draft.code,
        message: `Invoice ${draft.code} totals ${amount === 0 ? 'zero' : 'less than zero'}: not a purchase; its amount nets against the customer's spend.`,
      });
    }
    draft.day = dayNumber(draft.localMs);
    invoices.push(draft);
  }
  return { invoices, cancelled, duplicateRows, unreadable, statuses: listedStatuses([...seen.values()]) };
}

/** The statuses seen, most frequent first; past the limit, the rest in one line per verdict. */
function listedStatuses(all: StatusSeen[]): StatusSeen[] {
  all.sort((a, b) => b.invoices - a.invoices || a.status.localeCompare(b.status));
  if (all.length <= MAX_STATUSES_LISTED) return all;
  const listed = all.slice(0, MAX_STATUSES_LISTED - 2);
  for (const verdict of ['purchase', 'not-purchase'] as const) {
    const rest = all.slice(MAX_STATUSES_LISTED - 2).filter((entry) => entry.verdict === verdict);
    if (rest.length)
      listed.push({
        status: `(${rest.length} others)`,
        verdict,
        invoices: rest.reduce((sum, entry) => sum + entry.invoices, 0),
      });
  }
  return listed;
}

/** How a sheet's status column is read: a recognised layout's words, or a yes/no flag of cancellation. */
interface StatusRule {
  layout?: PosLayout;
  /** The column is a flag (`Voided`: true/false) rather than a status text. */
  flag: boolean;
}

function readStatus(
  reader: FieldReader,
  columns: InvoiceColumns,
  row: number,
  draft: InvoiceDraft,
  rule: StatusRule,
): void {
  const cell = reader.cell(row, columns.status);
  if (isBlank(cell)) return;
  if (rule.flag) {
    if (isSetFlag(cell)) {
      draft.cancelled = true;
      draft.status = reader.header(columns.status) ?? '';
    }
    return;
  }
  const verdict = statusVerdict(typeof cell === 'string' ? cell : cellText(cell), rule.layout);
  if (!draft.status) draft.status = reader.text(row, columns.status);
  if (verdict === 'not-purchase' && !draft.cancelled) {
    draft.cancelled = true;
    draft.status = reader.text(row, columns.status);
  }
}

function readLine(
  reader: FieldReader,
  columns: InvoiceColumns,
  row: number,
  draft: InvoiceDraft,
  issues: DataIssue[],
  statusRule: StatusRule,
): void {
  if (draft.localMs !== draft.localMs) {
    const time = reader.time(row, columns.date);
    if (typeof time === 'number') draft.localMs = withTimeOfDay(reader, columns, row, time);
  }
  if (draft.refRow < 0) readCustomerRef(reader, columns, row, draft);
  if (draft.invoiceTotal === undefined) {
    const total = reader.minor(row, columns.invoiceTotal);
    if (typeof total === 'number') {
      draft.invoiceTotal = total;
      draft.totalRow = row;
    }
  } else if (columns.invoiceTotal.index >= 0 && row !== draft.lastRow + 1) {
    // Lines that follow each other repeat the total; a later block with another total is not the same sale.
    checkRepeatedTotal(reader, columns, row, draft, issues);
  }
  draft.lastRow = row;
  const line = lineAmount(reader, columns, row);
  if (line !== undefined) {
    draft.lineSum += line;
    draft.hasLineAmount = true;
  }
  if (!draft.store) draft.store = reader.text(row, columns.store);
  if (!draft.city) draft.city = reader.text(row, columns.city);
  if (!draft.channel) draft.channel = reader.text(row, columns.channel);
  if (draft.pointsEarned === undefined) {
    const points = reader.quantity(row, columns.pointsEarned);
    if (typeof points === 'number') draft.pointsEarned = points;
  }
  readStatus(reader, columns, row, draft, statusRule);
}

/** The date's local ms with the time column's time of day added, when the date itself has none. */
function withTimeOfDay(reader: FieldReader, columns: InvoiceColumns, row: number, localMs: number): number {
  if (columns.time.index < 0) return localMs;
  const dayStart = Math.floor(localMs / MS_PER_DAY) * MS_PER_DAY;
  if (localMs !== dayStart) return localMs;
  const cell = reader.cell(row, columns.time);
  if (isBlank(cell)) return localMs;
  const time = parseTimeOfDay(cell, reader.clock);
  if (!time.ok) {
    reader.report('bad-date', row, columns.time, time.reason);
    return localMs;
  }
  return dayStart + time.value;
}

/** Reports a later line of an invoice whose invoice-level total differs from the total taken. */
function checkRepeatedTotal(
  reader: FieldReader,
  columns: InvoiceColumns,
  row: number,
  draft: InvoiceDraft,
  issues: DataIssue[],
): void {
  const cell = reader.cell(row, columns.invoiceTotal);
  if (isBlank(cell)) return;
  const other = reader.minor(row, columns.invoiceTotal);
  if (typeof other !== 'number' || other === draft.invoiceTotal) return;
  issues.push({
    code: 'conflicting-invoice-total',
    sheet: reader.sheetName,
    row: row + 1,
    column: reader.letter(columns.invoiceTotal),
    header: reader.header(columns.invoiceTotal),
    value: cellText(cell),
    relatedRow: draft.totalRow + 1,
    message: `Invoice ${draft.code} has another total on row ${draft.totalRow + 1}: the first total is kept; check which is right.`,
  });
}

/** A line's own amount in minor units: its line total, else quantity × unit price (quantity 1 when blank). */
function lineAmount(reader: FieldReader, columns: InvoiceColumns, row: number): number | undefined {
  const lineTotal = reader.minor(row, columns.lineTotal);
  if (typeof lineTotal === 'number') return lineTotal;
  if (lineTotal === null) return undefined;
  const price = reader.minor(row, columns.unitPrice);
  if (typeof price !== 'number') return undefined;
  const quantity = reader.quantity(row, columns.quantity);
  if (typeof quantity !== 'number' || quantity === 1) return price;
  // A fractional quantity (2.5 kg) gives a fraction of a minor unit: rounded half away from zero.
  const amount = price * quantity;
  return amount < 0 ? -Math.round(-amount) : Math.round(amount);
}

function readCustomerRef(
  reader: FieldReader,
  columns: InvoiceColumns,
  row: number,
  draft: InvoiceDraft,
): void {
  const codeText = reader.text(row, columns.customerCode);
  // Hand-kept sheets write "Khách lẻ" where a POS leaves the customer code blank: a walk-in, not a member code.
  const code = isWalkInName(codeText) || isNoCustomerCode(codeText) ? '' : normaliseCode(codeText);
  const name = reader.text(row, columns.name);
  // Each reference column's value read as what it is: an email in the phone column is an email.
  let keyPhone = '';
  let email = '';
  const phoneCell = reader.cell(row, columns.phone);
  if (typeof phoneCell === 'string' && phoneCell.includes('@')) {
    const found = normaliseEmail(phoneCell);
    if (found.ok) email = found.value ?? '';
    else reader.report('bad-email', row, columns.phone, found.reason);
  } else {
    const phone = reader.phone(row, columns.phone);
    if (phone && isCustomerKeyPhone(phone)) keyPhone = phone.canonical;
  }
  const emailCell = reader.cell(row, columns.email);
  if (typeof emailCell === 'string' && !emailCell.includes('@') && !isBlank(emailCell)) {
    const phone = normalisePhone(emailCell);
    if (phone.ok && isCustomerKeyPhone(phone.value)) keyPhone ||= phone.value.canonical;
    else email ||= reader.email(row, columns.email);
  } else email ||= reader.email(row, columns.email);
  const realName = name !== '' && !isWalkInName(name);
  if (!code && !keyPhone && !email) {
    if (realName) draft.name ||= name;
    return;
  }
  draft.ref = { code, phone: keyPhone, email };
  draft.refRow = row;
  if (realName) draft.name = name;
}
