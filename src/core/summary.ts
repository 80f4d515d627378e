/**
 * The run's results in a form every face shows: per segment counts and revenue, and the facts of the run
 * (what was read, skipped, merged). The Summary tab, the sidebar's result list and the CLI's table all use it.
 */
import type { CustomerRecord } from './model';
import type { ScoreStats } from './rfm/score';

export interface SegmentSummary {
  /** `champions`…, or `filter:<name>` for a filter segment. */
  id: string;
  kind: 'rfm' | 'filter';
  name: string;
  colour: string;
  action: string;
  customers: number;
  /** Customers / all customers (0–1). */
  share: number;
  revenue: number;
  /** Revenue / all revenue (0–1; 0 when there is no revenue). */
  revenueShare: number;
  /** Mean scores of the segment's buyers; undefined when it has none (prospects) or the metric is unused. */
  meanR?: number;
  meanF?: number;
  meanM?: number;
  /** Key of the segment's tab in the plan, or undefined when it has no tab (no members). */
  tabKey?: string;
}

/** A segment's size, revenue and mean scores among `customers` (all the run's customers). */
export type SegmentFigures = Pick<
  SegmentSummary,
  'customers' | 'share' | 'revenue' | 'revenueShare' | 'meanR' | 'meanF' | 'meanM'
>;

export function segmentFigures(
  members: readonly CustomerRecord[],
  customers: readonly CustomerRecord[],
  totalRevenue: number,
): SegmentFigures {
  const buyers = members.filter((customer) => customer.frequency > 0);
  const revenue = members.reduce((sum, customer) => sum + customer.totalSpend, 0);
  // A metric the run does not score is 0 on every customer: its mean is left out, not shown as 0.
  const mean = (metric: 'r' | 'f' | 'm') =>
    buyers.length && buyers[0]![metric] > 0
      ? buyers.reduce((sum, customer) => sum + customer[metric], 0) / buyers.length
      : undefined;
  return {
    customers: members.length,
    share: customers.length ? members.length / customers.length : 0,
    revenue,
    revenueShare: totalRevenue > 0 ? revenue / totalRevenue : 0,
    meanR: mean('r'),
    meanF: mean('f'),
    meanM: mean('m'),
  };
}

export interface RunFacts {
  /** As-of date `yyyy-mm-dd` and its day number. */
  asOf: string;
  asOfDay: number;
  timeZone: string;
  invoiceSheet?: string;
  customerSheet?: string;
  /** Data rows read under each header. */
  invoiceRows: number;
  customerRows: number;
  invoices: number;
  customers: number;
  buyers: number;
  prospects: number;
  revenue: number;
  walkInInvoices: number;
  unmatchedInvoices: number;
  mergedCustomerRows: number;
  duplicateRows: number;
  cancelledInvoices: number;
  unreadableInvoices: number;
  invoicesAfterAsOf: number;
  rowsSkipped: number;
  issues: number;
  summaryMode: boolean;
  metrics: string;
  levels: number;
  method: 'quintile' | 'breakpoints';
  monetary: 'total' | 'average';
}

export interface RunSummary {
  segments: SegmentSummary[];
  facts: RunFacts;
  scoreStats: ScoreStats[];
}
