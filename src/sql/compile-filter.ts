/**
 * Filter segments → SQL: the filter language's AST (parse.ts, expr.ts) compiled to one boolean expression per
 * segment over the `p` row of build-sql.ts, with the semantics of evaluate.ts: texts compare folded (compactKey),
 * a missing value makes every comparison false (only IS EMPTY is true), NOT is plain logic, relative dates count
 * back from the as-of day with calendar months clamped. Fields the SQL face does not compute (age, tags,
 * predictions, …) are refused with a message naming the segment and the field.
 */
import type { FilterExpr, FilterCondition, FilterValue } from '../core/filter/expr';
import { findFilterField } from '../core/filter/fields';
import { parseFilter } from '../core/filter/parse';
import { MIN_AB_GROUPS } from '../core/filter/ab-split';
import type { SavedFilterSegment } from '../core/filter/run';
import { HASH_PART_SEPARATOR } from '../core/stable-hash';
import type { Language } from '../core/options';
import { compactKey, tidyText } from '../core/text';
import { formatDay } from '../core/parse/time-zone';
import { segmentColumn, type Sql } from './build-sql';

export interface CompiledFilter {
  name: string;
  column: string;
  abColumn: string;
  condition: string;
  abGroups?: number;
  /** The A/B hash's text before the customer key: the tidied name and U+001F (ab-split.ts splitHashText). */
  hashPrefix: string;
}

type Kind = 'number' | 'money' | 'date' | 'text' | 'place' | 'enum';

/** The fields the SQL computes: their column in `p` and how they compare. */
const SQL_FIELDS: Readonly<Record<string, { sql: string; kind: Kind }>> = {
  code: { sql: 'p.code', kind: 'text' },
  name: { sql: 'p.name', kind: 'text' },
  phone: { sql: 'p.phone', kind: 'text' },
  email: { sql: 'p.email', kind: 'text' },
  city: { sql: 'p.city', kind: 'place' },
  last_city: { sql: 'p.last_city', kind: 'place' },
  last_store: { sql: 'p.last_store', kind: 'text' },
  first_purchase: { sql: 'p.first_purchase', kind: 'date' },
  last_purchase: { sql: 'p.last_purchase', kind: 'date' },
  days_since_last_visit: { sql: 'p.recency_days', kind: 'number' },
  invoices: { sql: 'p.invoices', kind: 'number' },
  total_spend: { sql: 'p.total_spend_minor', kind: 'money' },
  average_order: { sql: 'p.average_order_minor', kind: 'money' },
  r: { sql: 'p.r', kind: 'number' },
  f: { sql: 'p.f', kind: 'number' },
  m: { sql: 'p.m', kind: 'number' },
  rfm: { sql: 'p.rfm_code', kind: 'text' },
  segment: { sql: 'p.segment_id', kind: 'enum' },
};

class Compiler {
  constructor(
    private readonly sql: Sql,
    private readonly segment: string,
    private readonly moneyDigits: number,
    private readonly monetary: 'total' | 'average',
  ) {}

  expr(expr: FilterExpr): string {
    switch (expr.kind) {
      case 'and':
        return `(${expr.items.map((item) => this.expr(item)).join(' AND ')})`;
      case 'or':
        return `(${expr.items.map((item) => this.expr(item)).join(' OR ')})`;
      case 'not':
        return `(NOT ${this.expr(expr.expr)})`;
      default:
        // Every condition is TRUE or FALSE, never NULL, so NOT stays plain logic.
        return `COALESCE(${this.condition(expr)}, FALSE)`;
    }
  }

  private field(condition: FilterCondition): { sql: string; kind: Kind } {
    const field = findFilterField(condition.field);
    const id = field?.id ?? condition.field;
    if (id === 'monetary')
      return {
        sql: this.monetary === 'average' ? 'p.average_order_minor' : 'p.total_spend_minor',
        kind: 'money',
      };
    const known = SQL_FIELDS[id];
    if (!known) {
      throw new Error(
        `Filter segment "${this.segment}": the field "${id}" is not computed by the SQL script (it has ${[...Object.keys(SQL_FIELDS), 'monetary'].join(', ')}).`,
      );
    }
    return known;
  }

  /** A bound as SQL: numbers (money scaled to minor units), dates as DATE, relative dates from the as-of day. */
  private bound(value: FilterValue, kind: Kind): string {
    const d = this.sql.d;
    switch (value.kind) {
      case 'number':
        return kind === 'money' ? String(value.value * 10 ** this.moneyDigits) : String(value.value);
      case 'date':
        return `DATE '${formatDay(value.day)}'`;
      case 'relative-date': {
        const { amount, unit } = value;
        if (unit === 'd') return d.minusDays('p.as_of', String(amount));
        if (unit === 'w') return d.minusDays('p.as_of', String(7 * amount));
        return d.minusMonths('p.as_of', String(unit === 'm' ? amount : 12 * amount));
      }
      default:
        throw new Error(`Filter segment "${this.segment}": a ${value.kind} value is not supported in SQL.`);
    }
  }

  private key(sqlText: string, kind: Kind, equality: boolean): string {
    if (kind === 'enum') return sqlText;
    const d = this.sql.d;
    const text =
      kind === 'place' && equality
        ? `COALESCE(${d.extract(sqlText, '^(.+?) - ')}, ${d.extract(sqlText, ',([^,]*)$')}, ${sqlText})`
        : sqlText;
    return this.sql.compact(`COALESCE(${text}, '')`);
  }

  private textValue(value: FilterValue, kind: Kind, equality: boolean): string {
    if (value.kind !== 'text') throw new Error(`Filter segment "${this.segment}": expected a text value.`);
    if (kind === 'enum') return this.sql.d.str(value.value);
    let text = value.value;
    if (kind === 'place' && equality) {
      const dash = text.indexOf(' - ');
      const comma = text.lastIndexOf(',');
      text = dash > 0 ? text.slice(0, dash) : comma >= 0 ? text.slice(comma + 1) : text;
    }
    return this.sql.d.str(compactKey(text));
  }

  private condition(condition: FilterCondition): string {
    const { sql: column, kind } = this.field(condition);
    const numeric = kind === 'number' || kind === 'money' || kind === 'date';
    if (condition.kind === 'empty') {
      const empty = numeric ? `${column} IS NULL` : `${this.key(column, kind, false)} = ''`;
      return condition.negated ? `NOT (${empty})` : empty;
    }
    if (numeric) {
      switch (condition.kind) {
        case 'compare': {
          const op = condition.op === '!=' ? '<>' : condition.op;
          return `${column} IS NOT NULL AND ${column} ${op} ${this.bound(condition.value, kind)}`;
        }
        case 'between': {
          const a = this.bound(condition.low, kind);
          const b = this.bound(condition.high, kind);
          const inside = `((${a} <= ${b} AND ${column} BETWEEN ${a} AND ${b}) OR (${a} > ${b} AND ${column} BETWEEN ${b} AND ${a}))`;
          return `${column} IS NOT NULL AND ${condition.negated ? `NOT ${inside}` : inside}`;
        }
        case 'in': {
          const list = condition.values.map((value) => this.bound(value, kind)).join(', ');
          return `${column} IS NOT NULL AND ${column} ${condition.negated ? 'NOT IN' : 'IN'} (${list})`;
        }
        default:
          throw new Error(`Filter segment "${this.segment}": CONTAINS does not apply to ${condition.field}.`);
      }
    }
    const equalKey = this.key(column, kind, true);
    switch (condition.kind) {
      case 'compare': {
        const op = condition.op === '=' ? '=' : '<>';
        return `${equalKey} <> '' AND ${equalKey} ${op} ${this.textValue(condition.value, kind, true)}`;
      }
      case 'in': {
        const list = condition.values.map((value) => this.textValue(value, kind, true)).join(', ');
        return `${equalKey} <> '' AND ${equalKey} ${condition.negated ? 'NOT IN' : 'IN'} (${list})`;
      }
      case 'contains': {
        const whole = this.key(column, kind, false);
        const found = `STRPOS(${whole}, ${this.textValue(condition.value, kind, false)}) > 0`;
        return `${whole} <> '' AND ${condition.negated ? `NOT ${found}` : found}`;
      }
      default:
        throw new Error(`Filter segment "${this.segment}": BETWEEN does not apply to ${condition.field}.`);
    }
  }
}

/** The enabled segments, compiled; a definition that does not parse or uses a field SQL lacks is an Error. */
export function compileFilterSegments(
  sql: Sql,
  segments: readonly SavedFilterSegment[],
  language: Language,
  moneyDigits = 0,
  monetary: 'total' | 'average' = 'total',
): CompiledFilter[] {
  const compiled: CompiledFilter[] = [];
  const seen = new Set<string>();
  for (const segment of segments) {
    if (!segment.enabled) continue;
    const name = tidyText(segment.name);
    if (!name || seen.has(name.toLowerCase())) continue;
    seen.add(name.toLowerCase());
    const parsed = parseFilter(segment.definition, language);
    if (!parsed.ok) {
      throw new Error(`Filter segment "${name}", column ${parsed.error.position}: ${parsed.error.message}`);
    }
    const groups = segment.abGroups ?? 0;
    compiled.push({
      name,
      column: segmentColumn('segment', name),
      abColumn: segmentColumn('ab', name),
      condition: new Compiler(sql, name, moneyDigits, monetary).expr(parsed.expr),
      ...(groups >= MIN_AB_GROUPS ? { abGroups: groups } : {}),
      hashPrefix: `${name}${HASH_PART_SEPARATOR}`,
    });
  }
  return compiled;
}
