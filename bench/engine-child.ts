/**
 * One benchmark measurement of the engine, in a child process of its own so that its peak memory is this run's
 * alone. Bundled by bench/run.mjs with esbuild into .cache/bench/engine-child.cjs and run as
 *
 *   node engine-child.cjs memory <invoices.v8> <customers.v8> [scores.csv]
 *   node engine-child.cjs csv <invoices.csv> <customers.csv> [scores.csv]
 *
 * `memory`: the engine end to end (parse → plan) from the 2-D arrays a paste hands over through getValues();
 * the clock starts after the arrays are in memory. `csv`: the same from the CSV files, read as the CLI reads
 * them (decode, separator detection, RFC 4180 parse, sheet picking), the clock starting before the files are
 * read: the same work the pandas peer's clock covers. Prints one JSON line; with a scores path, also writes
 * every customer's code, R, F, M scores and raw values there, for the comparison with the peer.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { deserialize } from 'node:v8';
import { loadInput } from '../src/cli/load-input';
import type { CellValue } from '../src/core/cell';
import { runEngine } from '../src/core/engine';
import { DEFAULT_OPTIONS, type EngineInput, type EngineOptions } from '../src/core/options';

/** The as-of day of the benchmark shops (bench/shops.mjs AS_OF). */
const AS_OF = '2026-11-22';

export interface EngineMeasurement {
  mode: 'memory' | 'csv';
  /** Wall time of the measured work. */
  ms: number;
  /** CPU time of the measured work, all threads (see cpuMsSince). */
  cpuMs: number;
  /** Peak resident set of the whole process (input included), and the resident set before the clock started. */
  peakRssMb: number;
  startRssMb: number;
  customers: number;
  buyers: number;
  tabs: number;
  plannedRows: number;
  issues: number;
}

function mb(bytes: number): number {
  return Math.round((bytes / 1024 / 1024) * 10) / 10;
}

/** With BENCH_STEPS=1 in the environment, each engine step's start time goes to stderr (for profiling). */
function stepLogger(): EngineOptions['onProgress'] {
  if (process.env.BENCH_STEPS !== '1') return undefined;
  const started = performance.now();
  return (step, fraction) =>
    process.stderr.write(`${step} ${fraction} at ${Math.round(performance.now() - started)} ms\n`);
}

function engineOptions(): EngineOptions {
  return {
    ...DEFAULT_OPTIONS,
    onProgress: stepLogger(),
    asOf: AS_OF,
    now: Date.UTC(2026, 10, 22, 3),
    timeZone: 'Asia/Ho_Chi_Minh',
    language: 'vi',
  };
}

/**
 * CPU time (user + system, every thread: the collector's helpers included) since `start`. On a shared machine
 * it moves less than wall time from run to run, so it is the figure to compare two versions of the code by.
 */
function cpuMsSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

async function measure(mode: string, invoices: string, customers: string) {
  if (mode === 'memory') {
    const input: EngineInput = {
      invoices: { name: 'Hóa đơn', values: deserialize(readFileSync(invoices)) as CellValue[][] },
      customers: { name: 'Khách hàng', values: deserialize(readFileSync(customers)) as CellValue[][] },
    };
    const startRss = process.memoryUsage().rss;
    const startCpu = process.cpuUsage();
    const started = performance.now();
    const result = runEngine(input, engineOptions());
    return { result, ms: performance.now() - started, cpuMs: cpuMsSince(startCpu), startRss };
  }
  if (mode === 'csv') {
    const startRss = process.memoryUsage().rss;
    const startCpu = process.cpuUsage();
    const started = performance.now();
    const loaded = await loadInput([invoices, customers], { language: 'vi' });
    // As the CLI runs it: Date cells (none in a CSV) would be UTC wall clocks.
    const result = runEngine(loaded.input, { ...engineOptions(), dateCellZone: 'UTC' });
    return { result, ms: performance.now() - started, cpuMs: cpuMsSince(startCpu), startRss };
  }
  throw new Error(`engine-child: unknown mode "${mode}" (memory or csv)`);
}

async function main(): Promise<void> {
  const [mode = '', invoices = '', customers = '', scoresPath] = process.argv.slice(2);
  const { result, ms, cpuMs, startRss } = await measure(mode, invoices, customers);
  const measurement: EngineMeasurement = {
    mode: mode as EngineMeasurement['mode'],
    ms: Math.round(ms),
    cpuMs: Math.round(cpuMs),
    // maxRSS is in kilobytes.
    peakRssMb: mb(process.resourceUsage().maxRSS * 1024),
    startRssMb: mb(startRss),
    customers: result.customers.length,
    buyers: result.summary.facts.buyers,
    tabs: result.plan.tabs.length,
    plannedRows: result.plan.tabs.reduce(
      (sum, tab) => sum + tab.blocks.reduce((rows, block) => rows + block.rows.length, 0),
      0,
    ),
    issues: result.issues.length,
  };
  if (scoresPath) {
    const lines = ['code,r,f,m,recency,frequency,monetary'];
    for (const customer of result.customers) {
      lines.push(
        [
          customer.code,
          customer.r,
          customer.f,
          customer.m,
          customer.recencyDays ?? '',
          customer.frequency,
          customer.monetary,
        ].join(','),
      );
    }
    writeFileSync(scoresPath, `${lines.join('\n')}\n`);
  }
  // With BENCH_DIGEST=1, a hash of everything the run produced: optimisations must leave it unchanged.
  const digest =
    process.env.BENCH_DIGEST === '1'
      ? createHash('sha256')
          .update(JSON.stringify([result.customers, result.issues, result.summary, result.plan]))
          .digest('hex')
          .slice(0, 16)
      : undefined;
  process.stdout.write(`${JSON.stringify({ ...measurement, ...(digest ? { digest } : {}) })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `engine-child: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
});
