/**
 * Text folding for matching. Vietnamese arrives in NFC or NFD (Mac copies) and with old or new tone-mark
 * placement (`Hòa`/`Hoà`); folding removes every combining mark after NFD decomposition, so both spellings
 * fold to the same key. `đ`/`Đ` are letters of their own (not a base letter plus a mark) and map to `d`.
 *
 * Definition (what `foldText` returns): `text.normalize('NFD')`, marks U+0300–U+036F removed, `đ`/`Đ` → `d`,
 * lower-cased, every run of characters other than `a–z` and `0–9` replaced by one space, trimmed.
 *
 * These run on every cell of a million-row paste, so they work one UTF-16 code unit at a time through a table
 * instead of four whole-string passes. That gives the same result as the definition: NFD decomposes each
 * character on its own (canonical reordering only moves marks, which are dropped or become separators either
 * way), and no canonical decomposition of a character outside the BMP yields `a–z` or `0–9`, so a lone
 * surrogate folding to a separator is what its pair does.
 */
const COMBINING_MARKS = /[\u0300-\u036f]/g;
const NON_WORD = /[^a-z0-9]+/g;

/** The definition applied to one code unit: '' (a mark, dropped), ' ' (a separator) or letters and digits. */
function foldUnit(unit: number): string {
  return String.fromCharCode(unit)
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(NON_WORD, ' ');
}

/**
 * Fold of each code unit, filled on first use (ASCII up front). Allocated at its full length: an array grown by
 * a write at `ạ` (U+1EA1) far past its end turns into a slow dictionary, and this is read for every character.
 */
const UNIT_FOLD: (string | undefined)[] = new Array<string | undefined>(0x10000);
for (let unit = 0; unit < 128; unit++) UNIT_FOLD[unit] = foldUnit(unit);

function foldOf(unit: number): string {
  let folded = UNIT_FOLD[unit];
  if (folded === undefined) UNIT_FOLD[unit] = folded = foldUnit(unit);
  return folded;
}

/** Lower case, no diacritics, `đ` → `d`, runs of other characters → one space, trimmed. */
export function foldText(text: string): string {
  let out = '';
  let space = false;
  for (let i = 0; i < text.length; i++) {
    const folded = foldOf(text.charCodeAt(i));
    for (let k = 0; k < folded.length; k++) {
      const char = folded[k]!;
      if (char === ' ') {
        space = out !== '';
      } else {
        if (space) {
          out += ' ';
          space = false;
        }
        out += char;
      }
    }
  }
  return out;
}

/** The folded text with no spaces at all: `Mã HĐ` and `mahd` give the same key. */
export function compactKey(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const folded = foldOf(text.charCodeAt(i));
    if (folded.length === 1) {
      if (folded !== ' ') out += folded;
    } else if (folded.length > 1) {
      out += folded.replace(/ /g, '');
    }
  }
  return out;
}

/** The first character of `compactKey(text)`, '' when it has none: one look tells most texts from a list of keys. */
export function firstCompactChar(text: string): string {
  for (let i = 0; i < text.length; i++) {
    const folded = foldOf(text.charCodeAt(i));
    for (let k = 0; k < folded.length; k++) if (folded[k] !== ' ') return folded[k]!;
  }
  return '';
}

/**
 * Whether `compactKey(text) === key`, stopping at the first difference: most cells differ from a header key in
 * their first letter, so this reads a character or two of them.
 */
export function hasCompactKey(text: string, key: string): boolean {
  let at = 0;
  for (let i = 0; i < text.length; i++) {
    const folded = foldOf(text.charCodeAt(i));
    for (let k = 0; k < folded.length; k++) {
      const char = folded[k]!;
      if (char === ' ') continue;
      if (key[at] !== char) return false;
      at++;
    }
  }
  return at === key.length;
}

/**
 * True when NFC leaves the code unit alone in any context: Latin below U+0300 and Vietnamese precomposed letters
 * (U+1EA0–U+1EF9) are NFC characters that compose with nothing that follows them unless it is a mark.
 */
function isPlainNfcUnit(unit: number): boolean {
  return unit < 0x300 || (unit >= 0x1ea0 && unit <= 0x1ef9);
}

/** Whitespace (as `\s` sees it) in the range `isPlainNfcUnit` lets through. */
function isSpaceUnit(unit: number): boolean {
  return unit === 32 || (unit >= 9 && unit <= 13) || unit === 0xa0;
}

/** NFC form with collapsed spaces: how names and places are kept for display. */
export function tidyText(text: string): string {
  // Fast path: nothing for NFC to change and single inner spaces only, so the text is already tidy.
  let tidy = text.length > 0 && text.charCodeAt(0) !== 32 && text.charCodeAt(text.length - 1) !== 32;
  for (let i = 0; tidy && i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (!isPlainNfcUnit(unit)) tidy = false;
    else if (isSpaceUnit(unit) && (unit !== 32 || text.charCodeAt(i + 1) === 32)) tidy = false;
  }
  if (tidy) return text;
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** Characters a message quotes of one cell or one header line, by default. */
export const EXCERPT_LENGTH = 60;

/**
 * A short excerpt of input text for a message: at most `max` characters (never cutting a surrogate pair), with
 * `…` and the full length when cut, line breaks shown as `⏎`. A 5 MB header line becomes `Mã HĐ,Ngày,…
 * (5,242,880 characters)`, not 5 MB on stderr.
 */
export function excerpt(text: string, max: number = EXCERPT_LENGTH): string {
  const flat = text.length > max * 4 ? text.slice(0, max * 4) : text;
  const shown = flat.replace(/\r\n|\r|\n/g, '⏎');
  if (text.length <= max && shown.length <= max) return shown;
  let cut = Math.min(max, shown.length);
  const last = shown.charCodeAt(cut - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut--;
  return `${shown.slice(0, cut)}… (${text.length.toLocaleString('en-US')} characters)`;
}
