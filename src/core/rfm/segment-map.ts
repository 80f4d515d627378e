/**
 * Which named segment each score code falls in (design.md §3).
 *
 * - Five levels and all three metrics: the complete, non-overlapping 125-code map that circulates in public RFM
 *   projects (every R-F-M code in exactly one segment). The shop may edit it; an edited map is validated first.
 * - Fewer levels, or two metrics: the classic 5×5 R×F grid. Scores on 3 or 4 levels are first placed on the
 *   five-level scale (`1 + (s − 1)·4/(levels − 1)`, rounded: 3 levels → 1, 3, 5), so a 3-level "top" is a
 *   five-level top. The grid's first axis is R (F when R is not used), the second F (M when F is not used).
 * - R0F0M0 (registered, never bought): Prospect.
 */
import type { MetricSet, ScoreLevels } from '../options';
import { SEGMENTS, type SegmentId } from './segment-catalogue';

// prettier-ignore
export const DEFAULT_SEGMENT_MAP: Readonly<Record<Exclude<SegmentId, 'prospect'>, readonly string[]>> = {
  champions: ['555', '554', '544', '545', '454', '455', '445'],
  loyal: ['543', '444', '435', '355', '354', '345', '344', '335'],
  'potential-loyalist': [
    '553', '551', '552', '541', '542', '533', '532', '531', '452', '451', '442', '441',
    '431', '453', '433', '432', '423', '353', '352', '351', '342', '341', '333', '323',
  ],
  'new-customers': ['512', '511', '422', '421', '412', '411', '311'],
  promising: ['525', '524', '523', '522', '521', '515', '514', '513', '425', '424', '413', '414', '415', '315', '314', '313'],
  'need-attention': ['535', '534', '443', '434', '343', '334', '325', '324'],
  'about-to-sleep': ['331', '321', '312', '221', '213', '231', '241', '251'],
  'at-risk': [
    '255', '254', '245', '244', '253', '252', '243', '242', '235', '234', '225',
    '224', '153', '152', '145', '143', '142', '135', '134', '133', '125', '124',
  ],
  'cant-lose-them': ['155', '154', '144', '214', '215', '115', '114', '113'],
  hibernating: ['332', '322', '233', '232', '223', '222', '132', '123', '122', '212', '211'],
  lost: ['111', '112', '121', '131', '141', '151'],
};

/**
 * The 5×5 grid: `RF_GRID[x − 1][y − 1]`, x the first axis (R), y the second (F).
 * R5: F1 new, F2–3 potential loyalist, F4–5 champions. R4: F1 promising, F2–3 potential loyalist, F4–5 loyal.
 * R3: F1–2 about to sleep, F3 need attention, F4–5 loyal. R2: F1–2 hibernating, F3–4 at risk, F5 can't lose.
 * R1: F1–2 lost, F3–4 at risk, F5 can't lose.
 */
// prettier-ignore
const RF_GRID: readonly (readonly SegmentId[])[] = [
  ['lost', 'lost', 'at-risk', 'at-risk', 'cant-lose-them'],
  ['hibernating', 'hibernating', 'at-risk', 'at-risk', 'cant-lose-them'],
  ['about-to-sleep', 'about-to-sleep', 'need-attention', 'loyal', 'loyal'],
  ['promising', 'potential-loyalist', 'potential-loyalist', 'loyal', 'loyal'],
  ['new-customers', 'potential-loyalist', 'potential-loyalist', 'champions', 'champions'],
];

export interface SegmentMapError {
  missing: string[];
  doubled: { code: string; segments: string[] }[];
  invalid: string[];
  unknownSegments: string[];
}

function allCodes(): string[] {
  const codes: string[] = [];
  for (let r = 1; r <= 5; r++)
    for (let f = 1; f <= 5; f++) for (let m = 1; m <= 5; m++) codes.push(`${r}${f}${m}`);
  return codes;
}

/** Checks that a (possibly edited) map puts every one of the 125 codes in exactly one known segment. */
export function validateSegmentMap(map: Record<string, readonly string[]>): SegmentMapError | null {
  const known = new Set<string>(SEGMENTS.map((segment) => segment.id));
  const owners = new Map<string, string[]>();
  const invalid: string[] = [];
  const unknownSegments = Object.keys(map).filter((id) => !known.has(id) || id === 'prospect');
  for (const [segment, codes] of Object.entries(map)) {
    for (const code of codes) {
      if (!/^[1-5]{3}$/.test(code)) {
        invalid.push(code);
        continue;
      }
      owners.set(code, [...(owners.get(code) ?? []), segment]);
    }
  }
  const missing = allCodes().filter((code) => !owners.has(code));
  const doubled = [...owners]
    .filter(([, segments]) => segments.length > 1)
    .map(([code, segments]) => ({ code, segments }))
    .sort((a, b) => a.code.localeCompare(b.code));
  if (missing.length === 0 && doubled.length === 0 && invalid.length === 0 && unknownSegments.length === 0)
    return null;
  return { missing, doubled, invalid, unknownSegments };
}

/** One readable sentence for a map that failed validation. */
export function describeSegmentMapError(error: SegmentMapError): string {
  const parts: string[] = [];
  if (error.missing.length) parts.push(`codes in no segment: ${error.missing.join(', ')}`);
  if (error.doubled.length) {
    parts.push(
      `codes in more than one segment: ${error.doubled.map((d) => `${d.code} (${d.segments.join(', ')})`).join('; ')}`,
    );
  }
  if (error.invalid.length) parts.push(`not R-F-M codes of digits 1–5: ${error.invalid.join(', ')}`);
  if (error.unknownSegments.length) parts.push(`unknown segments: ${error.unknownSegments.join(', ')}`);
  return `The segment map must put each of the 125 codes in exactly one segment; ${parts.join('; ')}.`;
}

/** Score on `levels` levels → the five-level scale. */
export function toFiveLevels(score: number, levels: ScoreLevels): number {
  return levels === 5 ? score : Math.round(1 + ((score - 1) * 4) / (levels - 1));
}

export type SegmentResolver = (r: number, f: number, m: number) => SegmentId;

/** Builds the function that names a customer's segment from their scores (0 = not a buyer, or metric unused). */
export function segmentResolver(
  levels: ScoreLevels,
  metrics: MetricSet,
  editedMap?: Record<string, readonly string[]>,
): SegmentResolver {
  if (levels === 5 && metrics === 'rfm') {
    const map = editedMap ?? DEFAULT_SEGMENT_MAP;
    const error = validateSegmentMap(map);
    if (error) throw new Error(describeSegmentMapError(error));
    const byCode = new Map<number, SegmentId>();
    for (const [segment, codes] of Object.entries(map))
      for (const code of codes) byCode.set(Number(code), segment as SegmentId);
    return (r, f, m) => (r === 0 ? 'prospect' : (byCode.get(r * 100 + f * 10 + m) as SegmentId));
  }
  const pick = (r: number, f: number, m: number): [number, number] =>
    metrics === 'rm' ? [r, m] : metrics === 'fm' ? [f, m] : [r, f];
  return (r, f, m) => {
    const [x, y] = pick(r, f, m);
    if (x === 0) return 'prospect';
    return RF_GRID[toFiveLevels(x, levels) - 1]![toFiveLevels(y, levels) - 1]!;
  };
}
