/**
 * The columns of the Customers tab and of every segment tab: 26, the width of a new sheet, so writing a tab
 * needs no column insert. Age band, birthday month, province and registration stay filterable (filter
 * segments read the customer record, not these columns). Export-friendly columns come first (name, phone,
 * email: what a marketer pastes into Zalo, Facebook or an email tool), then the segment and scores, then metrics
 * and attributes.
 */
import { GENDERS, REGIONS, type EnumChoice } from '../filter/fields';
import type { CustomerRecord } from '../model';
import type { Language } from '../options';
import type { ColumnKind, PlanValue } from './types';

export interface CustomerColumn {
  id: string;
  header: Record<Language, string>;
  kind: ColumnKind;
  width?: number;
  value: (customer: CustomerRecord, context: ColumnContext) => PlanValue;
}

export interface ColumnContext {
  language: Language;
  segmentName: (id: string) => string;
  /** The scored metrics (`rfm`, `rf`, …): an unused metric's score column is blank, not 0. */
  metrics: string;
}

/** A choice id (`female`, `North`) as the user reads it; '' for unknown or none. */
function choiceLabel(choices: readonly EnumChoice[], id: string, language: Language): string {
  if (id === 'unknown') return '';
  return choices.find((choice) => choice.id === id)?.label[language] ?? id;
}

const orEmpty = <T extends PlanValue>(value: T | undefined): PlanValue =>
  value === undefined ? null : value;

export const CUSTOMER_COLUMNS: readonly CustomerColumn[] = [
  {
    id: 'name',
    header: { vi: 'Tên khách hàng', en: 'Name' },
    kind: 'text',
    width: 180,
    value: (c) => c.name,
  },
  {
    id: 'phone',
    header: { vi: 'Điện thoại', en: 'Phone' },
    kind: 'phone',
    width: 110,
    value: (c) => c.phone,
  },
  { id: 'email', header: { vi: 'Email', en: 'Email' }, kind: 'text', width: 180, value: (c) => c.email },
  {
    id: 'code',
    header: { vi: 'Mã khách hàng', en: 'Customer code' },
    kind: 'code',
    width: 110,
    value: (c) => c.code,
  },
  {
    id: 'segment',
    header: { vi: 'Phân khúc', en: 'Segment' },
    kind: 'text',
    width: 150,
    value: (c, { segmentName }) => segmentName(c.segmentId),
  },
  { id: 'rfm', header: { vi: 'Mã RFM', en: 'RFM' }, kind: 'code', width: 60, value: (c) => c.rfmCode },
  {
    id: 'r',
    header: { vi: 'R', en: 'R' },
    kind: 'integer',
    width: 40,
    value: (c, { metrics }) => (metrics.includes('r') ? c.r : null),
  },
  {
    id: 'f',
    header: { vi: 'F', en: 'F' },
    kind: 'integer',
    width: 40,
    value: (c, { metrics }) => (metrics.includes('f') ? c.f : null),
  },
  {
    id: 'm',
    header: { vi: 'M', en: 'M' },
    kind: 'integer',
    width: 40,
    value: (c, { metrics }) => (metrics.includes('m') ? c.m : null),
  },
  {
    id: 'recency',
    header: { vi: 'Số ngày từ lần mua cuối', en: 'Days since last purchase' },
    kind: 'integer',
    value: (c) => orEmpty(c.recencyDays),
  },
  {
    id: 'frequency',
    header: { vi: 'Số hóa đơn', en: 'Invoices' },
    kind: 'integer',
    value: (c) => c.frequency,
  },
  {
    id: 'total',
    header: { vi: 'Tổng chi tiêu', en: 'Total spend' },
    kind: 'money',
    width: 110,
    value: (c) => c.totalSpend,
  },
  {
    id: 'average',
    header: { vi: 'Giá trị TB/hóa đơn', en: 'Average order' },
    kind: 'money',
    // Already a whole number of minor units (customer-metrics.ts).
    value: (c) => (c.averageOrder === undefined ? null : c.averageOrder),
  },
  {
    id: 'first',
    header: { vi: 'Mua lần đầu', en: 'First purchase' },
    kind: 'date',
    value: (c) => orEmpty(c.firstPurchaseDay),
  },
  {
    id: 'last',
    header: { vi: 'Mua lần cuối', en: 'Last purchase' },
    kind: 'date',
    value: (c) => orEmpty(c.lastPurchaseDay),
  },
  {
    id: 'store',
    header: { vi: 'Chi nhánh mua cuối', en: 'Last store' },
    kind: 'text',
    width: 140,
    value: (c) => c.lastStore,
  },
  { id: 'city', header: { vi: 'Tỉnh/Thành', en: 'City' }, kind: 'text', width: 120, value: (c) => c.city },
  {
    id: 'region',
    header: { vi: 'Miền', en: 'Region' },
    kind: 'text',
    value: (c, { language }) => choiceLabel(REGIONS, c.region, language),
  },
  {
    id: 'gender',
    header: { vi: 'Giới tính', en: 'Gender' },
    kind: 'text',
    value: (c, { language }) => choiceLabel(GENDERS, c.gender, language),
  },
  { id: 'age', header: { vi: 'Tuổi', en: 'Age' }, kind: 'integer', value: (c) => orEmpty(c.age) },
  { id: 'tier', header: { vi: 'Hạng thẻ', en: 'Tier' }, kind: 'text', value: (c) => c.tier },
  { id: 'points', header: { vi: 'Điểm', en: 'Points' }, kind: 'integer', value: (c) => orEmpty(c.points) },
  { id: 'channel', header: { vi: 'Kênh', en: 'Channel' }, kind: 'text', value: (c) => c.channel },
  { id: 'tags', header: { vi: 'Nhãn', en: 'Tags' }, kind: 'text', value: (c) => c.tags.join(', ') },
  {
    id: 'previous',
    header: { vi: 'Phân khúc lần trước', en: 'Previous segment' },
    kind: 'text',
    width: 150,
    value: (c, { segmentName }) => (c.previousSegmentId ? segmentName(c.previousSegmentId) : ''),
  },
  {
    id: 'since',
    header: { vi: 'Ở phân khúc từ', en: 'Segment since' },
    kind: 'date',
    value: (c) => orEmpty(c.segmentSinceDay),
  },
];
