/** Splits a filter definition into tokens, each with its 1-based column. */
import { say } from '../i18n';
import type { Language } from '../options';

export type TokenKind = 'word' | 'string' | 'operator' | '(' | ')' | ',' | 'end';

export interface Token {
  kind: TokenKind;
  /** Word and operator: as typed. String: the content, escapes resolved. */
  text: string;
  /** 1-based column of the token's first character. */
  column: number;
}

/** A problem found while reading a definition; `parseFilter` turns it into a `FilterError`. */
export class FilterSyntaxError extends Error {
  constructor(
    readonly column: number,
    message: string,
  ) {
    super(message);
  }
}

/** Opening quote → closing quote. Phones and word processors turn `"` into curly quotes; those work too. */
const QUOTES: Readonly<Record<string, string>> = {
  '"': '"',
  "'": "'",
  '\u201c': '\u201d',
  '\u2018': '\u2019',
};
const OPERATOR_CHARS = '=!<>';
const SINGLE: Readonly<Record<string, TokenKind>> = { '(': '(', ')': ')', ',': ',' };
/** Characters that end a bare word. */
const BREAKS = new Set([...OPERATOR_CHARS, '(', ')', ',', '"', "'", '\u201c', '\u201d', '\u2018', '\u2019']);

const isSpace = (ch: string) => /\s/.test(ch);

/**
 * The tokens of `text` (already NFC), ending with an `end` token placed just after the last non-space. A problem
 * is worded in `language`.
 */
export function tokenize(text: string, language: Language = 'en'): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    const column = i + 1;
    if (isSpace(ch)) {
      i++;
    } else if (SINGLE[ch]) {
      tokens.push({ kind: SINGLE[ch], text: ch, column });
      i++;
    } else if (QUOTES[ch]) {
      const close = QUOTES[ch];
      let value = '';
      i++;
      for (;;) {
        if (i >= text.length) {
          throw new FilterSyntaxError(
            column,
            say(
              language,
              `Đoạn chữ mở ở cột ${column} thiếu dấu ${close} đóng`,
              `unterminated string at column ${column}`,
            ),
          );
        }
        const c = text[i]!;
        if (c === '\\' && i + 1 < text.length) {
          value += text[i + 1];
          i += 2;
        } else if (c === close) {
          i++;
          break;
        } else {
          value += c;
          i++;
        }
      }
      tokens.push({ kind: 'string', text: value, column });
    } else if (OPERATOR_CHARS.includes(ch)) {
      let end = i;
      while (end < text.length && OPERATOR_CHARS.includes(text[end]!)) end++;
      tokens.push({ kind: 'operator', text: text.slice(i, end), column });
      i = end;
    } else {
      let end = i;
      while (end < text.length && !isSpace(text[end]!) && !BREAKS.has(text[end]!)) end++;
      tokens.push({ kind: 'word', text: text.slice(i, end), column });
      i = end;
    }
  }
  tokens.push({ kind: 'end', text: '', column: text.trimEnd().length + 1 });
  return tokens;
}
