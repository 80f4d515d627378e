/**
 * Segment history: one row per segment per as-of date (customers, revenue, change since the previous as-of
 * date), so a shop can follow growth and mix over time. Re-running with the same as-of date replaces that
 * date's rows instead of adding duplicates. Rows are kept in an owned History tab and read back each run.
 */
import { cellText, type CellValue } from '../cell';
import { SEGMENTS } from '../rfm/segment-catalogue';
import type { SegmentSummary } from '../summary';

/** The key column of History tabs written before segments were read back by name; still read. */
export const HISTORY_KEYS_HEADER = 'Segment key';
/** The first header of the History tab, in either language: how a tab in our layout is recognised. */
export const HISTORY_FIRST_HEADERS: readonly string[] = ['Thời điểm chạy', 'Run at'];

/**
 * A segment's stable key from the name the History tab shows: an RFM segment's name in either language is its
 * id (so a tab written in Vietnamese is read back by an English run), any other name a filter segment's.
 */
export function segmentKeyOf(name: string): string {
  const rfm = SEGMENTS.find((segment) => segment.name.vi === name || segment.name.en === name);
  return rfm ? rfm.id : `filter:${name}`;
}

export interface HistoryRow {
  /** When the run happened, `yyyy-mm-dd hh:mm` on the spreadsheet's clock. */
  ranAt: string;
  /** `yyyy-mm-dd`. */
  asOf: string;
  /** Stable key (`champions`, `filter:VIP`): names may change language between runs. */
  segmentKey: string;
  segmentName: string;
  customers: number;
  revenue: number;
}

/** Column order of the History tab's table; a row's segment is read back from its name (`segmentKeyOf`). */
export const HISTORY_COLUMNS = [
  'ranAt',
  'asOf',
  'segmentName',
  'customers',
  'revenue',
  'customerChange',
  'revenueChange',
] as const;

function asNumber(value: CellValue): number {
  return typeof value === 'number' ? value : Number(cellText(value).replace(/[^\d.-]/g, '')) || 0;
}

/**
 * Reads the History tab's table (header in row 1, our column order); rows that do not fit are ignored. A tab of
 * the older layout, with a `Segment key` column of ids after the as-of date, is read too.
 */
export function readHistory(values: CellValue[][] | undefined): HistoryRow[] {
  if (!values || values.length < 2) return [];
  const keyed = cellText(values[0]![2]) === HISTORY_KEYS_HEADER;
  if (!keyed && !HISTORY_FIRST_HEADERS.includes(cellText(values[0]![0]))) return [];
  const at = keyed ? 1 : 0;
  const rows: HistoryRow[] = [];
  for (let i = 1; i < values.length; i++) {
    const row = values[i]!;
    const asOf = cellText(row[1]);
    const segmentName = cellText(row[2 + at]);
    const segmentKey = keyed ? cellText(row[2]) : segmentName && segmentKeyOf(segmentName);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || !segmentKey) continue;
    rows.push({
      ranAt: cellText(row[0]),
      asOf,
      segmentKey,
      segmentName,
      customers: asNumber(row[3 + at]),
      revenue: asNumber(row[4 + at]),
    });
  }
  return rows;
}

export interface HistoryLine extends HistoryRow {
  /** Change since the same segment's row at the previous as-of date; undefined for its first appearance. */
  customerChange?: number;
  revenueChange?: number;
}

/** Previous rows without this as-of date, plus this run's rows; ordered by as-of date, then segment order. */
export function mergeHistory(
  previous: HistoryRow[],
  segments: SegmentSummary[],
  asOf: string,
  ranAt: string,
): HistoryLine[] {
  const order = new Map(segments.map((segment, i) => [segment.id, i]));
  const current: HistoryRow[] = segments.map((segment) => ({
    ranAt,
    asOf,
    segmentKey: segment.id,
    segmentName: segment.name,
    customers: segment.customers,
    revenue: segment.revenue,
  }));
  const rows = [...previous.filter((row) => row.asOf !== asOf), ...current].sort(
    (a, b) =>
      a.asOf.localeCompare(b.asOf) ||
      (order.get(a.segmentKey) ?? 999) - (order.get(b.segmentKey) ?? 999) ||
      a.segmentKey.localeCompare(b.segmentKey),
  );
  const last = new Map<string, HistoryRow>();
  return rows.map((row) => {
    const before = last.get(row.segmentKey);
    last.set(row.segmentKey, row);
    return before
      ? {
          ...row,
          customerChange: row.customers - before.customers,
          revenueChange: row.revenue - before.revenue,
        }
      : { ...row };
  });
}

/** Segment names by key, latest first: the pivot of counts over time is labelled with current names. */
export function latestNames(lines: HistoryLine[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const line of lines) names.set(line.segmentKey, line.segmentName);
  return names;
}
