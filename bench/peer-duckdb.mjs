// The benchmark's second peer: the same R, F, M as bench/peer.py (read its docstring: the definitions are the
// same, line for line), as one DuckDB SQL pipeline over the same messy CSV pair, on every core.
//
// Usage: node bench/peer-duckdb.mjs invoices.csv customers.csv AS_OF [scores.csv]
// Prints one JSON line: the time from read_csv to the scores (Node start and loading DuckDB excluded), the
// process's peak memory, counts, and the DuckDB version. With a scores path, writes
// code,r,f,m,recency,frequency,monetary like peer.py.
import { DuckDBInstance } from '@duckdb/node-api';
import { Buffer } from 'node:buffer';
import { closeSync, openSync, readSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

const INVOICE_CODE = 'Mã hóa đơn';
const LEVELS = 5;
const CANCELLED = ['đã hủy', 'đã huỷ', 'hủy', 'huỷ', 'cancelled', 'canceled'];
const WALK_IN = ['khách lẻ', 'khách vãng lai', 'walk in', 'guest'];
// The 2018 renumbering of 11-digit mobile numbers (src/core/parse/phone.ts PREFIXES_2018), as in peer.py.
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

/** 0-based line of the invoice header (exports put title lines above it), from the file's first 64 KB. */
function headerLine(path) {
  const bytes = Buffer.alloc(1 << 16);
  const fd = openSync(path, 'r');
  const read = readSync(fd, bytes, 0, bytes.length, 0);
  closeSync(fd);
  const lines = bytes.subarray(0, read).toString('utf8').split('\n');
  const at = lines.findIndex((line, i) => i <= 50 && line.includes(INVOICE_CODE));
  if (at < 0) throw new Error(`peer-duckdb: no '${INVOICE_CODE}' header in the first lines of ${path}`);
  return at;
}

const text = (value) => `'${String(value).replace(/'/g, "''")}'`;
const list = (values) => values.map(text).join(', ');

/** The canonical `0xxxxxxxxx` of a Vietnamese mobile, '' otherwise (peer.py mobile_phone), as SQL macros. */
const MOBILE_MACROS = [
  `CREATE MACRO with_84(d) AS CASE WHEN starts_with(d, '84') AND length(d) = 11 THEN '0' || d[3:] ELSE d END`,
  `CREATE MACRO lost_zero(d) AS CASE WHEN length(d) = 9 AND NOT starts_with(d, '0') THEN '0' || d ELSE d END`,
  `CREATE MACRO renumbered(d) AS CASE WHEN length(d) = 11 AND starts_with(d, '01') THEN coalesce(CASE d[1:4] ${Object.entries(
    PREFIXES_2018,
  )
    .map(([old, now]) => `WHEN ${text(old)} THEN ${text(now)}`)
    .join(' ')} END, '') || d[5:] ELSE d END`,
  `CREATE MACRO valid_mobile(d) AS CASE WHEN regexp_full_match(d, '0[35789]\\d{8}') THEN d ELSE '' END`,
  `CREATE MACRO mobile(raw) AS valid_mobile(renumbered(lost_zero(with_84(regexp_replace(coalesce(raw, ''), '\\D', '', 'g')))))`,
];

/** `1.250.000 ₫`, `-45.000`, `45000` → a whole number (VND has no fraction); anything else → NULL. */
function money(column) {
  const digits = `regexp_replace(${column}, '[^\\d\\-]', '', 'g')`;
  return `CASE WHEN regexp_full_match(${digits}, '-?\\d+') THEN CAST(${digits} AS HUGEINT) END`;
}

function scoreOf(value, lowerIsBetter) {
  // w = buyers with a strictly worse value: RANK ordered worst first, minus one (ties at their lowest place).
  const order = lowerIsBetter ? 'DESC' : 'ASC';
  return `CASE WHEN frequency > 0 THEN 1 + floor(${LEVELS} * (rank() OVER (PARTITION BY frequency > 0 ORDER BY ${value} ${order}) - 1) / count(*) OVER (PARTITION BY frequency > 0)) ELSE 0 END`;
}

async function main() {
  const [invoicesCsv, customersCsv, asOf, scoresPath] = process.argv.slice(2);
  const instance = await DuckDBInstance.create(':memory:');
  const db = await instance.connect();
  for (const macro of MOBILE_MACROS) await db.run(macro);
  // PEER_STEPS=1 prints each statement's time to stderr (where the SQL spends it).
  const step = async (sql) => {
    const t = performance.now();
    await db.run(sql);
    if (process.env.PEER_STEPS)
      process.stderr.write(`${Math.round(performance.now() - t)} ms: ${sql.trim().slice(0, 60)}\n`);
  };
  const started = performance.now();
  const csv = (path, skip) =>
    `read_csv(${text(path)}, header = true, skip = ${skip}, all_varchar = true, delim = ',', quote = '"', escape = '"', null_padding = true, strict_mode = false)`;
  const q = (name) => `"${name.replace(/"/g, '""')}"`;
  await step(`CREATE TEMP TABLE raw AS SELECT * FROM ${csv(invoicesCsv, headerLine(invoicesCsv))}`);
  // Row order is insertion order (rowid): a row identical in every column to an earlier one counts once, and an
  // invoice's "first" values are those of its first line, as pandas' drop_duplicates and groupby first.
  await step(`
    CREATE TEMP TABLE lines AS
    SELECT min(rowid) AS rid, * FROM raw
    WHERE trim(coalesce(${q(INVOICE_CODE)}, '')) <> '' AND ${q(INVOICE_CODE)} <> ${text(INVOICE_CODE)}
    GROUP BY ALL`);
  await step(`
    CREATE TEMP TABLE invoices AS
    WITH parsed AS (
      SELECT rid, ${q(INVOICE_CODE)} AS code,
        try_strptime(substr("Thời gian", 1, 10), '%d/%m/%Y')::DATE AS day,
        ${money('"Khách cần trả"')} AS total,
        ${money('"Thành tiền"')} AS line,
        lower(trim("Trạng thái")) IN (${list(CANCELLED)}) AS cancelled,
        nullif(upper(trim("Mã khách hàng")), '') AS customer,
        nullif("Điện thoại", '') AS phone
      FROM lines
    ), grouped AS (
      SELECT code,
        arg_min(day, rid) FILTER (WHERE day IS NOT NULL) AS day,
        arg_min(total, rid) FILTER (WHERE total IS NOT NULL) AS total,
        sum(line) AS line_sum, count(line) AS line_count,
        bool_or(cancelled) AS cancelled,
        arg_min(customer, rid) FILTER (WHERE customer IS NOT NULL) AS customer,
        arg_min(phone, rid) FILTER (WHERE phone IS NOT NULL) AS phone
      FROM parsed GROUP BY code
    )
    SELECT code, day, coalesce(total, CASE WHEN line_count > 0 THEN line_sum END) AS amount, customer, phone
    FROM grouped
    WHERE NOT cancelled AND day IS NOT NULL AND coalesce(total, CASE WHEN line_count > 0 THEN line_sum END) IS NOT NULL
      AND day <= DATE ${text(asOf)}
      AND customer IS NOT NULL AND lower(customer) NOT IN (${list(WALK_IN)})`);
  await step(`CREATE TEMP TABLE customer_rows AS SELECT * FROM ${csv(customersCsv, 0)}`);
  await step(`
    CREATE TEMP TABLE customers AS
    WITH read AS (SELECT rowid AS rid, * FROM customer_rows),
    coded AS (SELECT rid, upper(trim("Mã khách hàng")) AS code, mobile("Điện thoại") AS mobile FROM read)
    SELECT rid, code, mobile,
      CASE WHEN mobile <> '' THEN first_value(code) OVER (PARTITION BY mobile ORDER BY rid) ELSE code END AS key
    FROM coded`);
  // An invoice's customer: by code (a repeated code takes its last row, as Python's dict), else by mobile.
  await step(`
    CREATE TEMP TABLE matched AS
    WITH by_code AS (SELECT code, arg_max(key, rid) AS key FROM customers GROUP BY code),
    by_phone AS (SELECT mobile, arg_min(key, rid) AS key FROM customers WHERE mobile <> '' GROUP BY mobile),
    coded AS (SELECT i.day, i.amount, i.phone, c.key FROM invoices i LEFT JOIN by_code c ON c.code = i.customer),
    phoned AS (SELECT day, amount, mobile(phone) AS mobile FROM coded WHERE key IS NULL)
    SELECT day, amount, key FROM coded WHERE key IS NOT NULL
    UNION ALL
    SELECT p.day, p.amount, b.key FROM phoned p JOIN by_phone b ON b.mobile = p.mobile WHERE p.mobile <> ''`);
  const reader = await db.runAndReadAll(`
    WITH per AS (
      SELECT key, count(*) FILTER (WHERE amount > 0) AS frequency, max(day) FILTER (WHERE amount > 0) AS last,
        sum(amount) AS monetary
      FROM matched GROUP BY key
    ), people AS (
      SELECT k.key, coalesce(p.frequency, 0) AS frequency, coalesce(p.monetary, 0) AS monetary,
        CASE WHEN p.last IS NOT NULL THEN DATE ${text(asOf)} - p.last END AS recency
      FROM (SELECT DISTINCT key FROM customers) k LEFT JOIN per p ON p.key = k.key
    )
    SELECT key, ${scoreOf('recency', true)} AS r, ${scoreOf('frequency', false)} AS f,
      ${scoreOf('monetary', false)} AS m, recency, frequency, monetary
    FROM people`);
  const rows = reader.getRows();
  const elapsed = performance.now() - started;
  if (scoresPath) {
    const { writeFileSync } = await import('node:fs');
    const body = rows.map((row) => row.map((cell) => (cell === null ? '' : String(cell))).join(','));
    writeFileSync(scoresPath, ['code,r,f,m,recency,frequency,monetary', ...body].join('\n') + '\n');
  }
  const version = (await db.runAndReadAll('SELECT version()')).getRows()[0][0];
  console.log(
    JSON.stringify({
      ms: Math.round(elapsed),
      // maxRSS is in kilobytes.
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 102.4) / 10,
      customers: rows.length,
      buyers: rows.filter((row) => Number(row[5]) > 0).length,
      duckdb: version,
    }),
  );
}

main().catch((error) => {
  process.stderr.write(`peer-duckdb: ${error instanceof Error ? (error.stack ?? error.message) : error}\n`);
  process.exitCode = 1;
});
