/** Character-code tests shared by the hand-written scanners of this folder (no regex on hot paths). */

/** An ASCII digit `0`–`9`. */
export function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** Spaces found in pasted cells: space, tab, no-break space, narrow no-break space, thin space. */
export function isSpaceCode(code: number): boolean {
  return code === 32 || code === 9 || code === 160 || code === 8239 || code === 8201;
}
