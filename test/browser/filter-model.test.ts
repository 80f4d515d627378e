/**
 * The filter builder's rows ↔ text, without a browser: what a shop builds from rows is the text the parser
 * reads, and a text of that shape comes back as the same rows.
 */
import { parseFilter } from '../../src/core/filter/parse';
import {
  conditionText,
  groupsToText,
  newCondition,
  textToGroups,
  withField,
  type ConditionRow,
} from '../../src/sidebar/filter-model';

const row = (field: string, op: ConditionRow['op'], value = '', value2 = ''): ConditionRow => ({
  field,
  op,
  value,
  value2,
});

describe('rows to text', () => {
  test.each([
    [row('city', '=', 'Hà Nội'), 'city = "Hà Nội"'],
    [row('city', 'CONTAINS', ' Hà Nội '), 'city CONTAINS "Hà Nội"'],
    [row('name', '=', 'Trần "Bông"'), 'name = "Trần \\"Bông\\""'],
    [row('invoices', '>=', '3'), 'invoices >= 3'],
    [row('total_spend', '>=', '5.000.000'), 'total_spend >= 5.000.000'],
    [row('last_purchase', '>=', '-30d'), 'last_purchase >= -30d'],
    [row('birthday_month', '=', 'this_month'), 'birthday_month = this_month'],
    [row('age', 'BETWEEN', '26', '45'), 'age BETWEEN 26 AND 45'],
    [row('tags', 'IN', 'vip, sỉ'), 'tags IN ("vip", "sỉ")'],
    [row('region', '=', 'North'), 'region = "North"'],
    [row('email', 'IS NOT EMPTY', 'ignored'), 'email IS NOT EMPTY'],
  ])('%j → %s, which parses', (condition, text) => {
    expect(conditionText(condition)).toBe(text);
    expect(parseFilter(text).ok).toBe(true);
  });

  test('a blank value leaves the text unfinished, so the parser names what is missing', () => {
    const text = conditionText(row('invoices', '>='));
    expect(text).toBe('invoices >=');
    expect(parseFilter(text)).toEqual({
      ok: false,
      error: { position: 12, message: 'expected a value after ">=" at column 12' },
    });
  });

  test('rows of a group are joined by AND; groups by OR, parenthesised when they hold more than one row', () => {
    expect(
      groupsToText([
        [row('city', 'CONTAINS', 'Hà Nội'), row('invoices', '>=', '3')],
        [row('tags', 'CONTAINS', 'vip')],
      ]),
    ).toBe('(city CONTAINS "Hà Nội" AND invoices >= 3) OR tags CONTAINS "vip"');
    expect(groupsToText([[row('invoices', '=', '1')], []])).toBe('invoices = 1');
    expect(groupsToText([])).toBe('');
  });
});

describe('text to rows', () => {
  test('an OR of ANDs comes back as groups of rows, values as the user types them', () => {
    expect(
      textToGroups(
        'city = "Ha Noi" AND total_spend >= 5.000.000 OR last_purchase >= -4w AND gender = female',
      ),
    ).toEqual([
      [row('city', '=', 'Ha Noi'), row('total_spend', '>=', '5000000')],
      [row('last_purchase', '>=', '-4w'), row('gender', '=', 'female')],
    ]);
  });

  test('BETWEEN, IN, CONTAINS and IS EMPTY come back to their rows', () => {
    expect(
      textToGroups(
        'age NOT BETWEEN 18 AND 25 AND tags IN ("vip", "sỉ") AND name NOT CONTAINS "test" AND phone IS EMPTY',
      ),
    ).toEqual([
      [
        row('age', 'NOT BETWEEN', '18', '25'),
        row('tags', 'IN', 'vip, sỉ'),
        row('name', 'NOT CONTAINS', 'test'),
        row('phone', 'IS EMPTY'),
      ],
    ]);
  });

  test('a choice typed as its Vietnamese label comes back as the choice', () => {
    expect(textToGroups('region = "Miền Bắc"')).toEqual([[row('region', '=', 'North')]]);
  });

  test('rows made from a text give the same definition back', () => {
    const text = '(city CONTAINS "Hà Nội" AND invoices >= 3) OR birthday_month = this_month';
    expect(groupsToText(textToGroups(text)!)).toBe(text);
  });

  test.each([
    ['NOT (invoices >= 3)', 'NOT'],
    ['city = "Huế" AND (invoices = 1 OR tags CONTAINS "vip")', 'an OR inside an AND'],
    ['tags IN ("a, b", "c")', 'a value with a comma inside IN'],
    ['citty = "Huế"', 'a text that does not parse'],
  ])('%s has no rows (%s): the builder offers the text alone', (text) => {
    expect(textToGroups(text)).toBeNull();
  });
});

describe('new rows', () => {
  test('a choice field starts on its first choice; changing the field keeps an operator it takes', () => {
    expect(newCondition('gender')).toEqual(row('gender', '=', 'male'));
    expect(withField(row('invoices', '>=', '3'), 'total_spend')).toEqual(row('total_spend', '>='));
    // Text fields do not order: `>=` falls back to the first operator text takes.
    expect(withField(row('invoices', '>=', '3'), 'city')).toEqual(row('city', '='));
  });
});
