/**
 * Everything DuckDB and BigQuery spell differently, in one place (README, "When your shop outgrows Sheets"):
 * the builder (build-sql.ts) writes every other part of the script once, in SQL both engines read alike.
 *
 * What the builder avoids instead of translating: `NULLS FIRST/LAST` (BigQuery sorts NULLs first, DuckDB last,
 * so every sort key is COALESCEd), `QUALIFY`, `ARRAY_AGG(… LIMIT 1)[OFFSET(0)]` (window functions in a
 * subquery instead), and floating-point money (amounts are integer minor units throughout).
 */
export type DialectName = 'duckdb' | 'bigquery';

export interface Dialect {
  name: DialectName;
  /** A column or table name: `"Mã hóa đơn"` / `` `Mã hóa đơn` ``. */
  ident(name: string): string;
  /** A string literal. */
  str(text: string): string;
  /** Type names. */
  int: string;
  text: string;
  bool: string;
  /** A cast that gives NULL instead of failing. */
  tryCast(sql: string, type: string): string;
  /** Whether `sql` contains a match of the RE2 `pattern` anywhere (patterns anchor themselves). */
  matches(sql: string, pattern: string): string;
  /** The first capture group of `pattern` (exactly one group), NULL when it does not match. */
  extract(sql: string, pattern: string): string;
  /** Every match replaced (`\\1` back-references). */
  replaceAll(sql: string, pattern: string, replacement: string): string;
  /** Whole days from `from` to `to` (dates): the argument order differs. */
  daysBetween(from: string, to: string): string;
  /** `date` minus `days` days, and minus `months` calendar months (clamped to the month's last day). */
  minusDays(date: string, days: string): string;
  minusMonths(date: string, months: string): string;
  /** Today's date on the shop's clock. */
  today(timeZone: string): string;
  /** Integer division of non-negative integers, and the remainder. */
  intDiv(a: string, b: string): string;
  mod(a: string, b: string): string;
  /** First 32 bits of MD5 of the UTF-8 text, big-endian, as an integer (stable-hash.ts `stableHash32`). */
  hash32(sql: string): string;
  /** NFC form (the A/B hash hashes NFC text). */
  nfc(sql: string): string;
  /** Lower case without diacritics (before the builder's own `đ` → `d` and punctuation rules). */
  stripMarks(sql: string): string;
}

const duckdb: Dialect = {
  name: 'duckdb',
  ident: (name) => `"${name.replace(/"/g, '""')}"`,
  str: (text) => `'${text.replace(/'/g, "''")}'`,
  int: 'BIGINT',
  text: 'VARCHAR',
  bool: 'BOOLEAN',
  tryCast: (sql, type) => `TRY_CAST(${sql} AS ${type})`,
  matches: (sql, pattern) => `regexp_matches(${sql}, ${duckdb.str(pattern)})`,
  extract: (sql, pattern) => `NULLIF(regexp_extract(${sql}, ${duckdb.str(pattern)}, 1), '')`,
  replaceAll: (sql, pattern, replacement) =>
    `regexp_replace(${sql}, ${duckdb.str(pattern)}, ${duckdb.str(replacement)}, 'g')`,
  daysBetween: (from, to) => `date_diff('day', ${from}, ${to})`,
  minusDays: (date, days) => `CAST(${date} - INTERVAL (${days}) DAY AS DATE)`,
  minusMonths: (date, months) => `CAST(${date} - INTERVAL (${months}) MONTH AS DATE)`,
  today: (zone) => `CAST(timezone(${duckdb.str(zone)}, current_timestamp) AS DATE)`,
  intDiv: (a, b) => `((${a}) // (${b}))`,
  mod: (a, b) => `((${a}) % (${b}))`,
  hash32: (sql) => `CAST(('0x' || substr(md5(${sql}), 1, 8)) AS UBIGINT)`,
  nfc: (sql) => `nfc_normalize(${sql})`,
  stripMarks: (sql) => `strip_accents(lower(${sql}))`,
};

/** BigQuery string literals take backslash escapes. */
function bigQueryString(text: string): string {
  const escaped = text
    .replace(/\\/g, '\\\\')
    .replace(/'/g, "\\'")
    // Control characters (the A/B hash's U+001F separator) as \xHH escapes, not raw bytes in the script.
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f]/g, (char) => `\\x${char.charCodeAt(0).toString(16).padStart(2, '0')}`);
  return `'${escaped}'`;
}

const bigquery: Dialect = {
  name: 'bigquery',
  ident: (name) => `\`${name.replace(/\\/g, '\\\\').replace(/`/g, '\\`')}\``,
  str: bigQueryString,
  int: 'INT64',
  text: 'STRING',
  bool: 'BOOL',
  tryCast: (sql, type) => `SAFE_CAST(${sql} AS ${type})`,
  matches: (sql, pattern) => `REGEXP_CONTAINS(${sql}, ${bigQueryString(pattern)})`,
  extract: (sql, pattern) => `REGEXP_EXTRACT(${sql}, ${bigQueryString(pattern)})`,
  replaceAll: (sql, pattern, replacement) =>
    `REGEXP_REPLACE(${sql}, ${bigQueryString(pattern)}, ${bigQueryString(replacement)})`,
  daysBetween: (from, to) => `DATE_DIFF(${to}, ${from}, DAY)`,
  minusDays: (date, days) => `DATE_SUB(${date}, INTERVAL ${days} DAY)`,
  minusMonths: (date, months) => `DATE_SUB(${date}, INTERVAL ${months} MONTH)`,
  today: (zone) => `CURRENT_DATE(${bigQueryString(zone)})`,
  intDiv: (a, b) => `DIV(${a}, ${b})`,
  mod: (a, b) => `MOD(${a}, ${b})`,
  hash32: (sql) => `CAST(CONCAT('0x', SUBSTR(TO_HEX(MD5(${sql})), 1, 8)) AS INT64)`,
  nfc: (sql) => `NORMALIZE(${sql}, NFC)`,
  stripMarks: (sql) => `REGEXP_REPLACE(NORMALIZE(LOWER(${sql}), NFD), ${bigQueryString('\\p{M}')}, '')`,
};

export const DIALECTS: Readonly<Record<DialectName, Dialect>> = { duckdb, bigquery };
