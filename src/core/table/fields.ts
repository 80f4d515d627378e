/**
 * The fields the engine reads, and the header names POS exports give them (see pos-formats.md). Headers are
 * compared after `compactKey` (no case, no diacritics, no spaces or punctuation), so `Mã HĐ`, `MÃ HĐ` and `mahd`
 * are one name. An exact name maps with full confidence; a header that merely contains a name (`Điện thoại
 * (Khách hàng)`) maps with less, so the user is asked to confirm it.
 */
import { compactKey } from '../text';
import { layoutHeaders } from './layouts';

export type SheetKind = 'invoices' | 'customers';

export type FieldId =
  | 'invoiceCode'
  | 'date'
  | 'time'
  | 'customerCode'
  | 'customerAlias'
  | 'phone'
  | 'email'
  | 'name'
  | 'invoiceTotal'
  | 'lineTotal'
  | 'quantity'
  | 'unitPrice'
  | 'store'
  | 'city'
  | 'status'
  | 'pointsEarned'
  | 'pointsRedeemed'
  | 'channel'
  | 'gender'
  | 'birthDate'
  | 'tier'
  | 'points'
  | 'registeredDate'
  | 'tags'
  | 'totalSpent'
  | 'invoiceCount'
  | 'lastPurchaseDate';

export type FieldType = 'text' | 'code' | 'date' | 'time' | 'money' | 'number' | 'phone' | 'email';

export interface FieldSpec {
  id: FieldId;
  type: FieldType;
  label: { vi: string; en: string };
  /** Header names, written as people write them; matched after `compactKey`. */
  names: { invoices?: string[]; customers?: string[] };
}

const NOT_AN_AMOUNT = [
  'discount',
  'giam gia',
  'chiet khau',
  'shipping',
  'ship',
  'van chuyen',
  'phi',
  'fee',
  'fees',
  'tax',
  'thue',
  'vat',
  'refund',
  'refunded',
  'hoan',
  'tip',
  'tips',
  'commission',
  'voucher',
  'coupon',
  'original',
  'cost',
  'von',
  'deposit',
  'coc',
  'debt',
  'no',
  'tien thua',
  'change',
  'points',
  'diem',
  'weight',
  'quantity',
  'qty',
  'so luong',
  'rate',
  'percent',
];
const NOT_A_PERSON = [
  'product',
  'san pham',
  'item',
  'sku',
  'hang hoa',
  'ten hang',
  'mat hang',
  'mon',
  'dish',
  'menu',
  'variant',
  'nguoi nhan',
  'recipient',
  'shipping',
  'ship',
  'nhan vien',
  'staff',
  'employee',
  'cashier',
  'thu ngan',
  'nguoi tao',
  'nguoi ban',
  'seller',
  'server',
  'date',
  'ngay',
  'warehouse',
  'kho',
  'store',
  'shop',
  'cua hang',
  'phi',
  'fee',
  'van chuyen',
];
const NOT_AN_ID = [
  'product',
  'san pham',
  'item',
  'sku',
  'barcode',
  'vach',
  'tracking',
  'van don',
  'doi soat',
  'variant',
];

/**
 * Words that rule a field out of a header matched only by words, containment or likeness (an exact known name
 * still counts): `Giảm giá hóa đơn` is a discount, not a price; `Tên sản phẩm` a product, not a customer;
 * `Địa chỉ nhận hàng` an address, not a store.
 */
/** Phrases that undo an exclusion: `Thành tiền sau giảm giá` is the amount after the discount, not the discount. */
export const EXCLUSION_UNDONE_BY: readonly string[] = [
  'sau giam',
  'sau giam gia',
  'sau chiet khau',
  'sau khuyen mai',
  'da giam',
  'after discount',
  'after discounts',
  'net of',
];

export const FIELD_EXCLUDED_WORDS: Readonly<Partial<Record<FieldId, readonly string[]>>> = {
  invoiceCode: [...NOT_AN_ID, 'tra hang', 'return', 'customer', 'khach'],
  date: [
    'birth',
    'sinh',
    'ship',
    'shipping',
    'giao',
    'delivery',
    'delivered',
    'estimated',
    'cap nhat',
    'updated',
    'modified',
    'due',
    'han',
    'expiry',
    'approved',
  ],
  time: ['date', 'ngay'],
  customerCode: [
    ...NOT_AN_ID,
    'order',
    'don',
    'invoice',
    'hoa don',
    'phi',
    'fee',
    'tien',
    'amount',
    'total',
    'price',
    'gia',
  ],
  customerAlias: NOT_AN_ID,
  phone: ['nguoi nhan', 'recipient', 'shipping', 'ship', 'store', 'shop', 'cua hang'],
  email: ['nguoi nhan', 'recipient', 'store', 'shop'],
  name: NOT_A_PERSON,
  invoiceTotal: NOT_AN_AMOUNT,
  lineTotal: NOT_AN_AMOUNT,
  unitPrice: NOT_AN_AMOUNT,
  totalSpent: NOT_AN_AMOUNT,
  store: ['address', 'dia chi', 'nhan hang', 'giao hang', 'ship', 'shipping', 'pickup', 'lay hang'],
  city: ['code', 'zip', 'postal', 'ma'],
  status: [
    'ship',
    'shipping',
    'giao hang',
    'van chuyen',
    'delivery',
    'fulfillment',
    'fulfilment',
    'payment method',
  ],
  channel: [...NOT_AN_ID, 'discount', 'giam gia'],
  quantity: ['price', 'gia', 'amount', 'total', 'tien'],
};

/**
 * Words that suggest a field when they stand in a header as whole words (after `foldText`: no case, no marks),
 * for headers no list above names (`order_purchase_timestamp`, `Receipt ID`, `Buyer phone`). A word only
 * suggests: header.ts weighs it less than a known name, and what the column holds decides between candidates.
 */
export const FIELD_WORDS: Readonly<Partial<Record<FieldId, readonly string[]>>> = {
  invoiceCode: [
    'order',
    'order id',
    'order no',
    'order number',
    'invoice',
    'receipt',
    'transaction',
    'bill',
    'ticket',
    'check',
    'sale id',
    'payment id',
    'charge id',
    'ref',
    'reference',
    'hoa don',
    'hd',
    'don hang',
    'don',
    'chung tu',
    'phieu',
    'bien lai',
    'ma don',
    'so don',
    'ma giao dich',
  ],
  date: [
    'date',
    'day',
    'purchase',
    'datetime',
    'timestamp',
    'created',
    'purchased',
    'purchase date',
    'paid',
    'sold',
    'ngay',
    'thoi gian',
    'ngay ban',
    'ngay mua',
    'ngay tao',
    'ngay dat',
    'closed',
    'completed',
  ],
  time: ['time', 'hour', 'gio', 'thoi diem'],
  customerCode: [
    'customer id',
    'customer code',
    'customer no',
    'customer number',
    'client id',
    'member',
    'member id',
    'buyer id',
    'buyer username',
    'buyer',
    'account',
    'loyalty',
    'ma khach',
    'ma kh',
    'ma thanh vien',
    'khach hang',
    'user id',
    'username',
    'customer unique id',
  ],
  customerAlias: ['card', 'card number', 'the', 'so the', 'ma the', 'account id', 'alias'],
  phone: ['phone', 'mobile', 'tel', 'telephone', 'cell', 'sdt', 'dien thoai', 'di dong', 'so dt', 'contact'],
  email: ['email', 'e mail', 'mail', 'thu dien tu'],
  name: [
    'name',
    'customer name',
    'full name',
    'buyer name',
    'ten',
    'ho ten',
    'ten khach',
    'nguoi mua',
    'khach',
  ],
  invoiceTotal: [
    'total',
    'amount',
    'grand total',
    'net',
    'net sales',
    'gross',
    'paid',
    'value',
    'revenue',
    'sales',
    'payment',
    'tong',
    'tong tien',
    'thanh toan',
    'doanh thu',
    'tien',
    'so tien',
    'can tra',
    'tri gia',
  ],
  lineTotal: ['line total', 'line amount', 'item total', 'thanh tien'],
  quantity: ['quantity', 'qty', 'so luong', 'sl', 'units', 'count'],
  unitPrice: ['price', 'unit price', 'item price', 'don gia', 'gia'],
  store: ['store', 'shop', 'outlet', 'branch', 'location', 'chi nhanh', 'cua hang', 'diem ban', 'kho'],
  city: ['city', 'province', 'state', 'region', 'town', 'tinh', 'thanh pho', 'khu vuc', 'quan'],
  status: [
    'status',
    'trang thai',
    'tinh trang',
    'financial status',
    'payment status',
    'voided',
    'void',
    'cancelled',
    'canceled',
    'refunded',
  ],
  pointsEarned: ['points', 'diem', 'points earned', 'diem tich'],
  pointsRedeemed: ['points redeemed', 'points used', 'diem doi', 'diem su dung'],
  channel: ['channel', 'source', 'platform', 'kenh', 'nguon'],
  gender: ['gender', 'sex', 'gioi tinh'],
  birthDate: ['birth', 'birthday', 'dob', 'sinh', 'ngay sinh', 'sinh nhat'],
  tier: ['tier', 'level', 'rank', 'group', 'segment', 'hang', 'nhom', 'cap'],
  points: ['points', 'diem', 'loyalty points'],
  registeredDate: ['created', 'registered', 'joined', 'signup', 'since', 'ngay tao', 'dang ky', 'tham gia'],
  tags: ['tags', 'tag', 'labels', 'nhan', 'note', 'notes', 'ghi chu'],
  totalSpent: [
    'total spent',
    'spent',
    'spend',
    'lifetime',
    'ltv',
    'tong ban',
    'tong chi',
    'chi tieu',
    'revenue',
  ],
  invoiceCount: [
    'orders',
    'order count',
    'visits',
    'purchases',
    'so don',
    'so lan',
    'so hoa don',
    'luot mua',
  ],
  lastPurchaseDate: [
    'last order',
    'last purchase',
    'last visit',
    'last seen',
    'mua cuoi',
    'giao dich cuoi',
    'lan cuoi',
  ],
};

/** Every field, in the order the sidebar lists them. */
export const FIELDS: readonly FieldSpec[] = [
  {
    id: 'invoiceCode',
    type: 'code',
    label: { vi: 'Mã hóa đơn', en: 'Invoice code' },
    names: {
      invoices: [
        'Mã hóa đơn',
        'Mã HĐ',
        'Số hóa đơn',
        'Số HĐ',
        'Mã đơn hàng',
        'Mã đơn',
        'Mã chứng từ',
        'Order ID',
        'Order number',
        'Order No',
        'Order',
        'Invoice',
        'Invoice ID',
        'Invoice number',
        'Invoice code',
        'Receipt number',
        'Name',
      ],
    },
  },
  {
    id: 'date',
    type: 'date',
    label: { vi: 'Thời gian', en: 'Date' },
    names: {
      invoices: [
        'Thời gian',
        'Ngày bán',
        'Ngày',
        'Ngày hóa đơn',
        'Ngày tạo',
        'Thời gian tạo',
        'Ngày đặt hàng',
        'Ngày hoàn thành',
        'Ngày giao dịch',
        'Date',
        'Created at',
        'Order date',
        'Invoice date',
        'Paid at',
        'Date time',
      ],
    },
  },
  {
    // A time of day in its own column (`Giờ`, `Time`): combined with the date column's day.
    id: 'time',
    type: 'time',
    label: { vi: 'Giờ', en: 'Time' },
    names: {
      invoices: ['Giờ', 'Giờ bán', 'Thời điểm', 'Time', 'Sale time', 'Order time', 'Transaction time'],
    },
  },
  {
    id: 'customerCode',
    type: 'code',
    label: { vi: 'Mã khách hàng', en: 'Customer code' },
    names: {
      invoices: [
        'Mã khách hàng',
        'Mã KH',
        'Mã thành viên',
        'Customer ID',
        'Customer code',
        'Member code',
        'Member ID',
      ],
      customers: [
        'Mã khách hàng',
        'Mã KH',
        'Mã thành viên',
        'Customer ID',
        'Customer code',
        'Member code',
        'Member ID',
        'ID',
      ],
    },
  },
  {
    // Another id the same person carries on invoices (a per-order customer id, an account id, a loyalty card
    // number): an invoice whose customer reference is one of these belongs to the row's member (identity).
    id: 'customerAlias',
    type: 'code',
    label: { vi: 'Mã tham chiếu khác', en: 'Other customer id' },
    names: {
      customers: [
        'Mã thẻ',
        'Số thẻ',
        'Mã thẻ thành viên',
        'Card number',
        'Loyalty card',
        'Account ID',
        'Order customer ID',
      ],
    },
  },
  {
    id: 'phone',
    type: 'phone',
    label: { vi: 'Điện thoại', en: 'Phone' },
    names: {
      invoices: [
        'Điện thoại',
        'SĐT',
        'Số điện thoại',
        'Di động',
        'Phone',
        'Billing Phone',
        'Mobile',
        'Phone number',
        'Số điện thoại thanh toán',
      ],
      customers: [
        'Điện thoại',
        'SĐT',
        'Số điện thoại',
        'Di động',
        'Phone',
        'Mobile',
        'Phone number',
        'Default Address Phone',
      ],
    },
  },
  {
    id: 'email',
    type: 'email',
    label: { vi: 'Email', en: 'Email' },
    names: { invoices: ['Email', 'E-mail', 'Thư điện tử'], customers: ['Email', 'E-mail', 'Thư điện tử'] },
  },
  {
    id: 'name',
    type: 'text',
    label: { vi: 'Tên khách hàng', en: 'Customer name' },
    names: {
      invoices: [
        'Tên khách hàng',
        'Khách hàng',
        'Tên KH',
        'Customer',
        'Customer name',
        'Billing Name',
        'Tên người thanh toán',
      ],
      customers: [
        'Tên khách hàng',
        'Khách hàng',
        'Tên KH',
        'Họ tên',
        'Họ và tên',
        'Tên',
        'Name',
        'Customer name',
        'Full name',
      ],
    },
  },
  {
    id: 'invoiceTotal',
    type: 'money',
    label: { vi: 'Tổng tiền hóa đơn', en: 'Invoice total' },
    names: {
      invoices: [
        'Khách cần trả',
        'Tổng tiền',
        'Tổng cộng tiền',
        'Khách đã trả',
        'Tổng thanh toán',
        'Total',
        'Grand total',
        'Amount',
        'Invoice total',
        'Order total',
        'Doanh thu',
      ],
    },
  },
  {
    id: 'lineTotal',
    type: 'money',
    label: { vi: 'Thành tiền (dòng)', en: 'Line total' },
    names: { invoices: ['Thành tiền', 'Line total', 'Lineitem total', 'Line amount', 'Subtotal line'] },
  },
  {
    id: 'quantity',
    type: 'number',
    label: { vi: 'Số lượng', en: 'Quantity' },
    names: { invoices: ['Số lượng', 'SL', 'Số lượng sản phẩm', 'Quantity', 'Qty', 'Lineitem quantity'] },
  },
  {
    id: 'unitPrice',
    type: 'money',
    label: { vi: 'Đơn giá', en: 'Unit price' },
    names: { invoices: ['Đơn giá', 'Giá bán', 'Giá sản phẩm', 'Unit price', 'Price', 'Lineitem price'] },
  },
  {
    id: 'store',
    type: 'text',
    label: { vi: 'Chi nhánh', en: 'Store' },
    names: {
      invoices: ['Chi nhánh', 'Cửa hàng', 'Điểm bán', 'Store', 'Location', 'Branch', 'Outlet', 'Shop'],
    },
  },
  {
    id: 'city',
    type: 'text',
    label: { vi: 'Tỉnh/Thành phố', en: 'City' },
    names: {
      invoices: [
        'Khu vực (Khách hàng)',
        'Tỉnh/Thành phố',
        'Tỉnh thành',
        'Thành phố',
        'City',
        'Billing City',
        'Khu vực',
      ],
      customers: [
        'Tỉnh/Thành phố',
        'Tỉnh thành',
        'Thành phố',
        'Khu vực giao hàng',
        'Khu vực',
        'City',
        'Default Address City',
        'Province',
      ],
    },
  },
  {
    id: 'status',
    type: 'text',
    label: { vi: 'Trạng thái', en: 'Status' },
    names: { invoices: ['Trạng thái', 'Trạng thái đơn hàng', 'Status', 'Financial Status', 'Order status'] },
  },
  {
    id: 'pointsEarned',
    type: 'number',
    label: { vi: 'Điểm tích', en: 'Points earned' },
    names: { invoices: ['Điểm', 'Điểm tích', 'Điểm tích lũy', 'Points earned'] },
  },
  {
    id: 'pointsRedeemed',
    type: 'number',
    label: { vi: 'Điểm đổi', en: 'Points redeemed' },
    names: { invoices: ['Điểm đổi', 'Điểm sử dụng', 'Points redeemed'] },
  },
  {
    id: 'channel',
    type: 'text',
    label: { vi: 'Kênh bán', en: 'Channel' },
    names: {
      invoices: ['Kênh bán', 'Nguồn', 'Nguồn đơn', 'Channel', 'Source', 'Sales channel'],
      customers: ['Nguồn', 'Nguồn khách', 'Kênh', 'Channel', 'Source'],
    },
  },
  {
    id: 'gender',
    type: 'text',
    label: { vi: 'Giới tính', en: 'Gender' },
    names: { customers: ['Giới tính', 'Gender', 'Sex'] },
  },
  {
    id: 'birthDate',
    type: 'date',
    label: { vi: 'Ngày sinh', en: 'Date of birth' },
    names: { customers: ['Ngày sinh', 'Sinh nhật', 'Date of birth', 'Birthday', 'Birth date', 'DOB'] },
  },
  {
    id: 'tier',
    type: 'text',
    label: { vi: 'Hạng thẻ', en: 'Tier' },
    names: {
      customers: [
        'Nhóm khách hàng',
        'Hạng thẻ',
        'Hạng thành viên',
        'Hạng',
        'Tier',
        'Membership tier',
        'Customer group',
      ],
    },
  },
  {
    id: 'points',
    type: 'number',
    label: { vi: 'Điểm hiện tại', en: 'Points' },
    names: { customers: ['Điểm hiện tại', 'Điểm', 'Điểm tích lũy', 'Points', 'Loyalty points'] },
  },
  {
    id: 'registeredDate',
    type: 'date',
    label: { vi: 'Ngày tạo', en: 'Registered' },
    names: {
      customers: [
        'Ngày tạo',
        'Ngày đăng ký',
        'Ngày tham gia',
        'Created at',
        'Registered',
        'Registration date',
        'Join date',
      ],
    },
  },
  {
    id: 'tags',
    type: 'text',
    label: { vi: 'Nhãn', en: 'Tags' },
    names: { customers: ['Tags', 'Nhãn', 'Thẻ', 'Ghi chú', 'Note', 'Notes'] },
  },
  {
    id: 'totalSpent',
    type: 'money',
    label: { vi: 'Tổng bán', en: 'Total spent' },
    names: {
      customers: [
        'Tổng bán trừ trả hàng',
        'Tổng bán',
        'Tổng chi tiêu',
        'Tổng tiền',
        'Total Spent',
        'Total spend',
        'Lifetime value',
      ],
    },
  },
  {
    id: 'invoiceCount',
    type: 'number',
    label: { vi: 'Số hóa đơn', en: 'Invoices' },
    names: {
      customers: [
        'Số hóa đơn',
        'Số lần mua',
        'Số đơn hàng',
        'Total Orders',
        'Orders',
        'Number of orders',
        'Orders count',
      ],
    },
  },
  {
    id: 'lastPurchaseDate',
    type: 'date',
    label: { vi: 'Ngày mua cuối', en: 'Last purchase' },
    names: {
      customers: [
        'Ngày giao dịch cuối',
        'Ngày mua cuối',
        'Lần mua cuối',
        'Last order date',
        'Last purchase',
        'Last purchase date',
        'Last order',
      ],
    },
  },
];

export const FIELD_BY_ID: ReadonlyMap<FieldId, FieldSpec> = new Map(FIELDS.map((field) => [field.id, field]));

/** A field's header names for a sheet kind: its own list, then the known layouts' headers it lacks. */
export function fieldNames(field: FieldSpec, kind: SheetKind, fromLayouts = layoutHeaders(kind)): string[] {
  const own = field.names[kind];
  if (!own) return [];
  const seen = new Set(own.map(compactKey));
  const extra = (fromLayouts.get(field.id) ?? []).filter((name) => {
    const key = compactKey(name);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return [...own, ...extra];
}

/**
 * The fields a sheet of each kind cannot do without (at least one of each inner list). An invoice sheet kept by
 * hand may have no invoice code: each row is then one invoice.
 */
export const REQUIRED_FIELDS: Readonly<Record<SheetKind, FieldId[][]>> = {
  invoices: [['date'], ['invoiceTotal', 'lineTotal', 'unitPrice']],
  customers: [['customerCode', 'phone', 'email']],
};
