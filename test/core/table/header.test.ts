/**
 * Header detection on differently shaped exports (pos-formats.md): the header row is found below title rows,
 * columns map by name in Vietnamese or English whatever their order, and the rows under it are classified.
 */
import type { CellValue } from '../../../src/core/cell';
import { detectHeader, detectSheetKind } from '../../../src/core/table/header';
import { findDataRows } from '../../../src/core/table/rows';

const fieldsOf = (values: CellValue[][], kind: 'invoices' | 'customers') => {
  const detection = detectHeader(values, kind)!;
  return Object.fromEntries(
    detection.matches.map((match) => [match.field, [match.header, match.confidence]]),
  );
};

const KIOTVIET_INVOICE_DETAIL = [
  'Chi nhánh',
  'Mã hóa đơn',
  'Mã vận đơn',
  'Địa chỉ lấy hàng',
  'Mã đối soát',
  'Phí trả ĐTGH',
  'Thời gian',
  'Thời gian tạo',
  'Ngày cập nhật',
  'Mã đặt hàng',
  'Mã trả hàng',
  'Mã khách hàng',
  'Tên khách hàng',
  'Email',
  'Điện thoại',
  'Địa chỉ (Khách hàng)',
  'Khu vực (Khách hàng)',
  'Phường/Xã (Khách hàng)',
  'Ngày sinh',
  'Bảng giá',
  'Người bán',
  'Kênh bán',
  'Người tạo',
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
  'Tổng tiền hàng',
  'Giảm giá hóa đơn',
  'Thu khác',
  'Khách cần trả',
  'Khách đã trả',
  'Tiền mặt',
  'Thẻ',
  'Ví',
  'Chuyển khoản',
  'Còn cần thu (COD)',
  'Thời gian giao hàng',
  'Trạng thái',
  'Trạng thái giao hàng',
  'Mã hàng',
  'Tên hàng',
  'Thương hiệu',
  'ĐVT',
  'Ghi chú hàng hóa',
  'Số lượng',
  'Đơn giá',
  'Giảm giá %',
  'Giảm giá',
  'Giá bán',
  'Thành tiền',
];

/** A plausible cell under each header (text for the columns no field reads). */
const KIOTVIET_VALUES: Record<string, CellValue> = {
  'Mã hóa đơn': 'HD000123',
  'Thời gian': '22/11/2026 14:05',
  'Thời gian tạo': '22/11/2026 14:06',
  'Ngày cập nhật': '22/11/2026 14:06',
  'Mã khách hàng': 'KH000045',
  'Tên khách hàng': 'Nguyễn Thị Hoa',
  Email: 'hoa@example.com',
  'Điện thoại': '0912345678',
  'Điện thoại (Người nhận)': '0912345678',
  'Ngày sinh': '12/03/1990',
  'Khách cần trả': '250.000',
  'Khách đã trả': '250.000',
  'Tổng tiền hàng': '250.000',
  'Số lượng': 2,
  'Đơn giá': '125.000',
  'Giá bán': '125.000',
  'Thành tiền': '250.000',
  'Trạng thái': 'Hoàn thành',
};

test('KiotViet invoice detail: every field on its exact column, invoice total taken from "Khách cần trả"', () => {
  const row = KIOTVIET_INVOICE_DETAIL.map((header) => KIOTVIET_VALUES[header] ?? 'Hà Nội');
  const fields = fieldsOf([KIOTVIET_INVOICE_DETAIL, row], 'invoices');
  expect(fields).toMatchObject({
    store: ['Chi nhánh', 1],
    invoiceCode: ['Mã hóa đơn', 1],
    date: ['Thời gian', 1],
    customerCode: ['Mã khách hàng', 1],
    name: ['Tên khách hàng', 1],
    email: ['Email', 1],
    phone: ['Điện thoại', 1],
    city: ['Khu vực (Khách hàng)', 1],
    channel: ['Kênh bán', 1],
    invoiceTotal: ['Khách cần trả', 1],
    status: ['Trạng thái', 1],
    quantity: ['Số lượng', 1],
    unitPrice: ['Đơn giá', 1],
    lineTotal: ['Thành tiền', 1],
  });
  expect(detectSheetKind([KIOTVIET_INVOICE_DETAIL, row])).toBe('invoices');
});

test('headers match without case, diacritics or spacing: "MÃ HĐ", "thoi gian", "SĐT", "Tong tien"', () => {
  const fields = fieldsOf(
    [
      ['MÃ HĐ', 'thoi gian', 'SĐT', 'Tong tien'],
      ['HD1', '22/11/2026', '0901234567', '50000'],
    ],
    'invoices',
  );
  expect(Object.keys(fields).sort()).toEqual(['date', 'invoiceCode', 'invoiceTotal', 'phone']);
});

test('Shopify orders: "Name" is the order number, "Billing Name" the person, a filled "Billing Phone" beats an empty "Phone"', () => {
  const header = [
    'Name',
    'Email',
    'Financial Status',
    'Paid at',
    'Currency',
    'Subtotal',
    'Total',
    'Created at',
    'Lineitem quantity',
    'Lineitem name',
    'Lineitem price',
    'Billing Name',
    'Billing City',
    'Billing Phone',
    'Cancelled at',
    'Location',
    'Id',
    'Tags',
    'Phone',
  ];
  const line = [
    '#1411',
    'an@example.com',
    'paid',
    '2026-01-11 04:32:31 -0500',
    'USD',
    '12.50',
    '13.50',
    '2026-01-11 04:32:31 -0500',
    '1',
    'Latte',
    '12.50',
    'An Nguyen',
    'Hanoi',
    "'+84901234567",
    '',
    'Hoan Kiem',
    '5501',
    '',
    '',
  ];
  const fields = fieldsOf(
    [header, line, line.map((v, i) => (i === 0 ? '#1411' : i === 8 || i === 9 || i === 10 ? v : ''))],
    'invoices',
  );
  expect(fields).toMatchObject({
    // The header row is Shopify's orders export (layouts.ts), so its `Name` is surely the order number.
    invoiceCode: ['Name', 1],
    date: ['Created at', 1],
    invoiceTotal: ['Total', 1],
    name: ['Billing Name', 1],
    city: ['Billing City', 1],
    phone: ['Billing Phone', 1],
    status: ['Financial Status', 1],
    store: ['Location', 1],
    quantity: ['Lineitem quantity', 1],
    unitPrice: ['Lineitem price', 1],
  });
});

test('Sapo orders: four title rows, header on row 5', () => {
  const values: CellValue[][] = [
    ['BÁO CÁO ĐƠN HÀNG', '', '', '', ''],
    ['Cửa hàng: Phở Bà Lan', '', '', '', ''],
    ['Từ ngày 01-10-2026 đến ngày 31-10-2026', '', '', '', ''],
    ['', '', '', '', ''],
    ['STT', 'Mã đơn hàng', 'Nguồn', 'Trạng thái đơn hàng', 'Tổng tiền', 'Ngày hoàn thành', 'Tags'],
    [1, 'SON1001', 'Facebook', 'Đã hoàn thành', '250.000', '05-10-2026 18:20', ''],
  ];
  const detection = detectHeader(values, 'invoices')!;
  expect(detection.headerRow).toBe(4);
  expect(fieldsOf(values, 'invoices')).toMatchObject({
    invoiceCode: ['Mã đơn hàng', 1],
    channel: ['Nguồn', 1],
    status: ['Trạng thái đơn hàng', 1],
    invoiceTotal: ['Tổng tiền', 1],
    date: ['Ngày hoàn thành', 1],
  });
});

test('a header that only contains a known name maps with less confidence, so the sidebar asks', () => {
  const fields = fieldsOf(
    [
      ['Mã hóa đơn', 'Thời gian bán hàng', 'Tổng tiền thanh toán (VNĐ)'],
      ['HD1', '1/1/2026', '1'],
    ],
    'invoices',
  );
  for (const field of ['date', 'invoiceTotal']) {
    expect(fields[field]![1]).toBeGreaterThan(0.5);
    expect(fields[field]![1]).toBeLessThan(1);
  }
  expect(fields.date![0]).toBe('Thời gian bán hàng');
  expect(fields.invoiceTotal![0]).toBe('Tổng tiền thanh toán (VNĐ)');
});

test('an explicit map overrides detection', () => {
  const values = [
    ['Mã hóa đơn', 'Thời gian', 'Thời gian tạo', 'Khách cần trả'],
    ['HD1', '1/1/2026', '2/1/2026', '1'],
  ];
  const detection = detectHeader(values, 'invoices', { overrides: { date: 2 } })!;
  expect(detection.matches.find((match) => match.field === 'date')).toMatchObject({
    column: 2,
    header: 'Thời gian tạo',
  });
});

test('KiotViet customer list (summary mode): customer key, spend and last purchase are found', () => {
  const header = [
    'Loại khách',
    'Chi nhánh tạo',
    'Mã khách hàng',
    'Tên khách hàng',
    'Điện thoại',
    'Địa chỉ',
    'Khu vực giao hàng',
    'Phường/Xã',
    'Công ty',
    'Mã số thuế',
    'Số CMND/CCCD',
    'Ngày sinh',
    'Giới tính',
    'Email',
    'Facebook',
    'Nhóm khách hàng',
    'Ghi chú',
    'Điểm hiện tại',
    'Tổng điểm',
    'Người tạo',
    'Ngày tạo',
    'Ngày giao dịch cuối',
    'Số ngày nợ',
    'Nợ cần thu hiện tại',
    'Tổng bán',
    'Tổng bán trừ trả hàng',
    'Trạng thái',
  ];
  const sample: Record<string, CellValue> = {
    'Mã khách hàng': 'KH000045',
    'Điện thoại': '0912345678',
    'Ngày sinh': '12/03/1990',
    'Giới tính': 'Nữ',
    Email: 'hoa@example.com',
    'Điểm hiện tại': 120,
    'Tổng điểm': 300,
    'Ngày tạo': '01/02/2024 09:00:00',
    'Ngày giao dịch cuối': '20/11/2026 18:30:00',
    'Số ngày nợ': 0,
    'Nợ cần thu hiện tại': 0,
    'Tổng bán': 1250000,
    'Tổng bán trừ trả hàng': 1200000,
    'Trạng thái': 1,
  };
  const row = header.map((name) => sample[name] ?? 'Vàng');
  expect(fieldsOf([header, row], 'customers')).toMatchObject({
    customerCode: ['Mã khách hàng', 1],
    name: ['Tên khách hàng', 1],
    phone: ['Điện thoại', 1],
    city: ['Khu vực giao hàng', 1],
    birthDate: ['Ngày sinh', 1],
    gender: ['Giới tính', 1],
    tier: ['Nhóm khách hàng', 1],
    points: ['Điểm hiện tại', 1],
    registeredDate: ['Ngày tạo', 1],
    lastPurchaseDate: ['Ngày giao dịch cuối', 1],
    totalSpent: ['Tổng bán trừ trả hàng', 1],
  });
  expect(detectSheetKind([header, row])).toBe('customers');
});

test('no recognisable header: nothing is guessed', () => {
  const values = [['Ghi chú tháng 11'], ['Mua thêm sữa'], ['', 'abc', 123]];
  expect(detectHeader(values, 'invoices')).toBeNull();
  expect(detectSheetKind(values)).toBeNull();
});

describe('rows under the header', () => {
  const header = ['Mã hóa đơn', 'Thời gian', 'Mã khách hàng', 'Khách cần trả'];
  const values: CellValue[][] = [
    ['DANH SÁCH HÓA ĐƠN', '', '', ''],
    header,
    ['HD001', '01/11/2026 09:00', 'KH1', '50.000'],
    ['', '', '', ''],
    ['HD002', '02/11/2026 10:00', 'KH2', '60.000'],
    // The same export pasted again below, title row and header included.
    ['DANH SÁCH HÓA ĐƠN', '', '', ''],
    ['MÃ HÓA ĐƠN', 'Thời gian', 'Mã khách hàng', 'Khách cần trả'],
    ['HD003', '03/11/2026 11:00', 'KH1', '70.000'],
    ['Tổng cộng', '', '', '180.000'],
    ['', '', '', ''],
  ];
  const detection = detectHeader(values, 'invoices')!;
  const { rows, issues } = findDataRows(values, detection.headerRow, detection.matches, 'Hóa đơn');

  test('only sale rows are data', () => {
    expect(rows.map((row) => values[row]![0])).toEqual(['HD001', 'HD002', 'HD003']);
  });

  test('each skipped row is reported with its row number; the empty tail is not', () => {
    expect(issues.map((issue) => [issue.code, issue.row])).toEqual([
      ['blank-row', 4],
      ['title-row', 6],
      ['repeated-header', 7],
      ['totals-row', 9],
    ]);
  });
});

test('a column the user set to "none" is not detected again', () => {
  // The sidebar sends -1 when the user says the sheet has no such field (here: the "Email" column is a note).
  const values = [
    ['Mã hóa đơn', 'Thời gian', 'Khách cần trả', 'Email'],
    ['HD1', '1/1/2026', '150.000', 'gửi hóa đơn qua zalo'],
  ];
  const detected = detectHeader(values, 'invoices')!;
  expect(detected.matches.some((match) => match.field === 'email')).toBe(true);
  const confirmed = detectHeader(values, 'invoices', { overrides: { email: -1 } })!;
  expect(confirmed.matches.some((match) => match.field === 'email')).toBe(false);
  expect(confirmed.matches.map((match) => match.field)).toEqual(['invoiceCode', 'date', 'invoiceTotal']);
});
