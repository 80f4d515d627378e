/**
 * Starting a campaign from the sidebar (issue 19): the engine runs on the current selection with the saved
 * campaigns and filter definitions, freezes the segment's members at the as-of date, and the Campaigns, members
 * (hidden) and Campaign results tabs are written by the run's own writer (owned tabs only, batched). The treated
 * group comes back in the segment tab's layout, so the CSV the shop downloads holds only the customers to send
 * the offer to.
 */
import {
  campaignName,
  readCampaigns,
  validHoldoutPercent,
  MAX_HOLDOUT_PERCENT,
  MIN_HOLDOUT_PERCENT,
} from '../core/campaigns/campaigns';
import { say } from '../core/i18n';
import { formatDay, zoneClock } from '../core/parse/time-zone';
import { SEGMENT_ORDER } from '../core/plan/build-plan';
import { filterSegmentTab, segmentTab, sortForDisplay } from '../core/plan/customer-tabs';
import type { TabPlan } from '../core/plan/types';
import { SEGMENT_BY_ID } from '../core/rfm/segment-catalogue';
import type { CampaignStarted, CampaignStartRequest, TabRows } from '../shared/api';
import { findOwnedTabs } from '../sheets/ownership';
import { readValues } from '../sheets/read-input';
import { UserError } from '../sheets/user-error';
import { savedTab, surveyWorkbook, writeTabs } from '../sheets/write-plan';
import { engineOnSelection } from './filters';

const LOCK_WAIT_MS = 2000;
const CAMPAIGN_ROLES = new Set(['campaigns', 'campaign-members', 'campaign-results']);

/** A plan tab's first block as the CSV export reads a tab: header, then each cell as text (days as yyyy-mm-dd). */
function rowsOf(tab: TabPlan): TabRows {
  const block = tab.blocks[0]!;
  return {
    name: tab.name,
    header: block.columns.map((column) => column.header),
    rows: block.rows.map((row) =>
      row.map((value, i) =>
        value === null
          ? ''
          : block.columns[i]!.kind === 'date' && typeof value === 'number'
            ? formatDay(value)
            : String(value),
      ),
    ),
  };
}

export function startCampaign(request: CampaignStartRequest): CampaignStarted {
  const { language } = request.data;
  const t = (vi: string, en: string) => say(language, vi, en);
  const name = campaignName(request.name ?? '');
  if (!name) throw new UserError(t('Hãy đặt tên cho chiến dịch.', 'Give the campaign a name.'));
  if (!validHoldoutPercent(request.holdoutPercent)) {
    throw new UserError(
      t(
        `Tỷ lệ đối chứng phải từ ${MIN_HOLDOUT_PERCENT}% đến ${MAX_HOLDOUT_PERCENT}%.`,
        `The holdout must be from ${MIN_HOLDOUT_PERCENT}% to ${MAX_HOLDOUT_PERCENT}%.`,
      ),
    );
  }
  const lock = LockService.getDocumentLock();
  if (!lock?.tryLock(LOCK_WAIT_MS)) {
    throw new UserError(
      t(
        'Đang có một lần chạy khác trong bảng tính này. Hãy đợi nó xong rồi thử lại.',
        'A run is in progress in this spreadsheet. Wait for it to finish, then try again.',
      ),
    );
  }
  try {
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    const owned = findOwnedTabs(spreadsheet);
    const savedValues = (role: string) => {
      const tab = savedTab(owned, role);
      return tab ? readValues(tab.sheet) : undefined;
    };
    const saved = {
      definitions: savedValues('definitions'),
      campaigns: savedValues('campaigns'),
      campaignMembers: savedValues('campaign-members'),
    };
    if (readCampaigns(saved.campaigns, undefined).records.some((record) => record.name === name)) {
      throw new UserError(
        t(
          `Đã có chiến dịch tên "${name}": hãy chọn tên khác.`,
          `There is already a campaign called "${name}": choose another name.`,
        ),
      );
    }
    const started = Date.now();
    const result = engineOnSelection(spreadsheet, request.data, {
      saved,
      startCampaigns: [{ name, segmentKey: request.segmentId, holdoutPercent: request.holdoutPercent }],
    });
    const campaign = result.startedCampaigns?.[0];
    if (!campaign)
      throw new UserError(t('Không bắt đầu được chiến dịch.', 'The campaign could not be started.'));
    const tabs = result.plan.tabs.filter((tab) => CAMPAIGN_ROLES.has(tab.role));
    const timeZone = spreadsheet.getSpreadsheetTimeZone();
    // Inserting a tab makes it the active one: the shop stays where they were (the segment export).
    const before = spreadsheet.getActiveSheet();
    writeTabs(spreadsheet, tabs, owned, surveyWorkbook(spreadsheet), new Set(), {
      run: `campaign-${started}`,
      language,
      clock: zoneClock(timeZone),
      started,
      now: () => Date.now(),
      inputNames: [request.data.invoices?.name, request.data.customers?.name].filter(
        (tabName): tabName is string => tabName !== undefined,
      ),
      inputDataCells: 0,
    });
    try {
      before.activate();
    } catch {
      // The tab the shop was on was one of the campaign tabs, now replaced: nothing to go back to.
    }
    const treated = sortForDisplay(campaign.treated, SEGMENT_ORDER);
    const segment = result.summary.segments.find((candidate) => candidate.id === request.segmentId);
    const tab = SEGMENT_BY_ID.has(request.segmentId)
      ? segmentTab(request.segmentId, treated, language)
      : filterSegmentTab(
          { name: segment?.name ?? name, colour: segment?.colour ?? '#000000' },
          treated,
          language,
        );
    return {
      name,
      start: formatDay(campaign.record.startDay),
      treated: campaign.treated.length,
      holdout: campaign.holdout,
      rows: rowsOf(tab),
    };
  } finally {
    lock.releaseLock();
  }
}
