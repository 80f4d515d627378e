/**
 * Seeded random damage to the sample shop (`sample/invoices.csv`, `sample/customers.csv`) through the command
 * line's `main()`. Whatever the damage, the run never crashes, exits 0 or 1 only, and no stack trace or exception
 * text reaches stdout or stderr. Damage that leaves the data rows alone (columns shuffled, a header block pasted
 * again, blank lines, another separator or line end, another Unicode encoding) must leave the totals and the R/F/M
 * digest exactly as on the clean files.
 *
 * Bounded for CI: a fixed list of seeds (about 0.6 s a run on a 2-core machine), never a wall-clock loop.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsv } from '../../src/cli/read-csv';
import type { CliSummaryJson } from '../../src/cli/summary-table';
import { tempDir } from '../cli/helpers';
import { csv } from './corpus';
import { LEAKED_EXCEPTION, runCli } from './run-cli';
import { random } from '../seeded-random';

const dir = tempDir('fuzz');
const SAMPLE = {
  invoices: readFileSync(join(__dirname, '../../sample/invoices.csv')),
  customers: readFileSync(join(__dirname, '../../sample/customers.csv')),
};
const AS_OF = '2026-11-22';

type Damage = (bytes: Buffer, next: () => number) => Buffer;
const pick = (next: () => number, n: number) => Math.floor(next() * n);
const rowsOf = (bytes: Buffer) => parseCsv(bytes.toString('utf8').replace(/^\uFEFF/, ''));
/** The header row: the first row with a good number of filled cells (title rows above it have one). */
const headerIndex = (rows: string[][]) => rows.findIndex((row) => row.filter(Boolean).length >= 4);

/** Damage that leaves every data row's values as they were: the totals must not move. */
const KEEPING: Record<string, Damage> = {
  'shuffled columns': (bytes, next) => {
    const rows = rowsOf(bytes);
    const width = Math.max(...rows.map((row) => row.length));
    const order = [...Array(width).keys()];
    for (let i = order.length - 1; i > 0; i--) {
      const j = pick(next, i + 1);
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    return Buffer.from(csv(rows.map((row) => order.map((column) => row[column] ?? ''))));
  },
  'header block pasted again': (bytes, next) => {
    const rows = rowsOf(bytes);
    const header = headerIndex(rows);
    const block = rows.slice(0, header + 1);
    const at = header + 1 + pick(next, rows.length - header - 1);
    return Buffer.from(csv([...rows.slice(0, at), ...block, ...rows.slice(at)]));
  },
  'blank lines': (bytes, next) => {
    const lines = bytes.toString('utf8').split('\n');
    for (let k = 0; k < 20; k++) lines.splice(1 + pick(next, lines.length - 1), 0, next() < 0.5 ? '' : ',,,');
    return Buffer.from(lines.join('\n'));
  },
  'another separator': (bytes, next) => Buffer.from(csv(rowsOf(bytes), next() < 0.5 ? ';' : '\t')),
  'CRLF line ends': (bytes) => Buffer.from(csv(rowsOf(bytes), ',', '\r\n')),
  'old-Mac line ends': (bytes) => Buffer.from(csv(rowsOf(bytes), ',', '\r')),
  'UTF-16 with BOM': (bytes) =>
    Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from(bytes.toString('utf8').replace(/^\uFEFF/, ''), 'utf16le'),
    ]),
  'BOM removed': (bytes) => Buffer.from(bytes.toString('utf8').replace(/^\uFEFF/, '')),
};

/** Damage to the data itself: only the run's behaviour is checked (no crash, exit 0 or 1, no leaked exception). */
const BREAKING: Record<string, Damage> = {
  truncated: (bytes, next) => bytes.subarray(0, pick(next, bytes.length)),
  'bytes flipped': (bytes, next) => {
    const copy = Buffer.from(bytes);
    for (let k = 0; k < 1 + pick(next, 40); k++) copy[pick(next, copy.length)] = pick(next, 256);
    return copy;
  },
  'Windows-1252 bytes': (bytes) => Buffer.from(bytes.toString('utf8'), 'latin1'),
  'duplicated block of rows': (bytes, next) => {
    const lines = bytes.toString('utf8').split('\n');
    const from = pick(next, lines.length);
    const block = lines.slice(from, from + 1 + pick(next, 200));
    lines.splice(pick(next, lines.length), 0, ...block);
    return Buffer.from(lines.join('\n'));
  },
  'garbage lines': (bytes, next) => {
    const lines = bytes.toString('utf8').split('\n');
    const junk = () =>
      Array.from({ length: 1 + pick(next, 80) }, () => String.fromCharCode(32 + pick(next, 95))).join('');
    for (let k = 0; k < 1 + pick(next, 15); k++) lines.splice(pick(next, lines.length), 0, junk());
    return Buffer.from(lines.join('\n'));
  },
  'stray quotes': (bytes, next) => {
    const text = bytes.toString('utf8');
    let out = text;
    for (let k = 0; k < 1 + pick(next, 4); k++) {
      const at = pick(next, out.length);
      out = out.slice(0, at) + '"' + out.slice(at);
    }
    return Buffer.from(out);
  },
  'lines joined': (bytes, next) => {
    const lines = bytes.toString('utf8').split('\n');
    const at = 5 + pick(next, lines.length - 10);
    lines.splice(at, 3, lines.slice(at, at + 3).join(','));
    return Buffer.from(lines.join('\n'));
  },
};

interface Digest {
  invoices: number;
  customers: number;
  revenue: number;
  segments: string;
}

function digest(json: CliSummaryJson): Digest {
  return {
    invoices: json.invoices,
    customers: json.customers,
    revenue: json.revenue,
    segments: json.segments
      .map((segment) => `${segment.id}:${segment.customers}:${segment.revenue}`)
      .join(' '),
  };
}

let run = 0;
async function runOn(invoices: Buffer, customers: Buffer) {
  const id = ++run;
  writeFileSync(join(dir, `i${id}.csv`), invoices);
  writeFileSync(join(dir, `c${id}.csv`), customers);
  return runCli(
    [`i${id}.csv`, `c${id}.csv`, '-o', `out/${id}.xlsx`, '--as-of', AS_OF, '--json', '--lang', 'en'],
    dir,
  );
}

function expectClean(result: { code: number; out: string; err: string }): void {
  expect([0, 1]).toContain(result.code);
  expect(result.err).not.toMatch(LEAKED_EXCEPTION);
  expect(result.out).not.toMatch(LEAKED_EXCEPTION);
  if (result.code === 1) expect(result.err).toMatch(/^segment-tabs: /m);
}

let clean: Digest;
beforeAll(async () => {
  const result = await runOn(SAMPLE.invoices, SAMPLE.customers);
  expect(result.code).toBe(0);
  clean = digest(JSON.parse(result.out) as CliSummaryJson);
  expect(clean.invoices).toBeGreaterThan(1000);
});

const SEEDS = [11, 23];

describe('damage that leaves the data rows alone keeps every total', () => {
  const cases = Object.keys(KEEPING).flatMap((name) =>
    (['invoices', 'customers'] as const).flatMap((target) =>
      SEEDS.slice(0, 1).map((seed) => [name, target, seed] as const),
    ),
  );
  it.each(cases)('%s in %s (seed %d)', async (name, target, seed) => {
    const damaged = KEEPING[name]!(SAMPLE[target], random(seed));
    const result = await runOn(
      target === 'invoices' ? damaged : SAMPLE.invoices,
      target === 'customers' ? damaged : SAMPLE.customers,
    );
    expectClean(result);
    expect(result.code).toBe(0);
    expect(digest(JSON.parse(result.out) as CliSummaryJson)).toEqual(clean);
  });
});

describe('damage to the data never crashes', () => {
  const cases = Object.keys(BREAKING).flatMap((name) =>
    (['invoices', 'customers'] as const).flatMap((target) =>
      SEEDS.map((seed) => [name, target, seed] as const),
    ),
  );
  it.each(cases)('%s in %s (seed %d)', async (name, target, seed) => {
    const damaged = BREAKING[name]!(SAMPLE[target], random(seed));
    const result = await runOn(
      target === 'invoices' ? damaged : SAMPLE.invoices,
      target === 'customers' ? damaged : SAMPLE.customers,
    );
    expectClean(result);
    if (result.code === 0) {
      const json = JSON.parse(result.out) as CliSummaryJson;
      expect(Number.isFinite(json.revenue)).toBe(true);
    }
  });
});
