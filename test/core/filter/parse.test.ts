import type { FilterExpr } from '../../../src/core/filter/expr';
import { parseFilter } from '../../../src/core/filter/parse';
import { day } from './customer-factory';

function parsed(text: string): FilterExpr {
  const result = parseFilter(text);
  if (!result.ok) throw new Error(`"${text}" did not parse: ${result.error.message}`);
  return result.expr;
}

const num = (value: number) => ({ kind: 'number', value }) as const;
const txt = (value: string) => ({ kind: 'text', value }) as const;

describe('conditions', () => {
  test.each([
    ['invoices = 1', '='],
    ['invoices != 1', '!='],
    ['invoices <> 1', '!='],
    ['invoices < 1', '<'],
    ['invoices <= 1', '<='],
    ['invoices > 1', '>'],
    ['invoices >= 1', '>='],
    ['invoices>=1', '>='],
  ])('%s compares with %s', (text, op) => {
    expect(parsed(text)).toEqual({ kind: 'compare', field: 'invoices', op, value: num(1) });
  });

  test('BETWEEN and NOT BETWEEN take two bounds joined by AND', () => {
    expect(parsed('age BETWEEN 18 AND 25')).toEqual({
      kind: 'between',
      field: 'age',
      negated: false,
      low: num(18),
      high: num(25),
    });
    expect(parsed('age not between 18 and 25')).toMatchObject({ kind: 'between', negated: true });
  });

  test('IN and NOT IN take a parenthesised list', () => {
    expect(parsed('city IN ("Hà Nội", \'Đà Nẵng\', Huế)')).toEqual({
      kind: 'in',
      field: 'city',
      negated: false,
      values: [txt('Hà Nội'), txt('Đà Nẵng'), txt('Huế')],
    });
    expect(parsed('tags NOT IN (sỉ, "khách sỉ")')).toMatchObject({
      kind: 'in',
      field: 'tags',
      negated: true,
    });
  });

  test('CONTAINS on text and on tags, and NOT CONTAINS', () => {
    expect(parsed('name CONTAINS "Nguyễn"')).toEqual({
      kind: 'contains',
      field: 'name',
      negated: false,
      value: txt('Nguyễn'),
    });
    expect(parsed('tags NOT CONTAINS "blacklist"')).toMatchObject({
      kind: 'contains',
      field: 'tags',
      negated: true,
    });
  });

  test('IS EMPTY and IS NOT EMPTY', () => {
    expect(parsed('birthday_month IS EMPTY')).toEqual({
      kind: 'empty',
      field: 'birthday_month',
      negated: false,
    });
    expect(parsed('email is not empty')).toEqual({ kind: 'empty', field: 'email', negated: true });
  });

  test('field names and keywords are case-insensitive, aliases map to the canonical id', () => {
    expect(parsed('Total_Spend >= 1')).toMatchObject({ field: 'total_spend' });
    expect(parsed('FREQUENCY >= 3')).toMatchObject({ field: 'invoices' });
    expect(parsed('recency <= 30')).toMatchObject({ field: 'days_since_last_visit' });
    expect(parsed('tag contains vip')).toMatchObject({ kind: 'contains', field: 'tags' });
  });
});

describe('combining', () => {
  const a = { kind: 'compare', field: 'invoices', op: '=', value: num(1) };
  const b = { kind: 'compare', field: 'points', op: '>', value: num(100) };
  const c = { kind: 'compare', field: 'age', op: '<', value: num(30) };

  test('AND binds tighter than OR: a OR b AND c is a OR (b AND c)', () => {
    expect(parsed('invoices = 1 OR points > 100 AND age < 30')).toEqual({
      kind: 'or',
      items: [a, { kind: 'and', items: [b, c] }],
    });
  });

  test('parentheses override precedence', () => {
    expect(parsed('(invoices = 1 OR points > 100) AND age < 30')).toEqual({
      kind: 'and',
      items: [{ kind: 'or', items: [a, b] }, c],
    });
  });

  test('NOT binds tighter than AND and applies to a parenthesised group', () => {
    expect(parsed('NOT invoices = 1 AND points > 100')).toEqual({
      kind: 'and',
      items: [{ kind: 'not', expr: a }, b],
    });
    expect(parsed('NOT (invoices = 1 AND points > 100)')).toEqual({
      kind: 'not',
      expr: { kind: 'and', items: [a, b] },
    });
    expect(parsed('not not invoices = 1')).toEqual({ kind: 'not', expr: { kind: 'not', expr: a } });
  });

  test('a chain of the same connective is one flat list, with or without parentheses', () => {
    expect(parsed('(invoices = 1 AND points > 100) AND age < 30')).toEqual({ kind: 'and', items: [a, b, c] });
    expect(parsed('((invoices = 1))')).toEqual(a);
  });

  test('the BETWEEN … AND does not end the condition early', () => {
    expect(parsed('age BETWEEN 18 AND 25 AND invoices = 1')).toEqual({
      kind: 'and',
      items: [{ kind: 'between', field: 'age', negated: false, low: num(18), high: num(25) }, a],
    });
  });
});

describe('values', () => {
  test.each([
    ['5000000', 5_000_000],
    ['5_000_000', 5_000_000],
    ['5.000.000', 5_000_000],
    ['500.000', 500_000],
    ['1.500', 1_500],
    ['12.5', 12.5],
    ['0.500', 0.5],
    ['1.2345', 1.2345],
    ['-3', -3],
  ])('number %s is %d', (written, value) => {
    expect(parsed(`total_spend >= ${written}`)).toMatchObject({ value: num(value) });
  });

  test('quoted text with escapes, in double, single and curly quotes', () => {
    expect(parsed('name = "Lan \\"Út\\" Nguyễn"')).toMatchObject({ value: txt('Lan "Út" Nguyễn') });
    expect(parsed("last_store = 'Chi nhánh Q.1'")).toMatchObject({ value: txt('Chi nhánh Q.1') });
    expect(parsed('last_store = \u201cChi nhánh Q.1\u201d')).toMatchObject({ value: txt('Chi nhánh Q.1') });
    expect(parsed('name = "back\\\\slash"')).toMatchObject({ value: txt('back\\slash') });
  });

  test('choices by id, by Vietnamese or English label, in any case', () => {
    expect(parsed('gender = FEMALE')).toMatchObject({ value: txt('female') });
    expect(parsed('gender = "Nữ"')).toMatchObject({ value: txt('female') });
    expect(parsed('region = "Miền Bắc"')).toMatchObject({ value: txt('North') });
    expect(parsed('region = mien_trung')).toMatchObject({ value: txt('Central') });
    expect(parsed('segment = "At Risk"')).toMatchObject({ value: txt('at-risk') });
    expect(parsed('segment = "Khách hàng xuất sắc"')).toMatchObject({ value: txt('champions') });
    expect(parsed('age_band IN ("18-25", "Dưới 18", ">55")')).toMatchObject({
      values: [txt('18-25'), txt('<18'), txt('>55')],
    });
  });

  test('absolute, relative and today dates', () => {
    expect(parsed('registered < 2025-01-01')).toMatchObject({
      value: { kind: 'date', day: day('2025-01-01') },
    });
    expect(parsed('last_purchase >= -30d')).toMatchObject({
      value: { kind: 'relative-date', amount: 30, unit: 'd' },
    });
    expect(parsed('last_purchase >= -4W')).toMatchObject({
      value: { kind: 'relative-date', amount: 4, unit: 'w' },
    });
    expect(parsed('first_purchase < -12m')).toMatchObject({
      value: { kind: 'relative-date', amount: 12, unit: 'm' },
    });
    expect(parsed('first_purchase < -2y')).toMatchObject({
      value: { kind: 'relative-date', amount: 2, unit: 'y' },
    });
    expect(parsed('last_purchase = today')).toMatchObject({
      value: { kind: 'relative-date', amount: 0, unit: 'd' },
    });
  });

  test('months by number, name and relative to the as-of month', () => {
    expect(parsed('birthday_month IN (12, jan, February, this_month, NEXT_MONTH)')).toMatchObject({
      values: [
        { kind: 'month', month: 12 },
        { kind: 'month', month: 1 },
        { kind: 'month', month: 2 },
        { kind: 'relative-month', offset: 0 },
        { kind: 'relative-month', offset: 1 },
      ],
    });
  });

  test('an RFM code written as a number is kept as its text', () => {
    expect(parsed('rfm IN (555, 554)')).toMatchObject({ values: [txt('555'), txt('554')] });
  });

  test('a definition pasted in NFD (Mac) is read as NFC, and columns count what the user sees', () => {
    const nfd = 'city = "Hà Nội" AND citty = 1'.normalize('NFD');
    expect(parseFilter('city = "Hà Nội"'.normalize('NFD'))).toEqual({
      ok: true,
      expr: { kind: 'compare', field: 'city', op: '=', value: txt('Hà Nội') },
    });
    expect(parseFilter(nfd)).toEqual({
      ok: false,
      error: { position: 21, message: 'unknown field "citty" at column 21 — did you mean "city"?' },
    });
  });
});

describe('malformed definitions: each gets its exact message and column', () => {
  // prettier-ignore
  const cases: [string, number, string][] = [
    ['citty = "Hà Nội"', 1, 'unknown field "citty" at column 1 — did you mean "city"?'],
    ['gioitinh = female', 1, 'unknown field "gioitinh" at column 1'],
    ['gender =', 9, 'expected a value after "=" at column 9'],
    ['(invoices >= 3 OR points > 100', 1, 'unclosed "(" opened at column 1'],
    ['invoices >= 3 AND (points > 1 OR (age < 30)', 19, 'unclosed "(" opened at column 19'],
    ['total_spend BETWEEN 1000000 5000000', 29, 'BETWEEN needs AND at column 29'],
    ['age BETWEEN 18 OR 25', 16, 'BETWEEN needs AND at column 16'],
    ['city = "Hà Nội', 8, 'unterminated string at column 8'],
    ['tags > 3', 6, 'operator ">" does not apply to list field "tags" at column 6 — use CONTAINS'],
    ['tags = "vip"', 6, 'operator "=" does not apply to list field "tags" at column 6 — use CONTAINS'],
    ['city < "Hà Nội"', 6, 'operator "<" does not apply to text field "city" at column 6 — use =, CONTAINS or IN'],
    ['city BETWEEN a AND b', 6, 'operator "BETWEEN" does not apply to text field "city" at column 6 — use =, CONTAINS or IN'],
    ['points CONTAINS 5', 8, 'operator "CONTAINS" does not apply to number field "points" at column 8 — use =, <, >, BETWEEN or IN'],
    ['gender NOT CONTAINS "f"', 8, 'operator "NOT CONTAINS" does not apply to choice field "gender" at column 8 — use = or IN'],
    ['city Hà Nội', 6, 'expected an operator after "city" at column 6, found "Hà"'],
    ['invoices', 9, 'expected an operator after "invoices" at column 9'],
    ['city = Hà Nội', 11, 'expected AND or OR at column 11, found "Nội" — put text with spaces in quotes'],
    ['invoices >= 3 points > 5', 15, 'expected AND or OR at column 15, found "points"'],
    ['', 1, 'expected a condition at column 1 — the definition is empty'],
    ['invoices >= 3 AND', 18, 'expected a condition after "AND" at column 18'],
    ['NOT', 4, 'expected a condition after "NOT" at column 4'],
    ['AND city = "Huế"', 1, 'expected a condition at column 1, found "AND"'],
    ['"city" = "Huế"', 1, 'expected a condition at column 1, found text "city" — write field names without quotes'],
    ['invoices >= 3)', 14, 'unexpected ")" at column 14 — no "(" is open'],
    ['(points > 5 city = "Huế")', 13, 'expected AND, OR or ")" at column 13, found "city"'],
    ['invoices == 3', 10, 'unknown operator "==" at column 10 — use ='],
    ['invoices => 3', 10, 'unknown operator "=>" at column 10 — use >='],
    ['invoices >< 3', 10, 'unknown operator "><" at column 10'],
    ['total_spend >= 5tr', 16, 'expected a number for "total_spend" at column 16, found "5tr"'],
    ['total_spend >= 5,000,000', 17, 'expected AND or OR at column 17, found ","'],
    ['last_purchase >= yesterday', 18, 'expected a date for "last_purchase" at column 18, found "yesterday" — write 2026-11-01, today, or -30d / -4w / -12m'],
    ['last_purchase >= 30d', 18, 'expected a date for "last_purchase" at column 18, found "30d" — write 2026-11-01, today, or -30d / -4w / -12m'],
    ['last_purchase >= 2026-02-30', 18, 'no such date "2026-02-30" at column 18'],
    ['birthday_month = 13', 18, 'expected a month for "birthday_month" at column 18, found "13" — write 1–12, a month name or this_month'],
    ['gender = femal', 10, 'unknown gender "femal" at column 10 — did you mean "female"?'],
    ['region = Bac', 10, 'unknown region "Bac" at column 10 — use one of North, Central, South'],
    ['segment = champion', 11, 'unknown segment "champion" at column 11 — did you mean "champions"?'],
    ['city IN "Hà Nội"', 9, 'expected "(" after IN at column 9, found text "Hà Nội"'],
    ['city IN ("Hà Nội" "Huế")', 19, 'expected "," or ")" in the IN list at column 19, found text "Huế"'],
    ['city IN ("Hà Nội",', 19, 'expected a value after "," at column 19'],
    ['city IN ("Hà Nội", "Huế"', 9, 'unclosed "(" opened at column 9'],
    ['city IN ()', 10, 'expected a value after "(" at column 10'],
    ['city IS NULL', 9, 'expected EMPTY or NOT EMPTY after IS at column 9'],
    ['city NOT LIKE "x"', 10, 'expected BETWEEN, IN or CONTAINS after NOT at column 10'],
    ['city = "?"', 8, 'text "?" has no letters or digits to compare at column 8'],
    ['city = AND invoices > 1', 8, 'expected a value after "=" at column 8'],
  ];

  test('there are at least twenty of them', () => {
    expect(cases.length).toBeGreaterThanOrEqual(20);
  });

  test.each(cases)('%s', (text, position, message) => {
    expect(parseFilter(text)).toEqual({ ok: false, error: { position, message } });
  });
});
