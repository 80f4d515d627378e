// The benchmark's shops: generated once per size into .cache/bench/<size>/ and reused by later runs.
//
// Each shop folder holds the CSV pair the CLI and the pandas peer read (`invoices.csv`, `customers.csv`, UTF-8
// with BOM as Sheets or Excel save them) and the compact form the in-memory engine runs start from
// (`invoices.v8`, `customers.v8`: `sheetValues()` of each sheet, i.e. what `Range.getValues()` hands over for a
// paste, numbers as numbers and text as text, serialised with node's structured clone so a child process
// loads a million rows in about a second). `shop.json` records the options and the generator's hash: a changed
// generator or size regenerates the folder.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { serialize } from 'node:v8';

const require = createRequire(import.meta.url);
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const CACHE = join(ROOT, '.cache', 'bench');
const GENERATOR = join(ROOT, 'scripts', 'shop-generator.cjs');

/** Seed of every benchmark shop: one seed, so a size's shop is the same on every machine. */
export const SEED = 'segment-tabs-bench';
/** The as-of day the generator ends its sales on (the last sale is the day before). */
export const AS_OF = '2026-11-22';

/** Folder name of a size: 10k, 100k, 1m. */
export function sizeLabel(rows) {
  return rows >= 1_000_000 ? `${rows / 1_000_000}m` : `${rows / 1000}k`;
}

function generatorHash() {
  return createHash('sha256').update(readFileSync(GENERATOR)).digest('hex').slice(0, 16);
}

/**
 * The shop of `invoiceRows` invoice lines (customers ≈ invoiceRows / 10, every messy-paste quirk), generated when
 * its folder is missing or stale. Returns the file paths and the shop's facts.
 * @param {number} invoiceRows
 * @param {(text: string) => void} [log]
 */
export function ensureShop(invoiceRows, log = () => undefined) {
  const dir = join(CACHE, sizeLabel(invoiceRows));
  const files = {
    dir,
    invoicesCsv: join(dir, 'invoices.csv'),
    customersCsv: join(dir, 'customers.csv'),
    invoicesV8: join(dir, 'invoices.v8'),
    customersV8: join(dir, 'customers.v8'),
    meta: join(dir, 'shop.json'),
  };
  const wanted = { seed: SEED, invoiceRows, asOf: AS_OF, generator: generatorHash() };
  if (existsSync(files.meta)) {
    const meta = JSON.parse(readFileSync(files.meta, 'utf8'));
    const same = Object.entries(wanted).every(([key, value]) => meta.options?.[key] === value);
    if (
      same &&
      [files.invoicesCsv, files.customersCsv, files.invoicesV8, files.customersV8].every(existsSync)
    ) {
      return { ...files, facts: meta.facts, generatedMs: 0 };
    }
  }
  log(`generating the ${sizeLabel(invoiceRows)} shop into ${dir}`);
  const started = performance.now();
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const { generateShop, writeShopCsv, sheetValues } = require(GENERATOR);
  const shop = generateShop({ seed: SEED, invoiceRows, asOf: AS_OF });
  writeShopCsv(shop, dir);
  writeFileSync(files.invoicesV8, serialize(sheetValues(shop.invoices)));
  writeFileSync(files.customersV8, serialize(sheetValues(shop.customers)));
  const facts = {
    invoiceRows,
    sheetRows: shop.invoices.titleRows.length + 1 + shop.invoices.rows.length,
    customerRows: shop.customers.rows.length,
    invoices: shop.truth.counts.invoices,
    buyers: shop.truth.counts.buyers,
    oneTimeBuyers: shop.truth.counts.oneTimeBuyers,
    cancelledInvoices: shop.truth.counts.cancelledInvoices,
    walkInInvoices: shop.truth.counts.walkInInvoices,
    mergedPairs: shop.truth.merged.length,
  };
  writeFileSync(files.meta, `${JSON.stringify({ options: wanted, facts }, null, 2)}\n`);
  const generatedMs = performance.now() - started;
  log(`generated the ${sizeLabel(invoiceRows)} shop in ${(generatedMs / 1000).toFixed(1)} s`);
  return { ...files, facts, generatedMs };
}
