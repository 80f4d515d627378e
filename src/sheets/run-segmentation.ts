/**
 * One run inside the spreadsheet: lock, read the chosen tabs once, run the engine, write the plan's tabs
 * (staged, then swapped), remember the confirmed column maps and settings, and return what the sidebar shows.
 */
import { runEngine } from '../core/engine';
import { EngineError } from '../core/errors';
import { issueCell, type DataIssue } from '../core/issues';
import { amountText, say } from '../core/i18n';
import {
  DEFAULT_OPTIONS,
  type EngineOptions,
  type EngineResult,
  type Language,
  type SheetInput,
} from '../core/options';
import { portraitBlockId } from '../core/plan/portraits-tab';
import { differenceText, SMALL_GROUP } from '../core/portraits/portraits';
import { formatDay, zoneClock } from '../core/parse/time-zone';
import { campaignSentence } from '../core/campaigns/campaigns';
import { issueMessage } from '../core/plan/issue-messages';
import { ISSUE_LABELS } from '../core/plan/labels';
import type { TabRole } from '../core/plan/types';
import type { RunFacts } from '../core/summary';
import { SEGMENT_BY_ID, type SegmentId } from '../core/rfm/segment-catalogue';
import type {
  IssueLine,
  Progress,
  RunRequest,
  RunResult,
  SegmentResult,
  SheetSelection,
} from '../shared/api';
import { progressReporter } from './progress';
import { PartialWriteError } from './limits';
import { findOwnedTabs } from './ownership';
import { findSheet, readValues } from './read-input';
import { rememberRun } from './settings-store';
import { UserError } from './user-error';
import { savedTab, surveyWorkbook, writeTabs, type WriteOutcome } from './write-plan';
import type { FieldId } from '../core/table/fields';

/** How long a second run waits for the first before saying a run is in progress. */
const LOCK_WAIT_MS = 2000;
/**
 * Progress reports while writing: at most this many (each is a cache call), evenly over the tabs, so the bar
 * moves a few times during the write without a call per tab.
 */
const WRITING_UPDATES = 4;
/** Data issues listed in the sidebar; the tab has them all. */
const ISSUES_SHOWN = 20;
const REPLACED_ROLES: ReadonlySet<TabRole> = new Set<TabRole>([
  'summary',
  'customers',
  'segment',
  'filter-segment',
  'movement',
  'issues',
  'portraits',
]);

function sheetInput(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  selection: SheetSelection,
  language: RunRequest['language'],
): SheetInput {
  const sheet = findSheet(spreadsheet, selection.name, language);
  return {
    name: selection.name,
    values: readValues(sheet),
    columnMap: selection.columnMap as Partial<Record<FieldId, number>> | undefined,
    headerRow: selection.headerRow,
    dateOrder: selection.dateOrder,
  };
}

export function runSegmentation(request: RunRequest, now: number = Date.now()): RunResult {
  const language = request.language;
  const report = progressReporter();
  let lastStep: Progress['step'] | null = null;
  // One report per step while reading and computing (the engine may report a step twice); per tab while writing.
  const progress = (step: Progress['step'], fraction: number, message: string) => {
    if (step === lastStep && step !== 'writing') return;
    lastStep = step;
    report({ runId: request.runId, step, fraction, message });
  };
  const started = Date.now();
  // getDocumentLock is null outside a bound document (LockService reference); nothing can run without one.
  const lock = LockService.getDocumentLock();
  if (!lock) {
    throw new UserError(
      say(
        language,
        'Không lấy được khóa của bảng tính này (hãy mở Segment Tabs từ trong bảng tính rồi thử lại).',
        "Could not get this spreadsheet's lock (open Segment Tabs from inside the spreadsheet, then try again).",
      ),
    );
  }
  if (!lock.tryLock(LOCK_WAIT_MS)) {
    throw new UserError(
      say(
        language,
        'Đang có một lần chạy khác trong bảng tính này. Hãy đợi nó xong rồi thử lại.',
        'A run is in progress in this spreadsheet. Wait for it to finish, then try again.',
      ),
    );
  }
  try {
    progress('reading', 0, say(language, 'Đang đọc dữ liệu…', 'Reading the sheets…'));
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    const timeZone = spreadsheet.getSpreadsheetTimeZone();
    const input = {
      invoices: request.invoices ? sheetInput(spreadsheet, request.invoices, language) : undefined,
      customers: request.customers ? sheetInput(spreadsheet, request.customers, language) : undefined,
    };
    const owned = findOwnedTabs(spreadsheet);
    const savedValues = (role: TabRole) => {
      const tab = savedTab(owned, role);
      return tab ? readValues(tab.sheet) : undefined;
    };
    const options: EngineOptions = {
      ...DEFAULT_OPTIONS,
      asOf: request.settings.asOf,
      now,
      timeZone,
      levels: request.settings.levels,
      metrics: request.settings.metrics,
      breakpoints: request.settings.scoring === 'breakpoints' ? request.settings.breakpoints : undefined,
      monetary: request.settings.monetary,
      segmentTabs: request.settings.segmentTabs ?? true,
      language,
      saved: {
        history: savedValues('history'),
        snapshot: savedValues('snapshot'),
        definitions: savedValues('definitions'),
        campaigns: savedValues('campaigns'),
        campaignMembers: savedValues('campaign-members'),
      },
      onProgress: (step, fraction) => progress(step, fraction * 0.5, stepMessage(step, language)),
    };
    const result = runEngine(input, options);
    // Every tab's name and size, asked before the first write (the cell budget and name clashes need them).
    const survey = surveyWorkbook(spreadsheet);
    const outcome = writeTabs(spreadsheet, result.plan.tabs, owned, survey, REPLACED_ROLES, {
      run: request.runId,
      language,
      clock: zoneClock(timeZone),
      started,
      now: () => Date.now(),
      inputNames: [request.invoices?.name, request.customers?.name].filter(
        (name): name is string => name !== undefined,
      ),
      inputDataCells: [input.invoices, input.customers].reduce(
        (sum, sheet) =>
          sum +
          (sheet ? sheet.values.length * sheet.values.reduce((w, row) => Math.max(w, row.length), 0) : 0),
        0,
      ),
      onTab: (index, count, name) =>
        writingUpdateAt(index, count) &&
        progress(
          'writing',
          0.5 + (0.5 * index) / count,
          say(
            language,
            `Đang ghi tab ${index + 1}/${count}: ${name}`,
            `Writing tab ${index + 1} of ${count}: ${name}`,
          ),
        ),
    });
    const tabs = outcome.tabs;
    rememberRun([request.invoices, request.customers], request.settings);
    // The user lands on the Summary (one call; Sheets would otherwise stay on the tab they ran from).
    tabs.find((tab) => tab.role === 'summary')?.sheet.activate();
    progress('done', 1, say(language, 'Xong.', 'Done.'));
    const tabName = (key: string) => tabs.find((tab) => tab.key === key)?.name;
    return {
      runId: request.runId,
      asOf: result.summary.facts.asOf,
      segments: result.summary.segments.map((segment) => ({
        id: segment.id,
        name: segment.name,
        colour: segment.colour,
        customers: segment.customers,
        share: segment.share,
        revenue: segment.revenue,
        revenueShare: segment.revenueShare,
        tab: segment.tabKey ? tabName(segment.tabKey) : undefined,
        portrait: portraitLines(result, segment.id, tabName('portraits')),
      })),
      facts: factLines(result.summary.facts, language),
      warnings: [...result.summary.facts.warnings, ...writeNotes(outcome, language)],
      issueCount: result.issues.length,
      issues: issueLines(result.issues, language),
      words: Object.fromEntries(
        (['vi', 'en'] as const).map((words) => [
          words,
          {
            segmentNames: Object.fromEntries(
              result.summary.segments.map((segment) => [
                segment.id,
                SEGMENT_BY_ID.get(segment.id as SegmentId)?.name[words] ?? segment.name,
              ]),
            ),
            issues: issueLines(result.issues, words),
            campaigns: (result.summary.campaigns ?? []).map((campaign) => campaignSentence(campaign, words)),
          },
        ]),
      ),
      campaigns: (result.summary.campaigns ?? []).map((campaign) => ({
        name: campaign.record.name,
        start: formatDay(campaign.record.startDay),
        sentence: campaign.sentence,
      })),
      issuesTab: tabName('issues') ?? '',
      summaryTab: tabName('summary') ?? '',
      tabs: tabs.map((tab) => ({ key: tab.key, name: tab.name })),
    };
  } catch (error) {
    progress('failed', 1, error instanceof Error ? error.message : String(error));
    throw userFacing(error, language);
  } finally {
    lock.releaseLock();
  }
}

/** A segment's portrait for the sidebar: its top differences in both languages and its block's first cell. */
function portraitLines(
  result: EngineResult,
  segmentId: string,
  tab: string | undefined,
): SegmentResult['portrait'] {
  const portrait = result.summary.portraits?.portraits.find((candidate) => candidate.id === segmentId);
  const block = result.plan.tabs
    .find((candidate) => candidate.role === 'portraits')
    ?.blocks.find((candidate) => candidate.id === portraitBlockId(segmentId));
  if (!portrait || !block || tab === undefined) return undefined;
  const lines = (language: Language) =>
    portrait.small
      ? [
          say(
            language,
            `Dưới ${SMALL_GROUP} khách: xem số khách trong tab chân dung.`,
            `Under ${SMALL_GROUP} customers: see the counts in the portraits tab.`,
          ),
        ]
      : portrait.differences.length
        ? portrait.differences.map((difference) => differenceText(difference, language))
        : [say(language, 'Gần giống toàn bộ khách hàng.', 'Much like all customers.')];
  return { lines: { vi: lines('vi'), en: lines('en') }, tab, cell: `A${block.anchor.row}` };
}

/** The first data issues as the sidebar lists them, in `language`, with the cell parts for its link. */
function issueLines(issues: readonly DataIssue[], language: RunRequest['language']): IssueLine[] {
  return issues.slice(0, ISSUES_SHOWN).map((issue) => ({
    sheet: issue.sheet,
    cell: issueCell(issue),
    problem: ISSUE_LABELS[issue.code][language],
    message: issueMessage(issue, language),
    code: issue.code,
    row: issue.row,
    column: issue.column,
  }));
}

/** Whether tab `index` of `count` starts a new one of the WRITING_UPDATES equal parts of the write. */
function writingUpdateAt(index: number, count: number): boolean {
  const part = (at: number) => Math.floor((at * WRITING_UPDATES) / count);
  return index === 0 || part(index) !== part(index - 1);
}

function stepMessage(step: string, language: RunRequest['language']): string {
  const messages: Record<string, [string, string]> = {
    reading: ['Đang đọc dữ liệu…', 'Reading the sheets…'],
    parsing: ['Đang đọc ngày, tiền, số điện thoại…', 'Parsing dates, amounts, phones…'],
    matching: ['Đang ghép hóa đơn với khách hàng…', 'Matching invoices to customers…'],
    scoring: ['Đang chấm điểm RFM…', 'Scoring R, F and M…'],
    planning: ['Đang chuẩn bị các tab…', 'Preparing the tabs…'],
  };
  const [vi, en] = messages[step] ?? [step, step];
  return say(language, vi, en);
}

function factLines(facts: RunFacts, language: RunRequest['language']): RunResult['facts'] {
  const t = (vi: string, en: string) => say(language, vi, en);
  return [
    { label: t('Ngày tính', 'As-of date'), value: facts.asOf },
    { label: t('Khách hàng', 'Customers'), value: String(facts.customers) },
    { label: t('Đã mua hàng', 'Buyers'), value: String(facts.buyers) },
    { label: t('Hóa đơn hợp lệ', 'Invoices counted'), value: String(facts.invoices) },
    ...(facts.summaryMode
      ? []
      : [
          {
            label: t('Tổng doanh số', 'Total sales'),
            value: amountText(facts.totalSales, facts.moneyDigits, language),
          },
          {
            label: t('Doanh số khách lẻ', 'Walk-in sales'),
            value: amountText(facts.walkInSales, facts.moneyDigits, language),
          },
          {
            label: t('Tỷ lệ doanh thu của thành viên', 'Member share of sales'),
            value: `${Math.round(facts.memberShare * 1000) / 10}%`,
          },
        ]),
    { label: t('Dòng trùng', 'Duplicate rows'), value: String(facts.duplicateRows) },
    { label: t('Hóa đơn không khớp', 'Unmatched invoices'), value: String(facts.unmatchedInvoices) },
  ];
}

/** What the writer did that the user should know: tabs left by a run that died, a write in place. */
function writeNotes(outcome: WriteOutcome, language: RunRequest['language']): string[] {
  const notes: string[] = [];
  if (outcome.tidied.length > 0) {
    notes.push(
      say(
        language,
        `Lần chạy trước bị dừng giữa chừng; đã xóa các tab dở dang của nó: ${outcome.tidied.join(', ')}.`,
        `A previous run was stopped before it finished; its unfinished tabs were removed: ${outcome.tidied.join(', ')}.`,
      ),
    );
  }
  if (outcome.mode === 'in-place') {
    notes.push(
      say(
        language,
        'Bảng tính gần đầy (giới hạn 10 triệu ô): các tab được thay lần lượt từng tab thay vì ghi tất cả trước rồi mới đổi.',
        'The spreadsheet is close to its 10-million-cell limit: tabs were replaced one by one instead of all being written before any was swapped.',
      ),
    );
  }
  return notes;
}

/**
 * Engine and user errors pass as they are; a write that failed after replacing some tabs names them; anything
 * else says what failed and that nothing was lost.
 */
function userFacing(error: unknown, language: RunRequest['language']): Error {
  if (error instanceof UserError || error instanceof EngineError) return new Error(error.message);
  if (error instanceof PartialWriteError) {
    const detail = error.message.replace(/\.$/, '');
    const list = error.replaced.join(', ');
    return new Error(
      say(
        language,
        `Lần chạy thất bại: ${detail}. Các tab đã được thay: ${list}; các tab kết quả khác vẫn là của lần chạy trước. Hãy chạy lại.`,
        `The run failed: ${detail}. Already replaced: ${list}; the other result tabs are still the previous run's. Run again.`,
      ),
    );
  }
  // Apps Script's messages end with a full stop; the sentence below adds its own.
  const detail = (error instanceof Error ? error.message : String(error)).replace(/\.$/, '');
  return new Error(
    say(
      language,
      `Lần chạy thất bại: ${detail}. Các tab kết quả trước đó vẫn giữ nguyên.`,
      `The run failed: ${detail}. The previous result tabs are unchanged.`,
    ),
  );
}
