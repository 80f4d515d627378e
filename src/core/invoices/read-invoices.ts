/**
 * The invoice sheet → invoices (design.md §2).
 *
 * - Lines with one invoice code are one invoice. Its amount is the invoice-level total (`Khách cần trả`,
 *   `Total`) taken **once** — POS exports repeat it on every line, so summing it would multiply the invoice by
 *   its number of lines — else the sum of the line totals (`Thành tiền`), else the sum of quantity × unit price.
 *   Negative lines net out inside their invoice.
 * - A row identical in every column to an earlier row of the same invoice (an export pasted twice) is dropped
 *   and reported with both row numbers, so a shop whose POS really prints identical lines can see it.
 * - Invoices with a cancelled or returned status (`Đã hủy`, `Cancelled`, `Refunded`, …) are excluded.
 * - Without an invoice-code column (a sheet kept by hand), each row is one invoice.
 * - Other fields (date, customer, store) come from the first line that has them: Shopify leaves order-level
 *   fields blank on follow-on lines.
 */
import { cellText, isBlank, sameRow } from '../cell';
import { normaliseCode } from '../identity/customer-draft';
import type { CustomerRef } from '../identity/identity-index';
import type { DataIssue } from '../issues';
import { isCustomerKeyPhone } from '../parse/phone';
import { isCancelledStatus } from '../parse/status';
import { dayNumber, type ZoneClock } from '../parse/time-zone';
import { FieldReader } from '../table/field-reader';
import type { SheetTable } from '../table/sheet-table';
import { StringIndex } from '../string-index';
import { hasCompactKey } from '../text';
import type { Invoice } from './invoice';

/** Names POS apps print for a sale with no customer, as compact keys: `Khách lẻ`, `KHÁCH VÃNG LAI`, `Walk-in`. */
const WALK_IN_KEYS = ['khachle', 'khachvanglai', 'walkin', 'walkincustomer', 'guest', 'khach'];

function isWalkInName(text: string): boolean {
  // hasCompactKey stops at the first differing letter, so a real name or code is rejected in a letter or two.
  for (const key of WALK_IN_KEYS) if (hasCompactKey(text, key)) return true;
  return false;
}

/** The reference of an invoice that names no customer (yet): shared, never changed. */
const NO_CUSTOMER: CustomerRef = Object.freeze({ code: '', phone: '', email: '' });

interface InvoiceDraft {
  code: string;
  /** The invoice's first line; its later lines follow through `nextLine`. */
  firstRow: number;
  lastRow: number;
  localMs?: number;
  dateRow: number;
  ref: CustomerRef;
  refRow: number;
  name: string;
  invoiceTotal?: number;
  lineSum: number;
  hasLineAmount: boolean;
  store: string;
  city: string;
  channel: string;
  pointsEarned?: number;
  cancelled: boolean;
}

export interface InvoiceReading {
  invoices: Invoice[];
  /** Invoices excluded for a cancelled or returned status. */
  cancelled: number;
  /** Rows dropped as exact repeats of earlier rows. */
  duplicateRows: number;
  /** Invoices dropped for a missing or unreadable date or amount. */
  unreadable: number;
}

export function readInvoices(table: SheetTable, clock: ZoneClock, issues: DataIssue[]): InvoiceReading {
  const reader = new FieldReader(table, clock, issues);
  const hasCodes = reader.has('invoiceCode');
  const drafts: InvoiceDraft[] = [];
  // The lines of each invoice as a chain through the rows (next line's row, or -1): one array for the sheet
  // rather than one per invoice.
  const nextLine = new Int32Array(table.values.length).fill(-1);
  // Invoice code → its draft's index; sized for one invoice per row, the most a sheet can hold.
  const draftOfCode = new StringIndex(table.dataRows.length);
  let duplicateRows = 0;

  // Lines of one invoice usually follow each other: the previous line's draft saves a look-up in a map that
  // holds every invoice of the sheet.
  let previousCode: string | undefined;
  let previousDraft: InvoiceDraft | undefined;
  for (const row of table.dataRows) {
    const values = table.values[row]!;
    let code: string;
    if (hasCodes) {
      const raw = reader.cell(row, 'invoiceCode');
      if (isBlank(raw)) {
        reader.report(
          'missing-invoice-code',
          row,
          'invoiceCode',
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
      let twin: number | undefined;
      for (let earlier = draft.firstRow; earlier >= 0 && twin === undefined; earlier = nextLine[earlier]!)
        if (sameRow(table.values[earlier]!, values)) twin = earlier;
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
      nextLine[draft.lastRow] = row;
      draft.lastRow = row;
    } else {
      draft = {
        code,
        firstRow: row,
        lastRow: row,
        dateRow: row,
        ref: NO_CUSTOMER,
        refRow: -1,
        name: '',
        lineSum: 0,
        hasLineAmount: false,
        store: '',
        city: '',
        channel: '',
        cancelled: false,
      };
      drafts.push(draft);
    }
    previousCode = code;
    previousDraft = draft;
    readLine(reader, row, draft);
  }

  const invoices: Invoice[] = [];
  let cancelled = 0;
  let unreadable = 0;
  for (const draft of drafts) {
    if (draft.cancelled) {
      cancelled++;
      issues.push({
        code: 'cancelled-invoice',
        sheet: table.name,
        row: draft.firstRow + 1,
        value: draft.code,
        message: 'Cancelled or returned: not counted.',
      });
      continue;
    }
    const amount = draft.invoiceTotal ?? (draft.hasLineAmount ? draft.lineSum : undefined);
    if (draft.localMs === undefined || amount === undefined) {
      unreadable++;
      const missing = draft.localMs === undefined ? 'date' : 'amount';
      issues.push({
        code: missing === 'date' ? 'missing-date' : 'missing-amount',
        sheet: table.name,
        row: draft.firstRow + 1,
        value: draft.code,
        message: `Invoice ${draft.code} has no readable ${missing}: not counted.`,
      });
      continue;
    }
    invoices.push({
      code: draft.code,
      row: draft.firstRow + 1,
      localMs: draft.localMs,
      day: dayNumber(draft.localMs),
      ref: draft.ref,
      name: draft.name,
      amount,
      store: draft.store,
      city: draft.city,
      channel: draft.channel,
      pointsEarned: draft.pointsEarned,
    });
  }
  return { invoices, cancelled, duplicateRows, unreadable };
}

function readLine(reader: FieldReader, row: number, draft: InvoiceDraft): void {
  if (draft.localMs === undefined) {
    const time = reader.time(row, 'date');
    if (typeof time === 'number') {
      draft.localMs = time;
      draft.dateRow = row;
    }
  }
  if (draft.refRow < 0) readCustomerRef(reader, row, draft);
  if (draft.invoiceTotal === undefined) {
    const total = reader.money(row, 'invoiceTotal');
    if (typeof total === 'number') draft.invoiceTotal = total;
  }
  const line = lineAmount(reader, row);
  if (line !== undefined) {
    draft.lineSum += line;
    draft.hasLineAmount = true;
  }
  if (!draft.store) draft.store = reader.text(row, 'store');
  if (!draft.city) draft.city = reader.text(row, 'city');
  if (!draft.channel) draft.channel = reader.text(row, 'channel');
  if (draft.pointsEarned === undefined) {
    const points = reader.quantity(row, 'pointsEarned');
    if (typeof points === 'number') draft.pointsEarned = points;
  }
  if (!draft.cancelled && isCancelledStatus(reader.cell(row, 'status'))) draft.cancelled = true;
}

/** A line's own amount: its line total, else quantity × unit price (quantity 1 when blank). */
function lineAmount(reader: FieldReader, row: number): number | undefined {
  const lineTotal = reader.money(row, 'lineTotal');
  if (typeof lineTotal === 'number') return lineTotal;
  if (lineTotal === null) return undefined;
  const price = reader.money(row, 'unitPrice');
  if (typeof price !== 'number') return undefined;
  const quantity = reader.quantity(row, 'quantity');
  return price * (typeof quantity === 'number' ? quantity : 1);
}

function readCustomerRef(reader: FieldReader, row: number, draft: InvoiceDraft): void {
  const codeText = reader.text(row, 'customerCode');
  // Hand-kept sheets write "Khách lẻ" where a POS leaves the customer code blank: a walk-in, not a member code.
  const code = isWalkInName(codeText) ? '' : normaliseCode(codeText);
  const name = reader.text(row, 'name');
  const phone = reader.phone(row, 'phone');
  const email = reader.email(row, 'email');
  const keyPhone = phone && isCustomerKeyPhone(phone) ? phone.canonical : '';
  const realName = name !== '' && !isWalkInName(name);
  if (!code && !keyPhone && !email) {
    if (realName) draft.name ||= name;
    return;
  }
  draft.ref = { code, phone: keyPhone, email };
  draft.refRow = row;
  if (realName) draft.name = name;
}
