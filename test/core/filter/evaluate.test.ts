import { compileFilter, countMatches, type FilterContext } from '../../../src/core/filter/evaluate';
import { parseFilter } from '../../../src/core/filter/parse';
import type { CustomerRecord } from '../../../src/core/model';
import { AS_OF, day, makeCustomer, makeProspect } from './customer-factory';

const ctx: FilterContext = { asOfDay: AS_OF };

function matcher(text: string) {
  const result = parseFilter(text);
  if (!result.ok) throw new Error(`"${text}" did not parse: ${result.error.message}`);
  return compileFilter(result.expr);
}

/** The names of the customers a definition selects, in order. */
function selected(text: string, customers: CustomerRecord[], context: FilterContext = ctx): string[] {
  const matches = matcher(text);
  return customers.filter((customer) => matches(customer, context)).map((customer) => customer.name);
}

describe('numbers', () => {
  const shop = [
    makeCustomer({ name: 'An', frequency: 1, totalSpend: 350_000 }),
    makeCustomer({ name: 'Bình', frequency: 3, totalSpend: 5_000_000 }),
    makeCustomer({ name: 'Chi', frequency: 8, totalSpend: 12_400_000 }),
    makeProspect({ name: 'Dũng' }),
  ];

  test.each([
    ['invoices = 3', ['Bình']],
    ['invoices != 3', ['An', 'Chi', 'Dũng']],
    ['invoices < 3', ['An', 'Dũng']],
    ['invoices <= 3', ['An', 'Bình', 'Dũng']],
    ['invoices > 3', ['Chi']],
    ['invoices >= 3', ['Bình', 'Chi']],
    ['invoices BETWEEN 1 AND 3', ['An', 'Bình']],
    ['invoices BETWEEN 3 AND 1', ['An', 'Bình']],
    ['invoices NOT BETWEEN 1 AND 3', ['Chi', 'Dũng']],
    ['invoices IN (1, 8)', ['An', 'Chi']],
    ['invoices NOT IN (1, 8)', ['Bình', 'Dũng']],
    ['total_spend >= 5.000.000', ['Bình', 'Chi']],
    ['total_spend >= 5_000_001', ['Chi']],
  ])('%s', (text, names) => {
    expect(selected(text, shop)).toEqual(names);
  });

  test('a missing value (a prospect has no average order) fails every comparison but IS EMPTY', () => {
    const people = [
      makeCustomer({ name: 'Buyer', averageOrder: 200_000 }),
      makeProspect({ name: 'Prospect' }),
    ];
    expect(selected('average_order < 1000000', people)).toEqual(['Buyer']);
    expect(selected('average_order != 1', people)).toEqual(['Buyer']);
    expect(selected('average_order NOT BETWEEN 1 AND 2', people)).toEqual(['Buyer']);
    expect(selected('average_order NOT IN (1, 2)', people)).toEqual(['Buyer']);
    expect(selected('average_order IS EMPTY', people)).toEqual(['Prospect']);
    expect(selected('average_order IS NOT EMPTY', people)).toEqual(['Buyer']);
    expect(selected('NOT average_order > 1000000', people)).toEqual(['Buyer', 'Prospect']);
  });

  test('lapsed customers: recency over 30 days among buyers; prospects are not lapsed', () => {
    const people = [
      makeCustomer({ name: 'Recent', recencyDays: 12 }),
      makeCustomer({ name: 'Lapsed', recencyDays: 41 }),
      makeProspect({ name: 'Never bought' }),
    ];
    expect(selected('days_since_last_visit > 30 AND invoices >= 1', people)).toEqual(['Lapsed']);
  });
});

describe('combining', () => {
  const people = [
    makeCustomer({ name: 'a', frequency: 1, points: 0, age: 40 }),
    makeCustomer({ name: 'b', frequency: 5, points: 500, age: 40 }),
    makeCustomer({ name: 'bc', frequency: 5, points: 500, age: 20 }),
    makeCustomer({ name: 'c', frequency: 5, points: 0, age: 20 }),
  ];

  test('a OR b AND c selects a, and whoever is both b and c', () => {
    expect(selected('invoices = 1 OR points > 100 AND age < 30', people)).toEqual(['a', 'bc']);
  });

  test('(a OR b) AND c', () => {
    expect(selected('(invoices = 1 OR points > 100) AND age < 30', people)).toEqual(['bc']);
  });

  test('NOT', () => {
    expect(selected('NOT points > 100', people)).toEqual(['a', 'c']);
    expect(selected('NOT (invoices = 1 OR points > 100)', people)).toEqual(['c']);
    expect(selected('NOT NOT age < 30', people)).toEqual(['bc', 'c']);
  });
});

describe('text folds case, diacritics, spaces and punctuation', () => {
  const people = [
    makeCustomer({ name: 'NFC', city: 'Hà Nội' }),
    makeCustomer({ name: 'NFD', city: 'Hà Nội'.normalize('NFD') }),
    makeCustomer({ name: 'no marks', city: 'Ha Noi' }),
    makeCustomer({ name: 'capitals', city: 'HÀ NỘI' }),
    makeCustomer({ name: 'one word', city: 'Hanoi' }),
    makeCustomer({ name: 'elsewhere', city: 'Hải Phòng' }),
    makeCustomer({ name: 'blank', city: '' }),
  ];
  const hanoi = ['NFC', 'NFD', 'no marks', 'capitals', 'one word'];

  test.each([
    ['city = "Hà Nội"', hanoi],
    ['city = "Hà Nội"'.normalize('NFD'), hanoi],
    ['city = "ha noi"', hanoi],
    ['city = hanoi', hanoi],
    ['city != "Hà Nội"', ['elsewhere']],
    ['city IN ("Hà Nội", "Hải Phòng")', [...hanoi, 'elsewhere']],
    ['city NOT IN ("Hà Nội")', ['elsewhere']],
    ['city CONTAINS "noi"', hanoi],
    ['city CONTAINS "Phòng"', ['elsewhere']],
    ['city NOT CONTAINS "noi"', ['elsewhere']],
    ['city IS EMPTY', ['blank']],
    ['city IS NOT EMPTY', [...hanoi, 'elsewhere']],
  ])('%s', (text, names) => {
    expect(selected(text, people)).toEqual(names);
  });

  test('a city written "city - district" (KiotViet\'s Khu vực) or "district, city" compares by its city', () => {
    const places = [
      makeCustomer({ name: 'Ba Đình', city: 'Hà Nội - Quận Ba Đình' }),
      makeCustomer({ name: 'Cầu Giấy', city: 'Quận Cầu Giấy, Hà Nội' }),
      makeCustomer({ name: 'Phú Nhuận', city: 'Hồ Chí Minh - Quận Phú Nhuận' }),
    ];
    expect(selected('city = "Hà Nội"', places)).toEqual(['Ba Đình', 'Cầu Giấy']);
    expect(selected('city != "Ha Noi"', places)).toEqual(['Phú Nhuận']);
    expect(selected('city IN ("Hồ Chí Minh", "Đà Nẵng")', places)).toEqual(['Phú Nhuận']);
    // CONTAINS still looks at the whole text, so a district can be reached.
    expect(selected('city CONTAINS "Ba Đình"', places)).toEqual(['Ba Đình']);
  });

  test('a province compares by its unit, whichever alias or former name is typed', () => {
    const people2 = [
      makeCustomer({ name: 'HCM', province: 'TP Hồ Chí Minh' }),
      makeCustomer({ name: 'HN', province: 'Hà Nội' }),
    ];
    for (const typed of ['"TP Hồ Chí Minh"', '"Hồ Chí Minh"', 'HCM', '"Sài Gòn"', '"tp.hcm"'])
      expect(selected(`province = ${typed}`, people2)).toEqual(['HCM']);
    expect(selected('province IN (hanoi, "Đà Nẵng")', people2)).toEqual(['HN']);
  });

  test('đ folds to d: a store typed without marks still matches', () => {
    const stores = [
      makeCustomer({ name: 'Đống Đa', lastStore: 'CN Đống Đa' }),
      makeCustomer({ name: 'Cầu Giấy', lastStore: 'CN Cầu Giấy' }),
    ];
    expect(selected('last_store = "cn dong da"', stores)).toEqual(['Đống Đa']);
    expect(selected('last_store CONTAINS "giay"', stores)).toEqual(['Cầu Giấy']);
  });

  test('phone typed with spaces matches the canonical phone', () => {
    const people = [
      makeCustomer({ name: 'Lan', phone: '0912345678' }),
      makeCustomer({ name: 'Mai', phone: '' }),
    ];
    expect(selected('phone = "0912 345 678"', people)).toEqual(['Lan']);
    expect(selected('phone IS EMPTY', people)).toEqual(['Mai']);
  });
});

describe('tags', () => {
  const people = [
    makeCustomer({ name: 'Lan', tags: ['VIP', 'Sinh viên'] }),
    makeCustomer({ name: 'Mai', tags: ['khách sỉ'] }),
    makeCustomer({ name: 'Hoa', tags: ['vip-2025'] }),
    makeCustomer({ name: 'Tú', tags: [] }),
  ];

  test('CONTAINS tests whole tags, folded: "vip" is not part of "vip-2025"', () => {
    expect(selected('tags CONTAINS vip', people)).toEqual(['Lan']);
    expect(selected('tags CONTAINS "sinh vien"', people)).toEqual(['Lan']);
    expect(selected('tags CONTAINS "Sinh viên"'.normalize('NFD'), people)).toEqual(['Lan']);
  });

  test('several small tags make one audience with IN or OR', () => {
    expect(selected('tags IN ("sinh viên", "khách sỉ")', people)).toEqual(['Lan', 'Mai']);
    expect(selected('tags CONTAINS "sinh viên" OR tags CONTAINS "khách sỉ"', people)).toEqual(['Lan', 'Mai']);
  });

  test('no tags is an empty list, not a missing value', () => {
    expect(selected('tags NOT CONTAINS vip', people)).toEqual(['Mai', 'Hoa', 'Tú']);
    expect(selected('tags NOT IN (vip, "khách sỉ")', people)).toEqual(['Hoa', 'Tú']);
    expect(selected('tags IS EMPTY', people)).toEqual(['Tú']);
    expect(selected('tags IS NOT EMPTY', people)).toEqual(['Lan', 'Mai', 'Hoa']);
  });
});

describe('choices', () => {
  const people = [
    makeCustomer({ name: 'female North', gender: 'female', region: 'North', segmentId: 'champions' }),
    makeCustomer({ name: 'male South', gender: 'male', region: 'South', segmentId: 'at-risk' }),
    makeCustomer({ name: 'unknown, no region', gender: 'unknown', region: '', segmentId: 'prospect' }),
  ];

  test.each([
    ['gender = female', ['female North']],
    ['gender = "Nữ"', ['female North']],
    ['gender != female', ['male South', 'unknown, no region']],
    ['gender IN (male, unknown)', ['male South', 'unknown, no region']],
    ['gender IS EMPTY', ['unknown, no region']],
    ['gender IS NOT EMPTY', ['female North', 'male South']],
    ['region = "Miền Nam"', ['male South']],
    ['region != North', ['male South']],
    ['region IS EMPTY', ['unknown, no region']],
    ['segment IN (champions, "At Risk")', ['female North', 'male South']],
    ['segment NOT IN (prospect)', ['female North', 'male South']],
  ])('%s', (text, names) => {
    expect(selected(text, people)).toEqual(names);
  });

  test('age bands', () => {
    const ages = [
      makeCustomer({ name: 'young', ageBand: '18-25' }),
      makeCustomer({ name: 'teen', ageBand: '<18' }),
      makeCustomer({ name: 'no birthday', ageBand: '', age: undefined }),
    ];
    expect(selected('age_band IN ("18-25", "Dưới 18")', ages)).toEqual(['young', 'teen']);
    expect(selected('age_band IS EMPTY', ages)).toEqual(['no birthday']);
  });

  test('RFM code and scores', () => {
    const scored = [
      makeCustomer({ name: '555', rfmCode: '555', r: 5, f: 5, m: 5 }),
      makeCustomer({ name: '155', rfmCode: '155', r: 1, f: 5, m: 5 }),
      makeProspect({ name: '000' }),
    ];
    expect(selected('rfm = 555', scored)).toEqual(['555']);
    expect(selected('r <= 2 AND f >= 4', scored)).toEqual(['155']);
    expect(selected('r = 0', scored)).toEqual(['000']);
  });
});

describe('dates against the as-of day', () => {
  const bought = (name: string, iso: string) => makeCustomer({ name, lastPurchaseDay: day(iso) });
  const people = [
    bought('27 Feb', '2026-02-27'),
    bought('28 Feb', '2026-02-28'),
    bought('1 Mar', '2026-03-01'),
    bought('31 Mar', '2026-03-31'),
    makeProspect({ name: 'never' }),
  ];

  test('as of 31 March 2026, -1m is 28 February (the shorter month clamps)', () => {
    expect(selected('last_purchase >= -1m', people)).toEqual(['28 Feb', '1 Mar', '31 Mar']);
    expect(selected('last_purchase < -1m', people)).toEqual(['27 Feb']);
  });

  test('in a leap year, 31 March − 1m is 29 February', () => {
    const leap = [makeCustomer({ name: '28 Feb', lastPurchaseDay: day('2028-02-28') })];
    expect(selected('last_purchase >= -1m', leap, { asOfDay: day('2028-03-31') })).toEqual([]);
    expect(
      selected(
        'last_purchase = -1m',
        [makeCustomer({ name: 'leap day', lastPurchaseDay: day('2028-02-29') })],
        {
          asOfDay: day('2028-03-31'),
        },
      ),
    ).toEqual(['leap day']);
  });

  test('-12m across a year end, and -1y from 29 February', () => {
    const dec = [makeCustomer({ name: 'x', firstPurchaseDay: day('2025-01-15') })];
    expect(selected('first_purchase = -12m', dec, { asOfDay: day('2026-01-15') })).toEqual(['x']);
    const leap = [makeCustomer({ name: 'y', firstPurchaseDay: day('2027-02-28') })];
    expect(selected('first_purchase = -1y', leap, { asOfDay: day('2028-02-29') })).toEqual(['y']);
  });

  test('days and weeks are whole days', () => {
    expect(selected('last_purchase >= -30d', people)).toEqual(['1 Mar', '31 Mar']);
    expect(selected('last_purchase >= -31d', people)).toEqual(['28 Feb', '1 Mar', '31 Mar']);
    // -4w = 3 March, -5w = 24 February.
    expect(selected('last_purchase >= -4w', people)).toEqual(['31 Mar']);
    expect(selected('last_purchase BETWEEN -5w AND -4w', people)).toEqual(['27 Feb', '28 Feb', '1 Mar']);
    expect(selected('last_purchase = today', people)).toEqual(['31 Mar']);
  });

  test('absolute dates, and missing dates compare false', () => {
    expect(selected('last_purchase < 2026-03-01', people)).toEqual(['27 Feb', '28 Feb']);
    expect(selected('last_purchase != 2026-03-01', people)).toEqual(['27 Feb', '28 Feb', '31 Mar']);
    expect(selected('last_purchase IS EMPTY', people)).toEqual(['never']);
  });

  test('one compiled filter follows the as-of day it is given', () => {
    const recent = matcher('last_purchase >= -30d');
    const customer = people[2]!; // 1 March
    expect(recent(customer, { asOfDay: day('2026-03-31') })).toBe(true);
    expect(recent(customer, { asOfDay: day('2026-04-01') })).toBe(false);
  });

  test('the as-of day is the spreadsheet-zone day, not the UTC day', () => {
    // 23:30 on 31 March in Hồ Chí Minh City is 16:30 UTC; at 06:30 on 1 April there it is still 31 March in UTC.
    const zoneDay = (instant: number, timeZone: string) => {
      const parts = new Intl.DateTimeFormat('en-CA', {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
      });
      return day(parts.format(new Date(instant)));
    };
    const morningOfFirstApril = Date.UTC(2026, 2, 31, 23, 30);
    const asOfSaigon = zoneDay(morningOfFirstApril, 'Asia/Ho_Chi_Minh');
    const asOfUtc = zoneDay(morningOfFirstApril, 'UTC');
    expect(asOfSaigon).toBe(day('2026-04-01'));
    const firstMarch = [people[2]!];
    expect(selected('last_purchase >= -1m', firstMarch, { asOfDay: asOfSaigon })).toEqual(['1 Mar']);
    expect(selected('last_purchase >= -30d', firstMarch, { asOfDay: asOfSaigon })).toEqual([]);
    expect(selected('last_purchase >= -30d', firstMarch, { asOfDay: asOfUtc })).toEqual(['1 Mar']);
  });
});

describe('birthday month', () => {
  const people = [
    makeCustomer({ name: 'March', birthdayMonth: 3 }),
    makeCustomer({ name: 'April', birthdayMonth: 4 }),
    makeCustomer({ name: 'December', birthdayMonth: 12 }),
    makeCustomer({ name: 'January', birthdayMonth: 1 }),
    makeCustomer({ name: 'no birthday', birthdayMonth: undefined, birthDay: undefined }),
  ];

  test('this_month and next_month follow the as-of day, ignoring the year', () => {
    expect(selected('birthday_month = this_month', people)).toEqual(['March']);
    expect(selected('birthday_month = next_month', people)).toEqual(['April']);
    expect(selected('birthday_month = next_month', people, { asOfDay: day('2026-12-05') })).toEqual([
      'January',
    ]);
  });

  test('names and numbers, ranges, and a missing birthday', () => {
    expect(selected('birthday_month IN (dec, 1)', people)).toEqual(['December', 'January']);
    expect(selected('birthday_month BETWEEN 3 AND 4', people)).toEqual(['March', 'April']);
    expect(selected('birthday_month != 3', people)).toEqual(['April', 'December', 'January']);
    expect(selected('birthday_month IS EMPTY', people)).toEqual(['no birthday']);
  });
});

describe('countMatches', () => {
  const people = [makeCustomer({ frequency: 1 }), makeCustomer({ frequency: 4 }), makeProspect()];

  test('counts the members for the live count', () => {
    expect(countMatches('invoices >= 1', people, ctx)).toEqual({ ok: true, count: 2 });
  });

  test('or returns the parse error', () => {
    expect(countMatches('invoices >=', people, ctx)).toEqual({
      ok: false,
      error: { position: 12, message: 'expected a value after ">=" at column 12' },
    });
  });

  test('worded in the sidebar’s language', () => {
    expect(countMatches('invoices >=', people, ctx, 'vi')).toEqual({
      ok: false,
      error: { position: 12, message: 'Cần một giá trị sau ">=" ở cột 12' },
    });
    expect(countMatches('thanh_pho = "Huế"', people, ctx, 'vi')).toEqual({
      ok: false,
      error: { position: 1, message: 'Không có trường "thanh_pho" ở cột 1' },
    });
  });
});

describe('100,000 customers', () => {
  test('compile once and run a realistic definition over all of them', () => {
    const cities = ['Hà Nội', 'TP Hồ Chí Minh', 'Đà Nẵng', 'Hải Phòng', 'Cần Thơ'];
    const customers = Array.from({ length: 100_000 }, (_, i) =>
      makeCustomer({
        name: `Khách ${i}`,
        city: cities[i % cities.length]!,
        tags: i % 7 === 0 ? ['vip'] : [],
        frequency: i % 10,
        totalSpend: (i % 100) * 100_000,
        lastPurchaseDay: AS_OF - (i % 90),
      }),
    );
    const result = countMatches(
      '(city = "ha noi" OR tags CONTAINS VIP) AND last_purchase >= -30d AND total_spend >= 1.000.000',
      customers,
      ctx,
    );
    // Expected count by brute force over the same rules.
    const expected = customers.filter(
      (_, i) => (i % 5 === 0 || i % 7 === 0) && i % 90 <= 30 && (i % 100) * 100_000 >= 1_000_000,
    ).length;
    expect(result).toEqual({ ok: true, count: expected });
    expect(expected).toBeGreaterThan(5_000);
  });
});
