/** Email cells: trimmed and lower-cased, Haravan's made-up `<phone>@vn.phone` read as "no email". */
import { normaliseEmail } from '../../../src/core/parse/email';

const EXPECTED = 'expected one email address like an@example.com';

describe('normaliseEmail', () => {
  it.each([
    ['an.nguyen@gmail.com', 'an.nguyen@gmail.com'],
    ['  An.Nguyen@Gmail.COM ', 'an.nguyen@gmail.com'],
    ["'lan+shop@yahoo.com.vn", 'lan+shop@yahoo.com.vn'],
    ['mailto:hoa_tran@cong-ty.vn', 'hoa_tran@cong-ty.vn'],
  ])('keeps %j as %j', (text, expected) => {
    expect(normaliseEmail(text)).toEqual({ ok: true, value: expected });
  });

  it('reads the address Haravan makes up for customers without email as no email', () => {
    expect(normaliseEmail('0901234567@vn.phone')).toEqual({ ok: true, value: null });
    expect(normaliseEmail('84901234567@VN.PHONE')).toEqual({ ok: true, value: null });
  });

  it.each([
    'an.nguyen',
    'an@gmail',
    'an @gmail.com',
    'an@@gmail.com',
    'an@gmail..com',
    '.an@gmail.com',
    'an.@gmail.com',
    'an@gmail.com; lan@gmail.com',
    'an@-gmail.com',
    'chưa có',
  ])('refuses %j', (text) => {
    expect(normaliseEmail(text)).toEqual({ ok: false, reason: EXPECTED });
  });

  it('refuses numbers and calls blanks empty', () => {
    expect(normaliseEmail(12345)).toEqual({ ok: false, reason: EXPECTED });
    expect(normaliseEmail(' ')).toEqual({ ok: false, reason: 'empty' });
    expect(normaliseEmail(undefined)).toEqual({ ok: false, reason: 'empty' });
  });
});
