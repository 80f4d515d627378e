/** Gender spellings of Vietnamese and international exports; anything unrecognised is 'unknown', never an error. */
import { parseGender } from '../../../src/core/parse/gender';

describe('parseGender', () => {
  it.each([
    'Nam',
    'nam',
    'NAM',
    ' Nam ',
    'Nam giới',
    'Male',
    'male',
    'M',
    'm',
    'Mr',
    'Mr.',
    'Anh',
    'Ông',
    'Chú',
    1,
    '1',
  ])('reads %j as male', (value) => {
    expect(parseGender(value)).toBe('male');
  });

  it.each([
    'Nữ',
    'nữ',
    'NỮ',
    'Nu',
    'Nữ'.normalize('NFD'),
    'Nữ giới',
    'Female',
    'F',
    'f',
    'Mrs',
    'Ms.',
    'Miss',
    'Chị',
    'Bà',
    'Cô',
    2,
    '2',
  ])('reads %j as female', (value) => {
    expect(parseGender(value)).toBe('female');
  });

  it.each(['Khác', 'khac', 'Other', 'Non-binary'])('reads %j as other', (value) => {
    expect(parseGender(value)).toBe('other');
  });

  it.each([
    '',
    '  ',
    null,
    undefined,
    '?',
    'Không rõ',
    'N/A',
    0,
    3,
    true,
    'Nguyễn Văn An',
    new Date(2000, 0, 1),
  ])('reads %j as unknown', (value) => {
    expect(parseGender(value)).toBe('unknown');
  });
});
