import { abGroup } from '../../../src/core/filter/ab-split';
import { md5Hex, stableHash32 } from '../../../src/core/stable-hash';

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
  test("MD5 matches RFC 1321's test vectors and the UTF-8 bytes of Vietnamese text", () => {
    expect(md5Hex('')).toBe('d41d8cd98f00b204e9800998ecf8427e');
    expect(md5Hex('abc')).toBe('900150983cd24fb0d6963f7d28e17f72');
    expect(md5Hex('message digest')).toBe('f96b697d7cb7938d525a2f31aaf161d0');
    expect(md5Hex('12345678901234567890123456789012345678901234567890123456789012345678901234567890')).toBe(
      '57edf4a22be3c955ac49da2e2107b67a',
    );
    // Multi-block input and 2-byte letters, computed independently (Node's crypto, Python's hashlib).
    expect(md5Hex('a'.repeat(200))).toBe('887f30b43b2867f4a9accceee7d16e6c');
    expect(md5Hex('Hà Nội')).toBe('06138fe51b32e70959ca4a729cf1ba5c');
    expect(stableHash32('abc')).toBe(0x90015098);
  });

  test('the same customer and segment give the same group every time, pinned across versions', () => {
    // Expected groups computed outside this code from the documented formula (first 32 bits of MD5 over
    // "name␟key", mod n), as BigQuery and DuckDB compute it: a change of formula would move customers of
    // running tests between groups.
    const first8 = keys.slice(0, 8);
    expect(first8.map((key) => abGroup(key, 'Sinh nhật tháng 11', 2)).join('')).toBe('BABBABBB');
    expect(first8.map((key) => abGroup(key, 'Sinh nhật tháng 11', 3)).join('')).toBe('CABAACCA');
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
