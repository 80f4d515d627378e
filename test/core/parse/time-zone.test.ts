/**
 * Calendar days on the spreadsheet's clock: instants become wall-clock time in its IANA zone, and day numbers
 * round-trip through calendar dates.
 */
import {
  dayNumber,
  dayNumberFromYmd,
  formatDay,
  MS_PER_DAY,
  ymdFromDayNumber,
  zoneClock,
} from '../../../src/core/parse/time-zone';

const iso = (localMs: number) => new Date(localMs).toISOString().slice(0, 19);

describe('zoneClock', () => {
  it('puts a purchase at 23:30 on 21 Nov in Ho Chi Minh time on 21 Nov, not 22 (16:30 UTC)', () => {
    const clock = zoneClock('Asia/Ho_Chi_Minh');
    const local = clock.toLocalMs(Date.parse('2026-11-21T16:30:00Z'));
    expect(iso(local)).toBe('2026-11-21T23:30:00');
    expect(formatDay(dayNumber(local))).toBe('2026-11-21');
    // Half an hour later it is the next day there, though still 21 Nov in UTC.
    expect(formatDay(dayNumber(clock.toLocalMs(Date.parse('2026-11-21T17:00:00Z'))))).toBe('2026-11-22');
  });

  it('follows New York across the spring-forward and fall-back switches', () => {
    const clock = zoneClock('America/New_York');
    // 8 March 2026: 02:00 EST jumps to 03:00 EDT (07:00 UTC).
    expect(iso(clock.toLocalMs(Date.parse('2026-03-08T06:59:00Z')))).toBe('2026-03-08T01:59:00');
    expect(iso(clock.toLocalMs(Date.parse('2026-03-08T07:00:00Z')))).toBe('2026-03-08T03:00:00');
    // 1 November 2026: 02:00 EDT falls back to 01:00 EST (06:00 UTC).
    expect(iso(clock.toLocalMs(Date.parse('2026-11-01T05:59:00Z')))).toBe('2026-11-01T01:59:00');
    expect(iso(clock.toLocalMs(Date.parse('2026-11-01T06:00:00Z')))).toBe('2026-11-01T01:00:00');
    // A late-evening sale stays on its own day on either side of the switch.
    expect(formatDay(dayNumber(clock.toLocalMs(Date.parse('2026-03-09T03:30:00Z'))))).toBe('2026-03-08');
    expect(formatDay(dayNumber(clock.toLocalMs(Date.parse('2026-11-02T04:30:00Z'))))).toBe('2026-11-01');
  });

  it('turns wall-clock times back into instants, skipped times moving forward and repeated ones taking the earlier', () => {
    const clock = zoneClock('America/New_York');
    const instant = (local: string) => new Date(clock.toInstantMs(Date.parse(`${local}Z`))).toISOString();
    expect(instant('2026-07-04T12:00:00')).toBe('2026-07-04T16:00:00.000Z');
    expect(instant('2026-01-15T12:00:00')).toBe('2026-01-15T17:00:00.000Z');
    expect(instant('2026-03-08T02:30:00')).toBe('2026-03-08T07:30:00.000Z'); // 03:30 EDT
    expect(instant('2026-11-01T01:30:00')).toBe('2026-11-01T05:30:00.000Z'); // the first 01:30 (EDT)
    const hcm = zoneClock('Asia/Ho_Chi_Minh');
    expect(new Date(hcm.toInstantMs(Date.parse('2026-11-21T23:30:00Z'))).toISOString()).toBe(
      '2026-11-21T16:30:00.000Z',
    );
  });

  it('round-trips every hour of a DST year in Europe/Paris, except the repeated hour of the fall-back night', () => {
    const clock = zoneClock('Europe/Paris');
    const start = Date.parse('2026-01-01T00:00:00Z');
    const mappedToEarlier: string[] = [];
    for (let instant = start; instant < start + 365 * MS_PER_DAY; instant += 3_600_000) {
      const local = clock.toLocalMs(instant);
      const back = clock.toInstantMs(local);
      if (back !== instant && clock.toLocalMs(back) === local)
        mappedToEarlier.push(new Date(instant).toISOString());
      else if (back !== instant) throw new Error(`${new Date(instant).toISOString()} did not round-trip`);
    }
    // 25 October 2026: 03:00 CEST falls back to 02:00 CET, so 02:00–02:59 happens twice.
    expect(mappedToEarlier).toEqual(['2026-10-25T01:00:00.000Z']);
  });

  it('agrees with Intl on the offset of zones with half-hour offsets and at odd minutes', () => {
    const clock = zoneClock('Asia/Kolkata');
    expect(iso(clock.toLocalMs(Date.parse('2026-05-01T20:15:42Z')))).toBe('2026-05-02T01:45:42');
    const lordHowe = zoneClock('Australia/Lord_Howe'); // DST of 30 minutes, switching at 02:00 local
    expect(iso(lordHowe.toLocalMs(Date.parse('2026-04-04T14:59:00Z')))).toBe('2026-04-05T01:59:00');
    expect(iso(lordHowe.toLocalMs(Date.parse('2026-04-04T15:00:00Z')))).toBe('2026-04-05T01:30:00');
  });

  it('rejects an unknown zone with its name', () => {
    expect(() => zoneClock('Asia/Saigon_Typo')).toThrow('Unknown time zone "Asia/Saigon_Typo"');
    expect(() => zoneClock('GMT+7 Hanoi')).toThrow(Error);
  });

  it('converts a million instants over a year and a half, each 7 hours ahead in Bangkok (no daylight saving)', () => {
    const clock = zoneClock('Asia/Bangkok');
    const start = Date.parse('2025-01-01T00:00:00Z');
    let off = 0;
    for (let i = 0; i < 1_000_000; i++) {
      const instant = start + i * 47_000;
      if (clock.toLocalMs(instant) !== instant + 7 * 3_600_000) off++;
    }
    expect(off).toBe(0);
  });
});

describe('day numbers', () => {
  it('counts days since 1970-01-01 like Date.UTC for ordinary dates', () => {
    expect(dayNumberFromYmd(1970, 1, 1)).toBe(0);
    expect(dayNumberFromYmd(2026, 11, 22)).toBe(Date.UTC(2026, 10, 22) / MS_PER_DAY);
    expect(dayNumberFromYmd(2024, 2, 29)).toBe(Date.UTC(2024, 1, 29) / MS_PER_DAY);
    expect(dayNumberFromYmd(1899, 12, 30)).toBe(-25_569);
    expect(dayNumber(Date.UTC(1969, 11, 31, 23, 59))).toBe(-1);
  });

  it('round-trips day numbers and dates over four centuries, agreeing with Date', () => {
    const wrong: number[] = [];
    for (let day = dayNumberFromYmd(1800, 1, 1); day < dayNumberFromYmd(2200, 1, 1); day += 7) {
      const { year, month, day: dayOfMonth } = ymdFromDayNumber(day);
      const date = new Date(day * MS_PER_DAY);
      const agrees =
        dayNumberFromYmd(year, month, dayOfMonth) === day &&
        year === date.getUTCFullYear() &&
        month === date.getUTCMonth() + 1 &&
        dayOfMonth === date.getUTCDate();
      if (!agrees) wrong.push(day);
    }
    expect(wrong).toEqual([]);
  });

  it('formats yyyy-mm-dd with padding', () => {
    expect(formatDay(dayNumberFromYmd(2026, 7, 1))).toBe('2026-07-01');
    expect(formatDay(dayNumberFromYmd(999, 1, 9))).toBe('0999-01-09');
    expect(ymdFromDayNumber(dayNumberFromYmd(2000, 2, 29))).toEqual({ year: 2000, month: 2, day: 29 });
  });
});
