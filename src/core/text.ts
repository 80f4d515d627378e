/**
 * Text folding for matching. Vietnamese arrives in NFC or NFD (Mac copies) and with old or new tone-mark
 * placement (`Hòa`/`Hoà`); folding removes every combining mark after NFD decomposition, so both spellings
 * fold to the same key. `đ`/`Đ` are letters of their own (not a base letter plus a mark) and map to `d`.
 */
const COMBINING_MARKS = /[\u0300-\u036f]/g;
const NON_WORD = /[^a-z0-9]+/g;

/** Lower case, no diacritics, `đ` → `d`, runs of other characters → one space, trimmed. */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(NON_WORD, ' ')
    .trim();
}

/** The folded text with no spaces at all: `Mã HĐ` and `mahd` give the same key. */
export function compactKey(text: string): string {
  return foldText(text).replace(/ /g, '');
}

/** NFC form with collapsed spaces: how names and places are kept for display. */
export function tidyText(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}
