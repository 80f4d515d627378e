/**
 * The bundled sample shop (Cà Phê Phố Cũ: 15,000 KiotViet invoice-detail rows with title rows, a repeated
 * paste, totals rows, dotted and `đ` money, phone spellings, cancellations) through the command line: the CSV
 * files as the generator writes them (BOM, commas, CRLF), and the workbook compared cell by cell with the plan
 * the engine makes from the same rows.
 */
import { join } from 'node:path';
import { main } from '../../src/cli/main';
import type { CliSummaryJson } from '../../src/cli/summary-table';
import { runEngine } from '../../src/core/engine';
import { DEFAULT_OPTIONS } from '../../src/core/options';
import { SAMPLE_OPTIONS, sampleShop, sheetValues, writeShopCsv } from '../../scripts/shop-generator.cjs';
import { captureIo, readWorkbook, tempDir } from './helpers';
import { expectWorkbookToMatchPlan } from './plan-match';

describe('the sample shop through the command line', () => {
  it('writes the plan the engine makes from the same rows, and reports it', async () => {
    const dir = tempDir('sample');
    const shop = sampleShop();
    writeShopCsv(shop, dir);
    const io = captureIo(dir);
    const code = await main(
      [
        'invoices.csv',
        'customers.csv',
        '-o',
        'out/segment-tabs.xlsx',
        '--as-of',
        SAMPLE_OPTIONS.asOf!,
        '--json',
      ],
      io,
    );
    expect(io.err()).toBe('hóa đơn: invoices.csv; khách hàng: customers.csv\n');
    expect(code).toBe(0);

    // A CSV holds text only: the same rows as text are what the engine is expected to see.
    const asText = (rows: (string | number)[][]) => rows.map((row) => row.map(String));
    const expected = runEngine(
      {
        invoices: { name: 'invoices.csv', values: asText(sheetValues(shop.invoices)) },
        customers: { name: 'customers.csv', values: asText(sheetValues(shop.customers)) },
      },
      {
        ...DEFAULT_OPTIONS,
        asOf: SAMPLE_OPTIONS.asOf!,
        now: Date.UTC(2026, 10, 22, 3),
        dateCellZone: 'UTC',
        // As the CLI runs: a first run, with History, Movement and the snapshot.
        saved: { definitions: [] },
      },
    );
    const summary = JSON.parse(io.out()) as CliSummaryJson;
    expect(summary.customers).toBe(expected.summary.facts.customers);
    expect(summary.dataIssues).toBe(expected.issues.length);
    expect(summary.dataIssues).toBeGreaterThan(0);

    const workbook = await readWorkbook(join(dir, 'out', 'segment-tabs.xlsx'));
    expect(expectWorkbookToMatchPlan(workbook, expected.plan, 'vi')).toBeGreaterThan(20_000);
  });
});
