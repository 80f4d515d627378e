/**
 * Test-side descriptions of real POS / shop exports, written independently of src/core/table/layouts.ts: the
 * full header row in export order (with the many columns we do not read), title rows above it, how each column
 * we read is written (date, money, phone style, status words, walk-in marker) and whether rows are per line or
 * per order. `field` marks the columns that really mean one of our fields: detection must map exactly those.
 *
 * Sources are public documentation, help-centre pages and public code that parses the exports (see each
 * `source`); nothing third-party is copied here. Where a header row is only partly confirmed, `source` says so.
 */
import type { FieldId, SheetKind } from '../../src/core/table/fields';
import { AS_OF_UTC, vnDateCell, wallTime, type Customer, type Line, type Sale } from './purchases';

export type Cell = string | number | Date;

export interface RowContext {
  /** Undefined on a customer-sheet row. */
  sale?: Sale;
  /** Undefined on an order-level row (order grain, or Lightspeed's `Sale` row). */
  line?: Line;
  lineIndex: number;
  /** The row's customer (the sale's, or the customer-sheet row's); undefined for a walk-in sale. */
  customer?: Customer;
}

export interface Column {
  header: string;
  /** Our field this column really holds (detection must map it, and nothing else to it). */
  field?: FieldId;
  value?: (ctx: RowContext) => Cell;
  /** Order-level: blank on follow-on line rows when the export does that (`followOn: 'blank'`). */
  order?: boolean;
}

export type Grain = 'line' | 'order' | 'order+lines' | 'customer' | 'customerPerOrder';

export interface ExportSpec {
  id: string;
  system: string;
  kind: SheetKind;
  source: string;
  titleRows?: Cell[][];
  /** Rows between the header and the data (TikTok Shop's column-description row). */
  afterHeader?: Cell[][];
  footerRows?: Cell[][];
  columns: Column[];
  grain: Grain;
  /** Order-level cells on an order's second and later line rows: repeated (KiotViet) or blank (Shopify). */
  followOn?: 'repeat' | 'blank';
  /** Time zone of the shop (text dates without an offset are its wall clock). */
  timeZone: string;
  /** Money written in the export ÷ base units (0.001 for dollar layouts). */
  scale: number;
  /** Whether the export can show a cancelled invoice and a walk-in sale (drives the purchase list). */
  cancelled: boolean;
  walkIn: boolean;
  /**
   * How an engine customer is recognised: the reference the export carries for customer `c`. Absent when the
   * export names no customer by code, phone or email (no RFM possible from it alone: detection is still tested).
   */
  ref?: (c: Customer) => { code?: string; email?: string; phone?: string };
}

// ---------------------------------------------------------------------------------------------------------------
// Value styles
// ---------------------------------------------------------------------------------------------------------------

const p2 = (n: number) => String(n).padStart(2, '0');
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

type DateStyle = (daysAgo: number) => Cell;
/** `20/11/2026 10:15` */
const dmyHm: DateStyle = (a) => {
  const t = wallTime(a);
  return `${p2(t.d)}/${p2(t.m)}/${t.y} ${p2(t.hh)}:${p2(t.mm)}`;
};
/** `20/11/2026 10:15:00` */
const dmyHms: DateStyle = (a) => `${String(dmyHm(a))}:00`;
/** `20/11/2026` */
const dmy: DateStyle = (a) => {
  const t = wallTime(a);
  return `${p2(t.d)}/${p2(t.m)}/${t.y}`;
};
/** `20-11-2026 10:15` (Sapo) */
const dmyDashHm: DateStyle = (a) => String(dmyHm(a)).replace(/\//g, '-');
/** `10:15:00 20/11/2026`, time first (Vietnamese Windows locale) */
const timeFirst: DateStyle = (a) => `10:15:00 ${String(dmy(a))}`;
/** `10:15 20/11/2026` (Pancake) */
const hmDmy: DateStyle = (a) => `10:15 ${String(dmy(a))}`;
/** `2026-11-20 10:15:00` */
const ymdHms: DateStyle = (a) => {
  const t = wallTime(a);
  return `${t.y}-${p2(t.m)}-${p2(t.d)} ${p2(t.hh)}:${p2(t.mm)}:00`;
};
/** `2026-11-20 10:15` (Shopee) */
const ymdHm: DateStyle = (a) => String(ymdHms(a)).slice(0, 16);
/** `2026-11-20 10:15:00 -0500` (Shopify) */
const ymdHmsOffset: DateStyle = (a) => `${String(ymdHms(a))} -0500`;
/** `2026-11-20T10:15:00+00:00` (Amazon) */
const isoOffset: DateStyle = (a) => `${String(ymdHms(a)).replace(' ', 'T')}+00:00`;
/** `11/20/26` */
const mdyShort: DateStyle = (a) => {
  const t = wallTime(a);
  return `${t.m}/${t.d}/${String(t.y).slice(2)}`;
};
/** `11/02/26` (Toast: MM/DD/YY) */
const mmddyy: DateStyle = (a) => {
  const t = wallTime(a);
  return `${p2(t.m)}/${p2(t.d)}/${String(t.y).slice(2)}`;
};
/** `20 Nov 2026 10:15` (Lazada) */
const dMonYHm: DateStyle = (a) => {
  const t = wallTime(a);
  return `${p2(t.d)} ${MONTHS[t.m - 1]} ${t.y} ${p2(t.hh)}:${p2(t.mm)}`;
};

const NBSP = '\u00a0';
/** `180.000` */
const vnDots = (base: number) => base.toLocaleString('de-DE');
/** `180.000 ₫` with a no-break space */
const vnDong = (base: number) => `${vnDots(base)}${NBSP}₫`;
/** `180.000đ` */
const vnD = (base: number) => `${vnDots(base)}đ`;
/** `180.00` (base ÷ 1000 as dollars) */
const dec2 = (base: number) => (base / 1000).toFixed(2);

/** `0912 345 601` */
const phoneSpaced = (p: string) => `${p.slice(0, 4)} ${p.slice(4, 7)} ${p.slice(7)}`;
/** `+84 912 345 601` */
const phonePlus84 = (p: string) => `+84 ${p.slice(1, 4)} ${p.slice(4, 7)} ${p.slice(7)}`;
/** `84912345601` */
const phone84 = (p: string) => `84${p.slice(1)}`;

// Context helpers.
const sale = (ctx: RowContext) => ctx.sale!;
const cust = (ctx: RowContext, pick: (c: Customer) => Cell, walkIn: Cell = ''): Cell =>
  ctx.customer ? pick(ctx.customer) : walkIn;
const lineAmount = (ctx: RowContext) => ctx.line?.amount ?? sale(ctx).total;
const lineQty = (ctx: RowContext) => ctx.line?.quantity ?? 1;
const linePrice = (ctx: RowContext) => ctx.line?.unitPrice ?? sale(ctx).total;
const product = (ctx: RowContext) => ctx.line?.product ?? '';
const fill = (value: Cell) => () => value;
const blank = (header: string): Column => ({ header });
const blanks = (...headers: string[]): Column[] => headers.map(blank);

const kv = (n: number) => `KH${String(n).padStart(6, '0')}`;

// ---------------------------------------------------------------------------------------------------------------
// The exports
// ---------------------------------------------------------------------------------------------------------------

const kiotvietDetail: ExportSpec = {
  id: 'kiotviet-invoice-detail',
  system: 'KiotViet',
  kind: 'invoices',
  source: 'shared/pos-formats.md (DanhSachChiTietHoaDon_KV export, current layout)',
  grain: 'line',
  followOn: 'repeat',
  timeZone: 'Asia/Ho_Chi_Minh',
  scale: 1,
  cancelled: true,
  walkIn: true,
  ref: (c) => ({ code: kv(c.n) }),
  columns: [
    { header: 'Chi nhánh', field: 'store', value: fill('Chi nhánh trung tâm') },
    { header: 'Mã hóa đơn', field: 'invoiceCode', value: (x) => `HD${String(sale(x).seq).padStart(6, '0')}` },
    ...blanks('Mã vận đơn', 'Địa chỉ lấy hàng', 'Mã đối soát', 'Phí trả ĐTGH'),
    { header: 'Thời gian', field: 'date', value: (x) => vnDateCell(sale(x).daysAgo) },
    { header: 'Thời gian tạo', value: (x) => vnDateCell(sale(x).daysAgo) },
    { header: 'Ngày cập nhật', value: (x) => vnDateCell(sale(x).daysAgo) },
    ...blanks('Mã đặt hàng', 'Mã trả hàng'),
    { header: 'Mã khách hàng', field: 'customerCode', value: (x) => cust(x, (c) => kv(c.n)) },
    { header: 'Tên khách hàng', field: 'name', value: (x) => cust(x, (c) => c.nameVi, 'Khách lẻ') },
    { header: 'Email', field: 'email', value: (x) => cust(x, (c) => c.email) },
    { header: 'Điện thoại', field: 'phone', value: (x) => cust(x, (c) => c.phone) },
    { header: 'Địa chỉ (Khách hàng)', value: (x) => cust(x, () => '12 Lê Lợi') },
    { header: 'Khu vực (Khách hàng)', field: 'city', value: (x) => cust(x, (c) => `${c.cityVi} - Quận 1`) },
    ...blanks('Phường/Xã (Khách hàng)', 'Ngày sinh', 'Bảng giá'),
    { header: 'Người bán', value: fill('Thu ngân 1') },
    { header: 'Kênh bán', field: 'channel', value: fill('Bán trực tiếp') },
    { header: 'Người tạo', value: fill('admin') },
    ...blanks(
      'Đối tác giao hàng',
      'Người nhận',
      'Điện thoại (Người nhận)',
      'Địa chỉ (Người nhận)',
      'Khu vực (Người nhận)',
      'Phường/Xã (Người nhận)',
      'Dịch vụ',
      'Trọng lượng (gram)',
      'Dài',
      'Rộng',
      'Cao',
      'Ghi chú trạng thái giao hàng',
      'Ghi chú giao hàng',
      'Ghi chú',
    ),
    { header: 'Tổng tiền hàng', value: (x) => sale(x).total },
    { header: 'Giảm giá hóa đơn', value: fill(0) },
    { header: 'Thu khác', value: fill(0) },
    { header: 'Khách cần trả', field: 'invoiceTotal', value: (x) => sale(x).total },
    { header: 'Khách đã trả', value: (x) => sale(x).total },
    { header: 'Tiền mặt', value: (x) => sale(x).total },
    ...blanks('Thẻ', 'Ví', 'Chuyển khoản', 'Còn cần thu (COD)', 'Thời gian giao hàng'),
    { header: 'Trạng thái', field: 'status', value: (x) => (sale(x).cancelled ? 'Đã hủy' : 'Hoàn thành') },
    blank('Trạng thái giao hàng'),
    { header: 'Mã hàng', value: (x) => `SP${x.lineIndex + 1}` },
    { header: 'Tên hàng', value: product },
    ...blanks('Thương hiệu'),
    { header: 'ĐVT', value: fill('Ly') },
    blank('Ghi chú hàng hóa'),
    { header: 'Số lượng', field: 'quantity', value: lineQty },
    { header: 'Đơn giá', value: linePrice },
    { header: 'Giảm giá %', value: fill(0) },
    { header: 'Giảm giá', value: fill(0) },
    { header: 'Giá bán', field: 'unitPrice', value: linePrice },
    { header: 'Thành tiền', field: 'lineTotal', value: lineAmount },
  ],
};

const kiotvietList: ExportSpec = {
  id: 'kiotviet-invoice-list',
  system: 'KiotViet',
  kind: 'invoices',
  source:
    'shared/pos-formats.md (DanhSachHoaDon_KV export; column order not confirmed); dates pasted as text',
  grain: 'order',
  timeZone: 'Asia/Ho_Chi_Minh',
  scale: 1,
  cancelled: true,
  walkIn: true,
  ref: (c) => ({ code: kv(c.n) }),
  columns: [
    { header: 'Chi nhánh', field: 'store', value: fill('Chi nhánh trung tâm') },
    { header: 'Mã hóa đơn', field: 'invoiceCode', value: (x) => `HD${String(sale(x).seq).padStart(6, '0')}` },
    { header: 'Thời gian', field: 'date', value: (x) => dmyHms(sale(x).daysAgo) },
    { header: 'Thời gian tạo', value: (x) => dmyHms(sale(x).daysAgo) },
    { header: 'Mã khách hàng', field: 'customerCode', value: (x) => cust(x, (c) => kv(c.n)) },
    { header: 'Tên khách hàng', field: 'name', value: (x) => cust(x, (c) => c.nameVi, 'Khách lẻ') },
    { header: 'Người bán', value: fill('Thu ngân 1') },
    { header: 'Kênh bán', field: 'channel', value: fill('Bán trực tiếp') },
    { header: 'Người tạo', value: fill('admin') },
    blank('Ghi chú'),
    { header: 'Tổng tiền hàng', value: (x) => sale(x).total },
    { header: 'Giảm giá hóa đơn', value: fill(0) },
    { header: 'Khách cần trả', field: 'invoiceTotal', value: (x) => sale(x).total },
    { header: 'Khách đã trả', value: (x) => sale(x).total },
    { header: 'Trạng thái', field: 'status', value: (x) => (sale(x).cancelled ? 'Đã hủy' : 'Hoàn thành') },
  ],
};

const lastPurchase = (c: Customer) => vnDateCell(c.recency);
const kiotvietCustomers: ExportSpec = {
  id: 'kiotviet-customers',
  system: 'KiotViet',
  kind: 'customers',
  source: 'shared/pos-formats.md (DanhSachKhachHang_KV export, current layout)',
  grain: 'customer',
  timeZone: 'Asia/Ho_Chi_Minh',
  scale: 1,
  cancelled: false,
  walkIn: false,
  ref: (c) => ({ code: kv(c.n) }),
  columns: [
    { header: 'Loại khách', value: fill('Cá nhân') },
    { header: 'Chi nhánh tạo', value: fill('Chi nhánh trung tâm') },
    { header: 'Mã khách hàng', field: 'customerCode', value: (x) => kv(x.customer!.n) },
    { header: 'Tên khách hàng', field: 'name', value: (x) => x.customer!.nameVi },
    { header: 'Điện thoại', field: 'phone', value: (x) => x.customer!.phone },
    { header: 'Địa chỉ', value: fill('12 Lê Lợi') },
    { header: 'Khu vực giao hàng', field: 'city', value: (x) => `${x.customer!.cityVi} - Quận 1` },
    ...blanks('Phường/Xã', 'Công ty', 'Mã số thuế', 'Số CMND/CCCD'),
    {
      header: 'Ngày sinh',
      field: 'birthDate',
      value: (x) => new Date(Date.UTC(1990, x.customer!.n - 1, 15)),
    },
    { header: 'Giới tính', field: 'gender', value: (x) => (x.customer!.n % 2 ? 'Nữ' : 'Nam') },
    { header: 'Email', field: 'email', value: (x) => x.customer!.email },
    blank('Facebook'),
    {
      header: 'Nhóm khách hàng',
      field: 'tier',
      value: (x) => (x.customer!.spend >= 450_000 ? 'VIP' : 'Thường'),
    },
    // A free note, which shops use as tags (fields.ts reads `Ghi chú` as tags).
    { header: 'Ghi chú', field: 'tags', value: (x) => (x.customer!.n % 3 === 0 ? 'thích trà' : '') },
    { header: 'Điểm hiện tại', field: 'points', value: (x) => x.customer!.spend / 10_000 },
    { header: 'Tổng điểm', value: (x) => x.customer!.spend / 10_000 },
    { header: 'Người tạo', value: fill('admin') },
    { header: 'Ngày tạo', field: 'registeredDate', value: () => new Date(Date.UTC(2025, 0, 1, 3)) },
    {
      header: 'Ngày giao dịch cuối',
      field: 'lastPurchaseDate',
      value: (x) => (x.customer!.invoices ? lastPurchase(x.customer!) : ''),
    },
    { header: 'Số ngày nợ', value: fill(0) },
    { header: 'Nợ cần thu hiện tại', value: fill(0) },
    { header: 'Tổng bán', value: (x) => x.customer!.spend },
    { header: 'Tổng bán trừ trả hàng', field: 'totalSpent', value: (x) => x.customer!.spend },
    { header: 'Trạng thái', value: fill(1) },
  ],
};

const sapoOrders: ExportSpec = {
  id: 'sapo-orders',
  system: 'Sapo',
  kind: 'invoices',
  source:
    'shared/pos-formats.md (four title rows, header on row 5, STT on the first row of an order, statuses, ' +
    '`Ngày hoàn thành` DD-MM-YYYY HH:MM); order-level cells only on the first row as in the import template ' +
    '(https://support.sapo.vn/them-moi-don-hang-bang-file-excel-pos); other columns not confirmed',
  titleRows: [
    ['DANH SÁCH ĐƠN HÀNG'],
    ['Cửa hàng: Sapo Demo'],
    ['Từ ngày 01-01-2026 đến ngày 22-11-2026'],
    [''],
  ],
  grain: 'line',
  followOn: 'blank',
  timeZone: 'Asia/Ho_Chi_Minh',
  scale: 1,
  cancelled: true,
  walkIn: true,
  ref: (c) => ({ code: `CUZN${String(c.n).padStart(5, '0')}` }),
  columns: [
    { header: 'STT', order: true, value: (x) => sale(x).seq },
    {
      header: 'Mã đơn hàng',
      field: 'invoiceCode',
      value: (x) => `SON${String(sale(x).seq).padStart(5, '0')}`,
    },
    { header: 'Ngày tạo đơn', field: 'date', order: true, value: (x) => dmyDashHm(sale(x).daysAgo) },
    {
      header: 'Ngày hoàn thành',
      order: true,
      value: (x) => (sale(x).cancelled ? '' : dmyDashHm(sale(x).daysAgo)),
    },
    { header: 'Nguồn', field: 'channel', order: true, value: (x) => (x.customer ? 'Facebook' : 'POS') },
    { header: 'Chi nhánh', field: 'store', order: true, value: fill('Cửa hàng chính') },
    {
      header: 'Trạng thái đơn hàng',
      field: 'status',
      order: true,
      value: (x) => (sale(x).cancelled ? 'Đã hủy' : 'Đã hoàn thành'),
    },
    { header: 'Trạng thái thanh toán', order: true, value: fill('Đã thanh toán') },
    { header: 'Trạng thái giao hàng', order: true, value: fill('Đã giao hàng') },
    {
      header: 'Mã khách hàng',
      field: 'customerCode',
      order: true,
      value: (x) => cust(x, (c) => `CUZN${String(c.n).padStart(5, '0')}`),
    },
    {
      header: 'Tên khách hàng',
      field: 'name',
      order: true,
      value: (x) => cust(x, (c) => c.nameVi, 'Khách lẻ'),
    },
    {
      header: 'Số điện thoại',
      field: 'phone',
      order: true,
      value: (x) => cust(x, (c) => phoneSpaced(c.phone)),
    },
    { header: 'Email', field: 'email', order: true, value: (x) => cust(x, (c) => c.email) },
    blank('Địa chỉ giao hàng'),
    { header: 'Tỉnh/Thành phố', field: 'city', order: true, value: (x) => cust(x, (c) => c.cityVi) },
    { header: 'Mã SKU', value: (x) => `SKU${x.lineIndex + 1}` },
    { header: 'Tên sản phẩm', value: product },
    { header: 'Số lượng', field: 'quantity', value: lineQty },
    { header: 'Đơn giá', field: 'unitPrice', value: (x) => vnDots(linePrice(x)) },
    { header: 'Chiết khấu sản phẩm', value: fill('0') },
    { header: 'Thành tiền', field: 'lineTotal', value: (x) => vnDots(lineAmount(x)) },
    { header: 'Chiết khấu đơn hàng', order: true, value: fill('0') },
    { header: 'Phí giao hàng', order: true, value: fill('0') },
    { header: 'Tổng tiền', field: 'invoiceTotal', order: true, value: (x) => vnDots(sale(x).total) },
    blank('Ghi chú'),
    blank('Tags'),
  ],
};

const haravanOrders: ExportSpec = {
  id: 'haravan-orders',
  system: 'Haravan',
  kind: 'invoices',
  source:
    'shared/pos-formats.md (known columns, `#` codes, `<phone>@vn.phone`); statuses from ' +
    'https://support.haravan.com/support/solutions/articles/42000084770; other columns and their order not confirmed',
  grain: 'line',
  followOn: 'blank',
  timeZone: 'Asia/Ho_Chi_Minh',
  scale: 1,
  cancelled: true,
  walkIn: true,
  ref: (c) => ({ phone: c.phone }),
  columns: [
    { header: 'Mã đơn hàng', field: 'invoiceCode', value: (x) => `#${1000 + sale(x).seq}` },
    { header: 'Ngày đặt hàng', field: 'date', order: true, value: (x) => dmyHms(sale(x).daysAgo) },
    {
      header: 'Trạng thái đơn hàng',
      field: 'status',
      order: true,
      value: (x) => (sale(x).cancelled ? 'Đã hủy' : 'Hoàn thành'),
    },
    { header: 'Trạng thái thanh toán', order: true, value: fill('Đã thanh toán') },
    { header: 'Trạng thái giao hàng', order: true, value: fill('Đã giao hàng') },
    { header: 'Kênh bán hàng', field: 'channel', order: true, value: (x) => (x.customer ? 'Web' : 'POS') },
    { header: 'Chi nhánh', field: 'store', order: true, value: fill('Kho tổng') },
    { header: 'Tên người thanh toán', field: 'name', order: true, value: (x) => cust(x, (c) => c.nameVi) },
    // Customers without an email get a made-up `<phone>@vn.phone` address: not an email.
    { header: 'Email', field: 'email', order: true, value: (x) => cust(x, (c) => `${c.phone}@vn.phone`) },
    {
      header: 'Số điện thoại thanh toán',
      field: 'phone',
      order: true,
      value: (x) => cust(x, (c) => c.phone),
    },
    { header: 'Tên người nhận', order: true, value: (x) => cust(x, (c) => c.nameVi) },
    { header: 'Số điện thoại', order: true, value: (x) => cust(x, (c) => phone84(c.phone)) },
    blank('Địa chỉ nhận hàng'),
    { header: 'Tỉnh/Thành phố', field: 'city', order: true, value: (x) => cust(x, (c) => c.cityVi) },
    { header: 'Phương thức thanh toán', order: true, value: fill('COD') },
    { header: 'Mã sản phẩm', value: (x) => `SP${x.lineIndex + 1}` },
    { header: 'Tên sản phẩm', value: product },
    { header: 'Số lượng sản phẩm', field: 'quantity', value: lineQty },
    { header: 'Giá sản phẩm', field: 'unitPrice', value: linePrice },
    { header: 'Phí vận chuyển', order: true, value: fill(0) },
    { header: 'Giảm giá', order: true, value: fill(0) },
    { header: 'Tổng cộng', field: 'invoiceTotal', order: true, value: (x) => sale(x).total },
    blank('Ghi chú'),
  ],
};

const iposSales: ExportSpec = {
  id: 'ipos-invoices',
  system: 'iPOS',
  kind: 'invoices',
  source:
    'iPOS.vn report pages (http://ipos.vn/docs/pos-mobile/menu-chuc-nang-chinh/bao-cao/: order list with ' +
    'invoice number, totals, refunded orders); the column names here are not confirmed against a file',
  titleRows: [['BÁO CÁO CHI TIẾT HÓA ĐƠN'], ['Từ ngày 01/01/2026 đến ngày 22/11/2026'], ['Cửa hàng: Tất cả']],
  grain: 'order',
  timeZone: 'Asia/Ho_Chi_Minh',
  scale: 1,
  cancelled: true,
  walkIn: true,
  ref: (c) => ({ code: `TV${String(c.n).padStart(4, '0')}` }),
  columns: [
    { header: 'STT', value: (x) => sale(x).seq },
    { header: 'Cửa hàng', field: 'store', value: fill('iPOS Quận 3') },
    { header: 'Số hóa đơn', field: 'invoiceCode', value: (x) => `PC${String(sale(x).seq).padStart(5, '0')}` },
    { header: 'Ngày', field: 'date', value: (x) => dmy(sale(x).daysAgo) },
    { header: 'Giờ vào', value: fill('09:40') },
    { header: 'Giờ ra', field: 'time', value: fill('10:15') },
    { header: 'Bàn', value: fill('B05') },
    // A floor of the restaurant (`Tầng 1`), not the customer's city.
    { header: 'Khu vực', value: fill('Tầng 1') },
    { header: 'Nhân viên thu ngân', value: fill('Thu ngân 2') },
    {
      header: 'Mã thẻ thành viên',
      field: 'customerCode',
      value: (x) => cust(x, (c) => `TV${String(c.n).padStart(4, '0')}`),
    },
    { header: 'Tên khách hàng', field: 'name', value: (x) => cust(x, (c) => c.nameVi, 'Khách lẻ') },
    { header: 'Số điện thoại', field: 'phone', value: (x) => cust(x, (c) => phoneSpaced(c.phone)) },
    { header: 'Tổng tiền hàng', value: (x) => vnDots(sale(x).total) },
    { header: 'Chiết khấu', value: fill('0') },
    { header: 'Phí dịch vụ', value: fill('0') },
    { header: 'Thuế VAT', value: fill('0') },
    { header: 'Tổng thanh toán', field: 'invoiceTotal', value: (x) => vnDots(sale(x).total) },
    { header: 'Hình thức thanh toán', value: fill('Tiền mặt') },
    { header: 'Nguồn đơn', field: 'channel', value: fill('Tại quầy') },
    { header: 'Trạng thái', field: 'status', value: (x) => (sale(x).cancelled ? 'Đã hủy' : 'Đã thanh toán') },
  ],
};

const cukcukInvoices: ExportSpec = {
  id: 'misa-cukcuk-invoices',
  system: 'MISA CukCuk',
  kind: 'invoices',
  source:
    'MISA CukCuk invoice list report as shops paste it; the column names are not confirmed against a file. ' +
    'Time-first date-time text as the Vietnamese locale prints it: shared/pos-formats.md (Values: Dates)',
  titleRows: [['NHÀ HÀNG DEMO'], ['DANH SÁCH HÓA ĐƠN'], ['Từ ngày 01/01/2026 đến ngày 22/11/2026'], ['']],
  footerRows: [['', 'Tổng cộng', '', '', '', '', '', '', '', '', '', '', '', 2_599_000]],
  grain: 'order',
  timeZone: 'Asia/Ho_Chi_Minh',
  scale: 1,
  cancelled: true,
  walkIn: true,
  ref: (c) => ({ phone: c.phone }),
  columns: [
    { header: 'STT', value: (x) => sale(x).seq },
    { header: 'Số hóa đơn', field: 'invoiceCode', value: (x) => `HĐ${String(sale(x).seq).padStart(6, '0')}` },
    { header: 'Thời gian', field: 'date', value: (x) => timeFirst(sale(x).daysAgo) },
    { header: 'Giờ vào', field: 'time', value: fill('09:40') },
    { header: 'Bàn', value: fill('5') },
    { header: 'Số khách', value: fill(2) },
    { header: 'Khách hàng', field: 'name', value: (x) => cust(x, (c) => c.nameVi, 'Khách lẻ') },
    { header: 'Điện thoại', field: 'phone', value: (x) => cust(x, (c) => phone84(c.phone)) },
    { header: 'Tiền hàng', value: (x) => sale(x).total },
    { header: 'Tiền giảm giá', value: fill(0) },
    { header: 'Phí dịch vụ', value: fill(0) },
    { header: 'Tiền thuế', value: fill(0) },
    { header: 'Hình thức phục vụ', field: 'channel', value: (x) => (x.customer ? 'Tại bàn' : 'Mang về') },
    { header: 'Tổng tiền', field: 'invoiceTotal', value: (x) => sale(x).total },
    { header: 'Thu ngân', value: fill('Thu ngân 1') },
    { header: 'Trạng thái', field: 'status', value: (x) => (sale(x).cancelled ? 'Đã hủy' : 'Đã thanh toán') },
  ],
};

const nhanhOrders: ExportSpec = {
  id: 'nhanh-orders',
  system: 'Nhanh.vn',
  kind: 'invoices',
  source:
    'https://pos.manual.nhanh.vn/pos/don-hang/danh-sach-don-hang/danh-sach-don-hang (order types incl. ' +
    '`Mua tại quầy`, statuses `Thành công` / `Khách hủy`); column names not confirmed against a file',
  grain: 'line',
  followOn: 'repeat',
  timeZone: 'Asia/Ho_Chi_Minh',
  scale: 1,
  cancelled: true,
  walkIn: true,
  ref: (c) => ({ phone: c.phone }),
  columns: [
    { header: 'Mã đơn hàng', field: 'invoiceCode', value: (x) => String(80_000_000 + sale(x).seq) },
    blank('Mã đơn kênh'),
    { header: 'Ngày tạo', field: 'date', value: (x) => dmyHm(sale(x).daysAgo) },
    { header: 'Kho hàng', field: 'store', value: fill('Kho Hà Nội') },
    { header: 'Loại đơn', value: (x) => (x.customer ? 'Giao hàng tận nhà' : 'Mua tại quầy') },
    { header: 'Nguồn đơn', field: 'channel', value: fill('Facebook') },
    { header: 'Tên khách hàng', field: 'name', value: (x) => cust(x, (c) => c.nameVi, 'Khách lẻ') },
    { header: 'Điện thoại', field: 'phone', value: (x) => cust(x, (c) => c.phone) },
    { header: 'Email', field: 'email', value: (x) => cust(x, (c) => c.email) },
    blank('Địa chỉ'),
    { header: 'Tỉnh/Thành phố', field: 'city', value: (x) => cust(x, (c) => c.cityVi) },
    blank('Quận/Huyện'),
    { header: 'Mã sản phẩm', value: (x) => `SP${x.lineIndex + 1}` },
    { header: 'Tên sản phẩm', value: product },
    { header: 'Số lượng', field: 'quantity', value: lineQty },
    { header: 'Giá bán', field: 'unitPrice', value: linePrice },
    { header: 'Thành tiền', field: 'lineTotal', value: lineAmount },
    { header: 'Phí vận chuyển', value: fill(0) },
    { header: 'Chiết khấu', value: fill(0) },
    { header: 'Tổng tiền', field: 'invoiceTotal', value: (x) => sale(x).total },
    { header: 'Trạng thái', field: 'status', value: (x) => (sale(x).cancelled ? 'Khách hủy' : 'Thành công') },
    blank('Ghi chú'),
  ],
};

const pancakeOrders: ExportSpec = {
  id: 'pancake-orders',
  system: 'Pancake POS',
  kind: 'invoices',
  source:
    'https://docs.pancake.vn (order creation: customer, products, payment, source); statuses `Đã nhận`, ' +
    '`Đã hủy`, `Đã hoàn`; column names and the time-first date not confirmed against a file',
  grain: 'line',
  followOn: 'blank',
  timeZone: 'Asia/Ho_Chi_Minh',
  scale: 1,
  cancelled: true,
  walkIn: false,
  ref: (c) => ({ phone: c.phone }),
  columns: [
    { header: 'Mã đơn hàng', field: 'invoiceCode', value: (x) => String(sale(x).seq) },
    { header: 'Thời gian tạo đơn', field: 'date', order: true, value: (x) => hmDmy(sale(x).daysAgo) },
    { header: 'Nguồn đơn', field: 'channel', order: true, value: fill('Facebook') },
    { header: 'Trang', order: true, value: fill('Shop Demo') },
    { header: 'Khách hàng', field: 'name', order: true, value: (x) => cust(x, (c) => c.nameVi) },
    {
      header: 'Số điện thoại',
      field: 'phone',
      order: true,
      value: (x) => cust(x, (c) => phonePlus84(c.phone)),
    },
    blank('Địa chỉ'),
    { header: 'Tỉnh/Thành phố', field: 'city', order: true, value: (x) => cust(x, (c) => c.cityVi) },
    { header: 'Mã sản phẩm', value: (x) => `SP${x.lineIndex + 1}` },
    { header: 'Sản phẩm', value: product },
    { header: 'Số lượng', field: 'quantity', value: lineQty },
    { header: 'Đơn giá', field: 'unitPrice', value: (x) => vnDong(linePrice(x)) },
    { header: 'Thành tiền', field: 'lineTotal', value: (x) => vnDong(lineAmount(x)) },
    { header: 'Phí vận chuyển', order: true, value: fill('0') },
    { header: 'Giảm giá', order: true, value: fill('0') },
    { header: 'Tổng tiền', field: 'invoiceTotal', order: true, value: (x) => vnDong(sale(x).total) },
    { header: 'Tiền chuyển khoản', order: true, value: fill('0') },
    { header: 'COD', order: true, value: (x) => vnDots(sale(x).total) },
    {
      header: 'Trạng thái',
      field: 'status',
      order: true,
      value: (x) => (sale(x).cancelled ? 'Đã hủy' : 'Đã nhận'),
    },
    blank('Thẻ'),
    blank('Ghi chú'),
  ],
};

const shopeeOrders: ExportSpec = {
  id: 'shopee-orders',
  system: 'Shopee (seller centre)',
  kind: 'invoices',
  source:
    'public code parsing a real Shopee `Order.toship`/`Order.all` xlsx (SHOPEE_ORDER_COLUMNS, found via the ' +
    'code search): headers verbatim, the two `Tổng số tiền … thanh toán` columns differ only in the case of ' +
    '`Người` (per line / per order, repeated), buyer name, phone and address masked, dates `2026-01-01 00:01`, ' +
    "plain VND numbers; the column order here is the parser's, not confirmed",
  grain: 'line',
  followOn: 'repeat',
  timeZone: 'Asia/Ho_Chi_Minh',
  scale: 1,
  cancelled: true,
  walkIn: false,
  ref: (c) => ({ code: `buyer_${c.first.toLowerCase()}${c.n}`.toUpperCase() }),
  columns: [
    {
      header: 'Mã đơn hàng',
      field: 'invoiceCode',
      value: (x) => `261120${String(sale(x).seq).padStart(8, '0')}`,
    },
    { header: 'Mã Kiện Hàng', value: (x) => `PK${sale(x).seq}` },
    { header: 'Ngày đặt hàng', field: 'date', value: (x) => ymdHm(sale(x).daysAgo) },
    {
      header: 'Trạng Thái Đơn Hàng',
      field: 'status',
      value: (x) => (sale(x).cancelled ? 'Đã hủy' : 'Hoàn thành'),
    },
    blank('Nhận xét từ Người mua'),
    { header: 'Mã vận đơn', value: (x) => `SPXVN${sale(x).seq}` },
    { header: 'Đơn Vị Vận Chuyển', value: fill('SPX Express') },
    { header: 'Ngày giao hàng dự kiến', value: (x) => ymdHm(sale(x).daysAgo - 3) },
    { header: 'SKU sản phẩm', value: (x) => `SKU${x.lineIndex + 1}` },
    { header: 'Tên sản phẩm', value: product },
    blank('SKU phân loại hàng'),
    blank('Tên phân loại hàng'),
    { header: 'Giá ưu đãi', field: 'unitPrice', value: linePrice },
    { header: 'Số lượng', field: 'quantity', value: lineQty },
    { header: 'Tổng số tiền Người mua thanh toán', field: 'lineTotal', value: lineAmount },
    { header: 'Phí vận chuyển mà người mua trả', value: fill(0) },
    { header: 'Tổng số tiền người mua thanh toán', field: 'invoiceTotal', value: (x) => sale(x).total },
    // The buyer's Shopee username: the only stable reference to the person.
    {
      header: 'Người Mua',
      field: 'customerCode',
      value: (x) => cust(x, (c) => `buyer_${c.first.toLowerCase()}${c.n}`),
    },
    { header: 'Tên Người nhận', value: (x) => cust(x, (c) => `${c.nameVi.slice(0, 1)}*****`) },
    // Masked in this export: still the phone column, but no key.
    { header: 'Số điện thoại', field: 'phone', value: (x) => cust(x, (c) => `84******${c.phone.slice(-2)}`) },
    { header: 'Tỉnh/Thành phố', field: 'city', value: (x) => cust(x, (c) => c.cityVi) },
    blank('TP / Quận / Huyện'),
    blank('Quận'),
    { header: 'Địa chỉ nhận hàng', value: fill('******') },
    blank('Ghi chú'),
  ],
};

const lazadaOrders: ExportSpec = {
  id: 'lazada-orders',
  system: 'Lazada (seller centre)',
  kind: 'invoices',
  source:
    "Lazada seller-centre order export as parsed in public sellers' scripts (one row per order item, camelCase " +
    'headers, `createTime` like `20 Nov 2026 10:15`); header subset and order from memory of such exports, ' +
    'not confirmed against a file here',
  grain: 'line',
  followOn: 'repeat',
  timeZone: 'Asia/Ho_Chi_Minh',
  scale: 1,
  cancelled: true,
  walkIn: false,
  ref: (c) => ({ phone: c.phone }),
  columns: [
    { header: 'orderItemId', value: (x) => `${sale(x).seq}0${x.lineIndex}` },
    { header: 'orderType', value: fill('Normal') },
    { header: 'Guarantee', value: fill('') },
    { header: 'deliveryType', value: fill('dropship') },
    { header: 'lazadaId', value: (x) => `LZ${x.lineIndex}` },
    { header: 'sellerSku', value: (x) => `SKU${x.lineIndex + 1}` },
    { header: 'lazadaSku', value: (x) => `LSKU${x.lineIndex + 1}` },
    { header: 'wareHouse', value: fill('Dropshipping') },
    { header: 'createTime', field: 'date', value: (x) => dMonYHm(sale(x).daysAgo) },
    { header: 'updateTime', value: (x) => dMonYHm(Math.max(0, sale(x).daysAgo - 1)) },
    { header: 'orderNumber', field: 'invoiceCode', value: (x) => String(500_000_000 + sale(x).seq) },
    { header: 'customerName', field: 'name', value: (x) => cust(x, (c) => c.nameVi) },
    { header: 'customerEmail', field: 'email', value: (x) => cust(x, (c) => c.email) },
    { header: 'shippingName', value: (x) => cust(x, (c) => c.nameVi) },
    blank('shippingAddress'),
    { header: 'shippingPhone', value: (x) => cust(x, (c) => phone84(c.phone)) },
    { header: 'shippingCity', value: (x) => cust(x, (c) => c.cityVi) },
    { header: 'billingName', value: (x) => cust(x, (c) => c.nameVi) },
    blank('billingAddr'),
    { header: 'billingPhone', field: 'phone', value: (x) => cust(x, (c) => phone84(c.phone)) },
    { header: 'billingCity', field: 'city', value: (x) => cust(x, (c) => c.cityVi) },
    { header: 'payMethod', value: fill('COD') },
    // One row per unit: quantity is always 1 and there is no quantity column.
    { header: 'paidPrice', field: 'lineTotal', value: lineAmount },
    { header: 'unitPrice', field: 'unitPrice', value: linePrice },
    { header: 'sellerDiscountTotal', value: fill(0) },
    { header: 'shippingFee', value: fill(0) },
    { header: 'itemName', value: product },
    blank('variation'),
    { header: 'shippingProvider', value: fill('LEX VN') },
    { header: 'trackingCode', value: (x) => `LZVN${sale(x).seq}` },
    { header: 'status', field: 'status', value: (x) => (sale(x).cancelled ? 'canceled' : 'delivered') },
  ],
};

const tiktokOrders: ExportSpec = {
  id: 'tiktok-shop-orders',
  system: 'TikTok Shop (seller centre)',
  kind: 'invoices',
  source:
    'public code typing a TikTok Shop order export row (jeffpham2906/JP-Manager server/types/order.d.ts): ' +
    'headers and their order; `Created Time` DD/MM/YYYY HH:MM:SS per public import code for the OrderSKUList ' +
    'export (US shops get `12/15/2025 9:30:33 AM`, Brazil `BRL 35,91` money); the description row under the ' +
    'header as in downloaded CSVs (not confirmed here)',
  afterHeader: [['Platform unique order ID.', 'Current order status.', 'Sub-status.']],
  grain: 'line',
  followOn: 'repeat',
  timeZone: 'Asia/Ho_Chi_Minh',
  scale: 1,
  cancelled: true,
  walkIn: false,
  ref: (c) => ({ code: `tt_${c.first.toLowerCase()}`.toUpperCase() }),
  columns: [
    { header: 'Order ID', field: 'invoiceCode', value: (x) => String(576_000_000_000 + sale(x).seq) },
    {
      header: 'Order Status',
      field: 'status',
      value: (x) => (sale(x).cancelled ? 'Cancelled' : 'Completed'),
    },
    blank('Order Substatus'),
    { header: 'Cancelation/Return Type', value: (x) => (sale(x).cancelled ? 'Cancel' : '') },
    { header: 'Normal or Pre-order', value: fill('Normal') },
    { header: 'SKU ID', value: (x) => `17${x.lineIndex}` },
    { header: 'Seller SKU', value: (x) => `SKU${x.lineIndex + 1}` },
    { header: 'Product Name', value: product },
    blank('Variation'),
    { header: 'Quantity', field: 'quantity', value: lineQty },
    { header: 'Sku Quantity of return', value: fill(0) },
    // The list price before discounts: not what the buyer paid per unit.
    { header: 'SKU Unit Original Price', value: linePrice },
    { header: 'SKU Subtotal Before Discount', value: lineAmount },
    { header: 'SKU Platform Discount', value: fill(0) },
    { header: 'SKU Seller Discount', value: fill(0) },
    { header: 'SKU Subtotal After Discount', field: 'lineTotal', value: lineAmount },
    { header: 'Shipping Fee After Discount', value: fill(0) },
    { header: 'Original Shipping Fee', value: fill(0) },
    { header: 'Shipping Fee Seller Discount', value: fill(0) },
    { header: 'Shipping Fee Platform Discount', value: fill(0) },
    { header: 'Payment platform discount', value: fill(0) },
    { header: 'Taxes', value: fill(0) },
    { header: 'Order Amount', field: 'invoiceTotal', value: (x) => sale(x).total },
    { header: 'Order Refund Amount', value: fill(0) },
    { header: 'Created Time', field: 'date', value: (x) => dmyHms(sale(x).daysAgo) },
    { header: 'Paid Time', value: (x) => dmyHms(sale(x).daysAgo) },
    ...blanks('RTS Time', 'Shipped Time', 'Delivered Time', 'Cancelled Time', 'Cancel By', 'Cancel Reason'),
    { header: 'Fulfillment Type', value: fill('Fulfillment by seller') },
    { header: 'Warehouse Name', value: fill('Kho HCM') },
    { header: 'Tracking ID', value: (x) => `TT${sale(x).seq}` },
    { header: 'Delivery Option', value: fill('Standard') },
    { header: 'Shipping Provider Name', value: fill('J&T Express') },
    blank('Buyer Message'),
    {
      header: 'Buyer Username',
      field: 'customerCode',
      value: (x) => cust(x, (c) => `tt_${c.first.toLowerCase()}`),
    },
    { header: 'Recipient', value: (x) => cust(x, (c) => `${c.first.slice(0, 1)}***`) },
    {
      header: 'Phone #',
      field: 'phone',
      value: (x) => cust(x, (c) => `(+84)${c.phone.slice(1, 3)}*****${c.phone.slice(-2)}`),
    },
    { header: 'Country', value: fill('Việt Nam') },
    { header: 'Province', field: 'city', value: (x) => cust(x, (c) => c.cityVi) },
    ...blanks('District', 'Commune', 'Detail Address', 'Additional address information'),
    { header: 'Payment Method', value: fill('COD') },
    { header: 'Weight(kg)', value: fill(0.3) },
    { header: 'Product Category', value: fill('Đồ uống') },
    { header: 'Package ID', value: (x) => `PKG${sale(x).seq}` },
    ...blanks('Seller Note', 'Checked Status', 'Checked Marked by'),
  ],
};

const SHOPIFY_TAIL = [
  'Lineitem compare at price',
  'Lineitem sku',
  'Lineitem requires shipping',
  'Lineitem taxable',
  'Lineitem fulfillment status',
];
const shopifyOrders: ExportSpec = {
  id: 'shopify-orders',
  system: 'Shopify',
  kind: 'invoices',
  source:
    'shared/pos-formats.md (orders_export_1.csv); https://help.shopify.com/manual/orders/export-orders and the ' +
    'Transporter orders CSV column page (Financial Status values)',
  grain: 'line',
  followOn: 'blank',
  timeZone: 'America/New_York',
  scale: 0.001,
  cancelled: true,
  walkIn: true,
  ref: (c) => ({ email: c.email }),
  columns: [
    { header: 'Name', field: 'invoiceCode', value: (x) => `#${1400 + sale(x).seq}` },
    { header: 'Email', field: 'email', value: (x) => cust(x, (c) => c.email) },
    {
      header: 'Financial Status',
      field: 'status',
      order: true,
      value: (x) => (sale(x).cancelled ? 'voided' : 'paid'),
    },
    {
      header: 'Paid at',
      order: true,
      value: (x) => (sale(x).cancelled ? '' : ymdHmsOffset(sale(x).daysAgo)),
    },
    { header: 'Fulfillment Status', order: true, value: fill('fulfilled') },
    { header: 'Fulfilled at', order: true, value: (x) => ymdHmsOffset(sale(x).daysAgo) },
    { header: 'Accepts Marketing', order: true, value: fill('no') },
    { header: 'Currency', order: true, value: fill('USD') },
    { header: 'Subtotal', order: true, value: (x) => dec2(sale(x).total) },
    { header: 'Shipping', order: true, value: fill('0.00') },
    { header: 'Taxes', order: true, value: fill('0.00') },
    { header: 'Total', field: 'invoiceTotal', order: true, value: (x) => dec2(sale(x).total) },
    blank('Discount Code'),
    { header: 'Discount Amount', order: true, value: fill('0.00') },
    { header: 'Shipping Method', order: true, value: fill('Standard') },
    { header: 'Created at', field: 'date', order: true, value: (x) => ymdHmsOffset(sale(x).daysAgo) },
    { header: 'Lineitem quantity', field: 'quantity', value: lineQty },
    { header: 'Lineitem name', value: product },
    { header: 'Lineitem price', field: 'unitPrice', value: (x) => dec2(linePrice(x)) },
    ...SHOPIFY_TAIL.map(blank),
    {
      header: 'Billing Name',
      field: 'name',
      order: true,
      value: (x) => cust(x, (c) => `${c.first} ${c.last}`),
    },
    ...blanks('Billing Street', 'Billing Address1', 'Billing Address2', 'Billing Company'),
    { header: 'Billing City', field: 'city', order: true, value: (x) => cust(x, (c) => c.cityEn) },
    ...blanks('Billing Zip', 'Billing Province', 'Billing Country'),
    {
      header: 'Billing Phone',
      field: 'phone',
      order: true,
      value: (x) => cust(x, (c) => `'+1 617-555-01${String(c.n).padStart(2, '0')}`),
    },
    ...blanks(
      'Shipping Name',
      'Shipping Street',
      'Shipping Address1',
      'Shipping Address2',
      'Shipping Company',
      'Shipping City',
      'Shipping Zip',
      'Shipping Province',
      'Shipping Country',
      'Shipping Phone',
      'Notes',
      'Note Attributes',
    ),
    {
      header: 'Cancelled at',
      order: true,
      value: (x) => (sale(x).cancelled ? ymdHmsOffset(sale(x).daysAgo) : ''),
    },
    { header: 'Payment Method', order: true, value: fill('Shopify Payments') },
    blank('Payment Reference'),
    { header: 'Refunded Amount', order: true, value: fill('0.00') },
    { header: 'Vendor', value: fill('Demo Shop') },
    { header: 'Outstanding Balance', order: true, value: fill('0.00') },
    blank('Employee'),
    {
      header: 'Location',
      field: 'store',
      order: true,
      value: (x) => (x.customer ? '' : 'Main Street Store'),
    },
    blank('Device ID'),
    { header: 'Id', order: true, value: (x) => `'${5_000_000_000 + sale(x).seq}` },
    blank('Tags'),
    { header: 'Risk Level', order: true, value: fill('Low') },
    { header: 'Source', field: 'channel', order: true, value: (x) => (x.customer ? 'web' : 'pos') },
    blank('Lineitem discount'),
    ...blanks(
      'Tax 1 Name',
      'Tax 1 Value',
      'Tax 2 Name',
      'Tax 2 Value',
      'Tax 3 Name',
      'Tax 3 Value',
      'Tax 4 Name',
      'Tax 4 Value',
      'Tax 5 Name',
      'Tax 5 Value',
      'Phone',
      'Receipt Number',
      'Duties',
      'Billing Province Name',
      'Shipping Province Name',
      'Payment ID',
      'Payment Terms Name',
      'Next Payment Due At',
      'Payment References',
    ),
  ],
};

const shopifyCustomers: ExportSpec = {
  id: 'shopify-customers',
  system: 'Shopify',
  kind: 'customers',
  source: 'shared/pos-formats.md (customers_export.csv, 2024–2026 layout)',
  grain: 'customer',
  timeZone: 'America/New_York',
  scale: 0.001,
  cancelled: false,
  walkIn: false,
  ref: (c) => ({ email: c.email }),
  columns: [
    { header: 'Customer ID', field: 'customerCode', value: (x) => `'${7_000_000_000 + x.customer!.n}` },
    // The name comes in two columns; our `name` field takes one of them.
    { header: 'First Name', field: 'name', value: (x) => x.customer!.first },
    { header: 'Last Name', value: (x) => x.customer!.last },
    { header: 'Email', field: 'email', value: (x) => x.customer!.email },
    { header: 'Accepts Email Marketing', value: fill('yes') },
    ...blanks('Default Address Company', 'Default Address Address1', 'Default Address Address2'),
    { header: 'Default Address City', field: 'city', value: (x) => x.customer!.cityEn },
    { header: 'Default Address Province Code', value: fill('MA') },
    { header: 'Default Address Country Code', value: fill('US') },
    { header: 'Default Address Zip', value: fill("'02108") },
    {
      header: 'Default Address Phone',
      field: 'phone',
      value: (x) => `'+1 617-555-01${String(x.customer!.n).padStart(2, '0')}`,
    },
    // The account phone is usually blank (one customer of nine has it).
    { header: 'Phone', value: (x) => (x.customer!.n === 3 ? `'+1 617-555-0103` : '') },
    { header: 'Accepts SMS Marketing', value: fill('no') },
    { header: 'Total Spent', field: 'totalSpent', value: (x) => dec2(x.customer!.spend) },
    { header: 'Total Orders', field: 'invoiceCount', value: (x) => x.customer!.invoices },
    blank('Note'),
    { header: 'Tax Exempt', value: fill('no') },
    {
      header: 'Tags',
      field: 'tags',
      value: (x) => (x.customer!.spend >= 450_000 ? 'VIP, newsletter' : 'newsletter'),
    },
  ],
};

const wooOrders: ExportSpec = {
  id: 'woocommerce-orders',
  system: 'WooCommerce (Customer/Order CSV Export, default format)',
  kind: 'invoices',
  source:
    'WooCommerce order CSV export plugin default columns as documented on woocommerce.com (order_id … ' +
    'billing_* … line_items); guest orders carry customer_id 0; header subset not confirmed against a file',
  grain: 'order',
  timeZone: 'America/New_York',
  scale: 0.001,
  cancelled: true,
  walkIn: true,
  ref: (c) => ({ code: String(100 + c.n) }),
  columns: [
    { header: 'order_id', field: 'invoiceCode', value: (x) => 2000 + sale(x).seq },
    { header: 'order_number', value: (x) => 2000 + sale(x).seq },
    { header: 'order_date', field: 'date', value: (x) => ymdHms(sale(x).daysAgo) },
    { header: 'status', field: 'status', value: (x) => (sale(x).cancelled ? 'cancelled' : 'completed') },
    { header: 'shipping_total', value: fill('0.00') },
    { header: 'shipping_tax_total', value: fill('0.00') },
    { header: 'fee_total', value: fill('0.00') },
    { header: 'tax_total', value: fill('0.00') },
    { header: 'cart_discount', value: fill('0.00') },
    { header: 'discount_total', value: fill('0.00') },
    { header: 'order_total', field: 'invoiceTotal', value: (x) => dec2(sale(x).total) },
    { header: 'refunded_total', value: fill('0.00') },
    { header: 'order_currency', value: fill('USD') },
    { header: 'payment_method', value: fill('stripe') },
    { header: 'shipping_method', value: fill('flat_rate') },
    // Guests (a walk-in at the shop's POS plugin) are customer 0.
    { header: 'customer_id', field: 'customerCode', value: (x) => cust(x, (c) => String(100 + c.n), '0') },
    { header: 'billing_first_name', field: 'name', value: (x) => cust(x, (c) => c.first) },
    { header: 'billing_last_name', value: (x) => cust(x, (c) => c.last) },
    blank('billing_company'),
    { header: 'billing_email', field: 'email', value: (x) => cust(x, (c) => c.email) },
    {
      header: 'billing_phone',
      field: 'phone',
      value: (x) => cust(x, (c) => `(617) 555-01${String(c.n).padStart(2, '0')}`),
    },
    ...blanks('billing_address_1', 'billing_address_2', 'billing_postcode'),
    { header: 'billing_city', field: 'city', value: (x) => cust(x, (c) => c.cityEn) },
    ...blanks(
      'billing_state',
      'billing_country',
      'shipping_first_name',
      'shipping_last_name',
      'shipping_city',
    ),
    blank('customer_note'),
    {
      header: 'line_items',
      value: (x) =>
        sale(x)
          .lines.map((l) => `name:${l.product}|quantity:${l.quantity}|total:${dec2(l.amount)}`)
          .join(';'),
    },
    ...blanks('shipping_items', 'fee_items', 'tax_items', 'coupon_items', 'order_notes'),
  ],
};

const lightspeedSales: ExportSpec = {
  id: 'lightspeed-x-sales',
  system: 'Lightspeed Retail (X-Series, formerly Vend)',
  kind: 'invoices',
  source:
    'Lightspeed X-Series (Vend) sales history CSV as documented in its help centre: a `Sale` row per receipt ' +
    'followed by `Sale Line` rows, statuses CLOSED / VOIDED / LAYBY; header from memory, not confirmed here',
  grain: 'order+lines',
  timeZone: 'America/New_York',
  scale: 0.001,
  cancelled: true,
  walkIn: true,
  ref: (c) => ({ code: `C${String(c.n).padStart(4, '0')}` }),
  columns: [
    { header: 'Date', field: 'date', value: (x) => ymdHms(sale(x).daysAgo) },
    { header: 'Receipt Number', field: 'invoiceCode', value: (x) => String(3000 + sale(x).seq) },
    { header: 'Line Type', value: (x) => (x.line ? 'Sale Line' : 'Sale') },
    {
      header: 'Customer Code',
      field: 'customerCode',
      value: (x) => cust(x, (c) => `C${String(c.n).padStart(4, '0')}`),
    },
    { header: 'Customer Name', field: 'name', value: (x) => cust(x, (c) => `${c.first} ${c.last}`) },
    blank('Note'),
    {
      header: 'Quantity',
      field: 'quantity',
      value: (x) => (x.line ? x.line.quantity : sale(x).lines.length),
    },
    { header: 'Subtotal', value: (x) => dec2(x.line ? x.line.amount : sale(x).total) },
    { header: 'Sales Tax', value: fill('0.00') },
    { header: 'Discount', value: fill('0.00') },
    { header: 'Loyalty', value: fill('0.00') },
    // The receipt's total on the `Sale` row, the line's on each `Sale Line` row.
    { header: 'Total', field: 'invoiceTotal', value: (x) => dec2(x.line ? x.line.amount : sale(x).total) },
    { header: 'Paid', value: (x) => (x.line ? '' : dec2(sale(x).total)) },
    { header: 'Details', value: product },
    { header: 'Register', value: fill('Main Register') },
    { header: 'User', value: fill('cashier') },
    { header: 'Status', field: 'status', value: (x) => (sale(x).cancelled ? 'VOIDED' : 'CLOSED') },
    { header: 'Sku', value: (x) => (x.line ? `SKU${x.lineIndex + 1}` : '') },
    blank('AccountCodeSale'),
    blank('AccountCodePurchase'),
  ],
};

const toastChecks: ExportSpec = {
  id: 'toast-check-details',
  system: 'Toast',
  kind: 'invoices',
  source:
    'https://doc.toasttab.com/0IV1p/check_details.html (CheckDetails.csv: fields in this order, `Location Code` ' +
    'not used, `Opened Date` MM/DD/YY, `Opened Time` hh:mm a, `Check Id` unique while `Check #` is a number, ' +
    'customer columns last). OrderDetails.csv names no customer',
  grain: 'order',
  timeZone: 'America/New_York',
  scale: 0.001,
  cancelled: false,
  walkIn: true,
  ref: (c) => ({ email: c.email }),
  columns: [
    blank('Location Code'),
    { header: 'Opened Date', field: 'date', value: (x) => mmddyy(sale(x).daysAgo) },
    { header: 'Opened Time', field: 'time', value: fill('10:15 AM') },
    {
      header: 'Item Description',
      value: (x) =>
        sale(x)
          .lines.map((l) => l.product)
          .join(', '),
    },
    { header: 'Server', value: fill('Sam') },
    { header: 'Tax', value: fill('0.00') },
    { header: 'Tender', value: fill('Credit') },
    { header: 'Check Id', field: 'invoiceCode', value: (x) => `4000000${sale(x).seq}` },
    { header: 'Check #', value: (x) => (sale(x).seq % 3) + 1 },
    { header: 'Total', field: 'invoiceTotal', value: (x) => dec2(sale(x).total) },
    blank('Customer Family'),
    { header: 'Table Size', value: fill(2) },
    { header: 'Discount', value: fill('0.00') },
    blank('Reason of Discount'),
    { header: 'Link', value: (x) => `https://www.toasttab.com/check/${sale(x).seq}` },
    { header: 'Customer Id', field: 'customerCode', value: (x) => cust(x, (c) => `a1b2c3d4-000${c.n}`) },
    { header: 'Customer', field: 'name', value: (x) => cust(x, (c) => `${c.first} ${c.last}`) },
    { header: 'Customer Phone', field: 'phone', value: (x) => cust(x, (c) => `617555010${c.n}`) },
    { header: 'Customer Email', field: 'email', value: (x) => cust(x, (c) => c.email) },
  ],
};

const cloverOrders: ExportSpec = {
  id: 'clover-orders',
  system: 'Clover',
  kind: 'invoices',
  source:
    "Clover dashboard Orders export as described in Clover's help pages (order-level rows, `Order Payment " +
    'State`, customer name only); header from memory, not confirmed here',
  grain: 'order',
  timeZone: 'America/New_York',
  scale: 0.001,
  cancelled: true,
  walkIn: true,
  columns: [
    { header: 'Order Date', field: 'date', value: (x) => `${dMonYHm(sale(x).daysAgo)}` },
    { header: 'Order ID', field: 'invoiceCode', value: (x) => `ZX${String(sale(x).seq).padStart(11, '0')}` },
    blank('Invoice Number'),
    { header: 'Order Employee ID', value: fill('EMP1') },
    { header: 'Order Employee Name', value: fill('Sam') },
    { header: 'Currency', value: fill('USD') },
    { header: 'Tax Amount', value: fill('0.00') },
    { header: 'Tip', value: fill('0.00') },
    { header: 'Service Charge', value: fill('0.00') },
    { header: 'Discount', value: fill('0.00') },
    { header: 'Order Total', field: 'invoiceTotal', value: (x) => dec2(sale(x).total) },
    { header: 'Payments Total', value: (x) => dec2(sale(x).total) },
    { header: 'Refunds Total', value: fill('0.00') },
    { header: 'Tender', value: fill('Credit Card') },
    {
      header: 'Order Payment State',
      field: 'status',
      value: (x) => (sale(x).cancelled ? 'Refunded' : 'Paid'),
    },
    blank('Order Note'),
    { header: 'Customer Name', field: 'name', value: (x) => cust(x, (c) => `${c.first} ${c.last}`) },
  ],
};

const sumupTransactions: ExportSpec = {
  id: 'sumup-transactions',
  system: 'SumUp',
  kind: 'invoices',
  source:
    "SumUp dashboard transactions report as described in SumUp's help centre (card payments, no customer " +
    'columns); header from memory, not confirmed here',
  grain: 'order',
  timeZone: 'America/New_York',
  scale: 0.001,
  cancelled: true,
  walkIn: true,
  columns: [
    {
      header: 'Transaction ID',
      field: 'invoiceCode',
      value: (x) => `TX${String(sale(x).seq).padStart(8, '0')}`,
    },
    { header: 'Date', field: 'date', value: (x) => ymdHms(sale(x).daysAgo) },
    { header: 'Type', value: fill('Sale') },
    { header: 'Status', field: 'status', value: (x) => (sale(x).cancelled ? 'Refunded' : 'Successful') },
    { header: 'Card Type', value: fill('VISA') },
    { header: 'Last 4 Digits', value: fill('4242') },
    { header: 'Entry Mode', value: fill('contactless') },
    { header: 'Auth Code', value: fill('A1B2C3') },
    {
      header: 'Description',
      value: (x) =>
        sale(x)
          .lines.map((l) => l.product)
          .join(', '),
    },
    { header: 'Total Amount', field: 'invoiceTotal', value: (x) => dec2(sale(x).total) },
    { header: 'Tip Amount', value: fill('0.00') },
    { header: 'Fee', value: fill('0.00') },
    { header: 'Payout Date', value: (x) => String(ymdHms(sale(x).daysAgo)).slice(0, 10) },
  ],
};

const zettlePurchases: ExportSpec = {
  id: 'zettle-purchases',
  system: 'Zettle by PayPal',
  kind: 'invoices',
  source:
    "Zettle (iZettle) sales report, receipts sheet, as described in Zettle's help centre (separate date and " +
    'time, receipt number, no customer columns); header from memory, not confirmed here',
  grain: 'order',
  timeZone: 'America/New_York',
  scale: 0.001,
  cancelled: false,
  walkIn: true,
  columns: [
    { header: 'Date', field: 'date', value: (x) => String(ymdHms(sale(x).daysAgo)).slice(0, 10) },
    { header: 'Time', field: 'time', value: fill('10:15') },
    { header: 'Receipt number', field: 'invoiceCode', value: (x) => 500 + sale(x).seq },
    { header: 'Staff', value: fill('Sam') },
    { header: 'Device', value: fill('iPad') },
    { header: 'Payment method', value: fill('Card') },
    {
      header: 'Description',
      value: (x) =>
        sale(x)
          .lines.map((l) => l.product)
          .join(', '),
    },
    { header: 'Total', field: 'invoiceTotal', value: (x) => dec2(sale(x).total) },
    { header: 'VAT', value: fill('0.00') },
  ],
};

const odooPosOrders: ExportSpec = {
  id: 'odoo-pos-orders',
  system: 'Odoo Point of Sale',
  kind: 'invoices',
  source:
    'Odoo POS Orders list view exported with its default columns plus Customer/Phone (field labels as the export ' +
    'dialog writes them; statuses New / Paid / Posted / Invoiced / Cancelled from the pos.order state field)',
  grain: 'order',
  timeZone: 'Asia/Ho_Chi_Minh',
  scale: 1,
  cancelled: true,
  walkIn: true,
  ref: (c) => ({ phone: c.phone }),
  columns: [
    { header: 'Order Ref', value: (x) => `Shop/${String(sale(x).seq).padStart(4, '0')}` },
    { header: 'Session', value: fill('POS/00042') },
    { header: 'Date', field: 'date', value: (x) => ymdHms(sale(x).daysAgo) },
    {
      header: 'Receipt Number',
      field: 'invoiceCode',
      value: (x) => `Order 00042-001-${String(sale(x).seq).padStart(4, '0')}`,
    },
    { header: 'Customer', field: 'name', value: (x) => cust(x, (c) => c.nameVi) },
    { header: 'Customer/Phone', field: 'phone', value: (x) => cust(x, (c) => phonePlus84(c.phone)) },
    { header: 'Employee', value: fill('Mitchell Admin') },
    { header: 'Point of Sale', field: 'store', value: fill('Shop') },
    { header: 'Total', field: 'invoiceTotal', value: (x) => sale(x).total },
    { header: 'Status', field: 'status', value: (x) => (sale(x).cancelled ? 'Cancelled' : 'Posted') },
  ],
};

const stripePayments: ExportSpec = {
  id: 'stripe-payments',
  system: 'Stripe',
  kind: 'invoices',
  source:
    'Stripe dashboard Payments export (unified_payments.csv) as described in public import guides found via the ' +
    'code search (PaymentIntent/charge id, Created date (UTC), Amount, Status, Customer ID, Customer Email)',
  grain: 'order',
  timeZone: 'America/New_York',
  scale: 0.001,
  cancelled: true,
  walkIn: true,
  ref: (c) => ({ code: `CUS_DEMO${c.n}` }),
  columns: [
    { header: 'id', field: 'invoiceCode', value: (x) => `py_3Demo${String(sale(x).seq).padStart(6, '0')}` },
    { header: 'Created date (UTC)', field: 'date', value: (x) => ymdHms(sale(x).daysAgo) },
    { header: 'Amount', field: 'invoiceTotal', value: (x) => dec2(sale(x).total) },
    { header: 'Amount Refunded', value: (x) => (sale(x).cancelled ? dec2(sale(x).total) : '0.00') },
    { header: 'Currency', value: fill('usd') },
    { header: 'Captured', value: fill('true') },
    { header: 'Converted Amount', value: (x) => dec2(sale(x).total) },
    { header: 'Converted Amount Refunded', value: fill('0.00') },
    { header: 'Converted Currency', value: fill('usd') },
    blank('Decline Reason'),
    { header: 'Description', value: (x) => `Order ${sale(x).seq}` },
    { header: 'Fee', value: fill('0.00') },
    blank('Refunded date (UTC)'),
    { header: 'Statement Descriptor', value: fill('DEMO SHOP') },
    { header: 'Status', field: 'status', value: (x) => (sale(x).cancelled ? 'Refunded' : 'Paid') },
    { header: 'Seller Message', value: fill('Payment complete.') },
    { header: 'Taxes On Fee', value: fill('0.00') },
    { header: 'Card ID', value: (x) => `card_${sale(x).seq}` },
    { header: 'Customer ID', field: 'customerCode', value: (x) => cust(x, (c) => `cus_Demo${c.n}`) },
    { header: 'Customer Description', field: 'name', value: (x) => cust(x, (c) => `${c.first} ${c.last}`) },
    { header: 'Customer Email', field: 'email', value: (x) => cust(x, (c) => c.email) },
    blank('Invoice ID'),
    blank('Transfer'),
  ],
};

const etsyOrders: ExportSpec = {
  id: 'etsy-sold-orders',
  system: 'Etsy',
  kind: 'invoices',
  source:
    'Etsy shop manager CSV (EtsySoldOrders): `Sale Date` as `12/31/21` per a public data-structure note for ' +
    'EtsySoldOrderItems found via the code search; order-level columns from memory, not confirmed here',
  grain: 'order',
  timeZone: 'America/New_York',
  scale: 0.001,
  cancelled: false,
  walkIn: false,
  ref: (c) => ({ code: String(41_234_500 + c.n) }),
  columns: [
    { header: 'Sale Date', field: 'date', value: (x) => mdyShort(sale(x).daysAgo) },
    { header: 'Order ID', field: 'invoiceCode', value: (x) => 2_300_000_000 + sale(x).seq },
    {
      header: 'Buyer User ID',
      field: 'customerCode',
      value: (x) => cust(x, (c) => String(41_234_500 + c.n)),
    },
    { header: 'Full Name', field: 'name', value: (x) => cust(x, (c) => `${c.first} ${c.last}`) },
    { header: 'First Name', value: (x) => cust(x, (c) => c.first) },
    { header: 'Last Name', value: (x) => cust(x, (c) => c.last) },
    { header: 'Number of Items', value: (x) => sale(x).lines.reduce((n, l) => n + l.quantity, 0) },
    { header: 'Payment Method', value: fill('Etsy Payments') },
    { header: 'Date Shipped', value: (x) => mdyShort(Math.max(0, sale(x).daysAgo - 1)) },
    ...blanks('Street 1', 'Street 2'),
    { header: 'Ship City', field: 'city', value: (x) => cust(x, (c) => c.cityEn) },
    { header: 'Ship State', value: fill('MA') },
    { header: 'Ship Zipcode', value: fill('02108') },
    { header: 'Ship Country', value: fill('United States') },
    { header: 'Currency', value: fill('USD') },
    { header: 'Order Value', value: (x) => dec2(sale(x).total) },
    ...blanks('Coupon Code', 'Coupon Details'),
    { header: 'Discount Amount', value: fill('0') },
    { header: 'Shipping Discount', value: fill('0') },
    { header: 'Shipping', value: fill('0') },
    { header: 'Sales Tax', value: fill('0') },
    { header: 'Order Total', field: 'invoiceTotal', value: (x) => dec2(sale(x).total) },
    { header: 'Card Processing Fees', value: fill('0') },
    { header: 'Order Net', value: (x) => dec2(sale(x).total) },
    ...blanks('Adjusted Order Total', 'Adjusted Card Processing Fees', 'Adjusted Net Order Amount'),
    { header: 'Buyer', value: (x) => cust(x, (c) => `${c.first.toLowerCase()}shop${c.n}`) },
    { header: 'Order Type', value: fill('online') },
    { header: 'Payment Type', value: fill('online_cc') },
    ...blanks('InPerson Discount', 'InPerson Location', 'SKU'),
  ],
};

const amazonOrders: ExportSpec = {
  id: 'amazon-order-report',
  system: 'Amazon Seller Central',
  kind: 'invoices',
  source:
    'Amazon order report flat file (tab-separated, one row per order item; kebab-case headers such as order-id, ' +
    'buyer-email, quantity-purchased, item-price, ship-phone-number as mapped by public seller tools found via ' +
    'the code search); `item-price` is the line total; buyer-email an anonymised relay address',
  grain: 'line',
  followOn: 'repeat',
  timeZone: 'America/New_York',
  scale: 0.001,
  cancelled: false,
  walkIn: false,
  ref: (c) => ({ email: `${c.first.toLowerCase()}${c.n}x7@marketplace.amazon.com` }),
  columns: [
    {
      header: 'order-id',
      field: 'invoiceCode',
      value: (x) => `113-0000000-${String(sale(x).seq).padStart(7, '0')}`,
    },
    { header: 'order-item-id', value: (x) => `${sale(x).seq}${x.lineIndex}` },
    { header: 'purchase-date', field: 'date', value: (x) => isoOffset(sale(x).daysAgo) },
    { header: 'payments-date', value: (x) => isoOffset(sale(x).daysAgo) },
    {
      header: 'buyer-email',
      field: 'email',
      value: (x) => cust(x, (c) => `${c.first.toLowerCase()}${c.n}x7@marketplace.amazon.com`),
    },
    { header: 'buyer-name', field: 'name', value: (x) => cust(x, (c) => `${c.first} ${c.last}`) },
    blank('buyer-phone-number'),
    { header: 'sku', value: (x) => `SKU${x.lineIndex + 1}` },
    { header: 'product-name', value: product },
    { header: 'quantity-purchased', field: 'quantity', value: lineQty },
    { header: 'currency', value: fill('USD') },
    { header: 'item-price', field: 'lineTotal', value: (x) => dec2(lineAmount(x)) },
    { header: 'item-tax', value: fill('0.00') },
    { header: 'shipping-price', value: fill('0.00') },
    { header: 'shipping-tax', value: fill('0.00') },
    { header: 'ship-service-level', value: fill('Standard') },
    { header: 'recipient-name', value: (x) => cust(x, (c) => `${c.first} ${c.last}`) },
    ...blanks('ship-address-1', 'ship-address-2', 'ship-address-3'),
    // The ship-to address (the recipient's, usually the buyer's): the only city and phone the report has.
    { header: 'ship-city', field: 'city', value: (x) => cust(x, (c) => c.cityEn) },
    { header: 'ship-state', value: fill('MA') },
    { header: 'ship-postal-code', value: fill('02108') },
    { header: 'ship-country', value: fill('US') },
    {
      header: 'ship-phone-number',
      field: 'phone',
      value: (x) => cust(x, (c) => `+1 617-555-01${String(c.n).padStart(2, '0')}`),
    },
    { header: 'sales-channel', field: 'channel', value: fill('Amazon.com') },
    { header: 'is-business-order', value: fill('false') },
  ],
};

const handKept: ExportSpec = {
  id: 'hand-kept-sheet',
  system: 'Hand-kept sheet',
  kind: 'invoices',
  source: 'the brief: free-form headers a shop types itself (`Ngày mua`, `Khách`, `SĐT khách`, `Tiền`)',
  titleRows: [['SỔ BÁN HÀNG 2026']],
  grain: 'order',
  timeZone: 'Asia/Ho_Chi_Minh',
  scale: 1,
  cancelled: false,
  walkIn: true,
  ref: (c) => ({ phone: c.phone }),
  columns: [
    { header: 'Ngày mua', field: 'date', value: (x) => dmy(sale(x).daysAgo) },
    { header: 'Khách', field: 'name', value: (x) => cust(x, (c) => c.nameVi, 'Khách lẻ') },
    { header: 'SĐT khách', field: 'phone', value: (x) => cust(x, (c) => phoneSpaced(c.phone)) },
    {
      header: 'Món',
      value: (x) =>
        sale(x)
          .lines.map((l) => l.product)
          .join(' + '),
    },
    { header: 'Tiền', field: 'invoiceTotal', value: (x) => vnD(sale(x).total) },
    blank('Ghi chú'),
  ],
};

/** A 32-hex-digit id, deterministic. */
function hexId(seed: number, salt: number): string {
  let out = '';
  let x = (seed * 2_654_435_761 + salt * 40_503) >>> 0;
  while (out.length < 32) {
    x = (x * 1_103_515_245 + 12_345) >>> 0;
    out += x.toString(16).padStart(8, '0');
  }
  return out.slice(0, 32);
}
export const perOrderCustomerId = (s: Sale) => hexId(s.seq, 1);
export const personId = (c: Customer) => hexId(c.n, 2);

const olistOrders: ExportSpec = {
  id: 'olist-orders',
  system: 'Olist marketplace (public e-commerce dataset)',
  kind: 'invoices',
  source:
    'the public Olist Brazilian e-commerce dataset (olist_orders_dataset.csv) as documented in public ' +
    'repositories; `payment_value` joined from olist_order_payments_dataset.csv as analysts paste it. Each ' +
    'order carries its own customer_id',
  grain: 'order',
  timeZone: 'America/Sao_Paulo',
  scale: 0.001,
  cancelled: true,
  walkIn: false,
  // No `ref`: an order names only its own per-order customer_id, so the person is known only through the
  // customers sheet (tested as a pair).
  columns: [
    { header: 'order_id', field: 'invoiceCode', value: (x) => hexId(sale(x).seq, 3) },
    { header: 'customer_id', field: 'customerCode', value: (x) => perOrderCustomerId(sale(x)) },
    { header: 'order_status', field: 'status', value: (x) => (sale(x).cancelled ? 'canceled' : 'delivered') },
    { header: 'order_purchase_timestamp', field: 'date', value: (x) => ymdHms(sale(x).daysAgo) },
    { header: 'order_approved_at', value: (x) => ymdHms(sale(x).daysAgo) },
    { header: 'order_delivered_carrier_date', value: (x) => ymdHms(Math.max(0, sale(x).daysAgo - 1)) },
    {
      header: 'order_delivered_customer_date',
      value: (x) => (sale(x).cancelled ? '' : ymdHms(Math.max(0, sale(x).daysAgo - 1))),
    },
    {
      header: 'order_estimated_delivery_date',
      value: (x) => String(ymdHms(Math.max(0, sale(x).daysAgo - 5))).slice(0, 10) + ' 00:00:00',
    },
    { header: 'payment_value', field: 'invoiceTotal', value: (x) => dec2(sale(x).total) },
  ],
};

const olistCustomers: ExportSpec = {
  id: 'olist-customers',
  system: 'Olist marketplace (public e-commerce dataset)',
  kind: 'customers',
  source:
    'olist_customers_dataset.csv as documented in public repositories: one row per order (customer_id, the ' +
    'per-order id) with customer_unique_id (the person), zip prefix, city, state',
  grain: 'customerPerOrder',
  timeZone: 'America/Sao_Paulo',
  scale: 0.001,
  cancelled: true,
  walkIn: false,
  ref: (c) => ({ code: personId(c).toUpperCase() }),
  columns: [
    { header: 'customer_id', field: 'customerAlias', value: (x) => perOrderCustomerId(sale(x)) },
    { header: 'customer_unique_id', field: 'customerCode', value: (x) => personId(x.customer!) },
    { header: 'customer_zip_code_prefix', value: (x) => String(1000 + x.customer!.n * 37).padStart(5, '0') },
    { header: 'customer_city', field: 'city', value: (x) => x.customer!.cityEn.toLowerCase() },
    { header: 'customer_state', value: fill('SP') },
  ],
};

export const EXPORT_SPECS: readonly ExportSpec[] = [
  kiotvietDetail,
  kiotvietList,
  kiotvietCustomers,
  sapoOrders,
  haravanOrders,
  iposSales,
  cukcukInvoices,
  nhanhOrders,
  pancakeOrders,
  shopeeOrders,
  lazadaOrders,
  tiktokOrders,
  shopifyOrders,
  shopifyCustomers,
  wooOrders,
  lightspeedSales,
  toastChecks,
  cloverOrders,
  sumupTransactions,
  zettlePurchases,
  odooPosOrders,
  stripePayments,
  etsyOrders,
  amazonOrders,
  handKept,
  olistOrders,
  olistCustomers,
];

export function specById(id: string): ExportSpec {
  const spec = EXPORT_SPECS.find((s) => s.id === id);
  if (!spec) throw new Error(`no export spec ${id}`);
  return spec;
}

/** The as-of instant for `now` (00:00 UTC on the as-of day). */
export const NOW = AS_OF_UTC;
