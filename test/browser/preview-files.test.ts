/**
 * The preview takes a real file and real pasted cells (issue 17): an .xlsx becomes one tab per sheet, cells
 * pasted from Sheets or Excel (tab-separated text on the clipboard) become a new tab, and the add-on runs on
 * them; the charts the add-on inserts are drawn; the page's own words and alerts follow --lang.
 */
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import { launchChromium, sidebarFrame, startPreview, type Preview } from './harness';

let browser: Browser;
let preview: Preview;
let context: BrowserContext;
let page: Page;
let dialogs: string[];

beforeAll(async () => {
  browser = await launchChromium();
  preview = await startPreview(['--lang', 'vi']);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await preview?.stop();
});

beforeEach(async () => {
  expect(await preview.post('/reset')).toMatchObject({ ok: true });
  context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  page = await context.newPage();
  dialogs = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(preview.url);
  await sidebarFrame(page);
});

afterEach(async () => {
  await context?.close();
});

const CUSTOMERS = [
  ['Mã KH', 'Tên khách', 'Điện thoại', 'Email'],
  ['KH01', 'Nguyễn Văn An', '0901234567', 'an@shop.vn'],
  ['KH02', 'Trần Thị Bình', '0912345678', ''],
  ['KH03', 'Lê Văn Cường', '0987654321', 'cuong@shop.vn'],
];

/** Three customers who buy differently, on real date cells (as an .xlsx holds them). */
async function workbook(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const invoices = book.addWorksheet('Đơn hàng');
  invoices.addRow(['Mã hóa đơn', 'Ngày', 'Mã KH', 'Tổng tiền']);
  const day = (d: number) => new Date(Date.UTC(2026, 10, d, 3, 0, 0));
  invoices.addRow(['HD001', day(2), 'KH01', 250_000]);
  invoices.addRow(['HD002', day(10), 'KH01', 400_000]);
  invoices.addRow(['HD003', day(20), 'KH01', 150_000]);
  invoices.addRow(['HD004', day(5), 'KH02', 90_000]);
  invoices.addRow(['HD005', day(25), 'KH03', 1_200_000]);
  const customers = book.addWorksheet('Khách');
  for (const row of CUSTOMERS) customers.addRow(row);
  const notes = book.addWorksheet('Ghi chú');
  notes.addRow(['Nhập hàng thứ Hai']);
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function tabNames(): Promise<string[]> {
  return (await preview.state()).tabs.map((tab) => tab.name);
}

async function cellsOf(name: string): Promise<string[][]> {
  const response = await fetch(new URL(`/tab?name=${encodeURIComponent(name)}`, preview.url));
  expect(response.ok).toBe(true);
  return ((await response.json()) as { cells: { v: string }[][] }).cells.map((row) => row.map((c) => c.v));
}

/** Reloads the page (the sidebar reads the tabs when it opens), picks the sheets and runs with defaults. */
async function runOn(invoices: string, customers: string): Promise<Frame> {
  await page.reload();
  const frame = await sidebarFrame(page);
  await frame.selectOption('[data-testid="sheet-invoices"]', invoices);
  await frame.selectOption('[data-testid="sheet-customers"]', customers);
  await frame.click('[data-testid="data-next"]');
  await frame.waitForSelector('[data-testid="step-columns"]');
  const ambiguous = frame.locator('[data-testid^="date-order-"] input[value="dmy"]');
  for (let i = 0; i < (await ambiguous.count()); i++) await ambiguous.nth(i).check();
  await frame.click('[data-testid="columns-next"]');
  await frame.click('[data-testid="as-of"] input[value="latest"]');
  await frame.click('[data-testid="run"]');
  await frame.waitForSelector('[data-testid="step-result"], [data-testid="run-failure"]', {
    timeout: 120_000,
  });
  return frame;
}

describe('an .xlsx file', () => {
  test('every sheet becomes a tab with its cells, and the add-on runs on them', async () => {
    await page.setInputFiles('[data-testid="add-file"]', {
      name: 'Cửa hàng.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await workbook(),
    });
    await page.waitForSelector('[data-testid="sheet-tab"][data-name="Ghi chú"]');
    expect(await tabNames()).toEqual(['Hóa đơn', 'Khách hàng', 'Đơn hàng', 'Khách', 'Ghi chú']);
    const customers = await cellsOf('Khách');
    expect(customers.slice(0, 2)).toEqual([CUSTOMERS[0], CUSTOMERS[1]]);
    const frame = await runOn('Đơn hàng', 'Khách');
    expect(await frame.locator('[data-testid="step-result"]').count()).toBe(1);
    expect(await frame.innerText('.summary-line')).toBe('3 khách hàng, tính đến 2026-11-25');
    expect(dialogs).toEqual([]);
  });

  test('a sheet name already taken gets a number, as Sheets does on import', async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Hóa đơn').addRow(['Mã hóa đơn', 'Ngày', 'Mã KH', 'Tổng tiền']);
    await page.setInputFiles('[data-testid="add-file"]', {
      name: 'again.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: Buffer.from(await book.xlsx.writeBuffer()),
    });
    await page.waitForSelector('[data-testid="sheet-tab"][data-name="Hóa đơn (2)"]');
    expect(await tabNames()).toEqual(['Hóa đơn', 'Khách hàng', 'Hóa đơn (2)']);
  });

  test("a damaged file is refused with an alert in the preview's language, and adds no tab", async () => {
    await Promise.all([
      page.waitForEvent('dialog'),
      page.setInputFiles('[data-testid="add-file"]', {
        name: 'hỏng.xlsx',
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        buffer: Buffer.from('not a zip at all'),
      }),
    ]);
    expect(dialogs).toEqual(['Không thêm được tệp: Tệp hỏng hoặc không phải tệp Excel (.xlsx).']);
    expect(await tabNames()).toEqual(['Hóa đơn', 'Khách hàng']);
  });
});

describe('cells pasted from the clipboard', () => {
  // What Sheets puts on the clipboard for a copied range: tab-separated, a cell with a line break quoted.
  const copied = [
    'Mã hóa đơn\tThời gian\tMã khách hàng\tKhách cần trả\tGhi chú',
    'HD1\t02/11/2026 10:00\tKH901\t250.000\t"Giao trước 9h\nGọi trước"',
    'HD2\t15/11/2026 18:30\tKH901\t300.000\t"Nói ""cảm ơn"""',
    'HD3\t20/11/2026 09:15\tKH902\t1.250.000\t',
  ].join('\r\n');

  test('Ctrl+V on the spreadsheet side adds a tab with the cells, quotes and line breaks read as Sheets writes them', async () => {
    await page.evaluate((text) => {
      const data = new DataTransfer();
      data.setData('text/plain', text);
      document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
    }, copied);
    await page.waitForSelector('[data-testid="sheet-tab"][data-name="Dữ liệu dán 1"]');
    const cells = await cellsOf('Dữ liệu dán 1');
    expect(cells).toHaveLength(4);
    // Each cell is read as typed input, as Sheets reads a paste: the text date becomes a date cell.
    expect(cells[1]).toEqual(['HD1', '02/11/2026 10:00:00', 'KH901', '250.000', 'Giao trước 9h\nGọi trước']);
    expect(cells[2]![4]).toBe('Nói "cảm ơn"');
    expect(cells[3]![4]).toBe('');
    const frame = await runOn('Dữ liệu dán 1', '');
    expect(await frame.innerText('.summary-line')).toMatch(/^2 khách hàng/);
  });

  test('the Paste button reads the clipboard into a new tab', async () => {
    await page.evaluate((text) => navigator.clipboard.writeText(text), copied);
    await page.click('[data-testid="paste-cells"]');
    await page.waitForSelector('[data-testid="sheet-tab"][data-name="Dữ liệu dán 1"]');
    expect((await cellsOf('Dữ liệu dán 1'))[0]).toEqual([
      'Mã hóa đơn',
      'Thời gian',
      'Mã khách hàng',
      'Khách cần trả',
      'Ghi chú',
    ]);
    expect(dialogs).toEqual([]);
  });
});

describe('charts and words', () => {
  test('the Summary and History charts are drawn from the values they plot', async () => {
    const frame = await runOn('Hóa đơn', 'Khách hàng');
    expect(await frame.locator('[data-testid="step-result"]').count()).toBe(1);
    // The run lands on the Summary: its bar chart of customers per segment.
    await page.waitForSelector('[data-testid="sheet-grid"] table[data-tab="Tổng quan RFM"]');
    const bars = page.locator('[data-testid="sheet-chart"][data-type="bar"]');
    const bar = bars.filter({ hasText: 'Khách hàng theo phân khúc' });
    await bar.waitFor();
    expect(await bar.locator('figcaption').innerText()).toBe('Khách hàng theo phân khúc');
    const segments = await frame.locator('[data-testid="segment"]').count();
    const widths = await bar
      .locator('rect')
      .evaluateAll((rects) => rects.map((rect) => Number(rect.getAttribute('width'))));
    expect(widths).toHaveLength(segments);
    const counts = await frame.$$eval('[data-testid="segment-customers"]', (cells) =>
      cells.map((cell) => Number((cell.textContent ?? '').replace(/\D/g, ''))),
    );
    // The longest bar is the biggest segment.
    expect(widths.indexOf(Math.max(...widths))).toBe(counts.indexOf(Math.max(...counts)));
    // Revenue per segment beside it: one bar per segment too, from the Revenue column alone.
    const revenue = bars.filter({ hasText: 'Doanh thu theo phân khúc' });
    expect(await revenue.locator('rect').count()).toBe(segments);
    await page.click('[data-testid="sheet-tab"][data-name="Lịch sử phân khúc"]');
    const line = page.locator('[data-testid="sheet-chart"][data-type="line"]');
    await line.waitFor();
    expect(await line.locator('figcaption').innerText()).toBe('Khách hàng theo phân khúc qua các lần chạy');
    expect(await line.locator('polyline').count()).toBe(segments);
    expect(await line.locator('.legend li').count()).toBe(segments);
  });

  test("the page's own words are in the preview's language", async () => {
    expect(await page.innerText('[data-testid="paste-cells"]')).toBe('Dán ô từ bộ nhớ tạm');
    expect(await page.innerText('[data-testid="add-file-label"]')).toBe('Thêm tab từ tệp CSV hoặc Excel');
    expect(await page.innerText('[data-testid="reset"]')).toBe('Làm lại từ đầu');
    const english = await startPreview(['--lang', 'en']);
    try {
      const other = await context.newPage();
      await other.goto(english.url);
      await sidebarFrame(other);
      await other.waitForFunction(
        () =>
          document.querySelector('[data-testid="paste-cells"]')?.textContent ===
          'Paste cells from the clipboard',
      );
      const seen: string[] = [];
      other.on('dialog', (dialog) => {
        seen.push(dialog.message());
        void dialog.dismiss();
      });
      await Promise.all([
        other.waitForEvent('dialog'),
        other.setInputFiles('[data-testid="add-file"]', {
          name: 'broken.xlsx',
          mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          buffer: Buffer.from('not a zip at all'),
        }),
      ]);
      expect(seen).toEqual(['The file could not be added: The file is damaged or not an .xlsx workbook.']);
    } finally {
      await english.stop();
    }
  });
});
