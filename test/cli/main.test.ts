/**
 * The command line end to end, in process: files written to a temporary folder, `main()` run with captured
 * stdout/stderr, and the .xlsx read back with ExcelJS and compared with the engine's plan for the same input.
 */
import { existsSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../src/cli/main';
import type { CliSummaryJson } from '../../src/cli/summary-table';
import { runEngine } from '../../src/core/engine';
import { DEFAULT_OPTIONS, type EngineOptions } from '../../src/core/options';
import { captureIo, readWorkbook, tempDir } from './helpers';
import { expectWorkbookToMatchPlan } from './plan-match';
import { makeShop, toCsv, writeShopXlsx } from './shop-fixture';

/** 2026-11-22 10:00 in Ho Chi Minh City. */
const NOW = Date.UTC(2026, 10, 22, 3, 0);

const dir = tempDir('main');
const shop = makeShop();
const invoicesCsv = join(dir, 'hoa-don.csv');
const customersCsv = join(dir, 'khach-hang.csv');
writeFileSync(invoicesCsv, toCsv(shop.invoices, ','));
writeFileSync(customersCsv, toCsv(shop.customers, ','));

async function run(argv: string[], now = NOW) {
  const io = captureIo(dir, now);
  const code = await main(argv, io);
  return { code, out: io.out(), err: io.err() };
}

async function runJson(argv: string[], now = NOW): Promise<CliSummaryJson> {
  const result = await run([...argv, '--json'], now);
  if (result.code !== 0) console.log(result.err);
  expect(result.err).not.toContain('Error');
  expect(result.code).toBe(0);
  return JSON.parse(result.out) as CliSummaryJson;
}

function engineOptions(overrides: Partial<EngineOptions> = {}): EngineOptions {
  // As the CLI runs it: a first run (History, Movement and snapshot), filter segments from --segments only.
  return { ...DEFAULT_OPTIONS, now: NOW, dateCellZone: 'UTC', saved: { definitions: [] }, ...overrides };
}

describe('segment-tabs on two CSV files', () => {
  it('writes the workbook of the engine plan and prints the summary table', async () => {
    const { code, out, err } = await run([
      'hoa-don.csv',
      'khach-hang.csv',
      '-o',
      'out/shop.xlsx',
      '--as-of',
      'latest',
    ]);
    expect(err).toBe('hóa đơn: hoa-don.csv; khách hàng: khach-hang.csv\n');
    expect(code).toBe(0);

    const expected = runEngine(
      {
        invoices: { name: 'hoa-don.csv', values: shop.invoices },
        customers: { name: 'khach-hang.csv', values: shop.customers },
      },
      engineOptions({ asOf: 'latest' }),
    );
    const workbook = await readWorkbook(join(dir, 'out', 'shop.xlsx'));
    expect(expectWorkbookToMatchPlan(workbook, expected.plan, 'vi')).toBeGreaterThan(1000);
    expect(workbook.worksheets[0]!.name).toBe('Tổng quan RFM');
    expect(workbook.worksheets.at(-4)!.name).toBe('Lỗi dữ liệu');
    expect(workbook.worksheets.at(-1)!.name).toBe('segment-tabs snapshot');

    const facts = expected.summary.facts;
    expect(facts.customers).toBe(40);
    const lines = out.split('\n');
    expect(lines[0]).toMatch(/^Phân khúc +Khách hàng +Tỷ lệ +Doanh thu$/);
    const total = lines.find((line) => line.startsWith('Tổng'))!;
    expect(total).toMatch(
      new RegExp(`^Tổng +40 +100,0% +${facts.revenue.toLocaleString('vi-VN').replace(/\./g, '\\.')} ₫$`),
    );
    for (const segment of expected.summary.segments.filter((s) => s.customers > 0)) {
      expect(
        lines.some((line) => line.startsWith(segment.name) && line.includes(` ${segment.customers} `)),
      ).toBe(true);
    }
    expect(out).toContain(`Tính đến ${facts.asOf} · `);
    expect(out).toContain(`${facts.issues} lỗi dữ liệu (xem tab "Lỗi dữ liệu")`);
    expect(out).toContain(`Đã ghi: ${join(dir, 'out', 'shop.xlsx')}`);
    expect(facts.issues).toBeGreaterThan(0);
  });

  it.each([
    ['semicolon with a BOM', ';', true],
    ['tab', '\t', false],
  ])('reads %s separated files to the same result as commas', async (_label, separator, bom) => {
    const prefix = bom ? '\uFEFF' : '';
    const name = separator === ';' ? 'semi' : 'tab';
    writeFileSync(join(dir, `${name}-hd.csv`), prefix + toCsv(shop.invoices, separator));
    writeFileSync(join(dir, `${name}-kh.csv`), prefix + toCsv(shop.customers, separator));
    const reference = await runJson(['hoa-don.csv', 'khach-hang.csv', '-o', 'ref.xlsx', '--as-of', 'latest']);
    const other = await runJson([
      `${name}-hd.csv`,
      `${name}-kh.csv`,
      '-o',
      `${name}.xlsx`,
      '--as-of',
      'latest',
    ]);
    // The same result; only the sheet names the columns were read from differ.
    const named = (json: typeof reference) => ({
      ...json,
      output: '',
      columns: json.columns.map((sheet: { sheet: string }) => ({ ...sheet, sheet: '' })),
    });
    expect(named(other)).toEqual(named(reference));
  });

  it('finds the customer file when it is given first', async () => {
    const swapped = await runJson([
      'khach-hang.csv',
      'hoa-don.csv',
      '-o',
      'swapped.xlsx',
      '--as-of',
      'latest',
    ]);
    const reference = await runJson([
      'hoa-don.csv',
      'khach-hang.csv',
      '-o',
      'ref2.xlsx',
      '--as-of',
      'latest',
    ]);
    expect(swapped.segments).toEqual(reference.segments);
  });

  it('runs on invoices alone', async () => {
    const result = await runJson(['hoa-don.csv', '-o', 'alone.xlsx', '--as-of', 'latest']);
    expect(result.customers).toBe(38);
    expect(result.prospects).toBe(0);
  });
});

describe('segment-tabs on one .xlsx workbook', () => {
  it('finds the invoice and customer sheets by their headers and reads date cells on the shop calendar', async () => {
    const path = join(dir, 'shop.xlsx');
    await writeShopXlsx(path, shop);
    const { code, out, err } = await run([
      'shop.xlsx',
      '-o',
      'from-xlsx.xlsx',
      '--as-of',
      'latest',
      '--json',
    ]);
    expect(code).toBe(0);
    expect(err).toBe('hóa đơn: sheet "Hóa đơn"; khách hàng: sheet "Khách hàng"\nBỏ qua: "Ghi chú".\n');
    const fromXlsx = JSON.parse(out) as CliSummaryJson;
    const fromCsv = await runJson(['hoa-don.csv', 'khach-hang.csv', '-o', 'ref3.xlsx', '--as-of', 'latest']);
    // Same days, same amounts: the same segments whichever file type the shop exported.
    expect(fromXlsx.asOf).toBe(fromCsv.asOf);
    expect(fromXlsx.segments).toEqual(fromCsv.segments);
    expect(fromXlsx.revenue).toBe(fromCsv.revenue);
  });
});

describe('options', () => {
  it('--as-of: a given day, the latest purchase, or today on the shop clock', async () => {
    expect((await runJson(['hoa-don.csv', '-o', 'a.xlsx', '--as-of', '2026-12-31'])).asOf).toBe('2026-12-31');
    const latestDay = shop.invoices
      .map((row) => /^(\d{2})\/(\d{2})\/2026/.exec(row[1] ?? ''))
      .filter((match) => match !== null)
      .map((match) => `2026-${match![2]}-${match![1]}`)
      .sort()
      .at(-1);
    expect((await runJson(['hoa-don.csv', '-o', 'a.xlsx', '--as-of', 'latest'])).asOf).toBe(latestDay);
    expect((await runJson(['hoa-don.csv', '-o', 'a.xlsx'])).asOf).toBe('2026-11-22');
  });

  it('--tz: "today" is the day in the given zone', async () => {
    const lateEvening = Date.UTC(2026, 10, 21, 18, 30); // 01:30 on the 22nd in Vietnam
    expect((await runJson(['hoa-don.csv', '-o', 'a.xlsx'], lateEvening)).asOf).toBe('2026-11-22');
    const utc = await runJson(['hoa-don.csv', '-o', 'a.xlsx', '--tz', 'UTC'], lateEvening);
    expect(utc.asOf).toBe('2026-11-21');
    expect(utc.timeZone).toBe('UTC');
  });

  it('--levels: scores run from 1 to the number of levels', async () => {
    const { code } = await run(['hoa-don.csv', '-o', 'levels.xlsx', '--levels', '3', '--as-of', 'latest']);
    expect(code).toBe(0);
    const sheet = (await readWorkbook(join(dir, 'levels.xlsx'))).getWorksheet('Khách hàng RFM')!;
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    const scores = ['R', 'F', 'M'].flatMap((name) => {
      const column = headers.indexOf(name) + 1;
      return sheet.getColumn(column).values.slice(2) as number[];
    });
    expect(new Set(scores)).toEqual(new Set([1, 2, 3]));
  });

  it('--metrics: scores only the chosen metrics', async () => {
    const result = await runJson(['hoa-don.csv', '-o', 'a.xlsx', '--metrics', 'rf', '--as-of', 'latest']);
    expect(result.metrics).toBe('rf');
    const sheet = (await readWorkbook(join(dir, 'a.xlsx'))).getWorksheet('Khách hàng RFM')!;
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    const codes = sheet.getColumn(headers.indexOf('Mã RFM') + 1).values.slice(2) as string[];
    expect(codes.every((code) => /^[1-5]{2}$/.test(code))).toBe(true);
  });

  it('--breakpoints: the shop thresholds replace quintiles, and bad ones are refused', async () => {
    writeFileSync(
      join(dir, 'bp.json'),
      JSON.stringify({ r: [30, 60, 90, 180], f: [2, 3, 5, 8], m: [500000, 1e6, 2e6, 4e6] }),
    );
    const result = await runJson([
      'hoa-don.csv',
      '-o',
      'a.xlsx',
      '--breakpoints',
      'bp.json',
      '--as-of',
      'latest',
    ]);
    expect(result.method).toBe('breakpoints');

    writeFileSync(join(dir, 'bp-short.json'), JSON.stringify({ r: [30, 60, 90] }));
    const short = await run(['hoa-don.csv', '-o', 'a.xlsx', '--breakpoints', 'bp-short.json']);
    expect(short.code).toBe(1);
    expect(short.err).toBe(
      'segment-tabs: --breakpoints bp-short.json: Recency breakpoints: expected 4 thresholds for 5 levels, got 3.\n',
    );
    writeFileSync(join(dir, 'bp-falling.json'), JSON.stringify({ f: [5, 3, 2, 1] }));
    expect((await run(['hoa-don.csv', '-o', 'a.xlsx', '--breakpoints', 'bp-falling.json'])).err).toBe(
      'segment-tabs: --breakpoints bp-falling.json: Frequency breakpoints: thresholds must rise; 3 follows 5.\n',
    );
    writeFileSync(join(dir, 'bp-bad.json'), '{ r: [30] }');
    const bad = await run(['hoa-don.csv', '-o', 'a.xlsx', '--breakpoints', 'bp-bad.json']);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/^segment-tabs: --breakpoints .*bp-bad\.json: không phải JSON hợp lệ/);
    const missing = await run(['hoa-don.csv', '-o', 'a.xlsx', '--breakpoints', 'none.json', '--lang', 'en']);
    expect(missing.err).toBe(`segment-tabs: --breakpoints: file not found: ${join(dir, 'none.json')}\n`);
  });

  it('headers no list knows are read by their words and cells; --map names them just the same', async () => {
    const renamed = shop.invoices.map((row, i) =>
      i === 0
        ? ['Số phiếu', 'Ngày giờ giao dịch', 'Khách', 'Họ tên', 'SĐT liên hệ', 'Thành tiền sau giảm']
        : row,
    );
    writeFileSync(join(dir, 'renamed.csv'), toCsv(renamed, ','));
    const without = await runJson(['renamed.csv', '-o', 'a.xlsx', '--as-of', 'latest']);
    writeFileSync(
      join(dir, 'columns.json'),
      JSON.stringify({
        invoices: {
          invoiceCode: 'Số phiếu',
          date: 'ngay gio giao dich',
          customerCode: 'C',
          name: 'Họ tên',
          invoiceTotal: 'F',
        },
      }),
    );
    const mapped = await runJson([
      'renamed.csv',
      '-o',
      'a.xlsx',
      '--map',
      'columns.json',
      '--as-of',
      'latest',
    ]);
    const reference = await runJson(['hoa-don.csv', '-o', 'ref4.xlsx', '--as-of', 'latest']);
    expect(mapped.segments).toEqual(reference.segments);
    expect(without.segments).toEqual(reference.segments);
  });

  it('--map: refuses unknown fields and headers that are not there, listing what is', async () => {
    writeFileSync(join(dir, 'map-field.json'), JSON.stringify({ invoices: { amount: 'Khách cần trả' } }));
    const field = await run(['hoa-don.csv', '-o', 'a.xlsx', '--map', 'map-field.json']);
    expect(field.code).toBe(1);
    expect(field.err).toMatch(
      /^segment-tabs: --map map-field\.json: "amount" is not a field of invoices\. Fields: invoiceCode, date, /,
    );
    writeFileSync(
      join(dir, 'map-header.json'),
      JSON.stringify({ invoices: { invoiceTotal: 'Tổng tiền hàng' } }),
    );
    const header = await run(['hoa-don.csv', '-o', 'a.xlsx', '--map', 'map-header.json']);
    expect(header.code).toBe(1);
    expect(header.err).toBe(
      'segment-tabs: --map: không thấy cột "Tổng tiền hàng" trong sheet "hoa-don.csv". Đã thấy: Mã hóa đơn, Thời gian, Mã khách hàng, Tên khách hàng, Điện thoại, Khách cần trả.\n',
    );
  });

  it('--date-order: decides text dates that read either way, and is asked for when it is missing', async () => {
    const ambiguous = makeShop({ dayFirstOnly: true });
    writeFileSync(join(dir, 'ambiguous.csv'), toCsv(ambiguous.invoices, ','));
    const refused = await run(['ambiguous.csv', '-o', 'a.xlsx', '--lang', 'en']);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(
      /^invoices: ambiguous\.csv\nsegment-tabs: Cannot tell day\/month order in column B \("Thời gian"\) of sheet "ambiguous\.csv"/,
    );
    expect(refused.err).toContain(
      '\nPass --date-order dmy (day first: 05/03 is 5 March) or --date-order mdy (month first).\n',
    );
    const dmy = await runJson(['ambiguous.csv', '-o', 'a.xlsx', '--date-order', 'dmy', '--as-of', 'latest']);
    const mdy = await runJson(['ambiguous.csv', '-o', 'a.xlsx', '--date-order', 'mdy', '--as-of', 'latest']);
    const latest = (order: 'dmy' | 'mdy') =>
      ambiguous.invoices
        .map((row) => /^(\d{2})\/(\d{2})\/2026/.exec(row[1] ?? ''))
        .filter((match) => match !== null)
        .map((match) =>
          order === 'dmy' ? `2026-${match![2]}-${match![1]}` : `2026-${match![1]}-${match![2]}`,
        )
        .sort()
        .at(-1);
    expect(dmy.asOf).toBe(latest('dmy'));
    expect(mdy.asOf).toBe(latest('mdy'));
    expect(dmy.asOf).not.toBe(mdy.asOf);
  });

  it('--monetary: average order value changes the M scores, not the revenue', async () => {
    const total = await runJson(['hoa-don.csv', '-o', 'a.xlsx', '--as-of', 'latest']);
    const average = await runJson([
      'hoa-don.csv',
      '-o',
      'a.xlsx',
      '--monetary',
      'average',
      '--as-of',
      'latest',
    ]);
    expect(average.monetary).toBe('average');
    expect(average.revenue).toBe(total.revenue);
    expect(average.segments).not.toEqual(total.segments);
  });

  it('--segments: each filter segment gets a tab and a line under the table', async () => {
    writeFileSync(
      join(dir, 'segments.json'),
      JSON.stringify([
        { name: 'Khách VIP', definition: 'total_spend >= 3000000', colour: '#f9a825' },
        { name: 'Mua từ 3 lần', definition: 'invoices >= 3', abGroups: 2 },
      ]),
    );
    const { code, out } = await run([
      'hoa-don.csv',
      'khach-hang.csv',
      '-o',
      'seg.xlsx',
      '--segments',
      'segments.json',
      '--as-of',
      'latest',
    ]);
    expect(code).toBe(0);
    const tail = out.split('\n\n')[1]!.split('\n');
    expect(tail[0]).toMatch(/^Khách VIP +\d+ +\d+,\d% +[\d.]+ ₫$/);
    expect(tail[1]).toMatch(/^Mua từ 3 lần +\d+ +\d+,\d% +[\d.]+ ₫$/);
    const workbook = await readWorkbook(join(dir, 'seg.xlsx'));
    const vip = workbook.getWorksheet('Khách VIP')!;
    expect(vip.properties.tabColor).toEqual({ argb: 'FFF9A825' });
    expect(workbook.getWorksheet('Mua từ 3 lần')!.properties.tabColor).toEqual({ argb: 'FF6A1B9A' });
    const json = await runJson([
      'hoa-don.csv',
      '-o',
      'seg2.xlsx',
      '--segments',
      'segments.json',
      '--as-of',
      'latest',
    ]);
    expect(
      json.segments.filter((segment) => segment.kind === 'filter').map((segment) => segment.name),
    ).toEqual(['Khách VIP', 'Mua từ 3 lần']);

    writeFileSync(
      join(dir, 'segments-bad.json'),
      JSON.stringify([{ name: 'VIP', definition: 'x', colour: 'gold' }]),
    );
    const bad = await run(['hoa-don.csv', '-o', 'a.xlsx', '--segments', 'segments-bad.json']);
    expect(bad.code).toBe(1);
    expect(bad.err).toBe(
      'segment-tabs: --segments segments-bad.json: entry 1 ("VIP"): "colour" must look like #f9a825.\n',
    );
  });

  it('--lang en: English tabs, formats and summary', async () => {
    const { code, out } = await run([
      'hoa-don.csv',
      'khach-hang.csv',
      '-o',
      'en.xlsx',
      '--lang',
      'en',
      '--as-of',
      'latest',
    ]);
    expect(code).toBe(0);
    expect(out.split('\n')[0]).toMatch(/^Segment +Customers +Share +Revenue$/);
    expect(out).toMatch(/\nTotal +40 +100\.0% +[\d,]+\n/);
    expect(out).toContain('(see the "Data issues" tab)');
    const expected = runEngine(
      {
        invoices: { name: 'hoa-don.csv', values: shop.invoices },
        customers: { name: 'khach-hang.csv', values: shop.customers },
      },
      engineOptions({ asOf: 'latest', language: 'en' }),
    );
    const workbook = await readWorkbook(join(dir, 'en.xlsx'));
    expectWorkbookToMatchPlan(workbook, expected.plan, 'en');
    expect(workbook.worksheets.map((sheet) => sheet.name)).toContain('RFM Customers');
  });

  it('--json: a stable shape with every segment', async () => {
    const result = await runJson(['hoa-don.csv', 'khach-hang.csv', '-o', 'j.xlsx', '--as-of', '2026-11-30']);
    expect(Object.keys(result)).toEqual([
      'version',
      'output',
      'tabs',
      'asOf',
      'timeZone',
      'language',
      'levels',
      'metrics',
      'method',
      'monetary',
      'customers',
      'buyers',
      'prospects',
      'invoices',
      'revenue',
      'dataIssues',
      'facts',
      'predictions',
      'portraits',
      'columns',
      'segments',
    ]);
    // The fixture shop's customer sheet has codes, names, phones and emails only: every portrait field is left out.
    expect(result.portraits!.missing).toEqual([
      'gender',
      'age',
      'province',
      'region',
      'store',
      'channel',
      'tier',
    ]);
    const [all, ...groups] = result.portraits!.groups;
    expect(all).toMatchObject({ id: 'all', customers: 40, figures: { buyers: 38 } });
    expect(groups.reduce((sum, group) => sum + group.customers, 0)).toBe(40);
    expect(result.tabs).toContain('Chân dung phân khúc');
    expect(result).toMatchObject({
      version: 1,
      output: join(dir, 'j.xlsx'),
      asOf: '2026-11-30',
      customers: 40,
      buyers: 38,
      prospects: 2,
    });
    expect(result.segments.map((segment) => segment.id)).toContain('prospect');
    expect(result.segments.reduce((sum, segment) => sum + segment.customers, 0)).toBe(40);
    const workbook = await readWorkbook(join(dir, 'j.xlsx'));
    expect(result.tabs).toEqual(workbook.worksheets.map((sheet) => sheet.name));
  });

  it('--help prints the usage and exits 0', async () => {
    const { code, out } = await run(['--help', '--lang', 'en']);
    expect(code).toBe(0);
    expect(out).toContain('segment-tabs <input.xlsx | invoices.csv [customers.csv]> -o out.xlsx [options]');
  });
});

describe('errors', () => {
  it('a bad option: exit 2 with a pointer to --help', async () => {
    const { code, err } = await run(['hoa-don.csv', '-o', 'a.xlsx', '--levels', '6']);
    expect(code).toBe(2);
    expect(err).toBe(
      'segment-tabs: --levels: "6" is not one of 3, 4, 5.\nRun segment-tabs --help for the options.\n',
    );
  });

  it('a missing input file', async () => {
    const { code, err } = await run(['khong-co.csv', '-o', 'a.xlsx']);
    expect(code).toBe(1);
    expect(err).toBe(`segment-tabs: Không thấy tệp: ${join(dir, 'khong-co.csv')}\n`);
  });

  it('an unreadable workbook (a damaged zip)', async () => {
    writeFileSync(join(dir, 'hong.xlsx'), Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(200, 7)]));
    const { code, err } = await run(['hong.xlsx', '-o', 'a.xlsx', '--lang', 'en']);
    expect(code).toBe(1);
    expect(err).toMatch(
      /^segment-tabs: Cannot read "hong\.xlsx" as an Excel \(\.xlsx\) workbook: the file is damaged or not a workbook \(.+\)\n$/,
    );
  });

  it('CSV text named .xlsx is read as the CSV it is, with a note', async () => {
    writeFileSync(join(dir, 'csv-that-says-xlsx.xlsx'), toCsv(shop.invoices, ','));
    const { code, err } = await run(['csv-that-says-xlsx.xlsx', '-o', 'b.xlsx', '--lang', 'en']);
    expect(code).toBe(0);
    expect(err).toContain('"csv-that-says-xlsx.xlsx" is CSV text, not an Excel workbook');
  });

  it('a run that understood nothing exits 1, names the column and the --map that fixes it; no .xlsx', async () => {
    const rows = [['Ref No', 'Receipt ID', 'Date', 'Phone', 'Amount']];
    for (let i = 1; i <= 30; i++)
      rows.push([
        '',
        `R${100 + i}`,
        `2026-11-${String((i % 20) + 1).padStart(2, '0')}`,
        `09123456${String(i).padStart(2, '0')}`,
        '$12.50',
      ]);
    writeFileSync(join(dir, 'receipts.csv'), toCsv(rows, ','));
    writeFileSync(join(dir, 'force-ref.json'), JSON.stringify({ invoices: { invoiceCode: 'Ref No' } }));
    const forced = await run(['receipts.csv', '-o', 'none.xlsx', '--map', 'force-ref.json', '--lang', 'en']);
    expect(forced.code).toBe(1);
    expect(forced.err).toContain(
      '0 invoices counted from 30 rows: column A ("Ref No"), read as Invoice code, is empty in all 30 rows.',
    );
    expect(forced.err).toContain(`Use --map '{"invoices":{"invoiceCode":"Receipt ID"}}'`);
    expect(existsSync(join(dir, 'none.xlsx'))).toBe(false);
    // The suggested map, given inline, settles it.
    const fixed = await run([
      'receipts.csv',
      '-o',
      'r.xlsx',
      '--map',
      '{"invoices":{"invoiceCode":"Receipt ID"}}',
      '--json',
    ]);
    expect(fixed.code).toBe(0);
    expect((JSON.parse(fixed.out) as CliSummaryJson).invoices).toBe(30);
  });

  it('--explain-columns lists each field, its confidence, why, and the runner-up', async () => {
    const { code, out } = await run([
      'receipts.csv',
      '-o',
      'r2.xlsx',
      '--explain-columns',
      '--lang',
      'en',
      '--as-of',
      'latest',
    ]);
    expect(code).toBe(0);
    expect(out).toContain('Sheet "receipts.csv" (invoices), header on row 1:');
    // The empty "Ref No" is no candidate at all, so there is no runner-up to name.
    expect(out).toMatch(/Invoice code\s+B "Receipt ID"\s+45% \(words in the header\)/);
    expect(out).toMatch(/Phone\s+D "Phone"\s+100% \(known header\)/);
  });

  it('a doubtful column is named on stderr with the --map entry that would settle it', async () => {
    const rows = [['Số', 'Thời điểm mua', 'Liên hệ', 'Tiền']];
    for (let i = 1; i <= 12; i++)
      rows.push([`P${i}`, `2${i % 8}/11/2026 10:00`, `09123456${String(i).padStart(2, '0')}`, `${i}0.000 ₫`]);
    writeFileSync(join(dir, 'doubt.csv'), toCsv(rows, ','));
    const { code, err } = await run(['doubt.csv', '-o', 'd.xlsx', '--lang', 'en', '--as-of', 'latest']);
    if (code !== 0) console.log(err);
    expect(code).toBe(0);
    expect(err).toMatch(/doubt\.csv: Phone read from column C "Liên hệ" \(\d+% sure\)\./);
  });

  it('no header in a CSV: the rows it saw are listed', async () => {
    writeFileSync(
      join(dir, 'notes.csv'),
      'Báo cáo bán hàng tháng 10\n\nCửa hàng,Quận 1\nGhi chú,xem file đính kèm\n',
    );
    const { code, err } = await run(['notes.csv', '-o', 'a.xlsx', '--lang', 'en']);
    expect(code).toBe(1);
    expect(err).toContain(
      'No invoices header row found in sheet "notes.csv". Rows seen: Báo cáo bán hàng tháng 10 / Cửa hàng | Quận 1 / Ghi chú | xem file đính kèm.',
    );
  });

  it('no header in any sheet of a workbook: each sheet and its first rows are listed', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Tháng 10').addRows([['Doanh số theo ngày'], ['Ngày', 'Tiền mặt', 'Chuyển khoản']]);
    workbook.addWorksheet('Trống');
    await workbook.xlsx.writeFile(join(dir, 'no-header.xlsx'));
    const { code, err } = await run(['no-header.xlsx', '-o', 'a.xlsx', '--lang', 'en']);
    expect(code).toBe(1);
    expect(err).toBe(
      'segment-tabs: No invoice or customer header row found in any sheet of "no-header.xlsx". Rows seen:\n' +
        '  "Tháng 10": Doanh số theo ngày / Ngày | Tiền mặt | Chuyển khoản\n' +
        'Use --map to name the columns.\n',
    );
  });

  it('refuses to write onto an input, by any path that names it', async () => {
    const before = readFileSync(invoicesCsv);
    writeFileSync(join(dir, 'same.xlsx'), 'placeholder');
    symlinkSync(join(dir, 'same.xlsx'), join(dir, 'link.xlsx'));
    for (const output of ['same.xlsx', './same.xlsx', join(dir, 'same.xlsx'), 'link.xlsx']) {
      const { code, err } = await run(['same.xlsx', '-o', output, '--lang', 'en']);
      expect([output, code]).toEqual([output, 2]);
      expect(err).toBe(
        `segment-tabs: -o ${output} is an input file: choose another output name (inputs are never overwritten).\n`,
      );
    }
    expect(readFileSync(join(dir, 'same.xlsx'), 'utf8')).toBe('placeholder');
    expect(readFileSync(invoicesCsv)).toEqual(before);
  });

  it('creates the output folder', async () => {
    const { code } = await run(['hoa-don.csv', '-o', 'deep/er/out.xlsx', '--as-of', 'latest']);
    expect(code).toBe(0);
    expect(existsSync(join(dir, 'deep', 'er', 'out.xlsx'))).toBe(true);
  });
});

describe('progress', () => {
  it('shows the steps on stderr for a large input, and stays quiet on a small one', async () => {
    const rows = [shop.invoices[0]!];
    for (let i = 0; i < 60_000; i++) {
      const source = shop.invoices[1 + (i % 100)]!;
      rows.push([`HD${String(i).padStart(7, '0')}`, ...source.slice(1)]);
    }
    writeFileSync(join(dir, 'large.csv'), toCsv(rows, ','));
    const large = await run(['large.csv', '-o', 'large.xlsx', '--as-of', 'latest', '--lang', 'en']);
    expect(large.code).toBe(0);
    // A file over 5 MB also shows its reading before its rows are counted; this one is just under.
    const steps = large.err
      .split('\n')
      .filter((line) => line.startsWith('['))
      .map((line) => line.replace(/^\[\d+\.\ds\] /, ''))
      .filter((step) => step !== 'reading large.csv');
    expect(steps).toEqual([
      'reading sheets',
      'parsing rows',
      'matching invoices to customers',
      'scoring',
      'planning tabs',
      'writing large.xlsx',
      'done',
    ]);
    const small = await run(['hoa-don.csv', '-o', 'small.xlsx', '--as-of', 'latest']);
    expect(small.err.split('\n').filter((line) => line.startsWith('['))).toEqual([]);
  });
});

describe('--previous: History and Movement from an earlier output workbook', () => {
  /** Customer code → the value of `column` on the Customers tab of a written workbook. */
  async function customerColumn(file: string, column: string): Promise<Map<string, string>> {
    const sheet = (await readWorkbook(join(dir, file))).getWorksheet('RFM Customers')!;
    const header = (sheet.getRow(1).values as unknown[]).map(String);
    const code = header.indexOf('Customer code');
    const wanted = header.indexOf(column);
    const values = new Map<string, string>();
    sheet.eachRow((row, r) => {
      if (r > 1) values.set(String(row.getCell(code).value), String(row.getCell(wanted).value ?? ''));
    });
    return values;
  }

  it('writes History with the change since that run, Movement and the previous segments', async () => {
    const base = ['hoa-don.csv', 'khach-hang.csv', '--lang', 'en'];
    const first = await runJson([...base, '-o', 'october.xlsx', '--as-of', '2026-10-23']);
    const second = await runJson([
      ...base,
      '-o',
      'november.xlsx',
      '--as-of',
      '2026-11-22',
      '--previous',
      'october.xlsx',
    ]);
    const workbook = await readWorkbook(join(dir, 'november.xlsx'));

    // History: the October rows as that run wrote them, then November's with the change per segment.
    const history = workbook.getWorksheet('Segment history')!;
    const rows = history
      .getSheetValues()
      .slice(2)
      .map((row) => (row as unknown[]).slice(2, 8));
    const figures = (run: CliSummaryJson) => run.segments.filter((segment) => segment.kind === 'rfm');
    const october = new Map(figures(first).map((segment) => [segment.name, segment]));
    expect(rows).toEqual([
      ...figures(first).map((s) => ['2026-10-23', s.name, s.customers, s.revenue, undefined, undefined]),
      ...figures(second).map((s) => [
        '2026-11-22',
        s.name,
        s.customers,
        s.revenue,
        s.customers - october.get(s.name)!.customers,
        s.revenue - october.get(s.name)!.revenue,
      ]),
    ]);
    // A month on, someone changed segment: the change column is not all zeros.
    expect(rows.slice(figures(first).length).some((row) => row[4] !== 0)).toBe(true);

    // The previous segment of every customer is the segment the October run gave them.
    const before = await customerColumn('october.xlsx', 'Segment');
    const now = await customerColumn('november.xlsx', 'Segment');
    const previous = await customerColumn('november.xlsx', 'Previous segment');
    expect(previous).toEqual(before);

    // Movement: October's segment (rows) × November's (columns), counted here from the two Customers tabs.
    const expected = new Map<string, number>();
    for (const [code, segment] of now) {
      const key = `${before.get(code)} → ${segment}`;
      expected.set(key, (expected.get(key) ?? 0) + 1);
    }
    const movement = workbook.getWorksheet('Segment movement')!;
    expect(movement.getCell('A1').value).toBe('From 2026-10-23 (rows) to this run (columns)');
    const columns = (movement.getRow(2).values as unknown[]).slice(2).map(String);
    const counted = new Map<string, number>();
    movement.eachRow((row, r) => {
      if (r < 3) return;
      columns.forEach((to, c) => {
        const count = row.getCell(c + 2).value as number;
        if (count > 0) counted.set(`${String(row.getCell(1).value)} → ${to}`, count);
      });
    });
    expect(counted).toEqual(expected);
    expect([...counted.keys()].some((key) => key.split(' → ')[0] !== key.split(' → ')[1])).toBe(true);
  });

  it('continues the -o workbook itself when --previous names it, run after run', async () => {
    const base = ['hoa-don.csv', 'khach-hang.csv', '--lang', 'en', '-o', 'rolling.xlsx'];
    await runJson([...base, '--as-of', '2026-09-30']);
    await runJson([...base, '--as-of', '2026-10-31', '--previous', 'rolling.xlsx']);
    await runJson([...base, '--as-of', '2026-11-30', '--previous', 'rolling.xlsx']);
    const history = (await readWorkbook(join(dir, 'rolling.xlsx'))).getWorksheet('Segment history')!;
    const dates = history
      .getSheetValues()
      .slice(2)
      .map((row) => (row as unknown[])[2]);
    expect([...new Set(dates)]).toEqual(['2026-09-30', '2026-10-31', '2026-11-30']);
  });

  it('writes a first History and the hidden snapshot without --previous', async () => {
    const result = await runJson(['hoa-don.csv', 'khach-hang.csv', '-o', 'first.xlsx', '--lang', 'en']);
    expect(result.tabs.slice(-3)).toEqual(['Segment history', 'Segment movement', 'segment-tabs snapshot']);
    const workbook = await readWorkbook(join(dir, 'first.xlsx'));
    expect(workbook.getWorksheet('Segment movement')!.getCell('A2').value).toBe(
      'First run: movement appears from the next run.',
    );
    expect(workbook.getWorksheet('segment-tabs snapshot')!.state).toBe('hidden');
  });

  it('refuses a --previous file that is missing, damaged or not ours, naming it and what was expected', async () => {
    const missing = await run([...['hoa-don.csv', '-o', 'x.xlsx'], '--previous', 'nowhere.xlsx']);
    expect([missing.code, missing.err]).toEqual([
      1,
      'segment-tabs: --previous nowhere.xlsx: không thấy tệp.\n',
    ]);

    writeFileSync(join(dir, 'broken.xlsx'), 'PK\u0003\u0004 not really a zip');
    const broken = await run(['hoa-don.csv', '-o', 'x.xlsx', '--lang', 'en', '--previous', 'broken.xlsx']);
    expect(broken.code).toBe(1);
    expect(broken.err).toContain('--previous broken.xlsx: cannot be read as an .xlsx workbook');
    expect(broken.err).toContain('expected the .xlsx an earlier segment-tabs run wrote with -o');

    // A shop's own workbook (the input itself) carries no mark of ours.
    await writeShopXlsx(join(dir, 'shop-own.xlsx'), shop);
    const foreign = await run(['hoa-don.csv', '-o', 'x.xlsx', '--lang', 'en', '--previous', 'shop-own.xlsx']);
    expect(foreign.code).toBe(1);
    expect(foreign.err).toContain(
      '--previous shop-own.xlsx: not a workbook written by segment-tabs (its document properties carry no "segment-tabs" mark)',
    );
    expect(existsSync(join(dir, 'x.xlsx'))).toBe(false);
  });
});
