/**
 * The snapshot: each run's customer → segment assignment, kept in a hidden tab the add-on owns, so the next run
 * can show where customers moved (the Movement tab) and since when each is in their segment.
 *
 * A row holds the assignment of this run and of the run before it. Re-running with the same as-of date compares
 * against the stored *previous* columns, so repeating a run does not turn every movement into "no change";
 * when every run so far has that date, it compares with the last run.
 * Days are stored as `yyyy-mm-dd` text, which survives any spreadsheet locale.
 */
import { cellText, type CellValue } from '../cell';
import type { CustomerRecord } from '../model';
import { dayNumberFromYmd, formatDay } from '../parse/time-zone';

export const SNAPSHOT_HEADER = [
  'Customer key',
  'Segment',
  'Since',
  'As-of',
  'Previous segment',
  'Previous since',
  'Previous as-of',
] as const;

interface Assignment {
  segment: string;
  since: number;
}

export interface Snapshot {
  asOfDay: number;
  current: Map<string, Assignment>;
  previousAsOfDay?: number;
  previous: Map<string, Assignment>;
}

function parseDay(value: CellValue): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(cellText(value));
  return match ? dayNumberFromYmd(Number(match[1]), Number(match[2]), Number(match[3])) : undefined;
}

/** Reads a snapshot tab's values; null when it is missing or not in our layout (then movement starts afresh). */
export function readSnapshot(values: CellValue[][] | undefined): Snapshot | null {
  if (!values || values.length < 2 || cellText(values[0]![0]) !== SNAPSHOT_HEADER[0]) return null;
  const snapshot: Snapshot = { asOfDay: NaN, current: new Map(), previous: new Map() };
  for (let i = 1; i < values.length; i++) {
    const row = values[i]!;
    const key = cellText(row[0]);
    const segment = cellText(row[1]);
    const since = parseDay(row[2]);
    const asOf = parseDay(row[3]);
    if (!key || !segment || since === undefined || asOf === undefined) continue;
    snapshot.asOfDay = asOf;
    snapshot.current.set(key, { segment, since });
    const previousSegment = cellText(row[4]);
    const previousSince = parseDay(row[5]);
    const previousAsOf = parseDay(row[6]);
    if (previousAsOf !== undefined) snapshot.previousAsOfDay = previousAsOf;
    if (previousSegment && previousSince !== undefined)
      snapshot.previous.set(key, { segment: previousSegment, since: previousSince });
  }
  return Number.isNaN(snapshot.asOfDay) ? null : snapshot;
}

export interface SnapshotUpdate {
  /** Rows of the new snapshot tab (header first). */
  rows: string[][];
  /** Previous segment → current segment → customers; `new` for customers not in the previous run, `gone` for
   * customers of the previous run no longer in the data. Empty on a first run. */
  movement: Map<string, Map<string, number>>;
  /** The as-of day compared against, when there was one. */
  comparedWithDay?: number;
}

/** Sets each customer's previous segment and "segment since", and makes the next snapshot and the movement counts. */
export function updateSnapshot(
  previous: Snapshot | null,
  customers: CustomerRecord[],
  asOfDay: number,
): SnapshotUpdate {
  // A re-run of the same as-of date compares with the run before that date; when there is none (the first
  // run was on this date too), with the last run itself: a second run is never "the first run".
  const rerun = previous !== null && previous.asOfDay === asOfDay && previous.previousAsOfDay !== undefined;
  const base = previous === null ? null : rerun ? previous.previous : previous.current;
  const baseDay = previous === null ? undefined : rerun ? previous.previousAsOfDay : previous.asOfDay;
  const movement = new Map<string, Map<string, number>>();
  const count = (from: string, to: string) => {
    const row = movement.get(from) ?? new Map<string, number>();
    row.set(to, (row.get(to) ?? 0) + 1);
    movement.set(from, row);
  };
  const rows: string[][] = [[...SNAPSHOT_HEADER]];
  const seen = new Set<string>();
  for (const customer of customers) {
    const before = base?.get(customer.key);
    seen.add(customer.key);
    customer.previousSegmentId = before?.segment;
    customer.segmentSinceDay = before && before.segment === customer.segmentId ? before.since : asOfDay;
    if (base && baseDay !== undefined) count(before?.segment ?? 'new', customer.segmentId);
    rows.push([
      customer.key,
      customer.segmentId,
      formatDay(customer.segmentSinceDay),
      formatDay(asOfDay),
      before?.segment ?? '',
      before ? formatDay(before.since) : '',
      baseDay !== undefined ? formatDay(baseDay) : '',
    ]);
  }
  if (base && baseDay !== undefined)
    for (const [key, was] of base) if (!seen.has(key)) count(was.segment, 'gone');
  return { rows, movement, comparedWithDay: base && baseDay !== undefined ? baseDay : undefined };
}
