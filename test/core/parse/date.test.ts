/**
 * Date cells as POS exports and pasted sheets hold them (pos-formats.md "Values"): real date cells, serials,
 * KiotViet/Sapo/Shopify/US/Vietnamese-locale texts; and the per-column day/month order decision.
 */
import type { CellValue } from '../../../src/core/cell';
import {
  decideDateOrder,
  looksLikeSerialColumn,
  parseDateCell,
  type DateOrder,
} from '../../../src/core/parse/date';
import { zoneClock } from '../../../src/core/parse/time-zone';

const HCM = zoneClock('Asia/Ho_Chi_Minh');
const UTC = zoneClock('UTC');

/** The wall-clock time a parse gives, as `yyyy-mm-ddThh:mm:ss`, or the reason it failed. */
function wallClock(value: CellValue, order: DateOrder = 'dmy', clock = HCM, serialText = false): string {
  const result = parseDateCell(value, order, clock, serialText);
  return result.ok ? new Date(result.value).toISOString().slice(0, 19) : `not ok: ${result.reason}`;
}

describe('parseDateCell on text', () => {
  it.each([
    ['22/11/2026 14:05', '2026-11-22T14:05:00'],
    ['22/11/2026', '2026-11-22T00:00:00'],
    ['1/7/2025', '2025-07-01T00:00:00'],
    ['05/01/2026 08:30:15', '2026-01-05T08:30:15'],
    ['22-11-2026 14:05', '2026-11-22T14:05:00'], // Sapo 'Ngày hoàn thành'
    ['22.11.2026', '2026-11-22T00:00:00'],
    ['22/11/2026, 14:05', '2026-11-22T14:05:00'],
    ['14:05:00 1/7/2025', '2025-07-01T14:05:00'], // Vietnamese locale prints the time first
    ['9:05 1/7/2025', '2025-07-01T09:05:00'],
    ['2:30 CH 1/7/2025', '2025-07-01T14:30:00'], // chiều = PM
    ['12:15 SA 1/7/2025', '2025-07-01T00:15:00'], // sáng = AM
    ['  22/11/2026 14:05  ', '2026-11-22T14:05:00'],
    ['22/11/2026\u00a014:05', '2026-11-22T14:05:00'],
    ["'22/11/2026", '2026-11-22T00:00:00'],
    ['22/11/26', '2026-11-22T00:00:00'],
    ['15/08/85', '1985-08-15T00:00:00'], // a birth date with a two-digit year
    ['29/02/2024', '2024-02-29T00:00:00'],
  ])('reads day-first %j', (text, expected) => {
    expect(wallClock(text, 'dmy')).toBe(expected);
  });

  it.each([
    ['7/28/26 1:33 PM', '2026-07-28T13:33:00'],
    ['7/28/2026 12:05 AM', '2026-07-28T00:05:00'],
    ['7/28/2026 12:05 p.m.', '2026-07-28T12:05:00'],
    ['1/7/2025', '2025-01-07T00:00:00'],
    ['12/31/2025 11:59:59 PM', '2025-12-31T23:59:59'],
  ])('reads month-first %j', (text, expected) => {
    expect(wallClock(text, 'mdy')).toBe(expected);
  });

  it.each([
    ['2026-11-22', '2026-11-22T00:00:00'],
    ['2026-11-22 14:05', '2026-11-22T14:05:00'],
    ['2026-11-22T14:05:30.250', '2026-11-22T14:05:30'],
    ['2026/11/22 14:05', '2026-11-22T14:05:00'],
    // An offset makes the text an instant; the sheet's clock (Ho Chi Minh, +07:00) gives its wall-clock time.
    ['2022-01-11 04:32:31 -0500', '2022-01-11T16:32:31'], // Shopify 'Created at'
    ['2026-11-21T16:30:00Z', '2026-11-21T23:30:00'],
    ['2026-11-21T23:30:00+07:00', '2026-11-21T23:30:00'],
    ['2026-11-21T18:30:00+0200', '2026-11-21T23:30:00'],
    ['2026-11-21 16:30:00 UTC', '2026-11-21T23:30:00'],
  ])('reads ISO %j whatever the column order', (text, expected) => {
    expect(wallClock(text, 'dmy')).toBe(expected);
    expect(wallClock(text, 'mdy')).toBe(expected);
  });

  it('reads an ISO instant on the clock of the sheet it is in', () => {
    expect(wallClock('2026-03-08T07:30:00Z', 'dmy', zoneClock('America/New_York'))).toBe(
      '2026-03-08T03:30:00',
    );
    expect(wallClock('2026-03-08T07:30:00Z', 'dmy', UTC)).toBe('2026-03-08T07:30:00');
  });

  it.each([
    ['31/02/2026', 'expected a real calendar date; 31/02/2026 has no such day'],
    ['29/02/2025', 'expected a real calendar date; 29/02/2025 has no such day'],
    ['00/01/2026', 'expected a real calendar date; 00/01/2026 has no such day'],
    ['22/11/2026 25:00', 'expected a time of day from 00:00 to 23:59 in 22/11/2026 25:00'],
    ['22/11/2026 14:65', 'expected a time of day from 00:00 to 23:59 in 22/11/2026 14:65'],
    ['22/11/2026 13:00 PM', 'expected a time of day from 00:00 to 23:59 in 22/11/2026 13:00 PM'],
    ['7/28/2026', 'expected a day-first date like 28/7/2026 (this column reads day first)'],
    ['2026-13-01', 'expected a real calendar date; 2026-13-01 has no such day'],
    ['2026-11-22T10:00+25:00', 'expected a time-zone offset like +07:00 in 2026-11-22T10:00+25:00'],
    ['22/11-2026', 'expected a date like 22/11/2026 14:05'],
    ['22/11/202', 'expected a date like 22/11/2026 14:05'],
    ['hôm qua', 'expected a date like 22/11/2026 14:05'],
    ['22/11/2026 14h05', 'expected a date like 22/11/2026 14:05'],
    ['01/01/0001', 'expected a date between 1900 and 2100; 01/01/0001 is not'],
    ['31/12/1899', 'expected a date between 1900 and 2100; 31/12/1899 is not'],
    ['1/1/2206', 'expected a date between 1900 and 2100; 1/1/2206 is not'],
    ['', 'empty'],
    ['   ', 'empty'],
  ])('refuses %j with a reason', (text, reason) => {
    expect(parseDateCell(text, 'dmy', HCM)).toEqual({ ok: false, reason });
  });

  it('tells a month-first column that a day-first value does not fit its order', () => {
    expect(parseDateCell('13/07/2025', 'mdy', HCM)).toEqual({
      ok: false,
      reason: 'expected a month-first date like 7/28/2026 (this column reads month first)',
    });
  });
});

describe('parseDateCell on date cells and serials', () => {
  it('reads an Apps Script date cell (an instant) on the sheet clock: 23:30 on 21 Nov stays 21 Nov', () => {
    const cell = new Date('2026-11-21T16:30:00Z');
    expect(wallClock(cell, 'dmy', HCM)).toBe('2026-11-21T23:30:00');
    expect(wallClock(cell, 'mdy', HCM)).toBe('2026-11-21T23:30:00');
    expect(wallClock(cell, 'dmy', zoneClock('America/New_York'))).toBe('2026-11-21T11:30:00');
  });

  it('reads xlsx date cells (wall clock stored as UTC) with a UTC clock', () => {
    expect(wallClock(new Date(Date.UTC(2026, 10, 22, 14, 5)), 'dmy', UTC)).toBe('2026-11-22T14:05:00');
  });

  it('refuses an invalid Date', () => {
    expect(parseDateCell(new Date(NaN), 'dmy', HCM)).toEqual({
      ok: false,
      reason: 'expected a valid date cell',
    });
  });

  it('reads spreadsheet serial numbers, the fraction being the time of day', () => {
    expect(wallClock(46348)).toBe('2026-11-22T00:00:00');
    expect(wallClock(46348.586805555555)).toBe('2026-11-22T14:05:00');
    expect(wallClock(2)).toBe('1900-01-01T00:00:00');
    expect(wallClock(73415.5)).toBe('2100-12-31T12:00:00');
  });

  it.each([1, 73416, 2958465])('refuses the serial %p, outside 1900–2100', (value) => {
    expect(parseDateCell(value, 'dmy', HCM)).toEqual({
      ok: false,
      reason: `expected a date between 1900 and 2100; the serial ${value} is not`,
    });
  });

  it('refuses a date cell before 1900 rather than writing a negative serial', () => {
    const result = parseDateCell(new Date(Date.UTC(1850, 0, 1)), 'dmy', UTC);
    expect(result).toEqual({ ok: false, reason: 'expected a date between 1900 and 2100; 1850-01-01 is not' });
  });

  it('reads serials written as text only when the column is told its texts are serials', () => {
    expect(wallClock('46348', 'dmy', HCM, true)).toBe('2026-11-22T00:00:00');
    expect(wallClock('46347.34375', 'dmy', HCM, true)).toBe('2026-11-21T08:15:00');
    expect(parseDateCell('46348', 'dmy', HCM).ok).toBe(false);
    expect(looksLikeSerialColumn(['46341', '46347.34375', '', '46350'])).toBe(true);
    expect(looksLikeSerialColumn(['46341', '22/11/2026', '21/11/2026'])).toBe(false);
    expect(looksLikeSerialColumn([46341, 46342])).toBe(false);
  });

  it.each([0, -5, 2958466, 20261122, NaN, Infinity, -Infinity])(
    'refuses the number %p as a date',
    (value) => {
      const result = parseDateCell(value, 'dmy', HCM);
      expect(result.ok).toBe(false);
      expect(!result.ok && result.reason).toMatch(/is not a spreadsheet date/);
    },
  );

  it('refuses booleans and reports blanks as empty', () => {
    expect(parseDateCell(true, 'dmy', HCM)).toEqual({
      ok: false,
      reason: 'expected a date like 22/11/2026 14:05',
    });
    expect(parseDateCell(null, 'dmy', HCM)).toEqual({ ok: false, reason: 'empty' });
    expect(parseDateCell(undefined, 'dmy', HCM)).toEqual({ ok: false, reason: 'empty' });
  });

  it('parses a million text dates of every day, month and minute shape', () => {
    const texts = Array.from(
      { length: 1_000_000 },
      (_, i) => `${(i % 28) + 1}/${(i % 12) + 1}/2025 ${i % 24}:${String(i % 60).padStart(2, '0')}:00`,
    );
    let parsedCount = 0;
    for (const text of texts) if (parseDateCell(text, 'dmy', HCM).ok) parsedCount++;
    expect(parsedCount).toBe(1_000_000);
  });
});

describe('decideDateOrder', () => {
  it('proves day first from a first part over 12', () => {
    const decision = decideDateOrder([
      '01/07/2025 09:00',
      '13/07/2025 10:15',
      '02/08/2025',
      '22/11/2026 14:05',
    ]);
    expect(decision).toEqual({ order: 'dmy', dmyOnly: 2, mdyOnly: 0, samples: [] });
  });

  it('proves month first from a second part over 12 (US exports)', () => {
    const decision = decideDateOrder(['7/28/26 1:33 PM', '8/1/26 9:00 AM', '8/15/26 10:00 AM']);
    expect(decision).toEqual({ order: 'mdy', dmyOnly: 0, mdyOnly: 2, samples: [] });
  });

  it('counts Vietnamese time-first texts', () => {
    expect(decideDateOrder(['14:05:00 1/7/2025', '09:12:00 25/7/2025']).order).toBe('dmy');
  });

  it('calls a column ambiguous when every value reads both ways, with samples to show the user', () => {
    const decision = decideDateOrder(['01/07/2025', '02/03/2025', '01/07/2025', '04/04/2025', '', null]);
    expect(decision.order).toBe('ambiguous');
    expect(decision.samples).toEqual(['01/07/2025', '02/03/2025']); // distinct; 04/04 reads the same either way
  });

  it('follows the majority on mixed evidence and keeps the contradicting values', () => {
    const decision = decideDateOrder(['13/01/2025', '25/02/2025', '28/03/2025', '3/30/2025', '05/06/2025']);
    expect(decision).toEqual({ order: 'dmy', dmyOnly: 3, mdyOnly: 1, samples: ['3/30/2025'] });
  });

  it('calls a tie ambiguous and shows both kinds', () => {
    const decision = decideDateOrder(['13/01/2025', '1/13/2025']);
    expect(decision.order).toBe('ambiguous');
    expect(decision.samples).toEqual(['13/01/2025', '1/13/2025']);
  });

  it('lets only text vote: Date cells, serials and ISO texts have a fixed order', () => {
    const decision = decideDateOrder([
      new Date(2025, 0, 13),
      46348,
      '2025-01-13',
      '01/02/2025',
      '30/01/2025',
    ]);
    expect(decision).toEqual({ order: 'dmy', dmyOnly: 1, mdyOnly: 0, samples: [] });
  });

  it('answers dmy for a column with no day-month text, where the order does not matter', () => {
    expect(decideDateOrder([new Date(), 46348, '2026-11-22T14:05:00Z', '', 'n/a']).order).toBe('dmy');
    expect(decideDateOrder([]).order).toBe('dmy');
  });
});

describe('dates with the month in words (Lazada, Clover, English receipts)', () => {
  const utc = zoneClock('UTC');
  const at = (text: string) => {
    const result = parseDateCell(text, 'mdy', utc);
    return result.ok ? new Date(result.value).toISOString().slice(0, 16) : result.reason;
  };
  it.each([
    ['20 Nov 2026 10:15', '2026-11-20T10:15'],
    ['20 November 2026', '2026-11-20T00:00'],
    ['Nov 20, 2026 2:05 PM', '2026-11-20T14:05'],
    ['Fri, 20 Nov 2026 09:00', '2026-11-20T09:00'],
    ['20-Nov-2026', '2026-11-20T00:00'],
    ['3 tháng 11, 2026', '2026-11-03T00:00'],
  ])('reads %j whatever the column order', (text, expected) => {
    expect(at(text)).toBe(expected);
  });

  it('refuses a month name that is not one, and an impossible day', () => {
    expect(at('20 Nox 2026')).toMatch(/expected a date/);
    expect(at('31 Feb 2026')).toMatch(/no such day/);
  });
});
