/**
 * Vietnamese phone numbers in the spellings of pos-formats.md "Phones" and issue 3 item 2, the 2018 renumbering
 * table in full, and what may identify a customer.
 */
import { isCustomerKeyPhone, normalisePhone, PREFIXES_2018 } from '../../../src/core/parse/phone';
import type { CellValue } from '../../../src/core/cell';

const canonical = (value: CellValue) => {
  const result = normalisePhone(value);
  return result.ok ? `${result.value.canonical} ${result.value.kind}` : `not ok: ${result.reason}`;
};

describe('normalisePhone', () => {
  it.each([
    ['0912345678', '0912345678'],
    ['0912 345 678', '0912345678'],
    ['0912.345.678', '0912345678'],
    ['090.123.4567', '0901234567'],
    ['0912-345-678', '0912345678'],
    ['(091) 2345678', '0912345678'],
    ['+84 912 345 678', '0912345678'],
    ['+84 90 123 4567', '0901234567'],
    ['+84912345678', '0912345678'],
    ['+84 (0) 912 345 678', '0912345678'],
    ['+840912345678', '0912345678'],
    ['84912345678', '0912345678'],
    ['84901234567', '0901234567'],
    ['0084 912 345 678', '0912345678'],
    ['912345678', '0912345678'], // leading zero lost in a number cell
    ['912345678.0', '0912345678'],
    ["'0912345678", '0912345678'],
    ["'+84912345678", '0912345678'], // Shopify writes phones with a leading apostrophe
    ['\u00a00912\u00a0345\u00a0678 ', '0912345678'],
    ['0162 345 6789', '0323456789'],
    ['01623456789', '0323456789'],
    ['1623456789', '0323456789'], // an old 11-digit number that also lost its zero
    ['+84 162 345 6789', '0323456789'],
    ['0387654321', '0387654321'],
    ['0567654321', '0567654321'],
    ['0707654321', '0707654321'],
    ['0867654321', '0867654321'],
  ])('reads the mobile %j as %s', (text, expected) => {
    expect(normalisePhone(text)).toEqual({ ok: true, value: { canonical: expected, kind: 'mobile' } });
  });

  it('reads number cells', () => {
    expect(canonical(912345678)).toBe('0912345678 mobile');
    expect(canonical(84912345678)).toBe('0912345678 mobile');
    expect(canonical(1623456789)).toBe('0323456789 mobile');
    expect(canonical(912345678.5)).toBe('not ok: expected a phone number like 0912 345 678');
  });

  it.each(Object.entries(PREFIXES_2018))('maps the old prefix %s to %s', (oldPrefix, newPrefix) => {
    expect(canonical(`${oldPrefix}1234567`)).toBe(`${newPrefix}1234567 mobile`);
  });

  it('has the whole 2018 table of pos-formats.md', () => {
    // prettier-ignore
    expect(PREFIXES_2018).toEqual({
      '0162': '032', '0163': '033', '0164': '034', '0165': '035', '0166': '036', '0167': '037', '0168': '038',
      '0169': '039', '0120': '070', '0121': '079', '0122': '077', '0126': '076', '0128': '078', '0123': '083',
      '0124': '084', '0125': '085', '0127': '081', '0129': '082', '0186': '056', '0188': '058', '0199': '059',
    });
  });

  it('keeps landlines and 1800/1900 numbers, which do not identify a customer', () => {
    expect(canonical('024 3825 1234')).toBe('02438251234 landline');
    expect(canonical('(028) 3822 1234')).toBe('02838221234 landline');
    expect(canonical('+84 24 3825 1234')).toBe('02438251234 landline');
    expect(canonical('2438251234')).toBe('02438251234 landline');
    expect(canonical('1900 1234')).toBe('19001234 service');
    expect(canonical('1800 599 920')).toBe('1800599920 service');
    for (const text of ['024 3825 1234', '1900 1234']) {
      const result = normalisePhone(text);
      expect(result.ok && isCustomerKeyPhone(result.value)).toBe(false);
    }
  });

  it('keeps foreign numbers with their country code, as customer keys', () => {
    expect(canonical('+1 (415) 555-2671')).toBe('+14155552671 foreign');
    expect(canonical('+44 (0)20 7946 0958')).toBe('+442079460958 foreign');
    expect(canonical('0065 9123 4567')).toBe('+6591234567 foreign');
    const result = normalisePhone('+65 9123 4567');
    expect(result.ok && isCustomerKeyPhone(result.value)).toBe(true);
  });

  it('makes mobiles customer keys', () => {
    const result = normalisePhone('0912 345 678');
    expect(result.ok && isCustomerKeyPhone(result.value)).toBe(true);
  });

  it.each([
    ['0912 345 678 (Zalo)', 'expected a phone number with no letters, like 0912 345 678'],
    ['không có', 'expected a phone number with no letters, like 0912 345 678'],
    ['☎ 0912345678', 'expected a phone number like 0912 345 678'],
    ['091234', 'expected a phone number of 10 digits; this one is too short'],
    ['0912345678 / 0987654321', 'expected one phone number of 10 digits; this one has too many digits'],
    ['01301234567', 'expected a current phone number; the old prefix 0130 has no 2018 equivalent'],
    ['0412345678', 'expected a phone number like 0912 345 678'], // 04 is no longer a prefix
    ['0212345678', 'expected a phone number like 0912 345 678'], // a landline needs 11 digits
    ['+1 555', 'expected an international number with its country code'],
    ['0912#345678', 'expected a phone number like 0912 345 678'],
    ['---', 'expected a phone number like 0912 345 678'],
    ['', 'empty'],
  ])('refuses %j: %s', (text, reason) => {
    expect(normalisePhone(text)).toEqual({ ok: false, reason });
  });

  it('refuses booleans and dates, and calls blanks empty', () => {
    expect(normalisePhone(true).ok).toBe(false);
    expect(normalisePhone(new Date()).ok).toBe(false);
    expect(normalisePhone(null)).toEqual({ ok: false, reason: 'empty' });
  });
});
