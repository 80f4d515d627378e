/**
 * A/B(/C…) groups for a segment (issue 6): a deterministic hash of the segment's name and the customer's key,
 * so the same customer lands in the same group run after run, on any machine: in Apps Script, Node and the SQL
 * face's BigQuery and DuckDB scripts alike.
 *
 * Group = stableHash32(NFC `${segmentName}␟${customerKey}`) mod the number of groups; 0 → A, 1 → B, …, where
 * stableHash32 is the first 32 bits of MD5 (stable-hash.ts) and ␟ the unit separator U+001F.
 * The segment name is tidied (NFC, single spaces, trimmed) so a stray space in the sheet does not reshuffle;
 * renaming the segment does reshuffle, on purpose: a new test gets new groups.
 * The formula changed once, from FNV-1a to MD5, so SQL engines compute the same groups (README, "A/B groups");
 * changing it again would move customers between groups of running tests: don't.
 */
import { HASH_PART_SEPARATOR, stableHash32 } from '../stable-hash';
import { tidyText } from '../text';

export const MIN_AB_GROUPS = 2;
export const MAX_AB_GROUPS = 5;

/** The text hashed for a customer in a named split (a segment's A/B groups, a campaign's holdout). */
export function splitHashText(splitName: string, customerKey: string): string {
  return `${tidyText(splitName)}${HASH_PART_SEPARATOR}${customerKey.normalize('NFC')}`;
}

export function abGroup(customerKey: string, segmentName: string, groups: number): string {
  if (!Number.isInteger(groups) || groups < MIN_AB_GROUPS || groups > MAX_AB_GROUPS) {
    throw new RangeError(
      `A/B groups must be a whole number from ${MIN_AB_GROUPS} to ${MAX_AB_GROUPS}, got ${groups}.`,
    );
  }
  return String.fromCharCode(65 + (stableHash32(splitHashText(segmentName, customerKey)) % groups));
}
