/**
 * Filter segments, history and movement in a run: evaluates the shop's saved filter segments (a broken one is
 * reported as a data issue and skipped), and plans the History, Movement, snapshot and definitions tabs from
 * what earlier runs left in the spreadsheet.
 */
import { readDefinitions, starterRows, type DefinitionRow } from '../definitions/definitions-table';
import { describeFilterSegmentError, evaluateFilterSegments, type SavedFilterSegment } from '../filter/run';
import { starterSegments } from '../filter/starters';
import { mergeHistory, readHistory } from '../history/history';
import type { SnapshotUpdate } from '../history/snapshot';
import { say } from '../i18n';
import type { DataIssue } from '../issues';
import type { CustomerRecord } from '../model';
import type { Language, SavedState } from '../options';
import { segmentFigures, spendMinorOf, type SegmentSummary } from '../summary';
import type { MoneyUnit } from '../money';
import type { Portraits } from '../portraits/portraits';
import { filterSegmentTab } from './customer-tabs';
import { definitionsTab, historyTab, movementTab, rfmSegmentNames, snapshotTab } from './history-tabs';
import { TAB_NAMES } from './labels';
import type { TabPlan } from './types';

export interface FilterSegmentsOutcome {
  summaries: SegmentSummary[];
  tabs: TabPlan[];
  /** Each filter segment's members (indexes into the run's customers), by summary id (`filter:<name>`). */
  members: Map<string, number[]>;
}

export function runFilterSegments(
  saved: SavedState | undefined,
  extra: SavedFilterSegment[] | undefined,
  customers: CustomerRecord[],
  asOfDay: number,
  language: Language,
  issues: DataIssue[],
  unit: MoneyUnit,
): FilterSegmentsOutcome {
  const rows: (SavedFilterSegment & { row?: number })[] = [
    ...readDefinitions(saved?.definitions),
    ...(extra ?? []),
  ];
  if (rows.length === 0) return { summaries: [], tabs: [], members: new Map() };
  const { results, errors } = evaluateFilterSegments(rows, customers, { asOfDay }, language);
  const sheet = TAB_NAMES.definitions[language];
  for (const error of errors) {
    const row = rows.find((candidate) => candidate.name.trim() === error.name) as DefinitionRow | undefined;
    issues.push({
      code: 'bad-filter-segment',
      sheet,
      // A definition from the definitions tab has its cell; one given on the command line has none.
      ...(row?.row !== undefined ? { row: row.row, column: error.position > 0 ? 'C' : undefined } : {}),
      value: row?.definition,
      // The parser's own message names the column; the row's column C points at the definition.
      message: `${describeFilterSegmentError(error, language)} ${say(language, 'Đã bỏ qua; các phân khúc khác vẫn chạy.', 'Skipped; the other segments still ran.')}`,
    });
  }
  const totalRevenueMinor = spendMinorOf(customers);
  const summaries: SegmentSummary[] = [];
  const tabs: TabPlan[] = [];
  const members = new Map<string, number[]>();
  for (const result of results) {
    members.set(`filter:${result.name}`, result.memberIndexes);
    const inSegment = result.memberIndexes.map((index) => customers[index]!);
    const tab = inSegment.length ? filterSegmentTab(result, inSegment, language, result.groups) : undefined;
    if (tab) tabs.push(tab);
    summaries.push({
      id: `filter:${result.name}`,
      kind: 'filter',
      name: result.name,
      colour: result.colour,
      action: '',
      ...segmentFigures(inSegment, customers, totalRevenueMinor, unit),
      tabKey: tab?.key,
    });
  }
  return { summaries, tabs, members };
}

/** History, Movement and snapshot tabs (and the definitions tab when it does not exist yet). */
export function historyTabs(
  saved: SavedState,
  update: SnapshotUpdate,
  segments: SegmentSummary[],
  asOf: string,
  ranAt: string,
  stores: string[],
  language: Language,
  portraits?: Portraits,
): TabPlan[] {
  const lines = mergeHistory(readHistory(saved.history), segments, asOf, ranAt, portraits);
  const tabs = [
    historyTab(lines, language),
    movementTab(update, rfmSegmentNames(language), language),
    snapshotTab(update, language),
  ];
  if (saved.definitions === undefined)
    tabs.push(definitionsTab(starterRows(starterSegments({ stores }), language), language));
  return tabs;
}
