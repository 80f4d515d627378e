/**
 * The engine's records. Calendar days are kept as **day numbers**: whole days since 1970-01-01 on the
 * spreadsheet's calendar (its time zone already applied), so recency and relative dates are plain subtraction.
 * Times of day are kept as **local epoch ms**: milliseconds since 1970-01-01T00:00 on the same wall clock.
 */

export type Gender = 'male' | 'female' | 'other' | 'unknown';
export type Region = 'North' | 'Central' | 'South' | '';

/** One customer after identity resolution, with every metric, score and segment the engine computes. */
export interface CustomerRecord {
  /** Identity key: `code:KH000001`, `phone:0912345678` or `email:an@example.com`. */
  key: string;
  code: string;
  name: string;
  /** Canonical phone (`0912345678`), or '' when none. */
  phone: string;
  email: string;
  gender: Gender;
  /** Day number of the date of birth. */
  birthDay?: number;
  /** 1–12, from the date of birth (the year is ignored). */
  birthdayMonth?: number;
  /** Whole years at the as-of date. */
  age?: number;
  /** `<18`, `18-25`, `26-35`, `36-45`, `46-55`, `>55` (see metrics). */
  ageBand: string;
  tier: string;
  points?: number;
  channel: string;
  /** Province or city as given (tidied), from the customer sheet or else the last invoice. */
  city: string;
  /** The province-level unit after the 2025 merger (`TP Hồ Chí Minh`), or '' when not recognised. */
  province: string;
  region: Region;
  tags: string[];
  /** Day number of registration. */
  registeredDay?: number;
  /** Days from registration to the as-of date. */
  tenureDays?: number;
  /** Day numbers of the first and last valid purchase; undefined for a customer who never bought. */
  firstPurchaseDay?: number;
  lastPurchaseDay?: number;
  /** Calendar days from the last purchase to the as-of date. */
  recencyDays?: number;
  /** Distinct valid invoices. */
  frequency: number;
  /** Net spend over all invoices (returns net against it), in whole minor units (money.ts): what sums and ties
   * are computed on. */
  spendMinor: number;
  /** The same in the currency's unit (`spendMinor / 10^digits`), for display and filters. */
  totalSpend: number;
  /** totalSpend / frequency rounded to the minor unit, when frequency > 0. */
  averageOrder?: number;
  /** What M scores: total spend, or average order value when the option asks for it. */
  monetary: number;
  /**
   * Predictions (predict/predictions.ts), for buyers of a run whose data allows a stable fit: the probability of
   * still being a customer (0–1), the expected purchases in the next horizon (90 days by default), and the
   * predicted value of the next 12 months in the currency.
   */
  pAlive?: number;
  expectedPurchases?: number;
  predictedValue?: number;
  lastStore: string;
  lastCity: string;
  /** 0 for a customer who never bought; 1..levels otherwise. 0 too for a metric not in use. */
  r: number;
  f: number;
  m: number;
  /** Score code as shown, e.g. `545`, `54` for two metrics, `000` for a prospect. */
  rfmCode: string;
  /** Id of the named RFM segment (e.g. `champions`). */
  segmentId: string;
  /** Segment id at the previous run (from the snapshot), undefined on a first run or for a new customer. */
  previousSegmentId?: string;
  /** Day number since which the customer has been in their current segment. */
  segmentSinceDay?: number;
  /** 1-based row numbers of the customer sheet rows merged into this customer. */
  sourceRows: number[];
}
