/** The Customers tab and one tab per segment: the same columns, coloured by segment. */
import type { CustomerRecord } from '../model';
import type { Language } from '../options';
import { segmentInfo } from '../rfm/segment-catalogue';
import { chip, CUSTOMERS_TAB, headerBand, NEUTRAL_HEADER } from './colours';
import { CUSTOMER_COLUMNS, type ColumnContext } from './customer-columns';
import { TAB_NAMES } from './labels';
import type { BlockPlan, PlanValue, TabPlan } from './types';

/**
 * Each customer's row of the customer columns, built once per run: the Customers tab and the customer's segment
 * tab show the same row (200k rows of 26 values at a 100k-customer shop, half of them saved). Rows are shared,
 * so nothing may change one after it is built.
 */
export class CustomerRows {
  private readonly rows = new Map<CustomerRecord, readonly PlanValue[]>();
  private readonly context: ColumnContext;

  constructor(language: Language, metrics = 'rfm') {
    this.context = {
      language,
      segmentName: (segmentId) => segmentInfo(segmentId).name[language],
      metrics,
    };
  }

  of(customer: CustomerRecord): readonly PlanValue[] {
    let row = this.rows.get(customer);
    if (row === undefined) {
      row = CUSTOMER_COLUMNS.map((column) => column.value(customer, this.context));
      this.rows.set(customer, row);
    }
    return row;
  }
}

export function customerBlock(
  id: string,
  customers: readonly CustomerRecord[],
  language: Language,
  colour: string,
  segmentColumnColours: boolean,
  abGroups?: readonly string[],
  customerRows: CustomerRows = new CustomerRows(language),
): BlockPlan {
  const rows = customers.map((customer, i) =>
    abGroups ? [...customerRows.of(customer), abGroups[i]!] : (customerRows.of(customer) as PlanValue[]),
  );
  const segmentColumn = CUSTOMER_COLUMNS.findIndex((column) => column.id === 'segment');
  const block: BlockPlan = {
    id,
    anchor: { row: 1, column: 1 },
    columns: CUSTOMER_COLUMNS.map((column) => ({
      header: column.header[language],
      kind: column.kind,
      width: column.width,
    })),
    rows,
    ...headerBand(colour),
  };
  if (abGroups)
    block.columns.push({ header: language === 'vi' ? 'Nhóm A/B' : 'A/B group', kind: 'code', width: 70 });
  if (segmentColumnColours) {
    block.cellColours = {
      fromColumn: segmentColumn,
      colours: customers.map((customer) => [chip(segmentInfo(customer.segmentId).colour)]),
    };
  }
  return block;
}

/** Best customers first: by segment order, then spend. */
export function sortForDisplay(
  customers: readonly CustomerRecord[],
  segmentOrder: Map<string, number>,
): CustomerRecord[] {
  // Each customer's segment rank looked up once, not twice per comparison (1.7M comparisons at 100k customers).
  const ranked = customers.map((customer) => ({
    customer,
    rank: segmentOrder.get(customer.segmentId) ?? 99,
  }));
  ranked.sort(
    (a, b) =>
      a.rank - b.rank ||
      b.customer.totalSpend - a.customer.totalSpend ||
      a.customer.key.localeCompare(b.customer.key),
  );
  return ranked.map((entry) => entry.customer);
}

/**
 * The predictions (predict/predictions.ts), on the Customers tab only when the run has them: three columns past
 * the 26 of every customer tab, so the segment tabs keep the width of a new sheet.
 */
function withPredictions(
  block: BlockPlan,
  customers: readonly CustomerRecord[],
  language: Language,
): BlockPlan {
  const t = (vi: string, en: string) => (language === 'vi' ? vi : en);
  const orNull = (value: number | undefined) => (value === undefined ? null : value);
  return {
    ...block,
    columns: [
      ...block.columns,
      { header: t('Xác suất còn là khách', 'P(still a customer)'), kind: 'percent', width: 110 },
      {
        header: t('Số lần mua dự kiến (90 ngày)', 'Expected purchases (90 days)'),
        kind: 'number',
        width: 130,
      },
      { header: t('Giá trị dự kiến 12 tháng', 'Predicted 12-month value'), kind: 'money', width: 130 },
    ],
    rows: block.rows.map((row, i) => {
      const customer = customers[i]!;
      const expected = customer.expectedPurchases;
      return [
        ...row,
        orNull(customer.pAlive),
        expected === undefined ? null : Math.round(expected * 100) / 100,
        orNull(customer.predictedValue),
      ];
    }),
  };
}

export function customersTab(
  customers: readonly CustomerRecord[],
  language: Language,
  customerRows?: CustomerRows,
  predictions = false,
): TabPlan {
  const block = customerBlock(
    'customers',
    customers,
    language,
    NEUTRAL_HEADER,
    true,
    undefined,
    customerRows,
  );
  return {
    key: 'customers',
    role: 'customers',
    name: TAB_NAMES.customers[language],
    tabColour: CUSTOMERS_TAB,
    blocks: [predictions ? withPredictions(block, customers, language) : block],
    frozenRows: 1,
    filter: true,
    charts: [],
    hidden: false,
  };
}

export function segmentTab(
  segmentId: string,
  members: readonly CustomerRecord[],
  language: Language,
  customerRows?: CustomerRows,
): TabPlan {
  const info = segmentInfo(segmentId);
  return {
    key: `segment:${segmentId}`,
    role: 'segment',
    name: info.name[language],
    tabColour: info.colour,
    blocks: [
      customerBlock(`segment:${segmentId}`, members, language, info.colour, false, undefined, customerRows),
    ],
    frozenRows: 1,
    filter: true,
    charts: [],
    hidden: false,
  };
}

/** A filter segment's tab: the shop's name and colour, the same columns, and the A/B group when split. */
export function filterSegmentTab(
  spec: { name: string; colour: string },
  members: readonly CustomerRecord[],
  language: Language,
  abGroups?: readonly string[],
): TabPlan {
  return {
    key: `filter:${spec.name}`,
    role: 'filter-segment',
    name: spec.name,
    tabColour: spec.colour,
    blocks: [customerBlock(`filter:${spec.name}`, members, language, spec.colour, true, abGroups)],
    frozenRows: 0,
    filter: false,
    charts: [],
    hidden: false,
  };
}
