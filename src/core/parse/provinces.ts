/**
 * The 34 provincial units of Vietnam since 1 July 2025 (Resolution 202/2025/QH15), with the old provinces merged
 * into each and the spellings customer data uses (pos-formats.md "Provinces and regions"). Aliases are written
 * plainly and folded when the index is built, so `Đắk Lắk`, `Dak Lak` and NFD copies agree; spellings that fold
 * differently (`Đắc Lắk` → `dac lak`, `Daklak`, `TPHCM`) are listed. A few well-known cities are listed under the
 * unit (or the old province) they belong to. North/Central/South is the usual convention, not an official list.
 */
import type { Region } from '../model';

export interface FormerProvince {
  name: string;
  aliases?: readonly string[];
}

export interface ProvincialUnit {
  name: string;
  region: Exclude<Region, ''>;
  aliases?: readonly string[];
  formers?: readonly FormerProvince[];
}

export const PROVINCIAL_UNITS: readonly ProvincialUnit[] = [
  // North
  { name: 'Hà Nội', region: 'North', aliases: ['Hanoi', 'HN'] },
  { name: 'Cao Bằng', region: 'North' },
  { name: 'Tuyên Quang', region: 'North', formers: [{ name: 'Hà Giang' }] },
  { name: 'Lạng Sơn', region: 'North' },
  { name: 'Thái Nguyên', region: 'North', formers: [{ name: 'Bắc Kạn', aliases: ['Bắc Cạn'] }] },
  { name: 'Quảng Ninh', region: 'North', aliases: ['Hạ Long'] },
  { name: 'Bắc Ninh', region: 'North', formers: [{ name: 'Bắc Giang' }] },
  { name: 'Hải Phòng', region: 'North', aliases: ['Haiphong'], formers: [{ name: 'Hải Dương' }] },
  { name: 'Hưng Yên', region: 'North', formers: [{ name: 'Thái Bình' }] },
  { name: 'Ninh Bình', region: 'North', formers: [{ name: 'Hà Nam' }, { name: 'Nam Định' }] },
  { name: 'Phú Thọ', region: 'North', formers: [{ name: 'Hòa Bình' }, { name: 'Vĩnh Phúc' }] },
  { name: 'Lào Cai', region: 'North', aliases: ['Sa Pa', 'Sapa'], formers: [{ name: 'Yên Bái' }] },
  { name: 'Điện Biên', region: 'North' },
  { name: 'Lai Châu', region: 'North' },
  { name: 'Sơn La', region: 'North' },
  // Central
  { name: 'Thanh Hóa', region: 'Central' },
  { name: 'Nghệ An', region: 'Central' },
  { name: 'Hà Tĩnh', region: 'Central' },
  { name: 'Quảng Trị', region: 'Central', formers: [{ name: 'Quảng Bình' }] },
  { name: 'Huế', region: 'Central', formers: [{ name: 'Thừa Thiên Huế', aliases: ['TT Huế', 'TT-Huế'] }] },
  {
    name: 'Đà Nẵng',
    region: 'Central',
    aliases: ['Danang'],
    formers: [{ name: 'Quảng Nam', aliases: ['Hội An', 'Tam Kỳ'] }],
  },
  { name: 'Quảng Ngãi', region: 'Central', formers: [{ name: 'Kon Tum', aliases: ['Kontum'] }] },
  {
    name: 'Gia Lai',
    region: 'Central',
    aliases: ['Pleiku'],
    formers: [{ name: 'Bình Định', aliases: ['Quy Nhơn'] }],
  },
  {
    name: 'Khánh Hòa',
    region: 'Central',
    aliases: ['Nha Trang', 'Cam Ranh'],
    formers: [{ name: 'Ninh Thuận', aliases: ['Phan Rang'] }],
  },
  {
    name: 'Đắk Lắk',
    region: 'Central',
    aliases: ['Đắc Lắk', 'Daklak', 'Dak Lac', 'Buôn Ma Thuột', 'Ban Mê Thuột'],
    formers: [{ name: 'Phú Yên', aliases: ['Tuy Hòa'] }],
  },
  {
    name: 'Lâm Đồng',
    region: 'Central',
    aliases: ['Đà Lạt', 'Dalat', 'Bảo Lộc'],
    formers: [
      { name: 'Đắk Nông', aliases: ['Đắc Nông', 'Daknong'] },
      { name: 'Bình Thuận', aliases: ['Phan Thiết', 'Mũi Né'] },
    ],
  },
  // South
  { name: 'Đồng Nai', region: 'South', aliases: ['Biên Hòa'], formers: [{ name: 'Bình Phước' }] },
  {
    name: 'TP Hồ Chí Minh',
    region: 'South',
    aliases: ['Hồ Chí Minh', 'TP.HCM', 'TPHCM', 'HCM', 'HCMC', 'Sài Gòn', 'Saigon', 'SG', 'Thủ Đức'],
    formers: [
      { name: 'Bà Rịa - Vũng Tàu', aliases: ['BR-VT', 'BRVT', 'Vũng Tàu', 'Bà Rịa'] },
      { name: 'Bình Dương', aliases: ['Thủ Dầu Một'] },
    ],
  },
  { name: 'Tây Ninh', region: 'South', formers: [{ name: 'Long An' }] },
  { name: 'Đồng Tháp', region: 'South', formers: [{ name: 'Tiền Giang', aliases: ['Mỹ Tho'] }] },
  { name: 'Vĩnh Long', region: 'South', formers: [{ name: 'Bến Tre' }, { name: 'Trà Vinh' }] },
  {
    name: 'An Giang',
    region: 'South',
    aliases: ['Long Xuyên'],
    formers: [{ name: 'Kiên Giang', aliases: ['Phú Quốc', 'Rạch Giá'] }],
  },
  {
    name: 'Cần Thơ',
    region: 'South',
    aliases: ['Cantho'],
    formers: [{ name: 'Hậu Giang' }, { name: 'Sóc Trăng' }],
  },
  { name: 'Cà Mau', region: 'South', formers: [{ name: 'Bạc Liêu' }] },
];
