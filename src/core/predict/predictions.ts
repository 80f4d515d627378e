/**
 * Predictions for every buyer (design.md §5): the probability of still being a customer, the expected purchases
 * in the next `horizonDays` (90), and the predicted value of the next 12 months (expected purchases in 365 days
 * × expected order value, undiscounted). MBG/NBD for purchases, Gamma-Gamma for order values (bg-nbd.ts,
 * gamma-gamma.ts), fitted on this run's data, in days.
 *
 * Honesty:
 * - with fewer than MIN_REPEAT_BUYERS repeat buyers the fit is not stable enough to show: no prediction at all,
 *   and the Summary says why. The number comes from simulation (scripts/prediction-minimum.ts): with about 100
 *   repeat buyers, the base's expected purchases in the next 90 days fall within 12% of those of the true
 *   parameters in 9 replicates out of 10 for sparse buyers (under 4% for frequent ones); with 50 only within
 *   19–25%;
 * - one-time buyers: MBG/NBD lets a customer drop out at the first purchase, so a one-time buyer of long ago is
 *   shown as likely lost, where BG/NBD would call every one-time buyer certainly alive;
 * - a calibration check: the model is fitted again on the purchases before a cut date (half the span, at most
 *   180 days before the as-of date) and its predicted purchases in the holdout period are set beside the actual
 *   ones, per number of repeat purchases before the cut, as the papers do.
 * The fit uses at most FIT_SAMPLE customers (every k-th buyer), which leaves the estimates' sampling error small
 * and bounds the time on a million-row shop; every buyer is then predicted.
 */
import type { Invoice } from '../invoices/invoice';
import type { CustomerRecord } from '../model';
import { toMajor, type MoneyUnit } from '../money';
import { formatDay } from '../parse/time-zone';
import {
  expectedIfAlive,
  fitPurchases,
  probabilityAlive,
  type PurchaseHistory,
  type PurchaseParameters,
} from './bg-nbd';
import { expectedOrderValue, fitSpend, type SpendParameters } from './gamma-gamma';

export const MIN_REPEAT_BUYERS = 100;
/** The expected-purchases horizon when the run's options give none, in days. */
export const HORIZON_DAYS = 90;
export const FIT_SAMPLE = 5000;
export const VALUE_DAYS = 365;
const MAX_HOLDOUT_DAYS = 180;
/** Calibration groups: customers with 0, 1, …, 6 repeat purchases before the cut, and 7 or more. */
const GROUPS = 8;

export interface PredictionSummary {
  model: 'mbgnbd';
  timeUnit: 'day';
  /** Present when the data allowed a fit. */
  parameters?: { r: number; alpha: number; a: number; b: number; p?: number; q?: number; gamma?: number };
  customersUsed: number;
  repeatBuyers: number;
  horizonDays: number;
  /** Why there is no prediction, when there is none (English; the plan words it per language). */
  unavailable?: 'too-few-repeat-buyers';
  calibration?: {
    cutDay: string;
    holdoutDays: number;
    groups: { repeatPurchases: string; customers: number; actual: number; predicted: number }[];
  };
}

/** Per customer (index as in the run's customers): the three predictions, or NaN where none applies. */
export interface CustomerPredictions {
  pAlive: Float64Array;
  expectedPurchases: Float64Array;
  predictedValue: Float64Array;
}

interface Histories {
  data: PurchaseHistory;
  /** Customer index of each history. */
  customer: Int32Array;
  /** Mean repeat purchase-day value (major units), 0 for none. */
  meanRepeat: Float64Array;
  /** Purchase days after `cut` (the holdout's actual purchases); only when asked. */
  after?: Float64Array;
}

/**
 * Each buyer's history up to `lastDay` from the run's invoices: purchase days (a day's invoices together),
 * from valid invoices (amount > 0). Customers are grouped with a counting sort on their index, so no per-customer
 * array is built.
 */
function histories(
  invoices: readonly Invoice[],
  customerOf: Int32Array,
  customers: number,
  lastDay: number,
  unit: MoneyUnit,
  holdoutEnd?: number,
): Histories {
  const counts = new Int32Array(customers + 1);
  for (let i = 0; i < invoices.length; i++) {
    const customer = customerOf[i]!;
    if (customer >= 0 && invoices[i]!.amountMinor > 0) counts[customer + 1]!++;
  }
  for (let c = 0; c < customers; c++) counts[c + 1]! += counts[c]!;
  const days = new Float64Array(counts[customers]!);
  const amounts = new Float64Array(counts[customers]!);
  const fill = counts.slice(0, customers);
  for (let i = 0; i < invoices.length; i++) {
    const customer = customerOf[i]!;
    const invoice = invoices[i]!;
    if (customer < 0 || invoice.amountMinor <= 0) continue;
    const at = fill[customer]!++;
    days[at] = invoice.day;
    amounts[at] = invoice.amountMinor;
  }
  const x: number[] = [];
  const tx: number[] = [];
  const T: number[] = [];
  const meanRepeat: number[] = [];
  const owner: number[] = [];
  const after: number[] = [];
  const order: number[] = [];
  for (let c = 0; c < customers; c++) {
    const from = counts[c]!;
    const to = counts[c + 1]!;
    if (to === from) continue;
    order.length = 0;
    for (let k = from; k < to; k++) order.push(k);
    order.sort((p, q) => days[p]! - days[q]!);
    let first = NaN;
    let last = NaN;
    let distinct = 0;
    let repeatValue = 0;
    let laterDays = 0;
    let previous = NaN;
    for (const k of order) {
      const day = days[k]!;
      if (day > lastDay) {
        if (holdoutEnd !== undefined && day <= holdoutEnd && day !== previous && first === first) laterDays++;
        previous = day;
        continue;
      }
      if (first !== first) first = day;
      else if (day !== first) repeatValue += amounts[k]!;
      if (day !== previous) {
        distinct++;
        last = day;
      }
      previous = day;
    }
    if (first !== first) continue;
    x.push(distinct - 1);
    tx.push(last - first);
    T.push(lastDay - first);
    meanRepeat.push(distinct > 1 ? toMajor(repeatValue, unit) / (distinct - 1) : 0);
    owner.push(c);
    after.push(laterDays);
  }
  return {
    data: { x: Float64Array.from(x), tx: Float64Array.from(tx), T: Float64Array.from(T) },
    customer: Int32Array.from(owner),
    meanRepeat: Float64Array.from(meanRepeat),
    ...(holdoutEnd !== undefined ? { after: Float64Array.from(after) } : {}),
  };
}

/**
 * Every k-th history, at most FIT_SAMPLE of them (the same customers run after run), with identical histories
 * made one weighted entry: the likelihood is the same, for less work.
 */
function sample(data: PurchaseHistory): PurchaseHistory {
  const n = data.x.length;
  const size = Math.min(n, FIT_SAMPLE);
  const step = n / size;
  const at = new Map<string, number>();
  const x: number[] = [];
  const tx: number[] = [];
  const T: number[] = [];
  const weight: number[] = [];
  for (let i = 0; i < size; i++) {
    const k = Math.floor(i * step);
    const key = `${data.x[k]}|${data.tx[k]}|${data.T[k]}`;
    const known = at.get(key);
    if (known !== undefined) {
      weight[known]!++;
      continue;
    }
    at.set(key, x.length);
    x.push(data.x[k]!);
    tx.push(data.tx[k]!);
    T.push(data.T[k]!);
    weight.push(1);
  }
  return {
    x: Float64Array.from(x),
    tx: Float64Array.from(tx),
    T: Float64Array.from(T),
    weight: Float64Array.from(weight),
  };
}

/**
 * E[purchases in `days`] given P(alive): the hypergeometric series depends on (days, x, T) only, which many
 * buyers share (every one-time buyer of a day), so it is computed once per triple; P(alive) brings in tx.
 */
function expectationOf(
  fit: PurchaseParameters,
): (days: number, x: number, T: number, pAlive: number) => number {
  const cache = new Map<number, number>();
  return (days, x, T, pAlive) => {
    const key = (days * 100_000 + x) * 100_000 + T;
    let value = cache.get(key);
    if (value === undefined) cache.set(key, (value = expectedIfAlive('mbgnbd', fit, days, x, T)));
    return value * pAlive;
  };
}

function repeatBuyersOf(data: PurchaseHistory): number {
  let repeat = 0;
  for (const x of data.x) if (x > 0) repeat++;
  return repeat;
}

function fitSpendOf(h: Histories): SpendParameters | undefined {
  const x: number[] = [];
  const m: number[] = [];
  for (let i = 0; i < h.data.x.length; i++) {
    if (h.data.x[i]! > 0 && h.meanRepeat[i]! > 0) {
      x.push(h.data.x[i]!);
      m.push(h.meanRepeat[i]!);
    }
  }
  if (x.length < MIN_REPEAT_BUYERS) return undefined;
  const step = Math.max(1, x.length / FIT_SAMPLE);
  const picked = Array.from({ length: Math.min(x.length, FIT_SAMPLE) }, (_, i) => Math.floor(i * step));
  const fit = fitSpend({
    x: Float64Array.from(picked, (i) => x[i]!),
    m: Float64Array.from(picked, (i) => m[i]!),
  });
  // q ≤ 1 has no finite mean order value: no value prediction rather than an infinite one.
  return fit.q > 1 ? fit : undefined;
}

/** The calibration check: fit before the cut, predict the holdout, compare per repeat-purchase group. */
function calibrationCheck(
  invoices: readonly Invoice[],
  customerOf: Int32Array,
  customers: number,
  asOfDay: number,
  firstDay: number,
  unit: MoneyUnit,
): PredictionSummary['calibration'] {
  const holdoutDays = Math.min(MAX_HOLDOUT_DAYS, Math.floor((asOfDay - firstDay) / 2));
  if (holdoutDays < 14) return undefined;
  const cut = asOfDay - holdoutDays;
  const h = histories(invoices, customerOf, customers, cut, unit, asOfDay);
  if (repeatBuyersOf(h.data) < MIN_REPEAT_BUYERS) return undefined;
  const fit = fitPurchases('mbgnbd', sample(h.data));
  const expected = expectationOf(fit);
  const groups = Array.from({ length: GROUPS }, (_, g) => ({
    repeatPurchases: g === GROUPS - 1 ? `${g}+` : String(g),
    customers: 0,
    actual: 0,
    predicted: 0,
  }));
  for (let i = 0; i < h.data.x.length; i++) {
    const x = h.data.x[i]!;
    const group = groups[Math.min(GROUPS - 1, x)]!;
    group.customers++;
    group.actual += h.after![i]!;
    const T = h.data.T[i]!;
    group.predicted += expected(holdoutDays, x, T, probabilityAlive('mbgnbd', fit, x, h.data.tx[i]!, T));
  }
  for (const group of groups) {
    if (group.customers === 0) continue;
    group.actual /= group.customers;
    group.predicted /= group.customers;
  }
  return { cutDay: formatDay(cut), holdoutDays, groups: groups.filter((group) => group.customers > 0) };
}

export function predictCustomers(
  customers: readonly CustomerRecord[],
  invoices: readonly Invoice[],
  customerOf: Int32Array,
  asOfDay: number,
  unit: MoneyUnit,
  horizonDays: number,
): { summary: PredictionSummary; perCustomer?: CustomerPredictions } {
  const h = histories(invoices, customerOf, customers.length, asOfDay, unit);
  const repeatBuyers = repeatBuyersOf(h.data);
  const base = {
    model: 'mbgnbd' as const,
    timeUnit: 'day' as const,
    customersUsed: Math.min(h.data.x.length, FIT_SAMPLE),
    repeatBuyers,
    horizonDays,
  };
  if (repeatBuyers < MIN_REPEAT_BUYERS) return { summary: { ...base, unavailable: 'too-few-repeat-buyers' } };
  const fit: PurchaseParameters = fitPurchases('mbgnbd', sample(h.data));
  const spend = fitSpendOf(h);
  const n = customers.length;
  const perCustomer: CustomerPredictions = {
    pAlive: new Float64Array(n).fill(NaN),
    expectedPurchases: new Float64Array(n).fill(NaN),
    predictedValue: new Float64Array(n).fill(NaN),
  };
  const expected = expectationOf(fit);
  let firstDay = asOfDay;
  for (let i = 0; i < h.data.x.length; i++) {
    const c = h.customer[i]!;
    const x = h.data.x[i]!;
    const tx = h.data.tx[i]!;
    const T = h.data.T[i]!;
    firstDay = Math.min(firstDay, asOfDay - T);
    const pAlive = probabilityAlive('mbgnbd', fit, x, tx, T);
    perCustomer.pAlive[c] = pAlive;
    perCustomer.expectedPurchases[c] = expected(horizonDays, x, T, pAlive);
    if (spend) {
      const order = expectedOrderValue(spend, x, h.meanRepeat[i]!);
      perCustomer.predictedValue[c] = expected(VALUE_DAYS, x, T, pAlive) * order;
    }
  }
  const calibration = calibrationCheck(invoices, customerOf, customers.length, asOfDay, firstDay, unit);
  return {
    summary: {
      ...base,
      parameters: { ...fit, ...(spend ? spend : {}) },
      ...(calibration ? { calibration } : {}),
    },
    perCustomer,
  };
}
