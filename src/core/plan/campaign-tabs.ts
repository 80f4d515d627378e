/**
 * The campaign tabs (issue 19): Campaigns (one row per campaign: what a shop reads and what the next run reads
 * back), the hidden members tab (every member's frozen group), and Campaign results (per campaign and group,
 * then the treated − holdout differences and a sentence per campaign).
 */
import {
  CAMPAIGN_WINDOWS,
  CAMPAIGNS_HEADER,
  campaignName,
  campaignResults,
  campaignRows,
  freezeCampaign,
  MEMBERS_HEADER,
  readCampaigns,
  type CampaignRecord,
  type CampaignResult,
  type CampaignStart,
  type FrozenCampaigns,
} from '../campaigns/campaigns';
import { EngineError } from '../errors';
import { say } from '../i18n';
import type { CustomerRecord } from '../model';
import type { MoneyUnit } from '../money';
import type { Language, SavedState } from '../options';
import { SEGMENTS } from '../rfm/segment-catalogue';
import { foldText } from '../text';
import { formatDay } from '../parse/time-zone';
import { headerBand, NEUTRAL_HEADER } from './colours';
import { TAB_NAMES } from './labels';
import type { BlockPlan, TabPlan } from './types';

const CAMPAIGN_TAB = '#8e24aa';
/** The differences sit below the per-group table, one empty row apart. */
const GAP_ROWS = 2;

export function campaignsTab(frozen: FrozenCampaigns, language: Language): TabPlan {
  const rows = campaignRows(frozen);
  const counts = (name: string, group: string) =>
    frozen.members.filter((member) => member.campaign === name && member.group === group).length;
  const t = (vi: string, en: string) => say(language, vi, en);
  return {
    key: 'campaigns',
    role: 'campaigns',
    name: TAB_NAMES.campaigns[language],
    tabColour: CAMPAIGN_TAB,
    blocks: [
      {
        id: 'campaigns',
        anchor: { row: 1, column: 1 },
        columns: [
          { header: CAMPAIGNS_HEADER[0], kind: 'text', width: 200 },
          { header: CAMPAIGNS_HEADER[1], kind: 'code', width: 90 },
          { header: CAMPAIGNS_HEADER[2], kind: 'text', width: 170 },
          { header: CAMPAIGNS_HEADER[3], kind: 'code', width: 150 },
          { header: CAMPAIGNS_HEADER[4], kind: 'code', width: 80 },
          { header: t('Nhóm nhận ưu đãi', 'Treated'), kind: 'integer' },
          { header: t('Nhóm đối chứng', 'Holdout'), kind: 'integer' },
        ],
        rows: rows.campaigns.map((row) => [...row, counts(row[0]!, 'treated'), counts(row[0]!, 'holdout')]),
        ...headerBand(CAMPAIGN_TAB),
      },
    ],
    frozenRows: 1,
    filter: false,
    charts: [],
    hidden: false,
  };
}

export function campaignMembersTab(frozen: FrozenCampaigns, language: Language): TabPlan {
  return {
    key: 'campaign-members',
    role: 'campaign-members',
    name: TAB_NAMES.campaignMembers[language],
    tabColour: NEUTRAL_HEADER,
    blocks: [
      {
        id: 'campaign-members',
        anchor: { row: 1, column: 1 },
        columns: MEMBERS_HEADER.map((header) => ({ header, kind: 'code' as const })),
        rows: campaignRows(frozen).members,
        ...headerBand(NEUTRAL_HEADER),
      },
    ],
    frozenRows: 1,
    filter: false,
    charts: [],
    hidden: true,
  };
}

export function campaignResultsTab(results: readonly CampaignResult[], language: Language): TabPlan {
  const t = (vi: string, en: string) => say(language, vi, en);
  const groupName = (group: string) =>
    group === 'treated' ? t('Nhận ưu đãi', 'Treated') : t('Đối chứng', 'Holdout');
  const groups: BlockPlan = {
    id: 'campaign-groups',
    anchor: { row: 1, column: 1 },
    columns: [
      { header: t('Chiến dịch', 'Campaign'), kind: 'text', width: 180 },
      { header: t('Bắt đầu', 'Start'), kind: 'code', width: 90 },
      { header: t('Phân khúc', 'Segment'), kind: 'text', width: 150 },
      { header: t('Nhóm', 'Group'), kind: 'text', width: 100 },
      { header: t('Khách hàng', 'Customers'), kind: 'integer' },
      ...CAMPAIGN_WINDOWS.map((days) => ({
        header: t(`Mua lại trong ${days} ngày`, `Bought again within ${days} days`),
        kind: 'integer' as const,
      })),
      { header: t('Mua lại từ khi bắt đầu', 'Bought again since the start'), kind: 'integer' },
      { header: t('Tỷ lệ quay lại', 'Return rate'), kind: 'percent' },
      { header: t('Doanh thu từ khi bắt đầu', 'Revenue since the start'), kind: 'money', width: 120 },
      { header: t('Doanh thu mỗi khách', 'Revenue per customer'), kind: 'money', width: 120 },
      { header: t('Lên phân khúc tốt hơn', 'Moved to a better segment'), kind: 'integer' },
    ],
    rows: results.flatMap((result) =>
      [result.treated, result.holdout].map((group) => [
        result.record.name,
        formatDay(result.record.startDay),
        result.record.segmentName,
        groupName(group.group),
        group.customers,
        ...group.within.map((count) => count ?? null),
        group.since,
        group.rate,
        group.revenue,
        group.revenuePerCustomer,
        group.movedUp,
      ]),
    ),
    ...headerBand(CAMPAIGN_TAB),
  };
  const differences: BlockPlan = {
    id: 'campaign-differences',
    anchor: { row: groups.rows.length + 1 + GAP_ROWS, column: 1 },
    columns: [
      { header: t('Chiến dịch', 'Campaign'), kind: 'text', width: 180 },
      { header: t('Số ngày từ khi bắt đầu', 'Days since the start'), kind: 'integer' },
      { header: t('Chênh lệch tỷ lệ quay lại', 'Difference in return rate'), kind: 'percent' },
      { header: t('95%: từ', '95%: from'), kind: 'percent' },
      { header: t('95%: đến', '95%: to'), kind: 'percent' },
      { header: t('Chênh lệch doanh thu mỗi khách', 'Difference in revenue per customer'), kind: 'money' },
      { header: t('95%: từ', '95%: from'), kind: 'money' },
      { header: t('95%: đến', '95%: to'), kind: 'money' },
      { header: t('Kết luận', 'Conclusion'), kind: 'text', width: 420 },
    ],
    rows: results.map((result) => [
      result.record.name,
      result.daysSince,
      result.rate.difference,
      result.rate.low,
      result.rate.high,
      result.revenue?.difference ?? null,
      result.revenue?.low ?? null,
      result.revenue?.high ?? null,
      result.sentence,
    ]),
    ...headerBand(CAMPAIGN_TAB),
  };
  return {
    key: 'campaign-results',
    role: 'campaign-results',
    name: TAB_NAMES.campaignResults[language],
    tabColour: CAMPAIGN_TAB,
    blocks: [groups, differences],
    frozenRows: 1,
    filter: false,
    charts: [],
    hidden: false,
  };
}

export interface CampaignsOutcome {
  /** Campaigns, members and results tabs; none when there is no campaign. */
  tabs: TabPlan[];
  results: CampaignResult[];
  /** The campaigns this run started, with their treated members (what a shop sends the offer to). */
  started: { record: CampaignRecord; treated: CustomerRecord[]; holdout: number }[];
}

/**
 * A segment named on the command line or by the sidebar: an RFM segment's id or its name in either language,
 * or a filter segment's name (case and accents aside); undefined when none is.
 */
export function resolveSegmentKey(text: string, filterNames: readonly string[]): string | undefined {
  const wanted = foldText(text);
  if (text.startsWith('filter:')) return filterNames.includes(text.slice(7)) ? text : undefined;
  const rfm = SEGMENTS.find(
    (segment) =>
      segment.id === text || foldText(segment.name.vi) === wanted || foldText(segment.name.en) === wanted,
  );
  if (rfm) return rfm.id;
  const filter = filterNames.find((name) => foldText(name) === wanted);
  return filter === undefined ? undefined : `filter:${filter}`;
}

/**
 * Reads the saved campaigns, starts the new ones (members: the segment's at this as-of date; `members` maps a
 * segment key to the indexes of its customers), and plans the tabs and results. A start whose name a saved
 * campaign has is skipped, so running the same command twice does not re-freeze it.
 */
export function planCampaigns(input: {
  saved: SavedState | undefined;
  starts: readonly CampaignStart[];
  customers: readonly CustomerRecord[];
  segmentMembers: (segmentKey: string) => number[] | undefined;
  segmentName: (segmentKey: string) => string;
  purchases: ReadonlyMap<string, readonly { day: number; amountMinor: number }[]>;
  asOfDay: number;
  unit: MoneyUnit;
  language: Language;
}): CampaignsOutcome {
  const { customers, language } = input;
  const frozen = readCampaigns(input.saved?.campaigns, input.saved?.campaignMembers);
  const started: CampaignsOutcome['started'] = [];
  for (const start of input.starts) {
    const name = campaignName(start.name);
    if (frozen.records.some((record) => record.name === name)) continue;
    const indexes = input.segmentMembers(start.segmentKey);
    if (!indexes) {
      throw new EngineError(
        'bad-option',
        say(
          language,
          `Chiến dịch "${name}": không có phân khúc "${start.segmentKey}".`,
          `Campaign "${name}": there is no segment "${start.segmentKey}".`,
        ),
      );
    }
    const members = indexes.map((index) => customers[index]!);
    const fresh = freezeCampaign(start, input.segmentName(start.segmentKey), members, input.asOfDay);
    frozen.records.push(...fresh.records);
    frozen.members.push(...fresh.members);
    const treatedKeys = new Set(
      fresh.members.filter((member) => member.group === 'treated').map((member) => member.key),
    );
    started.push({
      record: fresh.records[0]!,
      treated: members.filter((customer) => treatedKeys.has(customer.key)),
      holdout: members.length - treatedKeys.size,
    });
  }
  if (frozen.records.length === 0) return { tabs: [], results: [], started };
  const results = campaignResults(frozen, customers, input.purchases, input.asOfDay, input.unit, language);
  return {
    tabs: [
      campaignsTab(frozen, language),
      campaignMembersTab(frozen, language),
      campaignResultsTab(results, language),
    ],
    results,
    started,
  };
}
