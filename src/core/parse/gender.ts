/**
 * Gender from the spellings POS exports and staff use (pos-formats.md "Gender"): `Nam`/`Nữ` (NFC or NFD,
 * with or without marks), `khác`, `1`/`2` (some APIs: 1 male, 2 female), `Male`/`Female`, `M`/`F`, and honorifics
 * that carry it (`Anh`, `Chị`, `Ông`, `Bà`, `Cô`, `Chú`, `Mr`, `Mrs`, `Ms`, `Miss`). Anything else, blank
 * included, is `unknown`: a missing or odd gender is not a data error.
 */
import type { CellValue } from '../cell';
import type { Gender } from '../model';
import { foldText } from '../text';

/** Folded spellings (see foldText: lower case, no marks, `đ` → `d`). */
const GENDER_BY_FOLDED: ReadonlyMap<string, Gender> = new Map<string, Gender>([
  ...(
    [
      'nam',
      'nam gioi',
      'gioi tinh nam',
      'trai',
      'con trai',
      'anh',
      'ong',
      'chu',
      'bac trai',
      'male',
      'm',
      'man',
      'men',
      'boy',
      'mr',
      'sir',
      '1',
    ] as const
  ).map((word) => [word, 'male'] as const),
  ...(
    [
      'nu',
      'nu gioi',
      'gioi tinh nu',
      'gai',
      'con gai',
      'chi',
      'ba',
      'co',
      'bac gai',
      'female',
      'f',
      'woman',
      'women',
      'girl',
      'mrs',
      'ms',
      'miss',
      'madam',
      'mme',
      '2',
    ] as const
  ).map((word) => [word, 'female'] as const),
  ...(['khac', 'gioi tinh khac', 'other', 'others', 'non binary', 'nonbinary', 'lgbt'] as const).map(
    (word) => [word, 'other'] as const,
  ),
]);

/** Results by raw text: a gender column holds a handful of distinct spellings, folded once each. */
const cache = new Map<string, Gender>();
const MAX_CACHED = 1000;

export function parseGender(value: CellValue): Gender {
  if (typeof value === 'number') return value === 1 ? 'male' : value === 2 ? 'female' : 'unknown';
  if (typeof value !== 'string') return 'unknown';
  const known = cache.get(value);
  if (known !== undefined) return known;
  const gender = GENDER_BY_FOLDED.get(foldText(value)) ?? 'unknown';
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(value, gender);
  return gender;
}
