import { countMatches } from '../../../src/core/filter/evaluate';
import { parseFilter } from '../../../src/core/filter/parse';
import { starterSegments } from '../../../src/core/filter/starters';
import { AS_OF, makeCustomer, makeProspect } from './customer-factory';

const ctx = { asOfDay: AS_OF };

describe('starter segments', () => {
  const starters = starterSegments({
    stores: ['Chi nhánh Cầu Giấy', 'CN "Phố Huế"', 'chi nhanh cau giay', '  '],
  });
  const byId = new Map(starters.map((starter) => [starter.id, starter]));

  test('the seeds, per store (folded duplicates and blanks dropped), per region and per age band', () => {
    expect(starters.map((starter) => starter.id)).toEqual([
      'one-time-buyers',
      'loyal-buyers',
      'vip',
      'lapsed-30',
      'lapsed-45',
      'likely-lost',
      'high-predicted-value',
      'birthdays-this-month',
      'store-chinhanhcaugiay',
      'store-cnphohue',
      'region-north',
      'region-central',
      'region-south',
      'age-18-25',
      'age-26-45',
      'age-over-45',
    ]);
  });

  test('definitions are the documented texts', () => {
    expect(Object.fromEntries(starters.map((starter) => [starter.id, starter.definition]))).toEqual({
      'one-time-buyers': 'invoices = 1',
      'loyal-buyers': 'invoices >= 3',
      vip: 'total_spend >= 5000000',
      'lapsed-30': 'days_since_last_visit > 30 AND invoices >= 1',
      'lapsed-45': 'days_since_last_visit > 45 AND invoices >= 1',
      'likely-lost': 'p_alive < 0.3 AND invoices >= 2',
      'high-predicted-value': 'predicted_value_12m >= 5000000',
      'birthdays-this-month': 'birthday_month = this_month',
      'store-chinhanhcaugiay': 'last_store = "Chi nhánh Cầu Giấy"',
      'store-cnphohue': 'last_store = "CN \\"Phố Huế\\""',
      'region-north': 'region = North',
      'region-central': 'region = Central',
      'region-south': 'region = South',
      'age-18-25': 'age BETWEEN 18 AND 25',
      'age-26-45': 'age BETWEEN 26 AND 45',
      'age-over-45': 'age > 45',
    });
  });

  test('every starter parses, has both names and a #rrggbb colour', () => {
    for (const starter of starters) {
      expect(parseFilter(starter.definition).ok).toBe(true);
      expect(starter.name.vi).not.toBe('');
      expect(starter.name.en).not.toBe('');
      expect(starter.colour).toMatch(/^#[0-9a-f]{6}$/);
    }
    expect(byId.get('birthdays-this-month')!.name).toEqual({
      vi: 'Sinh nhật tháng này',
      en: 'Birthdays this month',
    });
  });

  test('the shop sets the VIP amount', () => {
    const vip = starterSegments({ stores: [], vipAmount: 20_000_000 }).find(
      (starter) => starter.id === 'vip',
    )!;
    expect(vip.definition).toBe('total_spend >= 20000000');
    expect(() => starterSegments({ stores: [], vipAmount: 0 })).toThrow(
      'The VIP amount must be a positive number',
    );
  });

  test('on a small shop, each starter selects who a shop owner would expect', () => {
    const shop = [
      makeCustomer({
        name: 'once, lapsed',
        frequency: 1,
        totalSpend: 180_000,
        recencyDays: 50,
        age: 22,
        birthdayMonth: 3,
      }),
      makeCustomer({
        name: 'regular',
        frequency: 4,
        totalSpend: 2_100_000,
        recencyDays: 9,
        age: 30,
        birthdayMonth: 7,
      }),
      makeCustomer({ name: 'big spender', frequency: 9, totalSpend: 18_500_000, recencyDays: 35, age: 51 }),
      makeProspect({ name: 'prospect', age: 45, birthdayMonth: 3, lastStore: '' }),
      makeCustomer({
        name: 'Phố Huế',
        lastStore: 'CN "Phố Huế"',
        region: 'South',
        frequency: 2,
        recencyDays: 3,
      }),
    ];
    const members = (id: string) => {
      const starter = byId.get(id)!;
      const result = countMatches(starter.definition, shop, ctx);
      return result.ok ? result.count : -1;
    };
    expect(members('one-time-buyers')).toBe(1);
    expect(members('loyal-buyers')).toBe(2);
    expect(members('vip')).toBe(2); // the factory's default customer spends 6,450,000
    expect(members('lapsed-30')).toBe(2);
    expect(members('lapsed-45')).toBe(1);
    expect(members('birthdays-this-month')).toBe(4); // the factory's default birthday is in March
    expect(members('store-chinhanhcaugiay')).toBe(3);
    expect(members('store-cnphohue')).toBe(1);
    expect(members('region-south')).toBe(1);
    expect(members('age-18-25')).toBe(1);
    expect(members('age-26-45')).toBe(3);
    expect(members('age-over-45')).toBe(1);
  });
});
