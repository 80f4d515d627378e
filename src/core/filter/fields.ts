/**
 * The catalogue of fields a filter segment can test (design.md §4): every metric and attribute the engine
 * computes for a customer. The stored definition text uses the stable English `id` (case-insensitive, plus a
 * few aliases such as `frequency`); the sidebar builder shows the Vietnamese or English label.
 */
import type { CustomerRecord } from '../model';
import type { Language } from '../options';
import { matchProvince } from '../parse/province';
import { SEGMENTS } from '../rfm/segment-catalogue';

/**
 * - `number`: a count or amount; `date`: a day number (compared with `2026-11-01`, `-30d`, `today`);
 * - `month`: 1–12 (compared with numbers, month names, `this_month`, `next_month`);
 * - `text`: compared after folding (case, diacritics, spaces and punctuation ignored);
 * - `enum`: one of a fixed set of choices; `list`: several texts (tags).
 */
export type FilterFieldType = 'number' | 'text' | 'date' | 'list' | 'enum' | 'month';

export interface EnumChoice {
  /** What the stored text says (`female`, `North`, `at-risk`). */
  id: string;
  label: Readonly<Record<Language, string>>;
}

interface FieldBase {
  id: string;
  /** Other names accepted in typed definitions; the canonical text always uses `id`. */
  aliases: readonly string[];
  label: Readonly<Record<Language, string>>;
}

/** Numbers, dates (day numbers) and months (1–12); `undefined` when the customer has no value. */
export interface NumericFilterField extends FieldBase {
  type: 'number' | 'date' | 'month';
  read: (customer: CustomerRecord) => number | undefined;
}

/** Free text; `''` when the customer has none. */
export interface TextFilterField extends FieldBase {
  type: 'text';
  read: (customer: CustomerRecord) => string;
  /**
   * What `=`, `!=` and `IN` compare, applied to the customer's text and the typed value alike (then folded);
   * the whole text when absent. `CONTAINS` and `IS EMPTY` always look at the whole text.
   */
  equalityKey?: (text: string) => string;
}

/** A fixed set of choices; `read` gives a choice id, or `''` when unknown. */
export interface EnumFilterField extends FieldBase {
  type: 'enum';
  values: readonly EnumChoice[];
  /** The choice that means "not known" (gender `unknown`): `IS EMPTY` matches it too. */
  unknownId?: string;
  read: (customer: CustomerRecord) => string;
}

/** Several texts; an empty list when the customer has none (a list is never "missing"). */
export interface ListFilterField extends FieldBase {
  type: 'list';
  read: (customer: CustomerRecord) => readonly string[];
}

export type FilterField = NumericFilterField | TextFilterField | EnumFilterField | ListFilterField;

/** Operators as the builder offers them, per field type (the parser enforces the same table). */
export type FilterOperator =
  | '='
  | '!='
  | '<'
  | '<='
  | '>'
  | '>='
  | 'BETWEEN'
  | 'NOT BETWEEN'
  | 'IN'
  | 'NOT IN'
  | 'CONTAINS'
  | 'NOT CONTAINS'
  | 'IS EMPTY'
  | 'IS NOT EMPTY';

const ORDERED: readonly FilterOperator[] = [
  '=',
  '!=',
  '<',
  '<=',
  '>',
  '>=',
  'BETWEEN',
  'NOT BETWEEN',
  'IN',
  'NOT IN',
  'IS EMPTY',
  'IS NOT EMPTY',
];

export const OPERATORS_BY_TYPE: Readonly<Record<FilterFieldType, readonly FilterOperator[]>> = {
  number: ORDERED,
  date: ORDERED,
  month: ORDERED,
  text: ['=', '!=', 'CONTAINS', 'NOT CONTAINS', 'IN', 'NOT IN', 'IS EMPTY', 'IS NOT EMPTY'],
  enum: ['=', '!=', 'IN', 'NOT IN', 'IS EMPTY', 'IS NOT EMPTY'],
  list: ['CONTAINS', 'NOT CONTAINS', 'IN', 'NOT IN', 'IS EMPTY', 'IS NOT EMPTY'],
};

const label = (vi: string, en: string) => ({ vi, en });

/** Gender and region choices with their labels: the filter builder and the customer columns show these. */
export const GENDERS: readonly EnumChoice[] = [
  { id: 'male', label: label('Nam', 'Male') },
  { id: 'female', label: label('Nữ', 'Female') },
  { id: 'other', label: label('Khác', 'Other') },
  { id: 'unknown', label: label('Không rõ', 'Unknown') },
];

export const REGIONS: readonly EnumChoice[] = [
  { id: 'North', label: label('Miền Bắc', 'North') },
  { id: 'Central', label: label('Miền Trung', 'Central') },
  { id: 'South', label: label('Miền Nam', 'South') },
];

/** The bands the engine writes in `CustomerRecord.ageBand` (model.ts). */
const AGE_BAND_CHOICES: readonly EnumChoice[] = [
  { id: '<18', label: label('Dưới 18', 'Under 18') },
  { id: '18-25', label: label('18–25', '18–25') },
  { id: '26-35', label: label('26–35', '26–35') },
  { id: '36-45', label: label('36–45', '36–45') },
  { id: '46-55', label: label('46–55', '46–55') },
  { id: '>55', label: label('Trên 55', 'Over 55') },
];

const SEGMENT_CHOICES: readonly EnumChoice[] = SEGMENTS.map((segment) => ({
  id: segment.id,
  label: segment.name,
}));

const numeric = (
  id: string,
  type: NumericFilterField['type'],
  labels: Record<Language, string>,
  read: NumericFilterField['read'],
  aliases: readonly string[] = [],
): NumericFilterField => ({ id, type, label: labels, read, aliases });

const text = (
  id: string,
  labels: Record<Language, string>,
  read: TextFilterField['read'],
  equalityKey?: TextFilterField['equalityKey'],
): TextFilterField => ({
  id,
  type: 'text',
  label: labels,
  read,
  aliases: [],
  ...(equalityKey ? { equalityKey } : {}),
});

/**
 * A place as POS exports write it, `Hà Nội - Quận Ba Đình` or `Quận 1, TP.HCM`, compares by its city or
 * province: the part before ` - `, else the last part after a comma. So `city = "Hà Nội"` finds the customers of
 * every district of Hà Nội, as a shop owner means it; `CONTAINS "Ba Đình"` still reaches a district.
 */
function placeKey(text: string): string {
  const dash = text.indexOf(' - ');
  if (dash > 0) return text.slice(0, dash);
  const comma = text.lastIndexOf(',');
  return comma >= 0 ? text.slice(comma + 1) : text;
}

/** A province compares by its unit after the 2025 merger, whichever alias names it (`HCM`, `Sài Gòn`). */
function provinceKey(text: string): string {
  return matchProvince(text)?.province ?? text;
}

export const FILTER_FIELDS: readonly FilterField[] = [
  text('code', label('Mã khách hàng', 'Customer code'), (c) => c.code),
  text('name', label('Tên khách hàng', 'Name'), (c) => c.name),
  text('phone', label('Số điện thoại', 'Phone'), (c) => c.phone),
  text('email', label('Email', 'Email'), (c) => c.email),
  {
    id: 'gender',
    type: 'enum',
    label: label('Giới tính', 'Gender'),
    values: GENDERS,
    unknownId: 'unknown',
    read: (c) => c.gender,
    aliases: [],
  },
  numeric('birth_date', 'date', label('Ngày sinh', 'Date of birth'), (c) => c.birthDay),
  numeric('birthday_month', 'month', label('Tháng sinh nhật', 'Birthday month'), (c) => c.birthdayMonth),
  numeric('age', 'number', label('Tuổi', 'Age'), (c) => c.age),
  {
    id: 'age_band',
    type: 'enum',
    label: label('Nhóm tuổi', 'Age band'),
    values: AGE_BAND_CHOICES,
    read: (c) => c.ageBand,
    aliases: [],
  },
  text('tier', label('Hạng thành viên', 'Tier'), (c) => c.tier),
  numeric('points', 'number', label('Điểm tích luỹ', 'Points'), (c) => c.points),
  text('channel', label('Kênh', 'Channel'), (c) => c.channel),
  text('city', label('Tỉnh/thành phố', 'City'), (c) => c.city, placeKey),
  text(
    'province',
    label('Tỉnh/thành (sau sáp nhập 2025)', 'Province (after the 2025 merger)'),
    (c) => c.province,
    provinceKey,
  ),
  {
    id: 'region',
    type: 'enum',
    label: label('Miền', 'Region'),
    values: REGIONS,
    read: (c) => c.region,
    aliases: [],
  },
  { id: 'tags', type: 'list', label: label('Nhãn', 'Tags'), read: (c) => c.tags, aliases: ['tag'] },
  numeric('registered', 'date', label('Ngày đăng ký', 'Registration date'), (c) => c.registeredDay),
  numeric(
    'tenure_days',
    'number',
    label('Số ngày từ khi đăng ký', 'Days since registration'),
    (c) => c.tenureDays,
  ),
  numeric('first_purchase', 'date', label('Ngày mua đầu tiên', 'First purchase'), (c) => c.firstPurchaseDay),
  numeric('last_purchase', 'date', label('Ngày mua gần nhất', 'Last purchase'), (c) => c.lastPurchaseDay),
  numeric(
    'days_since_last_visit',
    'number',
    label('Số ngày từ lần mua cuối', 'Days since last visit'),
    (c) => c.recencyDays,
    ['recency'],
  ),
  numeric('invoices', 'number', label('Số hóa đơn', 'Invoices'), (c) => c.frequency, ['frequency']),
  numeric('total_spend', 'number', label('Tổng chi tiêu', 'Total spend'), (c) => c.totalSpend),
  numeric(
    'average_order',
    'number',
    label('Giá trị trung bình mỗi đơn', 'Average order value'),
    (c) => c.averageOrder,
  ),
  numeric(
    'monetary',
    'number',
    label('Giá trị M (chi tiêu được chấm điểm)', 'Monetary (what M scores)'),
    (c) => c.monetary,
  ),
  numeric(
    'p_alive',
    'number',
    label('Xác suất còn là khách (0–1)', 'Probability still a customer (0–1)'),
    (c) => c.pAlive,
  ),
  numeric(
    'expected_purchases_90d',
    'number',
    label('Số lần mua dự kiến (90 ngày tới)', 'Expected purchases (next 90 days)'),
    (c) => c.expectedPurchases,
  ),
  numeric(
    'predicted_value_12m',
    'number',
    label('Giá trị dự kiến 12 tháng tới', 'Predicted value (next 12 months)'),
    (c) => c.predictedValue,
  ),
  text('last_store', label('Cửa hàng mua gần nhất', 'Last store'), (c) => c.lastStore),
  text('last_city', label('Tỉnh/thành lần mua cuối', 'City of last purchase'), (c) => c.lastCity, placeKey),
  numeric('r', 'number', label('Điểm R', 'R score'), (c) => c.r),
  numeric('f', 'number', label('Điểm F', 'F score'), (c) => c.f),
  numeric('m', 'number', label('Điểm M', 'M score'), (c) => c.m),
  { ...text('rfm', label('Mã RFM', 'RFM code'), (c) => c.rfmCode), aliases: ['rfm_code'] },
  {
    id: 'segment',
    type: 'enum',
    label: label('Nhóm RFM', 'RFM segment'),
    values: SEGMENT_CHOICES,
    read: (c) => c.segmentId,
    aliases: ['rfm_segment'],
  },
];

const FIELD_BY_NAME: ReadonlyMap<string, FilterField> = new Map(
  FILTER_FIELDS.flatMap((field) => [field.id, ...field.aliases].map((name) => [name, field] as const)),
);

/** The field a typed name refers to, case-insensitively, by id or alias. */
export function findFilterField(name: string): FilterField | undefined {
  return FIELD_BY_NAME.get(name.toLowerCase());
}

/** Every name a definition may use for a field (ids then aliases), for suggestions and the builder. */
export const FILTER_FIELD_NAMES: readonly string[] = [...FIELD_BY_NAME.keys()];
