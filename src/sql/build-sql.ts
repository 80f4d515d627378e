/**
 * The SQL face (issue 21): one script, for DuckDB or BigQuery, that computes over the raw exports what a run
 * computes (design.md §2–4): tables `rfm_customers`, `rfm_segments` and `rfm_issues` from `invoices_raw` and
 * `customers_raw`, the exports loaded as they are (every column a STRING named by its header).
 *
 * The knowledge is the core's, compiled: which header holds which field, the date order and the money's decimals
 * (read from a sample by the core's openSheet), the status words (status.ts), walk-in names (read-invoices.ts),
 * the 2018 phone renumbering (phone.ts), the quintile rule (score.ts), the segment map (segment-map.ts) and the
 * filter language (compile-filter.ts). Only dialect spellings differ (dialects.ts).
 *
 * Where the SQL reads less than the engine (a rare date spelling, an amount with more decimals than the sample
 * showed), the row is listed in `rfm_issues` rather than read differently. Where the engine follows the sheet's
 * row order (a loaded table has none), the script takes an order-free rule instead: an invoice's fields come
 * from its lines' smallest value (lines of one invoice agree; when two totals differ the row is listed), and of
 * customer rows sharing a phone the one with the smallest member code names the customer.
 */
import { WALK_IN_KEYS } from '../core/invoices/read-invoices';
import { PREFIXES_2018 } from '../core/parse/phone';
import { NOT_PURCHASE, STILL_PURCHASE, TRUE_WORDS, isCancelFlagHeader } from '../core/parse/status';
import type { Breakpoints, Language, MetricSet, ScoreLevels } from '../core/options';
import { SEGMENTS } from '../core/rfm/segment-catalogue';
import { segmentResolver } from '../core/rfm/segment-map';
import type { SavedFilterSegment } from '../core/filter/run';
import { foldText } from '../core/text';
import type { FieldId } from '../core/table/fields';
import type { PosLayout } from '../core/table/layouts';
import { compileFilterSegments } from './compile-filter';
import { DIALECTS, type Dialect, type DialectName } from './dialects';

/** What the script needs to know of one export, as the core read it from a sample. */
export interface RawSheet {
  /** Field → the header naming its column (the loaded table's column name). */
  columns: Partial<Record<FieldId, string>>;
  /** Every header, in order: an exact duplicate row is one equal in all of them. */
  headers: string[];
  /** 1-based row of the header in the file (rows above it are titles: `bq load --skip_leading_rows`). */
  headerRow: number;
  /** The order of text dates, `dmy` or `mdy`. */
  dateOrder: 'dmy' | 'mdy';
  layout?: PosLayout;
}

export interface SqlOptions {
  dialect: DialectName;
  invoices: RawSheet;
  customers?: RawSheet;
  /** Decimals of the money's minor unit (money.ts): amounts are integers of 10^-digits. */
  moneyDigits: number;
  asOf: string;
  timeZone: string;
  levels: ScoreLevels;
  metrics: MetricSet;
  monetary: 'total' | 'average';
  breakpoints?: Breakpoints;
  segmentMap?: Record<string, string[]>;
  filterSegments?: SavedFilterSegment[];
  language: Language;
}

export const RAW_TABLES = { invoices: 'invoices_raw', customers: 'customers_raw' } as const;

/** SQL helpers bound to one dialect. */
export class Sql {
  constructor(readonly d: Dialect) {}

  /** `x` trimmed, NULL when blank. */
  blankToNull(x: string): string {
    return `NULLIF(TRIM(${x}), '')`;
  }

  /** foldText (text.ts) in SQL: lower case, no diacritics, `đ` → `d`, other runs → one space, trimmed. */
  fold(x: string): string {
    return `TRIM(${this.d.replaceAll(`REPLACE(${this.d.stripMarks(x)}, 'đ', 'd')`, '[^a-z0-9]+', ' ')})`;
  }

  /** compactKey (text.ts): the fold without spaces. */
  compact(x: string): string {
    return this.d.replaceAll(`REPLACE(${this.d.stripMarks(x)}, 'đ', 'd')`, '[^a-z0-9]+', '');
  }

  list(values: readonly string[]): string {
    return values.map((value) => this.d.str(value)).join(', ');
  }
}

/**
 * Sub-expressions computed once per row in an inner SELECT (`r.st_…`), so a regex the outer expressions use a
 * dozen times runs once: DuckDB does not share repeated expressions, and at 1M lines that is most of the time.
 */
export class Layer {
  /** Level 1 reads only the raw columns; level 2 may read level 1's. */
  private readonly levels: [string[], string[]] = [[], []];
  add(name: string, expr: string, level: 1 | 2 = 1): string {
    this.levels[level - 1].push(`${expr} AS st_${name}`);
    return `r.st_${name}`;
  }
  /** `FROM (SELECT r.*, level 2 FROM (SELECT r.*, level 1 FROM table AS r WHERE …) AS r) AS r`. */
  from(table: string, where: string): string {
    const [first, second] = this.levels;
    const select = (columns: string[], source: string) =>
      columns.length ? `(\n  SELECT r.*,\n    ${columns.join(',\n    ')}\n  FROM ${source}\n) AS r` : source;
    return `FROM ${select(second, select(first, `${table} AS r ${where}`))}`;
  }
}

/** Identifier-safe column name for a filter segment: `segment_vip_khach`. */
export function segmentColumn(prefix: string, name: string): string {
  const slug = foldText(name).replace(/ /g, '_') || 'segment';
  return `${prefix}_${slug}`;
}

const CURRENCY_START = '(?i:đồng|vnđ|vnd|usd|us\\$|₫|đ|\\$)';
const CURRENCY_END = '(?i:đồng|vnđ|vnd|usd|us\\$|₫|đ|\\$|dong|d)';

/** Money text → integer minor units, NULL when unreadable (money.ts and number-text.ts, the usual shapes). */
function moneyMinor(sql: Sql, raw: string, digits: number, layer: Layer, name: string): string {
  const d = sql.d;
  const bare = layer.add(`${name}_bare`, d.replaceAll(`TRIM(${raw})`, "^'|[\\s\\x{00A0}]", ''));
  const body = layer.add(
    `${name}_body`,
    d.extract(bare, `^\\(?[-−+]?${CURRENCY_START}?[-−+]?([0-9][0-9.,]*)${CURRENCY_END}?\\)?$`),
    2,
  );
  const negative = `(${d.matches(bare, '^\\(.*\\)$')} OR ${d.matches(bare, `^\\(?${CURRENCY_START}?[-−]`)})`;
  const pick = (pattern: string) => d.matches(body, pattern);
  // Integer part (separators removed) and fraction, by the same rules as number-text.ts.
  const intPart = `CASE
        WHEN ${pick('^[0-9]+$')} THEN ${body}
        WHEN ${pick('^[1-9][0-9]{0,2}(?:\\.[0-9]{3})+$')} THEN REPLACE(${body}, '.', '')
        WHEN ${pick('^[1-9][0-9]{0,2}(?:,[0-9]{3})+$')} THEN REPLACE(${body}, ',', '')
        WHEN ${pick('^(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)\\.[0-9]+$')} THEN REPLACE(${d.extract(body, '^([0-9,]+)\\.')}, ',', '')
        WHEN ${pick('^(?:[0-9]{1,3}(?:\\.[0-9]{3})+|[0-9]+),[0-9]+$')} THEN REPLACE(${d.extract(body, '^([0-9.]+),')}, '.', '')
      END`;
  const fraction = `CASE
        WHEN ${pick('^[0-9]+$|^[1-9][0-9]{0,2}(?:[.][0-9]{3})+$|^[1-9][0-9]{0,2}(?:,[0-9]{3})+$')} THEN ''
        ELSE ${d.extract(body, '[.,]([0-9]+)$')}
      END`;
  const scale = 10 ** digits;
  const fractionMinor =
    digits === 0
      ? `CASE WHEN ${fraction} = '' THEN 0 END`
      : `CASE WHEN LENGTH(${fraction}) <= ${digits} THEN CAST(RPAD(${fraction}, ${digits}, '0') AS ${d.int}) END`;
  const magnitude = `CASE WHEN LENGTH(${intPart}) <= 13 THEN CAST(${intPart} AS ${d.int}) * ${scale} + ${fractionMinor} END`;
  return `(CASE WHEN ${negative} THEN -1 ELSE 1 END) * (${magnitude})`;
}

/** A date text → DATE (dd/mm/yyyy or mm/dd/yyyy by the detected order, or ISO), NULL when unreadable. */
function dateParts(
  sql: Sql,
  raw: string,
  order: 'dmy' | 'mdy',
  layer: Layer,
): { day: string; second: string } {
  const d = sql.d;
  const time = '(?:[ T,]+([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:[.][0-9]+)?)?)?';
  const dayMonth = `^\\s*([0-9]{1,2})[/.-]([0-9]{1,2})[/.-]([0-9]{4})${time}\\s*$`;
  const iso = `^\\s*([0-9]{4})[-/]([0-9]{1,2})[-/]([0-9]{1,2})${time}\\s*$`;
  /** The k-th group (1-based) of a pattern, the others made non-capturing. */
  const group = (pattern: string, k: number) => {
    let seen = 0;
    const one = pattern.replace(/\((?!\?)/g, () => (++seen === k ? '(' : '(?:'));
    return d.extract(raw, one);
  };
  const [dayAt, monthAt] = order === 'dmy' ? [1, 2] : [2, 1];
  const isIso = layer.add('date_iso', d.matches(raw, iso));
  const part = (name: string, dm: number, isoAt: number) =>
    layer.add(
      `date_${name}`,
      `CASE WHEN ${isIso} THEN ${group(iso, isoAt)} ELSE ${group(dayMonth, dm)} END`,
      2,
    );
  const year = part('year', 3, 1);
  const month = part('month', monthAt, 2);
  const dayOfMonth = part('day', dayAt, 3);
  const hours = `COALESCE(${part('hours', 4, 4)}, '0')`;
  const minutes = `COALESCE(${part('minutes', 5, 5)}, '0')`;
  const seconds = `COALESCE(${part('seconds', 6, 6)}, '0')`;
  const timeOk = `(CAST(${hours} AS ${d.int}) <= 23 AND CAST(${minutes} AS ${d.int}) <= 59 AND CAST(${seconds} AS ${d.int}) <= 59)`;
  const text = `${year} || '-' || LPAD(${month}, 2, '0') || '-' || LPAD(${dayOfMonth}, 2, '0')`;
  const day = `CASE WHEN ${timeOk} THEN ${d.tryCast(text, 'DATE')} END`;
  const second = `CAST(${hours} AS ${d.int}) * 3600 + CAST(${minutes} AS ${d.int}) * 60 + CAST(${seconds} AS ${d.int})`;
  return { day, second };
}

/** A phone text → the canonical customer-key phone (mobile `0xxxxxxxxx` or foreign `+…`), else NULL (phone.ts). */
function keyPhone(sql: Sql, raw: string, layer: Layer): string {
  const d = sql.d;
  let text = `TRIM(${raw})`;
  text = d.replaceAll(text, "^'\\s*", '');
  text = d.replaceAll(text, '[.]0$', '');
  text = `REPLACE(${text}, '(0)', '')`;
  const valid = layer.add('phone_valid', d.matches(text, '^[\\s./()-]*[+]?[0-9\\s./()\\x{00A0}-]*$'));
  const plus = layer.add('phone_plus', d.matches(text, '^[\\s./()-]*[+]'));
  const digits = layer.add('phone_digits', d.replaceAll(text, '[^0-9]', ''));
  const intl = `(${plus} OR ${digits} LIKE '00%')`;
  const num = `CASE WHEN ${plus} THEN ${digits} WHEN ${digits} LIKE '00%' THEN SUBSTR(${digits}, 3) ELSE ${digits} END`;
  const national = `CASE
        WHEN ${intl} AND ${num} LIKE '84%' THEN '0' || CASE WHEN SUBSTR(${num}, 3, 1) = '0' THEN SUBSTR(${num}, 4) ELSE SUBSTR(${num}, 3) END
        WHEN ${intl} THEN NULL
        WHEN ${num} LIKE '1800%' OR ${num} LIKE '1900%' THEN NULL
        WHEN LENGTH(${num}) IN (11, 12) AND ${num} LIKE '84%' THEN '0' || SUBSTR(${num}, 3)
        WHEN ${num} NOT LIKE '0%' AND LENGTH(${num}) IN (9, 10) THEN '0' || ${num}
        ELSE ${num}
      END`;
  const prefixes = Object.entries(PREFIXES_2018)
    .map(([old, current]) => `WHEN ${d.str(old)} THEN ${d.str(current)}`)
    .join(' ');
  return `CASE
      WHEN ${raw} IS NULL OR NOT ${valid} OR ${digits} = '' THEN NULL
      WHEN ${intl} AND ${num} NOT LIKE '84%' THEN CASE WHEN LENGTH(${num}) BETWEEN 7 AND 15 THEN '+' || ${num} END
      WHEN LENGTH(${national}) = 11 AND ${national} LIKE '01%' THEN (CASE SUBSTR(${national}, 1, 4) ${prefixes} END) || SUBSTR(${national}, 5)
      WHEN ${d.matches(national, '^0[35789][0-9]{8}$')} THEN ${national}
    END`;
}

/** An email text → the lower-case address, NULL when not one (email.ts; Haravan's made-up `@vn.phone` is none). */
function emailKey(sql: Sql, raw: string): string {
  const d = sql.d;
  const text = d.replaceAll(`LOWER(TRIM(${raw}))`, "^'\\s*|^mailto:", '');
  const pattern = "^[a-z0-9!#$%&'*+/=?^_`{|}~.-]+@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?[.])+[a-z]{2,}$";
  return `CASE WHEN ${d.matches(text, pattern)} AND ${text} NOT LIKE '%..%' AND ${text} NOT LIKE '.%' AND ${text} NOT LIKE '%.@%' AND ${text} NOT LIKE '%@vn.phone' THEN ${text} END`;
}

/** Whether a status text means the invoice is not a purchase (status.ts, the same word table). */
function cancelledStatus(sql: Sql, raw: string, sheet: RawSheet): string {
  const d = sql.d;
  const header = sheet.columns.status ?? '';
  const folded = sql.fold(raw);
  if (isCancelFlagHeader(header)) return `COALESCE(${folded} IN (${sql.list([...TRUE_WORDS])}), FALSE)`;
  const phrase = (words: readonly string[][]) =>
    `(^| )(?:${words.map((ws) => ws.map((w) => (w.endsWith('*') ? `${w.slice(0, -1)}[a-z0-9]*` : w)).join(' ')).join('|')})( |$)`;
  const purchase = (sheet.layout?.statuses?.purchase ?? []).map(foldText);
  const notPurchase = (sheet.layout?.statuses?.notPurchase ?? []).map(foldText);
  return `COALESCE(CASE
        ${purchase.length ? `WHEN ${folded} IN (${sql.list(purchase)}) THEN FALSE` : ''}
        ${notPurchase.length ? `WHEN ${folded} IN (${sql.list(notPurchase)}) THEN TRUE` : ''}
        WHEN ${d.matches(folded, phrase(STILL_PURCHASE))} THEN FALSE
        WHEN ${d.matches(folded, phrase(NOT_PURCHASE))} THEN TRUE
        ELSE FALSE
      END, FALSE)`;
}

/** A column of a raw table by field, or NULL when the export has none. */
function column(sql: Sql, sheet: RawSheet, field: FieldId): string {
  const header = sheet.columns[field];
  return header === undefined ? `CAST(NULL AS ${sql.d.text})` : `r.${sql.d.ident(header)}`;
}

/** Every column of a row as one text, for the exact-duplicate check. */
function fingerprint(sql: Sql, sheet: RawSheet): string {
  return sheet.headers
    .map((header) => `COALESCE(r.${sql.d.ident(header)}, '')`)
    .join(` || ${sql.d.str('\u001f')} || `);
}

/** The customer code of an invoice line: blank, a walk-in word (`Khách lẻ`) or zeros only mean no customer. */
function invoiceCustomerCode(sql: Sql, raw: string): string {
  const code = `UPPER(TRIM(${raw}))`;
  return `CASE WHEN ${raw} IS NULL OR TRIM(${raw}) = '' OR ${sql.compact(raw)} IN (${sql.list(WALK_IN_KEYS)}) OR ${sql.d.matches(`TRIM(${raw})`, '^0+$')} THEN NULL ELSE ${code} END`;
}

function invoiceStages(sql: Sql, options: SqlOptions): string {
  const d = sql.d;
  const sheet = options.invoices;
  const col = (field: FieldId) => column(sql, sheet, field);
  const codeHeader = sheet.columns.invoiceCode;
  const phoneRaw = col('phone');
  const layer = new Layer();
  const date = dateParts(sql, col('date'), sheet.dateOrder, layer);
  const digits = options.moneyDigits;
  const price = sheet.columns.lineTotal ? '' : moneyMinor(sql, col('unitPrice'), digits, layer, 'price');
  const lineAmount = sheet.columns.lineTotal
    ? moneyMinor(sql, col('lineTotal'), digits, layer, 'line')
    : `CASE WHEN ${d.matches(`TRIM(${col('quantity')})`, '^-?[0-9]+$')} THEN ${price} * CAST(TRIM(${col('quantity')}) AS ${d.int}) WHEN ${sql.blankToNull(col('quantity'))} IS NULL THEN ${price} END`;
  const totalMinor = moneyMinor(sql, col('invoiceTotal'), digits, layer, 'total');
  const phone = keyPhone(sql, phoneRaw, layer);
  const lines = `CREATE OR REPLACE TABLE rfm_stage_lines AS
SELECT
  ${codeHeader ? `TRIM(r.${d.ident(codeHeader)})` : `CAST(ROW_NUMBER() OVER () AS ${d.text})`} AS invoice_code,
  ${fingerprint(sql, sheet)} AS row_text,
  ${col('date')} AS date_text,
  ${date.day} AS day,
  ${date.second} AS second_of_day,
  ${col('invoiceTotal')} AS total_text,
  ${totalMinor} AS total_minor,
  ${lineAmount} AS line_minor,
  ${sheet.columns.status ? cancelledStatus(sql, col('status'), sheet) : 'FALSE'} AS cancelled,
  ${sql.blankToNull(col('status'))} AS status_text,
  ${invoiceCustomerCode(sql, col('customerCode'))} AS customer_code,
  CASE WHEN ${phoneRaw} LIKE '%@%' THEN NULL ELSE ${phone} END AS phone,
  COALESCE(${emailKey(sql, col('email'))}, CASE WHEN ${phoneRaw} LIKE '%@%' THEN ${emailKey(sql, phoneRaw)} END) AS email,
  CASE WHEN ${sql.compact(col('name'))} IN (${sql.list(WALK_IN_KEYS)}) THEN NULL ELSE ${sql.blankToNull(col('name'))} END AS name,
  ${sql.blankToNull(col('store'))} AS store,
  ${sql.blankToNull(col('city'))} AS city
${layer.from(RAW_TABLES.invoices, codeHeader ? `WHERE TRIM(COALESCE(r.${d.ident(codeHeader)}, '')) <> '' AND TRIM(r.${d.ident(codeHeader)}) <> ${d.str(codeHeader.trim())}` : '')};`;

  const invoices = `CREATE OR REPLACE TABLE rfm_stage_invoices AS
WITH unique_lines AS (
  SELECT * FROM (
    SELECT l.*, ROW_NUMBER() OVER (PARTITION BY row_text ORDER BY row_text) AS copy_number FROM rfm_stage_lines AS l
  ) AS numbered WHERE copy_number = 1
)
SELECT
  invoice_code,
  MIN(day) AS day,
  MAX(day) AS latest_day,
  MIN(CASE WHEN day IS NOT NULL THEN second_of_day END) AS second_of_day,
  MIN(total_minor) AS total_minor,
  MAX(total_minor) AS other_total_minor,
  SUM(line_minor) AS line_sum,
  COUNT(line_minor) AS line_amounts,
  MAX(CASE WHEN cancelled THEN 1 ELSE 0 END) = 1 AS cancelled,
  MIN(CASE WHEN cancelled THEN status_text END) AS cancelled_status,
  MIN(date_text) AS date_text,
  MIN(customer_code) AS customer_code,
  MIN(phone) AS phone,
  MIN(email) AS email,
  MIN(name) AS name,
  MIN(store) AS store,
  MIN(city) AS city
FROM unique_lines
GROUP BY invoice_code;`;
  return `${lines}\n\n${invoices}`;
}

/** Customers: the customer sheet's rows by member code, rows sharing a phone or email joined (identity-index.ts). */
function customerStages(sql: Sql, options: SqlOptions): string {
  const d = sql.d;
  const sheet = options.customers;
  if (!sheet) {
    // Without a customer sheet every distinct reference of an invoice is a customer: code, else phone, else email.
    return `CREATE OR REPLACE TABLE rfm_stage_people AS
SELECT DISTINCT
  CASE WHEN customer_code IS NOT NULL THEN 'code:' || customer_code WHEN phone IS NOT NULL THEN 'phone:' || phone ELSE 'email:' || email END AS customer_key,
  customer_code AS code, phone, email, CAST(NULL AS ${d.text}) AS name, CAST(NULL AS ${d.text}) AS city
FROM rfm_stage_invoices
WHERE customer_code IS NOT NULL OR phone IS NOT NULL OR email IS NOT NULL;`;
  }
  const col = (field: FieldId) => column(sql, sheet, field);
  const layer = new Layer();
  const phone = keyPhone(sql, col('phone'), layer);
  return `CREATE OR REPLACE TABLE rfm_stage_customer_rows AS
SELECT DISTINCT
  ${fingerprint(sql, sheet)} AS row_text,
  NULLIF(UPPER(TRIM(${col('customerCode')})), '') AS code,
  ${phone} AS phone,
  ${emailKey(sql, col('email'))} AS email,
  ${sql.blankToNull(col('name'))} AS name,
  ${sql.blankToNull(col('city'))} AS city
${layer.from(RAW_TABLES.customers, '')};

-- Each row's customer: its code's, else that of the smallest code sharing its phone, else its phone, else its email.
CREATE OR REPLACE TABLE rfm_stage_people AS
WITH keyed AS (
  SELECT * FROM rfm_stage_customer_rows WHERE code IS NOT NULL OR phone IS NOT NULL OR email IS NOT NULL
),
phone_owner AS (
  SELECT phone, MIN(code) AS code FROM keyed WHERE phone IS NOT NULL AND code IS NOT NULL GROUP BY phone
),
code_owner AS (
  SELECT k.code, MIN(COALESCE(p.code, k.code)) AS owner
  FROM keyed AS k LEFT JOIN phone_owner AS p ON p.phone = k.phone
  WHERE k.code IS NOT NULL GROUP BY k.code
),
email_owner AS (
  SELECT email, MIN(code) AS code FROM keyed WHERE email IS NOT NULL AND code IS NOT NULL GROUP BY email
),
owned AS (
  SELECT k.*,
    CASE
      WHEN k.code IS NOT NULL THEN 'code:' || o.owner
      WHEN p.code IS NOT NULL THEN 'code:' || p.code
      WHEN k.phone IS NOT NULL THEN 'phone:' || k.phone
      WHEN e.code IS NOT NULL THEN 'code:' || e.code
      ELSE 'email:' || k.email
    END AS customer_key
  FROM keyed AS k
  LEFT JOIN code_owner AS o ON o.code = k.code
  LEFT JOIN phone_owner AS p ON p.phone = k.phone
  LEFT JOIN email_owner AS e ON e.email = k.email AND k.phone IS NULL
)
SELECT customer_key, code, phone, email, name, city FROM owned;`;
}

/** Invoices → customers: code, then phone, then email (match-invoices.ts), phones of code-matched invoices joining. */
function matchingStage(sql: Sql): string {
  const d = sql.d;
  const atSecond = `${d.daysBetween("DATE '1970-01-01'", 'i.day')} * 86400 + COALESCE(i.second_of_day, 0)`;
  return `CREATE OR REPLACE TABLE rfm_stage_matched AS
WITH dated AS (
  SELECT i.*,
    COALESCE(total_minor, CASE WHEN line_amounts > 0 THEN line_sum END) AS amount_minor,
    ${atSecond} AS at_second
  FROM rfm_stage_invoices AS i
  WHERE NOT cancelled AND day IS NOT NULL
),
counted AS (SELECT * FROM dated WHERE amount_minor IS NOT NULL),
by_code AS (SELECT code, MIN(customer_key) AS customer_key FROM rfm_stage_people WHERE code IS NOT NULL GROUP BY code),
sheet_phone AS (SELECT phone, MIN(customer_key) AS customer_key FROM rfm_stage_people WHERE phone IS NOT NULL GROUP BY phone),
sheet_email AS (SELECT email, MIN(customer_key) AS customer_key FROM rfm_stage_people WHERE email IS NOT NULL GROUP BY email),
code_matched AS (
  SELECT c.*, b.customer_key FROM counted AS c JOIN by_code AS b ON b.code = c.customer_code
),
-- A phone first seen on a code-matched invoice belongs to that customer (the latest such invoice's).
invoice_phone AS (
  SELECT phone, customer_key FROM (
    SELECT phone, customer_key, ROW_NUMBER() OVER (PARTITION BY phone ORDER BY at_second DESC, invoice_code) AS pick
    FROM code_matched WHERE phone IS NOT NULL
  ) AS ranked WHERE pick = 1
),
phone_map AS (
  SELECT phone, customer_key FROM sheet_phone
  UNION ALL
  SELECT i.phone, i.customer_key FROM invoice_phone AS i LEFT JOIN sheet_phone AS s ON s.phone = i.phone WHERE s.phone IS NULL
),
phone_matched AS (
  SELECT c.*, p.customer_key FROM counted AS c
  LEFT JOIN by_code AS b ON b.code = c.customer_code
  JOIN phone_map AS p ON p.phone = c.phone
  WHERE b.code IS NULL
),
invoice_email AS (
  SELECT email, customer_key FROM (
    SELECT email, customer_key, ROW_NUMBER() OVER (PARTITION BY email ORDER BY at_second DESC, invoice_code) AS pick
    FROM (SELECT email, customer_key, at_second, invoice_code FROM code_matched UNION ALL SELECT email, customer_key, at_second, invoice_code FROM phone_matched) AS known
    WHERE email IS NOT NULL
  ) AS ranked WHERE pick = 1
),
email_map AS (
  SELECT email, customer_key FROM sheet_email
  UNION ALL
  SELECT i.email, i.customer_key FROM invoice_email AS i LEFT JOIN sheet_email AS s ON s.email = i.email WHERE s.email IS NULL
),
email_matched AS (
  SELECT c.*, e.customer_key FROM counted AS c JOIN email_map AS e ON e.email = c.email
  WHERE c.customer_code IS NULL AND c.phone IS NULL
)
SELECT c.*, COALESCE(cm.customer_key, pm.customer_key, em.customer_key) AS customer_key
FROM counted AS c
LEFT JOIN code_matched AS cm ON cm.invoice_code = c.invoice_code
LEFT JOIN phone_matched AS pm ON pm.invoice_code = c.invoice_code
LEFT JOIN email_matched AS em ON em.invoice_code = c.invoice_code;`;
}

function asOfSql(sql: Sql, options: SqlOptions): string {
  if (options.asOf === 'today') return sql.d.today(options.timeZone);
  if (options.asOf === 'latest') return `(SELECT MAX(day) FROM rfm_stage_matched WHERE amount_minor > 0)`;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(options.asOf))
    throw new Error(`As-of date "${options.asOf}" is not YYYY-MM-DD.`);
  return `DATE '${options.asOf}'`;
}

/** The score of one metric: the quintile rule on RANK, or the shop's breakpoints (score.ts). */
function scoreSql(sql: Sql, options: SqlOptions, metric: 'r' | 'f' | 'm', value: string): string {
  const levels = options.levels;
  const thresholds = options.breakpoints?.[metric];
  if (thresholds) {
    const perMajor = metric === 'm' ? 10 ** options.moneyDigits : 1;
    const t = thresholds.map((x) => x * perMajor);
    if (metric === 'r') {
      const cases = t.map((x, at) => `WHEN ${value} <= ${x} THEN ${levels - at}`).join(' ');
      return `CASE ${cases} ELSE 1 END`;
    }
    const cases = t
      .map((x, at) => ({ x, score: at + 2 }))
      .reverse()
      .map(({ x, score }) => `WHEN ${value} >= ${x} THEN ${score}`)
      .join(' ');
    return `CASE ${cases} ELSE 1 END`;
  }
  // w = buyers with a strictly worse value = RANK over the value, worst first, minus one.
  const worstFirst = metric === 'r' ? 'DESC' : 'ASC';
  const worse = `(RANK() OVER (ORDER BY ${value} ${worstFirst}) - 1)`;
  return `1 + ${sql.d.intDiv(`${levels} * ${worse}`, 'COUNT(*) OVER ()')}`;
}

/** Every possible score combination with its segment, from the core's resolver: the 125-code map at 5 levels. */
function segmentTable(sql: Sql, options: SqlOptions): string {
  const resolve = segmentResolver(options.levels, options.metrics, options.segmentMap);
  const rows: string[] = [];
  const range = (used: boolean) => (used ? Array.from({ length: options.levels }, (_, i) => i + 1) : [0]);
  for (const r of range(options.metrics.includes('r')))
    for (const f of range(options.metrics.includes('f')))
      for (const m of range(options.metrics.includes('m')))
        rows.push(`SELECT ${r} AS r, ${f} AS f, ${m} AS m, ${sql.d.str(resolve(r, f, m))} AS segment_id`);
  rows.push(`SELECT 0 AS r, 0 AS f, 0 AS m, 'prospect' AS segment_id`);
  return rows.join('\n  UNION ALL ');
}

function segmentNames(sql: Sql, language: Language): string {
  return SEGMENTS.map(
    (segment, at) =>
      `SELECT ${sql.d.str(segment.id)} AS segment_id, ${sql.d.str(segment.name[language])} AS segment, ${at + 1} AS segment_order`,
  ).join('\n  UNION ALL ');
}

function customerTable(sql: Sql, options: SqlOptions): string {
  const d = sql.d;
  const digits = options.moneyDigits;
  const monetary = options.monetary === 'average' ? 'average_order_minor' : 'total_spend_minor';
  const major = (minor: string) =>
    digits === 0
      ? minor
      : d.name === 'duckdb'
        ? `CAST(${minor} AS DECIMAL(38, ${digits})) / ${10 ** digits}`
        : `CAST(${minor} AS NUMERIC) / ${10 ** digits}`;
  const used = (metric: 'r' | 'f' | 'm') => options.metrics.includes(metric);
  const value = { r: 'recency_days', f: 'invoices', m: monetary };
  const score = (metric: 'r' | 'f' | 'm') =>
    used(metric) ? `${scoreSql(sql, options, metric, value[metric])} AS ${metric}` : `0 AS ${metric}`;
  const codeParts = (['r', 'f', 'm'] as const).filter(used).map((metric) => `CAST(s.${metric} AS ${d.text})`);
  // Merged rows (read-customers.ts): the named row's attributes first, the blanks filled from the others.
  const owned = (field: string) =>
    `COALESCE(MIN(CASE WHEN 'code:' || code = customer_key THEN ${field} END), MIN(${field}))`;
  const filters = compileFilterSegments(
    sql,
    options.filterSegments ?? [],
    options.language,
    digits,
    options.monetary,
  );
  const filterColumns = filters
    .map((filter) =>
      [
        `${filter.condition} AS ${d.ident(filter.column)}`,
        ...(filter.abGroups
          ? [
              `CASE WHEN ${filter.condition} THEN SUBSTR('ABCDE', CAST(${d.mod(d.hash32(`${d.str(filter.hashPrefix)} || ${d.nfc('p.customer_key')}`), String(filter.abGroups))} AS ${d.int}) + 1, 1) END AS ${d.ident(filter.abColumn)}`,
            ]
          : []),
      ].join(',\n  '),
    )
    .join(',\n  ');
  return `CREATE OR REPLACE TABLE rfm_customers AS
WITH as_of AS (SELECT ${asOfSql(sql, options)} AS day),
people AS (
  SELECT customer_key, ${owned('code')} AS code, ${owned('phone')} AS phone, ${owned('email')} AS email,
    ${owned('name')} AS name, ${owned('city')} AS city
  FROM rfm_stage_people GROUP BY customer_key
),
counted AS (
  SELECT m.* FROM rfm_stage_matched AS m CROSS JOIN as_of AS a WHERE m.customer_key IS NOT NULL AND m.day <= a.day
),
totals AS (
  SELECT customer_key,
    SUM(CASE WHEN amount_minor > 0 THEN 1 ELSE 0 END) AS invoices,
    SUM(amount_minor) AS total_spend_minor,
    MIN(CASE WHEN amount_minor > 0 THEN day END) AS first_purchase,
    MAX(CASE WHEN amount_minor > 0 THEN day END) AS last_purchase
  FROM counted GROUP BY customer_key
),
last_invoice AS (
  SELECT customer_key, store, city FROM (
    SELECT customer_key, store, city, ROW_NUMBER() OVER (PARTITION BY customer_key ORDER BY at_second DESC, invoice_code) AS pick
    FROM counted WHERE amount_minor > 0
  ) AS ranked WHERE pick = 1
),
measured AS (
  SELECT p.customer_key, p.code, p.name, p.phone, p.email,
    CASE WHEN COALESCE(t.invoices, 0) > 0 THEN ${d.daysBetween('t.last_purchase', 'a.day')} END AS recency_days,
    COALESCE(t.invoices, 0) AS invoices,
    COALESCE(t.total_spend_minor, 0) AS total_spend_minor,
    CASE WHEN COALESCE(t.invoices, 0) > 0 THEN CAST(FLOOR((2 * t.total_spend_minor + t.invoices) / (2.0 * t.invoices)) AS ${d.int}) END AS average_order_minor,
    CASE WHEN COALESCE(t.invoices, 0) > 0 THEN t.first_purchase END AS first_purchase,
    CASE WHEN COALESCE(t.invoices, 0) > 0 THEN t.last_purchase END AS last_purchase,
    l.store AS last_store,
    COALESCE(p.city, l.city) AS city,
    l.city AS last_city
  FROM people AS p CROSS JOIN as_of AS a
  LEFT JOIN totals AS t ON t.customer_key = p.customer_key
  LEFT JOIN last_invoice AS l ON l.customer_key = p.customer_key
),
scored AS (
  SELECT customer_key, ${score('r')}, ${score('f')}, ${score('m')}
  FROM measured WHERE invoices > 0
),
segment_map AS (
  ${segmentTable(sql, options)}
),
segment_names AS (
  ${segmentNames(sql, options.language)}
),
p AS (
  SELECT me.*,
    COALESCE(s.r, 0) AS r, COALESCE(s.f, 0) AS f, COALESCE(s.m, 0) AS m,
    CASE WHEN s.customer_key IS NULL THEN ${d.str('0'.repeat(options.metrics.length))} ELSE ${codeParts.join(' || ')} END AS rfm_code,
    COALESCE(sm.segment_id, 'prospect') AS segment_id,
    a.day AS as_of
  FROM measured AS me CROSS JOIN as_of AS a
  LEFT JOIN scored AS s ON s.customer_key = me.customer_key
  LEFT JOIN segment_map AS sm ON sm.r = COALESCE(s.r, 0) AND sm.f = COALESCE(s.f, 0) AND sm.m = COALESCE(s.m, 0)
)
SELECT
  p.customer_key, p.code, p.name, p.phone, p.email,
  p.recency_days, p.invoices,
  p.total_spend_minor, ${major('p.total_spend_minor')} AS total_spend,
  p.average_order_minor, ${major('p.average_order_minor')} AS average_order,
  p.first_purchase, p.last_purchase, p.last_store, p.city, p.last_city,
  p.r, p.f, p.m, p.rfm_code, p.segment_id, n.segment${filterColumns ? `,\n  ${filterColumns}` : ''}
FROM p LEFT JOIN segment_names AS n ON n.segment_id = p.segment_id;`;
}

function segmentsTable(sql: Sql, options: SqlOptions): string {
  const d = sql.d;
  const mean = (metric: 'r' | 'f' | 'm') =>
    options.metrics.includes(metric)
      ? `AVG(CASE WHEN c.invoices > 0 THEN c.${metric} END)`
      : `CAST(NULL AS FLOAT64)`.replace('FLOAT64', d.name === 'duckdb' ? 'DOUBLE' : 'FLOAT64');
  return `CREATE OR REPLACE TABLE rfm_segments AS
WITH segment_names AS (
  ${segmentNames(sql, options.language)}
),
everyone AS (SELECT COUNT(*) AS customers, SUM(total_spend_minor) AS revenue_minor FROM rfm_customers)
SELECT n.segment_order, n.segment_id, n.segment,
  COUNT(c.customer_key) AS customers,
  CASE WHEN MAX(e.customers) > 0 THEN COUNT(c.customer_key) / MAX(e.customers) ELSE 0 END AS share,
  COALESCE(SUM(c.total_spend_minor), 0) AS revenue_minor,
  CASE WHEN MAX(e.revenue_minor) > 0 THEN COALESCE(SUM(c.total_spend_minor), 0) / MAX(e.revenue_minor) ELSE 0 END AS revenue_share,
  ${mean('r')} AS mean_r, ${mean('f')} AS mean_f, ${mean('m')} AS mean_m
FROM segment_names AS n
CROSS JOIN everyone AS e
LEFT JOIN rfm_customers AS c ON c.segment_id = n.segment_id
GROUP BY n.segment_order, n.segment_id, n.segment;`;
}

function issuesTable(sql: Sql, options: SqlOptions): string {
  const d = sql.d;
  const sheet = options.invoices;
  const dateHeader = d.str(sheet.columns.date ?? '');
  return `CREATE OR REPLACE TABLE rfm_issues AS
SELECT 'duplicate-row' AS problem, invoice_code, CAST(COUNT(*) - 1 AS ${d.int}) AS rows_skipped,
  'Same as another row in every column (pasted twice?): counted once.' AS message
FROM rfm_stage_lines GROUP BY invoice_code, row_text HAVING COUNT(*) > 1
UNION ALL
SELECT 'cancelled-invoice', invoice_code, 1, CONCAT('Status "', COALESCE(cancelled_status, ''), '": cancelled, returned or failed, not counted.')
FROM rfm_stage_invoices WHERE cancelled
UNION ALL
SELECT 'missing-date', invoice_code, 1, CONCAT('No date this script reads in ', ${dateHeader}, ' ("', COALESCE(date_text, ''), '"; expected ${sheet.dateOrder === 'dmy' ? 'dd/mm/yyyy' : 'mm/dd/yyyy'} [hh:mm[:ss]] or yyyy-mm-dd): not counted.')
FROM rfm_stage_invoices WHERE NOT cancelled AND day IS NULL
UNION ALL
SELECT 'missing-amount', invoice_code, 1, 'No readable amount: not counted.'
FROM rfm_stage_invoices WHERE NOT cancelled AND day IS NOT NULL AND total_minor IS NULL AND line_amounts = 0
UNION ALL
SELECT 'conflicting-invoice-total', invoice_code, 0, 'Lines of this invoice give different totals: the smallest is used; check which is right.'
FROM rfm_stage_invoices WHERE total_minor <> other_total_minor
UNION ALL
SELECT 'conflicting-date', invoice_code, 0, 'Lines of this invoice give different days: the earliest is used.'
FROM rfm_stage_invoices WHERE day <> latest_day;`;
}

/** The whole script. */
export function buildSql(options: SqlOptions): string {
  const sql = new Sql(DIALECTS[options.dialect]);
  const header = `-- Segment Tabs: RFM over ${RAW_TABLES.invoices}${options.customers ? ` and ${RAW_TABLES.customers}` : ''} (${options.dialect}).
-- Generated by \`segment-tabs sql\`; as of ${options.asOf}, ${options.levels} levels, metrics ${options.metrics}, monetary ${options.monetary}, money in units of 10^-${options.moneyDigits}.`;
  return (
    [
      header,
      invoiceStages(sql, options),
      customerStages(sql, options),
      matchingStage(sql),
      customerTable(sql, options),
      segmentsTable(sql, options),
      issuesTable(sql, options),
    ].join('\n\n') + '\n'
  );
}
