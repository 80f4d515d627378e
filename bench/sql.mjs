// `npm run bench:sql`: the SQL face's DuckDB script (issue 21) at 1M and 10M invoice lines, time and memory.
//
// The 1M shop is bench/shops.mjs's (generated once into .cache/bench/1m/). The 10M shop is that shop ten times
// over, made inside DuckDB: copy k's invoice codes, member codes and phones are made its own (`HD…` → `HD…-k`,
// a phone's last digits shifted), so it has ten times the invoices and customers, not ten copies of one customer.
// Each size runs in a fresh child process (peak RSS is the child's), on a DuckDB file database under .cache so
// it can spill. The script is written by the built command line (`segment-tabs sql … --dialect duckdb`).
// Writes bench/sql-results.md, which bench/run.mjs appends to bench/RESULTS.md, and updates RESULTS.md's section.
//
// Usage: node bench/sql.mjs [sizes…]   (default: 1000000 10000000; `--child SIZE` is the per-size child)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { AS_OF, CACHE, ensureShop, ROOT } from './shops.mjs';

const BASE_ROWS = 1_000_000;
const CLI = join(ROOT, 'bin', 'segment-tabs.js');
const RESULTS = join(ROOT, 'bench', 'RESULTS.md');
const SECTION = '## The SQL face on DuckDB';
const NOTES = join(ROOT, 'bench', 'sql-results.md');

async function child(size) {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const shop = ensureShop(BASE_ROWS, (text) => process.stderr.write(`${text}\n`));
  const dir = join(CACHE, 'sql');
  mkdirSync(dir, { recursive: true });
  const script = join(dir, 'rfm-duckdb.sql');
  const made = spawnSync(
    process.execPath,
    [CLI, 'sql', shop.invoicesCsv, shop.customersCsv, '--dialect', 'duckdb', '--as-of', AS_OF, '-o', script],
    { cwd: dir, encoding: 'utf8' },
  );
  if (made.status !== 0) throw new Error(`segment-tabs sql failed: ${made.stderr}`);
  const headerRow = Number(/--skip_leading_rows=(\d+)/.exec(made.stdout)?.[1] ?? 1);
  const file = join(dir, `bench-${size}.duckdb`);
  rmSync(file, { force: true });
  rmSync(`${file}.wal`, { force: true });
  // 3 GB was too little at 10M lines (the duplicate check partitions 10M whole-row texts); row order is not needed.
  const instance = await DuckDBInstance.create(file, {
    threads: '2',
    memory_limit: '8GB',
    preserve_insertion_order: 'false',
  });
  const db = await instance.connect();
  const csv = (path, skip) =>
    `read_csv('${path}', header = true, all_varchar = true, skip = ${skip}, normalize_names = false, null_padding = true, strict_mode = false)`;
  const loadStarted = performance.now();
  await db.run(`CREATE TABLE invoices_raw AS SELECT * FROM ${csv(shop.invoicesCsv, headerRow - 1)}`);
  await db.run(`CREATE TABLE customers_raw AS SELECT * FROM ${csv(shop.customersCsv, 0)}`);
  const copies = Math.round(size / BASE_ROWS);
  if (copies > 1) {
    // Copy k: its own invoices, members and phones (the last 3 digits shifted by k; `0` + 9 digits stays a mobile).
    const phone = (k) =>
      `CASE WHEN regexp_matches("Điện thoại", '[0-9]{3}\\s*$') THEN regexp_replace("Điện thoại", '[0-9]{3}(\\s*)$', lpad(CAST((CAST(regexp_extract("Điện thoại", '([0-9]{3})\\s*$', 1) AS INTEGER) + ${k} * 97) % 1000 AS VARCHAR), 3, '0') || '\\1') ELSE "Điện thoại" END`;
    const code = (column, k) =>
      `CASE WHEN "${column}" IS NULL OR "${column}" = '' OR "${column}" = '${column}' THEN "${column}" ELSE "${column}" || '-${k}' END`;
    await db.run('CREATE TABLE invoices_base AS SELECT * FROM invoices_raw');
    await db.run('CREATE TABLE customers_base AS SELECT * FROM customers_raw');
    for (let k = 1; k < copies; k++) {
      await db.run(
        `INSERT INTO invoices_raw SELECT * REPLACE (${code('Mã hóa đơn', k)} AS "Mã hóa đơn", CASE WHEN regexp_matches("Mã khách hàng", '^KH') THEN "Mã khách hàng" || '-${k}' ELSE "Mã khách hàng" END AS "Mã khách hàng", ${phone(k)} AS "Điện thoại") FROM invoices_base`,
      );
      await db.run(
        `INSERT INTO customers_raw SELECT * REPLACE ("Mã khách hàng" || '-${k}' AS "Mã khách hàng", ${phone(k)} AS "Điện thoại") FROM customers_base`,
      );
    }
    await db.run('DROP TABLE invoices_base');
    await db.run('DROP TABLE customers_base');
  }
  const loadMs = performance.now() - loadStarted;
  const lines = Number((await db.runAndReadAll('SELECT COUNT(*) FROM invoices_raw')).getRows()[0][0]);
  const started = performance.now();
  await db.run(readFileSync(script, 'utf8'));
  const scriptMs = performance.now() - started;
  const counts = (
    await db.runAndReadAll(
      'SELECT COUNT(*), SUM(CASE WHEN invoices > 0 THEN 1 ELSE 0 END) FROM rfm_customers',
    )
  ).getRows()[0];
  db.closeSync();
  instance.closeSync();
  rmSync(file, { force: true });
  rmSync(`${file}.wal`, { force: true });
  process.stdout.write(
    `${JSON.stringify({
      size,
      lines,
      loadMs: Math.round(loadMs),
      scriptMs: Math.round(scriptMs),
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      customers: Number(counts[0]),
      buyers: Number(counts[1]),
    })}\n`,
  );
}

function report(results) {
  const rows = results.map(
    (r) =>
      `| ${r.lines.toLocaleString('en-US')} | ${r.customers.toLocaleString('en-US')} | ${r.buyers.toLocaleString('en-US')} | ${(r.loadMs / 1000).toFixed(1)} | ${(r.scriptMs / 1000).toFixed(1)} | ${r.peakRssMb} |`,
  );
  const [small, large] = results;
  const growth =
    small && large
      ? `From ${small.lines.toLocaleString('en-US')} to ${large.lines.toLocaleString('en-US')} lines (${(large.lines / small.lines).toFixed(1)}×) the script's time grew ${(large.scriptMs / small.scriptMs).toFixed(1)}× (${((small.scriptMs / small.lines) * 1000).toFixed(0)} s and ${((large.scriptMs / large.lines) * 1000).toFixed(0)} s per million lines): no worse than linear, as its plan is (scans, hash aggregates and joins, one sort per score for RANK). The machine is shared, so each figure is one run's; peak RSS is mostly DuckDB's buffer pool, which grows to its memory limit.`
      : '';
  return [
    SECTION,
    '',
    'The script `segment-tabs sql … --dialect duckdb` writes (issue 21), run by `@duckdb/node-api` on a DuckDB file',
    'database (2 threads, 8 GB memory limit, spilling to disk past it) over the raw exports loaded as all-VARCHAR',
    'tables. 1M lines: the bench shop; 10M lines: that shop ten times over, each copy with its own invoice codes,',
    'member codes and phones. `npm run bench:sql`; peak RSS is the child process (node + DuckDB).',
    '',
    '| Invoice lines | Customers | Buyers | Load CSV (s) | Script (s) | Peak RSS (MB) |',
    '| ------------: | --------: | -----: | -----------: | ---------: | ------------: |',
    ...rows,
    '',
    growth,
  ]
    .join('\n')
    .trim();
}

/** Writes bench/sql-results.md and the section of bench/RESULTS.md. */
function writeSection(all) {
  const section = report(all);
  writeFileSync(NOTES, `${section}\n`);
  if (existsSync(RESULTS)) {
    const text = readFileSync(RESULTS, 'utf8');
    const at = text.indexOf(SECTION);
    const next = at >= 0 ? text.indexOf('\n## ', at + SECTION.length) : -1;
    const updated =
      at < 0
        ? `${text.trimEnd()}\n\n${section}\n`
        : `${text.slice(0, at)}${section}\n${next >= 0 ? text.slice(next) : ''}`;
    writeFileSync(RESULTS, updated);
  }
}

async function main() {
  const sizes = process.argv.slice(2).map(Number).filter(Boolean);
  const results = [];
  for (const size of sizes.length ? sizes : [BASE_ROWS, 10 * BASE_ROWS]) {
    process.stderr.write(`SQL face on DuckDB: ${size.toLocaleString('en-US')} lines…\n`);
    const run = spawnSync(process.execPath, [join(ROOT, 'bench', 'sql.mjs'), '--child', String(size)], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 1 << 24,
    });
    if (run.status !== 0) throw new Error(`bench/sql.mjs child for ${size} failed`);
    const result = JSON.parse(run.stdout.trim().split('\n').pop());
    process.stderr.write(`  ${JSON.stringify(result)}\n`);
    results.push(result);
  }
  // Sizes measured by an earlier run and not now are kept (one size can be re-run alone).
  const saved = join(CACHE, 'sql', 'results.json');
  const earlier = existsSync(saved) ? JSON.parse(readFileSync(saved, 'utf8')) : [];
  const all = [...earlier.filter((r) => !results.some((n) => n.size === r.size)), ...results].sort(
    (a, b) => a.size - b.size,
  );
  writeFileSync(saved, JSON.stringify(all));
  writeSection(all);
  process.stderr.write(`wrote bench/sql-results.md and its section of bench/RESULTS.md\n`);
}

if (process.argv[2] === '--child') await child(Number(process.argv[3]));
else if (process.argv[2] === '--report')
  writeSection(JSON.parse(readFileSync(join(CACHE, 'sql', 'results.json'), 'utf8')));
else await main();
