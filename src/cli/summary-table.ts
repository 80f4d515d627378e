/**
 * What the command line prints when a run succeeds: an aligned table of segments (customers, share, revenue)
 * and one line of run facts, or, with `--json`, the same as JSON in the stable shape `CliSummaryJson` below.
 */
import type { GroupResult } from '../core/campaigns/campaigns';
import { formatDay } from '../core/parse/time-zone';
import type { EngineResult, Language } from '../core/options';
import { amountText, say } from '../core/i18n';
import { columnLetter } from '../core/cell';
import type { PredictionSummary } from '../core/predict/predictions';
import { toMajor, moneyUnit } from '../core/money';
import type { Portrait, PortraitFieldId, PortraitShare } from '../core/portraits/portraits';

/**
 * The `--json` output (version 1). Fields are only ever added, never renamed or removed:
 * - `output`: absolute path of the written .xlsx; `tabs`: its sheet names in order;
 * - `asOf` (`yyyy-mm-dd`), `timeZone`, `language`, `levels`, `metrics` (as scored: summary-mode sheets may
 *   drop one), `method` (`quintile` | `breakpoints`), `monetary` (`total` | `average`);
 * - `customers`, `buyers`, `prospects`, `invoices` (counted up to the as-of day), `revenue` (net, in the
 *   shop's currency), `dataIssues` (rows of the Data-issues tab);
 * - `segments`: every RFM segment (also empty ones) then every filter segment, each with `id`, `kind`
 *   (`rfm` | `filter`), `name` (in `language`), `customers`, `share` (0–1), `revenue`, `revenueShare` (0–1);
 * - `facts`: `totalSales` (every counted sale), `memberSales` (= `revenue`), `walkInSales` (no customer),
 *   `unmatchedSales` (a reference no customer has), `memberShare` (0–1), `moneyDigits` (decimals of amounts),
 *   `warnings` (rejections of a small share of rows), `aliasJoin` (invoices joined through another customer id);
 * - `predictions` (absent in summary mode): `model` (`mbgnbd`), `timeUnit` (`day`), `parameters` (`r`,
 *   `alpha`, `a`, `b`, and `p`, `q`, `gamma` of the order values; absent when too few repeat buyers),
 *   `customersUsed`, `repeatBuyers`, `horizonDays`, `unavailable` (why there is no prediction), `calibration`;
 * - `portraits` (portraits/portraits.ts): `missing` (fields no customer has), and per group (`all` first, then
 *   each segment with members) `id`, `kind`, `name`, `customers`, `small` (under 30: counts only), `splits`
 *   (per field, each value's `count`, `share`, `baseCount`, `baseShare` and `index` when shown), `figures`
 *   (`buyers`, `medianSpend`, `meanSpend`, `averageOrder` in the currency, `medianDaysBetween`) and `differences`;
 * - `columns`: per sheet read, its kind, header row (1-based) and, per field, the column chosen (`column`
 *   letter, `header`, `confidence` 0–1, `basis`, `runnerUp`).
 */
export interface CliSummaryJson {
  version: 1;
  output: string;
  tabs: string[];
  asOf: string;
  timeZone: string;
  language: Language;
  levels: number;
  metrics: string;
  method: 'quintile' | 'breakpoints';
  monetary: 'total' | 'average';
  customers: number;
  buyers: number;
  prospects: number;
  invoices: number;
  revenue: number;
  dataIssues: number;
  facts: {
    totalSales: number;
    memberSales: number;
    walkInSales: number;
    unmatchedSales: number;
    memberShare: number;
    moneyDigits: number;
    warnings: string[];
    aliasJoin?: { referenceHeader: string; memberHeader: string; invoices: number };
    statuses: { status: string; verdict: 'purchase' | 'not-purchase'; invoices: number }[];
  };
  predictions?: PredictionSummary;
  portraits?: {
    missing: PortraitFieldId[];
    groups: (Pick<Portrait, 'id' | 'kind' | 'name' | 'customers' | 'small' | 'differences'> & {
      splits: { field: PortraitFieldId; rows: PortraitShare[] }[];
      figures: {
        buyers: number;
        medianSpend?: number;
        meanSpend?: number;
        averageOrder?: number;
        medianDaysBetween?: number;
      };
    })[];
  };
  columns: {
    sheet: string;
    kind: 'invoices' | 'customers';
    headerRow: number;
    fields: {
      field: string;
      column: string;
      header: string;
      confidence: number;
      basis?: string;
      runnerUp?: { column: string; header: string; confidence: number };
    }[];
  }[];
  segments: {
    id: string;
    kind: 'rfm' | 'filter';
    name: string;
    customers: number;
    share: number;
    revenue: number;
    revenueShare: number;
  }[];
  /** Every campaign's results at this as-of date (README, "Campaigns"); absent when there is none. */
  campaigns?: {
    name: string;
    start: string;
    segment: string;
    holdoutPercent: number;
    daysSince: number;
    treated: CampaignGroupJson;
    holdout: CampaignGroupJson;
    rateDifference: { difference: number; low: number; high: number };
    revenuePerCustomerDifference?: { difference: number; low: number; high: number };
    verdict: string;
    sentence: string;
  }[];
}

export interface CampaignGroupJson {
  customers: number;
  boughtWithin: (number | null)[];
  boughtSince: number;
  rate: number;
  revenue: number;
  revenuePerCustomer: number;
  movedToBetterSegment: number;
}

export function summaryJson(
  result: EngineResult,
  output: string,
  tabs: string[],
  language: Language,
): CliSummaryJson {
  const facts = result.summary.facts;
  return {
    version: 1,
    output,
    tabs,
    asOf: facts.asOf,
    timeZone: facts.timeZone,
    language,
    levels: facts.levels,
    metrics: facts.metrics,
    method: facts.method,
    monetary: facts.monetary,
    customers: facts.customers,
    buyers: facts.buyers,
    prospects: facts.prospects,
    invoices: facts.invoices,
    revenue: facts.revenue,
    dataIssues: facts.issues,
    facts: {
      totalSales: facts.totalSales,
      memberSales: facts.revenue,
      walkInSales: facts.walkInSales,
      unmatchedSales: facts.unmatchedSales,
      memberShare: facts.memberShare,
      moneyDigits: facts.moneyDigits,
      warnings: facts.warnings,
      statuses: facts.statuses,
      ...(facts.aliasJoin ? { aliasJoin: facts.aliasJoin } : {}),
    },
    ...(result.summary.predictions ? { predictions: result.summary.predictions } : {}),
    ...(result.summary.portraits ? { portraits: portraitsJson(result, facts.moneyDigits) } : {}),
    columns: result.columns.map((sheet) => ({
      sheet: sheet.sheet,
      kind: sheet.kind,
      headerRow: sheet.headerRow + 1,
      fields: sheet.matches.map((match) => ({
        field: match.field,
        column: columnLetter(match.column),
        header: match.header,
        confidence: match.confidence,
        ...(match.basis ? { basis: match.basis } : {}),
        ...(match.runnerUp
          ? {
              runnerUp: {
                column: columnLetter(match.runnerUp.column),
                header: match.runnerUp.header,
                confidence: match.runnerUp.confidence,
              },
            }
          : {}),
      })),
    })),
    segments: result.summary.segments.map((segment) => ({
      id: segment.id,
      kind: segment.kind,
      name: segment.name,
      customers: segment.customers,
      share: segment.share,
      revenue: segment.revenue,
      revenueShare: segment.revenueShare,
    })),
    ...(result.summary.campaigns
      ? {
          campaigns: result.summary.campaigns.map((campaign) => ({
            name: campaign.record.name,
            start: formatDay(campaign.record.startDay),
            segment: campaign.record.segmentKey,
            holdoutPercent: campaign.record.holdoutPercent,
            daysSince: campaign.daysSince,
            treated: groupJson(campaign.treated),
            holdout: groupJson(campaign.holdout),
            rateDifference: campaign.rate,
            ...(campaign.revenue ? { revenuePerCustomerDifference: campaign.revenue } : {}),
            verdict: campaign.verdict,
            sentence: campaign.sentence,
          })),
        }
      : {}),
  };
}

function groupJson(group: GroupResult): CampaignGroupJson {
  return {
    customers: group.customers,
    // 7, 30 and 60 days; null while the window is still open.
    boughtWithin: group.within.map((count) => count ?? null),
    boughtSince: group.since,
    rate: group.rate,
    revenue: group.revenue,
    revenuePerCustomer: group.revenuePerCustomer,
    movedToBetterSegment: group.movedUp,
  };
}

/** Characters a terminal shows for a text: Vietnamese letters may arrive decomposed (NFD). */
function displayWidth(text: string): number {
  return [...text.normalize('NFC')].length;
}

function pad(text: string, width: number, align: 'left' | 'right'): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return align === 'left' ? text + fill : fill + text;
}

/** Rows of cells as aligned text: first column left, the others right, two spaces between columns. */
export function alignColumns(rows: string[][]): string[] {
  const widths: number[] = [];
  for (const row of rows)
    row.forEach((cell, c) => (widths[c] = Math.max(widths[c] ?? 0, displayWidth(cell))));
  return rows.map((row) =>
    row
      .map((cell, c) => pad(cell, widths[c]!, c === 0 ? 'left' : 'right'))
      .join('  ')
      .trimEnd(),
  );
}

/**
 * The terminal table: one line per segment that has customers (filter segments after a blank line), a total
 * line, then as-of day, invoices and data issues, and where the workbook was written.
 */
export function summaryTable(
  result: EngineResult,
  output: string,
  language: Language,
  issuesTab: string | undefined,
): string {
  const locale = language === 'vi' ? 'vi-VN' : 'en-US';
  const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const percent = new Intl.NumberFormat(locale, {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
  const facts = result.summary.facts;
  const money = (value: number) => amountText(value, facts.moneyDigits, language);
  const header = [
    say(language, 'Phân khúc', 'Segment'),
    say(language, 'Khách hàng', 'Customers'),
    say(language, 'Tỷ lệ', 'Share'),
    say(language, 'Doanh thu', 'Revenue'),
  ];
  const line = (name: string, customers: number, share: number, revenue: number) => [
    name,
    integer.format(customers),
    percent.format(share),
    money(revenue),
  ];
  const segments = result.summary.segments.filter((segment) => segment.customers > 0);
  const rows = [
    header,
    ...segments.filter((s) => s.kind === 'rfm').map((s) => line(s.name, s.customers, s.share, s.revenue)),
    line(say(language, 'Tổng', 'Total'), facts.customers, facts.customers ? 1 : 0, facts.revenue),
  ];
  const filters = segments.filter((s) => s.kind === 'filter');
  const aligned = alignColumns([
    ...rows,
    ...filters.map((s) => line(s.name, s.customers, s.share, s.revenue)),
  ]);
  const rule = '─'.repeat(Math.max(...aligned.map(displayWidth)));
  const table = [aligned[0]!, rule, ...aligned.slice(1, rows.length - 1), rule, aligned[rows.length - 1]!];
  if (filters.length) table.push('', ...aligned.slice(rows.length));
  const issues =
    facts.issues === 0
      ? say(language, 'không có lỗi dữ liệu', 'no data issues')
      : say(
          language,
          `${integer.format(facts.issues)} lỗi dữ liệu${issuesTab ? ` (xem tab "${issuesTab}")` : ''}`,
          `${integer.format(facts.issues)} data issue${facts.issues === 1 ? '' : 's'}${issuesTab ? ` (see the "${issuesTab}" tab)` : ''}`,
        );
  const sales = facts.summaryMode
    ? []
    : [
        say(
          language,
          `Tổng doanh số ${money(facts.totalSales)} · thành viên ${money(facts.revenue)} (${percent.format(facts.memberShare)}) · khách lẻ ${money(facts.walkInSales)}${facts.unmatchedSales ? ` · không khớp khách ${money(facts.unmatchedSales)}` : ''}`,
          `Total sales ${money(facts.totalSales)} · members ${money(facts.revenue)} (${percent.format(facts.memberShare)}) · walk-in ${money(facts.walkInSales)}${facts.unmatchedSales ? ` · unmatched ${money(facts.unmatchedSales)}` : ''}`,
        ),
      ];
  const campaigns = result.summary.campaigns ?? [];
  if (campaigns.length)
    table.push(
      '',
      say(language, 'Kết quả chiến dịch:', 'Campaign results:'),
      ...campaigns.map(
        (campaign) =>
          `  ${campaign.record.name} (${formatDay(campaign.record.startDay)}): ${campaign.sentence}`,
      ),
    );
  const warnings = facts.warnings.map((warning) => `⚠ ${warning}`);
  if (warnings.length) table.unshift(...warnings, '');
  table.push(
    '',
    ...sales,
    say(
      language,
      `Tính đến ${facts.asOf} · ${integer.format(facts.invoices)} hóa đơn · ${issues}`,
      `As of ${facts.asOf} · ${integer.format(facts.invoices)} invoices · ${issues}`,
    ),
    say(language, `Đã ghi: ${output}`, `Written: ${output}`),
  );
  return table.join('\n') + '\n';
}

function portraitsJson(result: EngineResult, moneyDigits: number): NonNullable<CliSummaryJson['portraits']> {
  const portraits = result.summary.portraits!;
  const unit = moneyUnit(moneyDigits);
  const major = (minor?: number) => (minor === undefined ? undefined : toMajor(minor, unit));
  return {
    missing: portraits.missing,
    groups: portraits.portraits.map((portrait) => ({
      id: portrait.id,
      kind: portrait.kind,
      name: portrait.name,
      customers: portrait.customers,
      small: portrait.small,
      splits: portrait.splits,
      figures: {
        buyers: portrait.figures.buyers,
        medianSpend: major(portrait.figures.medianSpendMinor),
        meanSpend: major(portrait.figures.meanSpendMinor),
        averageOrder: major(portrait.figures.averageOrderMinor),
        medianDaysBetween: portrait.figures.medianDaysBetween,
      },
      differences: portrait.differences,
    })),
  };
}
