/**
 * The engine end to end: sheets as 2-D arrays in, customers with scores and segments, data issues, the run's
 * summary and the plan of output tabs out. Pure: every face (Apps Script, CLI, preview) calls this one function.
 */
import { EngineError } from './errors';
import { say } from './i18n';
import { IdentityIndex } from './identity/identity-index';
import { matchInvoices } from './identity/match-invoices';
import { readCustomers } from './identity/read-customers';
import type { DataIssue } from './issues';
import type { Invoice } from './invoices/invoice';
import { readInvoices, type InvoiceReading } from './invoices/read-invoices';
import {
  afterAsOfReporter,
  buildCustomerRecords,
  summaryTotals,
  totalPurchases,
} from './metrics/customer-metrics';
import type { CustomerRecord } from './model';
import type { EngineInput, EngineOptions, EngineResult, MetricSet, SheetInput } from './options';
import { dayNumber, dayNumberFromYmd, formatDay, zoneClock, type ZoneClock } from './parse/time-zone';
import { buildPlan } from './plan/build-plan';
import { NEUTRAL_HEADER } from './plan/colours';
import { portraitsTab } from './plan/portraits-tab';
import { computePortraits, type PortraitGroup, type Portraits } from './portraits/portraits';
import { historyTabs, runFilterSegments } from './plan/saved-segments';
import { readSnapshot, updateSnapshot } from './history/snapshot';
import { assignScores } from './rfm/assign';
import { SEGMENT_BY_ID, SEGMENTS } from './rfm/segment-catalogue';
import { purchasesByKey } from './campaigns/campaigns';
import { planCampaigns } from './plan/campaign-tabs';
import { segmentFigures, spendMinorOf, type RunFacts, type RunSummary, type SegmentSummary } from './summary';
import { isExactSum, moneyUnit, toMajor, type MoneyUnit } from './money';
import { checkUnderstood } from './understood';
import { HORIZON_DAYS, predictCustomers } from './predict/predictions';
import { findAliasColumns, resolveAliases, withAliasColumns } from './identity/aliases';
import { openSheet, type SheetTable } from './table/sheet-table';

const SKIPPED_ROW_CODES = new Set(['blank-row', 'repeated-header', 'totals-row', 'title-row']);

function clockFor(zone: string, language: EngineOptions['language']): ZoneClock {
  try {
    return zoneClock(zone);
  } catch {
    throw new EngineError(
      'bad-time-zone',
      say(language, `Múi giờ không hợp lệ: "${zone}".`, `Unknown time zone "${zone}".`),
    );
  }
}

/** As-of day: today on the spreadsheet's clock, the latest purchase in the data, or a given `yyyy-mm-dd`. */
function resolveAsOf(options: EngineOptions, clock: ZoneClock, latestDay: number | undefined): number {
  if (options.asOf === 'today') return dayNumber(clock.toLocalMs(options.now));
  if (options.asOf === 'latest') return latestDay ?? dayNumber(clock.toLocalMs(options.now));
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(options.asOf);
  const day = match ? dayNumberFromYmd(Number(match[1]), Number(match[2]), Number(match[3])) : NaN;
  if (!match || formatDay(day) !== options.asOf) {
    throw new EngineError(
      'bad-option',
      say(
        options.language,
        `Ngày tính "${options.asOf}" không hợp lệ: cần dạng YYYY-MM-DD, "today" hoặc "latest".`,
        `As-of date "${options.asOf}" is not valid: expected YYYY-MM-DD, "today" or "latest".`,
      ),
    );
  }
  return day;
}

function summaryModeMetrics(
  table: SheetTable,
  wanted: MetricSet,
  language: EngineOptions['language'],
): MetricSet {
  const has = (field: Parameters<SheetTable['columnOf']>[0]) => table.columnOf(field) >= 0;
  if (!has('lastPurchaseDate') || (!has('totalSpent') && !has('invoiceCount'))) {
    throw new EngineError(
      'missing-columns',
      say(
        language,
        `Không có sheet hóa đơn, và sheet "${table.name}" không có cột ngày mua cuối và tổng bán để tính RFM.`,
        `No invoice sheet, and sheet "${table.name}" has no last-purchase and total-spent columns to compute RFM from.`,
      ),
      { sheet: table.name, details: table.headers },
    );
  }
  const available = new Set([
    'r',
    ...(has('invoiceCount') ? ['f'] : []),
    ...(has('totalSpent') ? ['m'] : []),
  ]);
  const kept = [...wanted].filter((metric) => available.has(metric)).join('');
  if (kept === wanted) return wanted;
  if (kept.length >= 2) return kept as MetricSet;
  return (has('totalSpent') ? 'rm' : 'rf') as MetricSet;
}

function segmentSummaries(
  customers: CustomerRecord[],
  language: EngineOptions['language'],
  present: Set<string>,
  unit: MoneyUnit,
): SegmentSummary[] {
  const totalRevenueMinor = spendMinorOf(customers);
  return SEGMENTS.map((segment) => {
    const members = customers.filter((customer) => customer.segmentId === segment.id);
    return {
      id: segment.id,
      kind: 'rfm' as const,
      name: segment.name[language],
      colour: segment.colour,
      action: segment.action[language],
      ...segmentFigures(members, customers, totalRevenueMinor, unit),
      tabKey: present.has(segment.id) ? `segment:${segment.id}` : undefined,
    };
  });
}

/**
 * Sales on or before the as-of date, in minor units: all counted invoices (net, returns included), those of
 * walk-in customers (no reference) and those whose reference matched no customer of the customer sheet.
 */
function salesTotals(
  invoices: readonly Invoice[],
  customerOf: Int32Array,
  asOfDay: number,
): { total: number; walkIn: number; unmatched: number } {
  let total = 0;
  let walkIn = 0;
  let unmatched = 0;
  for (let i = 0; i < invoices.length; i++) {
    const invoice = invoices[i]!;
    if (invoice.day > asOfDay) continue;
    total += invoice.amountMinor;
    if (customerOf[i]! >= 0) continue;
    const ref = invoice.ref;
    if (ref.code || ref.phone || ref.email) unmatched += invoice.amountMinor;
    else walkIn += invoice.amountMinor;
  }
  return { total, walkIn, unmatched };
}

/** The portraits of every segment with members: RFM segments in catalogue order, then the filter segments. */
function segmentPortraits(
  customers: readonly CustomerRecord[],
  segments: readonly SegmentSummary[],
  filterMembers: ReadonlyMap<string, number[]>,
  language: EngineOptions['language'],
): Portraits {
  const bySegment = new Map<string, CustomerRecord[]>();
  for (const customer of customers) {
    const members = bySegment.get(customer.segmentId) ?? [];
    members.push(customer);
    bySegment.set(customer.segmentId, members);
  }
  const groups: PortraitGroup[] = segments
    .map((segment) => ({
      id: segment.id,
      kind: segment.kind,
      name: segment.name,
      colour: segment.colour,
      members:
        segment.kind === 'rfm'
          ? (bySegment.get(segment.id) ?? [])
          : (filterMembers.get(segment.id) ?? []).map((index) => customers[index]!),
    }))
    .filter((group) => group.members.length > 0);
  return computePortraits(
    customers,
    groups,
    say(language, 'Toàn bộ khách hàng', 'All customers'),
    NEUTRAL_HEADER,
  );
}

/** When the run happened, `yyyy-mm-dd hh:mm` on the spreadsheet's clock (History's first column). */
function ranAtText(now: number, clock: ZoneClock): string {
  const local = clock.toLocalMs(now);
  return `${formatDay(dayNumber(local))} ${new Date(local).toISOString().slice(11, 16)}`;
}

export function runEngine(input: EngineInput, options: EngineOptions): EngineResult {
  const language = options.language;
  const progress = options.onProgress ?? (() => undefined);
  if (!input.invoices && !input.customers) {
    throw new EngineError(
      'no-input',
      say(
        language,
        'Hãy chọn sheet hóa đơn hoặc sheet khách hàng.',
        'Choose an invoice sheet or a customer sheet.',
      ),
    );
  }
  const clock = clockFor(options.timeZone, language);
  const cellClock = clockFor(options.dateCellZone ?? options.timeZone, language);
  const issues: DataIssue[] = [];
  for (const sheet of [input.customers, input.invoices])
    if (sheet?.readIssues) issues.push(...sheet.readIssues);

  progress('reading', 0);
  const open = (sheet: SheetInput | undefined, kind: 'invoices' | 'customers') =>
    sheet ? openSheet(sheet, kind, language) : undefined;
  const invoiceTable = open(input.invoices, 'invoices');
  const openedCustomers = open(input.customers, 'customers');
  const alias = invoiceTable && openedCustomers ? findAliasColumns(invoiceTable, openedCustomers) : undefined;
  const customerTable = openedCustomers && alias ? withAliasColumns(openedCustomers, alias) : openedCustomers;
  for (const table of [customerTable, invoiceTable]) if (table) issues.push(...table.issues);

  progress('parsing', 0.1);
  // One minor unit for the run (money.ts): the most decimals either sheet's amounts are written with.
  const unit = moneyUnit(Math.max(invoiceTable?.moneyDigits ?? 0, customerTable?.moneyDigits ?? 0));
  const index = new IdentityIndex(customerTable?.dataRows.length);
  const customerRows = customerTable
    ? readCustomers(customerTable, cellClock, index, issues, unit, dayNumber(clock.toLocalMs(options.now)))
    : 0;
  const reading: InvoiceReading = invoiceTable
    ? readInvoices(invoiceTable, cellClock, issues, unit)
    : { invoices: [], cancelled: 0, duplicateRows: 0, unreadable: 0, statuses: [] };
  const invoices: Invoice[] = reading.invoices;

  progress('matching', 0.5);
  const aliasInvoices = alias ? resolveAliases(invoices, index) : 0;
  const matching = invoiceTable
    ? matchInvoices(invoices, index, customerTable?.name, invoiceTable.name, issues)
    : { customerOf: new Int32Array(0), walkIns: 0, unmatched: 0 };
  let latest: number | undefined;
  for (const invoice of invoices)
    if (invoice.amountMinor > 0 && (latest === undefined || invoice.day > latest)) latest = invoice.day;
  const summaryMode = !invoiceTable;
  if (summaryMode)
    for (const draft of index.customers)
      if (draft.lastPurchaseDay !== undefined) latest = Math.max(latest ?? -Infinity, draft.lastPurchaseDay);
  const asOfDay = resolveAsOf(options, clock, latest);
  const metrics = summaryMode
    ? summaryModeMetrics(customerTable!, options.metrics, language)
    : options.metrics;
  const totals = summaryMode
    ? summaryTotals(index.customers, asOfDay)
    : totalPurchases(
        index.customers.length,
        invoices,
        matching.customerOf,
        asOfDay,
        afterAsOfReporter(invoiceTable, asOfDay, issues),
      );
  const customers = buildCustomerRecords(index.customers, totals, invoices, asOfDay, options.monetary, unit);
  const sales = salesTotals(invoices, matching.customerOf, asOfDay);
  const memberSalesMinor = spendMinorOf(customers);
  if (!isExactSum(sales.total) || !isExactSum(memberSalesMinor) || !isExactSum(sales.walkIn)) {
    throw new EngineError(
      'bad-option',
      say(
        language,
        'Tổng doanh thu quá lớn để cộng chính xác (quá 9 triệu tỷ đơn vị nhỏ nhất): hãy chia dữ liệu thành nhiều phần.',
        'Total sales are too large to add exactly (over 9 × 10^15 minor units): split the data into parts.',
      ),
    );
  }
  const countedInvoices = invoices.filter(
    (invoice) => invoice.day <= asOfDay && invoice.amountMinor > 0,
  ).length;
  const warnings = checkUnderstood({
    invoiceTable,
    customerTable,
    issues,
    invoices: invoiceTable ? countedInvoices : 1,
    invoicesRead: reading.invoices.length + reading.cancelled + reading.unreadable,
    customers: customers.length,
    invoicesAfterAsOf: totals.afterAsOf,
    cancelledInvoices: reading.cancelled,
    language,
  });

  progress('scoring', 0.7);
  const scoreStats = assignScores(customers, {
    levels: options.levels,
    metrics,
    breakpoints: options.breakpoints,
    segmentMap: options.segmentMap,
  });

  let predictions: RunSummary['predictions'];
  if (!summaryMode) {
    const predicted = predictCustomers(
      customers,
      invoices,
      matching.customerOf,
      asOfDay,
      unit,
      options.predictionDays ?? HORIZON_DAYS,
    );
    predictions = predicted.summary;
    const per = predicted.perCustomer;
    if (per) {
      customers.forEach((customer, i) => {
        const pAlive = per.pAlive[i]!;
        if (pAlive !== pAlive) return;
        customer.pAlive = pAlive;
        customer.expectedPurchases = per.expectedPurchases[i]!;
        const value = per.predictedValue[i]!;
        if (value === value) customer.predictedValue = Math.round(value * unit.perMajor) / unit.perMajor;
      });
    }
  }

  progress('planning', 0.85);
  const asOf = formatDay(asOfDay);
  // The snapshot sets each customer's previous segment and "segment since" before the tabs are planned.
  const snapshot = options.saved
    ? updateSnapshot(readSnapshot(options.saved.snapshot), customers, asOfDay)
    : undefined;
  const filters = runFilterSegments(
    options.saved,
    options.filterSegments,
    customers,
    asOfDay,
    language,
    issues,
    unit,
  );
  const segmentTabs = options.segmentTabs ?? true;
  // Segments with a tab of their own (the faces link to them): none when per-segment tabs are off.
  const present = new Set(segmentTabs ? customers.map((customer) => customer.segmentId) : []);
  const buyers = customers.filter((customer) => customer.frequency > 0).length;
  const count = (code: DataIssue['code']) => issues.filter((issue) => issue.code === code).length;
  const facts: RunFacts = {
    asOf,
    asOfDay,
    timeZone: options.timeZone,
    invoiceSheet: invoiceTable?.name,
    customerSheet: customerTable?.name,
    invoiceRows: invoiceTable?.dataRows.length ?? 0,
    customerRows,
    invoices: invoices.filter((invoice) => invoice.day <= asOfDay).length,
    customers: customers.length,
    buyers,
    prospects: customers.length - buyers,
    revenue: toMajor(memberSalesMinor, unit),
    totalSales: summaryMode ? toMajor(memberSalesMinor, unit) : toMajor(sales.total, unit),
    walkInSales: toMajor(sales.walkIn, unit),
    unmatchedSales: toMajor(sales.unmatched, unit),
    memberShare: summaryMode ? 1 : sales.total > 0 ? memberSalesMinor / sales.total : 0,
    moneyDigits: unit.digits,
    warnings,
    walkInInvoices: matching.walkIns,
    ...(alias && customerTable
      ? {
          aliasJoin: {
            referenceHeader: customerTable.headers[alias.reference] ?? '',
            memberHeader: customerTable.headers[alias.member] ?? '',
            invoices: aliasInvoices,
          },
        }
      : {}),
    unmatchedInvoices: matching.unmatched,
    mergedCustomerRows: count('merged-customers'),
    duplicateRows: count('duplicate-row'),
    cancelledInvoices: reading.cancelled,
    statuses: reading.statuses,
    unreadableInvoices: reading.unreadable,
    invoicesAfterAsOf: totals.afterAsOf,
    rowsSkipped: issues.filter((issue) => SKIPPED_ROW_CODES.has(issue.code)).length,
    issues: issues.length,
    summaryMode,
    metrics,
    levels: options.levels,
    method: options.breakpoints ? 'breakpoints' : 'quintile',
    monetary: options.monetary,
  };
  const segments = [
    ...segmentSummaries(customers, language, present, unit),
    ...filters.summaries.map((summary) => (segmentTabs ? summary : { ...summary, tabKey: undefined })),
  ];
  const campaigns = planCampaigns({
    saved: options.saved,
    starts: options.startCampaigns ?? [],
    customers,
    segmentMembers: (key) =>
      SEGMENT_BY_ID.has(key)
        ? customers.flatMap((customer, i) => (customer.segmentId === key ? [i] : []))
        : filters.members.get(key),
    segmentName: (key) => segments.find((segment) => segment.id === key)?.name ?? key,
    // Only campaigns read purchases after a start: a run without any does not build the map.
    purchases:
      options.saved?.campaigns || options.startCampaigns?.length
        ? purchasesByKey(invoices, matching.customerOf, customers)
        : new Map(),
    asOfDay,
    unit,
    language,
  });
  const portraits = segmentPortraits(customers, segments, filters.members, language);
  const summary: RunSummary = {
    segments,
    facts,
    scoreStats,
    ...(predictions ? { predictions } : {}),
    ...(campaigns.results.length ? { campaigns: campaigns.results } : {}),
    portraits,
  };
  const plan = buildPlan(summary, customers, issues, options.levels, language, segmentTabs);
  if (segmentTabs) plan.tabs.splice(plan.tabs.length - 1, 0, ...filters.tabs);
  // One tab whatever `segmentTabs` says: it is what the per-segment tabs cannot show, at the cost of one tab.
  plan.tabs.splice(plan.tabs.length - 1, 0, portraitsTab(portraits, unit, language));
  plan.tabs.push(...campaigns.tabs);
  if (options.saved && snapshot) {
    const stores = [...new Set(invoices.map((invoice) => invoice.store).filter(Boolean))].sort();
    const ranAt = ranAtText(options.now, clock);
    plan.tabs.push(
      ...historyTabs(options.saved, snapshot, segments, asOf, ranAt, stores, language, portraits),
    );
  }
  if (unit.digits > 0) for (const tab of plan.tabs) tab.moneyDigits = unit.digits;
  progress('planning', 1);
  const columns = [invoiceTable, customerTable]
    .filter((table): table is SheetTable => table !== undefined)
    .map((table) => ({
      sheet: table.name,
      kind: table.kind,
      headerRow: table.headerRow,
      matches: table.matches,
    }));
  return {
    columns,
    customers,
    issues,
    summary,
    plan,
    ...(campaigns.started.length ? { startedCampaigns: campaigns.started } : {}),
  };
}
