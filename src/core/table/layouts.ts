/**
 * Known POS and shop-system export layouts, as data (design.md §2: "known POS layouts are data, never code
 * paths"). Each record says what one export calls each field, how it writes dates, which status words it uses
 * and how it marks a sale with no customer. Detection reads these records as extra header names (an exact
 * layout header maps with full confidence) and extra status and walk-in words; it never branches on a layout.
 * A header not listed anywhere is still found by its similarity to the names and by what the column holds
 * (header.ts), so a layout missing here degrades to "asked to confirm", not to "not found".
 *
 * Adding a layout: add one record below (headers as the export writes them, in any case or accents).
 */
import type { FieldId, SheetKind } from './fields';

export interface PosLayout {
  /** Stable id, kebab-case: `kiotviet-invoice-detail`. */
  id: string;
  /** The product as shops name it. */
  system: string;
  sheet: SheetKind;
  /** Where the layout was learnt (public documentation or sample file), for whoever updates it. */
  source: string;
  /** The export's header for each field it has, exactly as written in the export. */
  headers: Partial<Record<FieldId, string[]>>;
  /** Day/month order of its text dates, when the export always writes one. */
  dateOrder?: 'dmy' | 'mdy' | 'ymd';
  /** Status words it writes, and whether each is a purchase. Added to the status table (parse/status.ts). */
  statuses?: { purchase?: string[]; notPurchase?: string[] };
  /** What it writes in the customer or name column for a sale with no customer (`Khách lẻ`). */
  walkIn?: string[];
  /** Whether its money column is per invoice (repeated on each line) or per line: documentation only. */
  amounts?: string;
}

export const LAYOUTS: readonly PosLayout[] = [
  {
    id: 'kiotviet-invoice-detail',
    system: 'KiotViet',
    sheet: 'invoices',
    source: 'shared/pos-formats.md (DanhSachChiTietHoaDon_KV export)',
    headers: {
      store: ['Chi nhánh'],
      invoiceCode: ['Mã hóa đơn'],
      date: ['Thời gian'],
      customerCode: ['Mã khách hàng'],
      name: ['Tên khách hàng'],
      email: ['Email'],
      phone: ['Điện thoại'],
      city: ['Khu vực (Khách hàng)'],
      channel: ['Kênh bán'],
      invoiceTotal: ['Khách cần trả'],
      status: ['Trạng thái'],
      quantity: ['Số lượng'],
      unitPrice: ['Giá bán'],
      lineTotal: ['Thành tiền'],
    },
    statuses: { purchase: ['Hoàn thành'], notPurchase: ['Đã hủy'] },
    walkIn: ['Khách lẻ'],
    amounts: '`Khách cần trả` is per invoice, repeated on each line; `Thành tiền` is per line.',
  },
  {
    id: 'shopify-orders',
    system: 'Shopify',
    sheet: 'invoices',
    source: 'shared/pos-formats.md (orders_export_1.csv)',
    headers: {
      invoiceCode: ['Name'],
      email: ['Email'],
      status: ['Financial Status'],
      date: ['Created at'],
      quantity: ['Lineitem quantity'],
      unitPrice: ['Lineitem price'],
      invoiceTotal: ['Total'],
      name: ['Billing Name'],
      city: ['Billing City'],
      phone: ['Billing Phone'],
      store: ['Location'],
    },
    dateOrder: 'ymd',
    statuses: {
      purchase: ['paid', 'pending', 'partially_refunded', 'partially_paid', 'authorized'],
      notPurchase: ['refunded', 'voided'],
    },
    amounts:
      '`Total` is per order, blank on follow-on line rows; `Lineitem price` × `Lineitem quantity` per line.',
  },
];

/** The layouts' headers for one sheet kind, per field (merged into the header name index). */
export function layoutHeaders(kind: SheetKind): Map<FieldId, string[]> {
  const byField = new Map<FieldId, string[]>();
  for (const layout of LAYOUTS) {
    if (layout.sheet !== kind) continue;
    for (const [field, names] of Object.entries(layout.headers) as [FieldId, string[]][]) {
      byField.set(field, [...(byField.get(field) ?? []), ...names]);
    }
  }
  return byField;
}
