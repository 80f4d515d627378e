/**
 * The Apps Script face's cost on the emulator: one full run of the built add-on (dist/Code.js) through
 * test/face/full-run.ts, as the sidebar drives it, on one benchmark shop. Bundled by bench/run.mjs into
 * .cache/bench/emulator-child.cjs (from there, the bundled `__dirname/../../dist` is the project's dist/) and run
 *
 *   node emulator-child.cjs <invoices.v8> <customers.v8>
 *
 * Prints one JSON line: Sheets service calls of runSegmentation, cells written by setValues, tabs, wall time.
 */
import { readFileSync } from 'node:fs';
import { deserialize } from 'node:v8';
import { fullRunOnEmulator } from '../test/face/full-run';

export interface EmulatorMeasurement {
  calls: number;
  /** The five most frequent methods, most frequent first. */
  topMethods: [string, number][];
  cellsWritten: number;
  tabs: number;
  ms: number;
}

function main(): void {
  const [invoicesPath = '', customersPath = ''] = process.argv.slice(2);
  const invoices = deserialize(readFileSync(invoicesPath)) as unknown[][];
  const customers = deserialize(readFileSync(customersPath)) as unknown[][];
  const started = performance.now();
  const run = fullRunOnEmulator(invoices, customers);
  const measurement: EmulatorMeasurement = {
    calls: run.calls,
    topMethods: Object.entries(run.callsByMethod)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 5),
    cellsWritten: run.cellsWritten,
    tabs: run.tabs.length,
    ms: Math.round(performance.now() - started),
  };
  process.stdout.write(`${JSON.stringify(measurement)}\n`);
}

main();
