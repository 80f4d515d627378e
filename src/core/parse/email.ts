/**
 * Email addresses: trimmed and lower-cased (a leading `mailto:` or apostrophe dropped), then checked for one
 * `@`, a local part and a dotted domain with no spaces. Haravan gives customers without an email a made-up
 * address `<phone>@vn.phone` (pos-formats.md): that is valid input meaning "no email", so it gives `null`.
 */
import { isBlank, type CellValue } from '../cell';
import { EMPTY_REASON, notParsed, parsed, type Parsed } from './result';

const EXPECTED = 'expected one email address like an@example.com';
/** Local part of printable ASCII without spaces or `@`; domain labels of letters, digits and `-`, the last ≥ 2 letters. */
const EMAIL = /^[a-z0-9!#$%&'*+/=?^_`{|}~.-]+@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$/;
const MADE_UP_DOMAIN = '@vn.phone';

export function normaliseEmail(value: CellValue): Parsed<string | null> {
  if (typeof value !== 'string') return notParsed(isBlank(value) ? EMPTY_REASON : EXPECTED);
  let email = value.trim().toLowerCase();
  if (email.charCodeAt(0) === 39) email = email.slice(1).trim();
  if (email.startsWith('mailto:')) email = email.slice(7);
  if (email === '') return notParsed(EMPTY_REASON);
  if (email.endsWith(MADE_UP_DOMAIN)) return parsed(null);
  if (!EMAIL.test(email) || email.includes('..') || email.startsWith('.') || email.includes('.@')) {
    return notParsed(EXPECTED);
  }
  return parsed(email);
}
