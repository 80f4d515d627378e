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
  /**
   * Fields this export does not have although a header may look like one (iPOS `Khu vực` is the dining area,
   * not a city): when the layout is recognised, they are not detected.
   */
  absent?: FieldId[];
}

/** Share of a layout's headers a header row must hold for the layout to be recognised. */
const RECOGNISED_SHARE = 0.6;
const RECOGNISED_MIN_HEADERS = 3;

/**
 * The known layout a header row is an export of: the one whose headers it holds the largest share of (at least
 * 60%, and at least three of them), compared as `key` compares headers. Undefined when none is.
 */
export function recogniseLayout(
  headerKeys: readonly string[],
  kind: SheetKind,
  key: (header: string) => string,
): PosLayout | undefined {
  const present = new Set(headerKeys.filter(Boolean));
  let best: PosLayout | undefined;
  let bestShare = 0;
  for (const layout of LAYOUTS) {
    if (layout.sheet !== kind) continue;
    const names = new Set(Object.values(layout.headers).flatMap((list) => (list ?? []).map(key)));
    let found = 0;
    for (const name of names) if (present.has(name)) found++;
    const share = names.size ? found / names.size : 0;
    if (found >= RECOGNISED_MIN_HEADERS && share >= RECOGNISED_SHARE && share > bestShare) {
      best = layout;
      bestShare = share;
    }
  }
  return best;
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
    amounts:
      '`Khách cần trả` is per invoice, repeated on each line; `Thành tiền` is per line. `Đơn giá` is the list ' +
      'price, `Giá bán` the price after the line discount. Dates are real date cells.',
  },
  {
    id: 'kiotviet-invoice-list',
    system: 'KiotViet',
    sheet: 'invoices',
    source: 'shared/pos-formats.md (DanhSachHoaDon_KV export)',
    headers: {
      store: ['Chi nhánh'],
      invoiceCode: ['Mã hóa đơn'],
      date: ['Thời gian'],
      customerCode: ['Mã khách hàng'],
      name: ['Tên khách hàng'],
      channel: ['Kênh bán'],
      invoiceTotal: ['Khách cần trả'],
      status: ['Trạng thái'],
    },
    statuses: { purchase: ['Hoàn thành'], notPurchase: ['Đã hủy'] },
    walkIn: ['Khách lẻ'],
    amounts: 'One row per invoice; `Khách cần trả` after the invoice discount, `Tổng tiền hàng` before it.',
  },
  {
    id: 'kiotviet-customers',
    system: 'KiotViet',
    sheet: 'customers',
    source: 'shared/pos-formats.md (DanhSachKhachHang_KV export)',
    headers: {
      customerCode: ['Mã khách hàng'],
      name: ['Tên khách hàng'],
      phone: ['Điện thoại'],
      city: ['Khu vực giao hàng'],
      birthDate: ['Ngày sinh'],
      gender: ['Giới tính'],
      email: ['Email'],
      tier: ['Nhóm khách hàng'],
      points: ['Điểm hiện tại'],
      registeredDate: ['Ngày tạo'],
      lastPurchaseDate: ['Ngày giao dịch cuối'],
      totalSpent: ['Tổng bán trừ trả hàng'],
      tags: ['Ghi chú'],
    },
    amounts:
      '`Tổng bán trừ trả hàng` is net of returns (`Tổng bán` is gross); no invoice count, so summary mode has ' +
      'no F. `Ghi chú` is a free note (read as tags); `Trạng thái` is 1 for an active customer.',
  },
  {
    id: 'sapo-orders',
    system: 'Sapo',
    sheet: 'invoices',
    source:
      'shared/pos-formats.md (title rows, header on row 5, statuses, dashed dates); order fields on the first row ' +
      'only, as in https://support.sapo.vn/them-moi-don-hang-bang-file-excel-pos',
    headers: {
      invoiceCode: ['Mã đơn hàng'],
      date: ['Ngày tạo đơn'],
      channel: ['Nguồn'],
      store: ['Chi nhánh'],
      status: ['Trạng thái đơn hàng'],
      customerCode: ['Mã khách hàng'],
      name: ['Tên khách hàng'],
      phone: ['Số điện thoại'],
      email: ['Email'],
      city: ['Tỉnh/Thành phố'],
      quantity: ['Số lượng'],
      unitPrice: ['Đơn giá'],
      lineTotal: ['Thành tiền'],
      invoiceTotal: ['Tổng tiền'],
    },
    dateOrder: 'dmy',
    statuses: {
      purchase: ['Đã hoàn thành', 'Đang giao dịch', 'Đặt hàng', 'Đã lưu trữ'],
      notPurchase: ['Đã hủy'],
    },
    walkIn: ['Khách lẻ'],
    amounts:
      'One row per product; STT and the order-level cells (`Tổng tiền`, customer) on the first row only.',
  },
  {
    id: 'haravan-orders',
    system: 'Haravan',
    sheet: 'invoices',
    source:
      'shared/pos-formats.md (Haravan orders CSV); statuses from ' +
      'https://support.haravan.com/support/solutions/articles/42000084770',
    headers: {
      invoiceCode: ['Mã đơn hàng'],
      date: ['Ngày đặt hàng'],
      status: ['Trạng thái đơn hàng'],
      channel: ['Kênh bán hàng'],
      store: ['Chi nhánh'],
      name: ['Tên người thanh toán'],
      email: ['Email'],
      phone: ['Số điện thoại thanh toán'],
      city: ['Tỉnh/Thành phố'],
      quantity: ['Số lượng sản phẩm'],
      unitPrice: ['Giá sản phẩm'],
      invoiceTotal: ['Tổng cộng'],
    },
    dateOrder: 'dmy',
    statuses: {
      purchase: ['Hoàn thành', 'Đã xác nhận', 'Đang vận chuyển'],
      notPurchase: ['Đã hủy', 'Đã chuyển hoàn', 'Chờ chuyển hoàn'],
    },
    amounts:
      "One row per line item, order-level cells blank on follow-on rows. `Số điện thoại` is the recipient's, " +
      "`Số điện thoại thanh toán` the buyer's; an email `<phone>@vn.phone` is made up (no email).",
  },
  {
    id: 'ipos-invoices',
    system: 'iPOS',
    sheet: 'invoices',
    source: 'http://ipos.vn/docs/pos-mobile/menu-chuc-nang-chinh/bao-cao/ (column names not confirmed)',
    headers: {
      store: ['Cửa hàng'],
      invoiceCode: ['Số hóa đơn'],
      date: ['Ngày'],
      time: ['Giờ ra'],
      customerCode: ['Mã thẻ thành viên'],
      name: ['Tên khách hàng'],
      phone: ['Số điện thoại'],
      invoiceTotal: ['Tổng thanh toán'],
      channel: ['Nguồn đơn'],
      status: ['Trạng thái'],
    },
    dateOrder: 'dmy',
    statuses: { purchase: ['Đã thanh toán'], notPurchase: ['Đã hủy'] },
    walkIn: ['Khách lẻ'],
    amounts:
      'One row per bill. `Khu vực` is the dining area (`Tầng 1`), not a city; `Giờ vào` is when the table opened.',
    absent: ['city'],
  },
  {
    id: 'misa-cukcuk-invoices',
    system: 'MISA CukCuk',
    sheet: 'invoices',
    source:
      'CukCuk invoice list as pasted by shops (column names not confirmed); time-first dates per pos-formats.md',
    headers: {
      invoiceCode: ['Số hóa đơn'],
      date: ['Thời gian'],
      name: ['Khách hàng'],
      phone: ['Điện thoại'],
      channel: ['Hình thức phục vụ'],
      invoiceTotal: ['Tổng tiền'],
      status: ['Trạng thái'],
    },
    dateOrder: 'dmy',
    statuses: { purchase: ['Đã thanh toán'], notPurchase: ['Đã hủy'] },
    walkIn: ['Khách lẻ'],
    amounts: 'One row per bill; title rows above and a `Tổng cộng` row below.',
  },
  {
    id: 'nhanh-orders',
    system: 'Nhanh.vn',
    sheet: 'invoices',
    source:
      'https://pos.manual.nhanh.vn/pos/don-hang/danh-sach-don-hang/danh-sach-don-hang (column names not confirmed)',
    headers: {
      invoiceCode: ['Mã đơn hàng'],
      date: ['Ngày tạo'],
      store: ['Kho hàng'],
      channel: ['Nguồn đơn'],
      name: ['Tên khách hàng'],
      phone: ['Điện thoại'],
      email: ['Email'],
      city: ['Tỉnh/Thành phố'],
      quantity: ['Số lượng'],
      unitPrice: ['Giá bán'],
      lineTotal: ['Thành tiền'],
      invoiceTotal: ['Tổng tiền'],
      status: ['Trạng thái'],
    },
    dateOrder: 'dmy',
    statuses: {
      purchase: ['Thành công'],
      notPurchase: ['Khách hủy', 'Hệ thống hủy', 'Hãng vận chuyển hủy đơn', 'Đã chuyển hoàn', 'Thất bại'],
    },
    walkIn: ['Khách lẻ'],
    amounts: '`Tổng tiền` per order, repeated on each product row; `Thành tiền` per row.',
  },
  {
    id: 'pancake-orders',
    system: 'Pancake POS',
    sheet: 'invoices',
    source: 'https://docs.pancake.vn (order fields and statuses; column names not confirmed)',
    headers: {
      invoiceCode: ['Mã đơn hàng'],
      date: ['Thời gian tạo đơn'],
      channel: ['Nguồn đơn'],
      name: ['Khách hàng'],
      phone: ['Số điện thoại'],
      city: ['Tỉnh/Thành phố'],
      quantity: ['Số lượng'],
      unitPrice: ['Đơn giá'],
      lineTotal: ['Thành tiền'],
      invoiceTotal: ['Tổng tiền'],
      status: ['Trạng thái'],
    },
    dateOrder: 'dmy',
    statuses: {
      purchase: ['Đã nhận', 'Đã xác nhận', 'Đã gửi hàng'],
      notPurchase: ['Đã hủy', 'Đã hoàn', 'Đang hoàn'],
    },
    amounts:
      'One row per product, order-level cells on the first row; dates written time first (`10:15 20/11/2026`).',
  },
  {
    id: 'shopee-orders',
    system: 'Shopee',
    sheet: 'invoices',
    source: 'public code parsing a real Shopee Order.toship / Order.all xlsx (headers verbatim)',
    headers: {
      invoiceCode: ['Mã đơn hàng'],
      date: ['Ngày đặt hàng'],
      status: ['Trạng Thái Đơn Hàng'],
      unitPrice: ['Giá ưu đãi'],
      quantity: ['Số lượng'],
      lineTotal: ['Tổng số tiền Người mua thanh toán'],
      invoiceTotal: ['Tổng số tiền người mua thanh toán'],
      customerCode: ['Người Mua'],
      phone: ['Số điện thoại'],
      city: ['Tỉnh/Thành phố'],
    },
    dateOrder: 'ymd',
    statuses: {
      purchase: ['Hoàn thành', 'Đã giao', 'Đang giao', 'Chờ lấy hàng', 'Chờ xác nhận'],
      notPurchase: ['Đã hủy', 'Trả hàng/Hoàn tiền'],
    },
    amounts:
      'Two headers differ only in the case of `Người`: `Tổng số tiền Người mua thanh toán` is per line, ' +
      "`Tổng số tiền người mua thanh toán` per order (repeated). `Người Mua` is the buyer's username (the only " +
      'stable key); recipient name and phone are masked.',
  },
  {
    id: 'lazada-orders',
    system: 'Lazada',
    sheet: 'invoices',
    source:
      "Lazada seller-centre order export (one row per item; headers from sellers' scripts, not confirmed)",
    headers: {
      date: ['createTime'],
      invoiceCode: ['orderNumber'],
      name: ['customerName'],
      email: ['customerEmail'],
      phone: ['billingPhone'],
      city: ['billingCity'],
      lineTotal: ['paidPrice'],
      unitPrice: ['unitPrice'],
      status: ['status'],
    },
    statuses: {
      purchase: ['delivered', 'shipped', 'confirmed', 'ready_to_ship'],
      notPurchase: ['canceled', 'returned', 'failed'],
    },
    amounts:
      'One row per unit (no quantity column); `paidPrice` per row. Dates `20 Nov 2026 10:15` (month name).',
  },
  {
    id: 'tiktok-shop-orders',
    system: 'TikTok Shop',
    sheet: 'invoices',
    source:
      'public code typing a TikTok Shop order export row (jeffpham2906/JP-Manager, server/types/order.d.ts); ' +
      'DD/MM/YYYY HH:MM:SS times per public import code (US exports: `12/15/2025 9:30:33 AM`)',
    headers: {
      invoiceCode: ['Order ID'],
      status: ['Order Status'],
      quantity: ['Quantity'],
      lineTotal: ['SKU Subtotal After Discount'],
      invoiceTotal: ['Order Amount'],
      date: ['Created Time'],
      customerCode: ['Buyer Username'],
      phone: ['Phone #'],
      city: ['Province'],
    },
    dateOrder: 'dmy',
    statuses: {
      purchase: ['Completed', 'Delivered', 'Shipped', 'To ship', 'Awaiting collection'],
      notPurchase: ['Cancelled', 'Canceled'],
    },
    amounts:
      '`Order Amount` per order, repeated on each SKU row; `SKU Subtotal After Discount` per row. `SKU Unit ' +
      'Original Price` is the list price, not what was paid. A row of column descriptions sits under the header.',
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
      channel: ['Source'],
    },
    dateOrder: 'ymd',
    statuses: {
      purchase: ['paid', 'pending', 'partially_refunded', 'partially_paid', 'authorized'],
      notPurchase: ['refunded', 'voided'],
    },
    amounts:
      '`Total` is per order, blank on follow-on line rows; `Lineitem price` × `Lineitem quantity` per line.',
  },
  {
    id: 'shopify-customers',
    system: 'Shopify',
    sheet: 'customers',
    source: 'shared/pos-formats.md (customers_export.csv)',
    headers: {
      customerCode: ['Customer ID'],
      name: ['First Name'],
      email: ['Email'],
      city: ['Default Address City'],
      phone: ['Default Address Phone'],
      totalSpent: ['Total Spent'],
      invoiceCount: ['Total Orders'],
      tags: ['Tags'],
    },
    amounts:
      'The name is split into `First Name` / `Last Name`; `Phone` (the account phone) is usually blank.',
  },
  {
    id: 'woocommerce-orders',
    system: 'WooCommerce',
    sheet: 'invoices',
    source:
      'WooCommerce Customer/Order CSV Export default columns (woocommerce.com documentation; not confirmed)',
    headers: {
      invoiceCode: ['order_id'],
      date: ['order_date'],
      status: ['status'],
      invoiceTotal: ['order_total'],
      customerCode: ['customer_id'],
      name: ['billing_first_name'],
      email: ['billing_email'],
      phone: ['billing_phone'],
      city: ['billing_city'],
    },
    dateOrder: 'ymd',
    statuses: {
      purchase: ['completed', 'processing', 'on-hold'],
      notPurchase: ['cancelled', 'refunded', 'failed', 'pending'],
    },
    walkIn: ['0'],
    amounts:
      'One row per order, items packed in `line_items`. Guests have `customer_id` 0: not a member code.',
  },
  {
    id: 'lightspeed-x-sales',
    system: 'Lightspeed Retail (X-Series)',
    sheet: 'invoices',
    source: 'Lightspeed X-Series (Vend) sales history CSV, help-centre description (header not confirmed)',
    headers: {
      date: ['Date'],
      invoiceCode: ['Receipt Number'],
      customerCode: ['Customer Code'],
      name: ['Customer Name'],
      quantity: ['Quantity'],
      invoiceTotal: ['Total'],
      status: ['Status'],
    },
    dateOrder: 'ymd',
    statuses: { purchase: ['CLOSED', 'ONACCOUNT_CLOSED', 'LAYBY_CLOSED'], notPurchase: ['VOIDED'] },
    amounts:
      'A `Sale` row per receipt (its total) followed by `Sale Line` rows (their own totals) in one `Total` column.',
  },
  {
    id: 'toast-check-details',
    system: 'Toast',
    sheet: 'invoices',
    source: 'https://doc.toasttab.com/0IV1p/check_details.html (CheckDetails.csv field list)',
    headers: {
      customerCode: ['Customer Id'],
      name: ['Customer'],
      phone: ['Customer Phone'],
      email: ['Customer Email'],
      date: ['Opened Date'],
      time: ['Opened Time'],
      invoiceCode: ['Check Id'],
      invoiceTotal: ['Total'],
    },
    dateOrder: 'mdy',
    amounts:
      'One row per check; `Check Id` is the unique code (`Check #` is a short number). `Location Code` is unused. ' +
      'Voids are not in this file (PaymentDetails.csv has `Void Date`; the reporting API a `checkVoidedStatus` true/false).',
  },
  {
    id: 'clover-orders',
    system: 'Clover',
    sheet: 'invoices',
    source: "Clover dashboard Orders export (Clover's help pages; header not confirmed)",
    headers: {
      date: ['Order Date'],
      invoiceCode: ['Order ID'],
      invoiceTotal: ['Order Total'],
      status: ['Order Payment State'],
      name: ['Customer Name'],
    },
    statuses: { purchase: ['Paid', 'Partially Refunded'], notPurchase: ['Refunded'] },
    amounts: 'One row per order; no customer code, phone or email (RFM needs a customer export).',
  },
  {
    id: 'sumup-transactions',
    system: 'SumUp',
    sheet: 'invoices',
    source: "SumUp transactions report (SumUp's help centre; header not confirmed)",
    headers: {
      invoiceCode: ['Transaction ID'],
      date: ['Date'],
      status: ['Status'],
      invoiceTotal: ['Total Amount'],
    },
    dateOrder: 'ymd',
    statuses: { purchase: ['Successful'], notPurchase: ['Refunded', 'Failed', 'Cancelled'] },
    amounts: 'One row per card payment; no customer columns.',
  },
  {
    id: 'zettle-purchases',
    system: 'Zettle by PayPal',
    sheet: 'invoices',
    source: "Zettle sales report, receipts (Zettle's help centre; header not confirmed)",
    headers: {
      date: ['Date'],
      time: ['Time'],
      invoiceCode: ['Receipt number'],
      invoiceTotal: ['Total'],
    },
    dateOrder: 'ymd',
    amounts: 'One row per receipt; no customer columns.',
  },
  {
    id: 'odoo-pos-orders',
    system: 'Odoo Point of Sale',
    sheet: 'invoices',
    source: 'Odoo POS Orders list view export (field labels; pos.order states)',
    headers: {
      date: ['Date'],
      invoiceCode: ['Receipt Number'],
      name: ['Customer'],
      phone: ['Customer/Phone'],
      store: ['Point of Sale'],
      invoiceTotal: ['Total'],
      status: ['Status'],
    },
    dateOrder: 'ymd',
    statuses: { purchase: ['Paid', 'Posted', 'Invoiced'], notPurchase: ['Cancelled', 'New'] },
    amounts: 'One row per order. `Order Ref` (`Shop/0001`) and `Receipt Number` both identify the order.',
  },
  {
    id: 'stripe-payments',
    system: 'Stripe',
    sheet: 'invoices',
    source: 'Stripe Payments export (unified_payments.csv), as described in public import guides',
    headers: {
      invoiceCode: ['id'],
      date: ['Created date (UTC)'],
      invoiceTotal: ['Amount'],
      status: ['Status'],
      customerCode: ['Customer ID'],
      name: ['Customer Description'],
      email: ['Customer Email'],
    },
    dateOrder: 'ymd',
    statuses: { purchase: ['Paid'], notPurchase: ['Refunded', 'Failed', 'Canceled'] },
    amounts: 'One row per payment, dates in UTC; `Amount Refunded` nets partial refunds (not read).',
  },
  {
    id: 'etsy-sold-orders',
    system: 'Etsy',
    sheet: 'invoices',
    source:
      'Etsy shop manager EtsySoldOrders CSV (date style from a public data note; columns not confirmed)',
    headers: {
      date: ['Sale Date'],
      invoiceCode: ['Order ID'],
      customerCode: ['Buyer User ID'],
      name: ['Full Name'],
      city: ['Ship City'],
      invoiceTotal: ['Order Total'],
    },
    dateOrder: 'mdy',
    amounts:
      '`Order Total` per order (`Order Value` is the items only); EtsySoldOrderItems has one row per item.',
  },
  {
    id: 'amazon-order-report',
    system: 'Amazon Seller Central',
    sheet: 'invoices',
    source: 'Amazon order report flat file (kebab-case headers as mapped by public seller tools)',
    headers: {
      invoiceCode: ['order-id'],
      date: ['purchase-date'],
      email: ['buyer-email'],
      name: ['buyer-name'],
      quantity: ['quantity-purchased'],
      lineTotal: ['item-price'],
      city: ['ship-city'],
      phone: ['ship-phone-number'],
      channel: ['sales-channel'],
    },
    dateOrder: 'ymd',
    amounts:
      'One row per order item; `item-price` is the line total (quantity × price). `buyer-email` is an ' +
      'anonymised relay address and the only customer key; `ship-city` / `ship-phone-number` describe the recipient (usually the buyer).',
  },
  {
    id: 'olist-orders',
    system: 'Olist (public e-commerce dataset)',
    sheet: 'invoices',
    source:
      'olist_orders_dataset.csv of the public Olist dataset (+ payment_value from olist_order_payments_dataset)',
    headers: {
      invoiceCode: ['order_id'],
      customerCode: ['customer_id'],
      status: ['order_status'],
      date: ['order_purchase_timestamp'],
      invoiceTotal: ['payment_value'],
    },
    dateOrder: 'ymd',
    statuses: {
      purchase: ['delivered', 'shipped', 'invoiced', 'processing', 'approved'],
      notPurchase: ['canceled', 'unavailable'],
    },
    amounts:
      'One row per order; `customer_id` is per order: the person is `customer_unique_id` in the customers file.',
  },
  {
    id: 'olist-customers',
    system: 'Olist (public e-commerce dataset)',
    sheet: 'customers',
    source: 'olist_customers_dataset.csv of the public Olist dataset',
    headers: {
      customerAlias: ['customer_id'],
      customerCode: ['customer_unique_id'],
      city: ['customer_city'],
    },
    amounts: 'One row per order: `customer_id` (per order) → `customer_unique_id` (the person).',
  },
];

/** The layouts' headers for one sheet kind, per field (merged into the header name index). */
const HEADERS_BY_KIND = new Map<SheetKind, Map<FieldId, string[]>>();

export function layoutHeaders(kind: SheetKind): Map<FieldId, string[]> {
  const known = HEADERS_BY_KIND.get(kind);
  if (known) return known;
  const byField = new Map<FieldId, string[]>();
  HEADERS_BY_KIND.set(kind, byField);
  for (const layout of LAYOUTS) {
    if (layout.sheet !== kind) continue;
    for (const [field, names] of Object.entries(layout.headers) as [FieldId, string[]][]) {
      byField.set(field, [...(byField.get(field) ?? []), ...names]);
    }
  }
  return byField;
}
