/**
 * Sheets number formats: which kind of value a format makes a cell (Range.getValues returns a `Date` for a
 * number in a date or time format) and how a value is shown (Range.getDisplayValues).
 * Format syntax: https://developers.google.com/sheets/api/guides/formats ; display separators follow the
 * spreadsheet locale (a `#,##0` cell shows `1.250.000` in vi_VN and `1,250,000` in en_US).
 *
 * Supported: General, `@`, digit placeholders `0 # ?` with grouping `,` and decimals `.`, `%`, literals
 * ("quoted", \escaped, `[$₫-42A]` currency tags, other characters), up to four `;` sections, and date/time
 * tokens `d dd ddd dddd m mm mmm mmmm yy yyyy h hh s ss AM/PM A/P` (case-insensitive, `m` is minutes next to
 * `h` or `s`). Not supported (rendered approximately): scientific notation, fractions, `[h]` elapsed time,
 * conditions and colours (ignored).
 */
import type { LocaleRules } from './locale';
import { wallMsFromSerial } from './zone';

export const GENERAL = 'General';

export type FormatKind = 'general' | 'text' | 'number' | 'date';

type DateToken =
  | { kind: 'year'; width: number }
  | { kind: 'month'; width: number }
  | { kind: 'minute'; width: number }
  | { kind: 'day'; width: number }
  | { kind: 'hour'; width: number }
  | { kind: 'second'; width: number }
  | { kind: 'ampm'; am: string; pm: string }
  | { kind: 'literal'; text: string };

interface NumberSection {
  prefix: string;
  suffix: string;
  minInteger: number;
  grouped: boolean;
  minDecimals: number;
  maxDecimals: number;
  percent: number;
}

interface CompiledFormat {
  kind: FormatKind;
  /** Rendered texts by locale and value: data repeats (same day, same amount), rendering is the cost. */
  rendered?: Map<string, Map<number, string>>;
  dateTokens?: DateToken[];
  hasTime?: boolean;
  sections?: NumberSection[];
}

const compiled = new Map<string, CompiledFormat>();

/** Splits on `;` outside quotes and brackets. */
function splitSections(format: string): string[] {
  const sections: string[] = [];
  let current = '';
  let quoted = false;
  let bracket = false;
  for (let i = 0; i < format.length; i++) {
    const ch = format[i]!;
    if (ch === '\\' && !quoted) {
      current += ch + (format[i + 1] ?? '');
      i++;
      continue;
    }
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === '[') bracket = true;
    else if (!quoted && ch === ']') bracket = false;
    if (ch === ';' && !quoted && !bracket) {
      sections.push(current);
      current = '';
    } else current += ch;
  }
  sections.push(current);
  return sections;
}

/** Literal text of a bracket: `[$₫-42A]` → `₫`; colours and conditions show nothing. */
function bracketText(inside: string): string {
  if (inside.startsWith('$')) return inside.slice(1).split('-')[0]!;
  return '';
}

function tokenizeDate(section: string): DateToken[] | null {
  const tokens: DateToken[] = [];
  let sawDatePart = false;
  for (let i = 0; i < section.length;) {
    const ch = section[i]!;
    const lower = ch.toLowerCase();
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      const stop = end < 0 ? section.length : end;
      tokens.push({ kind: 'literal', text: section.slice(i + 1, stop) });
      i = stop + 1;
      continue;
    }
    if (ch === '\\') {
      tokens.push({ kind: 'literal', text: section[i + 1] ?? '' });
      i += 2;
      continue;
    }
    if (ch === '[') {
      const end = section.indexOf(']', i);
      const stop = end < 0 ? section.length : end;
      const inside = section.slice(i + 1, stop);
      if (/^[hms]+$/i.test(inside)) {
        const letter = inside[0]!.toLowerCase();
        tokens.push({ kind: letter === 'h' ? 'hour' : letter === 'm' ? 'minute' : 'second', width: 1 });
        sawDatePart = true;
      } else tokens.push({ kind: 'literal', text: bracketText(inside) });
      i = stop + 1;
      continue;
    }
    const rest = section.slice(i);
    const ampm = /^(am\/pm|a\/p)/i.exec(rest);
    if (ampm) {
      const text = ampm[1]!;
      const upper = text[0] === text[0]!.toUpperCase();
      const short = text.length === 3;
      const am = short ? 'A' : 'AM';
      const pm = short ? 'P' : 'PM';
      tokens.push({ kind: 'ampm', am: upper ? am : am.toLowerCase(), pm: upper ? pm : pm.toLowerCase() });
      i += text.length;
      continue;
    }
    if ('ymdhs'.includes(lower)) {
      let j = i;
      while (j < section.length && section[j]!.toLowerCase() === lower) j++;
      const width = j - i;
      const kind = ({ y: 'year', m: 'month', d: 'day', h: 'hour', s: 'second' } as const)[
        lower as 'y' | 'm' | 'd' | 'h' | 's'
      ];
      tokens.push({ kind, width } as DateToken);
      sawDatePart = true;
      i = j;
      continue;
    }
    if (ch === '0' || ch === '#' || ch === '?') return null;
    if (ch === '_') {
      tokens.push({ kind: 'literal', text: ' ' });
      i += 2;
      continue;
    }
    if (ch === '*') {
      i += 2;
      continue;
    }
    tokens.push({ kind: 'literal', text: ch });
    i++;
  }
  if (!sawDatePart) return null;
  // `m` / `mm` is minutes right after an hour or right before a second (literals between are skipped).
  const parts = tokens.filter((token) => token.kind !== 'literal' && token.kind !== 'ampm');
  parts.forEach((token, index) => {
    if (token.kind !== 'month' || token.width > 2) return;
    const before = parts[index - 1];
    const after = parts[index + 1];
    if (before?.kind === 'hour' || after?.kind === 'second') (token as { kind: string }).kind = 'minute';
  });
  return tokens;
}

function compileNumberSection(section: string): NumberSection {
  let prefix = '';
  let suffix = '';
  let seenDigit = false;
  let inDecimals = false;
  let minInteger = 0;
  let grouped = false;
  let minDecimals = 0;
  let maxDecimals = 0;
  let percent = 0;
  const addLiteral = (text: string) => {
    if (seenDigit) suffix += text;
    else prefix += text;
  };
  for (let i = 0; i < section.length; i++) {
    const ch = section[i]!;
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      const stop = end < 0 ? section.length : end;
      addLiteral(section.slice(i + 1, stop));
      i = stop;
    } else if (ch === '\\') {
      addLiteral(section[i + 1] ?? '');
      i++;
    } else if (ch === '[') {
      const end = section.indexOf(']', i);
      const stop = end < 0 ? section.length : end;
      addLiteral(bracketText(section.slice(i + 1, stop)));
      i = stop;
    } else if (ch === '_') {
      addLiteral(' ');
      i++;
    } else if (ch === '*') {
      i++;
    } else if (ch === '0' || ch === '#' || ch === '?') {
      if (suffix) continue; // digits after a suffix literal are not supported; keep the first run
      seenDigit = true;
      if (inDecimals) {
        maxDecimals++;
        if (ch === '0') minDecimals = maxDecimals;
      } else if (ch === '0') minInteger++;
    } else if (ch === ',' && seenDigit && !inDecimals && !suffix) {
      grouped = true;
    } else if (ch === '.' && !inDecimals && !suffix) {
      inDecimals = true;
      seenDigit = true;
    } else if (ch === '%') {
      percent++;
      addLiteral('%');
    } else addLiteral(ch);
  }
  return { prefix, suffix, minInteger, grouped, minDecimals, maxDecimals, percent };
}

export function compileFormat(format: string): CompiledFormat {
  let found = compiled.get(format);
  if (found) return found;
  const trimmed = format.trim();
  if (trimmed === '' || trimmed.toLowerCase() === 'general') found = { kind: 'general' };
  else if (trimmed === '@') found = { kind: 'text' };
  else {
    const sections = splitSections(format);
    const dateTokens = tokenizeDate(sections[0]!);
    if (dateTokens) {
      const hasTime = dateTokens.some((t) => t.kind === 'hour' || t.kind === 'minute' || t.kind === 'second');
      found = { kind: 'date', dateTokens, hasTime };
    } else found = { kind: 'number', sections: sections.map(compileNumberSection) };
  }
  compiled.set(format, found);
  return found;
}

export function formatKind(format: string | undefined): FormatKind {
  return format === undefined ? 'general' : compileFormat(format).kind;
}

function groupDigits(digits: string, separator: string): string {
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += separator;
    out += digits[i];
  }
  return out;
}

function renderNumberSection(section: NumberSection, value: number, locale: LocaleRules): string {
  const scaled = Math.abs(value) * 100 ** section.percent;
  let text = scaled.toFixed(section.maxDecimals);
  let [integer, decimals = ''] = text.split('.');
  while (decimals.length > section.minDecimals && decimals.endsWith('0')) decimals = decimals.slice(0, -1);
  integer = integer!.replace(/^0+/, '');
  if (integer.length < section.minInteger) integer = integer.padStart(section.minInteger, '0');
  if (section.grouped) integer = groupDigits(integer, locale.group);
  text = decimals ? `${integer}${locale.decimal}${decimals}` : integer;
  return section.prefix + text + section.suffix;
}

/** General: integers in full up to 15 digits, otherwise about 10 significant digits (as a default-width column). */
export function renderGeneral(value: number, locale: LocaleRules): string {
  if (!Number.isFinite(value)) return String(value);
  let text: string;
  if (Number.isInteger(value) && Math.abs(value) < 1e15) text = String(value);
  else {
    const abs = Math.abs(value);
    if (abs !== 0 && (abs >= 1e15 || abs < 1e-9)) {
      text = value
        .toExponential(5)
        .replace(/\.?0+e/, 'e')
        .replace('e', 'E');
    } else text = String(Number(value.toPrecision(10)));
  }
  return locale.decimal === '.' ? text : text.replace('.', locale.decimal);
}

const nameCache = new Map<string, string[]>();

function names(tag: string, what: 'month' | 'weekday', width: 'long' | 'short'): string[] {
  const key = `${tag}|${what}|${width}`;
  let list = nameCache.get(key);
  if (!list) {
    const format = new Intl.DateTimeFormat(tag, { timeZone: 'UTC', [what]: width });
    list =
      what === 'month'
        ? Array.from({ length: 12 }, (_, m) => format.format(Date.UTC(2021, m, 15)))
        : // 2021-01-03 was a Sunday: index 0 = Sunday, as Date.getUTCDay.
          Array.from({ length: 7 }, (_, d) => format.format(Date.UTC(2021, 0, 3 + d)));
    nameCache.set(key, list);
  }
  return list;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

function renderDate(tokens: DateToken[], serial: number, locale: LocaleRules): string {
  const wall = new Date(wallMsFromSerial(serial));
  const hours = wall.getUTCHours();
  const twelveHour = tokens.some((t) => t.kind === 'ampm');
  let out = '';
  for (const token of tokens) {
    switch (token.kind) {
      case 'literal':
        out += token.text;
        break;
      case 'year': {
        const year = wall.getUTCFullYear();
        out += token.width <= 2 ? pad(year % 100, 2) : pad(year, 4);
        break;
      }
      case 'month': {
        const month = wall.getUTCMonth();
        if (token.width <= 2) out += pad(month + 1, token.width);
        else if (token.width === 3) out += names(locale.tag, 'month', 'short')[month];
        else if (token.width === 4) out += names(locale.tag, 'month', 'long')[month];
        else out += names(locale.tag, 'month', 'long')[month]!.charAt(0);
        break;
      }
      case 'day':
        if (token.width <= 2) out += pad(wall.getUTCDate(), token.width);
        else out += names(locale.tag, 'weekday', token.width === 3 ? 'short' : 'long')[wall.getUTCDay()];
        break;
      case 'hour': {
        const shown = twelveHour ? hours % 12 || 12 : hours;
        out += pad(shown, Math.min(token.width, 2));
        break;
      }
      case 'minute':
        out += pad(wall.getUTCMinutes(), Math.min(token.width, 2));
        break;
      case 'second':
        out += pad(wall.getUTCSeconds(), Math.min(token.width, 2));
        break;
      case 'ampm':
        out += hours < 12 ? token.am : token.pm;
        break;
    }
  }
  return out;
}

/** The text a cell shows (Range.getDisplayValues): a number or serial date under its format. */
export function renderNumber(value: number, format: string | undefined, locale: LocaleRules): string {
  if (format === undefined) return renderGeneral(value, locale);
  const spec = compileFormat(format);
  if (spec.kind === 'general' || spec.kind === 'text') return renderGeneral(value, locale);
  spec.rendered ??= new Map();
  let memo = spec.rendered.get(locale.code);
  if (!memo) {
    memo = new Map();
    spec.rendered.set(locale.code, memo);
  }
  let text = memo.get(value);
  if (text === undefined) {
    text = renderSpecific(spec, value, locale);
    if (memo.size >= RENDER_MEMO_LIMIT) memo.clear();
    memo.set(value, text);
  }
  return text;
}

const RENDER_MEMO_LIMIT = 50_000;

function renderSpecific(spec: CompiledFormat, value: number, locale: LocaleRules): string {
  if (spec.kind === 'date') return renderDate(spec.dateTokens!, value, locale);
  const sections = spec.sections!;
  if (value < 0 && sections.length >= 2) return renderNumberSection(sections[1]!, value, locale);
  if (value === 0 && sections.length >= 3) return renderNumberSection(sections[2]!, value, locale);
  const text = renderNumberSection(sections[0]!, value, locale);
  // A single section shows negatives with a minus sign, unless the value rounds to zero.
  return value < 0 && /[1-9]/.test(text) ? `-${text}` : text;
}
