/**
 * The known purchases every layout fixture is rendered from, and the R, F, M scores worked out by hand.
 *
 * As of 2026-11-22. Eight buying customers (n = 8), so a score is 1 + floor(5·w/8), w = buyers strictly worse:
 * w 0–1 → 1, w 2–3 → 2, w 4 → 3, w 5–6 → 4, w 7 → 5.
 *
 * Recency (days since the last invoice): C1 2, C2 5, C3 10, C4 20, C5 40, C6 60, C7 90, C8 150, all distinct, so
 * w = number of customers with a larger recency: C1 7 → R5, C2 6 → R4, C3 5 → R4, C4 4 → R3, C5 3 → R2,
 * C6 2 → R2, C7 1 → R1, C8 0 → R1.
 *
 * Frequency (valid invoices): C1 1, C2 5, C3 2, C4 4, C5 3, C6 1, C7 2, C8 3. Ties share w: F=1 (C1, C6) w 0 → F1;
 * F=2 (C3, C7) w 2 → F2; F=3 (C5, C8) w 4 → F3; F=4 (C4) w 6 → F4; F=5 (C2) w 7 → F5.
 *
 * Monetary (total spend, VND; the international layouts write the same numbers ÷ 1000 as dollars), ascending:
 * C1 50k w0 → M1, C6 80k w1 → M1, C3 150k w2 → M2, C7 200k w3 → M2, C5 300k w4 → M3, C8 450k w5 → M4,
 * C4 600k w6 → M4, C2 900k w7 → M5.
 *
 * Besides these, the data holds what real exports hold: a cancelled invoice of C1 on the as-of day (99k; if it
 * were counted C1 would have F2 and recency 0, and every F and R score would move), a walk-in sale three days ago
 * (70k, two lines; if it became a customer n would be 9), and two-line invoices (the first invoice of C2, C4,
 * C5 and C8: line 1 = amount − 20k, line 2 = 2 × 10k).
 */

export const AS_OF = '2026-11-22';
/** 2026-11-22 00:00 UTC. */
export const AS_OF_UTC = Date.UTC(2026, 10, 22);
const DAY = 86_400_000;

export interface Customer {
  /** 1..8 for buyers, 9 for the prospect (registered, never bought). */
  n: number;
  nameVi: string;
  first: string;
  last: string;
  /** Canonical Vietnamese mobile, `09123456nn`. */
  phone: string;
  email: string;
  cityVi: string;
  cityEn: string;
  recency: number;
  invoices: number;
  /** Total spend in base units (VND; ÷ 1000 for dollar layouts). */
  spend: number;
}

export interface Line {
  product: string;
  quantity: number;
  /** Base units. */
  unitPrice: number;
  amount: number;
}

export interface Sale {
  /** 1-based, in the order sales are listed (newest first). */
  seq: number;
  customer?: Customer;
  daysAgo: number;
  total: number;
  lines: Line[];
  cancelled: boolean;
}

const NAMES: [string, string, string][] = [
  ['Nguyễn Thị An', 'An', 'Nguyen'],
  ['Trần Văn Bình', 'Binh', 'Tran'],
  ['Lê Thị Chi', 'Chi', 'Le'],
  ['Phạm Văn Dũng', 'Dung', 'Pham'],
  ['Hoàng Thị Em', 'Em', 'Hoang'],
  ['Vũ Văn Giang', 'Giang', 'Vu'],
  ['Đặng Thị Hoa', 'Hoa', 'Dang'],
  ['Bùi Văn Khánh', 'Khanh', 'Bui'],
  ['Đỗ Thị Lan', 'Lan', 'Do'],
];
const CITIES: [string, string][] = [
  ['TP.HCM', 'Boston'],
  ['Hà Nội', 'Austin'],
  ['Đà Nẵng', 'Denver'],
];
//                       C1     C2       C3       C4       C5       C6      C7       C8       prospect
const RECENCY = [2, 5, 10, 20, 40, 60, 90, 150, 0];
const INVOICES = [1, 5, 2, 4, 3, 1, 2, 3, 0];
const SPEND = [50_000, 900_000, 150_000, 600_000, 300_000, 80_000, 200_000, 450_000, 0];

export const CUSTOMERS: Customer[] = NAMES.map(([nameVi, first, last], i) => ({
  n: i + 1,
  nameVi,
  first,
  last,
  phone: `09123456${String(i + 1).padStart(2, '0')}`,
  email: `${first.toLowerCase()}.${last.toLowerCase()}@example.com`,
  cityVi: CITIES[i % 3]![0],
  cityEn: CITIES[i % 3]![1],
  recency: RECENCY[i]!,
  invoices: INVOICES[i]!,
  spend: SPEND[i]!,
}));

export const BUYERS = CUSTOMERS.filter((c) => c.invoices > 0);
export const PROSPECT = CUSTOMERS[8]!;

/** Hand-worked [R, F, M] per buyer (see the header comment). */
export const EXPECTED_RFM: Record<number, [number, number, number]> = {
  1: [5, 1, 1],
  2: [4, 5, 5],
  3: [4, 2, 2],
  4: [3, 4, 4],
  5: [2, 3, 3],
  6: [2, 1, 1],
  7: [1, 2, 2],
  8: [1, 3, 4],
};

const TWO_LINE_FIRST_INVOICE = new Set([2, 4, 5, 8]);

function linesOf(amount: number, two: boolean): Line[] {
  if (!two) return [{ product: 'Cà phê sữa', quantity: 1, unitPrice: amount, amount }];
  return [
    { product: 'Bánh mì', quantity: 1, unitPrice: amount - 20_000, amount: amount - 20_000 },
    { product: 'Trà đào', quantity: 2, unitPrice: 10_000, amount: 20_000 },
  ];
}

export interface SaleOptions {
  /** The export has a way to write a cancelled invoice (a status column). */
  cancelled: boolean;
  /** The export has sales without a customer (a POS till). */
  walkIn: boolean;
}

/** Every sale, newest first. */
export function buildSales(options: SaleOptions): Sale[] {
  const drafts: Omit<Sale, 'seq'>[] = [];
  for (const customer of BUYERS) {
    const each = customer.spend / customer.invoices;
    for (let k = 0; k < customer.invoices; k++) {
      const two = k === 0 && TWO_LINE_FIRST_INVOICE.has(customer.n);
      drafts.push({
        customer,
        daysAgo: customer.recency + 7 * (customer.invoices - 1 - k),
        total: each,
        lines: linesOf(each, two),
        cancelled: false,
      });
    }
  }
  if (options.cancelled) {
    drafts.push({
      customer: CUSTOMERS[0],
      daysAgo: 0,
      total: 99_000,
      lines: linesOf(99_000, false),
      cancelled: true,
    });
  }
  if (options.walkIn) {
    drafts.push({ daysAgo: 3, total: 70_000, lines: linesOf(70_000, true), cancelled: false });
  }
  drafts.sort((a, b) => a.daysAgo - b.daysAgo);
  return drafts.map((draft, i) => ({ ...draft, seq: i + 1 }));
}

/** Wall-clock parts of 10:15 local time, `daysAgo` days before the as-of date. */
export interface WallTime {
  y: number;
  m: number;
  d: number;
  hh: number;
  mm: number;
}

export function wallTime(daysAgo: number, hh = 10, mm = 15): WallTime {
  const date = new Date(AS_OF_UTC - daysAgo * DAY);
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate(), hh, mm };
}

/** The day `daysAgo` days before the as-of date at 10:15 in Asia/Ho_Chi_Minh (UTC+7), as a Date cell. */
export function vnDateCell(daysAgo: number): Date {
  return new Date(AS_OF_UTC - daysAgo * DAY + (10 - 7) * 3_600_000 + 15 * 60_000);
}
