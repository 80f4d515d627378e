/**
 * Segment history: one row per segment per as-of date (customers, revenue, change since the previous as-of
 * date), so a shop can follow growth and mix over time. Re-running with the same as-of date replaces that
 * date's rows instead of adding duplicates. Rows are kept in an owned History tab and read back each run.
 */
import { cellText, type CellValue } from '../cell';
import { SEGMENTS } from '../rfm/segment-catalogue';
import type { SegmentSummary } from '../summary';
import type { Portrait, Portraits, PortraitFieldId } from '../portraits/portraits';

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
  /** The segment's make-up at that run; absent in rows of History tabs written before it was kept. */
  makeUp?: MakeUp;
}

/**
 * A segment's make-up at a run, as shares (0–1) of its customers (portraits/portraits.ts): women, men, each
 * region, and the shop's main channel at that run with its share. A share is absent when the run had no such
 * data, and every share is absent for a group under SMALL_GROUP customers (counts only, as in the Portraits tab).
 */
export interface MakeUp {
  female?: number;
  male?: number;
  north?: number;
  central?: number;
  south?: number;
  channel?: string;
  channelShare?: number;
}

type MakeUpShare = Exclude<keyof MakeUp, 'channel'>;

/** The make-up columns after the table's own, in order, with the split and value each share reads. */
export const MAKE_UP_COLUMNS: readonly {
  id: keyof MakeUp;
  field?: PortraitFieldId;
  value?: string;
  vi: string;
  en: string;
}[] = [
  { id: 'female', field: 'gender', value: 'female', vi: 'Nữ (tỷ lệ)', en: 'Women (share)' },
  { id: 'male', field: 'gender', value: 'male', vi: 'Nam (tỷ lệ)', en: 'Men (share)' },
  { id: 'north', field: 'region', value: 'North', vi: 'Miền Bắc (tỷ lệ)', en: 'North (share)' },
  { id: 'central', field: 'region', value: 'Central', vi: 'Miền Trung (tỷ lệ)', en: 'Central (share)' },
  { id: 'south', field: 'region', value: 'South', vi: 'Miền Nam (tỷ lệ)', en: 'South (share)' },
  { id: 'channel', vi: 'Kênh chính', en: 'Main channel' },
  { id: 'channelShare', vi: 'Kênh chính (tỷ lệ)', en: 'Main channel (share)' },
];

/** A portrait's make-up for History. */
export function makeUpOf(portrait: Portrait, mainChannel: string | undefined): MakeUp {
  if (portrait.small) return {};
  const makeUp: MakeUp = {};
  for (const column of MAKE_UP_COLUMNS) {
    if (!column.field) continue;
    const split = portrait.splits.find((candidate) => candidate.field === column.field);
    if (split)
      makeUp[column.id as MakeUpShare] = split.rows.find((row) => row.value === column.value)?.share ?? 0;
  }
  if (mainChannel !== undefined && portrait.mainChannelShare !== undefined) {
    makeUp.channel = mainChannel;
    makeUp.channelShare = portrait.mainChannelShare;
  }
  return makeUp;
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

/** A share cell read back: a number (0.8), or a percentage as text (`80%`, `80,5%`); undefined when blank. */
function asShare(value: CellValue): number | undefined {
  if (typeof value === 'number') return value;
  const text = cellText(value).trim();
  if (text === '') return undefined;
  const number = Number(text.replace('%', '').replace(',', '.'));
  if (!Number.isFinite(number)) return undefined;
  return text.endsWith('%') ? number / 100 : number;
}

/**
 * Where each make-up column is in a History tab, found by its header in either language: a tab written before
 * make-up was kept has none of them (its columns after the table are the pivot's), and reads as no make-up.
 */
function makeUpColumns(header: CellValue[]): Map<keyof MakeUp, number> {
  const texts = header.map((cell) => cellText(cell));
  const found = new Map<keyof MakeUp, number>();
  for (const column of MAKE_UP_COLUMNS) {
    const at = texts.findIndex((text) => text === column.vi || text === column.en);
    if (at >= 0) found.set(column.id, at);
  }
  return found;
}

function readMakeUp(row: CellValue[], columns: Map<keyof MakeUp, number>): MakeUp | undefined {
  if (columns.size === 0) return undefined;
  const makeUp: MakeUp = {};
  for (const [id, at] of columns) {
    if (id === 'channel') {
      const channel = cellText(row[at]);
      if (channel) makeUp.channel = channel;
    } else {
      const share = asShare(row[at]);
      if (share !== undefined) makeUp[id] = share;
    }
  }
  return makeUp;
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
  const makeUp = makeUpColumns(values[0]!);
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
      ...(makeUp.size ? { makeUp: readMakeUp(row, makeUp) } : {}),
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
  portraits?: Portraits,
): HistoryLine[] {
  const order = new Map(segments.map((segment, i) => [segment.id, i]));
  const portraitOf = new Map(portraits?.portraits.map((portrait) => [portrait.id, portrait]));
  const current: HistoryRow[] = segments.map((segment) => {
    const portrait = portraitOf.get(segment.id);
    return {
      ranAt,
      asOf,
      segmentKey: segment.id,
      segmentName: segment.name,
      customers: segment.customers,
      revenue: segment.revenue,
      ...(portrait ? { makeUp: makeUpOf(portrait, portraits?.mainChannel) } : {}),
    };
  });
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
