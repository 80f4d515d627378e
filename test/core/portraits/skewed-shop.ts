/**
 * A generated shop with a known skew, for the portraits: 200 customers scored on the shop's own breakpoints
 * (R ≤ 30 days and 4+ invoices is Champions; one invoice over 90 days ago is Lost), so the groups are known.
 *
 * Champions (40): 32 women in Hà Nội, 4 men in Hà Nội, 4 men in Đà Nẵng; 30 came through Zalo. Each bought
 * 4 times, 7 days apart, 200.000 ₫ a time.
 * Lost (160): 40 women and 104 men in TP Hồ Chí Minh, 8 women and 4 men in Hà Nội, 4 of unknown gender in
 * Cần Thơ; 10 came through Zalo. Each bought once, 100.000 ₫, on 1 October 2025.
 *
 * So among all 200: women 80 (40%), men 116 (58%), unknown 4 (2%); Hà Nội 48 (24%), TP Hồ Chí Minh 144 (72%),
 * Đà Nẵng 4, Cần Thơ 4 (2% each); Zalo 40 (20%). No birth date, store or tier column.
 */
export const AS_OF = '2026-11-22';
export const CUSTOMER_HEADER = [
  'Mã khách hàng',
  'Tên khách hàng',
  'Điện thoại',
  'Giới tính',
  'Tỉnh/Thành phố',
  'Nguồn khách',
];
export const INVOICE_HEADER = ['Mã hóa đơn', 'Thời gian', 'Mã khách hàng', 'Tổng tiền hàng'];

interface Kind {
  count: number;
  gender: string;
  city: string;
  zalo: number;
  champion: boolean;
}

const KINDS: Kind[] = [
  { count: 32, gender: 'Nữ', city: 'Hà Nội', zalo: 30, champion: true },
  { count: 4, gender: 'Nam', city: 'Hà Nội', zalo: 0, champion: true },
  { count: 4, gender: 'Nam', city: 'Đà Nẵng', zalo: 0, champion: true },
  { count: 40, gender: 'Nữ', city: 'TP.HCM', zalo: 10, champion: false },
  { count: 104, gender: 'Nam', city: 'Hồ Chí Minh', zalo: 0, champion: false },
  { count: 8, gender: 'nữ', city: 'Hà Nội', zalo: 0, champion: false },
  { count: 4, gender: 'Nam', city: 'Hà Nội', zalo: 0, champion: false },
  { count: 4, gender: '', city: 'Cần Thơ', zalo: 0, champion: false },
];

const CHAMPION_DAYS = ['25/10/2026 10:15', '01/11/2026 18:40', '08/11/2026 09:05', '15/11/2026 20:30'];

export function skewedShop(): { customers: string[][]; invoices: string[][] } {
  const customers: string[][] = [CUSTOMER_HEADER];
  const invoices: string[][] = [INVOICE_HEADER];
  let serial = 1;
  let n = 0;
  for (const kind of KINDS) {
    for (let i = 0; i < kind.count; i++) {
      n++;
      const code = `KH${String(n).padStart(5, '0')}`;
      const phone = `09${String(10_000_000 + n * 7).padStart(8, '0')}`;
      customers.push([
        code,
        `Khách ${n}`,
        phone,
        kind.gender,
        kind.city,
        i < kind.zalo ? 'Zalo' : 'Tại quầy',
      ]);
      const days = kind.champion ? CHAMPION_DAYS : ['01/10/2025 12:00'];
      for (const day of days)
        invoices.push([
          `HD${String(serial++).padStart(6, '0')}`,
          day,
          code,
          kind.champion ? '200.000' : '100.000',
        ]);
    }
  }
  return { customers, invoices };
}
