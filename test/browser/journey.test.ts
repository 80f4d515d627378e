/**
 * The whole add-on in Chromium, on the preview (scripts/preview.mjs): the built Sidebar.html talking through
 * the google.script.run bridge to the built Code.js on the emulated spreadsheet with the sample shop.
 * Each test starts from the sample shop (POST /reset) in a fresh page.
 */
import { readFileSync } from 'node:fs';
import type { Frame } from 'playwright-core';
import { artifactPath, previewSession, sidebarFrame } from './harness';

const session = previewSession({ acceptDownloads: true });

async function open(): Promise<Frame> {
  await session.page.goto(session.preview.url);
  return sidebarFrame(session.page);
}

async function text(frame: Frame, selector: string): Promise<string> {
  return (await frame.locator(selector).first().innerText()).trim();
}

/** Chooses the sheets and goes to the column step. */
async function chooseData(frame: Frame, invoices: string, customers: string): Promise<void> {
  await frame.selectOption('[data-testid="sheet-invoices"]', invoices);
  await frame.selectOption('[data-testid="sheet-customers"]', customers);
  await frame.click('[data-testid="data-next"]');
}

/** From the column step: confirm, keep the default settings, run, wait for the result. */
async function confirmAndRun(frame: Frame): Promise<void> {
  await frame.waitForSelector('[data-testid="step-columns"]');
  for (const kind of ['invoices', 'customers']) {
    const ambiguous = frame.locator(`[data-testid="date-order-${kind}"] input[value="dmy"]`);
    if ((await ambiguous.count()) > 0) await ambiguous.check();
  }
  await frame.click('[data-testid="columns-next"]');
  await frame.waitForSelector('[data-testid="step-settings"]');
  await frame.click('[data-testid="run"]');
  await frame.waitForSelector('[data-testid="step-result"], [data-testid="run-failure"]', {
    timeout: 120_000,
  });
}

/** The segment rows of the result: name, customers (as shown) and the tab it opens. */
async function segmentRows(frame: Frame) {
  return frame.$$eval('[data-testid="segment"]', (rows) =>
    rows.map((row) => ({
      name: row.querySelector('.segment-name')?.textContent ?? '',
      customers: row.querySelector('[data-testid="segment-customers"]')?.textContent ?? '',
      opens: row.tagName === 'BUTTON',
      title: row.getAttribute('title') ?? '',
    })),
  );
}

async function sheetTabs(): Promise<string[]> {
  return session.page.$$eval('[data-testid="sheet-tab"]', (tabs) => tabs.map((tab) => tab.textContent ?? ''));
}

async function download(frame: Frame): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([
    session.page.waitForEvent('download'),
    frame.click('[data-testid="download"]'),
  ]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: readFileSync(path) };
}

/** Pastes a small shop whose customer names try to inject markup and formulas. */
async function pasteHostileShop(): Promise<void> {
  const customers = [
    'Mã khách hàng,Tên khách hàng,Điện thoại,Email',
    'KH901,<img src=x onerror=alert(1)>,0901234567,img@shop.vn',
    `KH902,"'=HYPERLINK(""http://evil.example"",""Bấm"")",0912345678,`,
    'KH903,"Trần, Thị ""Bông""",0987654321,bong@shop.vn',
    'KH904,@SUM(1+1),0934567890,tam@shop.vn',
  ].join('\n');
  const invoices = [
    'Mã hóa đơn,Thời gian,Mã khách hàng,Khách cần trả',
    // Every customer buys alike, so all four land in one segment.
    ...['KH901', 'KH902', 'KH903', 'KH904'].flatMap((code, index) => [
      `HD${index}1,02/11/2026 10:00,${code},250.000`,
      `HD${index}2,15/11/2026 18:30,${code},250.000`,
    ]),
  ].join('\n');
  expect(
    await session.preview.post('/paste', { name: 'Khách <img src=x onerror=alert(2)>', csv: customers }),
  ).toMatchObject({
    ok: true,
  });
  expect(await session.preview.post('/paste', { name: 'Hóa đơn thử', csv: invoices })).toMatchObject({
    ok: true,
  });
}

describe('the preview bridge', () => {
  test('getProgress answers while runSegmentation is still running, as a separate execution does', async () => {
    const call = async (name: string, ...args: unknown[]) =>
      (await (
        await fetch(new URL(`/call/${name}`, session.preview.url), {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ args }),
        })
      ).json()) as { ok: boolean; value: { step?: string; fraction?: number; segments?: unknown[] } | null };
    const runId = 'bridge-test-run';
    let finished = false;
    const run = call('runSegmentation', {
      invoices: { name: 'Hóa đơn' },
      customers: { name: 'Khách hàng' },
      settings: { asOf: 'latest', metrics: 'rfm', levels: 5, scoring: 'quintile', monetary: 'total' },
      language: 'vi',
      runId,
    }).finally(() => (finished = true));
    const seenWhileRunning: string[] = [];
    while (!finished) {
      const progress = await call('getProgress', runId);
      if (!finished && progress.value?.step) seenWhileRunning.push(progress.value.step);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const result = await run;
    expect(result.ok).toBe(true);
    expect(result.value?.segments?.length).toBeGreaterThan(3);
    // Steps of the run itself were seen before its reply arrived. `done` is set just before the run returns, so a
    // poll answered while the reply is on its way may see it, but only at the end.
    expect(seenWhileRunning.filter((step) => step !== 'done').length).toBeGreaterThan(0);
    const firstDone = seenWhileRunning.indexOf('done');
    if (firstDone >= 0) expect(seenWhileRunning.slice(firstDone).every((step) => step === 'done')).toBe(true);
    expect((await call('getProgress', runId)).value).toMatchObject({ step: 'done', fraction: 1 });
  });
});

describe('the sidebar on the preview, in Chromium', () => {
  test('Vietnamese: choose data, change a mapping, run, segments and coloured tabs, open a tab, export phones, map remembered', async () => {
    const frame = await open();
    expect(await text(frame, 'h2')).toBe('Chọn dữ liệu');
    // Detection pre-selects the sample's tabs.
    expect(await frame.inputValue('[data-testid="sheet-invoices"]')).toBe('Hóa đơn');
    expect(await frame.inputValue('[data-testid="sheet-customers"]')).toBe('Khách hàng');
    const tabsBefore = await sheetTabs();
    expect(tabsBefore).toEqual(['Hóa đơn', 'Khách hàng']);

    await frame.click('[data-testid="data-next"]');
    await frame.waitForSelector('[data-testid="step-columns"]');
    expect(await frame.locator('[data-testid="preview-table"]').count()).toBe(2);
    // Change one mapping: the invoice amount becomes "Tổng tiền hàng" (before the invoice discount).
    const amount = '[data-testid="map-invoices-invoiceTotal"]';
    const headers = await frame.$$eval(`${amount} option`, (options) =>
      options.map((option) => [(option as HTMLOptionElement).value, option.textContent ?? '']),
    );
    const subtotal = headers.find(([, label]) => label.endsWith('· Tổng tiền hàng'))![0];
    expect(await frame.inputValue(amount)).not.toBe(subtotal);
    await frame.selectOption(amount, subtotal);
    expect(
      await frame.locator('[data-testid="columns-invoices"] [data-field="invoiceTotal"]').innerText(),
    ).toContain('Bạn chọn');

    await confirmAndRun(frame);
    await frame.waitForSelector('[data-testid="step-result"]');
    const segments = await segmentRows(frame);
    expect(segments.length).toBeGreaterThan(3);
    const opening = segments.filter((segment) => segment.opens);
    expect(opening.length).toBeGreaterThan(0);
    await session.page
      .locator('[data-testid="sidebar-frame"]')
      .screenshot({ path: artifactPath('sidebar.png') });

    // The spreadsheet view shows the new tabs, coloured; clicking a segment shows its tab.
    await session.page.waitForFunction(
      () => document.querySelectorAll('[data-testid="sheet-tab"]').length > 4,
    );
    const state = await session.preview.state();
    const segmentTab = opening[0]!.title.replace(/^Mở tab /, '');
    expect(state.tabs.find((tab) => tab.name === segmentTab)?.colour).toMatch(/^#[0-9a-f]{6}$/i);
    await frame.locator('button[data-testid="segment"]').first().click();
    await session.page.waitForSelector(`[data-testid="sheet-grid"] table[data-tab="${segmentTab}"]`);
    expect((await session.preview.state()).active).toBe(segmentTab);

    // Export the first segment's phones: BOM, the tool's header, phones in +84 form.
    await frame.click('[data-testid="to-export"]');
    await frame.check('[data-testid="preset-phone"]');
    const file = await download(frame);
    expect([...file.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = file.bytes.subarray(3).toString('utf8').split('\r\n');
    expect(lines[0]).toBe('Điện thoại,Tên');
    expect(lines.slice(1, -1).length).toBeGreaterThan(0);
    for (const line of lines.slice(1, -1)) expect(line).toMatch(/^\+84\d{9,10},/);
    expect(file.name).toMatch(/_phone_\d{4}-\d{2}-\d{2}\.csv$/);
    expect(await text(frame, '[data-testid="export-done"]')).toContain(file.name);

    // The confirmed map is remembered for the sheet: choosing the data again starts from it.
    await frame.click('text=Về kết quả');
    await frame.click('text=Chọn dữ liệu khác');
    await frame.click('[data-testid="data-next"]');
    await frame.waitForSelector('[data-testid="step-columns"]');
    expect(await frame.inputValue(amount)).toBe(subtotal);
    expect(await text(frame, '[data-testid="columns-invoices"] [data-testid="notice-info"]')).toBe(
      'Dùng cách ghép cột bạn đã xác nhận lần trước.',
    );
    expect(session.dialogs).toEqual([]);
  });

  test('English: the toggle switches every screen, and the run writes English results', async () => {
    const frame = await open();
    await frame.click('[data-testid="language"] button[value="en"]');
    expect(await text(frame, 'h2')).toBe('Choose your data');
    expect(await text(frame, '[data-testid="stepper"]')).toContain('Settings');
    await frame.click('[data-testid="data-next"]');
    await frame.waitForSelector('[data-testid="step-columns"]');
    expect(await text(frame, 'h2')).toBe('Confirm columns');
    expect(await frame.locator('[data-testid="columns-invoices"] h3').innerText()).toBe('Invoices: Hóa đơn');
    await confirmAndRun(frame);
    expect(await text(frame, 'h2')).toBe('Result');
    expect(await text(frame, '.summary-line')).toMatch(/^[\d,]+ customers, as of \d{4}-\d{2}-\d{2}$/);
    // Segment names come from the run, in the run's language: no Vietnamese letters left.
    const names = (await segmentRows(frame)).map((segment) => segment.name);
    expect(names.length).toBeGreaterThan(3);
    expect(names.join(' ')).not.toMatch(/[ăâđêôơưàáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵ]/i);
    expect(await text(frame, '[data-testid="step-result"] h3')).toMatch(/^Data issues \(\d+\)$/);
    // Back to Vietnamese without reloading.
    await frame.click('[data-testid="language"] button[value="vi"]');
    expect(await text(frame, 'h2')).toBe('Kết quả');
  });

  test('a sheet with no recognisable header gives a clear message and writes no tab', async () => {
    expect(
      await session.preview.post('/paste', {
        name: 'Ghi chú',
        csv: 'Nhớ gọi lại cho chị Lan\nĐặt thêm 2 thùng sữa\nHọp nhân viên thứ Hai',
      }),
    ).toMatchObject({ ok: true });
    const tabsBefore = (await session.preview.state()).tabs.map((tab) => tab.name);
    const frame = await open();
    await chooseData(frame, 'Ghi chú', '');
    const message = await text(frame, '[data-testid="notice-error"]');
    expect(message).toContain('Ghi chú');
    expect(message).toContain('Không tìm thấy dòng tiêu đề');
    expect(await frame.locator('[data-testid="step-data"]').count()).toBe(1);
    expect((await session.preview.state()).tabs.map((tab) => tab.name)).toEqual(tabsBefore);
  });

  test('names that are markup or formulas show as text, run no script, and leave the CSV escaped', async () => {
    await pasteHostileShop();
    const frame = await open();
    const hostileTab = 'Khách <img src=x onerror=alert(2)>';
    await chooseData(frame, 'Hóa đơn thử', hostileTab);
    await frame.waitForSelector('[data-testid="step-columns"]');
    expect(await frame.locator('[data-testid="columns-customers"] h3').innerText()).toBe(
      `Khách hàng: ${hostileTab}`,
    );
    expect(await frame.locator('[data-testid="preview-table"]').last().innerText()).toContain(
      '<img src=x onerror=alert(1)>',
    );
    await confirmAndRun(frame);
    await frame.waitForSelector('[data-testid="step-result"]');
    // The spreadsheet view shows the names literally too.
    await session.page.click(`[data-testid="sheet-tab"][data-name="${hostileTab}"]`);
    await session.page.waitForSelector(`[data-testid="sheet-grid"] table[data-tab="${hostileTab}"]`);
    expect(await session.page.locator('[data-testid="sheet-grid"]').innerText()).toContain(
      '<img src=x onerror=alert(1)>',
    );
    expect(await session.page.locator('img').count()).toBe(0);
    expect(await frame.locator('img').count()).toBe(0);

    await frame.click('[data-testid="to-export"]');
    await frame.check('[data-testid="preset-plain"]');
    const csv = (await download(frame)).bytes.toString('utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain('<img src=x onerror=alert(1)>');
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""Bấm"")"`);
    expect(csv).toContain('"Trần, Thị ""Bông"""');
    expect(csv).toContain(`'@SUM(1+1)`);
    expect(csv).not.toMatch(/(^|,)[=@]/m);
    expect(session.dialogs).toEqual([]);
  });

  test('a run that fails shows what failed and that the previous result tabs are unchanged', async () => {
    const frame = await open();
    await frame.click('[data-testid="data-next"]');
    await confirmAndRun(frame);
    await frame.waitForSelector('[data-testid="step-result"]');
    const before = (await session.preview.state()).tabs;

    await session.page.click('[data-testid="fail-next"]');
    await frame.click('text=Đổi thiết lập, chạy lại');
    await frame.click('[data-testid="run"]');
    const failure = await frame.waitForSelector('[data-testid="run-failure"]', { timeout: 120_000 });
    expect(await failure.innerText()).toContain('Service Spreadsheets failed');
    expect(await text(frame, '[data-testid="notice-error"]')).toContain(
      'Các tab kết quả trước đó vẫn giữ nguyên.',
    );
    expect((await session.preview.state()).tabs).toEqual(before);

    // Trying again (the failure was transient) succeeds.
    await frame.click('[data-testid="try-again"]');
    await frame.waitForSelector('[data-testid="step-result"]', { timeout: 120_000 });
  });
});
