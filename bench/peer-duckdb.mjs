// The benchmark's second peer (issue 18): the same R, F, M as bench/peer.py, computed by DuckDB SQL.
//
// Usage: node bench/peer-duckdb.mjs invoices.csv customers.csv AS_OF [scores.csv]
//
// Same input (the KiotViet-shaped CSV pair of bench/shops.mjs), same definitions, same output as peer.py: one
// JSON line (ms from the first read_csv to the scores, peak RSS of this process, customers, buyers, the DuckDB
// version) and, with a scores path, `code,r,f,m,recency,frequency,monetary` per customer. The definitions are
// peer.py's, statement for statement (see its docstring): header row = the first line holding `Mã hóa đơn`;
// repeated headers and code-less rows dropped; exact duplicate rows once; an invoice's day from its first
// readable line's `dd/mm/yyyy`, its amount `Khách cần trả` from the first line where it reads, else the sum of
// `Thành tiền`; cancelled (`Đã hủy`) on any line drops it; walk-ins belong to nobody; customers by member code,
// rows sharing a mobile are one person known by the first row's code; invoices find their customer by code, else
// by mobile; R, F, M among buyers by 1 + floor(5 * w / n) with w from RANK. Standalone: it shares no code with
// the engine or the SQL face (src/sql/), so agreeing with them means something.
import { Buffer } from 'node:buffer';
import { closeSync, openSync, readSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { DuckDBInstance, version } from '@duckdb/node-api';

const LEVELS = 5;
const CANCELLED = ['đã hủy', 'đã huỷ', 'hủy', 'huỷ', 'cancelled', 'canceled'];
const WALK_IN = ['khách lẻ', 'khách vãng lai', 'walk in', 'guest'];
const PREFIXES_2018 = {
  '0162': '032',
  '0163': '033',
  '0164': '034',
  '0165': '035',
  '0166': '036',
  '0167': '037',
  '0168': '038',
  '0169': '039',
  '0120': '070',
  '0121': '079',
  '0122': '077',
  '0126': '076',
  '0128': '078',
  '0123': '083',
  '0124': '084',
  '0125': '085',
  '0127': '081',
  '0129': '082',
  '0186': '056',
  '0188': '058',
  '0199': '059',
};

const str = (text) => `'${String(text).replace(/'/g, "''")}'`;
const list = (values) => values.map(str).join(', ');

/** 0-based line of the invoice header (peer.py header_line): the first of the first 50 holding `Mã hóa đơn`. */
function headerLine(path) {
  const buffer = Buffer.alloc(1 << 16);
  const fd = openSync(path, 'r');
  const length = readSync(fd, buffer, 0, buffer.length, 0);
  closeSync(fd);
  const lines = buffer.subarray(0, length).toString('utf8').split('\n').slice(0, 51);
  const at = lines.findIndex((line) => line.includes('Mã hóa đơn'));
  if (at < 0) throw new Error(`peer-duckdb: no 'Mã hóa đơn' header in the first lines of ${path}`);
  return at;
}

/** peer.py mobile_phone: digits; 84+9 → 0…; 9 digits → 0…; 11 digits 01… → 2018 prefix; then 0[35789] + 8. */
function mobile(column) {
  const digits = `regexp_replace(COALESCE(${column}, ''), '[^0-9]', '', 'g')`;
  const with84 = `CASE WHEN ${digits} LIKE '84%' AND length(${digits}) = 11 THEN '0' || substr(${digits}, 3) ELSE ${digits} END`;
  const lostZero = `CASE WHEN length(${with84}) = 9 AND ${with84} NOT LIKE '0%' THEN '0' || ${with84} ELSE ${with84} END`;
  const prefixes = Object.entries(PREFIXES_2018)
    .map(([o, n]) => `WHEN ${str(o)} THEN ${str(n)}`)
    .join(' ');
  const renumbered = `CASE WHEN length(${lostZero}) = 11 AND ${lostZero} LIKE '01%' THEN COALESCE(CASE substr(${lostZero}, 1, 4) ${prefixes} END, '') || substr(${lostZero}, 5) ELSE ${lostZero} END`;
  return `CASE WHEN regexp_full_match(${renumbered}, '0[35789][0-9]{8}') THEN ${renumbered} ELSE '' END`;
}

/** peer.py money: every character but digits and `-` removed; a whole `-?digits` or NULL. */
function money(column) {
  const digits = `regexp_replace(COALESCE(${column}, ''), '[^0-9-]', '', 'g')`;
  return `CASE WHEN regexp_full_match(${digits}, '-?[0-9]+') THEN CAST(${digits} AS HUGEINT) END`;
}

function rfmSql(invoicesCsv, customersCsv, asOf) {
  const read = (path, skip) =>
    `read_csv(${str(path)}, header = true, all_varchar = true, skip = ${skip}, normalize_names = false, null_padding = true, strict_mode = false)`;
  const rank = (value, lowerIsBetter) =>
    `1 + (${LEVELS} * (RANK() OVER (ORDER BY ${value} ${lowerIsBetter ? 'DESC' : 'ASC'}) - 1)) // COUNT(*) OVER ()`;
  return `
CREATE OR REPLACE TEMP TABLE peer_scores AS
WITH numbered AS (
  SELECT *, row_number() OVER () AS line_number, CAST(r AS VARCHAR) AS row_text
  FROM ${read(invoicesCsv, headerLine(invoicesCsv))} AS r
),
-- drop_duplicates(): an exact repeat of an earlier line counts once (the earlier one is kept).
raw AS (
  SELECT n.* FROM numbered AS n
  JOIN (SELECT row_text, MIN(line_number) AS line_number FROM numbered GROUP BY row_text) AS first USING (row_text, line_number)
  WHERE TRIM(COALESCE("Mã hóa đơn", '')) <> '' AND "Mã hóa đơn" <> 'Mã hóa đơn'
),
lines AS (
  SELECT *,
    TRY_STRPTIME(substr("Thời gian", 1, 10), '%d/%m/%Y')::DATE AS day,
    ${money('"Khách cần trả"')} AS total,
    ${money('"Thành tiền"')} AS line,
    lower(TRIM(COALESCE("Trạng thái", ''))) IN (${list(CANCELLED)}) AS cancelled,
    NULLIF(UPPER(TRIM(COALESCE("Mã khách hàng", ''))), '') AS customer,
    NULLIF("Điện thoại", '') AS phone
  FROM raw
),
invoices AS (
  SELECT "Mã hóa đơn" AS code,
    arg_min(day, line_number) FILTER (WHERE day IS NOT NULL) AS day,
    arg_min(total, line_number) FILTER (WHERE total IS NOT NULL) AS total,
    SUM(line) AS line_sum, COUNT(line) AS line_count,
    bool_or(cancelled) AS cancelled,
    arg_min(customer, line_number) FILTER (WHERE customer IS NOT NULL) AS customer,
    arg_min(phone, line_number) FILTER (WHERE phone IS NOT NULL) AS phone
  FROM lines GROUP BY "Mã hóa đơn"
),
counted AS (
  SELECT *, COALESCE(total, CASE WHEN line_count > 0 THEN line_sum END) AS amount FROM invoices
  WHERE NOT cancelled AND day IS NOT NULL AND COALESCE(total, CASE WHEN line_count > 0 THEN line_sum END) IS NOT NULL
    AND day <= DATE ${str(asOf)} AND customer IS NOT NULL AND lower(customer) NOT IN (${list(WALK_IN)})
),
customer_rows AS (
  SELECT row_number() OVER () AS row_number, UPPER(TRIM(COALESCE("Mã khách hàng", ''))) AS code, ${mobile('"Điện thoại"')} AS mobile
  FROM ${read(customersCsv, 0)}
),
keyed AS (
  SELECT row_number, code, mobile,
    CASE WHEN mobile <> '' THEN first_value(code) OVER (PARTITION BY mobile ORDER BY row_number) ELSE code END AS key
  FROM customer_rows
),
key_of_code AS (SELECT code, arg_max(key, row_number) AS key FROM keyed GROUP BY code),
key_of_phone AS (SELECT mobile, arg_min(key, row_number) AS key FROM keyed WHERE mobile <> '' GROUP BY mobile),
matched AS (
  SELECT c.*, COALESCE(k.key, p.key) AS key FROM counted AS c
  LEFT JOIN key_of_code AS k ON k.code = c.customer
  LEFT JOIN key_of_phone AS p ON k.code IS NULL AND p.mobile = ${mobile('c.phone')}
  WHERE COALESCE(k.key, p.key) IS NOT NULL
),
per_customer AS (
  SELECT key,
    COUNT(*) FILTER (WHERE amount > 0) AS frequency,
    MAX(day) FILTER (WHERE amount > 0) AS last,
    SUM(amount) AS monetary
  FROM matched GROUP BY key
),
people AS (
  SELECT k.key, min(k.row_number) AS first_row FROM keyed AS k GROUP BY k.key
),
measured AS (
  SELECT p.key, p.first_row, COALESCE(c.frequency, 0) AS frequency, COALESCE(c.monetary, 0) AS monetary,
    CASE WHEN COALESCE(c.frequency, 0) > 0 THEN date_diff('day', c.last, DATE ${str(asOf)}) END AS recency
  FROM people AS p LEFT JOIN per_customer AS c ON c.key = p.key
),
scored AS (
  SELECT key, ${rank('recency', true)} AS r, ${rank('frequency', false)} AS f, ${rank('monetary', false)} AS m
  FROM measured WHERE frequency > 0
)
SELECT m.key AS code, COALESCE(s.r, 0) AS r, COALESCE(s.f, 0) AS f, COALESCE(s.m, 0) AS m,
  m.recency, m.frequency, m.monetary, m.first_row
FROM measured AS m LEFT JOIN scored AS s ON s.key = m.key;`;
}

async function main() {
  const [invoicesCsv, customersCsv, asOf, scoresPath] = process.argv.slice(2);
  if (!invoicesCsv || !customersCsv || !/^\d{4}-\d{2}-\d{2}$/.test(asOf ?? '')) {
    process.stderr.write(
      'Usage: node bench/peer-duckdb.mjs invoices.csv customers.csv YYYY-MM-DD [scores.csv]\n',
    );
    process.exit(2);
  }
  const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
  const db = await instance.connect();
  const started = performance.now();
  await db.run(rfmSql(invoicesCsv, customersCsv, asOf));
  const counts = (
    await db.runAndReadAll('SELECT COUNT(*), COUNT(*) FILTER (WHERE frequency > 0) FROM peer_scores')
  ).getRows()[0];
  const ms = performance.now() - started;
  if (scoresPath) {
    // peer.py's CSV: code,r,f,m,recency,frequency,monetary in the customer sheet's order, recency blank for none.
    await db.run(
      `COPY (SELECT code, r, f, m, recency, frequency, monetary FROM peer_scores ORDER BY first_row) TO ${str(scoresPath)} (HEADER, DELIMITER ',')`,
    );
  }
  db.closeSync();
  instance.closeSync();
  process.stdout.write(
    `${JSON.stringify({
      ms: Math.round(ms),
      peakRssMb: Math.round((process.resourceUsage().maxRSS / 1024) * 10) / 10,
      customers: Number(counts[0]),
      buyers: Number(counts[1]),
      duckdb: version(),
    })}\n`,
  );
}

await main();
