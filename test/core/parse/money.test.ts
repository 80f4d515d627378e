/**
 * Amounts as POS exports and pasted sheets write them (pos-formats.md "Values", issue 3 item 2): Vietnamese
 * thousands dots, `₫`/`đ`/`VND` either side, no-break spaces, US dollars, negatives.
 */
import { parseMoney, parseQuantity } from '../../../src/core/parse/money';

const MONEY_REASON = 'expected an amount like 1.250.000 ₫ or $12.50';

describe('parseMoney', () => {
  it.each([
    ['1.250.000 ₫', 1_250_000],
    ['1.234.568\u00a0₫', 1_234_568], // KiotViet screens put a no-break space before ₫
    ['1,250,000', 1_250_000],
    ['250.000đ', 250_000],
    ['VND 1.250.000', 1_250_000],
    ['1.250.000 VNĐ', 1_250_000],
    ['1.250.000 vnd', 1_250_000],
    ['₫1.250.000', 1_250_000],
    ['1.250.000 đồng', 1_250_000],
    ['1.250.000 đồng'.normalize('NFD'), 1_250_000], // copied on a Mac
    ['250.000d', 250_000],
    ['1.200.000', 1_200_000],
    ['1.250', 1_250], // one separator and three digits: thousands (VND has no cents)
    ['1,250', 1_250],
    ['1 250 000', 1_250_000],
    ['1\u202f250\u202f000 ₫', 1_250_000],
    ['$12.50', 12.5],
    ['$ 12.50', 12.5],
    ['12,50', 12.5],
    ['12,5', 12.5],
    ['0.125', 0.125],
    ['$1,234.56', 1234.56],
    ['1.234,56', 1234.56],
    ['1.250.000,00 ₫', 1_250_000],
    ['USD 1,234.56', 1234.56],
    ['US$99', 99],
    ['(50.000)', -50_000],
    ['(50.000 ₫)', -50_000],
    ['-$0.95', -0.95],
    ['$-0.95', -0.95],
    ['-50.000 ₫', -50_000],
    ['− 50.000', -50_000], // U+2212 minus sign
    ['+1.000', 1000],
    ["'1250000", 1_250_000],
    ['  1250000  ', 1_250_000],
    ['1.25E+06', 1_250_000],
    ['0', 0],
  ])('reads %j as %p', (text, expected) => {
    expect(parseMoney(text)).toEqual({ ok: true, value: expected });
  });

  it('passes numbers through, negatives included', () => {
    expect(parseMoney(1_250_000)).toEqual({ ok: true, value: 1_250_000 });
    expect(parseMoney(-0.95)).toEqual({ ok: true, value: -0.95 });
  });

  it.each([
    'abc',
    '₫',
    'VND',
    '1.25.000',
    '1.2.3',
    '12.',
    '1,234.567,8',
    '--5',
    '(-5)',
    '12 50',
    '5 bánh',
    '1.250.000 €',
  ])('refuses %j rather than guessing', (text) => {
    expect(parseMoney(text)).toEqual({ ok: false, reason: MONEY_REASON });
  });

  it('refuses non-finite numbers, booleans and dates, and calls blanks empty', () => {
    expect(parseMoney(NaN)).toEqual({ ok: false, reason: MONEY_REASON });
    expect(parseMoney(Infinity)).toEqual({ ok: false, reason: MONEY_REASON });
    expect(parseMoney(true)).toEqual({ ok: false, reason: MONEY_REASON });
    expect(parseMoney(new Date())).toEqual({ ok: false, reason: MONEY_REASON });
    expect(parseMoney('')).toEqual({ ok: false, reason: 'empty' });
    expect(parseMoney('  ')).toEqual({ ok: false, reason: 'empty' });
    expect(parseMoney(null)).toEqual({ ok: false, reason: 'empty' });
  });

  it('reads a million amounts in both spellings', () => {
    const texts = Array.from({ length: 1_000_000 }, (_, i) =>
      i % 2 ? `${(i % 900) + 100}.${String(i % 1000).padStart(3, '0')} ₫` : `${i}`,
    );
    let total = 0;
    for (const text of texts) {
      const result = parseMoney(text);
      if (result.ok) total += result.value;
    }
    expect(total).toBeGreaterThan(0);
  });
});

describe('parseQuantity', () => {
  it.each([
    ['3', 3],
    ['1.000', 1000],
    ['2,5', 2.5],
    ['1.234,5', 1234.5],
    ['-1', -1],
    ['1 500', 1500],
  ])('reads %j as %p', (text, expected) => {
    expect(parseQuantity(text)).toEqual({ ok: true, value: expected });
  });

  it('refuses currency and words, with its own reason', () => {
    expect(parseQuantity('3 ₫')).toEqual({ ok: false, reason: 'expected a number like 1.000 or 2,5' });
    expect(parseQuantity('ba')).toEqual({ ok: false, reason: 'expected a number like 1.000 or 2,5' });
    expect(parseQuantity(12)).toEqual({ ok: true, value: 12 });
  });
});
