/**
 * Segment portraits ("chân dung khách hàng"): who is in each group, beside everyone. Pure: customers in,
 * plain figures out; the Portraits tab, the sidebar and `--json` show these.
 *
 * Definitions (each applies to every group: an RFM segment, a filter segment, and "all customers"):
 * - **Share** of a value = the group's customers with that value / all the group's customers. Customers whose
 *   value is unknown (no gender given, no birth date) stay in the denominator and are a row of their own
 *   ("unknown"), so shares of a split add up to 100% and a group with many blanks is visibly so.
 * - **Baseline share** = the same among all the run's customers (the "all customers" group).
 * - **Index** = share / baseline share × 100: 100 is "as everyone", 200 twice as common in the group, 50 half.
 *   Undefined when the baseline share is 0 (cannot happen for a value present in the group).
 * - **Small counts**: a group of fewer than `SMALL_GROUP` customers shows counts only (no shares, no index),
 *   with a note; in a larger group, a value whose expected count (group customers × baseline share) is under
 *   `SMALL_EXPECTED` shows its share but no index: an index of 300 on an expected 1.5 customers is noise.
 * - **Top values** (cities/provinces, stores, channels, tiers): the group's own `TOP_VALUES` most frequent known
 *   values (ties by name), then "other" (the remaining known values) and "unknown".
 * - **City/province**: the province after the 2025 merger when recognised (`TP Hồ Chí Minh`), else the city
 *   as given; **region**: North, Central, South from that province; **store**: the customer's last store.
 * - **Age bands**: those of the filter starters (filter/starters.ts: 18–25, 26–45, over 45), and under 18.
 * - **Spend** figures are over the group's buyers (at least one purchase; registered-only prospects would pull
 *   the median to 0): median and mean total spend, and average order = their spend / their invoices.
 * - **Median days between purchases**: for each repeat buyer (2+ invoices), (last purchase day − first purchase
 *   day) / (invoices − 1), the customer's mean gap; the median of those over the group's repeat buyers.
 * - A field with no value for any customer of the run (no gender column) is left out of every portrait and
 *   named in `missing`.
 */
import { AGE_BANDS as STARTER_AGE_BANDS } from '../filter/starters';
import type { CustomerRecord } from '../model';
import type { Language } from '../options';
import { GENDERS, REGIONS } from '../filter/fields';
import { say } from '../i18n';

export const SMALL_GROUP = 30;
export const SMALL_EXPECTED = 5;
export const TOP_VALUES = 5;

export type PortraitFieldId = 'gender' | 'age' | 'province' | 'region' | 'store' | 'channel' | 'tier';
export const PORTRAIT_FIELDS: readonly PortraitFieldId[] = [
  'gender',
  'age',
  'province',
  'region',
  'store',
  'channel',
  'tier',
];

/** Value ids that are not a customer's own value. */
export const OTHER_VALUE = '(other)';
export const UNKNOWN_VALUE = '(unknown)';

/** The filter starters' age bands (filter/starters.ts), with under 18 so every known age has a band. */
const AGE_BANDS: readonly { id: string; max: number; vi: string; en: string }[] = [
  {
    id: `under-${STARTER_AGE_BANDS[0]!.from}`,
    max: STARTER_AGE_BANDS[0]!.from - 1,
    vi: `Dưới ${STARTER_AGE_BANDS[0]!.from}`,
    en: `Under ${STARTER_AGE_BANDS[0]!.from}`,
  },
  ...STARTER_AGE_BANDS.map(({ from, to }) =>
    to === undefined
      ? { id: `over-${from - 1}`, max: Infinity, vi: `Trên ${from - 1}`, en: `Over ${from - 1}` }
      : { id: `${from}-${to}`, max: to, vi: `${from}–${to}`, en: `${from}–${to}` },
  ),
];

/** Each field's value of a customer; '' when unknown. */
const VALUE_OF: Record<PortraitFieldId, (customer: CustomerRecord) => string> = {
  gender: (customer) => (customer.gender === 'unknown' ? '' : customer.gender),
  age: (customer) =>
    customer.age === undefined ? '' : AGE_BANDS.find((band) => customer.age! <= band.max)!.id,
  province: (customer) => customer.province || customer.city,
  region: (customer) => customer.region,
  store: (customer) => customer.lastStore,
  channel: (customer) => customer.channel,
  tier: (customer) => customer.tier,
};

/** Fields whose values are a fixed list, shown in that order (the others show their top values). */
const FIXED_VALUES: Partial<Record<PortraitFieldId, readonly string[]>> = {
  gender: ['female', 'male', 'other'],
  age: AGE_BANDS.map((band) => band.id),
  region: REGIONS.map((region) => region.id),
};

export interface PortraitShare {
  /** The value (`female`, `North`, `18-25`, `Hà Nội`), or OTHER_VALUE / UNKNOWN_VALUE. */
  value: string;
  count: number;
  /** count / group customers (0–1). */
  share: number;
  baseCount: number;
  /** baseCount / all customers (0–1). */
  baseShare: number;
  /** share / baseShare × 100; undefined for the baseline itself, a small group, a small expected count, and
   * for "unknown" and "other". */
  index?: number;
}

export interface PortraitSplit {
  field: PortraitFieldId;
  rows: PortraitShare[];
}

export interface PortraitFigures {
  /** Group buyers (customers with at least one purchase). */
  buyers: number;
  /** Minor units (money.ts); undefined with no buyers. Medians of an even count are the mean of the middle
   * two, rounded to the minor unit. */
  medianSpendMinor?: number;
  meanSpendMinor?: number;
  averageOrderMinor?: number;
  /** Undefined with no repeat buyers. */
  medianDaysBetween?: number;
}

export interface PortraitDifference {
  field: PortraitFieldId;
  value: string;
  share: number;
  baseShare: number;
  index: number;
}

export interface Portrait {
  /** `all`, an RFM segment id, or `filter:<name>`. */
  id: string;
  kind: 'all' | 'rfm' | 'filter';
  name: string;
  colour: string;
  customers: number;
  /** Fewer than SMALL_GROUP customers: counts only. */
  small: boolean;
  splits: PortraitSplit[];
  figures: PortraitFigures;
  /** Share of the shop's main channel (`Portraits.mainChannel`) in the group; undefined without channels. */
  mainChannelShare?: number;
  /** What marks the group out: the over-represented values furthest above the baseline, at most 3. */
  differences: PortraitDifference[];
}

export interface PortraitGroup {
  id: string;
  kind: 'rfm' | 'filter';
  name: string;
  colour: string;
  members: readonly CustomerRecord[];
}

export interface Portraits {
  /** The baseline first, then each group. */
  portraits: Portrait[];
  /** Fields no customer of the run has a value for, left out of every portrait. */
  missing: PortraitFieldId[];
  /** The channel most of all customers came through (ties by name): History follows its share per group. */
  mainChannel?: string;
}

function countValues(members: readonly CustomerRecord[], field: PortraitFieldId): Map<string, number> {
  const counts = new Map<string, number>();
  const valueOf = VALUE_OF[field];
  for (const customer of members) {
    const value = valueOf(customer) || UNKNOWN_VALUE;
    counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return counts;
}

/**
 * The shown values of a split in order: the fixed values any customer has (a group with no women still shows
 * its 0 beside everyone's share), or the group's top values; then other and unknown.
 */
function shownValues(
  field: PortraitFieldId,
  counts: Map<string, number>,
  base: Map<string, number>,
): string[] {
  const fixed = FIXED_VALUES[field];
  if (fixed) return [...fixed.filter((value) => base.has(value)), UNKNOWN_VALUE];
  const known = [...counts.entries()]
    .filter(([value]) => value !== UNKNOWN_VALUE)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([value]) => value);
  return [...known.slice(0, TOP_VALUES), ...(known.length > TOP_VALUES ? [OTHER_VALUE] : []), UNKNOWN_VALUE];
}

function split(
  field: PortraitFieldId,
  members: readonly CustomerRecord[],
  base: Map<string, number>,
  baseTotal: number,
  small: boolean,
  baseline: boolean,
): PortraitSplit {
  const counts = countValues(members, field);
  const values = shownValues(field, counts, base);
  const shown = new Set(values);
  const otherOf = (source: Map<string, number>) =>
    [...source.entries()]
      .filter(([value]) => !shown.has(value) && value !== UNKNOWN_VALUE)
      .reduce((sum, [, count]) => sum + count, 0);
  const rows: PortraitShare[] = [];
  for (const value of values) {
    const count = value === OTHER_VALUE ? otherOf(counts) : (counts.get(value) ?? 0);
    const baseCount = value === OTHER_VALUE ? otherOf(base) : (base.get(value) ?? 0);
    if (value === UNKNOWN_VALUE && count === 0 && baseCount === 0) continue;
    const share = members.length ? count / members.length : 0;
    const baseShare = baseTotal ? baseCount / baseTotal : 0;
    const expected = members.length * baseShare;
    const indexed =
      !baseline &&
      !small &&
      value !== UNKNOWN_VALUE &&
      value !== OTHER_VALUE &&
      expected >= SMALL_EXPECTED &&
      baseShare > 0;
    rows.push({
      value,
      count,
      share,
      baseCount,
      baseShare,
      // One division of whole numbers, so an index that is exact (375) is exactly that.
      ...(indexed ? { index: (count * baseTotal * 100) / (members.length * baseCount) } : {}),
    });
  }
  return { field, rows };
}

/** Median of sorted numbers; undefined for none. */
function median(sorted: readonly number[]): number | undefined {
  if (sorted.length === 0) return undefined;
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function figures(members: readonly CustomerRecord[]): PortraitFigures {
  const buyers = members.filter((customer) => customer.frequency > 0);
  if (buyers.length === 0) return { buyers: 0 };
  const spends = buyers.map((customer) => customer.spendMinor).sort((a, b) => a - b);
  const spendSum = spends.reduce((sum, spend) => sum + spend, 0);
  const invoices = buyers.reduce((sum, customer) => sum + customer.frequency, 0);
  const gaps = buyers
    .filter((customer) => customer.frequency >= 2)
    .map((customer) => (customer.lastPurchaseDay! - customer.firstPurchaseDay!) / (customer.frequency - 1))
    .sort((a, b) => a - b);
  const medianGap = median(gaps);
  return {
    buyers: buyers.length,
    medianSpendMinor: Math.round(median(spends)!),
    meanSpendMinor: Math.round(spendSum / buyers.length),
    averageOrderMinor: Math.round(spendSum / invoices),
    ...(medianGap !== undefined ? { medianDaysBetween: medianGap } : {}),
  };
}

const DIFFERENCES = 3;

const gap = (difference: PortraitDifference) => Math.abs(difference.share - difference.baseShare);

/**
 * What marks the group out: per field, the over-represented value furthest above the baseline in percentage
 * points (one per field: more women is fewer men), the fields with the largest such gap first (ties in field
 * order), at most DIFFERENCES. Under-representation is in the tab, not in the summary.
 */
function differences(splits: PortraitSplit[]): PortraitDifference[] {
  const best: PortraitDifference[] = [];
  for (const s of splits) {
    let top: PortraitDifference | undefined;
    for (const row of s.rows) {
      if (row.index === undefined || row.share <= row.baseShare) continue;
      const candidate = {
        field: s.field,
        value: row.value,
        share: row.share,
        baseShare: row.baseShare,
        index: row.index,
      };
      if (!top || gap(candidate) > gap(top)) top = candidate;
    }
    if (top) best.push(top);
  }
  return best.sort((a, b) => gap(b) - gap(a)).slice(0, DIFFERENCES);
}

/** The portraits of all customers (the baseline, first) and of each group. */
export function computePortraits(
  customers: readonly CustomerRecord[],
  groups: readonly PortraitGroup[],
  allName: string,
  allColour: string,
): Portraits {
  const fields = PORTRAIT_FIELDS.filter((field) =>
    customers.some((customer) => VALUE_OF[field](customer) !== ''),
  );
  const missing = PORTRAIT_FIELDS.filter((field) => !fields.includes(field));
  const base = new Map(fields.map((field) => [field, countValues(customers, field)]));
  const channels = base.get('channel');
  const mainChannel = channels ? shownValues('channel', channels, channels)[0] : undefined;
  const portrait = (
    id: string,
    kind: Portrait['kind'],
    name: string,
    colour: string,
    members: readonly CustomerRecord[],
  ): Portrait => {
    const small = kind !== 'all' && members.length < SMALL_GROUP;
    const splits = fields.map((field) =>
      split(field, members, base.get(field)!, customers.length, small, kind === 'all'),
    );
    return {
      id,
      kind,
      name,
      colour,
      customers: members.length,
      small,
      splits,
      figures: figures(members),
      ...(mainChannel && members.length
        ? {
            mainChannelShare:
              members.filter((customer) => VALUE_OF.channel(customer) === mainChannel).length /
              members.length,
          }
        : {}),
      differences: kind === 'all' ? [] : differences(splits),
    };
  };
  return {
    portraits: [
      portrait('all', 'all', allName, allColour, customers),
      ...groups.map((group) => portrait(group.id, group.kind, group.name, group.colour, group.members)),
    ],
    missing,
    ...(mainChannel ? { mainChannel } : {}),
  };
}

/** The field's name as shown. */
export function fieldLabel(field: PortraitFieldId, language: Language): string {
  const t = (vi: string, en: string) => say(language, vi, en);
  switch (field) {
    case 'gender':
      return t('Giới tính', 'Gender');
    case 'age':
      return t('Nhóm tuổi', 'Age band');
    case 'province':
      return t('Tỉnh/thành', 'City/province');
    case 'region':
      return t('Miền', 'Region');
    case 'store':
      return t('Cửa hàng (lần cuối)', 'Store (last)');
    case 'channel':
      return t('Kênh', 'Channel');
    case 'tier':
      return t('Hạng thành viên', 'Tier');
  }
}

/** A value as shown: gender, region and age bands by their label, other and unknown in words. */
export function valueLabel(field: PortraitFieldId, value: string, language: Language): string {
  if (value === UNKNOWN_VALUE) return say(language, '(không rõ)', '(unknown)');
  if (value === OTHER_VALUE) return say(language, '(khác)', '(other)');
  const choice =
    field === 'gender'
      ? GENDERS.find((gender) => gender.id === value)
      : field === 'region'
        ? REGIONS.find((region) => region.id === value)
        : undefined;
  if (choice) return choice.label[language];
  const band = field === 'age' ? AGE_BANDS.find((candidate) => candidate.id === value) : undefined;
  return band ? band[language] : value;
}

/** "Nữ 80% (toàn bộ 40%, chỉ số 200)": one difference as the sidebar and notes say it. */
export function differenceText(difference: PortraitDifference, language: Language): string {
  const percent = (share: number) => `${Math.round(share * 100)}%`;
  return `${fieldLabel(difference.field, language)}: ${valueLabel(difference.field, difference.value, language)} ${percent(difference.share)} (${say(language, 'toàn bộ', 'all customers')} ${percent(difference.baseShare)}, ${say(language, 'chỉ số', 'index')} ${Math.round(difference.index)})`;
}

/** The line saying which fields are left out for lack of data; '' when none. */
export function missingText(missing: readonly PortraitFieldId[], language: Language): string {
  if (missing.length === 0) return '';
  const names = missing.map((field) => fieldLabel(field, language)).join(', ');
  return say(language, `Không có dữ liệu, nên bỏ qua: ${names}.`, `No data, so left out: ${names}.`);
}
