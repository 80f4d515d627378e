/**
 * Runs a parsed filter over customers. `compileFilter` turns the expression into nested closures once (fields
 * looked up, texts folded, choices resolved), so a run over 100k customers does no parsing or folding of the
 * definition per customer. Semantics are documented in parse.ts.
 */
import type { CustomerRecord } from '../model';
import type { Language } from '../options';
import { compactKey } from '../text';
import { civilFromDay, monthsBefore } from './calendar';
import type { CompareOperator, FilterCondition, FilterExpr, FilterValue } from './expr';
import { findFilterField, type FilterField, type NumericFilterField } from './fields';
import { parseFilter, type FilterError } from './parse';

export interface FilterContext {
  /** The run's as-of day (day number on the spreadsheet's calendar): relative dates and `this_month` count from it. */
  asOfDay: number;
}

export type CustomerPredicate = (customer: CustomerRecord, ctx: FilterContext) => boolean;

export function compileFilter(expr: FilterExpr): CustomerPredicate {
  return compileExpr(expr, new FoldCache());
}

/** Parses and counts in one go, for the builder's live member count; a problem is worded in `language`. */
export function countMatches(
  text: string,
  customers: readonly CustomerRecord[],
  ctx: FilterContext,
  language: Language = 'en',
): { ok: true; count: number } | { ok: false; error: FilterError } {
  const matched = matchFilter(text, customers, ctx, language);
  return matched.ok ? { ok: true, count: matched.indexes.length } : matched;
}

/**
 * Parses a definition and lists the matching customers (indexes into `customers`, ascending); a problem with
 * the definition is worded in `language`.
 */
export function matchFilter(
  text: string,
  customers: readonly CustomerRecord[],
  ctx: FilterContext,
  language: Language = 'en',
): { ok: true; indexes: number[] } | { ok: false; error: FilterError } {
  const parsed = parseFilter(text, language);
  if (!parsed.ok) return parsed;
  const matches = compileFilter(parsed.expr);
  const indexes: number[] = [];
  customers.forEach((customer, index) => {
    if (matches(customer, ctx)) indexes.push(index);
  });
  return { ok: true, indexes };
}

/**
 * Folded keys of customer texts, remembered: cities, stores, tiers and tags repeat across thousands of customers.
 * Bounded so that unique texts (names, emails) cannot grow it without limit.
 */
class FoldCache {
  private readonly keys = new Map<string, string>();

  key(text: string): string {
    let key = this.keys.get(text);
    if (key === undefined) {
      key = compactKey(text);
      if (this.keys.size < 50_000) this.keys.set(text, key);
    }
    return key;
  }
}

function compileExpr(expr: FilterExpr, cache: FoldCache): CustomerPredicate {
  switch (expr.kind) {
    case 'and': {
      const items = expr.items.map((item) => compileExpr(item, cache));
      return (customer, ctx) => {
        for (const item of items) if (!item(customer, ctx)) return false;
        return true;
      };
    }
    case 'or': {
      const items = expr.items.map((item) => compileExpr(item, cache));
      return (customer, ctx) => {
        for (const item of items) if (item(customer, ctx)) return true;
        return false;
      };
    }
    case 'not': {
      const inner = compileExpr(expr.expr, cache);
      return (customer, ctx) => !inner(customer, ctx);
    }
    default:
      return compileCondition(expr, cache);
  }
}

function fieldOf(condition: FilterCondition): FilterField {
  const field = findFilterField(condition.field);
  if (!field) throw new Error(`Unknown filter field "${condition.field}".`);
  return field;
}

function compileCondition(condition: FilterCondition, cache: FoldCache): CustomerPredicate {
  const field = fieldOf(condition);
  switch (field.type) {
    case 'number':
    case 'date':
    case 'month':
      return compileNumeric(field, condition);
    case 'list':
      return compileList(field.read, condition, cache);
    case 'text':
      return compileText(field.read, condition, cache, undefined, field.equalityKey);
    case 'enum': {
      // Choices are stored as ids; parse resolved the typed value to an id, so they compare exactly.
      const unknownId = field.unknownId;
      return compileText(field.read, condition, undefined, unknownId);
    }
  }
}

const COMPARE: Readonly<Record<CompareOperator, (a: number, b: number) => boolean>> = {
  '=': (a, b) => a === b,
  '!=': (a, b) => a !== b,
  '<': (a, b) => a < b,
  '<=': (a, b) => a <= b,
  '>': (a, b) => a > b,
  '>=': (a, b) => a >= b,
};

/** A numeric bound: fixed, or worked out from the as-of day (relative dates, this_month). */
function numericBound(value: FilterValue): number | ((asOfDay: number) => number) {
  switch (value.kind) {
    case 'number':
      return value.value;
    case 'date':
      return value.day;
    case 'month':
      return value.month;
    case 'relative-month':
      return (asOfDay) => ((civilFromDay(asOfDay).month - 1 + value.offset) % 12) + 1;
    case 'relative-date': {
      const { amount, unit } = value;
      if (unit === 'd') return (asOfDay) => asOfDay - amount;
      if (unit === 'w') return (asOfDay) => asOfDay - 7 * amount;
      return (asOfDay) => monthsBefore(asOfDay, unit === 'm' ? amount : 12 * amount);
    }
    case 'text':
      throw new Error(`A text value cannot bound a number, date or month.`);
  }
}

/**
 * The bounds of a condition as numbers for a given as-of day; relative ones are worked out once per as-of day,
 * not once per customer.
 */
function boundsResolver(values: readonly FilterValue[]): (asOfDay: number) => number[] {
  const bounds = values.map(numericBound);
  if (bounds.every((bound) => typeof bound === 'number')) {
    const fixed = bounds as number[];
    return () => fixed;
  }
  let cachedDay = NaN;
  let cached: number[] = [];
  return (asOfDay) => {
    if (asOfDay !== cachedDay) {
      cached = bounds.map((bound) => (typeof bound === 'number' ? bound : bound(asOfDay)));
      cachedDay = asOfDay;
    }
    return cached;
  };
}

function compileNumeric(field: NumericFilterField, condition: FilterCondition): CustomerPredicate {
  const read = field.read;
  switch (condition.kind) {
    case 'empty': {
      const wantEmpty = !condition.negated;
      return (customer) => (read(customer) === undefined) === wantEmpty;
    }
    case 'compare': {
      const test = COMPARE[condition.op];
      const bounds = boundsResolver([condition.value]);
      return (customer, ctx) => {
        const value = read(customer);
        return value !== undefined && test(value, bounds(ctx.asOfDay)[0]!);
      };
    }
    case 'between': {
      const negated = condition.negated;
      const bounds = boundsResolver([condition.low, condition.high]);
      return (customer, ctx) => {
        const value = read(customer);
        if (value === undefined) return false;
        const [a, b] = bounds(ctx.asOfDay) as [number, number];
        const inside = a <= b ? value >= a && value <= b : value >= b && value <= a;
        return inside !== negated;
      };
    }
    case 'in': {
      const negated = condition.negated;
      const bounds = boundsResolver(condition.values);
      return (customer, ctx) => {
        const value = read(customer);
        return value !== undefined && bounds(ctx.asOfDay).includes(value) !== negated;
      };
    }
    case 'contains':
      throw new Error(`CONTAINS does not apply to the ${field.type} field "${field.id}".`);
  }
}

function textOf(value: FilterValue): string {
  if (value.kind !== 'text') throw new Error(`Expected a text value, got ${value.kind}.`);
  return value.value;
}

/**
 * Text fields compare folded keys (`cache` given); choice fields compare ids exactly (no cache). An empty text
 * is a missing value; `unknownId` (gender `unknown`) is a value that `IS EMPTY` also matches.
 */
function compileText(
  read: (customer: CustomerRecord) => string,
  condition: FilterCondition,
  cache: FoldCache | undefined,
  unknownId?: string,
  equalityKey?: (text: string) => string,
): CustomerPredicate {
  const key = cache ? (text: string) => cache.key(text) : (text: string) => text;
  const equalKey = equalityKey ? (text: string) => key(equalityKey(text)) : key;
  switch (condition.kind) {
    case 'empty': {
      const wantEmpty = !condition.negated;
      return (customer) => {
        const value = read(customer);
        return (key(value) === '' || value === unknownId) === wantEmpty;
      };
    }
    case 'compare': {
      const wanted = equalKey(textOf(condition.value));
      const equal = condition.op === '=';
      return (customer) => {
        const value = equalKey(read(customer));
        return value !== '' && (value === wanted) === equal;
      };
    }
    case 'in': {
      const wanted = new Set(condition.values.map((value) => equalKey(textOf(value))));
      const negated = condition.negated;
      return (customer) => {
        const value = equalKey(read(customer));
        return value !== '' && wanted.has(value) !== negated;
      };
    }
    case 'contains': {
      const part = key(textOf(condition.value));
      const negated = condition.negated;
      return (customer) => {
        const value = key(read(customer));
        return value !== '' && value.includes(part) !== negated;
      };
    }
    case 'between':
      throw new Error(`BETWEEN does not apply to text field "${condition.field}".`);
  }
}

/** Tags: CONTAINS and IN test whole elements (folded), never parts of a tag. */
function compileList(
  read: (customer: CustomerRecord) => readonly string[],
  condition: FilterCondition,
  cache: FoldCache,
): CustomerPredicate {
  const hasAny = (items: readonly string[], wanted: ReadonlySet<string>) => {
    for (const item of items) if (wanted.has(cache.key(item))) return true;
    return false;
  };
  switch (condition.kind) {
    case 'empty': {
      const wantEmpty = !condition.negated;
      return (customer) => (read(customer).length === 0) === wantEmpty;
    }
    case 'contains':
    case 'in': {
      const values = condition.kind === 'in' ? condition.values : [condition.value];
      const wanted = new Set(values.map((value) => cache.key(textOf(value))));
      const negated = condition.negated;
      return (customer) => hasAny(read(customer), wanted) !== negated;
    }
    case 'compare':
    case 'between':
      throw new Error(`Only CONTAINS, IN and IS EMPTY apply to the list field "${condition.field}".`);
  }
}
