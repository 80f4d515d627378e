/**
 * The campaign journey in Chromium on the preview (issue 19): run, export a segment with "Start a campaign with
 * this segment" on (the file holds only the treated group), paste the next month's sales, run again, and read
 * the campaign's sentence on the result screen.
 */
import { readFileSync } from 'node:fs';
import type { Frame } from 'playwright-core';
import { holdoutGroup } from '../../src/core/campaigns/campaigns';
import { previewSession, sidebarFrame } from './harness';

const session = previewSession({ acceptDownloads: true });
const CAMPAIGN = 'Tri ân tháng 10';
const CODES = ['KH901', 'KH902', 'KH903', 'KH904', 'KH905', 'KH906'];
const CUSTOMERS = [
  'Mã khách hàng,Tên khách hàng,Điện thoại',
  ...CODES.map((code, i) => `${code},Khách ${i + 1},091234560${i}`),
].join('\n');
/** Everyone buys alike, so all six share one segment. */
const OCTOBER = CODES.flatMap((code, i) => [
  `HD${i}1,02/10/2026 10:00,${code},250.000`,
  `HD${i}2,15/10/2026 18:30,${code},250.000`,
]);
const INVOICE_HEADER = 'Mã hóa đơn,Thời gian,Mã khách hàng,Khách cần trả';

async function runWithLatestDate(frame: Frame): Promise<void> {
  await frame.waitForSelector('[data-testid="step-settings"]');
  await frame.check('[data-testid="as-of"] input[value="latest"]');
  await frame.click('[data-testid="run"]');
  await frame.waitForSelector('[data-testid="step-result"]', { timeout: 120_000 });
}

test('export a segment, start a campaign, run a month later, see the result', async () => {
  const paste = (name: string, csv: string) => session.preview.post('/paste', { name, csv });
  expect(await paste('Khách thử', CUSTOMERS)).toMatchObject({ ok: true });
  expect(await paste('Hóa đơn thử', [INVOICE_HEADER, ...OCTOBER].join('\n'))).toMatchObject({ ok: true });
  // November's export: October's sales and one customer who came back (a treated one: see below).
  const treated = CODES.filter((code) => holdoutGroup(CAMPAIGN, `code:${code}`, 50) === 'treated');
  expect(treated.length).toBeGreaterThan(0);
  expect(treated.length).toBeLessThan(CODES.length);
  const november = `HD99,10/11/2026 09:00,${treated[0]},300.000`;
  expect(await paste('Hóa đơn tháng 11', [INVOICE_HEADER, ...OCTOBER, november].join('\n'))).toMatchObject({
    ok: true,
  });
  await session.page.goto(session.preview.url);
  const frame = await sidebarFrame(session.page);
  await frame.selectOption('[data-testid="sheet-invoices"]', 'Hóa đơn thử');
  await frame.selectOption('[data-testid="sheet-customers"]', 'Khách thử');
  await frame.click('[data-testid="data-next"]');
  await frame.waitForSelector('[data-testid="step-columns"]');
  await frame.click('[data-testid="columns-next"]');
  await runWithLatestDate(frame);

  await frame.click('[data-testid="to-export"]');
  await frame.check('[data-testid="campaign-on"]');
  await frame.fill('[data-testid="campaign-name"]', CAMPAIGN);
  await frame.fill('[data-testid="campaign-holdout"]', '50');
  const [file] = await Promise.all([
    session.page.waitForEvent('download'),
    frame.click('[data-testid="download"]'),
  ]);
  const lines = readFileSync(await file.path())
    .subarray(3)
    .toString('utf8')
    .split('\r\n')
    .slice(1, -1);
  // The plain layout: every column of the segment tab, the treated customers only.
  expect(lines.map((line) => CODES.find((code) => line.includes(code))).sort()).toEqual(treated);
  expect(await frame.locator('[data-testid="campaign-started"]').innerText()).toBe(
    `Đã bắt đầu chiến dịch "${CAMPAIGN}": ${treated.length} khách nhận ưu đãi có trong tệp, ${6 - treated.length} khách đối chứng không có.`,
  );
  expect((await session.preview.state()).tabs.find((tab) => tab.name === 'Chiến dịch')).toBeTruthy();

  // A month later (the shop pasted November's export as a tab of its own) it runs on the new tab.
  await frame.click('text=Về kết quả');
  await frame.click('text=Chọn dữ liệu khác');
  await frame.selectOption('[data-testid="sheet-invoices"]', 'Hóa đơn tháng 11');
  await frame.click('[data-testid="data-next"]');
  await frame.waitForSelector('[data-testid="step-columns"]');
  await frame.click('[data-testid="columns-next"]');
  await runWithLatestDate(frame);
  const line = await frame.locator('[data-testid="campaign-result"]').innerText();
  expect(line).toMatch(
    new RegExp(`^${CAMPAIGN} \\(2026-10-15\\): Quá ít khách để kết luận: cần khoảng \\d+ khách mỗi nhóm\\.$`),
  );
  // The sidebar's language switch changes the sentence too (the tabs stay in the run's language).
  await frame.click('[data-testid="language"] button[value="en"]');
  expect(await frame.locator('[data-testid="campaign-result"]').innerText()).toMatch(
    new RegExp(`^${CAMPAIGN} \\(2026-10-15\\): Too few customers to tell yet: need about \\d+ per group\\.$`),
  );
  expect(session.dialogs).toEqual([]);
});
