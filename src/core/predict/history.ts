/**
 * Each customer's purchase history in the models' terms (bg-nbd.ts, gamma-gamma.ts), in days: a customer's
 * purchases on one calendar day are one purchase (as the papers count "transactions": a day's receipts
 * together), `x` the purchase days after the first, `tx` first to last purchase day, `T` first purchase day to
 * the as-of day, and `m` the mean value of the repeat purchase days (the first day's spend is left out).
 */
import type { PurchaseHistory } from './bg-nbd';
import type { SpendHistory } from './gamma-gamma';

export interface Purchase {
  day: number;
  amount: number;
}

export interface Histories {
  purchases: PurchaseHistory;
  /** Repeat buyers with a positive mean repeat value only. */
  spend: SpendHistory;
  /** Per customer (same order as the input), the index into `spend`, or -1. */
  spendIndex: Int32Array;
  /** Per customer, the mean repeat purchase value (0 for none). */
  meanRepeatValue: Float64Array;
}

export function historiesFromPurchases(
  customers: readonly (readonly Purchase[])[],
  asOfDay: number,
): Histories {
  const n = customers.length;
  const x = new Float64Array(n);
  const tx = new Float64Array(n);
  const T = new Float64Array(n);
  const meanRepeatValue = new Float64Array(n);
  const spendIndex = new Int32Array(n).fill(-1);
  const spendX: number[] = [];
  const spendM: number[] = [];
  customers.forEach((purchases, i) => {
    const byDay = new Map<number, number>();
    for (const purchase of purchases) {
      if (purchase.day > asOfDay) continue;
      byDay.set(purchase.day, (byDay.get(purchase.day) ?? 0) + purchase.amount);
    }
    const days = [...byDay.keys()].sort((a, b) => a - b);
    if (days.length === 0) return;
    const first = days[0]!;
    x[i] = days.length - 1;
    tx[i] = days[days.length - 1]! - first;
    T[i] = asOfDay - first;
    if (days.length < 2) return;
    let repeat = 0;
    for (let k = 1; k < days.length; k++) repeat += byDay.get(days[k]!)!;
    const mean = repeat / (days.length - 1);
    meanRepeatValue[i] = mean;
    if (mean > 0) {
      spendIndex[i] = spendX.length;
      spendX.push(days.length - 1);
      spendM.push(mean);
    }
  });
  return {
    purchases: { x, tx, T },
    spend: { x: Float64Array.from(spendX), m: Float64Array.from(spendM) },
    spendIndex,
    meanRepeatValue,
  };
}
