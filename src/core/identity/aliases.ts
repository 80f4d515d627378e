/**
 * Identity through the customer sheet (design.md §2): an invoice whose customer reference is not a member code
 * but another id the customer sheet lists for the member (a per-order customer id, an account id, a loyalty
 * card number) belongs to that member.
 *
 * The rule, in design terms:
 * - The **reference column** of the customer sheet is the column whose values the invoices' customer references
 *   are found in: at least half of a sample of distinct references, and clearly more than in the member-code
 *   column. It is the `customerAlias` field when the user or the header says so; otherwise it is found by these
 *   values.
 * - The **member column** is the customer sheet's member code. When the reference column is the one detected as
 *   the member code (its header says `customer id`, and it holds one id per row), and another code-like column
 *   of the sheet groups its rows (the same value on several rows, with a customer word in its header, such as
 *   `customer_unique_id`), that other column is the member code: one person, several per-order ids.
 * - Each invoice whose reference is a value of the reference column is attributed to the member of that row, so
 *   a person with three orders under three per-order ids is one customer with F = 3. Rows of the sheet that share
 *   a member code are one customer, as always.
 * The run's facts count the invoices joined this way and name both columns.
 */
import { cellText, isBlank } from '../cell';
import type { Invoice } from '../invoices/invoice';
import { contentFit } from '../table/header';
import { FIELD_BY_ID } from '../table/fields';
import { remapColumns, type SheetTable } from '../table/sheet-table';
import { normaliseCode } from './customer-draft';
import type { IdentityIndex } from './identity-index';

/** Distinct invoice references sampled to find the reference column. */
const REFERENCE_SAMPLE = 2000;
/** Share of sampled references a column must hold to be the reference column. */
const MIN_OVERLAP = 0.5;
/** How much more of them it must hold than the member-code column. */
const OVERLAP_MARGIN = 0.2;

export interface AliasColumns {
  /** 0-based columns of the customer sheet. */
  reference: number;
  member: number;
  /** Share of sampled invoice references found in the reference column. */
  overlap: number;
}

function sampleReferences(table: SheetTable): Set<string> {
  const column = table.columnOf('customerCode');
  const found = new Set<string>();
  if (column < 0) return found;
  for (const row of table.dataRows) {
    const value = table.values[row]![column];
    if (isBlank(value)) continue;
    found.add(normaliseCode(cellText(value)));
    if (found.size >= REFERENCE_SAMPLE) break;
  }
  return found;
}

function columnValues(table: SheetTable, column: number): { values: Set<string>; rows: number } {
  const values = new Set<string>();
  let rows = 0;
  for (const row of table.dataRows) {
    const value = table.values[row]![column];
    if (isBlank(value)) continue;
    rows++;
    values.add(normaliseCode(cellText(value)));
  }
  return { values, rows };
}

/** Ids, not names: nearly every value one word with a digit in it (`KH0001`, `861eff4711a542e4b93843c6dd7febb0`). */
function looksLikeIds(values: Set<string>): boolean {
  let ids = 0;
  for (const value of values) if (!/\s/.test(value) && /\d/.test(value)) ids++;
  return values.size > 0 && ids >= 0.9 * values.size;
}

/** The customer sheet's reference and member columns, when the invoices name customers by another id. */
export function findAliasColumns(invoices: SheetTable, customers: SheetTable): AliasColumns | undefined {
  const references = sampleReferences(invoices);
  if (references.size === 0) return undefined;
  const code = FIELD_BY_ID.get('customerCode')!;
  const valuesOf = new Map<number, { values: Set<string>; rows: number }>();
  const valuesIn = (column: number) => {
    let found = valuesOf.get(column);
    if (!found) valuesOf.set(column, (found = columnValues(customers, column)));
    return found;
  };
  const overlapOf = (column: number) => {
    if (column < 0) return 0;
    const { values } = valuesIn(column);
    let hits = 0;
    for (const reference of references) if (values.has(reference)) hits++;
    return hits / references.size;
  };
  const memberColumn = customers.columnOf('customerCode');
  const memberOverlap = overlapOf(memberColumn);
  const given = customers.columnOf('customerAlias');
  let reference = -1;
  let overlap = 0;
  if (given >= 0) {
    reference = given;
    overlap = overlapOf(given);
  } else if (memberOverlap < MIN_OVERLAP + OVERLAP_MARGIN) {
    // Searched only when the member codes do not already hold the references: the usual case costs nothing.
    customers.profiles.forEach((profile, column) => {
      if (column === memberColumn || profile.filled < 0.5 || contentFit(code, profile) < 0.6) return;
      const share = overlapOf(column);
      if (share > overlap) {
        reference = column;
        overlap = share;
      }
    });
  }
  if (
    reference >= 0 &&
    (given >= 0 || (overlap >= MIN_OVERLAP && overlap >= memberOverlap + OVERLAP_MARGIN))
  ) {
    if (memberColumn < 0) return undefined;
    return { reference, member: memberColumn, overlap };
  }
  // The detected member code may itself be the per-order id: look for the column that groups its rows.
  if (memberColumn < 0 || memberOverlap < MIN_OVERLAP) return undefined;
  const perRow = valuesIn(memberColumn);
  if (perRow.values.size < 0.95 * perRow.rows) return undefined;
  let member = -1;
  let bestGrouping = 1;
  const mapped = new Set(customers.matches.map((match) => match.column));
  customers.headers.forEach((header, column) => {
    if (column === memberColumn || mapped.has(column)) return;
    const profile = customers.profiles[column];
    if (!profile || profile.filled < 0.9 || contentFit(code, profile) < 0.6) return;
    if (!/customer|client|member|buyer|person|khach|thanh vien|user/i.test(header.replace(/[_-]/g, ' ')))
      return;
    const { values, rows } = columnValues(customers, column);
    if (!looksLikeIds(values)) return;
    const grouping = values.size / Math.max(1, rows);
    if (grouping < bestGrouping && grouping < 0.98) {
      member = column;
      bestGrouping = grouping;
    }
  });
  return member >= 0 ? { reference: memberColumn, member, overlap: memberOverlap } : undefined;
}

/** The customer sheet read with the reference and member columns the alias rule chose. */
export function withAliasColumns(customers: SheetTable, alias: AliasColumns): SheetTable {
  return remapColumns(customers, { customerCode: alias.member, customerAlias: alias.reference });
}

/**
 * Invoices whose reference is a known alias (and not itself a member code) are given the member's code.
 * Returns how many were joined this way.
 */
export function resolveAliases(invoices: Invoice[], index: IdentityIndex): number {
  let joined = 0;
  for (const invoice of invoices) {
    const ref = invoice.ref;
    if (!ref.code || index.hasCode(ref.code)) continue;
    const customer = index.customerOfAlias(ref.code);
    if (customer < 0) continue;
    const member = index.customers[customer]!;
    invoice.ref = member.code
      ? { code: member.code, phone: ref.phone, email: ref.email }
      : { code: '', phone: member.phone || ref.phone, email: member.email || ref.email };
    joined++;
  }
  return joined;
}
