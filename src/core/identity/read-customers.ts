/**
 * The customer sheet → customers. Rows with the same member code, or sharing a phone, are one person: they are
 * merged and the merge is reported. A row identical to an earlier one (the list pasted twice) is dropped and
 * reported with both row numbers.
 */
import type { DataIssue } from '../issues';
import type { MoneyUnit } from '../money';
import { parseGender } from '../parse/gender';
import { isCustomerKeyPhone } from '../parse/phone';
import { dayNumber, formatDay, type ZoneClock } from '../parse/time-zone';
import { FieldReader, type FieldColumn } from '../table/field-reader';
import type { FieldId } from '../table/fields';
import { RowChains } from '../table/row-chains';
import type { SheetTable } from '../table/sheet-table';
import { emptyDraft, normaliseCode, type CustomerDraft } from './customer-draft';
import { IdentityIndex, keyOf, type CustomerRef } from './identity-index';

/** Tags are written `sinh viên, văn phòng` or `sinh viên; văn phòng`. */
const TAG_SEPARATORS = /[,;]/;

/** Fills the blanks of `into` from `from`; spend and invoice counts of two cards of one person add up. */
function mergeDraft(into: CustomerDraft, from: CustomerDraft, sameCode: boolean): void {
  into.code ||= from.code;
  into.name ||= from.name;
  into.phone ||= from.phone;
  into.email ||= from.email;
  if (into.gender === 'unknown') into.gender = from.gender;
  into.birthDay ??= from.birthDay;
  into.tier ||= from.tier;
  into.channel ||= from.channel;
  into.city ||= from.city;
  if (from.registeredDay !== undefined) {
    into.registeredDay =
      into.registeredDay === undefined
        ? from.registeredDay
        : Math.min(into.registeredDay, from.registeredDay);
  }
  for (const tag of from.tags) if (!into.tags.includes(tag)) into.tags.push(tag);
  const add = (a?: number, b?: number) => (a === undefined ? b : b === undefined ? a : sameCode ? a : a + b);
  into.points = add(into.points, from.points);
  into.totalSpentMinor = add(into.totalSpentMinor, from.totalSpentMinor);
  into.invoiceCount = add(into.invoiceCount, from.invoiceCount);
  if (from.lastPurchaseDay !== undefined) {
    into.lastPurchaseDay = Math.max(into.lastPurchaseDay ?? from.lastPurchaseDay, from.lastPurchaseDay);
  }
  into.sourceRows.push(...from.sourceRows);
}

/** The customer sheet's fields, named once per sheet. */
const CUSTOMER_FIELDS = [
  'customerCode',
  'customerAlias',
  'name',
  'phone',
  'email',
  'gender',
  'birthDate',
  'tier',
  'points',
  'channel',
  'city',
  'registeredDate',
  'tags',
  'totalSpent',
  'invoiceCount',
  'lastPurchaseDate',
] as const satisfies readonly FieldId[];
type CustomerColumns = Record<(typeof CUSTOMER_FIELDS)[number], FieldColumn>;

function readDraft(
  reader: FieldReader,
  columns: CustomerColumns,
  row: number,
  today: number | undefined,
): { draft: CustomerDraft; keyPhone: string; alias: string } {
  const draft = emptyDraft();
  draft.code = normaliseCode(reader.text(row, columns.customerCode));
  const alias = normaliseCode(reader.text(row, columns.customerAlias));
  draft.name = reader.text(row, columns.name);
  const phone = reader.phone(row, columns.phone);
  if (phone) draft.phone = phone.canonical;
  const keyPhone = phone && isCustomerKeyPhone(phone) ? phone.canonical : '';
  draft.email = reader.email(row, columns.email);
  draft.gender = parseGender(reader.cell(row, columns.gender));
  const birth = reader.time(row, columns.birthDate);
  if (typeof birth === 'number') {
    const day = dayNumber(birth);
    // A birth date after today is a typo, reported like 31/02 is (and no age is made of it).
    if (today !== undefined && day > today) {
      reader.report(
        'bad-date',
        row,
        columns.birthDate,
        `expected a birth date on or before today (${formatDay(today)}); ${formatDay(day)} is in the future`,
      );
    } else draft.birthDay = day;
  }
  draft.tier = reader.text(row, columns.tier);
  const points = reader.quantity(row, columns.points);
  if (typeof points === 'number') draft.points = points;
  draft.channel = reader.text(row, columns.channel);
  draft.city = reader.text(row, columns.city);
  const registered = reader.time(row, columns.registeredDate);
  if (typeof registered === 'number') draft.registeredDay = dayNumber(registered);
  draft.tags = reader
    .text(row, columns.tags)
    .split(TAG_SEPARATORS)
    .map((tag) => tag.trim())
    .filter(Boolean);
  const spent = reader.minor(row, columns.totalSpent);
  if (typeof spent === 'number') draft.totalSpentMinor = spent;
  const count = reader.quantity(row, columns.invoiceCount);
  if (typeof count === 'number') draft.invoiceCount = count;
  const last = reader.time(row, columns.lastPurchaseDate);
  if (typeof last === 'number') draft.lastPurchaseDay = dayNumber(last);
  draft.sourceRows = [row + 1];
  return { draft, keyPhone, alias };
}

/**
 * Reads every customer row into the index; returns the number of rows read as customers. `today` (a day number
 * on the spreadsheet's clock) is the latest plausible birth date.
 */
export function readCustomers(
  table: SheetTable,
  clock: ZoneClock,
  index: IdentityIndex,
  issues: DataIssue[],
  unit: MoneyUnit,
  today?: number,
): number {
  const reader = new FieldReader(table, clock, issues, unit);
  const columns = reader.columns(CUSTOMER_FIELDS);
  // Each customer's rows, grouped by the customer's first row, for the pasted-twice check.
  const firstRowOf = new Int32Array(table.dataRows.length);
  const customerRows = new RowChains(table.values);
  let read = 0;
  for (const row of table.dataRows) {
    const { draft, keyPhone, alias } = readDraft(reader, columns, row, today);
    const ref: CustomerRef = { code: draft.code, phone: keyPhone, email: draft.email };
    draft.key = keyOf(ref);
    if (!draft.key) {
      reader.report(
        'missing-customer-key',
        row,
        columns.customerCode,
        'No member code, mobile phone or email: the row cannot be matched to invoices and is skipped.',
      );
      continue;
    }
    read++;
    const existing = index.find(ref);
    if (existing < 0) {
      const at = index.add(draft);
      index.registerAlias(at, alias);
      firstRowOf[at] = row;
      customerRows.start(row);
      continue;
    }
    index.registerAlias(existing, alias);
    const firstRow = firstRowOf[existing]!;
    const twin = customerRows.twinOf(firstRow, row);
    if (twin !== undefined) {
      issues.push({
        code: 'duplicate-row',
        sheet: table.name,
        row: row + 1,
        relatedRow: twin + 1,
        message: `Same as row ${twin + 1} in every column (pasted twice?): counted once.`,
      });
      continue;
    }
    const target = index.customers[existing]!;
    const sameCode = draft.code !== '' && draft.code === target.code;
    // Rows of one member under several per-order ids are the sheet's shape (aliases.ts), not a data problem.
    if (!(sameCode && alias))
      issues.push({
        code: 'merged-customers',
        sheet: table.name,
        row: row + 1,
        value: draft.code || draft.phone || draft.email,
        relatedRow: firstRow + 1,
        message: sameCode
          ? `Member code ${draft.code} also on row ${firstRow + 1}: the rows are merged into one customer.`
          : `Shares ${draft.phone && draft.phone === target.phone ? `phone ${draft.phone}` : 'an identity'} with row ${firstRow + 1} (${target.code || target.phone || target.email}): merged into one customer.`,
      });
    mergeDraft(target, draft, sameCode);
    customerRows.append(firstRow, row);
    index.register(existing, ref);
  }
  return read;
}
