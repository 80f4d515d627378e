/**
 * Campaigns (issue 19): a segment's members frozen on the day an offer goes out, split into a treated group
 * and a holdout, then compared on every later run.
 *
 * - Holdout: a member is held out when stableHash32(splitHashText(campaign name, customer key)) mod 10 000 is
 *   below the holdout share × 10 000 (the same MD5-based hash as A/B groups, ab-split.ts), so the split is
 *   deterministic: the same customer is in the same group in the add-on and the CLI. The groups are frozen at
 *   the start (stored per member), so later changes of the data or of the share never move anyone.
 * - Bought again within 7 / 30 / 60 days: a purchase (an invoice above 0) on a day after the start and at most
 *   that many days after it; blank while the window has not ended by the as-of date. "Since the start": any
 *   purchase after the start up to the as-of date; the return rate is those customers over the group's size.
 * - Revenue since the start: the net of every invoice after the start up to the as-of date (returns net against
 *   it), summed in minor units; per customer, over the group's size, rounded to the minor unit.
 * - Moved to a better segment: the customer's RFM segment now comes before the one at the start in the segment
 *   catalogue's order (Champions first, Lost and Prospect last: segment-catalogue.ts).
 * - Members missing from a later run's data stay in their group: they count as not having come back.
 */
import { cellText, type CellValue } from '../cell';
import { splitHashText } from '../filter/ab-split';
import { say } from '../i18n';
import type { Invoice } from '../invoices/invoice';
import type { CustomerRecord } from '../model';
import { toMajor, type MoneyUnit } from '../money';
import type { Language } from '../options';
import { dayNumberFromYmd, formatDay } from '../parse/time-zone';
import { SEGMENTS } from '../rfm/segment-catalogue';
import { stableHash32 } from '../stable-hash';
import { tidyText } from '../text';
import { neededPerGroup, newcombeDifference, sampleStats, welchDifference, type Interval } from './stats';

/** The windows after the start reported per group, in days. */
export const CAMPAIGN_WINDOWS = [7, 30, 60] as const;
export const DEFAULT_HOLDOUT_PERCENT = 15;
export const MIN_HOLDOUT_PERCENT = 1;
export const MAX_HOLDOUT_PERCENT = 50;
/** The holdout is decided in hundredths of a percent. */
const HASH_BUCKETS = 10_000;

export type CampaignGroup = 'treated' | 'holdout';

/** A campaign to start in a run: its members are the segment's at the run's as-of date. */
export interface CampaignStart {
  name: string;
  /** `champions`…, or `filter:<name>`. */
  segmentKey: string;
  /** 1–50. */
  holdoutPercent: number;
}

export interface CampaignRecord {
  name: string;
  startDay: number;
  segmentKey: string;
  segmentName: string;
  holdoutPercent: number;
}

export interface CampaignMember {
  campaign: string;
  key: string;
  group: CampaignGroup;
  /** RFM segment id at the start. */
  segmentAtStart: string;
}

export interface FrozenCampaigns {
  records: CampaignRecord[];
  members: CampaignMember[];
}

/** Header rows of the Campaigns and members tabs: English in both languages, as the snapshot's, so either reads back. */
export const CAMPAIGNS_HEADER = ['Campaign', 'Start', 'Segment', 'Segment key', 'Holdout %'] as const;
export const MEMBERS_HEADER = ['Campaign', 'Customer key', 'Group', 'Segment at start'] as const;

/** The name a campaign is known by (and hashed with): tidied, so a stray space does not make a new campaign. */
export function campaignName(name: string): string {
  return tidyText(name);
}

export function holdoutGroup(name: string, customerKey: string, holdoutPercent: number): CampaignGroup {
  const bucket = stableHash32(splitHashText(name, customerKey)) % HASH_BUCKETS;
  return bucket < Math.round(holdoutPercent * (HASH_BUCKETS / 100)) ? 'holdout' : 'treated';
}

export function validHoldoutPercent(percent: number): boolean {
  return Number.isFinite(percent) && percent >= MIN_HOLDOUT_PERCENT && percent <= MAX_HOLDOUT_PERCENT;
}

function parseDay(value: CellValue): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(cellText(value));
  return match ? dayNumberFromYmd(Number(match[1]), Number(match[2]), Number(match[3])) : undefined;
}

/** Reads the Campaigns and members tabs; rows that do not fit are skipped, a tab not in our layout reads as empty. */
export function readCampaigns(
  campaigns: CellValue[][] | undefined,
  members: CellValue[][] | undefined,
): FrozenCampaigns {
  const records: CampaignRecord[] = [];
  if (campaigns && cellText(campaigns[0]?.[0]) === CAMPAIGNS_HEADER[0]) {
    for (const row of campaigns.slice(1)) {
      const name = campaignName(cellText(row[0]));
      const startDay = parseDay(row[1]);
      const percent = Number(cellText(row[4]).replace('%', '').replace(',', '.'));
      if (!name || startDay === undefined || !validHoldoutPercent(percent)) continue;
      if (records.some((record) => record.name === name)) continue;
      records.push({
        name,
        startDay,
        segmentName: cellText(row[2]),
        segmentKey: cellText(row[3]),
        holdoutPercent: percent,
      });
    }
  }
  const known = new Set(records.map((record) => record.name));
  const read: CampaignMember[] = [];
  if (members && cellText(members[0]?.[0]) === MEMBERS_HEADER[0]) {
    for (const row of members.slice(1)) {
      const campaign = campaignName(cellText(row[0]));
      const key = cellText(row[1]);
      const group = cellText(row[2]);
      if (!known.has(campaign) || !key || (group !== 'treated' && group !== 'holdout')) continue;
      read.push({ campaign, key, group, segmentAtStart: cellText(row[3]) });
    }
  }
  return { records, members: read };
}

/** Freezes a campaign: every member of the segment today, with their group and RFM segment. */
export function freezeCampaign(
  start: CampaignStart,
  segmentName: string,
  members: readonly CustomerRecord[],
  startDay: number,
): FrozenCampaigns {
  const name = campaignName(start.name);
  return {
    records: [
      { name, startDay, segmentKey: start.segmentKey, segmentName, holdoutPercent: start.holdoutPercent },
    ],
    members: members.map((customer) => ({
      campaign: name,
      key: customer.key,
      group: holdoutGroup(name, customer.key, start.holdoutPercent),
      segmentAtStart: customer.segmentId,
    })),
  };
}

export function campaignRows(frozen: FrozenCampaigns): { campaigns: string[][]; members: string[][] } {
  return {
    campaigns: frozen.records.map((record) => [
      record.name,
      formatDay(record.startDay),
      record.segmentName,
      record.segmentKey,
      String(record.holdoutPercent),
    ]),
    members: frozen.members.map((member) => [
      member.campaign,
      member.key,
      member.group,
      member.segmentAtStart,
    ]),
  };
}

export interface GroupResult {
  group: CampaignGroup;
  customers: number;
  /** Per window of CAMPAIGN_WINDOWS: customers who bought again; undefined while the window is open. */
  within: (number | undefined)[];
  since: number;
  /** since / customers (0 for an empty group). */
  rate: number;
  revenueMinor: number;
  /** The same in the currency. */
  revenue: number;
  /** Revenue since the start per customer, rounded to the minor unit, in the currency. */
  revenuePerCustomer: number;
  movedUp: number;
}

export type Verdict = 'more' | 'less' | 'no-difference' | 'too-few';

export interface CampaignResult {
  record: CampaignRecord;
  /** Days from the start to the as-of date (negative when the run is dated before the start). */
  daysSince: number;
  treated: GroupResult;
  holdout: GroupResult;
  /** Treated − holdout return rate since the start (Newcombe), as proportions. */
  rate: Interval & { difference: number };
  /** Treated − holdout revenue per customer (Welch), in the currency; undefined with fewer than two per group. */
  revenue?: Interval & { difference: number };
  /** Customers per group that would find a 10-point difference (stats.ts). */
  needed: number;
  verdict: Verdict;
  sentence: string;
}

/** Per customer key, the days and net amounts of their invoices (those matched to a customer). */
export function purchasesByKey(
  invoices: readonly Invoice[],
  customerOf: Int32Array,
  customers: readonly CustomerRecord[],
): Map<string, { day: number; amountMinor: number }[]> {
  const byKey = new Map<string, { day: number; amountMinor: number }[]>();
  for (let i = 0; i < invoices.length; i++) {
    const owner = customerOf[i]!;
    if (owner < 0) continue;
    const key = customers[owner]!.key;
    const list = byKey.get(key) ?? [];
    list.push({ day: invoices[i]!.day, amountMinor: invoices[i]!.amountMinor });
    byKey.set(key, list);
  }
  return byKey;
}

const SEGMENT_RANK = new Map<string, number>(SEGMENTS.map((segment, i) => [segment.id, i]));

function groupResult(
  group: CampaignGroup,
  members: readonly CampaignMember[],
  startDay: number,
  asOfDay: number,
  purchases: ReadonlyMap<string, readonly { day: number; amountMinor: number }[]>,
  segmentNow: ReadonlyMap<string, string>,
  unit: MoneyUnit,
): { result: GroupResult; revenues: number[] } {
  const within = CAMPAIGN_WINDOWS.map(() => 0);
  let since = 0;
  let revenueMinor = 0;
  let movedUp = 0;
  const revenues: number[] = [];
  for (const member of members) {
    let first: number | undefined;
    let spent = 0;
    for (const purchase of purchases.get(member.key) ?? []) {
      if (purchase.day <= startDay || purchase.day > asOfDay) continue;
      spent += purchase.amountMinor;
      if (purchase.amountMinor > 0 && (first === undefined || purchase.day < first)) first = purchase.day;
    }
    if (first !== undefined) {
      since++;
      CAMPAIGN_WINDOWS.forEach((days, i) => {
        if (first! - startDay <= days) within[i]!++;
      });
    }
    revenueMinor += spent;
    revenues.push(toMajor(spent, unit));
    const now = SEGMENT_RANK.get(segmentNow.get(member.key) ?? '');
    const before = SEGMENT_RANK.get(member.segmentAtStart);
    if (now !== undefined && before !== undefined && now < before) movedUp++;
  }
  const customers = members.length;
  return {
    result: {
      group,
      customers,
      within: CAMPAIGN_WINDOWS.map((days, i) => (asOfDay - startDay >= days ? within[i] : undefined)),
      since,
      rate: customers ? since / customers : 0,
      revenueMinor,
      revenue: toMajor(revenueMinor, unit),
      revenuePerCustomer: customers ? toMajor(Math.round(revenueMinor / customers), unit) : 0,
      movedUp,
    },
    revenues,
  };
}

/** Percentage points, whole (one decimal when a bound would otherwise read 0 or the sign would flip). */
function points(value: number): string {
  const whole = Math.round(value * 100);
  return whole === 0 && value !== 0 ? (Math.round(value * 1000) / 10).toString() : String(whole);
}

/** The plain sentence of a campaign's result, in `language` (the sidebar shows it in either). */
export function campaignSentence(result: Omit<CampaignResult, 'sentence'>, language: Language): string {
  const t = (vi: string, en: string) => say(language, vi, en);
  const { rate } = result;
  const range = `95%: ${points(rate.low)} ${t('đến', 'to')} ${points(rate.high)}`;
  if (result.daysSince <= 0)
    return t(
      'Chưa có kết quả: chưa có ngày nào sau ngày bắt đầu.',
      'No results yet: no day after the start has been counted.',
    );
  switch (result.verdict) {
    case 'more':
      return t(
        `Quay lại nhiều hơn nhóm đối chứng ${points(rate.difference)} điểm phần trăm (${range}).`,
        `Came back ${points(rate.difference)} points more often than the holdout (${range}).`,
      );
    case 'less':
      return t(
        `Quay lại ít hơn nhóm đối chứng ${points(-rate.difference)} điểm phần trăm (${range}).`,
        `Came back ${points(-rate.difference)} points less often than the holdout (${range}).`,
      );
    case 'no-difference':
      return t(`Không thấy khác biệt so với nhóm đối chứng (${range}).`, `No difference shown (${range}).`);
    case 'too-few':
      return t(
        `Quá ít khách để kết luận: cần khoảng ${result.needed} khách mỗi nhóm.`,
        `Too few customers to tell yet: need about ${result.needed} per group.`,
      );
  }
}

/**
 * Results of every campaign at `asOfDay`. The verdict: a rate interval that excludes 0 is a difference shown
 * (more or less); one that includes 0 is "no difference" only when both groups have the customers needed to
 * find a 10-point difference, else "too few to tell".
 */
export function campaignResults(
  frozen: FrozenCampaigns,
  customers: readonly CustomerRecord[],
  purchases: ReadonlyMap<string, readonly { day: number; amountMinor: number }[]>,
  asOfDay: number,
  unit: MoneyUnit,
  language: Language,
): CampaignResult[] {
  const segmentNow = new Map(customers.map((customer) => [customer.key, customer.segmentId]));
  return frozen.records.map((record) => {
    const members = frozen.members.filter((member) => member.campaign === record.name);
    const of = (group: CampaignGroup) =>
      groupResult(
        group,
        members.filter((member) => member.group === group),
        record.startDay,
        asOfDay,
        purchases,
        segmentNow,
        unit,
      );
    const treated = of('treated');
    const holdout = of('holdout');
    const rate = newcombeDifference(
      treated.result.since,
      treated.result.customers,
      holdout.result.since,
      holdout.result.customers,
    );
    const revenue = welchDifference(sampleStats(treated.revenues), sampleStats(holdout.revenues));
    const base = holdout.result.customers > 0 ? holdout.result.rate : treated.result.rate;
    const needed = neededPerGroup(base);
    const enough = Math.min(treated.result.customers, holdout.result.customers) >= needed;
    const verdict: Verdict =
      treated.result.customers < 2 || holdout.result.customers < 2
        ? 'too-few'
        : rate.low > 0
          ? 'more'
          : rate.high < 0
            ? 'less'
            : enough
              ? 'no-difference'
              : 'too-few';
    const partial = {
      record,
      daysSince: asOfDay - record.startDay,
      treated: treated.result,
      holdout: holdout.result,
      rate,
      ...(revenue ? { revenue } : {}),
      needed,
      verdict,
    };
    return { ...partial, sentence: campaignSentence(partial, language) };
  });
}
