/**
 * The one hash behind every deterministic split of customers (A/B groups, campaign holdouts): the first 32 bits
 * of MD5 over the UTF-8 bytes of a text, read big-endian (the first 8 hex digits of the digest).
 *
 * MD5 because every engine that runs our definitions computes it the same way: Apps Script's V8 and Node through
 * this file, BigQuery as `TO_HEX(MD5(s))` and DuckDB as `md5(s)` (the SQL face), so a customer lands in the same
 * group in the add-on, the command line and a warehouse. It is a split, not a secret: MD5's weakness against
 * forged collisions does not matter here, and its output is evenly spread for keys that differ in one character.
 */

/** Per-round left-rotation amounts and the sine-derived constants of RFC 1321. */
const SHIFTS = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21];
const K = Array.from({ length: 64 }, (_, i) => Math.floor(Math.abs(Math.sin(i + 1)) * 2 ** 32) >>> 0);

/** UTF-8 bytes of `text` (no TextEncoder: the core runs where it may be absent). */
export function utf8Bytes(text: string): number[] {
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) bytes.push(code);
    else if (code < 0x800) bytes.push(0xc0 | (code >> 6), 0x80 | (code & 0x3f));
    else if (code < 0x10000)
      bytes.push(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f));
    else
      bytes.push(
        0xf0 | (code >> 18),
        0x80 | ((code >> 12) & 0x3f),
        0x80 | ((code >> 6) & 0x3f),
        0x80 | (code & 0x3f),
      );
  }
  return bytes;
}

/** MD5 (RFC 1321) of the UTF-8 bytes of `text`, as 16 bytes. */
export function md5Bytes(text: string): number[] {
  const bytes = utf8Bytes(text);
  const bitLength = bytes.length * 8;
  bytes.push(0x80);
  while (bytes.length % 64 !== 56) bytes.push(0);
  // The message length in bits, 64-bit little-endian (texts here are far below 2^32 bits).
  for (let i = 0; i < 8; i++) bytes.push(i < 4 ? (bitLength >>> (8 * i)) & 0xff : 0);
  let a0 = 0x67452301;
  let b0 = 0xefcdab89;
  let c0 = 0x98badcfe;
  let d0 = 0x10325476;
  const words = new Array<number>(16);
  for (let block = 0; block < bytes.length; block += 64) {
    for (let w = 0; w < 16; w++) {
      const at = block + w * 4;
      words[w] = bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16) | (bytes[at + 3]! << 24);
    }
    let a = a0;
    let b = b0;
    let c = c0;
    let d = d0;
    for (let i = 0; i < 64; i++) {
      let f: number;
      let g: number;
      if (i < 16) {
        f = (b & c) | (~b & d);
        g = i;
      } else if (i < 32) {
        f = (d & b) | (~d & c);
        g = (5 * i + 1) % 16;
      } else if (i < 48) {
        f = b ^ c ^ d;
        g = (3 * i + 5) % 16;
      } else {
        f = c ^ (b | ~d);
        g = (7 * i) % 16;
      }
      const sum = (a + f + K[i]! + words[g]!) | 0;
      const shift = SHIFTS[(i >> 4) * 4 + (i % 4)]!;
      a = d;
      d = c;
      c = b;
      b = (b + ((sum << shift) | (sum >>> (32 - shift)))) | 0;
    }
    a0 = (a0 + a) | 0;
    b0 = (b0 + b) | 0;
    c0 = (c0 + c) | 0;
    d0 = (d0 + d) | 0;
  }
  const digest: number[] = [];
  for (const word of [a0, b0, c0, d0]) for (let i = 0; i < 4; i++) digest.push((word >>> (8 * i)) & 0xff);
  return digest;
}

/** MD5 as 32 lowercase hex digits, as `TO_HEX(MD5(s))` in BigQuery and `md5(s)` in DuckDB print it. */
export function md5Hex(text: string): string {
  return md5Bytes(text)
    .map((byte) => byte.toString(16).padStart(2, '0'))
    .join('');
}

/** The first 32 bits of MD5(text), big-endian: an unsigned integer below 2^32. */
export function stableHash32(text: string): number {
  const [b0, b1, b2, b3] = md5Bytes(text);
  return ((b0! << 24) | (b1! << 16) | (b2! << 8) | b3!) >>> 0;
}

/**
 * The separator between the parts of a hashed text (segment or campaign name, then customer key): the unit
 * separator U+001F, which no name typed in a sheet holds, and which SQL strings can hold (DuckDB refuses NUL).
 */
export const HASH_PART_SEPARATOR = '\u001f';
