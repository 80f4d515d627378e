/**
 * Province matching over the 34 units since 1 July 2025: new and old names, aliases, prefixes, KiotViet's
 * `Khu vực` (province and district together), diacritics-insensitive.
 */
import { matchProvince } from '../../../src/core/parse/province';
import { PROVINCIAL_UNITS } from '../../../src/core/parse/provinces';

describe('matchProvince', () => {
  it.each([
    ['Hà Nội', 'Hà Nội', 'North'],
    ['Thành phố Hà Nội', 'Hà Nội', 'North'],
    ['ha noi', 'Hà Nội', 'North'],
    ['Hanoi', 'Hà Nội', 'North'],
    ['Hà Nội - Quận Cầu Giấy', 'Hà Nội', 'North'],
    ['TP.HCM', 'TP Hồ Chí Minh', 'South'],
    ['TP HCM', 'TP Hồ Chí Minh', 'South'],
    ['TPHCM', 'TP Hồ Chí Minh', 'South'],
    ['HCM', 'TP Hồ Chí Minh', 'South'],
    ['HCMC', 'TP Hồ Chí Minh', 'South'],
    ['Hồ Chí Minh', 'TP Hồ Chí Minh', 'South'],
    ['Thành phố Hồ Chí Minh', 'TP Hồ Chí Minh', 'South'],
    ['Ho Chi Minh City', 'TP Hồ Chí Minh', 'South'],
    ['Sài Gòn', 'TP Hồ Chí Minh', 'South'],
    ['Saigon', 'TP Hồ Chí Minh', 'South'],
    ['Hồ Chí Minh - Quận 1', 'TP Hồ Chí Minh', 'South'],
    ['Tỉnh Thanh Hóa', 'Thanh Hóa', 'Central'],
    ['Thanh Hoá', 'Thanh Hóa', 'Central'], // old tone-mark placement
    ['Đà Nẵng'.normalize('NFD'), 'Đà Nẵng', 'Central'],
    ['Huế', 'Huế', 'Central'],
    ['Đắk Lắk', 'Đắk Lắk', 'Central'],
    ['Đắc Lắk', 'Đắk Lắk', 'Central'],
    ['Dak Lak', 'Đắk Lắk', 'Central'],
    ['Cần Thơ - Quận Ninh Kiều', 'Cần Thơ', 'South'],
    ['Cà Mau', 'Cà Mau', 'South'],
    ['Lạng Sơn', 'Lạng Sơn', 'North'],
  ])('reads %j as %s (%s)', (text, province, region) => {
    expect(matchProvince(text)).toEqual({ province, region });
  });

  it.each([
    ['Thừa Thiên Huế', 'Huế', 'Thừa Thiên Huế'],
    ['Tỉnh Thừa Thiên - Huế', 'Huế', 'Thừa Thiên Huế'],
    ['Bà Rịa - Vũng Tàu', 'TP Hồ Chí Minh', 'Bà Rịa - Vũng Tàu'],
    ['Bà Rịa – Vũng Tàu', 'TP Hồ Chí Minh', 'Bà Rịa - Vũng Tàu'], // en dash
    ['Bà Rịa Vũng Tàu', 'TP Hồ Chí Minh', 'Bà Rịa - Vũng Tàu'],
    ['Bình Dương - Thành phố Thủ Dầu Một', 'TP Hồ Chí Minh', 'Bình Dương'],
    ['Hà Giang', 'Tuyên Quang', 'Hà Giang'],
    ['Bắc Giang', 'Bắc Ninh', 'Bắc Giang'],
    ['Hải Dương', 'Hải Phòng', 'Hải Dương'],
    ['Nam Định', 'Ninh Bình', 'Nam Định'],
    ['Hà Nam', 'Ninh Bình', 'Hà Nam'],
    ['Vĩnh Phúc', 'Phú Thọ', 'Vĩnh Phúc'],
    ['Hoà Bình', 'Phú Thọ', 'Hòa Bình'],
    ['Quảng Bình', 'Quảng Trị', 'Quảng Bình'],
    ['Quảng Nam', 'Đà Nẵng', 'Quảng Nam'],
    ['Kon Tum', 'Quảng Ngãi', 'Kon Tum'],
    ['Bình Định', 'Gia Lai', 'Bình Định'],
    ['Ninh Thuận', 'Khánh Hòa', 'Ninh Thuận'],
    ['Phú Yên', 'Đắk Lắk', 'Phú Yên'],
    ['Đắk Nông', 'Lâm Đồng', 'Đắk Nông'],
    ['Bình Thuận', 'Lâm Đồng', 'Bình Thuận'],
    ['Bình Phước', 'Đồng Nai', 'Bình Phước'],
    ['Long An', 'Tây Ninh', 'Long An'],
    ['Tiền Giang', 'Đồng Tháp', 'Tiền Giang'],
    ['Bến Tre', 'Vĩnh Long', 'Bến Tre'],
    ['Trà Vinh', 'Vĩnh Long', 'Trà Vinh'],
    ['Kiên Giang', 'An Giang', 'Kiên Giang'],
    ['Sóc Trăng', 'Cần Thơ', 'Sóc Trăng'],
    ['Bạc Liêu', 'Cà Mau', 'Bạc Liêu'],
  ])('maps the old %j to %s, keeping %s', (text, province, formerProvince) => {
    expect(matchProvince(text)).toMatchObject({ province, formerProvince });
  });

  it('prefers the longest name found', () => {
    // 'Huế' alone is the new unit; 'Thừa Thiên Huế' is longer and names the old province.
    expect(matchProvince('Thừa Thiên Huế - Thành phố Huế')).toMatchObject({
      formerProvince: 'Thừa Thiên Huế',
    });
  });

  it('breaks ties by position: province first in KiotViet dashes, last in comma-separated addresses', () => {
    // 'Hòa Bình' is also a district of Bạc Liêu and a ward of Biên Hòa.
    expect(matchProvince('Bạc Liêu - Huyện Hòa Bình')).toMatchObject({
      province: 'Cà Mau',
      formerProvince: 'Bạc Liêu',
    });
    expect(matchProvince('Quảng Bình - Huyện Quảng Ninh')).toMatchObject({ formerProvince: 'Quảng Bình' });
    expect(matchProvince('Phường Hòa Bình, Thành phố Biên Hòa, Đồng Nai')).toEqual({
      province: 'Đồng Nai',
      region: 'South',
    });
  });

  it('matches whole words only', () => {
    expect(matchProvince('Hà Nội - Huyện Gia Lâm')).toMatchObject({ province: 'Hà Nội' }); // not Gia Lai
    expect(matchProvince('Hồ Chí Minh - Huyện Cần Giờ')).toMatchObject({ province: 'TP Hồ Chí Minh' }); // not Cần Thơ
  });

  it('returns null when no province is named', () => {
    expect(matchProvince('')).toBeNull();
    expect(matchProvince('   ')).toBeNull();
    expect(matchProvince('Singapore')).toBeNull();
    expect(matchProvince('Quận 7')).toBeNull();
    expect(matchProvince('Việt Nam')).toBeNull();
  });

  it('returns a fresh object each time, so callers cannot spoil the cache', () => {
    const first = matchProvince('Bình Dương')!;
    first.province = 'changed';
    expect(matchProvince('Bình Dương')).toMatchObject({ province: 'TP Hồ Chí Minh' });
  });

  it('knows 34 units, 15 in the North, 11 in the Central region and 8 in the South, each matched by its name', () => {
    expect(PROVINCIAL_UNITS).toHaveLength(34);
    const count = (region: string) => PROVINCIAL_UNITS.filter((unit) => unit.region === region).length;
    expect([count('North'), count('Central'), count('South')]).toEqual([15, 11, 8]);
    for (const unit of PROVINCIAL_UNITS) {
      expect(matchProvince(unit.name)).toEqual({ province: unit.name, region: unit.region });
      expect(matchProvince(`Tỉnh ${unit.name}`)).toMatchObject({ province: unit.name });
    }
  });

  it('maps every old province to its unit', () => {
    const formers = PROVINCIAL_UNITS.flatMap((unit) =>
      (unit.formers ?? []).map((former) => [former.name, unit.name]),
    );
    // 63 provinces before the merger: 33 kept their name, Thừa Thiên Huế became Huế, 29 were merged away.
    expect(formers).toHaveLength(30);
    for (const [former, unit] of formers) {
      expect(matchProvince(former!)).toMatchObject({ province: unit, formerProvince: former });
    }
  });
});
