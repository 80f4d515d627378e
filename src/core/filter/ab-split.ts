/**
 * A/B(/C…) groups for a segment (issue 6): a deterministic hash of the segment's name and the customer's key,
 * so the same customer lands in the same group run after run, on any machine, in Apps Script or Node alike.
 *
 * Group = FNV-1a 32-bit over the UTF-8 bytes of NFC `${segmentName}\u0000${customerKey}`, mixed by the
 * MurmurHash3 finaliser (FNV's low bits alone cluster for keys that differ only in their last characters, such
 * as `code:KH000001` … `code:KH009999`), modulo the number of groups; 0 → A, 1 → B, …
 * The segment name is tidied (NFC, single spaces, trimmed) so a stray space in the sheet does not reshuffle;
 * renaming the segment does reshuffle, on purpose: a new test gets new groups.
 * Changing this formula would move customers between groups of running tests: don't.
 */
import { tidyText } from '../text';

export const MIN_AB_GROUPS = 2;
export const MAX_AB_GROUPS = 5;

export function abGroup(customerKey: string, segmentName: string, groups: number): string {
  if (!Number.isInteger(groups) || groups < MIN_AB_GROUPS || groups > MAX_AB_GROUPS) {
    throw new RangeError(
      `A/B groups must be a whole number from ${MIN_AB_GROUPS} to ${MAX_AB_GROUPS}, got ${groups}.`,
    );
  }
  const hash = mix32(fnv1a32(`${tidyText(segmentName)}\u0000${customerKey.normalize('NFC')}`));
  return String.fromCharCode(65 + (hash % groups));
}

/** FNV-1a, 32 bits, over the UTF-8 encoding of `text`. */
export function fnv1a32(text: string): number {
  let hash = 0x811c9dc5;
  const add = (byte: number) => {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193);
  };
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) add(code);
    else if (code < 0x800) {
      add(0xc0 | (code >> 6));
      add(0x80 | (code & 0x3f));
    } else if (code < 0x10000) {
      add(0xe0 | (code >> 12));
      add(0x80 | ((code >> 6) & 0x3f));
      add(0x80 | (code & 0x3f));
    } else {
      add(0xf0 | (code >> 18));
      add(0x80 | ((code >> 12) & 0x3f));
      add(0x80 | ((code >> 6) & 0x3f));
      add(0x80 | (code & 0x3f));
    }
  }
  return hash >>> 0;
}

/** MurmurHash3's 32-bit finaliser: every input bit affects every output bit. */
function mix32(hash: number): number {
  let h = hash;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
