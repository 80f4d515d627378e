/**
 * The canonical text of a filter: field ids in lower case, keywords in upper case, texts in double quotes, numbers
 * without grouping, dates as `yyyy-mm-dd`, and parentheses only where precedence needs them. What the builder
 * writes into the definitions tab; `parseFilter(formatFilter(e))` gives `e` back.
 */
import { civilFromDay } from './calendar';
import type { FilterCondition, FilterExpr, FilterValue } from './expr';
import { findFilterField } from './fields';

const KEYWORDS = new Set(['and', 'or', 'not', 'between', 'in', 'contains', 'is', 'empty']);

/** Binding strength: an operand weaker than its parent needs parentheses. */
const STRENGTH: Readonly<Record<FilterExpr['kind'], number>> = {
  or: 1,
  and: 2,
  not: 3,
  compare: 4,
  between: 4,
  in: 4,
  contains: 4,
  empty: 4,
};

export function formatFilter(expr: FilterExpr): string {
  switch (expr.kind) {
    case 'or':
    case 'and':
      return expr.items
        .map((item) => operand(item, STRENGTH[expr.kind] + 1))
        .join(expr.kind === 'or' ? ' OR ' : ' AND ');
    case 'not':
      return `NOT ${operand(expr.expr, STRENGTH.not)}`;
    default:
      return formatCondition(expr);
  }
}

function operand(expr: FilterExpr, needed: number): string {
  const text = formatFilter(expr);
  return STRENGTH[expr.kind] < needed ? `(${text})` : text;
}

function formatCondition(condition: FilterCondition): string {
  const field = condition.field;
  const value = (v: FilterValue) => formatFilterValue(field, v);
  const not = 'negated' in condition && condition.negated ? 'NOT ' : '';
  switch (condition.kind) {
    case 'compare':
      return `${field} ${condition.op} ${value(condition.value)}`;
    case 'between':
      return `${field} ${not}BETWEEN ${value(condition.low)} AND ${value(condition.high)}`;
    case 'in':
      return `${field} ${not}IN (${condition.values.map(value).join(', ')})`;
    case 'contains':
      return `${field} ${not}CONTAINS ${value(condition.value)}`;
    case 'empty':
      return `${field} IS ${not}EMPTY`;
  }
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** One value as the canonical text writes it (`"Hà Nội"`, `2026-11-01`, `-30d`, `this_month`). */
export function formatFilterValue(fieldId: string, value: FilterValue): string {
  switch (value.kind) {
    case 'number':
      return formatNumber(value.value);
    case 'date': {
      const { year, month, day } = civilFromDay(value.day);
      return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
    }
    case 'relative-date':
      return value.amount === 0 ? 'today' : `-${value.amount}${value.unit}`;
    case 'month':
      return String(value.month);
    case 'relative-month':
      return value.offset === 0 ? 'this_month' : 'next_month';
    case 'text':
      return findFilterField(fieldId)?.type === 'enum' && isBareChoice(value.value)
        ? value.value
        : quote(value.value);
  }
}

/** Choice ids such as `female`, `North`, `at-risk` read well bare; `18-25` or `<18` need quotes. */
function isBareChoice(id: string): boolean {
  return /^[A-Za-z][A-Za-z0-9_-]*$/.test(id) && !KEYWORDS.has(id.toLowerCase());
}

function quote(text: string): string {
  return `"${text.replace(/[\\"]/g, (ch) => `\\${ch}`)}"`;
}

/** Plain digits (no exponent), as the parser reads them back. */
function formatNumber(value: number): string {
  const text = String(value);
  if (!/e/i.test(text)) return text;
  return value.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 });
}
