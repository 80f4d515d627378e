/**
 * The Summary tab: per segment (customers, share, revenue, share of revenue, mean R/F/M, suggested action) with
 * a colour chip; the R×F grid coloured as a heat map; a chart of customers per segment; the run's facts; and per
 * metric the cut values and the count in each score, so a user sees why a score may be empty.
 */
import type { CustomerRecord } from '../model';
import type { Language } from '../options';
import { say, wholeNumberText } from '../i18n';
import type { RunSummary } from '../summary';
import { MIN_REPEAT_BUYERS } from '../predict/predictions';
import { chip, headerBand, heatColour, NEUTRAL_HEADER, SUMMARY_TAB } from './colours';
import { TAB_NAMES } from './labels';
import type { BlockPlan, ColumnKind, PlanValue, TabPlan } from './types';

/** A fact: its label, its value and, for a number, the kind that formats it (a count when absent). */
type FactRow = [string, PlanValue, ColumnKind?];

const METRIC_NAMES = {
  r: { vi: 'R (số ngày từ lần mua cuối)', en: 'R (days since last purchase)' },
  f: { vi: 'F (số hóa đơn)', en: 'F (invoices)' },
  m: { vi: 'M (chi tiêu)', en: 'M (spend)' },
} as const;

function block(
  id: string,
  title: string,
  anchor: { row: number; column: number },
  partial: Omit<BlockPlan, 'id' | 'title' | 'anchor' | 'headerColour' | 'headerFontColour'>,
): BlockPlan {
  return {
    id,
    title,
    anchor,
    ...headerBand(NEUTRAL_HEADER),
    ...partial,
  };
}

function segmentsBlock(summary: RunSummary, anchorRow: number, language: Language): BlockPlan {
  const t = (vi: string, en: string) => say(language, vi, en);
  const round1 = (value?: number) => (value === undefined ? null : Math.round(value * 10) / 10);
  const rows: PlanValue[][] = summary.segments.map((segment) => [
    segment.name,
    segment.customers,
    segment.share,
    segment.revenue,
    segment.revenueShare,
    round1(segment.meanR),
    round1(segment.meanF),
    round1(segment.meanM),
    segment.action,
  ]);
  return block(
    'segments',
    t('Phân khúc', 'Segments'),
    { row: anchorRow, column: 1 },
    {
      columns: [
        { header: t('Phân khúc', 'Segment'), kind: 'text', width: 170 },
        { header: t('Khách hàng', 'Customers'), kind: 'integer', width: 90 },
        { header: t('Tỷ lệ', 'Share'), kind: 'percent', width: 70 },
        { header: t('Doanh thu', 'Revenue'), kind: 'money', width: 130 },
        { header: t('Tỷ lệ doanh thu', 'Share of revenue'), kind: 'percent', width: 120 },
        { header: t('R trung bình', 'Mean R'), kind: 'number', width: 95 },
        { header: t('F trung bình', 'Mean F'), kind: 'number', width: 95 },
        { header: t('M trung bình', 'Mean M'), kind: 'number', width: 95 },
        { header: t('Gợi ý hành động', 'Suggested action'), kind: 'text', width: 320 },
      ],
      rows,
      cellColours: { fromColumn: 0, colours: summary.segments.map((segment) => [chip(segment.colour)]) },
    },
  );
}

/** Customers per R score (rows, best first) × F score (columns): where the base sits at a glance. */
function gridBlock(
  customers: readonly CustomerRecord[],
  levels: number,
  anchorRow: number,
  language: Language,
): BlockPlan {
  const counts: number[][] = Array.from({ length: levels }, () => new Array<number>(levels).fill(0));
  for (const customer of customers) {
    if (customer.r > 0 && customer.f > 0) counts[levels - customer.r]![customer.f - 1]!++;
  }
  const max = Math.max(0, ...counts.flat());
  return block(
    'rf-grid',
    say(language, 'Lưới R × F (số khách hàng)', 'R × F grid (customers)'),
    { row: anchorRow, column: 1 },
    {
      columns: [
        { header: 'R \\ F', kind: 'text' },
        ...Array.from({ length: levels }, (_, f) => ({ header: `F${f + 1}`, kind: 'integer' as const })),
      ],
      rows: counts.map((row, i) => [`R${levels - i}`, ...row]),
      cellColours: {
        fromColumn: 1,
        colours: counts.map((row) => row.map((count) => heatColour(count, max))),
      },
    },
  );
}

/**
 * Total sales split into identified customers (members) and walk-in sales, with the member share of revenue:
 * a loyalty programme's key figure. Summary mode has no invoices, so only the members' spend.
 */
function salesRows(facts: RunSummary['facts'], language: Language): FactRow[] {
  const t = (vi: string, en: string) => say(language, vi, en);
  const money = (value: number): [PlanValue, ColumnKind] => [value, 'money'];
  if (facts.summaryMode) return [[t('Doanh thu', 'Revenue'), ...money(facts.revenue)]];
  const rows: FactRow[] = [
    [t('Tổng doanh số', 'Total sales'), ...money(facts.totalSales)],
    [t('Doanh thu từ khách thành viên', 'Sales to identified customers'), ...money(facts.revenue)],
    [t('Doanh số khách lẻ', 'Walk-in sales'), ...money(facts.walkInSales)],
  ];
  if (facts.unmatchedSales !== 0)
    rows.push([
      t('Doanh số không khớp khách hàng', 'Sales matching no customer'),
      ...money(facts.unmatchedSales),
    ]);
  rows.push([
    t('Tỷ lệ doanh thu của thành viên', 'Member share of sales'),
    Math.round(facts.memberShare * 1000) / 1000,
    'percent',
  ]);
  return rows;
}

/** Rejections of a small share of rows (understood.ts): the first thing the Summary shows. */
function warningsBlock(summary: RunSummary, language: Language): BlockPlan {
  return block(
    'warnings',
    say(language, 'Cần kiểm tra', 'Check these'),
    { row: 1, column: 1 },
    {
      columns: [{ header: say(language, 'Cảnh báo', 'Warning'), kind: 'text', width: 700 }],
      rows: summary.facts.warnings.map((warning) => [`⚠ ${warning}`]),
    },
  );
}

function factsBlock(summary: RunSummary, anchorRow: number, language: Language): BlockPlan {
  const t = (vi: string, en: string) => say(language, vi, en);
  const facts = summary.facts;
  const rows: FactRow[] = [
    [t('Ngày tính', 'As-of date'), facts.asOf],
    [t('Múi giờ', 'Time zone'), facts.timeZone],
    [t('Sheet hóa đơn', 'Invoice sheet'), facts.invoiceSheet ?? t('(không có)', '(none)')],
    [t('Sheet khách hàng', 'Customer sheet'), facts.customerSheet ?? t('(không có)', '(none)')],
    [t('Dòng hóa đơn đã đọc', 'Invoice rows read'), facts.invoiceRows],
    [t('Dòng khách hàng đã đọc', 'Customer rows read'), facts.customerRows],
    [t('Dòng bỏ qua (trống, tiêu đề, tổng)', 'Rows skipped (blank, header, totals)'), facts.rowsSkipped],
    [t('Hóa đơn hợp lệ', 'Invoices counted'), facts.invoices],
    [t('Hóa đơn hủy/trả', 'Cancelled or returned invoices'), facts.cancelledInvoices],
    ...facts.statuses.map((seen): FactRow => [
      t(`Trạng thái "${seen.status}"`, `Status "${seen.status}"`),
      `${wholeNumberText(seen.invoices, language)} ${
        seen.verdict === 'purchase'
          ? t('tính là mua hàng', 'counted as purchases')
          : t('không tính', 'not counted')
      }`,
    ]),
    [t('Dòng trùng (dán hai lần)', 'Duplicate rows (pasted twice)'), facts.duplicateRows],
    [t('Hóa đơn khách lẻ', 'Walk-in invoices'), facts.walkInInvoices],
    ...(facts.aliasJoin
      ? ([
          [
            t('Hóa đơn ghép qua mã khác của khách', 'Invoices joined through another customer id'),
            `${wholeNumberText(facts.aliasJoin.invoices, language)} (${facts.aliasJoin.referenceHeader} → ${facts.aliasJoin.memberHeader})`,
          ],
        ] as FactRow[])
      : []),
    [t('Hóa đơn không khớp khách hàng', 'Invoices matching no customer'), facts.unmatchedInvoices],
    [t('Hóa đơn thiếu ngày/số tiền', 'Invoices without date or amount'), facts.unreadableInvoices],
    [t('Hóa đơn sau ngày tính', 'Invoices after the as-of date'), facts.invoicesAfterAsOf],
    [t('Dòng khách hàng đã gộp', 'Customer rows merged'), facts.mergedCustomerRows],
    [t('Khách hàng', 'Customers'), facts.customers],
    [t('Đã mua hàng', 'Buyers'), facts.buyers],
    [t('Chưa mua hàng', 'Prospects'), facts.prospects],
    ...salesRows(facts, language),
    [t('Lỗi dữ liệu', 'Data issues'), facts.issues],
    [t('Chỉ số dùng', 'Metrics'), facts.metrics.toUpperCase()],
    [t('Số mức điểm', 'Score levels'), facts.levels],
    [
      t('Cách chấm điểm', 'Scoring'),
      facts.method === 'quintile'
        ? t('Ngũ phân vị', 'Quintiles')
        : t('Ngưỡng của cửa hàng', "Shop's breakpoints"),
    ],
    [
      t('M tính theo', 'M measures'),
      facts.monetary === 'total'
        ? t('Tổng chi tiêu', 'Total spend')
        : t('Giá trị TB/hóa đơn', 'Average order'),
    ],
    [
      t('Chế độ tóm tắt (chỉ sheet khách hàng)', 'Summary mode (customer sheet only)'),
      facts.summaryMode ? t('Có', 'Yes') : t('Không', 'No'),
    ],
  ];
  return block(
    'facts',
    t('Thông tin lần chạy', 'Run facts'),
    { row: anchorRow, column: 1 },
    {
      columns: [
        { header: t('Mục', 'Item'), kind: 'text', width: 260 },
        { header: t('Giá trị', 'Value'), kind: 'text', width: 130 },
      ],
      // One column holds text, counts, money and a share: each number stays a number, with its own format.
      rows: rows.map(([label, value]) => [label, value]),
      cellKinds: rows.map(([, value, kind]) => [
        null,
        typeof value === 'number' ? (kind ?? 'integer') : null,
      ]),
    },
  );
}

function cutsBlock(summary: RunSummary, anchorRow: number, language: Language): BlockPlan {
  const t = (vi: string, en: string) => say(language, vi, en);
  const rows: PlanValue[][] = [];
  for (const stats of summary.scoreStats) {
    for (const band of [...stats.bands].reverse()) {
      rows.push([
        METRIC_NAMES[stats.metric][language],
        band.score,
        band.customers,
        band.min ?? null,
        band.max ?? null,
      ]);
    }
  }
  // Days, invoice counts and spends in dong are whole numbers: shown without a decimal unless one is not.
  const cutKind = rows.every((row) => row.slice(3).every((cut) => cut === null || Number.isInteger(cut)))
    ? 'integer'
    : 'number';
  return block(
    'cuts',
    t('Ngưỡng điểm theo chỉ số', 'Cut values per metric'),
    { row: anchorRow, column: 1 },
    {
      columns: [
        { header: t('Chỉ số', 'Metric'), kind: 'text', width: 200 },
        { header: t('Điểm', 'Score'), kind: 'integer' },
        { header: t('Khách hàng', 'Customers'), kind: 'integer', width: 90 },
        { header: t('Từ', 'From'), kind: cutKind, width: 110 },
        { header: t('Đến', 'To'), kind: cutKind, width: 110 },
      ],
      rows,
    },
  );
}

/** The purchase and value models (predict/predictions.ts): what was fitted on what, or why nothing was. */
function predictionsBlock(summary: RunSummary, anchorRow: number, language: Language): BlockPlan | undefined {
  const predictions = summary.predictions;
  if (!predictions) return undefined;
  const t = (vi: string, en: string) => say(language, vi, en);
  const round = (value: number, digits: number) => Number(value.toPrecision(digits));
  const rows: FactRow[] = [
    [
      t('Mô hình', 'Model'),
      t(
        'MBG/NBD (số lần mua) và Gamma-Gamma (giá trị đơn)',
        'MBG/NBD (purchases) and Gamma-Gamma (order value)',
      ),
    ],
    [t('Khách mua lặp lại', 'Repeat buyers'), predictions.repeatBuyers],
  ];
  const parameters = predictions.parameters;
  if (!parameters) {
    rows.push([
      t('Dự đoán', 'Predictions'),
      t(
        `Không hiển thị: cần ít nhất ${MIN_REPEAT_BUYERS} khách mua lặp lại để ước lượng ổn định.`,
        `Not shown: a stable fit needs at least ${MIN_REPEAT_BUYERS} repeat buyers.`,
      ),
    ]);
  } else {
    rows.push(
      [t('Khách dùng để ước lượng', 'Customers used for the fit'), predictions.customersUsed],
      [
        t('Tham số (đơn vị: ngày)', 'Parameters (time in days)'),
        `r ${round(parameters.r, 4)} · α ${round(parameters.alpha, 4)} · a ${round(parameters.a, 4)} · b ${round(parameters.b, 4)}`,
      ],
      [
        t('Tham số giá trị đơn', 'Order-value parameters'),
        parameters.p === undefined
          ? t('không ước lượng được', 'no stable fit')
          : `p ${round(parameters.p, 4)} · q ${round(parameters.q!, 4)} · γ ${round(parameters.gamma!, 4)}`,
      ],
      [
        t('Kỳ dự đoán số lần mua', 'Purchase horizon'),
        t(`${predictions.horizonDays} ngày`, `${predictions.horizonDays} days`),
      ],
    );
  }
  return block(
    'predictions',
    t('Dự đoán', 'Predictions'),
    { row: anchorRow, column: 1 },
    {
      columns: [
        { header: t('Mục', 'Item'), kind: 'text', width: 260 },
        { header: t('Giá trị', 'Value'), kind: 'text', width: 420 },
      ],
      rows: rows.map(([label, value]) => [label, value]),
      cellKinds: rows.map(([, value, kind]) => [
        null,
        typeof value === 'number' ? (kind ?? 'integer') : null,
      ]),
    },
  );
}

/** Predicted against actual purchases in the holdout period, per repeat purchases before the cut. */
function calibrationBlock(summary: RunSummary, anchorRow: number, language: Language): BlockPlan | undefined {
  const calibration = summary.predictions?.calibration;
  if (!calibration) return undefined;
  const t = (vi: string, en: string) => say(language, vi, en);
  return block(
    'calibration',
    t(
      `Kiểm tra dự đoán: ước lượng đến ${calibration.cutDay}, so với ${calibration.holdoutDays} ngày sau đó`,
      `Check of the predictions: fitted up to ${calibration.cutDay}, against the ${calibration.holdoutDays} days after`,
    ),
    { row: anchorRow, column: 1 },
    {
      columns: [
        { header: t('Số lần mua lặp lại trước đó', 'Repeat purchases before'), kind: 'text', width: 200 },
        { header: t('Khách hàng', 'Customers'), kind: 'integer', width: 90 },
        { header: t('Số lần mua thực tế (TB)', 'Actual purchases (mean)'), kind: 'number', width: 150 },
        { header: t('Số lần mua dự đoán (TB)', 'Predicted purchases (mean)'), kind: 'number', width: 160 },
      ],
      rows: calibration.groups.map((group) => [
        group.repeatPurchases,
        group.customers,
        Math.round(group.actual * 100) / 100,
        Math.round(group.predicted * 100) / 100,
      ]),
    },
  );
}

/** Blocks stacked down column A with one blank row between them; the chart sits to the right. */
export function summaryTab(
  summary: RunSummary,
  customers: readonly CustomerRecord[],
  levels: number,
  language: Language,
): TabPlan {
  const blocks: BlockPlan[] = [];
  let nextRow = 1;
  const place = (make: (row: number) => BlockPlan) => {
    const made = make(nextRow);
    blocks.push(made);
    nextRow = made.anchor.row + (made.title ? 1 : 0) + 1 + made.rows.length + 1;
  };
  if (summary.facts.warnings.length) place(() => warningsBlock(summary, language));
  place((row) => segmentsBlock(summary, row, language));
  if (
    summary.scoreStats.some((stats) => stats.metric === 'r') &&
    summary.scoreStats.some((stats) => stats.metric === 'f')
  ) {
    place((row) => gridBlock(customers, levels, row, language));
  }
  place((row) => cutsBlock(summary, row, language));
  place((row) => factsBlock(summary, row, language));
  const predictions = predictionsBlock(summary, nextRow, language);
  if (predictions) place(() => predictions);
  const calibration = calibrationBlock(summary, nextRow, language);
  if (calibration) place(() => calibration);
  return {
    key: 'summary',
    role: 'summary',
    name: TAB_NAMES.summary[language],
    tabColour: SUMMARY_TAB,
    blocks,
    frozenRows: 0,
    filter: false,
    charts: [
      {
        kind: 'bar',
        title: say(language, 'Khách hàng theo phân khúc', 'Customers per segment'),
        blockId: 'segments',
        labelColumn: 0,
        valueColumns: [1],
        anchor: { row: 2, column: 11 },
      },
      ...(calibration
        ? [
            {
              kind: 'column' as const,
              title: say(language, 'Số lần mua: thực tế và dự đoán', 'Purchases: actual and predicted'),
              blockId: 'calibration',
              labelColumn: 0,
              valueColumns: [2, 3],
              anchor: { row: calibration.anchor.row, column: 7 },
            },
          ]
        : []),
      // Below the customers chart (about 18 rows tall): where the money is, beside where the customers are.
      {
        kind: 'bar',
        title: say(language, 'Doanh thu theo phân khúc', 'Revenue per segment'),
        blockId: 'segments',
        labelColumn: 0,
        valueColumns: [3],
        anchor: { row: 21, column: 11 },
      },
    ],
    hidden: false,
  };
}
