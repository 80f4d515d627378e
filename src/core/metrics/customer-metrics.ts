/**
 * Per-customer metrics as of day D (design.md §3), counted in calendar days of the spreadsheet's time zone:
 *
 * - frequency: distinct valid invoices (a valid invoice is not cancelled and has a net amount > 0) on or before D;
 * - first and last purchase: days of the first and last valid invoice; recency = D − last purchase, in days;
 * - total spend: the net sum of all non-cancelled invoices on or before D, returns (≤ 0 invoices) included, so a
 *   return nets against what was bought; average order = total spend / frequency;
 * - last store and last city: those of the latest valid invoice (its time of day breaks ties within a day);
 * - age at D, age band, birthday month, region (from the customer's city, else the last invoice's city), and
 *   tenure = D − registration day.
 *
 * Summary mode (a customer sheet with total spent / invoice count / last purchase date and no invoice sheet):
 * those columns are the metrics.
 */
import type { CustomerDraft } from '../identity/customer-draft';
import type { Invoice } from '../invoices/invoice';
import type { CustomerRecord } from '../model';
import { toMajor, type MoneyUnit } from '../money';
import { matchProvince } from '../parse/province';
import { columnLetter } from '../cell';
import type { DataIssue } from '../issues';
import { formatDay, ymdFromDayNumber } from '../parse/time-zone';
import type { SheetTable } from '../table/sheet-table';
import { ageBand, ageOn, PLAUSIBLE_AGE } from './age';

export interface PurchaseTotals {
  frequency: Uint32Array;
  /** Net spend in whole minor units (money.ts): exact sums. */
  spendMinor: Float64Array;
  firstDay: Float64Array;
  lastDay: Float64Array;
  /** Index of the latest valid invoice per customer, -1 for none. */
  lastInvoice: Int32Array;
  /** Invoices dated after D: not counted. */
  afterAsOf: number;
}

/**
 * A data issue per invoice dated after the as-of date (it is not counted), on the invoice's date cell: the
 * facts' count alone would not say which ones.
 */
export function afterAsOfReporter(
  table: SheetTable | undefined,
  asOfDay: number,
  issues: DataIssue[],
): ((invoice: Invoice) => void) | undefined {
  if (!table) return undefined;
  const index = table.columnOf('date');
  const column = index >= 0 ? columnLetter(index) : undefined;
  const header = index >= 0 ? table.headers[index] : undefined;
  const asOf = formatDay(asOfDay);
  return (invoice) => {
    const day = formatDay(invoice.day);
    issues.push({
      code: 'future-date',
      sheet: table.name,
      row: invoice.row,
      column,
      header,
      value: day,
      message: `Invoice ${invoice.code} is dated ${day}, after the as-of date ${asOf}: not counted (expected a date on or before ${asOf}).`,
    });
  };
}

export function totalPurchases(
  customerCount: number,
  invoices: Invoice[],
  customerOf: Int32Array,
  asOfDay: number,
  onAfterAsOf?: (invoice: Invoice) => void,
): PurchaseTotals {
  const frequency = new Uint32Array(customerCount);
  const spendMinor = new Float64Array(customerCount);
  const firstDay = new Float64Array(customerCount).fill(Infinity);
  const lastDay = new Float64Array(customerCount).fill(-Infinity);
  const lastInvoice = new Int32Array(customerCount).fill(-1);
  let afterAsOf = 0;
  for (let i = 0; i < invoices.length; i++) {
    const invoice = invoices[i]!;
    if (invoice.day > asOfDay) {
      afterAsOf++;
      onAfterAsOf?.(invoice);
      continue;
    }
    const customer = customerOf[i]!;
    if (customer < 0) continue;
    spendMinor[customer]! += invoice.amountMinor;
    if (invoice.amountMinor <= 0) continue;
    frequency[customer]!++;
    if (invoice.day < firstDay[customer]!) firstDay[customer] = invoice.day;
    if (invoice.day > lastDay[customer]!) lastDay[customer] = invoice.day;
    const previous = lastInvoice[customer]!;
    if (previous < 0 || invoice.localMs > invoices[previous]!.localMs) lastInvoice[customer] = i;
  }
  return { frequency, spendMinor, firstDay, lastDay, lastInvoice, afterAsOf };
}

/** Totals from a customer sheet's own summary columns (no invoice sheet). */
export function summaryTotals(drafts: CustomerDraft[], asOfDay: number): PurchaseTotals {
  const n = drafts.length;
  const totals: PurchaseTotals = {
    frequency: new Uint32Array(n),
    spendMinor: new Float64Array(n),
    firstDay: new Float64Array(n).fill(Infinity),
    lastDay: new Float64Array(n).fill(-Infinity),
    lastInvoice: new Int32Array(n).fill(-1),
    afterAsOf: 0,
  };
  drafts.forEach((draft, i) => {
    totals.spendMinor[i] = draft.totalSpentMinor ?? 0;
    const last = draft.lastPurchaseDay;
    const bought =
      last !== undefined &&
      last <= asOfDay &&
      ((draft.totalSpentMinor ?? 0) > 0 || (draft.invoiceCount ?? 0) > 0);
    if (last !== undefined && last > asOfDay) totals.afterAsOf++;
    if (!bought) return;
    totals.frequency[i] = Math.max(1, Math.round(draft.invoiceCount ?? 1));
    totals.lastDay[i] = last;
  });
  return totals;
}

export function buildCustomerRecords(
  drafts: CustomerDraft[],
  totals: PurchaseTotals,
  invoices: Invoice[],
  asOfDay: number,
  monetary: 'total' | 'average',
  unit: MoneyUnit,
): CustomerRecord[] {
  return drafts.map((draft, i) => {
    const frequency = totals.frequency[i]!;
    const spendMinor = totals.spendMinor[i]!;
    const totalSpend = toMajor(spendMinor, unit);
    const last = totals.lastInvoice[i]! >= 0 ? invoices[totals.lastInvoice[i]!] : undefined;
    const bought = frequency > 0;
    const rawAge = draft.birthDay === undefined ? undefined : ageOn(draft.birthDay, asOfDay);
    const age =
      rawAge !== undefined && rawAge >= PLAUSIBLE_AGE.min && rawAge <= PLAUSIBLE_AGE.max ? rawAge : undefined;
    const lastCity = last?.city ?? '';
    const place = matchProvince(draft.city || lastCity);
    // The average order in whole minor units, so equal averages tie and print with the sheet's decimals.
    const averageOrder = bought ? toMajor(Math.round(spendMinor / frequency), unit) : undefined;
    return {
      key: draft.key,
      code: draft.code,
      name: draft.name,
      phone: draft.phone,
      email: draft.email,
      gender: draft.gender,
      birthDay: draft.birthDay,
      birthdayMonth: draft.birthDay === undefined ? undefined : ymdFromDayNumber(draft.birthDay).month,
      age,
      ageBand: ageBand(age),
      tier: draft.tier,
      points: draft.points,
      channel: draft.channel || last?.channel || '',
      city: draft.city || lastCity,
      province: place?.province ?? '',
      region: place?.region ?? '',
      tags: draft.tags,
      registeredDay: draft.registeredDay,
      tenureDays: draft.registeredDay === undefined ? undefined : asOfDay - draft.registeredDay,
      firstPurchaseDay: bought && Number.isFinite(totals.firstDay[i]!) ? totals.firstDay[i] : undefined,
      lastPurchaseDay: bought ? totals.lastDay[i] : undefined,
      recencyDays: bought ? asOfDay - totals.lastDay[i]! : undefined,
      frequency,
      spendMinor,
      totalSpend,
      averageOrder,
      monetary: monetary === 'average' ? (averageOrder ?? 0) : totalSpend,
      lastStore: last?.store ?? '',
      lastCity,
      r: 0,
      f: 0,
      m: 0,
      rfmCode: '',
      segmentId: 'prospect',
      sourceRows: draft.sourceRows,
    };
  });
}
