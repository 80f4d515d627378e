/**
 * Invoice status → a purchase or not (design.md §2). One table, matched on folded words (case and diacritics
 * ignored, so `Đã hủy`, `Đã huỷ`, `ĐÃ HỦY` and `Da huy` agree; `_` and `-` read as spaces), in this order:
 *
 * 1. A recognised layout's own words (layouts.ts) win: WooCommerce's `pending` is an unpaid checkout, Odoo's
 *    `New` a draft order, so neither is a purchase there.
 * 2. **Purchases despite a word below**: a part refund or return (`partially_refunded`, `Trả hàng một phần`:
 *    part of the money stays) and completion (`Hoàn thành`, `Hoàn tất`: `hoàn` alone means returned).
 * 3. **Not a purchase**: cancelled (`hủy`, `cancel…`, `void…`), returned or refunded (`trả hàng`, `hoàn`,
 *    `return…`, `refund…`, `chargeback`), failed or refused (`thất bại`, `fail…`, `declin…`, `reject…`,
 *    `từ chối`), never fulfilled (`unavailable`, `expired`, `abandoned`).
 * 4. **Everything else is a purchase**: blank, `paid`, `Đang giao dịch`, `Đặt hàng`, and also **pending or
 *    unpaid** orders (`pending`, `Chờ thanh toán`, `unpaid`). Why: an order placed is the customer's purchase
 *    decision; in Vietnam most online orders are cash on delivery and stay "unpaid" until the parcel arrives,
 *    and an order that falls through is later marked cancelled or returned, which rule 3 excludes. Counting
 *    them keeps recency true to the customer's last decision; a shop that disagrees adds the word to a layout.
 */
import { isBlank, type CellValue } from '../cell';
import type { PosLayout } from '../table/layouts';
import { foldText } from '../text';

export type StatusVerdict = 'purchase' | 'not-purchase';

/** Phrases (folded words) that keep a status a purchase whatever else it says. */
export const STILL_PURCHASE: readonly string[][] = [
  ['mot', 'phan'],
  ['partial'],
  ['partially'],
  ['hoan', 'thanh'],
  ['hoan', 'tat'],
].map((words) => words);

/** Whole words, or word beginnings (ending in `*`), that make a status not a purchase. */
export const NOT_PURCHASE: readonly string[][] = [
  ['huy'],
  ['cancel*'],
  ['void*'],
  ['tra', 'hang'],
  ['tra', 'lai'],
  ['hoan'],
  ['return*'],
  ['refund*'],
  ['chargeback*'],
  ['that', 'bai'],
  ['fail*'],
  ['declin*'],
  ['reject*'],
  ['tu', 'choi'],
  ['unavailable'],
  ['expired'],
  ['abandon*'],
];

function wordMatches(word: string, pattern: string): boolean {
  return pattern.endsWith('*') ? word.startsWith(pattern.slice(0, -1)) : word === pattern;
}

function hasPhrase(words: readonly string[], phrase: readonly string[]): boolean {
  outer: for (let start = 0; start + phrase.length <= words.length; start++) {
    for (let k = 0; k < phrase.length; k++) if (!wordMatches(words[start + k]!, phrase[k]!)) continue outer;
    return true;
  }
  return false;
}

function verdictOfFolded(folded: string): StatusVerdict {
  const words = folded.split(' ');
  if (STILL_PURCHASE.some((phrase) => hasPhrase(words, phrase))) return 'purchase';
  return NOT_PURCHASE.some((phrase) => hasPhrase(words, phrase)) ? 'not-purchase' : 'purchase';
}

/** Verdicts by the raw cell text, per layout (statuses repeat on every line: a look-up, not a fold). */
const cache = new Map<PosLayout | undefined, Map<string, StatusVerdict>>();
const MAX_CACHED = 1000;
const layoutWords = new WeakMap<PosLayout, Map<string, StatusVerdict>>();

function layoutVerdicts(layout: PosLayout): Map<string, StatusVerdict> {
  let words = layoutWords.get(layout);
  if (!words) {
    words = new Map();
    for (const word of layout.statuses?.purchase ?? []) words.set(foldText(word), 'purchase');
    for (const word of layout.statuses?.notPurchase ?? []) words.set(foldText(word), 'not-purchase');
    layoutWords.set(layout, words);
  }
  return words;
}

/** Whether a status cell is a purchase; undefined for a blank or non-text cell (no status: a purchase). */
export function statusVerdict(value: CellValue, layout?: PosLayout): StatusVerdict | undefined {
  if (typeof value !== 'string' || isBlank(value)) return undefined;
  let known = cache.get(layout);
  if (!known) cache.set(layout, (known = new Map()));
  const verdict = known.get(value);
  if (verdict !== undefined) return verdict;
  const folded = foldText(value);
  const decided = (layout && layoutVerdicts(layout).get(folded)) || verdictOfFolded(folded);
  if (known.size >= MAX_CACHED) known.clear();
  known.set(value, decided);
  return decided;
}

export function isCancelledStatus(value: CellValue, layout?: PosLayout): boolean {
  return statusVerdict(value, layout) === 'not-purchase';
}

/**
 * A yes/no column that flags cancellation (`Voided`, `Cancelled`, `Đã hủy` holding `true`/`false`): its header is
 * itself a not-a-purchase status, so a true cell means the invoice is not a purchase.
 */
export function isCancelFlagHeader(header: string): boolean {
  return header.trim() !== '' && verdictOfFolded(foldText(header)) === 'not-purchase';
}

export const TRUE_WORDS = new Set(['true', 'yes', 'y', 'x', '1', 'co', 'dung']);

/** A flag cell that is set: `true`, `TRUE`, `yes`, `x`, `1`, `Có`. */
export function isSetFlag(value: CellValue): boolean {
  if (value === true || value === 1) return true;
  return typeof value === 'string' && TRUE_WORDS.has(foldText(value));
}
