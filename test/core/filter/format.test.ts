import { formatFilter } from '../../../src/core/filter/format';
import { parseFilter } from '../../../src/core/filter/parse';

function canonical(text: string): string {
  const result = parseFilter(text);
  if (!result.ok) throw new Error(`"${text}" did not parse: ${result.error.message}`);
  return formatFilter(result.expr);
}

describe('canonical text', () => {
  test.each([
    ['Total_Spend>=5.000.000 and TAGS contains vip', 'total_spend >= 5000000 AND tags CONTAINS "vip"'],
    ['frequency <> 1', 'invoices != 1'],
    ['recency>30 and Invoices>=1', 'days_since_last_visit > 30 AND invoices >= 1'],
  ])('%s → %s', (text, expected) => {
    expect(canonical(text)).toBe(expected);
  });

  test('parentheses only where precedence needs them', () => {
    expect(canonical('((invoices = 1) OR (points > 5)) AND age < 30')).toBe(
      '(invoices = 1 OR points > 5) AND age < 30',
    );
    expect(canonical('invoices = 1 OR (points > 5 AND age < 30)')).toBe(
      'invoices = 1 OR points > 5 AND age < 30',
    );
    expect(canonical('NOT (invoices = 1 OR points > 5)')).toBe('NOT (invoices = 1 OR points > 5)');
    expect(canonical('NOT (invoices = 1)')).toBe('NOT invoices = 1');
  });

  test('choices print as bare ids where they can, quoted where they must', () => {
    expect(canonical('gender = "Nữ" AND region = "Miền Bắc" AND segment = "At Risk"')).toBe(
      'gender = female AND region = North AND segment = at-risk',
    );
    expect(canonical("age_band IN ('Dưới 18', 18-25)")).toBe('age_band IN ("<18", "18-25")');
  });

  test('dates, months and text with quotes', () => {
    expect(canonical('registered >= 2025-1-5 AND last_purchase >= -30D AND first_purchase <= TODAY')).toBe(
      'registered >= 2025-01-05 AND last_purchase >= -30d AND first_purchase <= today',
    );
    expect(canonical('birthday_month IN (Dec, this_month)')).toBe('birthday_month IN (12, this_month)');
    expect(canonical('name = \'Lan "Út" \\\\ Nguyễn\'')).toBe('name = "Lan \\"Út\\" \\\\ Nguyễn"');
  });
});

describe('round trip: parse(format(parse(x))) is parse(x)', () => {
  test.each([
    'tags CONTAINS vip AND city = "Hà Nội" OR NOT (invoices BETWEEN 1 AND 2)',
    'NOT NOT invoices = 1',
    'NOT (age NOT BETWEEN 26 AND 45) AND points IS NOT EMPTY',
    '(city IN ("Hà Nội", \'Đà Nẵng\') OR province CONTAINS "Hồ Chí Minh") AND NOT tags NOT IN (sỉ)',
    'total_spend >= 0.00000000000001 OR average_order > 123456789012345',
    'last_purchase BETWEEN -12m AND -1w AND birthday_month = next_month',
    'segment IN (cant-lose-them, champions) AND rfm != 555 AND gender IS EMPTY',
    'name = "a\\\\\\"b" AND email CONTAINS "@gmail.com"',
  ])('%s', (text) => {
    const first = parseFilter(text);
    if (!first.ok) throw new Error(first.error.message);
    const printed = formatFilter(first.expr);
    expect(parseFilter(printed)).toEqual(first);
    expect(formatFilter((parseFilter(printed) as typeof first).expr)).toBe(printed);
  });
});
