import { compactKey, firstCompactChar, foldText, hasCompactKey, tidyText } from '../../src/core/text';

/** The definitions in text.ts, written the slow way: what the one-unit-at-a-time versions must equal. */
function foldByDefinition(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}
const compactByDefinition = (text: string) => foldByDefinition(text).replace(/ /g, '');

// NFC and NFD spellings, old and new tone placement, POS header and walk-in spellings.
const SAMPLES = [
  'Khách lẻ',
  'Khach le',
  'KHÁCH VÃNG LAI',
  'Khách lẻ'.normalize('NFD'),
  'Walk-in',
  ' walk in customer ',
  'Guest',
  'Mã HĐ',
  'Hòa Bình',
  'Hoà Bình',
  'Thành tiền (₫)',
  'Nguyễn Thị Ánh',
  'KH000123',
  '  ',
  '',
  '—',
  '0912 345 678',
  'Đơn giá',
];

describe('text folding', () => {
  it.each(SAMPLES)('folds %j as the definition does', (text) => {
    expect(foldText(text)).toBe(foldByDefinition(text));
    expect(compactKey(text)).toBe(compactByDefinition(text));
    expect(hasCompactKey(text, compactByDefinition(text))).toBe(true);
    expect(firstCompactChar(text)).toBe(compactByDefinition(text).charAt(0));
  });

  it('tells walk-in spellings from real names by their compact key', () => {
    expect(hasCompactKey('KHÁCH VÃNG LAI', 'khachvanglai')).toBe(true);
    expect(hasCompactKey('Khách lẻ'.normalize('NFD'), 'khachle')).toBe(true);
    expect(hasCompactKey('Khách lẻ 2', 'khachle')).toBe(false);
    expect(hasCompactKey('Khánh Linh', 'khachle')).toBe(false);
    expect(firstCompactChar(' — Đơn giá')).toBe('d');
    expect(firstCompactChar('—  ')).toBe('');
  });

  it('agrees with the definition on random mixes of Vietnamese letters, marks and punctuation', () => {
    const alphabet = 'aăâeêioôơuưyđĐÀÁẢÃẠàáảãạ\u0300\u0301\u0303\u0309\u0323 -_.,/()ABCxyz019₫';
    let seed = 11;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    for (let n = 0; n < 2000; n++) {
      const text = Array.from(
        { length: 1 + Math.floor(random() * 12) },
        () => alphabet[Math.floor(random() * alphabet.length)],
      ).join('');
      expect([text, firstCompactChar(text)]).toEqual([text, compactByDefinition(text).charAt(0)]);
      expect([text, compactKey(text)]).toEqual([text, compactByDefinition(text)]);
    }
  });
});

describe('tidyText', () => {
  it('keeps tidy text as it is and tidies NFD and doubled spaces', () => {
    expect(tidyText('Nguyễn Văn An')).toBe('Nguyễn Văn An');
    expect(tidyText(' Nguyễn  Văn\tAn '.normalize('NFD'))).toBe('Nguyễn Văn An');
  });
});
