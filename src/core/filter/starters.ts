/**
 * Ready-made filter segments (issue 6, design.md §3 "the seeds' plain groups"): one click in the builder adds
 * one to the shop's definitions, where it can be edited like any other. Definitions are built as expressions and
 * printed with `formatFilter`, so a store name with quotes in it still makes a valid definition.
 */
import type { Language } from '../options';
import { compactKey, tidyText } from '../text';
import type { FilterExpr, FilterValue } from './expr';
import { formatFilter } from './format';

export interface StarterSegment {
  /** Stable id, e.g. `vip`, `lapsed-30`, `store-quan1`. */
  id: string;
  name: Readonly<Record<Language, string>>;
  /** Tab colour, `#rrggbb`. */
  colour: string;
  /** Definition text in the filter language. */
  definition: string;
}

/** What a shop that sets no amount gets as its VIP threshold: 5 million đồng of total spend. */
export const DEFAULT_VIP_AMOUNT = 5_000_000;

/** Colours for per-store starters, in turn: distinct from each other and readable behind white header text. */
const STORE_COLOURS = [
  '#5d4037',
  '#00695c',
  '#6a1b9a',
  '#283593',
  '#ad1457',
  '#4e342e',
  '#1565c0',
  '#558b2f',
];

const num = (value: number): FilterValue => ({ kind: 'number', value });
const text = (value: string): FilterValue => ({ kind: 'text', value });
const def = (expr: FilterExpr) => formatFilter(expr);

function lapsed(days: number): StarterSegment {
  return {
    id: `lapsed-${days}`,
    name: { vi: `Lâu chưa quay lại (${days} ngày)`, en: `Lapsed (${days} days)` },
    colour: days <= 30 ? '#ef6c00' : '#c62828',
    // A lapsed customer bought at least once; the invoices condition says so in the text staff read.
    definition: def({
      kind: 'and',
      items: [
        { kind: 'compare', field: 'days_since_last_visit', op: '>', value: num(days) },
        { kind: 'compare', field: 'invoices', op: '>=', value: num(1) },
      ],
    }),
  };
}

/**
 * The age bands the starters offer, in whole years (the last open-ended): the Portraits tab splits customers by
 * the same bands, with one more below the first.
 */
export const AGE_BANDS: readonly { from: number; to?: number; colour: string }[] = [
  { from: 18, to: 25, colour: '#26a69a' },
  { from: 26, to: 45, colour: '#5c6bc0' },
  { from: 46, colour: '#8d6e63' },
];

function ageBand(id: string, vi: string, en: string, colour: string, expr: FilterExpr): StarterSegment {
  return { id, name: { vi, en }, colour, definition: def(expr) };
}

export function starterSegments(options: { stores: string[]; vipAmount?: number }): StarterSegment[] {
  const vipAmount = options.vipAmount ?? DEFAULT_VIP_AMOUNT;
  if (!Number.isFinite(vipAmount) || vipAmount <= 0) {
    throw new RangeError(`The VIP amount must be a positive number, got ${vipAmount}.`);
  }
  const starters: StarterSegment[] = [
    {
      id: 'one-time-buyers',
      name: { vi: 'Khách mua một lần', en: 'One-time buyers' },
      colour: '#90a4ae',
      definition: def({ kind: 'compare', field: 'invoices', op: '=', value: num(1) }),
    },
    {
      id: 'loyal-buyers',
      name: { vi: 'Khách quen (từ 3 hóa đơn)', en: 'Loyal (3+ invoices)' },
      colour: '#00897b',
      definition: def({ kind: 'compare', field: 'invoices', op: '>=', value: num(3) }),
    },
    {
      id: 'vip',
      name: { vi: 'Khách VIP', en: 'VIP' },
      colour: '#f9a825',
      definition: def({ kind: 'compare', field: 'total_spend', op: '>=', value: num(vipAmount) }),
    },
    lapsed(30),
    lapsed(45),
    {
      // Past repeat buyers whom the purchase model gives under a 30% chance of still being customers.
      id: 'likely-lost',
      name: { vi: 'Có thể đã mất (dự đoán)', en: 'Likely lost (predicted)' },
      colour: '#6d4c41',
      definition: def({
        kind: 'and',
        items: [
          { kind: 'compare', field: 'p_alive', op: '<', value: num(0.3) },
          { kind: 'compare', field: 'invoices', op: '>=', value: num(2) },
        ],
      }),
    },
    {
      // Worth a VIP's spend over the next 12 months, by the models.
      id: 'high-predicted-value',
      name: { vi: 'Giá trị dự kiến cao', en: 'High predicted value' },
      colour: '#2e7d32',
      definition: def({ kind: 'compare', field: 'predicted_value_12m', op: '>=', value: num(vipAmount) }),
    },
    {
      id: 'birthdays-this-month',
      name: { vi: 'Sinh nhật tháng này', en: 'Birthdays this month' },
      colour: '#d81b60',
      definition: def({
        kind: 'compare',
        field: 'birthday_month',
        op: '=',
        value: { kind: 'relative-month', offset: 0 },
      }),
    },
  ];

  const seen = new Set<string>();
  for (const store of options.stores.map(tidyText)) {
    const key = compactKey(store);
    if (key === '' || seen.has(key)) continue; // the comparison is folded, so `Quận 1` and `QUAN 1` are one store
    seen.add(key);
    starters.push({
      id: `store-${key}`,
      name: { vi: `Cửa hàng ${store}`, en: `Store ${store}` },
      colour: STORE_COLOURS[(seen.size - 1) % STORE_COLOURS.length]!,
      definition: def({ kind: 'compare', field: 'last_store', op: '=', value: text(store) }),
    });
  }

  const regions = [
    { id: 'North', vi: 'Miền Bắc', colour: '#1e88e5' },
    { id: 'Central', vi: 'Miền Trung', colour: '#8e24aa' },
    { id: 'South', vi: 'Miền Nam', colour: '#43a047' },
  ];
  for (const region of regions) {
    starters.push({
      id: `region-${region.id.toLowerCase()}`,
      name: { vi: region.vi, en: region.id },
      colour: region.colour,
      definition: def({ kind: 'compare', field: 'region', op: '=', value: text(region.id) }),
    });
  }

  const between = (low: number, high: number): FilterExpr => ({
    kind: 'between',
    field: 'age',
    negated: false,
    low: num(low),
    high: num(high),
  });
  for (const { from, to, colour } of AGE_BANDS) {
    starters.push(
      to === undefined
        ? ageBand(`age-over-${from - 1}`, `Trên ${from - 1} tuổi`, `Over ${from - 1}`, colour, {
            kind: 'compare',
            field: 'age',
            op: '>',
            value: num(from - 1),
          })
        : ageBand(`age-${from}-${to}`, `Tuổi ${from}–${to}`, `Age ${from}–${to}`, colour, between(from, to)),
    );
  }
  return starters;
}
