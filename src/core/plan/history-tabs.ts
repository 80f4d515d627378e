/** The History, Movement and hidden snapshot tabs (design.md §5), and the filter-segment definitions tab. */
import { DEFINITIONS_HEADER } from '../definitions/definitions-table';
import type { SavedFilterSegment } from '../filter/run';
import { latestNames, MAKE_UP_COLUMNS, type HistoryLine } from '../history/history';
import type { SnapshotUpdate } from '../history/snapshot';
import { say } from '../i18n';
import type { Language } from '../options';
import { formatDay } from '../parse/time-zone';
import { SEGMENT_BY_ID } from '../rfm/segment-catalogue';
import { CUSTOMERS_TAB, headerBand, heatColour, NEUTRAL_HEADER, SUMMARY_TAB } from './colours';
import { TAB_NAMES } from './labels';
import type { BlockPlan, PlanValue, TabPlan } from './types';

const HISTORY_TAB = '#0b8043';
const MOVEMENT_TAB = '#f4b400';

export function historyTab(lines: HistoryLine[], language: Language): TabPlan {
  const t = (vi: string, en: string) => say(language, vi, en);
  const table: BlockPlan = {
    id: 'history',
    anchor: { row: 1, column: 1 },
    columns: [
      { header: t('Thời điểm chạy', 'Run at'), kind: 'code', width: 130 },
      { header: t('Ngày tính', 'As-of date'), kind: 'code', width: 90 },
      { header: t('Phân khúc', 'Segment'), kind: 'text', width: 170 },
      { header: t('Khách hàng', 'Customers'), kind: 'integer' },
      { header: t('Doanh thu', 'Revenue'), kind: 'money', width: 120 },
      { header: t('Thay đổi khách hàng', 'Change in customers'), kind: 'integer' },
      { header: t('Thay đổi doanh thu', 'Change in revenue'), kind: 'money' },
      // The segment's make-up at that run (history.ts): blank for rows of runs before it was kept.
      ...MAKE_UP_COLUMNS.map((column) => ({
        header: t(column.vi, column.en),
        kind: column.id === 'channel' ? ('text' as const) : ('percent' as const),
        width: column.id === 'channel' ? 110 : 90,
      })),
    ],
    rows: lines.map((line) => [
      line.ranAt,
      line.asOf,
      line.segmentName,
      line.customers,
      line.revenue,
      line.customerChange ?? null,
      line.revenueChange ?? null,
      ...MAKE_UP_COLUMNS.map((column) => line.makeUp?.[column.id] ?? null),
    ]),
    ...headerBand(HISTORY_TAB),
  };
  // The pivot of counts over time sits right of the table, one empty column apart.
  const PIVOT_COLUMN = table.columns.length + 2;
  const names = latestNames(lines);
  const keys = [...names.keys()];
  const dates = [...new Set(lines.map((line) => line.asOf))];
  const counts = new Map(lines.map((line) => [`${line.asOf}\u0000${line.segmentKey}`, line.customers]));
  const pivot: BlockPlan = {
    id: 'history-pivot',
    anchor: { row: 1, column: PIVOT_COLUMN },
    columns: [
      { header: t('Ngày tính', 'As-of date'), kind: 'code', width: 90 },
      ...keys.map((key) => ({ header: names.get(key)!, kind: 'integer' as const })),
    ],
    rows: dates.map((date) => [date, ...keys.map((key) => counts.get(`${date}\u0000${key}`) ?? 0)]),
    ...headerBand(HISTORY_TAB),
  };
  return {
    key: 'history',
    role: 'history',
    name: TAB_NAMES.history[language],
    tabColour: HISTORY_TAB,
    blocks: [table, pivot],
    frozenRows: 1,
    filter: false,
    charts:
      dates.length > 0
        ? [
            {
              kind: 'line',
              title: t('Khách hàng theo phân khúc qua các lần chạy', 'Customers per segment over time'),
              blockId: 'history-pivot',
              labelColumn: 0,
              valueColumns: keys.map((_, i) => i + 1),
              anchor: { row: dates.length + 3, column: PIVOT_COLUMN },
            },
          ]
        : [],
    hidden: false,
  };
}

/** Previous segment (rows) × current segment (columns), counts, as a heat map. */
export function movementTab(
  update: SnapshotUpdate,
  segmentNames: Map<string, string>,
  language: Language,
): TabPlan {
  const t = (vi: string, en: string) => say(language, vi, en);
  const label = (id: string) =>
    id === 'new'
      ? t('(khách mới)', '(new)')
      : id === 'gone'
        ? t('(không còn)', '(gone)')
        : (segmentNames.get(id) ?? id);
  const order = [...segmentNames.keys()];
  const from = ['new', ...order].filter((id) => update.movement.has(id));
  const to = [...order, 'gone'].filter((id) => from.some((f) => update.movement.get(f)?.has(id)));
  const counts = from.map((f) => to.map((c) => update.movement.get(f)?.get(c) ?? 0));
  const max = Math.max(0, ...counts.flat());
  const blocks: BlockPlan[] =
    update.comparedWithDay === undefined
      ? [
          {
            id: 'movement',
            anchor: { row: 1, column: 1 },
            columns: [{ header: t('Dịch chuyển phân khúc', 'Segment movement'), kind: 'text', width: 480 }],
            rows: [
              [
                t(
                  'Lần chạy đầu tiên: bảng dịch chuyển sẽ có từ lần chạy sau.',
                  'First run: movement appears from the next run.',
                ),
              ],
            ],
            ...headerBand(MOVEMENT_TAB),
          },
        ]
      : [
          {
            id: 'movement',
            title: t(
              `Từ ${formatDay(update.comparedWithDay)} (hàng) sang lần này (cột)`,
              `From ${formatDay(update.comparedWithDay)} (rows) to this run (columns)`,
            ),
            anchor: { row: 1, column: 1 },
            columns: [
              { header: t('Trước \\ Nay', 'Before \\ Now'), kind: 'text', width: 170 },
              ...to.map((id) => ({ header: label(id), kind: 'integer' as const, width: 90 })),
            ],
            rows: from.map((f, i) => [label(f), ...(counts[i] as PlanValue[])]),
            cellColours: {
              fromColumn: 1,
              colours: counts.map((row) => row.map((count) => heatColour(count, max))),
            },
            ...headerBand(MOVEMENT_TAB),
          },
        ];
  return {
    key: 'movement',
    role: 'movement',
    name: TAB_NAMES.movement[language],
    tabColour: MOVEMENT_TAB,
    blocks,
    frozenRows: 0,
    filter: false,
    charts: [],
    hidden: false,
  };
}

export function snapshotTab(update: SnapshotUpdate, language: Language): TabPlan {
  const [header, ...rows] = update.rows;
  return {
    key: 'snapshot',
    role: 'snapshot',
    name: TAB_NAMES.snapshot[language],
    tabColour: NEUTRAL_HEADER,
    blocks: [
      {
        id: 'snapshot',
        anchor: { row: 1, column: 1 },
        columns: header!.map((text) => ({ header: text, kind: 'code' as const })),
        rows,
        ...headerBand(NEUTRAL_HEADER),
      },
    ],
    frozenRows: 1,
    filter: false,
    charts: [],
    hidden: true,
  };
}

const HEX_COLOUR = /^#[0-9a-f]{6}$/i;

/**
 * The definitions tab: one segment per row (name, colour, definition, enabled, A/B groups). A run creates it
 * once with the starters (disabled) so the shop sees working examples; the sidebar rewrites it on each save.
 * The colour cell is painted in its colour, so the shop sees which tab colour a row gives.
 */
export function definitionsTab(rows: readonly SavedFilterSegment[], language: Language): TabPlan {
  return {
    key: 'definitions',
    role: 'definitions',
    name: TAB_NAMES.definitions[language],
    tabColour: SUMMARY_TAB,
    blocks: [
      {
        id: 'definitions',
        anchor: { row: 1, column: 1 },
        columns: [
          { header: DEFINITIONS_HEADER[0]!, kind: 'text', width: 200 },
          { header: DEFINITIONS_HEADER[1]!, kind: 'code', width: 80 },
          { header: DEFINITIONS_HEADER[2]!, kind: 'text', width: 420 },
          { header: DEFINITIONS_HEADER[3]!, kind: 'text', width: 80 },
          { header: DEFINITIONS_HEADER[4]!, kind: 'integer', width: 110 },
        ],
        rows: rows.map((row) => [
          row.name,
          row.colour,
          row.definition,
          row.enabled,
          row.abGroups && row.abGroups > 1 ? row.abGroups : null,
        ]),
        cellColours: {
          fromColumn: 1,
          colours: rows.map((row) => [HEX_COLOUR.test(row.colour) ? row.colour : null]),
        },
        ...headerBand(CUSTOMERS_TAB),
      },
    ],
    frozenRows: 1,
    filter: false,
    charts: [],
    hidden: false,
  };
}

export function rfmSegmentNames(language: Language): Map<string, string> {
  return new Map([...SEGMENT_BY_ID.values()].map((segment) => [segment.id, segment.name[language]]));
}
