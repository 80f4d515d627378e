/**
 * # The filter language (design.md §4)
 *
 * A definition is one line of text, stored as typed in the spreadsheet, for example
 *     city = "Hà Nội" AND (total_spend >= 5.000.000 OR tags CONTAINS "vip") AND last_purchase >= -30d
 *
 * **Conditions** are `field operator value`; field names are the English ids of fields.ts (case-insensitive):
 * - `=`, `!=` (or `<>`), `<`, `<=`, `>`, `>=` (ordering only on numbers, dates and months);
 * - `BETWEEN a AND b`: inclusive, bounds in either order; `NOT BETWEEN a AND b`;
 * - `IN (v1, v2, …)`, `NOT IN (…)`: equals one / none of them; on a list field (tags): has any / none of them;
 * - `CONTAINS v`, `NOT CONTAINS v`: text has `v` inside it; a list has `v` as one of its elements;
 * - `IS EMPTY`, `IS NOT EMPTY`: no value (never bought, no birthday, blank text, no tags, gender unknown).
 *
 * **Combining**: `NOT` binds tightest, then `AND`, then `OR`, so `a OR b AND c` is `a OR (b AND c)`;
 * parentheses group. Keywords are case-insensitive.
 *
 * **Values**
 * - numbers: `5000000`, `5_000_000`, `5.000.000` or `500.000` (a dot followed by exactly three digits groups
 *   thousands, the way Vietnamese shops write money), `12.5` (any other dot is a decimal point), `-3`;
 * - text: `"…"` or `'…'` (a backslash makes the next character literal), or a single bare word (`tier = Gold`);
 * - choices (gender, region, age_band, segment): the id or a label, bare or quoted (`region = "Miền Bắc"`);
 * - dates: `2026-11-01`, `today`, and `-30d`, `-4w`, `-12m`, `-1y`: that many days, weeks, calendar months or
 *   calendar years before the as-of day (the run's day in the spreadsheet's time zone). A day the earlier month
 *   lacks clamps to its end: as of 31 March, `-1m` is 28 February;
 * - months (birthday_month): `1`–`12`, `jan`…`dec` or `january`…, `this_month`, `next_month`.
 *
 * **Text compares folded**: case, Vietnamese diacritics, spaces and punctuation are ignored, so
 * `city = "Hà Nội"` matches `Ha Noi`, `HÀ NỘI` and `Hanoi`. Staff type without tone marks and POS exports mix
 * NFC with NFD; a filter that silently missed half of a city would be worse than one a little too lenient.
 *
 * **Missing values** (never bought, no birthday, blank text): every comparison is false, `!=` and the `NOT …`
 * operators included; only `IS EMPTY` is true. `NOT (…)` is plain logic: `NOT (age > 30)` includes customers
 * with no age. A list is never missing: no tags is an empty list, so `tags NOT CONTAINS "x"` includes it.
 *
 * **Messages** name the column, the token seen and what was expected, with a "did you mean" for a near miss,
 * in the language asked for (`parseFilter(text, 'vi')`): the sidebar's language, or the run's for the Data
 * issues tab. Field ids, keywords and values stay as typed in either language, since they are what to type.
 */
import { say } from '../i18n';
import type { Language } from '../options';
import { compactKey } from '../text';
import { dayFromCivil } from './calendar';
import type { CompareOperator, FilterCondition, FilterExpr, FilterValue, RelativeUnit } from './expr';
import {
  findFilterField,
  FILTER_FIELD_NAMES,
  OPERATORS_BY_TYPE,
  type EnumFilterField,
  type FilterField,
  type FilterFieldType,
  type FilterOperator,
} from './fields';
import { closestName } from './suggest';
import { FilterSyntaxError, tokenize, type Token } from './tokens';

export type { FilterExpr, FilterCondition, FilterValue } from './expr';

export interface FilterError {
  /** 1-based column in the definition text where the problem is. */
  position: number;
  message: string;
}

/** Parses a definition; a problem is worded in `language`. */
export function parseFilter(
  text: string,
  language: Language = 'en',
): { ok: true; expr: FilterExpr } | { ok: false; error: FilterError } {
  try {
    const tokens = tokenize(text.normalize('NFC'), language);
    return { ok: true, expr: new Parser(tokens, language).parseDefinition() };
  } catch (error) {
    if (error instanceof FilterSyntaxError)
      return { ok: false, error: { position: error.column, message: error.message } };
    throw error;
  }
}

const KEYWORDS = new Set(['AND', 'OR', 'NOT', 'BETWEEN', 'IN', 'CONTAINS', 'IS', 'EMPTY']);

/** How a field type is named in messages. */
const TYPE_NAMES: Readonly<Record<Language, Readonly<Record<FilterFieldType, string>>>> = {
  en: { number: 'number', text: 'text', date: 'date', month: 'month', enum: 'choice', list: 'list' },
  vi: { number: 'số', text: 'chữ', date: 'ngày', month: 'tháng', enum: 'lựa chọn', list: 'danh sách' },
};

/** What to write instead of an operator the field type does not take. */
const OPERATOR_HINTS: Readonly<Record<Language, Readonly<Record<FilterFieldType, string>>>> = {
  en: {
    number: '=, <, >, BETWEEN or IN',
    date: '=, <, >, BETWEEN or IN',
    month: '=, <, >, BETWEEN or IN',
    text: '=, CONTAINS or IN',
    enum: '= or IN',
    list: 'CONTAINS',
  },
  vi: {
    number: '=, <, >, BETWEEN hoặc IN',
    date: '=, <, >, BETWEEN hoặc IN',
    month: '=, <, >, BETWEEN hoặc IN',
    text: '=, CONTAINS hoặc IN',
    enum: '= hoặc IN',
    list: 'CONTAINS',
  },
};

const COMPARE_OPERATORS: Readonly<Record<string, CompareOperator>> = {
  '=': '=',
  '!=': '!=',
  '<>': '!=',
  '<': '<',
  '<=': '<=',
  '>': '>',
  '>=': '>=',
};

/** Operators people type from other languages, and what this one spells them. */
const OPERATOR_FIXES: Readonly<Record<string, string>> = {
  '==': '=',
  '=>': '>=',
  '=<': '<=',
  '!': '!=',
  '=!': '!=',
};

const MONTH_NAMES = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

class Parser {
  private index = 0;
  /** Set when the last value read was a bare word for a text-like field: the next word probably belongs to it. */
  private lastValueWasBareText = false;

  constructor(
    private readonly tokens: Token[],
    private readonly language: Language,
  ) {}

  /** A problem at `column`, worded in the parser's language. */
  private fail(column: number, vi: string, en: string): FilterSyntaxError {
    return syntaxError(this.language, column, vi, en);
  }

  private describe(token: Token): string {
    return describe(token, this.language);
  }

  parseDefinition(): FilterExpr {
    if (this.peek().kind === 'end') {
      throw this.fail(
        1,
        'Cần một điều kiện ở cột 1 — ô điều kiện đang trống',
        'expected a condition at column 1 — the definition is empty',
      );
    }
    const expr = this.parseOr();
    const token = this.peek();
    if (token.kind === 'end') return expr;
    const at = token.column;
    if (token.kind === ')') {
      throw this.fail(
        at,
        `Thừa ")" ở cột ${at} — không có "(" nào đang mở`,
        `unexpected ")" at column ${at} — no "(" is open`,
      );
    }
    const spaced = this.lastValueWasBareText && token.kind === 'word' && !this.isKeyword(token);
    const found = this.describe(token);
    throw this.fail(
      at,
      `Cần AND hoặc OR ở cột ${at}, nhưng gặp ${found}` +
        (spaced ? ' — chữ có khoảng trắng phải đặt trong ngoặc kép ("…")' : ''),
      `expected AND or OR at column ${at}, found ${found}` +
        (spaced ? ' — put text with spaces in quotes' : ''),
    );
  }

  private peek(): Token {
    return this.tokens[this.index]!;
  }

  private next(): Token {
    return this.tokens[this.index++]!;
  }

  private isKeyword(token: Token, keyword?: string): boolean {
    if (token.kind !== 'word') return false;
    const upper = token.text.toUpperCase();
    return keyword ? upper === keyword : KEYWORDS.has(upper);
  }

  private parseOr(): FilterExpr {
    const items = [this.parseAnd()];
    while (this.isKeyword(this.peek(), 'OR')) {
      this.next();
      items.push(this.parseAnd());
    }
    return combine('or', items);
  }

  private parseAnd(): FilterExpr {
    const items = [this.parseNot()];
    while (this.isKeyword(this.peek(), 'AND')) {
      this.next();
      items.push(this.parseNot());
    }
    return combine('and', items);
  }

  private parseNot(): FilterExpr {
    if (this.isKeyword(this.peek(), 'NOT')) {
      this.next();
      return { kind: 'not', expr: this.parseNot() };
    }
    return this.parsePrimary();
  }

  private parsePrimary(): FilterExpr {
    const token = this.peek();
    if (token.kind === '(') {
      this.next();
      const expr = this.parseOr();
      const close = this.peek();
      if (close.kind === ')') {
        this.next();
        return expr;
      }
      if (close.kind === 'end') throw this.unclosed(token);
      throw this.fail(
        close.column,
        `Cần AND, OR hoặc ")" ở cột ${close.column}, nhưng gặp ${this.describe(close)}`,
        `expected AND, OR or ")" at column ${close.column}, found ${this.describe(close)}`,
      );
    }
    const at = token.column;
    if (token.kind === 'end') {
      const previous = this.tokens[this.index - 1]!.text.toUpperCase();
      throw this.fail(
        at,
        `Cần một điều kiện sau "${previous}" ở cột ${at}`,
        `expected a condition after "${previous}" at column ${at}`,
      );
    }
    if (token.kind !== 'word' || this.isKeyword(token)) {
      const quotedField = token.kind === 'string' && findFilterField(token.text);
      const found = this.describe(token);
      throw this.fail(
        at,
        `Cần một điều kiện ở cột ${at}, nhưng gặp ${found}` +
          (quotedField ? ' — hãy viết tên trường không có dấu nháy' : ''),
        `expected a condition at column ${at}, found ${found}` +
          (quotedField ? ' — write field names without quotes' : ''),
      );
    }
    this.next();
    const field = findFilterField(token.text);
    if (!field) {
      const suggestion = closestName(token.text, FILTER_FIELD_NAMES);
      throw this.fail(
        at,
        `Không có trường "${token.text}" ở cột ${at}` +
          (suggestion ? ` — có phải ý bạn là "${suggestion}"?` : ''),
        `unknown field "${token.text}" at column ${at}` +
          (suggestion ? ` — did you mean "${suggestion}"?` : ''),
      );
    }
    return this.parseCondition(field, token);
  }

  private parseCondition(field: FilterField, fieldToken: Token): FilterCondition {
    const token = this.peek();
    if (token.kind === 'operator') {
      this.next();
      const op = COMPARE_OPERATORS[token.text];
      if (!op) {
        const fix = OPERATOR_FIXES[token.text];
        throw this.fail(
          token.column,
          `Không có phép so sánh "${token.text}" ở cột ${token.column}` + (fix ? ` — hãy dùng ${fix}` : ''),
          `unknown operator "${token.text}" at column ${token.column}` + (fix ? ` — use ${fix}` : ''),
        );
      }
      this.requireOperator(field, op, token.text, token);
      return { kind: 'compare', field: field.id, op, value: this.parseValue(field, token.text) };
    }
    if (!this.isKeyword(token) || this.isKeyword(token, 'AND') || this.isKeyword(token, 'OR')) {
      throw this.missingOperator(fieldToken, token);
    }
    this.next();
    let keyword = token.text.toUpperCase();
    let negated = false;
    if (keyword === 'NOT') {
      const after = this.peek();
      if (!['BETWEEN', 'IN', 'CONTAINS'].some((k) => this.isKeyword(after, k))) {
        throw this.fail(
          after.column,
          `Cần BETWEEN, IN hoặc CONTAINS sau NOT ở cột ${after.column}`,
          `expected BETWEEN, IN or CONTAINS after NOT at column ${after.column}`,
        );
      }
      this.next();
      keyword = after.text.toUpperCase();
      negated = true;
    }
    const shown = (negated ? 'NOT ' : '') + keyword;
    switch (keyword) {
      case 'BETWEEN': {
        this.requireOperator(field, shown as FilterOperator, shown, token);
        const low = this.parseValue(field, 'BETWEEN');
        const and = this.peek();
        if (!this.isKeyword(and, 'AND')) {
          throw this.fail(
            and.column,
            `Thiếu AND của BETWEEN ở cột ${and.column}`,
            `BETWEEN needs AND at column ${and.column}`,
          );
        }
        this.next();
        return { kind: 'between', field: field.id, negated, low, high: this.parseValue(field, 'AND') };
      }
      case 'IN':
        return { kind: 'in', field: field.id, negated, values: this.parseList(field) };
      case 'CONTAINS':
        this.requireOperator(field, shown as FilterOperator, shown, token);
        return { kind: 'contains', field: field.id, negated, value: this.parseValue(field, 'CONTAINS') };
      case 'IS': {
        const not = this.isKeyword(this.peek(), 'NOT');
        if (not) this.next();
        const empty = this.peek();
        if (!this.isKeyword(empty, 'EMPTY')) {
          throw this.fail(
            empty.column,
            `Cần EMPTY hoặc NOT EMPTY sau IS ở cột ${empty.column}`,
            `expected EMPTY or NOT EMPTY after IS at column ${empty.column}`,
          );
        }
        this.next();
        return { kind: 'empty', field: field.id, negated: not };
      }
      default:
        throw this.missingOperator(fieldToken, token);
    }
  }

  /** No operator after a field name: `token` is what came instead (possibly the end). */
  private missingOperator(fieldToken: Token, token: Token): FilterSyntaxError {
    const found = token.kind === 'end' ? undefined : this.describe(token);
    return this.fail(
      token.column,
      `Cần một phép so sánh sau "${fieldToken.text}" ở cột ${token.column}` +
        (found ? `, nhưng gặp ${found}` : ''),
      `expected an operator after "${fieldToken.text}" at column ${token.column}` +
        (found ? `, found ${found}` : ''),
    );
  }

  /** A "(" never closed, named at the column where it opened. */
  private unclosed(open: Token): FilterSyntaxError {
    return this.fail(
      open.column,
      `Thiếu ")" cho "(" mở ở cột ${open.column}`,
      `unclosed "(" opened at column ${open.column}`,
    );
  }

  private requireOperator(field: FilterField, operator: FilterOperator, shown: string, at: Token): void {
    if (OPERATORS_BY_TYPE[field.type].includes(operator)) return;
    const { id, type } = field;
    throw this.fail(
      at.column,
      `Phép so sánh "${shown}" không dùng được cho trường ${TYPE_NAMES.vi[type]} "${id}" ở cột ${at.column}` +
        ` — hãy dùng ${OPERATOR_HINTS.vi[type]}`,
      `operator "${shown}" does not apply to ${TYPE_NAMES.en[type]} field "${id}" at column ${at.column}` +
        ` — use ${OPERATOR_HINTS.en[type]}`,
    );
  }

  /** `( value, value, … )` after IN. */
  private parseList(field: FilterField): FilterValue[] {
    const open = this.peek();
    if (open.kind !== '(') {
      const found = open.kind === 'end' ? undefined : this.describe(open);
      throw this.fail(
        open.column,
        `Cần "(" sau IN ở cột ${open.column}` + (found ? `, nhưng gặp ${found}` : ''),
        `expected "(" after IN at column ${open.column}` + (found ? `, found ${found}` : ''),
      );
    }
    this.next();
    const values = [this.parseValue(field, '(')];
    for (;;) {
      const token = this.peek();
      if (token.kind === ')') {
        this.next();
        return values;
      }
      if (token.kind === ',') {
        this.next();
        values.push(this.parseValue(field, ','));
        continue;
      }
      if (token.kind === 'end') throw this.unclosed(open);
      throw this.fail(
        token.column,
        `Cần "," hoặc ")" trong danh sách IN ở cột ${token.column}, nhưng gặp ${this.describe(token)}`,
        `expected "," or ")" in the IN list at column ${token.column}, found ${this.describe(token)}`,
      );
    }
  }

  private parseValue(field: FilterField, after: string): FilterValue {
    const token = this.peek();
    const isValue =
      token.kind === 'string' ||
      (token.kind === 'word' && !this.isKeyword(token, 'AND') && !this.isKeyword(token, 'OR'));
    if (!isValue) {
      throw this.fail(
        token.column,
        `Cần một giá trị sau "${after}" ở cột ${token.column}`,
        `expected a value after "${after}" at column ${token.column}`,
      );
    }
    this.next();
    const value = readValue(field, token, this.language);
    this.lastValueWasBareText = token.kind === 'word' && (field.type === 'text' || field.type === 'list');
    return value;
  }
}

/** A problem at `column`: each site writes both sentences side by side, the language picks one. */
function syntaxError(language: Language, column: number, vi: string, en: string): FilterSyntaxError {
  return new FilterSyntaxError(column, say(language, vi, en));
}

/** The token as a message quotes it: `"Nội"`, or for a quoted string `text "Hà Nội"`. */
function describe(token: Token, language: Language): string {
  return token.kind === 'string'
    ? say(language, `chữ "${token.text}"`, `text "${token.text}"`)
    : `"${token.text}"`;
}

/** An AND/OR of one item is the item; nested items of the same kind are flattened. */
function combine(kind: 'and' | 'or', items: FilterExpr[]): FilterExpr {
  if (items.length === 1) return items[0]!;
  return { kind, items: items.flatMap((item) => (item.kind === kind ? item.items : [item])) };
}

/** Where a value token is and how a message shows it, with the language messages are worded in. */
interface ValueSite {
  at: number;
  shown: string;
  language: Language;
}

/** Interprets a value token for the field's type. */
function readValue(field: FilterField, token: Token, language: Language): FilterValue {
  const raw = token.text.trim();
  const site: ValueSite = { at: token.column, shown: describe(token, language), language };
  const { at, shown } = site;
  switch (field.type) {
    case 'number': {
      const value = readNumber(raw);
      if (value === undefined) {
        throw syntaxError(
          language,
          at,
          `Cần một số cho "${field.id}" ở cột ${at}, nhưng gặp ${shown}`,
          `expected a number for "${field.id}" at column ${at}, found ${shown}`,
        );
      }
      return { kind: 'number', value };
    }
    case 'date':
      return readDate(field, raw, site);
    case 'month':
      return readMonth(field, raw, site);
    case 'enum':
      return { kind: 'text', value: readChoice(field, raw, site) };
    case 'text':
    case 'list':
      if (compactKey(raw) === '') {
        throw syntaxError(
          language,
          at,
          `Chữ "${raw}" ở cột ${at} không có chữ cái hay chữ số nào để so sánh`,
          `text "${raw}" has no letters or digits to compare at column ${at}`,
        );
      }
      return { kind: 'text', value: raw };
  }
}

const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?$/;
const DOT_THOUSANDS = /^-?[1-9]\d{0,2}(?:\.\d{3})+$/;
const UNDERSCORE_THOUSANDS = /^-?[1-9]\d{0,2}(?:_\d{3})+(?:\.\d+)?$/;
/** More digits than a double holds exactly would not print back as typed. */
const MAX_DIGITS = 15;

/** `5000000`, `5_000_000`, `5.000.000`, `500.000` (thousands), `12.5` (decimal), or undefined. */
export function readNumber(raw: string): number | undefined {
  let plain: string;
  if (DOT_THOUSANDS.test(raw)) plain = raw.replace(/\./g, '');
  else if (UNDERSCORE_THOUSANDS.test(raw)) plain = raw.replace(/_/g, '');
  else if (PLAIN_NUMBER.test(raw)) plain = raw;
  else return undefined;
  if (plain.replace(/\D/g, '').length > MAX_DIGITS) return undefined;
  return Number(plain);
}

const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const RELATIVE_DATE = /^-(\d{1,4})([dwmy])$/i;

function readDate(field: FilterField, raw: string, site: ValueSite): FilterValue {
  const { at, shown, language } = site;
  if (raw.toLowerCase() === 'today') return { kind: 'relative-date', amount: 0, unit: 'd' };
  const relative = RELATIVE_DATE.exec(raw);
  if (relative) {
    return {
      kind: 'relative-date',
      amount: Number(relative[1]),
      unit: relative[2]!.toLowerCase() as RelativeUnit,
    };
  }
  const iso = ISO_DATE.exec(raw);
  if (iso) {
    const day = dayFromCivil(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    if (day === undefined) {
      throw syntaxError(
        language,
        at,
        `Ngày "${raw}" ở cột ${at} không có trên lịch`,
        `no such date "${raw}" at column ${at}`,
      );
    }
    return { kind: 'date', day };
  }
  throw syntaxError(
    language,
    at,
    `Cần một ngày cho "${field.id}" ở cột ${at}, nhưng gặp ${shown} — hãy viết 2026-11-01, today, hoặc -30d / -4w / -12m`,
    `expected a date for "${field.id}" at column ${at}, found ${shown} — write 2026-11-01, today, or -30d / -4w / -12m`,
  );
}

function readMonth(field: FilterField, raw: string, site: ValueSite): FilterValue {
  const { at, shown, language } = site;
  const lower = raw.toLowerCase();
  if (lower === 'this_month') return { kind: 'relative-month', offset: 0 };
  if (lower === 'next_month') return { kind: 'relative-month', offset: 1 };
  if (/^\d{1,2}$/.test(raw) && Number(raw) >= 1 && Number(raw) <= 12)
    return { kind: 'month', month: Number(raw) };
  const byName = MONTH_NAMES.findIndex(
    (name) => name === lower || (lower.length === 3 && name.startsWith(lower)),
  );
  if (byName >= 0) return { kind: 'month', month: byName + 1 };
  throw syntaxError(
    language,
    at,
    `Cần một tháng cho "${field.id}" ở cột ${at}, nhưng gặp ${shown} — hãy viết 1–12, tên tháng tiếng Anh (jan, february…) hoặc this_month`,
    `expected a month for "${field.id}" at column ${at}, found ${shown} — write 1–12, a month name or this_month`,
  );
}

/** A choice by id (any case), by its Vietnamese or English label, or by its id folded (`at risk` → `at-risk`). */
function readChoice(field: EnumFilterField, raw: string, site: ValueSite): string {
  const lower = raw.toLowerCase();
  const key = compactKey(raw);
  const choice =
    field.values.find((c) => c.id.toLowerCase() === lower) ??
    field.values.find((c) => compactKey(c.label.vi) === key || compactKey(c.label.en) === key) ??
    field.values.find((c) => /[a-z]/i.test(c.id) && compactKey(c.id) === key);
  if (choice) return choice.id;
  const ids = field.values.map((c) => c.id);
  const suggestion = closestName(raw, ids);
  const { at, language } = site;
  throw syntaxError(
    language,
    at,
    `Không có giá trị "${raw}" cho "${field.id}" ở cột ${at}` +
      (suggestion ? ` — có phải ý bạn là "${suggestion}"?` : ` — hãy dùng một trong ${ids.join(', ')}`),
    `unknown ${field.id} "${raw}" at column ${at}` +
      (suggestion ? ` — did you mean "${suggestion}"?` : ` — use one of ${ids.join(', ')}`),
  );
}
