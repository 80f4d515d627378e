/**
 * The small tea shop of the campaign tests (campaign-runs.test.ts through the add-on, cli/campaign.test.ts
 * through the command line): eight At Risk customers on 30 September, a Champion outside the campaign, and the
 * sales of the 60 days after. The reasoning behind every expected number is in campaign-runs.test.ts.
 */
import type { CustomerRow, InvoiceRow } from './small-shop';

export const CAMPAIGN = 'Gọi lại khách cũ';
/**
 * The groups "Gọi lại khách cũ" at 40% gives, by its hash (stableHash32 of name ␟ key, mod 10 000, below 4 000
 * is held out): the add-on and the command line must both freeze these.
 */
export const GROUPS: Record<string, 'treated' | 'holdout'> = {
  'code:KH01': 'treated',
  'code:KH02': 'treated',
  'code:KH03': 'holdout',
  'code:KH04': 'treated',
  'code:KH05': 'treated',
  'code:KH06': 'holdout',
  'code:KH07': 'holdout',
  'code:KH08': 'treated',
};

export const CUSTOMERS: CustomerRow[] = [
  ['KH01', 'Nguyễn Văn An', '0901000001', 'Hà Nội', ''],
  ['KH02', 'Trần Thị Bình', '0901000002', 'Hà Nội', ''],
  ['KH03', 'Lê Minh Chi', '0901000003', 'Hà Nội', ''],
  ['KH04', 'Phạm Quốc Dũng', '0901000004', 'Đà Nẵng', ''],
  ['KH05', 'Võ Thu Em', '0901000005', 'Huế', ''],
  ['KH06', 'Đỗ Hương Giang', '0901000006', 'Hải Phòng', ''],
  ['KH07', 'Bùi Thanh Hoa', '0901000007', 'Hà Nội', ''],
  ['KH08', 'Hồ Văn Ích', '0901000008', 'Cần Thơ', ''],
  ['KH09', 'Ngô Bảo Khánh', '0901000009', 'Hà Nội', ''],
];
export const SPRING: InvoiceRow[] = CUSTOMERS.slice(0, 8).flatMap(([code], i): InvoiceRow[] => [
  [`HD1${i}`, '10/05/2026 10:00', code, '200.000'],
  [`HD2${i}`, '20/06/2026 10:00', code, '200.000'],
]);
export const KHANH: InvoiceRow[] = ['02/09', '10/09', '20/09', '28/09'].map((day, i) => [
  `HD3${i}`,
  `${day}/2026 09:00`,
  'KH09',
  '100.000',
]);
export const OCTOBER: InvoiceRow[] = [
  ...SPRING,
  ...KHANH,
  ['HD401', '03/10/2026 10:00', 'KH01', '300.000'], // treated, day 3
  ['HD402', '20/10/2026 10:00', 'KH02', '500.000'], // treated, day 20
  ['HD403', '05/10/2026 10:00', 'KH04', '200.000'], // treated, day 5
  ['HD404', '25/10/2026 10:00', 'KH04', '200.000'], // treated, again on day 25
  ['HD405', '28/10/2026 10:00', 'KH06', '250.000'], // held out, day 28
  ['HD406', '15/10/2026 10:00', 'KH09', '100.000'], // not in the campaign
];
export const NOVEMBER: InvoiceRow[] = [
  ...OCTOBER,
  ['HD501', '10/11/2026 10:00', 'KH01', '400.000'], // treated, back a second time (day 41)
  ['HD502', '14/11/2026 10:00', 'KH05', '600.000'], // treated, day 45
  ['HD503', '28/11/2026 10:00', 'KH07', '150.000'], // held out, day 59
];
