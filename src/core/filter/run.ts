/**
 * Runs the shop's saved filter segments (one row each in the definitions tab: name, colour, definition, enabled).
 * A broken row is reported, naming the segment and the column of the definition where it breaks, and skipped;
 * every other segment still runs (design.md §4). Reports are worded in the run's language.
 */
import { say } from '../i18n';
import type { CustomerRecord } from '../model';
import type { Language } from '../options';
import { tidyText } from '../text';
import { abGroup, MAX_AB_GROUPS, MIN_AB_GROUPS } from './ab-split';
import { compileFilter, type CustomerPredicate, type FilterContext } from './evaluate';
import { parseFilter } from './parse';

export interface SavedFilterSegment {
  name: string;
  /** Tab colour, `#rrggbb`. */
  colour: string;
  definition: string;
  enabled: boolean;
  /** 2–5 to split the members into groups A, B, …; absent, 0 or 1 for no split. */
  abGroups?: number;
}

export interface FilterSegmentResult {
  name: string;
  colour: string;
  /** Indexes into the customers array, ascending. */
  memberIndexes: number[];
  /** With an A/B split: each member's group (`A`, `B`, …), parallel to `memberIndexes`. */
  groups?: string[];
}

export interface FilterSegmentError {
  name: string;
  /** 1-based column in the definition; 0 when the problem is not in the definition (name, colour, A/B groups). */
  position: number;
  message: string;
}

/** Used when a row's colour is not `#rrggbb`: the segment still runs, and the row is reported. */
export const FALLBACK_COLOUR = '#9e9e9e';

const HEX_COLOUR = /^#?([0-9a-f]{6})$/i;

interface ReadySegment {
  name: string;
  colour: string;
  matches: CustomerPredicate;
  abGroups?: number;
}

/** Runs the enabled segments over the customers; `errors` say, in `language`, which rows were skipped and why. */
export function evaluateFilterSegments(
  defs: readonly SavedFilterSegment[],
  customers: readonly CustomerRecord[],
  ctx: FilterContext,
  language: Language = 'en',
): { results: FilterSegmentResult[]; errors: FilterSegmentError[] } {
  const errors: FilterSegmentError[] = [];
  const ready: ReadySegment[] = [];
  const namesSeen = new Set<string>();
  for (const def of defs) {
    if (!def.enabled) continue;
    const name = tidyText(def.name);
    const fail = (position: number, message: string) => errors.push({ name, position, message });
    if (name === '') {
      fail(
        0,
        say(
          language,
          `Một phân khúc có điều kiện "${def.definition}" chưa có tên`,
          `a segment with the definition "${def.definition}" has no name`,
        ),
      );
      continue;
    }
    // Each segment becomes a tab, and tab names are unique regardless of case.
    const nameKey = name.toLowerCase();
    if (namesSeen.has(nameKey)) {
      fail(
        0,
        say(
          language,
          `Đã có một phân khúc khác tên "${name}"; phân khúc này bị bỏ qua`,
          `another segment is already named "${name}"; this one is skipped`,
        ),
      );
      continue;
    }
    namesSeen.add(nameKey);
    const parsed = parseFilter(def.definition, language);
    if (!parsed.ok) {
      fail(parsed.error.position, parsed.error.message);
      continue;
    }
    const abGroups = def.abGroups ?? 0;
    if (
      abGroups !== 0 &&
      abGroups !== 1 &&
      !(Number.isInteger(abGroups) && abGroups >= MIN_AB_GROUPS && abGroups <= MAX_AB_GROUPS)
    ) {
      fail(
        0,
        say(
          language,
          `Số nhóm A/B phải từ ${MIN_AB_GROUPS} đến ${MAX_AB_GROUPS} (để trống nếu không chia), nhưng là ${abGroups}`,
          `A/B groups must be ${MIN_AB_GROUPS} to ${MAX_AB_GROUPS} (or empty for no split), found ${abGroups}`,
        ),
      );
      continue;
    }
    const hex = HEX_COLOUR.exec(def.colour.trim());
    if (!hex) {
      fail(
        0,
        say(
          language,
          `Màu "${def.colour}" không phải dạng #rrggbb; tab dùng màu xám ${FALLBACK_COLOUR}`,
          `colour "${def.colour}" is not a #rrggbb colour; the tab uses grey ${FALLBACK_COLOUR}`,
        ),
      );
    }
    ready.push({
      name,
      colour: hex ? `#${hex[1]!.toLowerCase()}` : FALLBACK_COLOUR,
      matches: compileFilter(parsed.expr),
      abGroups: abGroups >= MIN_AB_GROUPS ? abGroups : undefined,
    });
  }

  const results = ready.map((segment) => {
    const memberIndexes: number[] = [];
    customers.forEach((customer, index) => {
      if (segment.matches(customer, ctx)) memberIndexes.push(index);
    });
    const result: FilterSegmentResult = { name: segment.name, colour: segment.colour, memberIndexes };
    const groups = segment.abGroups;
    if (groups)
      result.groups = memberIndexes.map((index) => abGroup(customers[index]!.key, segment.name, groups));
    return result;
  });
  return { results, errors };
}

/** One sentence for a reported row, naming the segment, in `language` (the message's own language). */
export function describeFilterSegmentError(error: FilterSegmentError, language: Language = 'en'): string {
  const end = /[.?!]$/.test(error.message) ? '' : '.';
  return (
    say(language, `Phân khúc lọc "${error.name}": `, `Filter segment "${error.name}": `) + error.message + end
  );
}
