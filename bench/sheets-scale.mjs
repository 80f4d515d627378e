// The Apps Script face at scale (issue 16), called by `npm run bench` (bench/run.mjs) or alone:
//
//   node bench/sheets-scale.mjs            # shops of 100k, 200k and 300k invoice rows
//   SCALE_SIZES=100000 node bench/sheets-scale.mjs
//
// Per shop (bench/shops.mjs, generated once into .cache/bench/), a first run and a re-run of the built add-on on
// the emulator in a fresh child process (bench/sheets-scale-child.ts): calls, cells read and written, the peak
// cells while writing (the staged copy beside the old tabs), and what the cell budget decided. Then, from the
// measured output per customer, the largest shop that fits in a spreadsheet per number of invoice columns.
// Writes the "Apps Script face at scale" section of bench/RESULTS.md (replacing it if there).
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CACHE, ensureShop, ROOT, sizeLabel } from './shops.mjs';

const SIZES = (process.env.SCALE_SIZES ?? '100000,200000,300000').split(',').map(Number);
const LIMIT = 10_000_000;
/** A new tab before it is sized, and the template tab: room the writer needs beside the output. */
const SPARE = 2 * 26_000;
const HEADING = '## The Apps Script face at scale';
const log = (text) => process.stderr.write(`bench (sheets scale): ${text}\n`);
const n = (value) => Math.round(value).toLocaleString('en-US');

async function bundleChild() {
  const outfile = join(CACHE, 'sheets-scale-child.cjs');
  await build({
    entryPoints: [join(ROOT, 'bench', 'sheets-scale-child.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'warning',
  });
  return outfile;
}

function runChild(child, shop) {
  const result = spawnSync(
    process.execPath,
    ['--max-old-space-size=4096', child, shop.invoicesV8, shop.customersV8],
    { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  if (result.status !== 0) throw new Error(`child exited ${result.status}:\n${result.stderr.slice(-2000)}`);
  return JSON.parse(result.stdout.trim().split('\n').at(-1));
}

function runText(run) {
  if (!run) return '–';
  if (!run.ok) return `refused before writing (peak ${n(run.peakCells)} cells = before)`;
  return `${n(run.calls)} calls, ${n(run.cellsRead)} read, ${n(run.cellsWritten)} written, peak ${n(run.peakCells)}${run.inPlace ? ' (in place)' : ''}, ${(run.ms / 1000).toFixed(1)} s`;
}

/** A pasted tab keeps a new tab's 26 columns unless the empty ones are deleted. */
const NEW_SHEET_COLUMNS = 26;

/**
 * Largest invoice rows that fit, from a measured shop: input = rows × sheet columns + customer rows × customer
 * sheet columns (customers ≈ rows / 10, as the generator makes them), output = measured cells per customer;
 * sheet columns are the data's, or 26 when the empty columns of a paste are kept.
 */
function largestShops(measured) {
  const base = measured.find((m) => m.first.ok) ?? measured[0];
  const perCustomer = base.outputCells / base.customers;
  const customerShare = base.customers / base.rows;
  const rowsFor = (columns, copies, trimmed) => {
    const sheetColumns = (c) => (trimmed ? c : Math.max(c, NEW_SHEET_COLUMNS));
    // rows × columns + rows × share × (customerColumns + copies × perCustomer) + SPARE ≤ LIMIT
    const perRow =
      sheetColumns(columns) + customerShare * (sheetColumns(base.customerColumns) + copies * perCustomer);
    return Math.floor((LIMIT - SPARE) / perRow / 1000) * 1000;
  };
  return {
    perCustomer,
    customerShare,
    rows: [8, 12, 17, 25, 40].map((columns) => ({
      columns,
      once: rowsFor(columns, 1, false),
      staged: rowsFor(columns, 2, false),
      onceTrimmed: rowsFor(columns, 1, true),
      stagedTrimmed: rowsFor(columns, 2, true),
    })),
  };
}

function section(measured, machine) {
  const lines = [HEADING, ''];
  lines.push(
    `Written by \`node bench/sheets-scale.mjs\` (called by \`npm run bench\`) on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${machine}.`,
    "The built add-on (dist/Code.js) on the emulator, in a fresh process per shop: a first run, then a re-run of the same spreadsheet. Calls are Sheets service calls of runSegmentation (test/face/full-run.ts); cells read are what getValues returned, cells written what setValues wrote; the peak is the spreadsheet's cells (every tab's rows × columns) at its highest during the run, against the 10,000,000 limit. Times are the emulator's, not Apps Script's.",
    '',
    "Cells read include the sidebar's getSetup and detectColumns (separate executions before the run, which read each input tab once more); the run itself reads each input tab once.",
    '',
    '| Invoice rows | Input data (rows × columns) | Input tabs as Sheets counts them | Output cells | First run | Re-run |',
    '| --- | --- | --- | --- | --- | --- |',
  );
  for (const m of measured) {
    lines.push(
      `| ${sizeLabel(m.rows)} | ${n(m.inputCells)} (${n(m.rows)} × ${m.invoiceColumns} + ${n(m.customerRows)} × ${m.customerColumns}) | ${n(m.inputSheetCells)} (26 columns each) | ${m.first.ok ? n(m.outputCells) : '–'} | ${runText(m.first)} | ${runText(m.rerun)} |`,
    );
  }
  const refused = measured.find((m) => !m.first.ok);
  if (refused)
    lines.push(
      '',
      `The message of the refused run (${sizeLabel(refused.rows)}), nothing written:`,
      '',
      `> ${refused.first.message}`,
    );
  const largest = largestShops(measured);
  lines.push(
    '',
    `Largest shop that fits, from the measured output (${largest.perCustomer.toFixed(1)} cells per customer, one customer per ${(1 / largest.customerShare).toFixed(1)} invoice rows, the customer sheet as in these shops), per number of invoice-sheet columns: "once" is the largest that can run at all (a re-run then replaces tabs in place), "staged" the largest whose re-runs still write every new tab beside the old ones.`,
    '',
    '| Invoice columns | Runs (once / in place), as pasted | Re-runs staged, as pasted | Runs, empty columns deleted | Re-runs staged, empty columns deleted |',
    '| --- | --- | --- | --- | --- |',
    ...largest.rows.map(
      (row) =>
        `| ${row.columns} | ${n(row.once)} | ${n(row.staged)} | ${n(row.onceTrimmed)} | ${n(row.stagedTrimmed)} |`,
    ),
  );
  return lines.join('\n');
}

export async function sheetsScale(machine = 'this machine') {
  if (!existsSync(join(ROOT, 'dist', 'Code.js'))) throw new Error('dist/Code.js is missing: npm run build');
  const child = await bundleChild();
  const measured = [];
  for (const rows of SIZES) {
    const shop = ensureShop(rows, log);
    log(`${sizeLabel(rows)}: first run and re-run on the emulator`);
    const m = { rows, ...runChild(child, shop) };
    log(`${sizeLabel(rows)}: first ${runText(m.first)}; re-run ${runText(m.rerun)}`);
    measured.push(m);
  }
  const text = section(measured, machine);
  const path = join(ROOT, 'bench', 'RESULTS.md');
  const current = existsSync(path) ? readFileSync(path, 'utf8') : '# Benchmark results\n';
  const at = current.indexOf(HEADING);
  let updated;
  if (at >= 0) {
    const end = current.indexOf('\n## ', at + HEADING.length);
    updated = current.slice(0, at) + text + (end >= 0 ? current.slice(end) : '\n');
  } else updated = `${current.trimEnd()}\n\n${text}\n`;
  writeFileSync(path, updated);
  log('wrote its section of bench/RESULTS.md');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  sheetsScale().catch((error) => {
    log(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exitCode = 1;
  });
}
