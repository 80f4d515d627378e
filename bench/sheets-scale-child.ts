/**
 * The Apps Script face at scale (issue 16): on one benchmark shop, a first run and a re-run of the built add-on
 * on the emulator, each measured for Sheets service calls, cells read (getValues), cells written (setValues),
 * the spreadsheet's cells before and after, and the peak cells while the run writes (the staged copy beside the
 * old tabs). A run the cell budget refuses is recorded with its message. Bundled by bench/sheets-scale.mjs into
 * .cache/bench/sheets-scale-child.cjs and run as
 *
 *   node sheets-scale-child.cjs <invoices.v8> <customers.v8>
 *
 * Prints one JSON line.
 */
import { readFileSync } from 'node:fs';
import { deserialize } from 'node:v8';
import { EmuRange, type Emulator } from '../test/emulator';
import { fullRunOnEmulator, newFaceSession, type FaceSession } from '../test/face/full-run';

export interface ScaleRun {
  ok: boolean;
  message?: string;
  calls?: number;
  cellsRead: number;
  cellsWritten?: number;
  cellsBefore: number;
  cellsAfter: number;
  peakCells: number;
  inPlace?: boolean;
  tabs?: number;
  ms: number;
}

export interface ScaleMeasurement {
  /** Cells of the pasted values (rows × columns of the data). */
  inputCells: number;
  /** Cells of the input tabs as Sheets counts them (a paste keeps a new tab's 26 columns). */
  inputSheetCells: number;
  invoiceColumns: number;
  customerColumns: number;
  customerRows: number;
  /** Cells of the add-on's own tabs after the first run (when it ran). */
  outputCells: number;
  customers: number;
  first: ScaleRun;
  rerun?: ScaleRun;
}

function measure(session: FaceSession, run: () => ReturnType<typeof fullRunOnEmulator>): ScaleRun {
  const { emulator } = session;
  const book = emulator.world.book;
  const log = emulator.calls;
  const hit = log.hit;
  let peak = book.cellCount();
  log.hit = function peakHit(this: typeof log, method: string): void {
    peak = Math.max(peak, book.cellCount());
    hit.call(this, method);
  };
  const proto = EmuRange.prototype as unknown as { getValues: () => unknown[][] };
  const getValues = proto.getValues;
  let read = 0;
  proto.getValues = function countingGetValues(this: unknown) {
    const values = getValues.call(this);
    read += values.length * (values[0]?.length ?? 0);
    return values;
  };
  const before = book.cellCount();
  const started = performance.now();
  try {
    const result = run();
    return {
      ok: true,
      calls: result.calls,
      cellsRead: read,
      cellsWritten: result.cellsWritten,
      cellsBefore: before,
      cellsAfter: book.cellCount(),
      peakCells: Math.max(peak, book.cellCount()),
      inPlace: result.result.warnings.some((warning) => /one by one|lần lượt/.test(warning)),
      tabs: result.tabs.length,
      ms: Math.round(performance.now() - started),
    };
  } catch (error) {
    return {
      ok: false,
      // An error of the bundle's vm realm: not `instanceof Error` here.
      message: String((error as { message?: unknown }).message ?? error),
      cellsRead: read,
      cellsBefore: before,
      cellsAfter: book.cellCount(),
      peakCells: Math.max(peak, book.cellCount()),
      ms: Math.round(performance.now() - started),
    };
  } finally {
    log.hit = hit;
    proto.getValues = getValues;
  }
}

function ownedCells(emulator: Emulator): number {
  const ours = new Set(
    emulator.world.book.metadata.filter((meta) => meta.key === 'segment-tabs').map((meta) => meta.sheet),
  );
  return emulator.world.book.sheets
    .filter((sheet) => ours.has(sheet))
    .reduce((sum, sheet) => sum + sheet.cellCount(), 0);
}

function main(): void {
  const [invoicesPath = '', customersPath = ''] = process.argv.slice(2);
  const invoices = deserialize(readFileSync(invoicesPath)) as unknown[][];
  const customers = deserialize(readFileSync(customersPath)) as unknown[][];
  // English messages, so the figures read the same in RESULTS.md.
  const session = newFaceSession({ locale: 'en_US' });
  const width = (rows: unknown[][]) => rows.reduce((max, row) => Math.max(max, row.length), 0);
  const first = measure(session, () => fullRunOnEmulator(invoices, customers, { on: session }));
  const measurement: ScaleMeasurement = {
    inputCells: invoices.length * width(invoices) + customers.length * width(customers),
    inputSheetCells: ['Hóa đơn', 'Khách hàng']
      .map((name) => session.emulator.world.book.findByName(name)?.cellCount() ?? 0)
      .reduce((sum, value) => sum + value, 0),
    invoiceColumns: width(invoices),
    customerColumns: width(customers),
    customerRows: customers.length,
    outputCells: first.ok ? ownedCells(session.emulator) : 0,
    customers: customers.length - 1,
    first,
  };
  if (first.ok) measurement.rerun = measure(session, () => fullRunOnEmulator([], [], { on: session }));
  process.stdout.write(`${JSON.stringify(measurement)}\n`);
}

main();
