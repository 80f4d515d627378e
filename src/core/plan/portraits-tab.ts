/**
 * The Portraits tab: the notes (definitions, the small-count rule, fields left out), an overview of every
 * group's size and spend, then one block per group (all customers first): each value's customers, share, the
 * all-customers share and the index, the share and index cells coloured by the index. Definitions are in
 * portraits/portraits.ts.
 */
import { say } from '../i18n';
import { toMajor, type MoneyUnit } from '../money';
import type { Language } from '../options';
import {
  fieldLabel,
  missingText,
  SMALL_EXPECTED,
  SMALL_GROUP,
  valueLabel,
  type Portrait,
  type Portraits,
} from '../portraits/portraits';
import { chip, headerBand, indexColour, NEUTRAL_HEADER } from './colours';
import { TAB_NAMES } from './labels';
import type { BlockPlan, PlanValue, TabPlan } from './types';

export const PORTRAITS_TAB = '#8430ce';
/** The block id of a group's portrait: the sidebar links to its first row. */
export const portraitBlockId = (portraitId: string) => `portrait:${portraitId}`;

function notesBlock(portraits: Portraits, language: Language): BlockPlan {
  const t = (vi: string, en: string) => say(language, vi, en);
  const lines = [
    t(
      'Tỷ lệ = số khách của nhóm có giá trị đó / tổng khách của nhóm (khách không rõ vẫn tính). Chỉ số = tỷ lệ của nhóm / tỷ lệ của toàn bộ khách × 100: trên 100 là nhiều hơn mức chung (xanh), dưới 100 là ít hơn (đỏ).',
      "Share = the group's customers with that value / all the group's customers (unknowns counted). Index = the group's share / all customers' share × 100: over 100 is over-represented (green), under 100 under-represented (red).",
    ),
    t(
      `Nhóm dưới ${SMALL_GROUP} khách chỉ hiện số khách, không hiện tỷ lệ; chỉ số bị bỏ khi số khách kỳ vọng dưới ${SMALL_EXPECTED}.`,
      `Groups under ${SMALL_GROUP} customers show counts only, no shares; the index is left out where the expected count is under ${SMALL_EXPECTED}.`,
    ),
    t(
      'Chi tiêu tính trên khách đã mua. Số ngày giữa hai lần mua: với mỗi khách mua từ 2 lần, (lần cuối − lần đầu) / (số hóa đơn − 1); lấy trung vị.',
      'Spend is over buyers. Days between purchases: for each customer with 2+ invoices, (last − first purchase) / (invoices − 1); the median of those.',
    ),
    missingText(portraits.missing, language),
  ].filter(Boolean);
  return {
    id: 'portrait-notes',
    title: t('Chân dung khách hàng theo phân khúc', 'Who is in each segment'),
    anchor: { row: 1, column: 1 },
    columns: [{ header: t('Cách đọc', 'How to read it'), kind: 'text', width: 160 }],
    rows: lines.map((line) => [line]),
    ...headerBand(NEUTRAL_HEADER),
  };
}

function overviewBlock(portraits: Portrait[], row: number, unit: MoneyUnit, language: Language): BlockPlan {
  const t = (vi: string, en: string) => say(language, vi, en);
  const money = (minor?: number) => (minor === undefined ? null : toMajor(minor, unit));
  return {
    id: 'portrait-overview',
    title: t('Tổng quan', 'Overview'),
    anchor: { row, column: 1 },
    columns: [
      { header: t('Nhóm', 'Group'), kind: 'text', width: 160 },
      { header: t('Khách hàng', 'Customers'), kind: 'integer', width: 150 },
      { header: t('Khách đã mua', 'Buyers'), kind: 'integer', width: 110 },
      { header: t('Chi tiêu trung vị', 'Median spend'), kind: 'money', width: 120 },
      { header: t('Chi tiêu trung bình', 'Mean spend'), kind: 'money', width: 160 },
      { header: t('Giá trị đơn trung bình', 'Average order'), kind: 'money', width: 170 },
      {
        header: t('Số ngày giữa hai lần mua (trung vị)', 'Median days between purchases'),
        kind: 'number',
        width: 230,
      },
    ],
    rows: portraits.map((portrait) => [
      portrait.name,
      portrait.customers,
      portrait.figures.buyers,
      money(portrait.figures.medianSpendMinor),
      money(portrait.figures.meanSpendMinor),
      money(portrait.figures.averageOrderMinor),
      portrait.figures.medianDaysBetween === undefined
        ? null
        : Math.round(portrait.figures.medianDaysBetween * 10) / 10,
    ]),
    cellColours: { fromColumn: 0, colours: portraits.map((portrait) => [chip(portrait.colour)]) },
    ...headerBand(NEUTRAL_HEADER),
  };
}

function portraitBlock(portrait: Portrait, row: number, language: Language): BlockPlan {
  const t = (vi: string, en: string) => say(language, vi, en);
  const rows: PlanValue[][] = [];
  const colours: (string | null)[][] = [];
  for (const split of portrait.splits) {
    split.rows.forEach((share, i) => {
      rows.push([
        i === 0 ? fieldLabel(split.field, language) : '',
        valueLabel(split.field, share.value, language),
        share.count,
        portrait.small ? null : share.share,
        share.baseShare,
        share.index === undefined ? null : Math.round(share.index),
      ]);
      const colour = indexColour(share.index);
      colours.push([colour, null, colour]);
    });
  }
  const size = t(`${portrait.customers} khách`, `${portrait.customers} customers`);
  const small = portrait.small
    ? t(`: dưới ${SMALL_GROUP} khách, chỉ hiện số khách`, `: under ${SMALL_GROUP} customers, counts only`)
    : '';
  return {
    id: portraitBlockId(portrait.id),
    title: `${portrait.name} (${size}${small})`,
    anchor: { row, column: 1 },
    columns: [
      { header: t('Thuộc tính', 'Field'), kind: 'text', width: 160 },
      { header: t('Giá trị', 'Value'), kind: 'text', width: 150 },
      { header: t('Khách hàng', 'Customers'), kind: 'integer', width: 110 },
      { header: t('Tỷ lệ trong nhóm', 'Share in group'), kind: 'percent', width: 120 },
      { header: t('Tỷ lệ toàn bộ khách', 'Share of all customers'), kind: 'percent', width: 160 },
      { header: t('Chỉ số', 'Index'), kind: 'integer', width: 120 },
    ],
    rows,
    cellColours: { fromColumn: 3, colours },
    ...headerBand(portrait.kind === 'all' ? NEUTRAL_HEADER : portrait.colour),
  };
}

/** Rows a block takes: its title, header and data rows. */
const heightOf = (block: BlockPlan) => (block.title ? 1 : 0) + 1 + block.rows.length;
/** Empty rows between blocks. */
const GAP = 2;

export function portraitsTab(portraits: Portraits, unit: MoneyUnit, language: Language): TabPlan {
  const blocks: BlockPlan[] = [notesBlock(portraits, language)];
  const next = () => {
    const last = blocks[blocks.length - 1]!;
    return last.anchor.row + heightOf(last) + GAP;
  };
  blocks.push(overviewBlock(portraits.portraits, next(), unit, language));
  for (const portrait of portraits.portraits) blocks.push(portraitBlock(portrait, next(), language));
  return {
    key: 'portraits',
    role: 'portraits',
    name: TAB_NAMES.portraits[language],
    tabColour: PORTRAITS_TAB,
    blocks,
    frozenRows: 0,
    filter: false,
    charts: [],
    hidden: false,
  };
}
