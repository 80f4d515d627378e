/** Customers for filter tests: a realistic buyer by default, any field overridden. */
import type { CustomerRecord } from '../../../src/core/model';

/** Day number of a calendar date (days since 1970-01-01). */
export function day(iso: string): number {
  const [year, month, date] = iso.split('-').map(Number) as [number, number, number];
  return Date.UTC(year, month - 1, date) / 86_400_000;
}

/** The as-of day most tests run on: 31 March 2026. */
export const AS_OF = day('2026-03-31');

let serial = 0;

export function makeCustomer(overrides: Partial<CustomerRecord> = {}): CustomerRecord {
  serial++;
  const code = overrides.code ?? `KH${String(serial).padStart(6, '0')}`;
  return {
    key: `code:${code}`,
    code,
    name: 'Nguyễn Thị Lan',
    phone: '0912345678',
    email: 'lan.nguyen@example.com',
    gender: 'female',
    birthDay: day('1994-03-15'),
    birthdayMonth: 3,
    age: 32,
    ageBand: '26-35',
    tier: 'Vàng',
    points: 1250,
    channel: 'Cửa hàng',
    city: 'Hà Nội',
    province: 'TP Hà Nội',
    region: 'North',
    tags: ['vip', 'sinh viên'],
    registeredDay: day('2024-06-01'),
    tenureDays: AS_OF - day('2024-06-01'),
    firstPurchaseDay: day('2024-06-01'),
    lastPurchaseDay: day('2026-03-10'),
    recencyDays: AS_OF - day('2026-03-10'),
    frequency: 7,
    // Đồng have no minor unit: the minor amount is the amount.
    spendMinor: overrides.totalSpend ?? 6_450_000,
    totalSpend: 6_450_000,
    averageOrder: 6_450_000 / 7,
    monetary: 6_450_000,
    lastStore: 'Chi nhánh Cầu Giấy',
    lastCity: 'Hà Nội',
    r: 5,
    f: 4,
    m: 5,
    rfmCode: '545',
    segmentId: 'champions',
    sourceRows: [serial + 1],
    ...overrides,
    ...(overrides.code === undefined ? {} : { key: overrides.key ?? `code:${overrides.code}` }),
  };
}

/** A registered member who never bought: no purchase dates, recency or average order; scores 0. */
export function makeProspect(overrides: Partial<CustomerRecord> = {}): CustomerRecord {
  return makeCustomer({
    firstPurchaseDay: undefined,
    lastPurchaseDay: undefined,
    recencyDays: undefined,
    frequency: 0,
    totalSpend: 0,
    averageOrder: undefined,
    monetary: 0,
    lastStore: '',
    lastCity: '',
    r: 0,
    f: 0,
    m: 0,
    rfmCode: '000',
    segmentId: 'prospect',
    ...overrides,
  });
}
