// `npm run bench`: the engine, the CLI and the pandas peer on shops of 10k, 100k and 1M invoice rows, side by
// side, written to bench/RESULTS.md.
//
// Per size (shops from bench/shops.mjs, generated once into .cache/bench/), each measurement in a fresh child
// process so its peak memory is its own, median of RUNS:
// - engine: runEngine from the in-memory 2-D arrays a paste hands over (bench/engine-child.ts, `memory`);
// - engine from CSV: the CLI's CSV reader + runEngine, the clock covering the file reads (the peer's work);
// - CLI: `node bin/segment-tabs.js invoices.csv customers.csv -o out.xlsx`, wall time of the whole process;
// - peers: bench/peer.py (pandas) and bench/peer-duckdb.mjs (the same definitions in DuckDB SQL), each from
//   reading the CSV to the scores;
// - the per-customer R, F, M of the engine and of each peer compared: any difference fails the bench;
// - the Apps Script face on the emulator (test/face/full-run.ts): service calls and cells written;
// - then the Apps Script face at scale (bench/sheets-scale.mjs): 100k, 200k and 300k rows against Sheets'
//   10M-cell limit, its own section of RESULTS.md (SCALE_SIZES to choose the sizes).
//
// Environment: BENCH_SIZES=10000,100000 to run fewer sizes; BENCH_RUNS=3 measurements per figure.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { sheetsScale } from './sheets-scale.mjs';
import { AS_OF, CACHE, ensureShop, ROOT, sizeLabel } from './shops.mjs';

const SIZES = (process.env.BENCH_SIZES ?? '10000,100000,1000000').split(',').map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
/** The Apps Script face is run up to this size: a 1M-row paste (17M cells) is over a spreadsheet's 10M cells. */
const EMULATOR_MAX_ROWS = 100_000;
/**
 * The targets (issue "The command line's workbook"), each at 1M invoice rows unless named: the engine from the
 * 2-D arrays within 4 s; the whole CLI (CSV in, coloured .xlsx out) no slower than pandas computing R, F, M alone;
 * the CLI's CSV-to-plan part no slower than DuckDB; the CLI's peak memory within 1 GB; the whole CLI at 100k rows
 * under 2 s.
 */
const TARGET = { engineMs: 4000, bigRows: 1_000_000, cliPeakMb: 1024, smallRows: 100_000, smallCliMs: 2000 };
const DUCKDB_PEER = join(ROOT, 'bench', 'peer-duckdb.mjs');

const log = (text) => process.stderr.write(`bench: ${text}\n`);

async function bundle(entry, outfile, external = []) {
  await build({
    entryPoints: [join(ROOT, entry)],
    outfile: join(CACHE, outfile),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external,
    logLevel: 'warning',
  });
  return join(CACHE, outfile);
}

/** Runs a child to completion; returns its last JSON line, wall time and stderr. Throws on a failure. */
function runChild(command, args, options = {}) {
  const started = performance.now();
  const child = spawnSync(command, args, {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, ...options.env },
  });
  const wallMs = performance.now() - started;
  if (child.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} exited ${child.status}:\n${child.stderr.slice(-2000)}`);
  }
  const lines = child.stdout.trim().split('\n');
  return {
    json: options.json === false ? undefined : JSON.parse(lines.at(-1)),
    wallMs,
    stderr: child.stderr,
  };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

function engineRun(childPath, mode, shop, scoresPath) {
  const files =
    mode === 'memory' ? [shop.invoicesV8, shop.customersV8] : [shop.invoicesCsv, shop.customersCsv];
  const args = [childPath, mode, ...files, ...(scoresPath ? [scoresPath] : [])];
  const { json, stderr } = runChild(process.execPath, args, { env: { BENCH_STEPS: '1' } });
  json.steps = [...stderr.matchAll(/^(\w+) ([\d.]+) at (\d+) ms$/gm)].map((m) => [m[1], Number(m[3])]);
  return json;
}

function cliRun(shop) {
  const args = [
    '--require',
    join(ROOT, 'bench', 'rss-on-exit.cjs'),
    join(ROOT, 'bin', 'segment-tabs.js'),
    shop.invoicesCsv,
    shop.customersCsv,
    '-o',
    join(shop.dir, 'segment-tabs.xlsx'),
    '--as-of',
    AS_OF,
    '--json',
  ];
  const { wallMs, stderr } = runChild(process.execPath, args, { json: false });
  const rss = /bench-peak-rss-kb (\d+)/.exec(stderr);
  return { ms: Math.round(wallMs), peakRssMb: rss ? Math.round(Number(rss[1]) / 102.4) / 10 : NaN };
}

function peerRun(shop, scoresPath) {
  const args = [
    join(ROOT, 'bench', 'peer.py'),
    shop.invoicesCsv,
    shop.customersCsv,
    AS_OF,
    ...(scoresPath ? [scoresPath] : []),
  ];
  return runChild(PYTHON, args).json;
}

/** The DuckDB peer: same arguments and output as peer.py, in a fresh Node process. */
function duckdbRun(shop, scoresPath) {
  const args = [DUCKDB_PEER, shop.invoicesCsv, shop.customersCsv, AS_OF, ...(scoresPath ? [scoresPath] : [])];
  return runChild(process.execPath, args).json;
}

function readScores(path) {
  const [header, ...lines] = readFileSync(path, 'utf8').trim().split('\n');
  const columns = header.split(',');
  const byCode = new Map();
  for (const line of lines) {
    const cells = line.split(',');
    byCode.set(cells[0], Object.fromEntries(columns.map((column, i) => [column, cells[i]])));
  }
  return byCode;
}

/** The engine's and the peer's R, F, M per customer: counts, and the first differing customers. */
function compareScores(oursPath, peerPath) {
  const ours = readScores(oursPath);
  const peer = readScores(peerPath);
  const differing = [];
  let same = 0;
  for (const [code, mine] of ours) {
    const theirs = peer.get(code);
    if (theirs && ['r', 'f', 'm'].every((metric) => Number(mine[metric]) === Number(theirs[metric]))) same++;
    else differing.push({ code, ours: mine, peer: theirs ?? null });
  }
  for (const [code, theirs] of peer) if (!ours.has(code)) differing.push({ code, ours: null, peer: theirs });
  return { customers: ours.size, same, differing: differing.length, first: differing.slice(0, 5) };
}

function machine() {
  const pandas = spawnSync(
    PYTHON,
    ['-c', 'import pandas, numpy; print(pandas.__version__, numpy.__version__)'],
    {
      encoding: 'utf8',
    },
  );
  const [pandasVersion = 'missing', numpyVersion = 'missing'] = pandas.stdout.trim().split(' ');
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    ramGb: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    python: spawnSync(PYTHON, ['--version'], { encoding: 'utf8' }).stdout.trim(),
    pandas: pandasVersion,
    numpy: numpyVersion,
    load: loadavg().map((value) => value.toFixed(2)),
  };
}

const seconds = (ms) => (ms / 1000).toFixed(2);
const spread = (values) =>
  `${seconds(median(values))} s (${seconds(Math.min(...values))}–${seconds(Math.max(...values))})`;
const megabytes = (values) => `${Math.round(Math.max(...values))} MB`;
const count = (n) => n.toLocaleString('en-US');

function stepsText(run) {
  const steps = run.steps;
  if (!steps.length) return '';
  const parts = [];
  for (let i = 0; i + 1 < steps.length; i++) {
    const [name, at] = steps[i];
    const next = steps[i + 1][1];
    if (name === 'planning' && i + 2 < steps.length) continue;
    parts.push(`${name} ${seconds(next - at)} s`);
  }
  return parts.join(', ');
}

function verdict(value, limit, unit) {
  if (value <= limit) return `met (${value} ${unit} ≤ ${limit} ${unit})`;
  const over = value - limit;
  const percent = Math.round((over / limit) * 1000) / 10;
  return `**missed** by ${Math.round(over * 100) / 100} ${unit} (${value} ${unit} vs ${limit} ${unit}, ${percent}% over)`;
}

function writeResults(facts, results, started) {
  const lines = [];
  const at = new Date().toISOString().replace('T', ' ').slice(0, 16);
  lines.push('# Benchmark results', '');
  lines.push(
    `Written by \`npm run bench\` (bench/run.mjs) on ${at} UTC; the whole run took ${Math.round((performance.now() - started) / 1000)} s.`,
    `Each figure is the median of ${RUNS} runs (lowest–highest in brackets), each run in a fresh process; the runs go round by round (ours, then pandas and DuckDB, then again), so a slow spell of the shared machine touches both sides alike.`,
    '',
  );
  lines.push('## Machine', '');
  lines.push(
    `- CPU: ${facts.cpu}, ${facts.cores} cores; RAM ${facts.ramGb} GB; load average at the start ${facts.load.join(', ')} (the machine is shared, so times vary from run to run)`,
    `- Node ${facts.node}; ${facts.python}, pandas ${facts.pandas}, numpy ${facts.numpy}`,
    '',
  );
  lines.push('## Shops', '');
  lines.push(
    'Seeded KiotViet-shaped exports from scripts/shop-generator.cjs (every messy-paste quirk: title rows, text money,',
    'five phone spellings, a block pasted twice, cancelled sales, returns, walk-ins, shared phones), as of ' +
      AS_OF +
      '.',
    '',
  );
  lines.push(
    '| Size | Invoice rows (sheet) | Customer rows | Invoices | Buyers | One-time buyers | Cancelled | Walk-in | Merged pairs |',
  );
  lines.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const result of results) {
    const f = result.shop.facts;
    lines.push(
      `| ${result.label} | ${count(f.sheetRows)} | ${count(f.customerRows)} | ${count(f.invoices)} | ${count(f.buyers)} | ${count(f.oneTimeBuyers)} | ${count(f.cancelledInvoices)} | ${count(f.walkInInvoices)} | ${count(f.mergedPairs)} |`,
    );
  }
  lines.push('', '## Times and memory', '');
  lines.push(
    '- **Engine**: `runEngine` from the in-memory 2-D arrays (what `getValues()` hands over for the paste), parse → plan.',
    "- **Engine from CSV**: the CLI's CSV reader and `runEngine`, clock started before the files are read: the same work as the peer.",
    '- **CLI**: `segment-tabs invoices.csv customers.csv -o out.xlsx --json`, the whole process (Node start and the .xlsx write included).',
    '- **pandas**: bench/peer.py, `read_csv` → per-customer R, F, M scores (interpreter start and imports excluded).',
    '- **DuckDB**: bench/peer-duckdb.mjs, the same definitions in SQL on `@duckdb/node-api` (all threads), `read_csv` → the same scores (Node start and the DuckDB load excluded).',
    '- Peak memory: the process\'s peak resident set. For the engine this includes the input arrays it was handed (about 950 MB at 1M rows as Node holds them); "less its input" subtracts the resident set measured just before the run.',
    '',
  );
  lines.push(
    '| Size | Engine | Engine peak | Engine peak less its input | Engine from CSV | CLI | CLI peak | pandas | pandas peak | DuckDB | DuckDB peak | CLI / pandas | From CSV / DuckDB | Engine / pandas |',
  );
  lines.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of results) {
    const engine = median(r.engine.map((run) => run.ms));
    const fromCsv = median(r.engineCsv.map((run) => run.ms));
    const peer = median(r.peer.map((run) => run.ms));
    const cli = median(r.cli.map((run) => run.ms));
    const duck = r.duckdb.length ? median(r.duckdb.map((run) => run.ms)) : NaN;
    const duckCells = r.duckdb.length
      ? `${spread(r.duckdb.map((run) => run.ms))} | ${megabytes(r.duckdb.map((run) => run.peakRssMb))}`
      : 'n/a | n/a';
    lines.push(
      `| ${r.label} | ${spread(r.engine.map((run) => run.ms))} | ${megabytes(r.engine.map((run) => run.peakRssMb))} | ${megabytes(r.engine.map((run) => run.peakRssMb - run.startRssMb))} | ${spread(r.engineCsv.map((run) => run.ms))} | ${spread(r.cli.map((run) => run.ms))} | ${megabytes(r.cli.map((run) => run.peakRssMb))} | ${spread(r.peer.map((run) => run.ms))} | ${megabytes(r.peer.map((run) => run.peakRssMb))} | ${duckCells} | ${(cli / peer).toFixed(2)} | ${(fromCsv / duck).toFixed(2)} | ${(engine / peer).toFixed(2)} |`,
    );
  }
  lines.push('', "Where the engine's time goes (its first run at each size, by step):", '');
  for (const r of results) lines.push(`- ${r.label}: ${stepsText(r.engine[0])}`);
  lines.push(
    '',
    "The engine's CPU time (user + system, every thread, the collector's included; median): it moves less than",
    'wall time when the shared machine is busy, so it is the figure to compare two versions of the code by.',
    '',
  );
  for (const r of results) lines.push(`- ${r.label}: ${spread(r.engine.map((run) => run.cpuMs))}`);
  lines.push('', '## Same R, F, M as the peers', '');
  lines.push(
    '| Size | Customers | Same R, F and M as pandas | Differing | Same as DuckDB | Differing |',
    '|---|---:|---:|---:|---:|---:|',
  );
  for (const r of results) {
    const duck = r.duckdbComparison;
    lines.push(
      `| ${r.label} | ${count(r.comparison.customers)} | ${count(r.comparison.same)} | ${count(r.comparison.differing)} | ${duck ? count(duck.same) : 'n/a'} | ${duck ? count(duck.differing) : 'n/a'} |`,
    );
  }
  const failed = results.filter((r) => r.comparison.differing > 0 || r.duckdbComparison?.differing > 0);
  for (const r of failed) {
    for (const [peer, comparison] of [
      ['pandas', r.comparison],
      ['DuckDB', r.duckdbComparison],
    ]) {
      if (!comparison?.differing) continue;
      lines.push(
        '',
        `First customers differing from ${peer} at ${r.label}:`,
        '',
        '```json',
        JSON.stringify(comparison.first, null, 2),
        '```',
      );
    }
  }
  lines.push('', '## The Apps Script face on the emulator', '');
  lines.push(
    'One full run of the built add-on (dist/Code.js) through test/face/full-run.ts: Sheets service calls made by',
    '`runSegmentation` and cells written with `setValues`. The 1M shop is not run: its 17M cells are over the',
    '10M cells a spreadsheet holds.',
    '',
  );
  lines.push(
    '| Size | Service calls | Cells written | Tabs | Most called | Emulator wall time |',
    '|---|---:|---:|---:|---|---:|',
  );
  for (const r of results) {
    if (!r.emulator) {
      lines.push(`| ${r.label} | n/a | n/a | n/a | ${r.emulatorNote} | |`);
      continue;
    }
    const e = r.emulator;
    const top = e.topMethods.map(([method, n]) => `${method} ${n}`).join(', ');
    lines.push(
      `| ${r.label} | ${count(e.calls)} | ${count(e.cellsWritten)} | ${e.tabs} | ${top} | ${seconds(e.ms)} s |`,
    );
  }
  lines.push('', '## Targets', '');
  lines.push(
    'Ratios are of medians measured in the same rounds (the machine is shared; a slow spell slows both sides), so',
    'they are the figures that hold from run to run; times in seconds are read against the peers beside them.',
    '',
  );
  const big = results.find((r) => r.rows === TARGET.bigRows);
  const small = results.find((r) => r.rows === TARGET.smallRows);
  const med = (runs) => median(runs.map((run) => run.ms));
  if (big) {
    const engine = Math.round(med(big.engine)) / 1000;
    const peer = med(big.peer) / 1000;
    lines.push(
      `- Engine from the 2-D arrays at 1M rows ≤ 4 s: ${verdict(engine, TARGET.engineMs / 1000, 's')}; it took ${(engine / peer).toFixed(2)}× pandas' time in this run, so it is within 4 s whenever pandas runs its pipeline in under ${(TARGET.engineMs / 1000 / (engine / peer)).toFixed(1)} s (${peer.toFixed(2)} s here)`,
    );
    const cliRatio = Math.round((med(big.cli) / med(big.peer)) * 100) / 100;
    lines.push(`- Whole CLI at 1M rows no slower than pandas: ${verdict(cliRatio, 1, '×')}`);
    if (big.duckdb.length) {
      const duckRatio = Math.round((med(big.engineCsv) / med(big.duckdb)) * 100) / 100;
      lines.push(`- The CLI's CSV → plan at 1M rows no slower than DuckDB: ${verdict(duckRatio, 1, '×')}`);
    } else lines.push(`- The CLI's CSV → plan against DuckDB: not measured (${DUCKDB_PEER} missing)`);
    const peak = Math.round(Math.max(...big.cli.map((run) => run.peakRssMb)));
    lines.push(`- CLI peak memory at 1M rows ≤ 1 GB: ${verdict(peak, TARGET.cliPeakMb, 'MB')}`);
  } else lines.push('- 1M rows: not measured in this run (BENCH_SIZES).');
  if (small) {
    const cli = Math.round(med(small.cli)) / 1000;
    lines.push(`- Whole CLI at 100k rows under 2 s: ${verdict(cli, TARGET.smallCliMs / 1000, 's')}`);
  }
  lines.push(
    `- Same per-customer R, F, M as pandas${results.some((r) => r.duckdbComparison) ? ' and DuckDB' : ''} at every size: ${failed.length ? '**no**' : 'yes'}`,
  );
  const notes = join(ROOT, 'bench', 'profile-notes.md');
  if (existsSync(notes)) lines.push('', readFileSync(notes, 'utf8').trim());
  // The SQL face's DuckDB timings at 1M and 10M lines: `npm run bench:sql` (bench/sql.mjs) writes them.
  const sqlResults = join(ROOT, 'bench', 'sql-results.md');
  if (existsSync(sqlResults)) lines.push('', readFileSync(sqlResults, 'utf8').trim());
  writeFileSync(join(ROOT, 'bench', 'RESULTS.md'), `${lines.join('\n')}\n`);
}

async function main() {
  const started = performance.now();
  const facts = machine();
  if (facts.pandas === 'missing')
    throw new Error(`pandas is not importable by ${PYTHON}: install python3-pandas`);
  log('bundling the engine and emulator children');
  const engineChild = await bundle('bench/engine-child.ts', 'engine-child.cjs', ['exceljs']);
  let emulatorChild;
  if (existsSync(join(ROOT, 'test', 'face', 'full-run.ts'))) {
    runChild(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { json: false });
    // Written into .cache/bench/ so that the bundled `__dirname/../../dist` is the project's dist/.
    emulatorChild = await bundle('bench/emulator-child.ts', 'emulator-child.cjs');
  }
  const results = [];
  for (const rows of SIZES) {
    const label = sizeLabel(rows).toUpperCase();
    const shop = ensureShop(rows, log);
    const oursScores = join(shop.dir, 'scores-engine.csv');
    const peerScores = join(shop.dir, 'scores-pandas.csv');
    const duckdbScores = join(shop.dir, 'scores-duckdb.csv');
    const withDuckdb = existsSync(DUCKDB_PEER);
    // Round by round, each of the four in turn: the shared machine's speed drifts over minutes, and taken this way
    // a slow spell touches ours and pandas' figures alike instead of skewing their ratio.
    const [engine, engineCsv, cli, peer, duckdb] = [[], [], [], [], []];
    for (let run = 0; run < RUNS; run++) {
      log(`${label}: round ${run + 1} of ${RUNS}: engine (in memory), engine from CSV, CLI, pandas, DuckDB`);
      engine.push(engineRun(engineChild, 'memory', shop, run === 0 ? oursScores : undefined));
      engineCsv.push(engineRun(engineChild, 'csv', shop));
      cli.push(cliRun(shop));
      peer.push(peerRun(shop, run === 0 ? peerScores : undefined));
      if (withDuckdb) duckdb.push(duckdbRun(shop, run === 0 ? duckdbScores : undefined));
    }
    const comparison = compareScores(oursScores, peerScores);
    const duckdbComparison = withDuckdb ? compareScores(oursScores, duckdbScores) : undefined;
    let emulator;
    let emulatorNote = '';
    if (!emulatorChild) emulatorNote = 'unavailable: test/face/full-run.ts is not in this checkout';
    else if (rows > EMULATOR_MAX_ROWS) emulatorNote = 'not run: over 10M cells';
    else {
      log(`${label}: Apps Script face on the emulator`);
      emulator = runChild(process.execPath, [emulatorChild, shop.invoicesV8, shop.customersV8]).json;
    }
    results.push({
      rows,
      label,
      shop,
      engine,
      engineCsv,
      cli,
      peer,
      duckdb,
      comparison,
      duckdbComparison,
      emulator,
      emulatorNote,
    });
    log(
      `${label}: engine ${seconds(median(engine.map((r) => r.ms)))} s, from CSV ${seconds(median(engineCsv.map((r) => r.ms)))} s, CLI ${seconds(median(cli.map((r) => r.ms)))} s, pandas ${seconds(median(peer.map((r) => r.ms)))} s${duckdb.length ? `, DuckDB ${seconds(median(duckdb.map((r) => r.ms)))} s` : ''}; R, F, M differ for ${comparison.differing} (pandas), ${duckdbComparison?.differing ?? 'n/a'} (DuckDB)`,
    );
  }
  writeResults(facts, results, started);
  log(`wrote bench/RESULTS.md in ${Math.round((performance.now() - started) / 1000)} s`);
  if (emulatorChild) await sheetsScale(`${facts.cpu}, ${facts.cores} cores`);
  const failed = results.filter((r) => r.comparison.differing > 0 || r.duckdbComparison?.differing > 0);
  if (failed.length) {
    for (const r of failed) {
      log(
        `${r.label}: R, F, M differ for ${r.comparison.differing} customers from pandas, ${r.duckdbComparison?.differing ?? 0} from DuckDB; first ones:`,
      );
      log(JSON.stringify({ pandas: r.comparison.first, duckdb: r.duckdbComparison?.first }, null, 2));
    }
    process.exitCode = 1;
  }
}

main().catch((error) => {
  log(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
