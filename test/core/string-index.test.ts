/**
 * StringIndex stands in for a Map<string, number> on the per-row look-ups (invoice codes, phones, emails): it must
 * give the same answers as a Map, whatever the keys and however far it grows past its expected size.
 */
import { StringIndex } from '../../src/core/string-index';

function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const PIECES = ['HD', 'KH', '0901', '234', '567', 'Hà Nội', 'lan.nguyen@gmail.com', 'Đ', 'ư', '', ' ', '-'];

describe('StringIndex', () => {
  test('answers like a Map on 50,000 random codes, most added twice, from a table sized for 16', () => {
    const random = seededRandom(7);
    const index = new StringIndex();
    const reference = new Map<string, number>();
    for (let i = 0; i < 50_000; i++) {
      const key =
        Array.from(
          { length: 1 + Math.floor(random() * 4) },
          () => PIECES[Math.floor(random() * PIECES.length)],
        ).join('') + Math.floor(random() * 20_000);
      const expected = reference.get(key) ?? -1;
      expect(index.getOrAdd(key, i)).toBe(expected);
      if (expected < 0) reference.set(key, i);
    }
    expect(index.size).toBe(reference.size);
    for (const [key, value] of reference) expect(index.get(key)).toBe(value);
  });

  test('the first number stored for a key stays; unknown keys give -1', () => {
    const index = new StringIndex(2);
    expect(index.getOrAdd('0901234567', 3)).toBe(-1);
    expect(index.getOrAdd('0901234567', 9)).toBe(3);
    expect(index.get('0901234567')).toBe(3);
    expect(index.get('090123456')).toBe(-1);
    expect(index.get('')).toBe(-1);
  });

  test('keys that differ only in a diacritic or in Unicode form are different keys, as in a Map', () => {
    const index = new StringIndex();
    index.getOrAdd('Hòa', 1);
    index.getOrAdd('Hoà', 2);
    index.getOrAdd('Hòa'.normalize('NFD'), 3);
    expect([index.get('Hòa'), index.get('Hoà'), index.get('Hòa'.normalize('NFD')), index.get('Hoa')]).toEqual(
      [1, 2, 3, -1],
    );
  });
});
