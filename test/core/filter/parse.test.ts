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

describe('malformed definitions: each gets its exact message and column, in English and in Vietnamese', () => {
  // Definition, column, the English message, the Vietnamese one (the sidebar and a run in Vietnamese).
  // prettier-ignore
  const cases: [string, number, string, string][] = [
    ['citty = "Hà Nội"', 1,
      'unknown field "citty" at column 1 — did you mean "city"?',
      'Không có trường "citty" ở cột 1 — có phải ý bạn là "city"?'],
    ['gioitinh = female', 1,
      'unknown field "gioitinh" at column 1',
      'Không có trường "gioitinh" ở cột 1'],
    ['gender =', 9,
      'expected a value after "=" at column 9',
      'Cần một giá trị sau "=" ở cột 9'],
    ['(invoices >= 3 OR points > 100', 1,
      'unclosed "(" opened at column 1',
      'Thiếu ")" cho "(" mở ở cột 1'],
    ['invoices >= 3 AND (points > 1 OR (age < 30)', 19,
      'unclosed "(" opened at column 19',
      'Thiếu ")" cho "(" mở ở cột 19'],
    ['total_spend BETWEEN 1000000 5000000', 29,
      'BETWEEN needs AND at column 29',
      'Thiếu AND của BETWEEN ở cột 29'],
    ['age BETWEEN 18 OR 25', 16,
      'BETWEEN needs AND at column 16',
      'Thiếu AND của BETWEEN ở cột 16'],
    ['city = "Hà Nội', 8,
      'unterminated string at column 8',
      'Đoạn chữ mở ở cột 8 thiếu dấu " đóng'],
    ['tags > 3', 6,
      'operator ">" does not apply to list field "tags" at column 6 — use CONTAINS',
      'Phép so sánh ">" không dùng được cho trường danh sách "tags" ở cột 6 — hãy dùng CONTAINS'],
    ['tags = "vip"', 6,
      'operator "=" does not apply to list field "tags" at column 6 — use CONTAINS',
      'Phép so sánh "=" không dùng được cho trường danh sách "tags" ở cột 6 — hãy dùng CONTAINS'],
    ['city < "Hà Nội"', 6,
      'operator "<" does not apply to text field "city" at column 6 — use =, CONTAINS or IN',
      'Phép so sánh "<" không dùng được cho trường chữ "city" ở cột 6 — hãy dùng =, CONTAINS hoặc IN'],
    ['city BETWEEN a AND b', 6,
      'operator "BETWEEN" does not apply to text field "city" at column 6 — use =, CONTAINS or IN',
      'Phép so sánh "BETWEEN" không dùng được cho trường chữ "city" ở cột 6 — hãy dùng =, CONTAINS hoặc IN'],
    ['points CONTAINS 5', 8,
      'operator "CONTAINS" does not apply to number field "points" at column 8 — use =, <, >, BETWEEN or IN',
      'Phép so sánh "CONTAINS" không dùng được cho trường số "points" ở cột 8 — hãy dùng =, <, >, BETWEEN hoặc IN'],
    ['gender NOT CONTAINS "f"', 8,
      'operator "NOT CONTAINS" does not apply to choice field "gender" at column 8 — use = or IN',
      'Phép so sánh "NOT CONTAINS" không dùng được cho trường lựa chọn "gender" ở cột 8 — hãy dùng = hoặc IN'],
    ['city Hà Nội', 6,
      'expected an operator after "city" at column 6, found "Hà"',
      'Cần một phép so sánh sau "city" ở cột 6, nhưng gặp "Hà"'],
    ['invoices', 9,
      'expected an operator after "invoices" at column 9',
      'Cần một phép so sánh sau "invoices" ở cột 9'],
    ['city = Hà Nội', 11,
      'expected AND or OR at column 11, found "Nội" — put text with spaces in quotes',
      'Cần AND hoặc OR ở cột 11, nhưng gặp "Nội" — chữ có khoảng trắng phải đặt trong ngoặc kép ("…")'],
    ['invoices >= 3 points > 5', 15,
      'expected AND or OR at column 15, found "points"',
      'Cần AND hoặc OR ở cột 15, nhưng gặp "points"'],
    ['', 1,
      'expected a condition at column 1 — the definition is empty',
      'Cần một điều kiện ở cột 1 — ô điều kiện đang trống'],
    ['invoices >= 3 AND', 18,
      'expected a condition after "AND" at column 18',
      'Cần một điều kiện sau "AND" ở cột 18'],
    ['NOT', 4,
      'expected a condition after "NOT" at column 4',
      'Cần một điều kiện sau "NOT" ở cột 4'],
    ['AND city = "Huế"', 1,
      'expected a condition at column 1, found "AND"',
      'Cần một điều kiện ở cột 1, nhưng gặp "AND"'],
    ['"city" = "Huế"', 1,
      'expected a condition at column 1, found text "city" — write field names without quotes',
      'Cần một điều kiện ở cột 1, nhưng gặp chữ "city" — hãy viết tên trường không có dấu nháy'],
    ['invoices >= 3)', 14,
      'unexpected ")" at column 14 — no "(" is open',
      'Thừa ")" ở cột 14 — không có "(" nào đang mở'],
    ['(points > 5 city = "Huế")', 13,
      'expected AND, OR or ")" at column 13, found "city"',
      'Cần AND, OR hoặc ")" ở cột 13, nhưng gặp "city"'],
    ['invoices == 3', 10,
      'unknown operator "==" at column 10 — use =',
      'Không có phép so sánh "==" ở cột 10 — hãy dùng ='],
    ['invoices => 3', 10,
      'unknown operator "=>" at column 10 — use >=',
      'Không có phép so sánh "=>" ở cột 10 — hãy dùng >='],
    ['invoices >< 3', 10,
      'unknown operator "><" at column 10',
      'Không có phép so sánh "><" ở cột 10'],
    ['total_spend >= 5tr', 16,
      'expected a number for "total_spend" at column 16, found "5tr"',
      'Cần một số cho "total_spend" ở cột 16, nhưng gặp "5tr"'],
    ['total_spend >= 5,000,000', 17,
      'expected AND or OR at column 17, found ","',
      'Cần AND hoặc OR ở cột 17, nhưng gặp ","'],
    ['last_purchase >= yesterday', 18,
      'expected a date for "last_purchase" at column 18, found "yesterday" — write 2026-11-01, today, or -30d / -4w / -12m',
      'Cần một ngày cho "last_purchase" ở cột 18, nhưng gặp "yesterday" — hãy viết 2026-11-01, today, hoặc -30d / -4w / -12m'],
    ['last_purchase >= 30d', 18,
      'expected a date for "last_purchase" at column 18, found "30d" — write 2026-11-01, today, or -30d / -4w / -12m',
      'Cần một ngày cho "last_purchase" ở cột 18, nhưng gặp "30d" — hãy viết 2026-11-01, today, hoặc -30d / -4w / -12m'],
    ['last_purchase >= 2026-02-30', 18,
      'no such date "2026-02-30" at column 18',
      'Ngày "2026-02-30" ở cột 18 không có trên lịch'],
    ['birthday_month = 13', 18,
      'expected a month for "birthday_month" at column 18, found "13" — write 1–12, a month name or this_month',
      'Cần một tháng cho "birthday_month" ở cột 18, nhưng gặp "13" — hãy viết 1–12, tên tháng tiếng Anh (jan, february…) hoặc this_month'],
    ['gender = femal', 10,
      'unknown gender "femal" at column 10 — did you mean "female"?',
      'Không có giá trị "femal" cho "gender" ở cột 10 — có phải ý bạn là "female"?'],
    ['region = Bac', 10,
      'unknown region "Bac" at column 10 — use one of North, Central, South',
      'Không có giá trị "Bac" cho "region" ở cột 10 — hãy dùng một trong North, Central, South'],
    ['segment = champion', 11,
      'unknown segment "champion" at column 11 — did you mean "champions"?',
      'Không có giá trị "champion" cho "segment" ở cột 11 — có phải ý bạn là "champions"?'],
    ['city IN "Hà Nội"', 9,
      'expected "(" after IN at column 9, found text "Hà Nội"',
      'Cần "(" sau IN ở cột 9, nhưng gặp chữ "Hà Nội"'],
    ['city IN ("Hà Nội" "Huế")', 19,
      'expected "," or ")" in the IN list at column 19, found text "Huế"',
      'Cần "," hoặc ")" trong danh sách IN ở cột 19, nhưng gặp chữ "Huế"'],
    ['city IN ("Hà Nội",', 19,
      'expected a value after "," at column 19',
      'Cần một giá trị sau "," ở cột 19'],
    ['city IN ("Hà Nội", "Huế"', 9,
      'unclosed "(" opened at column 9',
      'Thiếu ")" cho "(" mở ở cột 9'],
    ['city IN ()', 10,
      'expected a value after "(" at column 10',
      'Cần một giá trị sau "(" ở cột 10'],
    ['city IS NULL', 9,
      'expected EMPTY or NOT EMPTY after IS at column 9',
      'Cần EMPTY hoặc NOT EMPTY sau IS ở cột 9'],
    ['city NOT LIKE "x"', 10,
      'expected BETWEEN, IN or CONTAINS after NOT at column 10',
      'Cần BETWEEN, IN hoặc CONTAINS sau NOT ở cột 10'],
    ['city = "?"', 8,
      'text "?" has no letters or digits to compare at column 8',
      'Chữ "?" ở cột 8 không có chữ cái hay chữ số nào để so sánh'],
    ['city = AND invoices > 1', 8,
      'expected a value after "=" at column 8',
      'Cần một giá trị sau "=" ở cột 8'],
    ['city IN', 8,
      'expected "(" after IN at column 8',
      'Cần "(" sau IN ở cột 8'],
    ['city EMPTY', 6,
      'expected an operator after "city" at column 6, found "EMPTY"',
      'Cần một phép so sánh sau "city" ở cột 6, nhưng gặp "EMPTY"'],
    ['last_purchase CONTAINS "2026"', 15,
      'operator "CONTAINS" does not apply to date field "last_purchase" at column 15 — use =, <, >, BETWEEN or IN',
      'Phép so sánh "CONTAINS" không dùng được cho trường ngày "last_purchase" ở cột 15 — hãy dùng =, <, >, BETWEEN hoặc IN'],
    ['birthday_month >= thang5', 19,
      'expected a month for "birthday_month" at column 19, found "thang5" — write 1–12, a month name or this_month',
      'Cần một tháng cho "birthday_month" ở cột 19, nhưng gặp "thang5" — hãy viết 1–12, tên tháng tiếng Anh (jan, february…) hoặc this_month'],
  ];

  test('there are at least twenty of them', () => {
    expect(cases.length).toBeGreaterThanOrEqual(20);
  });

  test.each(cases)('%s', (text, position, en, vi) => {
    expect(parseFilter(text)).toEqual({ ok: false, error: { position, message: en } });
    expect(parseFilter(text, 'en')).toEqual({ ok: false, error: { position, message: en } });
    expect(parseFilter(text, 'vi')).toEqual({ ok: false, error: { position, message: vi } });
  });

  /** The quoted parts of a message: the tokens seen, field ids, suggestions. */
  const quoted = (message: string) => message.match(/"[^"]*"/g) ?? [];
  /** Words a definition may hold, shown as examples in either language. */
  const TYPED_WORDS = new Set(['today']);
  /** Lower-case Latin words outside quotes: the sentence itself, not what the user typed. */
  const sentenceWords = (message: string) =>
    new Set(
      (message.replace(/"[^"]*"/g, ' ').match(/\b[a-z]+\b/g) ?? []).filter((word) => !TYPED_WORDS.has(word)),
    );

  test.each(cases)(
    'in Vietnamese, %s names the same column and tokens, with no English wording',
    (...[, position, en, vi]) => {
      expect(vi).toContain(`cột ${position}`);
      for (const part of quoted(en)) expect(vi).toContain(part);
      // Vietnamese, written with its diacritics…
      expect(vi).toMatch(/[ạảãàáâậầấẩẫăắằặẳẵêềếểễệđìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/i);
      // …and none of the English sentence's words: keywords (AND, BETWEEN) are upper case, values are quoted.
      const english = sentenceWords(en);
      expect([...sentenceWords(vi)].filter((word) => english.has(word))).toEqual([]);
    },
  );
});
