/**
 * The run's results in a form every face shows: per segment counts and revenue, and the facts of the run
 * (what was read, skipped, merged). The Summary tab, the sidebar's result list and the CLI's table all use it.
 */
import type { CustomerRecord } from './model';
import { toMajor, type MoneyUnit } from './money';
import type { ScoreStats } from './rfm/score';
import type { PredictionSummary } from './predict/predictions';
import type { CampaignResult } from './campaigns/campaigns';
import type { Portraits } from './portraits/portraits';

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

/** Sum of the customers' spend in minor units: exact (money.ts). */
export function spendMinorOf(customers: readonly CustomerRecord[]): number {
  let sum = 0;
  for (const customer of customers) sum += customer.spendMinor;
  return sum;
}

export function segmentFigures(
  members: readonly CustomerRecord[],
  customers: readonly CustomerRecord[],
  totalRevenueMinor: number,
  unit: MoneyUnit,
): SegmentFigures {
  const buyers = members.filter((customer) => customer.frequency > 0);
  const revenueMinor = spendMinorOf(members);
  // A metric the run does not score is 0 on every customer: its mean is left out, not shown as 0.
  const mean = (metric: 'r' | 'f' | 'm') =>
    buyers.length && buyers[0]![metric] > 0
      ? buyers.reduce((sum, customer) => sum + customer[metric], 0) / buyers.length
      : undefined;
  return {
    customers: members.length,
    share: customers.length ? members.length / customers.length : 0,
    revenue: toMajor(revenueMinor, unit),
    revenueShare: totalRevenueMinor > 0 ? revenueMinor / totalRevenueMinor : 0,
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
  /** Net spend of identified customers (members): the sum of the Customers tab's total spend. */
  revenue: number;
  /** Every counted sale on or before the as-of date: members' + walk-in + unmatched. */
  totalSales: number;
  /** Sales with no customer reference (`Khách lẻ`). */
  walkInSales: number;
  /** Sales whose reference matched no customer of the customer sheet. */
  unmatchedSales: number;
  /** revenue / totalSales (0–1): a loyalty programme's key figure. */
  memberShare: number;
  /** Decimals of the run's minor unit (money.ts): how amounts are shown. */
  moneyDigits: number;
  /** Rejections of a small share of the rows (understood.ts), shown at the top of the summary. */
  warnings: string[];
  walkInInvoices: number;
  /**
   * Invoices attributed to a member through another id the customer sheet lists for them (aliases.ts): the
   * customer sheet's reference column, its member column, and how many invoices were joined.
   */
  aliasJoin?: { referenceHeader: string; memberHeader: string; invoices: number };
  unmatchedInvoices: number;
  mergedCustomerRows: number;
  duplicateRows: number;
  cancelledInvoices: number;
  /** Each invoice status seen, whether it counted as a purchase, and on how many invoices (parse/status.ts). */
  statuses: { status: string; verdict: 'purchase' | 'not-purchase'; invoices: number }[];
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
  /** The purchase and value models' fit, or why there is none; absent in summary mode (no invoices). */
  predictions?: PredictionSummary;
  /** Every campaign's results at this as-of date (campaigns/campaigns.ts); absent when there is none. */
  campaigns?: CampaignResult[];
  /** Who is in each segment with members (portraits/portraits.ts), all customers first. */
  portraits?: Portraits;
}
