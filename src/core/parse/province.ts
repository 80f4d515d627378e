/**
 * Which provincial unit a place text names (a city column, KiotViet's `Khu vực` `Hà Nội - Quận Cầu Giấy`, an
 * address). The text is folded (foldText: case, diacritics, NFC/NFD and punctuation ignored, so `TP.HCM`,
 * `Bà Rịa–Vũng Tàu` and prefixes like `Tỉnh`, `Thành phố`, `TP.` need no special case) and every alias of
 * provinces.ts is looked for as a run of whole words. The longest alias found wins (`Thừa Thiên Huế` over
 * `Huế`); between equally long ones, the first in a dash-separated text (KiotViet writes province first:
 * `Bạc Liêu - Huyện Hòa Bình`) and the last in a comma-separated one (addresses end with the province:
 * `Phường Hòa Bình, Biên Hòa, Đồng Nai`). An old province gives its new unit, and is kept as `formerProvince`.
 */
import type { Region } from '../model';
import { foldText } from '../text';
import { PROVINCIAL_UNITS } from './provinces';

export interface ProvinceMatch {
  /** The unit since 1 July 2025, e.g. `TP Hồ Chí Minh`. */
  province: string;
  region: Region;
  /** The old province the text named, when it was merged into `province` (e.g. `Bình Dương`). */
  formerProvince?: string;
}

interface AliasEntry {
  /** The folded alias with a space either side, to match whole words in a padded folded text. */
  padded: string;
  match: ProvinceMatch;
}

function buildIndex(): AliasEntry[] {
  const byAlias = new Map<string, ProvinceMatch>();
  const add = (alias: string, match: ProvinceMatch) => {
    const folded = foldText(alias);
    if (folded !== '' && !byAlias.has(folded)) byAlias.set(folded, match);
  };
  for (const unit of PROVINCIAL_UNITS) {
    const current: ProvinceMatch = { province: unit.name, region: unit.region };
    for (const alias of [unit.name, ...(unit.aliases ?? [])]) add(alias, current);
    for (const former of unit.formers ?? []) {
      const match: ProvinceMatch = { province: unit.name, region: unit.region, formerProvince: former.name };
      for (const alias of [former.name, ...(former.aliases ?? [])]) add(alias, match);
    }
  }
  return [...byAlias]
    .map(([alias, match]) => ({ padded: ` ${alias} `, match }))
    .sort((a, b) => b.padded.length - a.padded.length);
}

const INDEX = buildIndex();
const cache = new Map<string, ProvinceMatch | null>();
const MAX_CACHED = 5000;

function findProvince(text: string): ProvinceMatch | null {
  const padded = ` ${foldText(text)} `;
  if (padded.length <= 2) return null;
  const preferLast = text.includes(',');
  let best: AliasEntry | undefined;
  let bestAt = -1;
  for (const entry of INDEX) {
    // The index is longest first: once an alias is shorter than the best match, none later can win.
    if (best && entry.padded.length < best.padded.length) break;
    const at = preferLast ? padded.lastIndexOf(entry.padded) : padded.indexOf(entry.padded);
    if (at < 0) continue;
    if (!best || (preferLast ? at > bestAt : at < bestAt)) {
      best = entry;
      bestAt = at;
    }
  }
  return best ? { ...best.match } : null;
}

/** The provincial unit a place text names, or null when it names none; see the top of this file. */
export function matchProvince(text: string): ProvinceMatch | null {
  const known = cache.get(text);
  if (known !== undefined) return known && { ...known };
  const match = findProvince(text);
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(text, match);
  return match && { ...match };
}
