/**
 * Invoices → customers, by code, then phone, then email (design.md §2). With a customer sheet, an invoice that
 * matches nobody is counted and reported, not dropped silently; without one, each distinct reference becomes a
 * customer. Walk-in sales (no reference at all) are counted.
 */
import type { DataIssue } from '../issues';
import type { Invoice } from '../invoices/invoice';
import { emptyDraft } from './customer-draft';
import { keyOf, type IdentityIndex } from './identity-index';
import { latestFirstOrder } from './time-order';

export interface InvoiceMatching {
  /** Customer index per invoice; -1 for walk-ins and unmatched invoices. */
  customerOf: Int32Array;
  walkIns: number;
  unmatched: number;
}

/**
 * The order invoices are matched in: those with a member code first, so that a phone or email given with a code
 * is known before the invoices that carry only that phone or email, whatever their dates; within each group the
 * latest first, so a customer known only from invoices takes the name on their latest invoice.
 */
function matchingOrder(invoices: Invoice[]): Int32Array {
  const latestFirst = latestFirstOrder(Float64Array.from(invoices, (invoice) => invoice.localMs));
  const order = new Int32Array(invoices.length);
  let at = 0;
  for (const i of latestFirst) if (invoices[i]!.ref.code) order[at++] = i;
  for (const i of latestFirst) if (!invoices[i]!.ref.code) order[at++] = i;
  return order;
}

export function matchInvoices(
  invoices: Invoice[],
  index: IdentityIndex,
  customerSheet: string | undefined,
  invoiceSheet: string,
  issues: DataIssue[],
): InvoiceMatching {
  const customerOf = new Int32Array(invoices.length).fill(-1);
  let walkIns = 0;
  let unmatched = 0;
  for (const i of matchingOrder(invoices)) {
    const invoice = invoices[i]!;
    const { ref } = invoice;
    if (!ref.code && !ref.phone && !ref.email) {
      walkIns++;
      continue;
    }
    let customer = index.find(ref);
    if (customer < 0 && customerSheet === undefined) {
      const draft = emptyDraft();
      draft.key = keyOf(ref);
      draft.code = invoice.ref.code;
      draft.phone = invoice.ref.phone;
      draft.email = invoice.ref.email;
      draft.name = invoice.name;
      draft.city = invoice.city;
      customer = index.add(draft);
    }
    if (customer < 0) {
      unmatched++;
      issues.push({
        code: 'unmatched-invoice',
        sheet: invoiceSheet,
        row: invoice.row,
        value: invoice.ref.code || invoice.ref.phone || invoice.ref.email,
        message: `Invoice ${invoice.code}: no customer in "${customerSheet}" has this code, phone or email; not counted for any customer.`,
      });
      continue;
    }
    customerOf[i] = customer;
    const draft = index.customers[customer]!;
    draft.name ||= invoice.name;
    index.register(customer, ref);
  }
  return { customerOf, walkIns, unmatched };
}
