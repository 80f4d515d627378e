/**
 * Invoice status → whether the invoice is excluded as cancelled, returned or void (design.md §2). Matching is on
 * folded text (case and diacritics ignored, so `Đã hủy`, `Đã huỷ`, `ĐÃ HỦY` and `Da huy` agree; `_` reads as a
 * space). Excluded: KiotViet/Sapo `Đã hủy`, `Hủy`, returns (`Trả hàng`, `Đã trả hàng`, `Hoàn trả`,
 * `Hoàn tiền`), Shopify `refunded`/`voided`, English `Cancelled`/`Canceled`/`Returned`, and any status whose
 * first words are `hủy`/`đã hủy`/`cancel…`. Everything else counts as a purchase: blank, `Hoàn thành`, `paid`,
 * `pending`, `partially_refunded` (part of the money stays), `Đang giao dịch`, `Trả hàng một phần`.
 */
import { isBlank, type CellValue } from '../cell';
import { foldText } from '../text';

const CANCELLED = new Set([
  'huy',
  'da huy',
  'huy don',
  'don huy',
  'da huy don',
  'don da huy',
  'bi huy',
  'tra hang',
  'da tra hang',
  'khach tra hang',
  'hoan tra',
  'da hoan tra',
  'hoan hang',
  'da hoan hang',
  'hoan tien',
  'da hoan tien',
  'cancelled',
  'canceled',
  'cancel',
  'refunded',
  'refund',
  'voided',
  'void',
  'returned',
  'return',
]);

const cache = new Map<string, boolean>();
const MAX_CACHED = 1000;

function isCancelledFolded(folded: string): boolean {
  if (CANCELLED.has(folded)) return true;
  return folded.startsWith('huy ') || folded.startsWith('da huy ') || folded.startsWith('cancel');
}

export function isCancelledStatus(value: CellValue): boolean {
  if (typeof value !== 'string' || isBlank(value)) return false;
  const known = cache.get(value);
  if (known !== undefined) return known;
  const cancelled = isCancelledFolded(foldText(value));
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(value, cancelled);
  return cancelled;
}
