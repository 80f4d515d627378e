import type { CustomerRef } from '../identity/identity-index';

/** One invoice after its lines are summed (design.md §2). */
export interface Invoice {
  code: string;
  /** 1-based sheet row of its first line, for messages. */
  row: number;
  /** Local epoch ms and day number on the spreadsheet's clock. */
  localMs: number;
  day: number;
  ref: CustomerRef;
  name: string;
  /**
   * Net amount in whole minor units (money.ts): negative lines net out; ≤ 0 means a return or a cancellation
   * note, not a purchase.
   */
  amountMinor: number;
  store: string;
  city: string;
  channel: string;
  pointsEarned?: number;
}
