import { abGroup, fnv1a32 } from '../../../src/core/filter/ab-split';

const keys = Array.from({ length: 10_000 }, (_, i) => `code:KH${String(i + 1).padStart(6, '0')}`);

function shares(segmentName: string, groups: number): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const key of keys) {
    const group = abGroup(key, segmentName, groups);
    counts[group] = (counts[group] ?? 0) + 1;
  }
  return Object.fromEntries(Object.entries(counts).map(([group, count]) => [group, count / keys.length]));
}

describe('A/B groups', () => {
  test('FNV-1a 32-bit matches the published test vectors (UTF-8 bytes)', () => {
    expect(fnv1a32('')).toBe(0x811c9dc5);
    expect(fnv1a32('a')).toBe(0xe40c292c);
    expect(fnv1a32('foobar')).toBe(0xbf9cf968);
    // Vietnamese letters hash as their UTF-8 bytes (é = C3 A9), computed independently.
    expect(fnv1a32('é')).toBe(0x1e9de8c1);
    expect(fnv1a32('Hà Nội')).toBe(0x6ba21b40);
  });

  test('the same customer and segment give the same group every time, pinned across versions', () => {
    // Expected groups computed outside this code from the documented formula (FNV-1a, Murmur3 finaliser, mod n):
    // a change of formula would move customers of running tests between groups.
    const first8 = keys.slice(0, 8);
    expect(first8.map((key) => abGroup(key, 'Sinh nhật tháng 11', 2)).join('')).toBe('BAABBBBA');
    expect(first8.map((key) => abGroup(key, 'Sinh nhật tháng 11', 3)).join('')).toBe('BCCABBCA');
    expect(abGroup('phone:0912345678', 'VIP Hà Nội', 3)).toBe(abGroup('phone:0912345678', 'VIP Hà Nội', 3));
  });

  test.each([2, 3, 5])('%i groups are balanced within ±3 points on 10,000 customers', (groups) => {
    const result = shares('Khách lâu chưa quay lại', groups);
    const expected = [...'ABCDE'].slice(0, groups);
    expect(Object.keys(result).sort()).toEqual(expected);
    for (const share of Object.values(result)) expect(Math.abs(share - 1 / groups)).toBeLessThanOrEqual(0.03);
  });

  test('another segment name reshuffles the customers (independent tests)', () => {
    const a = keys.map((key) => abGroup(key, 'Tết 2026', 2));
    const b = keys.map((key) => abGroup(key, 'Trung thu 2026', 2));
    const same = a.filter((group, i) => group === b[i]).length / keys.length;
    expect(Math.abs(same - 0.5)).toBeLessThanOrEqual(0.03);
  });

  test('NFC and NFD spellings of the name and key, and stray spaces in the name, give the same group', () => {
    for (const key of keys.slice(0, 200)) {
      const nfc = abGroup(`${key}:Hoà`, 'Khách Hà Nội', 3);
      expect(abGroup(`${key}:Hoà`.normalize('NFD'), '  Khách  Hà Nội '.normalize('NFD'), 3)).toBe(nfc);
    }
  });

  test('group counts outside 2–5 are refused', () => {
    expect(() => abGroup('code:KH1', 'VIP', 1)).toThrow(
      'A/B groups must be a whole number from 2 to 5, got 1.',
    );
    expect(() => abGroup('code:KH1', 'VIP', 6)).toThrow(RangeError);
    expect(() => abGroup('code:KH1', 'VIP', 2.5)).toThrow(RangeError);
  });
});
