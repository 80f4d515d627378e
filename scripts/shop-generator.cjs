'use strict';
/* global module, require */
/**
 * A seeded generator of realistic shop data: a café chain's KiotViet-like invoice-detail export and customer
 * list, with the quirks of real pastes, and the truth the engine should find in them.
 *
 * One implementation for every caller: CommonJS so jest (ts-jest, CommonJS) can `require` it, and node ESM
 * scripts `import { generateShop } from './shop-generator.cjs'`. Types for TypeScript: `shop-generator.d.cts`.
 *
 * Deterministic: no clock, no `Math.random`; every draw comes from one sfc32 stream seeded by `seed`, so one
 * seed gives the same shop byte for byte on every machine.
 *
 * Definitions used by `truth` (design.md §2–3):
 * - an invoice is **cancelled** when its status is `Đã hủy`; cancelled invoices count for nothing;
 * - an invoice's **net** is `Khách cần trả` (= `Tổng tiền hàng` − `Giảm giá hóa đơn` = sum of `Thành tiền`
 *   − discount), taken once per invoice code; negative lines net out inside their invoice;
 * - a **valid invoice** (a purchase) is a non-cancelled invoice whose net is > 0; returns (`TH…` codes, net
 *   < 0) are not purchases but their net counts against the customer's **net spend**;
 * - days are calendar days of the printed local time (the shop's zone, Asia/Ho_Chi_Minh).
 */

// eslint-disable-next-line @typescript-eslint/no-require-imports -- CommonJS on purpose, see above
const fs = require('node:fs');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const path = require('node:path');

/** @typedef {string | number} Cell */
/**
 * @typedef {object} SheetData
 * @property {string[][]} titleRows rows above the header (title lines and blank rows), as wide as the header
 * @property {string[]} header
 * @property {Cell[][]} rows every row below the header, as written: data, repeated header, totals row
 */

// ---------------------------------------------------------------------------------------------------------
// Random numbers

/** sfc32 (Chris Doty-Humphrey's Small Fast Counter): 128-bit state, good statistics, fast in JS. */
class Random {
  /** @param {number | string} seed */
  constructor(seed) {
    // Seed the four state words from the seed's text with a 32-bit FNV-1a + murmur finaliser per word.
    const text = String(seed);
    /** @type {number[]} */
    const words = [];
    for (let k = 0; k < 4; k++) {
      let h = (0x811c9dc5 ^ (k * 0x9e3779b9)) >>> 0;
      for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
      h ^= h >>> 16;
      h = Math.imul(h, 0x85ebca6b) >>> 0;
      h ^= h >>> 13;
      h = Math.imul(h, 0xc2b2ae35) >>> 0;
      h ^= h >>> 16;
      words.push(h >>> 0);
    }
    this.a = words[0];
    this.b = words[1];
    this.c = words[2];
    this.d = words[3];
    for (let i = 0; i < 16; i++) this.next();
  }

  /** A float in [0, 1). */
  next() {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** An integer in [0, n). @param {number} n */
  int(n) {
    return Math.floor(this.next() * n);
  }

  /** An integer in [min, max]. @param {number} min @param {number} max */
  between(min, max) {
    return min + this.int(max - min + 1);
  }

  /** @param {number} p */
  chance(p) {
    return this.next() < p;
  }

  /** @template T @param {readonly T[]} items @returns {T} */
  pick(items) {
    return items[this.int(items.length)];
  }
}

/**
 * Weighted choice in O(log n): cumulative weights and a binary search.
 * @template T
 */
class Weighted {
  /** @param {readonly (readonly [T, number])[]} entries */
  constructor(entries) {
    /** @type {T[]} */
    this.items = entries.map((entry) => entry[0]);
    this.cumulative = new Float64Array(entries.length);
    let sum = 0;
    entries.forEach(([, weight], i) => {
      sum += weight;
      this.cumulative[i] = sum;
    });
    this.total = sum;
  }

  /** @param {Random} random @returns {T} */
  draw(random) {
    const target = random.next() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cumulative[mid] > target) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo];
  }
}

// ---------------------------------------------------------------------------------------------------------
// Calendar: day numbers (days since 1970-01-01) without Date, so no zone can shift a day.

/** @param {number} y @param {number} m @param {number} d */
function dayFromYmd(y, m, d) {
  // Howard Hinnant's days_from_civil.
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** @param {number} day @returns {[number, number, number]} */
function ymdFromDay(day) {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [m <= 2 ? yoe + era * 400 + 1 : yoe + era * 400, m, d];
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). @param {number} day */
function weekday(day) {
  return (((day + 4) % 7) + 7) % 7;
}

/** @param {number} n */
const pad2 = (n) => (n < 10 ? `0${n}` : String(n));

/** `yyyy-mm-dd`. @param {number} day */
function isoDay(day) {
  const [y, m, d] = ymdFromDay(day);
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

/** `dd/mm/yyyy`. @param {number} day */
function vnDay(day) {
  const [y, m, d] = ymdFromDay(day);
  return `${pad2(d)}/${pad2(m)}/${y}`;
}

/** `dd/mm/yyyy hh:mm` or with `:ss`. @param {number} day @param {number} second @param {boolean} withSeconds */
function vnDateTime(day, second, withSeconds) {
  const hh = Math.floor(second / 3600);
  const mm = Math.floor((second % 3600) / 60);
  const base = `${vnDay(day)} ${pad2(hh)}:${pad2(mm)}`;
  return withSeconds ? `${base}:${pad2(second % 60)}` : base;
}

/**
 * `vnDateTime` with the day and minute texts cached: one string per sale instead of a dozen intermediate ones,
 * which matters at a million rows.
 */
function dateTimeTexts() {
  /** @type {Map<number, string>} */
  const days = new Map();
  const minutes = Array.from({ length: 1440 }, (_, m) => ` ${pad2(Math.floor(m / 60))}:${pad2(m % 60)}`);
  const seconds = Array.from({ length: 60 }, (_, x) => `:${pad2(x)}`);
  /** @param {number} day @param {number} second @param {boolean} withSeconds */
  return (day, second, withSeconds) => {
    let text = days.get(day);
    if (text === undefined) days.set(day, (text = vnDay(day)));
    text += minutes[Math.floor(second / 60)];
    return withSeconds ? text + seconds[second % 60] : text;
  };
}

/** @param {string} text */
function parseIsoDay(text) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const day = match ? dayFromYmd(Number(match[1]), Number(match[2]), Number(match[3])) : NaN;
  if (!match || isoDay(day) !== text) throw new RangeError(`asOf must be a yyyy-mm-dd date, got "${text}"`);
  return day;
}

/** The same day of the month, `months` earlier (clamped to the month's last day). @param {number} day @param {number} months */
function monthsBefore(day, months) {
  const [y, m, d] = ymdFromDay(day);
  const index = y * 12 + (m - 1) - months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = ymdFromDay(dayFromYmd(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) - 1)[2];
  return dayFromYmd(year, month, Math.min(d, last));
}

// ---------------------------------------------------------------------------------------------------------
// The shop: Cà Phê Phố Cũ, three stores in two cities.

/** @typedef {{ name: string, city: 'hcm' | 'hn', opensDay: number, weight: number }} Store */

/** Lunar New Year (Tết) days: sales dip while people go home, and rise in the fortnight before. */
const TET_DAYS = [
  dayFromYmd(2024, 2, 10),
  dayFromYmd(2025, 1, 29),
  dayFromYmd(2026, 2, 17),
  dayFromYmd(2027, 2, 6),
  dayFromYmd(2028, 1, 26),
];

/** Busy days in a Vietnamese café: Valentine's, Women's days, Christmas Eve, the 30/4–2/9 holidays. */
const BUSY_MONTH_DAYS = new Map([
  ['02-14', 1.3],
  ['03-08', 1.25],
  ['04-30', 1.2],
  ['05-01', 1.2],
  ['09-02', 1.2],
  ['10-20', 1.25],
  ['12-24', 1.35],
  ['12-31', 1.2],
]);

/** Sales per hour of day (07–09 morning rush, mid-afternoon, evening). */
const HOURS = new Weighted(
  /** @type {[number, number][]} */ ([
    [6, 2],
    [7, 7],
    [8, 10],
    [9, 8],
    [10, 5],
    [11, 4],
    [12, 4],
    [13, 4],
    [14, 6],
    [15, 7],
    [16, 5],
    [17, 4],
    [18, 4],
    [19, 7],
    [20, 7],
    [21, 4],
    [22, 2],
  ]),
);

/**
 * The menu: KiotViet product codes, names, prices in VND; `raise` is the price from the menu change of
 * 1 March 2026. `hn` weights the Hà Nội store's taste (egg coffee).
 * @typedef {{ code: string, name: string, price: number, raise: number, weight: number, hn: number }} Product
 */
/** @type {Product[]} */
const MENU = /** @type {[string, string, number, number, number, number][]} */ ([
  ['SP000001', 'Cà phê đen đá', 25000, 29000, 9, 6],
  ['SP000002', 'Cà phê sữa đá', 29000, 32000, 14, 9],
  ['SP000003', 'Bạc xỉu', 35000, 39000, 12, 6],
  ['SP000004', 'Cà phê muối', 39000, 42000, 9, 5],
  ['SP000005', 'Cà phê trứng', 45000, 49000, 2, 14],
  ['SP000006', 'Cold brew cam sả', 55000, 55000, 4, 3],
  ['SP000007', 'Espresso', 35000, 35000, 2, 2],
  ['SP000008', 'Cappuccino', 49000, 52000, 3, 3],
  ['SP000009', 'Latte đá', 49000, 52000, 4, 4],
  ['SP000010', 'Trà đào cam sả', 45000, 49000, 10, 7],
  ['SP000011', 'Trà sen vàng', 49000, 49000, 5, 5],
  ['SP000012', 'Trà vải hoa hồng', 49000, 52000, 4, 3],
  ['SP000013', 'Trà ô long sữa', 45000, 45000, 4, 4],
  ['SP000014', 'Matcha latte', 55000, 59000, 5, 4],
  ['SP000015', 'Matcha đá xay', 65000, 69000, 3, 2],
  ['SP000016', 'Cacao nóng', 45000, 45000, 2, 4],
  ['SP000017', 'Sinh tố bơ', 59000, 65000, 3, 2],
  ['SP000018', 'Nước ép cam', 45000, 49000, 3, 2],
  ['SP000019', 'Bánh croissant bơ', 35000, 35000, 3, 3],
  ['SP000020', 'Bánh tiramisu', 45000, 45000, 2, 2],
  ['SP000021', 'Combo 2 ly + bánh', 89000, 95000, 2, 2],
]).map(([code, name, price, raise, weight, hn]) => ({ code, name, price, raise, weight, hn }));

const PRICE_RAISE_DAY = dayFromYmd(2026, 3, 1);
const MENU_HCM = new Weighted(MENU.map((p, i) => /** @type {[number, number]} */ ([i, p.weight])));
const MENU_HN = new Weighted(MENU.map((p, i) => /** @type {[number, number]} */ ([i, p.hn])));

/** @param {Product} product @param {number} day */
const priceOn = (product, day) => (day >= PRICE_RAISE_DAY ? product.raise : product.price);

const LINES_PER_INVOICE = new Weighted(
  /** @type {[number, number][]} */ ([
    [1, 62],
    [2, 24],
    [3, 9],
    [4, 5],
  ]),
);
const QUANTITY = new Weighted(
  /** @type {[number, number][]} */ ([
    [1, 85],
    [2, 12],
    [3, 3],
  ]),
);
const CHANNEL_NAMES = ['Bán trực tiếp', 'GrabFood', 'ShopeeFood', 'Zalo'];
const CHANNELS = new Weighted(
  /** @type {[number, number][]} */ ([
    [0, 86],
    [1, 7],
    [2, 5],
    [3, 2],
  ]),
);

const STATUS_DONE = 'Hoàn thành';
const STATUS_CANCELLED = 'Đã hủy';
const WALK_IN_NAME = 'Khách lẻ';

// ---------------------------------------------------------------------------------------------------------
// People: Vietnamese names, phones, places.

const SURNAMES = new Weighted(
  /** @type {[string, number][]} */ ([
    ['Nguyễn', 31],
    ['Trần', 11],
    ['Lê', 9],
    ['Phạm', 7],
    ['Hoàng', 4],
    ['Huỳnh', 4],
    ['Phan', 4],
    ['Vũ', 3],
    ['Võ', 3],
    ['Đặng', 2],
    ['Bùi', 2],
    ['Đỗ', 2],
    ['Hồ', 2],
    ['Ngô', 2],
    ['Dương', 1],
    ['Lý', 1],
    ['Đinh', 1],
    ['Trương', 1],
    ['Lâm', 1],
    ['Mai', 1],
  ]),
);
const MIDDLE = {
  male: ['Văn', 'Minh', 'Quốc', 'Đức', 'Hoàng', 'Gia', 'Thanh', 'Hữu', 'Công', 'Tuấn', 'Anh', 'Bảo', 'Đình'],
  female: [
    'Thị',
    'Ngọc',
    'Thu',
    'Minh',
    'Thanh',
    'Hồng',
    'Phương',
    'Bảo',
    'Kim',
    'Mỹ',
    'Khánh',
    'Thùy',
    'Hoài',
  ],
};
const GIVEN = {
  male: [
    'Anh',
    'Bảo',
    'Cường',
    'Dũng',
    'Duy',
    'Đạt',
    'Hải',
    'Hiếu',
    'Hoàng',
    'Huy',
    'Hùng',
    'Khang',
    'Khoa',
    'Khôi',
    'Kiên',
    'Long',
    'Lâm',
    'Minh',
    'Nam',
    'Nghĩa',
    'Phát',
    'Phong',
    'Phúc',
    'Quân',
    'Quang',
    'Sơn',
    'Tài',
    'Thắng',
    'Thành',
    'Thịnh',
    'Toàn',
    'Trí',
    'Trung',
    'Tuấn',
    'Tùng',
    'Việt',
    'Vinh',
    'Vũ',
    'Hòa',
  ],
  female: [
    'Anh',
    'Chi',
    'Diệp',
    'Dung',
    'Giang',
    'Hà',
    'Hằng',
    'Hạnh',
    'Hiền',
    'Hoa',
    'Hòa',
    'Hương',
    'Huyền',
    'Lan',
    'Linh',
    'Loan',
    'Mai',
    'My',
    'Ngân',
    'Ngọc',
    'Nhi',
    'Nhung',
    'Oanh',
    'Phương',
    'Quyên',
    'Quỳnh',
    'Tâm',
    'Thảo',
    'Thư',
    'Thủy',
    'Trang',
    'Trâm',
    'Uyên',
    'Vân',
    'Vy',
    'Yến',
  ],
};
/** New tone-mark placement → old placement, as older keyboards type them (`Hòa` → `Hoà`). */
const OLD_TONE = new Map([
  ['Hòa', 'Hoà'],
  ['Thủy', 'Thuỷ'],
  ['Thùy', 'Thuỳ'],
]);

/** Mobile prefixes by network (2018 numbering). */
const MOBILE_PREFIXES = new Weighted(
  /** @type {[string, number][]} */ ([
    ['086', 3],
    ['096', 5],
    ['097', 6],
    ['098', 6],
    ['032', 3],
    ['033', 3],
    ['034', 2],
    ['035', 2],
    ['036', 2],
    ['037', 2],
    ['038', 2],
    ['039', 2],
    ['089', 2],
    ['090', 6],
    ['093', 4],
    ['070', 2],
    ['076', 1],
    ['077', 2],
    ['078', 1],
    ['079', 2],
    ['088', 2],
    ['091', 5],
    ['094', 4],
    ['081', 1],
    ['082', 1],
    ['083', 1],
    ['084', 1],
    ['085', 1],
    ['092', 1],
    ['056', 1],
    ['058', 1],
    ['099', 1],
    ['059', 1],
  ]),
);
/** The 2018 renumbering read backwards: today's prefix → the 11-digit prefix it replaced. */
const OLD_PREFIX = new Map([
  ['032', '0162'],
  ['033', '0163'],
  ['034', '0164'],
  ['035', '0165'],
  ['036', '0166'],
  ['037', '0167'],
  ['038', '0168'],
  ['039', '0169'],
  ['070', '0120'],
  ['079', '0121'],
  ['077', '0122'],
  ['076', '0126'],
  ['078', '0128'],
  ['083', '0123'],
  ['084', '0124'],
  ['085', '0125'],
  ['081', '0127'],
  ['082', '0129'],
  ['056', '0186'],
  ['058', '0188'],
  ['059', '0199'],
]);

/**
 * How a phone is written in the export (pos-formats.md "Phones"), for canonical `0912345678`.
 * @typedef {'canonical' | 'spaces' | 'dots' | 'parentheses' | 'plus84' | 'prefix84' | 'lostZero' | 'old11'} PhoneSpelling
 */
/** @type {Record<PhoneSpelling, (phone: string) => string>} */
const SPELL_PHONE = {
  canonical: (p) => p,
  spaces: (p) => `${p.slice(0, 4)} ${p.slice(4, 7)} ${p.slice(7)}`,
  dots: (p) => `${p.slice(0, 4)}.${p.slice(4, 7)}.${p.slice(7)}`,
  parentheses: (p) => `(${p.slice(0, 3)}) ${p.slice(3)}`,
  plus84: (p) => `+84 ${p.slice(1, 4)} ${p.slice(4, 7)} ${p.slice(7)}`,
  prefix84: (p) => `84${p.slice(1)}`,
  lostZero: (p) => p.slice(1),
  old11: (p) => `${OLD_PREFIX.get(p.slice(0, 3))}${p.slice(3)}`,
};
const PHONE_SPELLINGS = new Weighted(
  /** @type {[PhoneSpelling, number][]} */ ([
    ['canonical', 72],
    ['spaces', 8],
    ['dots', 6],
    ['parentheses', 1],
    ['plus84', 5],
    ['prefix84', 4],
    ['lostZero', 4],
  ]),
);

/**
 * KiotViet `Khu vực` values (province - district/ward), pre-2025 names mixed with the 34-province names.
 * `near` are the provinces around each city; `far` customers are visitors from elsewhere.
 */
const AREAS = {
  hcm: [
    'Hồ Chí Minh - Quận 1',
    'Hồ Chí Minh - Quận 3',
    'Hồ Chí Minh - Quận Phú Nhuận',
    'Hồ Chí Minh - Quận Bình Thạnh',
    'Hồ Chí Minh - Quận 7',
    'Hồ Chí Minh - Thành phố Thủ Đức',
    'Hồ Chí Minh - Quận Tân Bình',
    'Hồ Chí Minh - Quận Gò Vấp',
    'TP Hồ Chí Minh - Phường Sài Gòn',
    'TP Hồ Chí Minh - Phường Bến Thành',
    'TP Hồ Chí Minh - Phường Đức Nhuận',
    'TP Hồ Chí Minh - Phường Gia Định',
    'TP.HCM - Phường Tân Định',
  ],
  hcmNear: [
    'Bình Dương - Thành phố Thủ Dầu Một',
    'Bà Rịa - Vũng Tàu - Thành phố Vũng Tàu',
    'Đồng Nai - Thành phố Biên Hòa',
    'Long An - Thành phố Tân An',
    'Tây Ninh - Phường Tân An',
    'Tiền Giang - Thành phố Mỹ Tho',
    'Đồng Tháp - Phường Mỹ Tho',
    'Cần Thơ - Quận Ninh Kiều',
  ],
  hn: [
    'Hà Nội - Quận Hoàn Kiếm',
    'Hà Nội - Quận Ba Đình',
    'Hà Nội - Quận Đống Đa',
    'Hà Nội - Quận Cầu Giấy',
    'Hà Nội - Quận Hai Bà Trưng',
    'Hà Nội - Quận Tây Hồ',
    'Hà Nội - Phường Hoàn Kiếm',
    'Hà Nội - Phường Cửa Nam',
  ],
  hnNear: [
    'Bắc Ninh - Thành phố Bắc Ninh',
    'Bắc Giang - Thành phố Bắc Giang',
    'Hải Dương - Thành phố Hải Dương',
    'Hải Phòng - Quận Lê Chân',
    'Nam Định - Thành phố Nam Định',
    'Thái Bình - Thành phố Thái Bình',
    'Hưng Yên - Phường Phố Hiến',
    'Quảng Ninh - Thành phố Hạ Long',
  ],
  far: [
    'Đà Nẵng - Quận Hải Châu',
    'Quảng Nam - Thành phố Hội An',
    'Thừa Thiên Huế - Thành phố Huế',
    'Huế - Phường Thuận Hóa',
    'Nghệ An - Thành phố Vinh',
    'Lâm Đồng - Thành phố Đà Lạt',
    'Khánh Hòa - Thành phố Nha Trang',
    'Gia Lai - Phường Quy Nhơn',
  ],
};

const TAGS = new Weighted(
  /** @type {[string, number][]} */ ([
    ['sinh viên', 8],
    ['văn phòng', 10],
    ['khách quen', 5],
    ['gia đình', 3],
    ['freelancer', 2],
    ['du lịch', 2],
    ['đặt online', 3],
    ['thích ít đường', 2],
  ]),
);
const EMAIL_DOMAINS = new Weighted(
  /** @type {[string, number][]} */ ([
    ['gmail.com', 80],
    ['yahoo.com', 8],
    ['outlook.com', 6],
    ['icloud.com', 4],
    ['fpt.edu.vn', 2],
  ]),
);

/** Names that must reach the output as text, never as a formula or markup (design.md §5). */
const HOSTILE_NAMES = ['=HYPERLINK("x")', '+Lan', '<img src=x onerror=alert(1)>'];

/** @param {string} text */
function asciiFold(text) {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

// ---------------------------------------------------------------------------------------------------------
// Money cells

const NBSP = '\u00a0';

/** `1250000` → `1.250.000` (Vietnamese thousands dots). @param {number} amount */
function dotted(amount) {
  const digits = String(Math.abs(amount)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return amount < 0 ? `-${digits}` : digits;
}

/** @typedef {'number' | 'dots' | 'dong'} MoneySpelling */
/** @param {number} amount @param {MoneySpelling} spelling @returns {Cell} */
function spellMoney(amount, spelling) {
  if (spelling === 'dots') return dotted(amount);
  if (spelling === 'dong') return `${dotted(amount)}${NBSP}₫`;
  return amount;
}

// ---------------------------------------------------------------------------------------------------------
// The headers (pos-formats.md, KiotViet; a realistic subset in export order).

const INVOICE_HEADER = [
  'Chi nhánh',
  'Mã hóa đơn',
  'Thời gian',
  'Mã khách hàng',
  'Tên khách hàng',
  'Điện thoại',
  'Khu vực (Khách hàng)',
  'Kênh bán',
  'Tổng tiền hàng',
  'Giảm giá hóa đơn',
  'Khách cần trả',
  'Trạng thái',
  'Mã hàng',
  'Tên hàng',
  'Số lượng',
  'Đơn giá',
  'Thành tiền',
];
const CUSTOMER_HEADER = [
  'Loại khách',
  'Chi nhánh tạo',
  'Mã khách hàng',
  'Tên khách hàng',
  'Điện thoại',
  'Khu vực giao hàng',
  'Ngày sinh',
  'Giới tính',
  'Email',
  'Nhóm khách hàng',
  'Ghi chú',
  'Điểm hiện tại',
  'Ngày tạo',
  'Ngày giao dịch cuối',
  'Tổng bán',
  'Tổng bán trừ trả hàng',
  'Trạng thái',
];
const COL = Object.fromEntries(INVOICE_HEADER.map((name, i) => [name, i]));

/** Tier by net spend in the window (KiotViet `Nhóm khách hàng`). @param {number} net */
function tierFor(net) {
  if (net >= 6_000_000) return 'Kim cương';
  if (net >= 2_000_000) return 'Vàng';
  if (net >= 500_000) return 'Bạc';
  return 'Thành viên';
}

// ---------------------------------------------------------------------------------------------------------
// The model

/**
 * @typedef {object} Customer
 * @property {number} index position among the people (listed customers first, then the unlisted codes)
 * @property {string} code
 * @property {string} name as written in both sheets
 * @property {'Nam' | 'Nữ' | ''} gender
 * @property {string} phone canonical `0xxxxxxxxx`, or '' when none was given
 * @property {string} phoneText as written
 * @property {PhoneSpelling | ''} phoneSpelling
 * @property {string} email
 * @property {number} birthDay day number, or NaN
 * @property {string} area
 * @property {string} tags
 * @property {number} storeIndex home store
 * @property {number} registeredDay
 * @property {number} registeredSecond
 * @property {'prospect' | 'once' | 'few' | 'regular' | 'weekly'} kind
 * @property {boolean} listed false for the few codes that appear on invoices but not in the customer list
 */

/** Invoice flags. */
const CANCELLED = 1;
/** A return document (`TH…`): negative lines, net < 0. */
const RETURN = 2;
/** A sale that a later return document refers to (never cancelled, so the return stays meaningful). */
const RETURNED = 4;
/** A sale with a drink taken back inside it: one negative line, net still > 0. */
const EXCHANGE = 8;

/**
 * @template {Int8Array | Uint8Array | Int32Array} T
 * @param {T} array @param {number} length @returns {T}
 */
function grown(array, length) {
  const bigger = /** @type {T} */ (new /** @type {any} */ (array.constructor)(length));
  bigger.set(array);
  return bigger;
}

/**
 * Invoices and their lines as typed-array columns. A million-row shop fits in a few dozen MB and makes no
 * garbage, where one object per invoice and per line cost seconds of garbage collection. An invoice's lines
 * are contiguous: `firstLine[i]` … `firstLine[i] + lineCount[i] - 1`.
 */
class InvoiceBook {
  /** @param {number} capacity invoices (lines start at 1.6× that) */
  constructor(capacity) {
    this.count = 0;
    this.day = new Int32Array(capacity);
    this.second = new Int32Array(capacity);
    this.store = new Uint8Array(capacity);
    /** Index among the people, or -1 for a walk-in sale. */
    this.person = new Int32Array(capacity);
    this.channel = new Uint8Array(capacity);
    this.discount = new Int32Array(capacity);
    this.flags = new Uint8Array(capacity);
    this.firstLine = new Int32Array(capacity);
    this.lineCount = new Uint8Array(capacity);
    /** Serial number in its series (`HD` sales, `TH` returns), in time order. */
    this.serial = new Int32Array(capacity);
    this.lines = 0;
    const lineCapacity = Math.ceil(capacity * 1.6);
    this.product = new Uint8Array(lineCapacity);
    this.quantity = new Int8Array(lineCapacity);
    this.price = new Int32Array(lineCapacity);
  }

  /** @param {number} day @param {number} second @param {number} store @param {number} person @param {number} channel */
  add(day, second, store, person, channel) {
    if (this.count === this.day.length) {
      const size = this.count * 2;
      this.day = grown(this.day, size);
      this.second = grown(this.second, size);
      this.store = grown(this.store, size);
      this.person = grown(this.person, size);
      this.channel = grown(this.channel, size);
      this.discount = grown(this.discount, size);
      this.flags = grown(this.flags, size);
      this.firstLine = grown(this.firstLine, size);
      this.lineCount = grown(this.lineCount, size);
      this.serial = grown(this.serial, size);
    }
    const i = this.count++;
    this.day[i] = day;
    this.second[i] = second;
    this.store[i] = store;
    this.person[i] = person;
    this.channel[i] = channel;
    this.firstLine[i] = this.lines;
    return i;
  }

  /** Appends a line to invoice `i`, which must be the last invoice added. @param {number} i @param {number} product @param {number} quantity @param {number} price */
  addLine(i, product, quantity, price) {
    if (this.lines === this.product.length) {
      const size = this.lines * 2;
      this.product = grown(this.product, size);
      this.quantity = grown(this.quantity, size);
      this.price = grown(this.price, size);
    }
    const at = this.lines++;
    this.product[at] = product;
    this.quantity[at] = quantity;
    this.price[at] = price;
    this.lineCount[i]++;
  }

  /** Sum of the lines (`Tổng tiền hàng`). @param {number} i */
  total(i) {
    let sum = 0;
    for (let at = this.firstLine[i], end = at + this.lineCount[i]; at < end; at++)
      sum += this.quantity[at] * this.price[at];
    return sum;
  }

  /** `Khách cần trả`: lines minus the invoice discount. @param {number} i */
  net(i) {
    return this.total(i) - this.discount[i];
  }

  /** Invoice indices in time order (ties in order of creation): one typed-array sort of packed keys. */
  timeOrder() {
    const n = this.count;
    let scale = 1;
    while (scale < n) scale *= 2;
    let base = Infinity;
    for (let i = 0; i < n; i++) base = Math.min(base, this.day[i]);
    const keys = new Float64Array(n);
    for (let i = 0; i < n; i++) keys[i] = ((this.day[i] - base) * 86_400 + this.second[i]) * scale + i;
    keys.sort();
    const order = new Uint32Array(n);
    for (let k = 0; k < n; k++) order[k] = keys[k] % scale;
    return order;
  }
}

/**
 * Day weights over the window: weekends, Tết, holidays, summer, slow growth; a cumulative array so a day in
 * any sub-range is drawn in O(log n).
 * @param {number} firstDay @param {number} lastDay
 * @returns {(random: Random, from: number, to: number) => number}
 */
function dayWeights(firstDay, lastDay) {
  const length = lastDay - firstDay + 1;
  const cumulative = new Float64Array(length + 1);
  for (let i = 0; i < length; i++) {
    const day = firstDay + i;
    const dow = weekday(day);
    let w = dow === 0 || dow === 6 ? 1.35 : dow === 5 ? 1.1 : 1;
    const [, m, d] = ymdFromDay(day);
    w *= BUSY_MONTH_DAYS.get(`${pad2(m)}-${pad2(d)}`) ?? 1;
    if (m >= 6 && m <= 8) w *= 1.08;
    for (const tet of TET_DAYS) {
      const offset = day - tet;
      if (offset >= -12 && offset <= -2) w *= 1.3;
      else if (offset >= -1 && offset <= 4) w *= 0.25;
      else if (offset >= 5 && offset <= 10) w *= 0.8;
    }
    w *= 0.85 + (0.3 * i) / Math.max(1, length - 1);
    cumulative[i + 1] = cumulative[i] + w;
  }
  return (random, from, to) => {
    const lo0 = Math.max(0, from - firstDay);
    const hi0 = Math.min(length - 1, to - firstDay);
    const target = cumulative[lo0] + random.next() * (cumulative[hi0 + 1] - cumulative[lo0]);
    let lo = lo0;
    let hi = hi0;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid + 1] > target) hi = mid;
      else lo = mid + 1;
    }
    return firstDay + lo;
  };
}

/** @param {Random} random */
const drawSecond = (random) => HOURS.draw(random) * 3600 + random.int(3600);

/**
 * @param {object} options
 * @param {number | string} options.seed
 * @param {number} options.invoiceRows invoice-line rows of data (before the duplicated paste and totals row)
 * @param {number} [options.customers] registered customers; default invoiceRows / 10
 * @param {string} [options.asOf] `yyyy-mm-dd`, "today" for the data: the last sale is the day before
 * @param {number} [options.months] length of the sales window
 * @param {boolean} [options.quirks] the messy-paste quirks (see sample/README.md)
 * @param {'kiotviet'} [options.layout]
 */
function generateShop(options) {
  const { seed, invoiceRows, asOf = '2026-11-22', months = 18, quirks = true, layout = 'kiotviet' } = options;
  if (layout !== 'kiotviet') throw new RangeError(`Unknown layout "${layout}": only "kiotviet" is generated`);
  if (!Number.isInteger(invoiceRows) || invoiceRows < 200) {
    throw new RangeError(`invoiceRows must be an integer ≥ 200, got ${invoiceRows}`);
  }
  const customerCount = options.customers ?? Math.max(20, Math.round(invoiceRows / 10));
  if (!Number.isInteger(customerCount) || customerCount < 20 || customerCount * 4 > invoiceRows) {
    throw new RangeError(`customers must be an integer from 20 to invoiceRows / 4, got ${customerCount}`);
  }
  if (!Number.isInteger(months) || months < 2) throw new RangeError(`months must be an integer ≥ 2`);
  const asOfDay = parseIsoDay(asOf);
  const lastDay = asOfDay - 1;
  const firstDay = monthsBefore(asOfDay, months);
  const random = new Random(seed);
  const drawDay = dayWeights(firstDay, lastDay);

  // The Hà Nội store opens a quarter of the way into the window.
  /** @type {Store[]} */
  const stores = [
    { name: 'Phố Cũ Quận 1', city: 'hcm', opensDay: firstDay, weight: 45 },
    { name: 'Phố Cũ Phú Nhuận', city: 'hcm', opensDay: firstDay, weight: 32 },
    {
      name: 'Phố Cũ Hoàn Kiếm',
      city: 'hn',
      opensDay: firstDay + Math.floor((lastDay - firstDay) / 4),
      weight: 23,
    },
  ];
  const storeChoice = new Weighted(stores.map((s, i) => /** @type {[number, number]} */ ([i, s.weight])));

  const customers = makeCustomers(random, customerCount, stores, storeChoice, drawDay, firstDay, lastDay);
  const book = new InvoiceBook(Math.ceil(invoiceRows / 1.5) + 64);
  makeMemberInvoices(random, book, customers, stores, drawDay, firstDay, lastDay, invoiceRows, quirks);
  /** @type {Customer[]} */
  const unlisted = [];
  /** @type {Record<string, unknown>} */
  const customerQuirks = {};
  if (quirks) {
    injectCustomerQuirks(random, customers, unlisted, customerQuirks);
    for (const person of unlisted) {
      for (let k = 0; k < 2; k++) {
        const day = drawDay(random, Math.max(firstDay, person.registeredDay), lastDay);
        newInvoice(random, book, day, drawSecond(random), person.storeIndex, person.index, stores);
      }
    }
    addReturns(random, book, lastDay);
  }
  // Walk-in sales fill the rest; the last one is cut to land exactly on `invoiceRows`.
  while (book.lines < invoiceRows) {
    let storeIndex = storeChoice.draw(random);
    const day = drawDay(random, firstDay, lastDay);
    if (day < stores[storeIndex].opensDay) storeIndex = random.int(2);
    const lineCount = Math.min(LINES_PER_INVOICE.draw(random), invoiceRows - book.lines);
    newInvoice(random, book, day, drawSecond(random), storeIndex, -1, stores, lineCount);
  }
  if (quirks) cancelSome(random, book);

  // Codes are handed out in time order, as a POS does; returns have their own series.
  const order = book.timeOrder();
  let sales = 0;
  let returns = 0;
  for (const i of order) book.serial[i] = book.flags[i] & RETURN ? ++returns : ++sales;

  const people = customers.concat(unlisted);
  const { truth, lastInvoice } = computeTruth(people, book, order, asOf, firstDay, lastDay);
  const customerSheet = renderCustomers(customers, stores, book, lastInvoice, truth);
  const invoiceSheet = renderInvoices(random, book, order, people, stores, quirks, firstDay, lastDay, truth);
  truth.quirks = { ...truth.quirks, ...customerQuirks };
  return { invoices: invoiceSheet, customers: customerSheet, truth };
}

/**
 * @param {Random} random @param {number} count @param {Store[]} stores @param {Weighted<number>} storeChoice
 * @param {(random: Random, from: number, to: number) => number} drawDay @param {number} firstDay @param {number} lastDay
 * @returns {Customer[]}
 */
function makeCustomers(random, count, stores, storeChoice, drawDay, firstDay, lastDay) {
  // ≈ 8% never buy; among buyers ≈ 57% buy once, 3% come every week.
  const kinds = new Weighted(
    /** @type {[Customer['kind'], number][]} */ ([
      ['prospect', 8],
      ['once', 92 * 0.575],
      ['few', 92 * 0.28],
      ['regular', 92 * 0.115],
      ['weekly', 92 * 0.03],
    ]),
  );
  const usedPhones = new Set();
  /** @type {Customer[]} */
  const list = [];
  for (let i = 0; i < count; i++) {
    const storeIndex = storeChoice.draw(random);
    const store = stores[storeIndex];
    // A quarter joined the loyalty programme before the window (up to two years before).
    const before = store.opensDay === firstDay && random.chance(0.25);
    const registeredDay = before
      ? firstDay - random.between(1, 730)
      : drawDay(random, store.opensDay, lastDay - random.int(3));
    const isMale = random.chance(0.42);
    const sex = isMale ? 'male' : 'female';
    const surname = SURNAMES.draw(random);
    let given = random.pick(GIVEN[sex]);
    if (random.chance(0.25) && OLD_TONE.has(given)) given = /** @type {string} */ (OLD_TONE.get(given));
    const style = random.next();
    const name =
      style < 0.05
        ? `${isMale ? 'Anh' : 'Chị'} ${given}`
        : style < 0.09
          ? given
          : style < 0.2
            ? `${surname} ${given}`
            : `${surname} ${random.pick(MIDDLE[sex])} ${given}`;
    const gender = random.chance(0.15) ? '' : isMale ? 'Nam' : 'Nữ';
    let phone = '';
    if (!random.chance(0.03)) {
      do phone = `${MOBILE_PREFIXES.draw(random)}${String(random.int(10_000_000)).padStart(7, '0')}`;
      while (usedPhones.has(phone));
      usedPhones.add(phone);
    }
    const email = random.chance(0.3)
      ? `${asciiFold(given)}${random.chance(0.5) ? '.' : ''}${asciiFold(surname)}${random.between(1, 99)}@${EMAIL_DOMAINS.draw(random)}`
      : '';
    const age = Math.min(70, 17 + Math.floor(-Math.log(1 - random.next()) * 9) + random.int(4));
    const birthDay = random.chance(0.7) ? lastDay - age * 365 - random.int(365) : NaN;
    const home = store.city;
    const place = random.next();
    const area =
      place < 0.3
        ? ''
        : place < 0.82
          ? random.pick(AREAS[home])
          : place < 0.94
            ? random.pick(home === 'hcm' ? AREAS.hcmNear : AREAS.hnNear)
            : random.pick(AREAS.far);
    const tagCount = random.chance(0.45) ? random.between(1, 2) : 0;
    /** @type {string[]} */
    const tags = [];
    while (tags.length < tagCount) {
      const tag = TAGS.draw(random);
      if (!tags.includes(tag)) tags.push(tag);
    }
    list.push({
      index: i,
      code: '',
      name,
      gender,
      phone,
      phoneText: phone,
      phoneSpelling: phone ? 'canonical' : '',
      email,
      birthDay,
      area,
      tags: tags.join('; '),
      storeIndex,
      registeredDay,
      registeredSecond: drawSecond(random),
      kind: kinds.draw(random),
      listed: true,
    });
  }
  // Member codes follow registration order, as the POS numbers them.
  list.sort((a, b) => a.registeredDay - b.registeredDay || a.registeredSecond - b.registeredSecond);
  list.forEach((customer, i) => {
    customer.index = i;
    customer.code = `KH${String(i + 1).padStart(6, '0')}`;
  });
  return list;
}

/**
 * One sale: lines of distinct products (so no two lines of one invoice are ever identical), quantities, the
 * day's prices; with `exchanges`, 1% of members' 2–3-line sales take one cheaper drink back (a negative line).
 * Members sometimes get a voucher (`Giảm giá hóa đơn`).
 * @param {Random} random @param {InvoiceBook} book @param {number} day @param {number} second
 * @param {number} storeIndex @param {number} person -1 for a walk-in sale @param {Store[]} stores
 * @param {number} [lineCount] @param {boolean} [exchanges]
 */
function newInvoice(random, book, day, second, storeIndex, person, stores, lineCount, exchanges = false) {
  const menu = stores[storeIndex].city === 'hn' ? MENU_HN : MENU_HCM;
  const count = lineCount ?? LINES_PER_INVOICE.draw(random);
  const i = book.add(day, second, storeIndex, person, CHANNELS.draw(random));
  const first = book.lines;
  /** @param {number} product */
  const has = (product) => book.product.subarray(first, book.lines).includes(product);
  while (book.lineCount[i] < count) {
    const product = menu.draw(random);
    if (!has(product)) book.addLine(i, product, QUANTITY.draw(random), priceOn(MENU[product], day));
  }
  if (exchanges && count >= 2 && count <= 3 && random.chance(0.01)) {
    let cheapest = Infinity;
    for (let at = first; at < book.lines; at++) cheapest = Math.min(cheapest, book.price[at]);
    const back = MENU.findIndex((p, k) => priceOn(p, day) <= cheapest && !has(k));
    if (back >= 0) {
      book.addLine(i, back, -1, priceOn(MENU[back], day));
      book.flags[i] |= EXCHANGE;
    }
  }
  const total = book.total(i);
  if (person >= 0 && total >= 50_000 && random.chance(0.05)) {
    book.discount[i] = random.chance(0.5) ? 10_000 : Math.round((total * 0.1) / 1000) * 1000;
  }
  return i;
}

/**
 * Members' sales. Each kind buys a number of times over an active span (churned customers stop early); the
 * repeat counts are scaled down when members alone would use more than 65% of the rows (large benches).
 * @param {Random} random @param {InvoiceBook} book @param {Customer[]} customers @param {Store[]} stores
 * @param {(random: Random, from: number, to: number) => number} drawDay
 * @param {number} firstDay @param {number} lastDay @param {number} invoiceRows @param {boolean} quirks
 */
function makeMemberInvoices(
  random,
  book,
  customers,
  stores,
  drawDay,
  firstDay,
  lastDay,
  invoiceRows,
  quirks,
) {
  /** @type {{ customer: Customer, start: number, end: number, lineCounts: number[] }[]} */
  const plans = [];
  let rows = 0;
  for (const customer of customers) {
    if (customer.kind === 'prospect') continue;
    const start = Math.max(customer.registeredDay, stores[customer.storeIndex].opensDay, firstDay);
    const stays = customer.kind === 'weekly' ? 0.75 : 0.45;
    const end = random.chance(stays)
      ? lastDay
      : Math.min(lastDay, start + 14 + random.int(lastDay - start + 1));
    const weeks = (end - start + 1) / 7;
    let count = 1;
    if (customer.kind === 'few') count = random.chance(0.5) ? 2 : random.chance(0.6) ? 3 : 4;
    else if (customer.kind === 'regular')
      count = Math.min(24, 5 + Math.floor(-Math.log(1 - random.next()) * 5));
    else if (customer.kind === 'weekly') count = Math.max(8, Math.round(weeks * (0.9 + random.next() * 1.3)));
    const lineCounts = [];
    for (let k = 0; k < count; k++) lineCounts.push(LINES_PER_INVOICE.draw(random));
    rows += lineCounts.reduce((a, b) => a + b, 0);
    plans.push({ customer, start, end, lineCounts });
  }
  const budget = Math.floor(invoiceRows * 0.65);
  if (rows > budget) {
    // Keep every buyer's first sale; trim the repeats in proportion.
    const singles = plans.reduce((sum, plan) => sum + plan.lineCounts[0], 0);
    const factor = Math.max(0, (budget - singles) / Math.max(1, rows - singles));
    for (const plan of plans) plan.lineCounts.length = 1 + Math.floor((plan.lineCounts.length - 1) * factor);
  }
  for (const { customer, start, end, lineCounts } of plans) {
    const registeredInWindow = customer.registeredDay >= firstDay;
    lineCounts.forEach((lineCount, k) => {
      let day;
      let second;
      if (k === 0 && registeredInWindow && random.chance(0.75)) {
        // Joined at the counter while buying: the first sale is minutes after registration.
        day = customer.registeredDay;
        second = Math.min(86_399, customer.registeredSecond + 60 + random.int(300));
      } else {
        day = drawDay(random, start, end);
        second = drawSecond(random);
      }
      const storeIndex = random.chance(0.88)
        ? customer.storeIndex
        : sisterStore(random, customer.storeIndex, stores, day);
      newInvoice(random, book, day, second, storeIndex, customer.index, stores, lineCount, quirks);
    });
  }
}

/** Another store open on `day`, usually in the same city. @param {Random} random @param {number} home @param {Store[]} stores @param {number} day */
function sisterStore(random, home, stores, day) {
  const open = stores.map((_, i) => i).filter((i) => i !== home && stores[i].opensDay <= day);
  const sameCity = open.filter((i) => stores[i].city === stores[home].city);
  const choices = sameCity.length > 0 && random.chance(0.85) ? sameCity : open;
  return choices.length > 0 ? random.pick(choices) : home;
}

/**
 * Customer-side quirks: phone spellings, old 11-digit numbers, shared phones (one person registered twice),
 * NFD names, hostile names, and member codes on invoices that the customer list lacks.
 * @param {Random} random @param {Customer[]} customers @param {Customer[]} unlisted @param {Record<string, unknown>} facts
 */
function injectCustomerQuirks(random, customers, unlisted, facts) {
  for (const customer of customers) {
    if (!customer.phone) continue;
    const spelling = PHONE_SPELLINGS.draw(random);
    customer.phoneSpelling = spelling;
    customer.phoneText = SPELL_PHONE[spelling](customer.phone);
  }
  const n = customers.length;
  const oldCandidates = customers.filter((c) => OLD_PREFIX.has(c.phone.slice(0, 3)));
  for (let k = 0; k < Math.max(3, Math.round(n / 125)) && oldCandidates.length > 0; k++) {
    const customer = oldCandidates.splice(random.int(oldCandidates.length), 1)[0];
    customer.phoneSpelling = 'old11';
    customer.phoneText = SPELL_PHONE.old11(customer.phone);
  }
  const buyers = customers.filter((c) => c.kind !== 'prospect' && c.phone);
  /** @type {{ phone: string, codes: string[], spellings: string[] }[]} */
  const shared = [];
  const pairs = Math.max(2, Math.round(n / 250));
  for (let k = 0; k < pairs; k++) {
    const first = buyers.splice(random.int(buyers.length), 1)[0];
    const second = buyers.splice(random.int(buyers.length), 1)[0];
    const [a, b] = first.index < second.index ? [first, second] : [second, first];
    // The later card carries the earlier card's number, written differently (normalising must unite them).
    b.phone = a.phone;
    const spelling = a.phoneSpelling === 'plus84' ? 'dots' : 'plus84';
    b.phoneSpelling = spelling;
    b.phoneText = SPELL_PHONE[spelling](a.phone);
    shared.push({ phone: a.phone, codes: [a.code, b.code], spellings: [a.phoneText, b.phoneText] });
  }
  shared.sort((x, y) => (x.codes[0] < y.codes[0] ? -1 : 1));
  const hostile = [];
  for (const name of HOSTILE_NAMES) {
    const customer = buyers.splice(random.int(buyers.length), 1)[0];
    customer.name = name;
    hostile.push({ code: customer.code, name });
  }
  const nfd = [];
  const withMarks = customers.filter(
    (c) => c.name !== c.name.normalize('NFD') && !HOSTILE_NAMES.includes(c.name),
  );
  for (let k = 0; k < Math.max(3, Math.round(n / 100)); k++) {
    const customer = withMarks.splice(random.int(withMarks.length), 1)[0];
    customer.name = customer.name.normalize('NFD');
    nfd.push(customer.code);
  }
  // Two members deleted from the POS after buying: their invoices keep the code, the list does not.
  for (let k = 0; k < 2; k++) {
    const template = customers[random.int(n)];
    unlisted.push({
      ...template,
      index: n + k,
      code: `KH${String(n + 101 + k * 7).padStart(6, '0')}`,
      name: `${SURNAMES.draw(random)} ${random.pick(GIVEN.female)}`,
      phone: '',
      phoneText: '',
      phoneSpelling: '',
      email: '',
      kind: 'few',
      listed: false,
    });
  }
  /** @type {Record<string, number>} */
  const spellingCounts = {};
  for (const customer of customers) {
    if (customer.phoneSpelling) {
      spellingCounts[customer.phoneSpelling] = (spellingCounts[customer.phoneSpelling] ?? 0) + 1;
    }
  }
  const oldTone = new Set(OLD_TONE.values());
  facts.phoneSpellings = spellingCounts;
  facts.sharedPhones = shared;
  facts.hostileNames = hostile;
  facts.nfdNames = nfd.sort();
  facts.oldToneNames = customers
    .filter((c) =>
      c.name
        .normalize('NFC')
        .split(' ')
        .some((word) => oldTone.has(word)),
    )
    .map((c) => c.code);
  facts.unlistedCustomerCodes = unlisted.map((c) => c.code);
}

/**
 * About 0.5% of members' sales get a return document within two days: its own `TH` code, the drink's line
 * with a negative quantity, net < 0. Added before the walk-in sales fill the rows, so the row count stays exact.
 * @param {Random} random @param {InvoiceBook} book @param {number} lastDay
 */
function addReturns(random, book, lastDay) {
  const sales = book.count;
  for (let i = 0; i < sales; i++) {
    if (book.person[i] < 0 || book.day[i] + 2 > lastDay || !random.chance(0.005)) continue;
    const line = book.firstLine[i] + random.int(book.lineCount[i]);
    const second = Math.min(86_399, book.second[i] + 600 + random.int(3000));
    const back = book.add(
      book.day[i] + random.int(3),
      second,
      book.store[i],
      book.person[i],
      book.channel[i],
    );
    book.addLine(back, book.product[line], -book.quantity[line], book.price[line]);
    book.flags[back] |= RETURN;
    book.flags[i] |= RETURNED;
  }
}

/**
 * About 2% of sales cancelled (`Đã hủy` on every line); never a return, a returned sale or an exchange.
 * @param {Random} random @param {InvoiceBook} book
 */
function cancelSome(random, book) {
  for (let i = 0; i < book.count; i++) {
    if (book.flags[i] & (RETURN | RETURNED | EXCHANGE)) continue;
    if (random.chance(0.02)) book.flags[i] |= CANCELLED;
  }
}

/**
 * What the engine should find: per member code, the valid invoices, net spend, first and last purchase; the
 * merged people behind shared phones; walk-in and unmatched totals; counts.
 * @param {Customer[]} people listed customers, then unlisted codes
 * @param {InvoiceBook} book @param {Uint32Array} order @param {string} asOf @param {number} firstDay @param {number} lastDay
 */
function computeTruth(people, book, order, asOf, firstDay, lastDay) {
  const n = people.length;
  const invoiceCount = new Int32Array(n);
  const netSpend = new Float64Array(n);
  const grossSpend = new Float64Array(n);
  const firstPurchase = new Int32Array(n).fill(-1);
  const lastInvoice = new Int32Array(n).fill(-1);
  const cancelledCount = new Int32Array(n);
  const returnCount = new Int32Array(n);
  const walkIn = {
    invoices: 0,
    netSpend: 0,
    cancelledInvoices: 0,
    /** @type {string[]} */ unreadableInvoices: [],
  };
  let cancelled = 0;
  let returns = 0;
  let exchanges = 0;
  let valid = 0;
  let walkIns = 0;
  for (const i of order) {
    const flags = book.flags[i];
    const person = book.person[i];
    const net = book.net(i);
    if (flags & RETURN) returns++;
    if (flags & EXCHANGE) exchanges++;
    if (person < 0) walkIns++;
    if (flags & CANCELLED) {
      cancelled++;
      if (person < 0) walkIn.cancelledInvoices++;
      else cancelledCount[person]++;
      continue;
    }
    if (net > 0) valid++;
    if (person < 0) {
      walkIn.netSpend += net;
      if (net > 0) walkIn.invoices++;
      continue;
    }
    netSpend[person] += net;
    if (flags & RETURN) returnCount[person]++;
    if (net <= 0) continue;
    invoiceCount[person]++;
    grossSpend[person] += net;
    if (firstPurchase[person] < 0) firstPurchase[person] = book.day[i];
    lastInvoice[person] = i;
  }
  /** @param {number} p */
  const entry = (p) => ({
    invoices: invoiceCount[p],
    netSpend: netSpend[p],
    grossSpend: grossSpend[p],
    firstPurchase: firstPurchase[p] < 0 ? '' : isoDay(firstPurchase[p]),
    lastPurchase: lastInvoice[p] < 0 ? '' : isoDay(book.day[lastInvoice[p]]),
    cancelledInvoices: cancelledCount[p],
    returns: returnCount[p],
  });
  /** @type {Record<string, ReturnType<typeof entry>>} */
  const customers = {};
  /** @type {Record<string, ReturnType<typeof entry>>} */
  const unmatched = {};
  let buyers = 0;
  let oneTime = 0;
  let listed = 0;
  for (const person of people) {
    const figures = entry(person.index);
    if (!person.listed) {
      unmatched[person.code] = figures;
      continue;
    }
    customers[person.code] = figures;
    listed++;
    if (figures.invoices > 0) buyers++;
    if (figures.invoices === 1) oneTime++;
  }
  const truth = {
    asOf,
    timeZone: 'Asia/Ho_Chi_Minh',
    firstDay: isoDay(firstDay),
    lastDay: isoDay(lastDay),
    customers,
    /** @type {{ phone: string, codes: string[], invoices: number, netSpend: number, firstPurchase: string, lastPurchase: string }[]} */
    merged: [],
    unmatched,
    walkIn,
    counts: {
      customerRows: listed,
      buyers,
      prospects: listed - buyers,
      oneTimeBuyers: oneTime,
      invoices: book.count,
      validInvoices: valid,
      cancelledInvoices: cancelled,
      returnInvoices: returns,
      exchangeInvoices: exchanges,
      walkInInvoices: walkIns,
      dataRows: book.lines,
    },
    /** @type {Record<string, unknown>} */
    quirks: {},
  };
  return { truth, lastInvoice };
}

/**
 * The invoice-detail sheet, newest first as KiotViet exports it. With quirks: title rows and a blank row above
 * the header, dates with and without seconds, money as dotted text (some with `₫`), a block pasted twice after
 * a repeated header, a totals row, and a few unreadable cells on walk-in sales (so member truth is unaffected).
 * @param {Random} random @param {InvoiceBook} book @param {Uint32Array} order @param {Customer[]} people
 * @param {Store[]} stores @param {boolean} quirks @param {number} firstDay @param {number} lastDay
 * @param {ReturnType<typeof computeTruth>['truth']} truth
 * @returns {SheetData}
 */
function renderInvoices(random, book, order, people, stores, quirks, firstDay, lastDay, truth) {
  const width = INVOICE_HEADER.length;
  /** @type {Cell[][]} */
  const data = new Array(book.lines);
  let rowCount = 0;
  const dateTimeText = dateTimeTexts();
  /** Per invoice in sheet order (newest first): its index in the book and its first row in `data`. */
  const sheetInvoice = new Int32Array(order.length);
  const starts = new Int32Array(order.length);
  let secondsRows = 0;
  let dottedRows = 0;
  let dongRows = 0;
  let quantitySum = 0;
  let amountSum = 0;
  for (let k = 0; k < order.length; k++) {
    const i = order[order.length - 1 - k];
    const person = book.person[i] >= 0 ? people[book.person[i]] : null;
    const withSeconds = quirks ? random.chance(0.12) : true;
    const when = dateTimeText(book.day[i], book.second[i], withSeconds);
    const code = `${book.flags[i] & RETURN ? 'TH' : 'HD'}${String(book.serial[i]).padStart(6, '0')}`;
    const total = book.total(i);
    const discount = book.discount[i];
    const status = book.flags[i] & CANCELLED ? STATUS_CANCELLED : STATUS_DONE;
    const storeName = stores[book.store[i]].name;
    const channel = CHANNEL_NAMES[book.channel[i]];
    sheetInvoice[k] = i;
    starts[k] = rowCount;
    for (let at = book.firstLine[i], end = at + book.lineCount[i]; at < end; at++) {
      /** @type {MoneySpelling} */
      let money = 'number';
      if (quirks) {
        const r = random.next();
        money = r < 0.08 ? 'dots' : r < 0.13 ? 'dong' : 'number';
      }
      if (withSeconds) secondsRows++;
      if (money === 'dots') dottedRows++;
      if (money === 'dong') dongRows++;
      const product = MENU[book.product[at]];
      const quantity = book.quantity[at];
      const price = book.price[at];
      quantitySum += quantity;
      amountSum += quantity * price;
      data[rowCount++] = [
        storeName,
        code,
        when,
        person ? person.code : '',
        person ? person.name : WALK_IN_NAME,
        person ? person.phoneText : '',
        person ? person.area : '',
        channel,
        spellMoney(total, money),
        spellMoney(discount, money),
        spellMoney(total - discount, money),
        status,
        product.code,
        product.name,
        quantity,
        spellMoney(price, money),
        spellMoney(quantity * price, money),
      ];
    }
  }
  if (!quirks) {
    truth.quirks = emptyInvoiceQuirks(1);
    return { titleRows: [], header: INVOICE_HEADER.slice(), rows: data };
  }

  const titleRows = [
    ['DANH SÁCH CHI TIẾT HÓA ĐƠN'],
    [`Từ ngày ${vnDay(firstDay)} đến ngày ${vnDay(lastDay)}`],
    [],
  ].map((row) => [...row, ...Array(width - row.length).fill('')]);
  const headerRow = titleRows.length + 1;
  const firstDataRow = headerRow + 1;

  // The duplicated paste: the rows [from, to) pasted again, under their header, right after `to`; both ends on
  // invoice boundaries, like a second export whose period overlaps the first.
  const toInvoice = starts.findIndex((s) => s >= Math.floor(data.length * 0.45));
  const to = starts[toInvoice];
  const from = starts[starts.findIndex((s) => s >= to - 200)];
  /** @param {number} index in `data` */
  const sheetRowOf = (index) => firstDataRow + index + (index >= to ? 1 + (to - from) : 0);

  // Unreadable cells on single-line walk-in sales outside the duplicated block, spread over the sheet.
  /** @type {{ row: number, column: string, value: string, invoice: string }[]} */
  const badCells = [];
  const spoil = [
    ['Thời gian', '31/02/2026 10:15'],
    ['Thời gian', 'không rõ'],
    ['Khách cần trả', 'abc'],
    ['Thành tiền', '#VALUE!'],
  ];
  const step = Math.floor(starts.length / spoil.length);
  for (let k = 0; k < spoil.length; k++) {
    for (let t = k * step + Math.floor(step / 2); t < starts.length; t++) {
      const row = starts[t];
      const i = sheetInvoice[t];
      if (book.lineCount[i] !== 1 || book.person[i] >= 0 || book.flags[i] !== 0) continue;
      if (row >= from && row < to) continue;
      const [column, value] = spoil[k];
      const code = String(data[row][COL['Mã hóa đơn']]);
      data[row][COL[column]] = value;
      badCells.push({ row: sheetRowOf(row), column, value, invoice: code });
      // Walk-in figures leave spoiled sales out: dropping or repairing them is the engine's own decision.
      truth.walkIn.invoices--;
      truth.walkIn.netSpend -= book.net(i);
      truth.walkIn.unreadableInvoices.push(code);
      break;
    }
  }
  truth.walkIn.unreadableInvoices.sort();

  const repeatedHeaderRow = firstDataRow + to;
  const copyFirstRow = repeatedHeaderRow + 1;
  const rows = [
    ...data.slice(0, to),
    INVOICE_HEADER.slice(),
    ...data.slice(from, to).map((row) => row.slice()),
    ...data.slice(to),
  ];
  const duplicateRows = [];
  for (let k = 0; k < to - from; k++)
    duplicateRows.push({ row: copyFirstRow + k, sameAs: firstDataRow + from + k });

  // KiotViet's totals row sums the line columns over the export (each data row once).
  const totals = Array(width).fill('');
  totals[0] = 'Tổng cộng';
  totals[COL['Số lượng']] = quantitySum;
  totals[COL['Thành tiền']] = amountSum;
  rows.push(totals);

  let dayAbove12Rows = 0;
  for (const row of data) if (Number(String(row[COL['Thời gian']]).slice(0, 2)) > 12) dayAbove12Rows++;
  truth.quirks = {
    titleRows: 2,
    blankRowsAboveHeader: 1,
    headerRow,
    firstDataRow,
    repeatedHeaderRows: [repeatedHeaderRow],
    duplicatedBlock: { firstRow: copyFirstRow, rows: to - from, sameAsFirstRow: firstDataRow + from },
    duplicateRows,
    totalsRows: [headerRow + rows.length],
    badCells,
    dateWithSecondsRows: secondsRows,
    dateDayAbove12Rows: dayAbove12Rows,
    moneyDottedTextRows: dottedRows,
    moneyDongTextRows: dongRows,
  };
  return { titleRows, header: INVOICE_HEADER.slice(), rows };
}

/** Quirk facts of a clean shop. @param {number} headerRow */
function emptyInvoiceQuirks(headerRow) {
  return {
    titleRows: 0,
    blankRowsAboveHeader: 0,
    headerRow,
    firstDataRow: headerRow + 1,
    repeatedHeaderRows: [],
    duplicatedBlock: null,
    duplicateRows: [],
    totalsRows: [],
    badCells: [],
    dateWithSecondsRows: 0,
    dateDayAbove12Rows: 0,
    moneyDottedTextRows: 0,
    moneyDongTextRows: 0,
    phoneSpellings: {},
    sharedPhones: [],
    hostileNames: [],
    nfdNames: [],
    oldToneNames: [],
    unlistedCustomerCodes: [],
  };
}

/**
 * The customer list in KiotViet's order (header on row 1). Tier, points and the summary columns
 * (`Ngày giao dịch cuối`, `Tổng bán`, `Tổng bán trừ trả hàng`) agree with the invoices.
 * @param {Customer[]} customers @param {Store[]} stores @param {InvoiceBook} book
 * @param {Int32Array} lastInvoice per person, -1 when none @param {ReturnType<typeof computeTruth>['truth']} truth
 * @returns {SheetData}
 */
function renderCustomers(customers, stores, book, lastInvoice, truth) {
  /** @type {Cell[][]} */
  const rows = [];
  /** @type {Map<string, string[]>} */
  const byPhone = new Map();
  for (const customer of customers) {
    const t = truth.customers[customer.code];
    if (customer.phone) byPhone.set(customer.phone, [...(byPhone.get(customer.phone) ?? []), customer.code]);
    const last = lastInvoice[customer.index];
    rows.push([
      'Cá nhân',
      stores[customer.storeIndex].name,
      customer.code,
      customer.name,
      customer.phoneText,
      customer.area,
      Number.isNaN(customer.birthDay) ? '' : vnDay(customer.birthDay),
      customer.gender,
      customer.email,
      tierFor(t.netSpend),
      customer.tags,
      // Points: one per 10.000 ₫, less what was redeemed (a fixed share, so the file stays reproducible).
      Math.max(0, Math.floor(t.netSpend / 10_000) - (customer.index % 7) * 3),
      vnDateTime(customer.registeredDay, customer.registeredSecond, true),
      last < 0 ? '' : vnDateTime(book.day[last], book.second[last], true),
      t.grossSpend,
      t.netSpend,
      1,
    ]);
  }
  for (const [phone, codes] of byPhone) {
    if (codes.length < 2) continue;
    const parts = codes.map((code) => truth.customers[code]);
    const buying = parts.filter((p) => p.invoices > 0);
    truth.merged.push({
      phone,
      codes,
      invoices: parts.reduce((sum, p) => sum + p.invoices, 0),
      netSpend: parts.reduce((sum, p) => sum + p.netSpend, 0),
      firstPurchase: buying.map((p) => p.firstPurchase).sort()[0] ?? '',
      lastPurchase:
        buying
          .map((p) => p.lastPurchase)
          .sort()
          .at(-1) ?? '',
    });
  }
  return { titleRows: [], header: CUSTOMER_HEADER.slice(), rows };
}

// ---------------------------------------------------------------------------------------------------------
// Output

/**
 * The sheet as `Range.getValues()` would hand it over: title rows, header, rows, each as wide as the header.
 * @param {SheetData} sheet
 * @returns {Cell[][]}
 */
function sheetValues(sheet) {
  const width = sheet.header.length;
  const widen = (/** @type {Cell[]} */ row) =>
    row.length >= width ? row : [...row, ...Array(width - row.length).fill('')];
  return [...sheet.titleRows.map(widen), sheet.header, ...sheet.rows.map(widen)];
}

/** RFC 4180 field: quoted when it holds a comma, quote, CR or LF; quotes doubled. @param {Cell} cell */
function csvField(cell) {
  const text = typeof cell === 'number' ? String(cell) : cell;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * One CSV record. Fast path: join the row and check the whole line once (no quote, CR or LF, and exactly
 * `width - 1` commas means no field needs quoting); otherwise quote field by field.
 * @param {Cell[]} row @param {number} width
 */
function csvRecord(row, width) {
  const cells = row.length === width ? row : Array.from({ length: width }, (_, i) => row[i] ?? '');
  const line = cells.join(',');
  if (!/["\r\n]/.test(line)) {
    let commas = 0;
    for (let at = line.indexOf(','); at >= 0; at = line.indexOf(',', at + 1)) commas++;
    if (commas === width - 1) return line;
  }
  return cells.map(csvField).join(',');
}

/**
 * Writes one sheet as UTF-8 CSV with a BOM, `,` separators and CRLF line ends, a few thousand records at a
 * time so a million-row sheet never becomes one giant string.
 * @param {SheetData} sheet @param {string} file
 */
function writeSheetCsv(sheet, file) {
  const fd = fs.openSync(file, 'w');
  try {
    const width = sheet.header.length;
    /** @type {string[]} */
    let batch = [];
    const flush = () => {
      fs.writeSync(fd, `${batch.join('\r\n')}\r\n`);
      batch = [];
    };
    for (const row of sheet.titleRows) batch.push(csvRecord(row, width));
    batch.push(csvRecord(sheet.header, width));
    batch[0] = `\ufeff${batch[0]}`;
    for (const row of sheet.rows) {
      batch.push(csvRecord(row, width));
      if (batch.length === 4096) flush();
    }
    if (batch.length > 0) flush();
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Writes `invoices.csv` and `customers.csv` into `dir` (created when missing).
 * @param {{ invoices: SheetData, customers: SheetData }} shop @param {string} dir
 * @returns {{ invoices: string, customers: string }} the two paths
 */
function writeShopCsv(shop, dir) {
  fs.mkdirSync(dir, { recursive: true });
  const files = { invoices: path.join(dir, 'invoices.csv'), customers: path.join(dir, 'customers.csv') };
  writeSheetCsv(shop.invoices, files.invoices);
  writeSheetCsv(shop.customers, files.customers);
  return files;
}

/** The bundled sample shop (`sample/`): Cà Phê Phố Cũ, 1,000 customers, 15,000 invoice rows, every quirk. */
const SAMPLE_OPTIONS = Object.freeze({
  seed: 'ca-phe-pho-cu',
  invoiceRows: 15_000,
  customers: 1_000,
  asOf: '2026-11-22',
  months: 18,
  quirks: true,
  layout: /** @type {'kiotviet'} */ ('kiotviet'),
});

/** The sample shop in memory, exactly as `scripts/generate-sample.mjs` writes it. */
function sampleShop() {
  return generateShop(SAMPLE_OPTIONS);
}

module.exports = {
  generateShop,
  sampleShop,
  SAMPLE_OPTIONS,
  writeShopCsv,
  sheetValues,
  csvRecord,
  INVOICE_HEADER,
  CUSTOMER_HEADER,
};
