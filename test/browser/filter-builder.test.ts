/**
 * The filter-segment builder in Chromium, on the preview (scripts/preview.mjs): the built Sidebar.html talking
 * to the built Code.js on the emulated spreadsheet with the sample shop. A shop builds "customers in Hà Nội
 * with 3 or more invoices" from condition rows, sees the live count, saves it, runs, and finds the segment's
 * tab with that many customers; a mistyped definition shows the parser's message with its position.
 */
import type { Browser, Frame, Page } from 'playwright-core';
import { artifactPath, launchChromium, sidebarFrame, startPreview, type Preview } from './harness';

let preview: Preview;
let browser: Browser;
let page: Page;
let dialogs: string[];

beforeAll(async () => {
  browser = await launchChromium();
  preview = await startPreview();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await preview?.stop();
});

beforeEach(async () => {
  expect(await preview.post('/reset')).toMatchObject({ ok: true });
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  dialogs = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
});

afterEach(async () => {
  await page?.close();
});

/** Opens the sidebar and walks to the settings step with the detected columns. */
async function toSettings(): Promise<Frame> {
  await page.goto(preview.url);
  const frame = await sidebarFrame(page);
  await frame.click('[data-testid="data-next"]');
  await frame.waitForSelector('[data-testid="step-columns"]');
  for (const kind of ['invoices', 'customers']) {
    const ambiguous = frame.locator(`[data-testid="date-order-${kind}"] input[value="dmy"]`);
    if ((await ambiguous.count()) > 0) await ambiguous.check();
  }
  await frame.click('[data-testid="columns-next"]');
  await frame.waitForSelector('[data-testid="step-settings"]');
  return frame;
}

async function openPanel(frame: Frame): Promise<void> {
  await frame.click('[data-testid="open-filters"]');
  await frame.waitForSelector('[data-testid="filter-list"]');
}

/** The last condition row of the builder. */
const lastCondition = (frame: Frame) => frame.locator('[data-testid="condition"]').last();

const NAME = 'Khách Hà Nội thân thiết';

describe('the filter builder on the preview, in Chromium', () => {
  test('build city contains "Hà Nội" AND invoices >= 3, see the live count, save, run, find its tab', async () => {
    const frame = await toSettings();
    await openPanel(frame);
    // No definitions tab yet: the starters are listed, switched off.
    expect(await frame.locator('[data-testid="filter-segment-name"]').allInnerTexts()).toContain(
      'Khách mua một lần',
    );
    expect(await frame.locator('[data-testid="filter-enabled"]:checked').count()).toBe(0);

    await frame.click('[data-testid="filter-new"]');
    await frame.fill('[data-testid="filter-name"]', NAME);
    await frame.click('[data-testid="cond-add"]');
    // The field list shows Vietnamese labels; the stored text uses the English ids.
    await lastCondition(frame)
      .locator('[data-testid="cond-field"]')
      .selectOption({ label: 'Tỉnh/thành phố' });
    await lastCondition(frame).locator('[data-testid="cond-op"]').selectOption({ label: 'chứa' });
    await lastCondition(frame).locator('[data-testid="cond-value"]').fill('Hà Nội');
    await frame.locator('[data-testid="filter-group"] [data-testid="cond-add"]').click();
    await lastCondition(frame).locator('[data-testid="cond-field"]').selectOption({ label: 'Số hoá đơn' });
    await lastCondition(frame).locator('[data-testid="cond-op"]').selectOption('>=');
    await lastCondition(frame).locator('[data-testid="cond-value"]').fill('3');
    expect(await frame.inputValue('[data-testid="filter-text"]')).toBe(
      'city CONTAINS "Hà Nội" AND invoices >= 3',
    );

    // The live count, from the server, before saving.
    const countLine = frame.locator('[data-testid="filter-count"]');
    await countLine.waitFor({ timeout: 60_000 });
    const counted = (await countLine.innerText()).trim();
    const match = /^(\d+) \/ ([\d.]+) khách hàng \(tính đến \d{4}-\d{2}-\d{2}\)$/.exec(counted);
    expect(match).not.toBeNull();
    const members = Number(match![1]);
    expect(members).toBeGreaterThan(0);
    expect(members).toBeLessThan(Number(match![2]!.replace(/\./g, '')));
    await page
      .locator('[data-testid="sidebar-frame"]')
      .screenshot({ path: artifactPath('filter-builder.png') });

    await frame.click('[data-testid="filter-save"]');
    await frame.waitForSelector('[data-testid="filter-message"]');
    expect(await frame.locator('[data-testid="filter-message"]').innerText()).toContain(NAME);
    const saved = frame.locator('[data-testid="filter-segment"]', { hasText: NAME });
    expect(await saved.locator('[data-testid="filter-enabled"]').isChecked()).toBe(true);
    expect(await saved.locator('.filter-definition').innerText()).toBe(
      'city CONTAINS "Hà Nội" AND invoices >= 3',
    );
    // The definitions tab now exists in the spreadsheet, owned by the add-on.
    expect((await preview.state()).tabs.map((tab) => tab.name)).toContain('Phân khúc lọc');

    await frame.click('[data-testid="filters-back"]');
    await frame.waitForSelector('[data-testid="step-settings"]');
    await frame.click('[data-testid="run"]');
    await frame.waitForSelector('[data-testid="step-result"]', { timeout: 120_000 });

    // The result lists the filter segment apart, with the counted members and its tab.
    const row = frame.locator('[data-testid="filter-results"] [data-testid="segment"]', { hasText: NAME });
    expect(await row.locator('[data-testid="segment-customers"]').innerText()).toBe(String(members));
    await row.click();
    const table = page.locator(`[data-testid="sheet-grid"] table[data-tab="${NAME}"]`);
    await table.waitFor();
    expect((await preview.state()).active).toBe(NAME);
    // Column letters, the header, then one row per member.
    expect(await table.locator('tr').count()).toBe(1 + 1 + members);
    expect(await table.innerText()).toContain('Hà Nội');
    expect(dialogs).toEqual([]);
  });

  test('a malformed definition shows the parser’s message with its position, as it is typed', async () => {
    const frame = await toSettings();
    await openPanel(frame);
    await frame.click('[data-testid="filter-new"]');
    await frame.fill('[data-testid="filter-text"]', 'citty = "Hà Nội"');
    expect(await frame.locator('[data-testid="filter-error"]').innerText()).toBe(
      'Ký tự 1: unknown field "citty" at column 1 — did you mean "city"?',
    );
    expect(await frame.getAttribute('[data-testid="filter-text"]', 'aria-invalid')).toBe('true');
    // Fixed, the text becomes rows again and the error goes.
    await frame.fill('[data-testid="filter-text"]', 'city = "Hà Nội" AND invoices >= 3');
    expect(await frame.locator('[data-testid="filter-error"]').count()).toBe(0);
    expect(await frame.locator('[data-testid="condition"]').count()).toBe(2);
    expect(await lastCondition(frame).locator('[data-testid="cond-value"]').inputValue()).toBe('3');
    // A half-typed value is named at the end of the text.
    await frame.fill('[data-testid="filter-text"]', 'invoices >=');
    expect(await frame.locator('[data-testid="filter-error"]').innerText()).toBe(
      'Ký tự 12: expected a value after ">=" at column 12',
    );
    // Saving a broken definition is refused in the sidebar; nothing is written.
    await frame.fill('[data-testid="filter-name"]', 'Lỗi');
    await frame.click('[data-testid="filter-save"]');
    expect((await preview.state()).tabs.map((tab) => tab.name)).not.toContain('Phân khúc lọc');
    expect(dialogs).toEqual([]);
  });
});
