/**
 * The filter builder's model: condition rows in OR-groups (each group's rows must all hold; any group may),
 * turned into the definition text, and text turned back into rows when it has that shape. The text is what is
 * stored and what the core parser checks, so the rows never hold meaning the text lacks.
 *
 * A row's value is typed as the user sees it: text, tags and choices are quoted for them (`Hà Nội` →
 * `"Hà Nội"`); numbers, dates and months are written as typed, so `5.000.000`, `-30d` and `this_month` reach
 * the parser unchanged and its message points into what the user typed. `IN` takes values separated by commas;
 * `BETWEEN` takes two values.
 */
import type { FilterCondition, FilterExpr, FilterValue } from '../core/filter/expr';
import {
  findFilterField,
  OPERATORS_BY_TYPE,
  type FilterField,
  type FilterOperator,
} from '../core/filter/fields';
import { formatFilterValue } from '../core/filter/format';
import { parseFilter } from '../core/filter/parse';
import { matchFilter } from '../core/filter/evaluate';
import type { CustomerRecord } from '../core/model';
import type { FilterCount, FilterTable, Language } from '../shared/api';

/** Member names shown under the live count (as the server's countFilterSegment). */
const COUNT_SAMPLES = 5;
/** Each table's customers, rebuilt once per table rather than once per edit. */
const tableCustomers = new WeakMap<FilterTable, CustomerRecord[]>();

export interface ConditionRow {
  /** Field id (fields.ts). */
  field: string;
  op: FilterOperator;
  /** As typed; for IN several values separated by commas; for a choice field the choice id. */
  value: string;
  /** The upper bound of BETWEEN. */
  value2: string;
}

/** Groups joined by OR, rows of a group joined by AND. */
export type ConditionGroups = ConditionRow[][];

const QUOTED_TYPES = new Set(['text', 'list', 'enum']);

function fieldOf(id: string): FilterField {
  const field = findFilterField(id);
  if (!field) throw new Error(`Unknown filter field ${id}`);
  return field;
}

/** A fresh row for a field: its first operator, and its first choice for a choice field. */
export function newCondition(fieldId: string): ConditionRow {
  const field = fieldOf(fieldId);
  return {
    field: field.id,
    op: OPERATORS_BY_TYPE[field.type][0]!,
    value: field.type === 'enum' ? field.values[0]!.id : '',
    value2: '',
  };
}

/** Changes a row's field, keeping its operator when the new field takes it. */
export function withField(row: ConditionRow, fieldId: string): ConditionRow {
  const fresh = newCondition(fieldId);
  const field = fieldOf(fieldId);
  const keepOp = OPERATORS_BY_TYPE[field.type].includes(row.op);
  return { ...fresh, op: keepOp ? row.op : fresh.op };
}

function quote(text: string): string {
  return `"${text.replace(/[\\"]/g, (ch) => `\\${ch}`)}"`;
}

function valueText(field: FilterField, typed: string): string {
  const value = typed.trim();
  if (value === '') return '';
  return QUOTED_TYPES.has(field.type) ? quote(value) : value;
}

export function conditionText(row: ConditionRow): string {
  const field = fieldOf(row.field);
  const value = (typed: string) => valueText(field, typed);
  switch (row.op) {
    case 'IS EMPTY':
    case 'IS NOT EMPTY':
      return `${field.id} ${row.op}`;
    case 'BETWEEN':
    case 'NOT BETWEEN':
      return `${field.id} ${row.op} ${value(row.value)} AND ${value(row.value2)}`;
    case 'IN':
    case 'NOT IN':
      return `${field.id} ${row.op} (${row.value
        .split(',')
        .map((part) => value(part))
        .filter((part) => part !== '')
        .join(', ')})`;
    default:
      return `${field.id} ${row.op} ${value(row.value)}`.trimEnd();
  }
}

export function groupsToText(groups: ConditionGroups): string {
  const used = groups.filter((group) => group.length > 0);
  return used
    .map((group) => {
      const text = group.map(conditionText).join(' AND ');
      return used.length > 1 && group.length > 1 ? `(${text})` : text;
    })
    .join(' OR ');
}

/** A value as the row shows it: text unquoted, everything else as the canonical text prints it. */
function shownValue(field: string, value: FilterValue): string {
  return value.kind === 'text' ? value.value : formatFilterValue(field, value);
}

function conditionRow(condition: FilterCondition): ConditionRow | null {
  const row = (op: FilterOperator, value = '', value2 = ''): ConditionRow => ({
    field: condition.field,
    op,
    value,
    value2,
  });
  switch (condition.kind) {
    case 'compare':
      return row(condition.op, shownValue(condition.field, condition.value));
    case 'between':
      return row(
        condition.negated ? 'NOT BETWEEN' : 'BETWEEN',
        shownValue(condition.field, condition.low),
        shownValue(condition.field, condition.high),
      );
    case 'in': {
      const values = condition.values.map((value) => shownValue(condition.field, value));
      // A value with a comma in it cannot be told apart from two values in the row's one box.
      if (values.some((value) => value.includes(','))) return null;
      return row(condition.negated ? 'NOT IN' : 'IN', values.join(', '));
    }
    case 'contains':
      return row(
        condition.negated ? 'NOT CONTAINS' : 'CONTAINS',
        shownValue(condition.field, condition.value),
      );
    case 'empty':
      return row(condition.negated ? 'IS NOT EMPTY' : 'IS EMPTY');
  }
}

function groupOf(expr: FilterExpr): ConditionRow[] | null {
  const items = expr.kind === 'and' ? expr.items : [expr];
  const rows: ConditionRow[] = [];
  for (const item of items) {
    if (item.kind === 'and' || item.kind === 'or' || item.kind === 'not') return null;
    const row = conditionRow(item);
    if (!row) return null;
    rows.push(row);
  }
  return rows;
}

/**
 * The rows a definition text shows as, or null when it does not parse or has a shape rows cannot show
 * (NOT, an OR inside an AND): the builder then offers the text alone.
 */
export function textToGroups(text: string): ConditionGroups | null {
  if (text.trim() === '') return [];
  const parsed = parseFilter(text);
  if (!parsed.ok) return null;
  const expr = parsed.expr;
  const groups: ConditionGroups = [];
  for (const item of expr.kind === 'or' ? expr.items : [expr]) {
    const group = groupOf(item);
    if (!group) return null;
    groups.push(group);
  }
  return groups;
}

/**
 * Counts a definition on the table fetched once (getFilterTable), as countFilterSegment counts it on the server:
 * the same core matcher on the same customers, so the count is what a run writes in the segment's tab.
 */
export function countOnTable(table: FilterTable, definition: string, language: Language): FilterCount {
  let customers = tableCustomers.get(table);
  if (!customers) {
    customers = table.rows.map((row) => {
      const record: Record<string, unknown> = {};
      table.fields.forEach((name, i) => {
        const value = row[i];
        if (value !== null && value !== undefined) record[name] = value;
      });
      return record as unknown as CustomerRecord;
    });
    tableCustomers.set(table, customers);
  }
  const matched = matchFilter(definition, customers, { asOfDay: table.asOfDay }, language);
  if (!matched.ok) return { ok: false, problem: matched.error };
  return {
    ok: true,
    count: matched.indexes.length,
    customers: customers.length,
    asOf: table.asOf,
    samples: matched.indexes.slice(0, COUNT_SAMPLES).map((index) => {
      const customer = customers![index]!;
      return customer.name || customer.code || customer.phone;
    }),
  };
}
