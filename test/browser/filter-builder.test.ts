/**
 * The filter-segment builder in Chromium, on the preview (scripts/preview.mjs): the built Sidebar.html talking
 * to the built Code.js on the emulated spreadsheet with the sample shop. A shop builds "customers in Hà Nội
 * with 3 or more invoices" from condition rows, sees the live count, saves it, runs, and finds the segment's
 * tab with that many customers; a mistyped definition shows the parser's message with its position, in the
 * sidebar's language; Delete asks on the row before anything is deleted.
 */
import type { Frame } from 'playwright-core';
import { artifactPath, previewSession, sidebarFrame } from './harness';

const session = previewSession();

/** Opens the sidebar and walks to the settings step with the detected columns. */
async function toSettings(): Promise<Frame> {
  await session.page.goto(session.preview.url);
  const frame = await sidebarFrame(session.page);
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
    await lastCondition(frame).locator('[data-testid="cond-field"]').selectOption({ label: 'Số hóa đơn' });
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
    await session.page
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
    expect((await session.preview.state()).tabs.map((tab) => tab.name)).toContain('Phân khúc lọc');

    await frame.click('[data-testid="filters-back"]');
    await frame.waitForSelector('[data-testid="step-settings"]');
    await frame.click('[data-testid="run"]');
    await frame.waitForSelector('[data-testid="step-result"]', { timeout: 120_000 });

    // The result lists the filter segment apart, with the counted members and its tab.
    const row = frame.locator('[data-testid="filter-results"] [data-testid="segment"]', { hasText: NAME });
    expect(await row.locator('[data-testid="segment-customers"]').innerText()).toBe(String(members));
    await row.click();
    const table = session.page.locator(`[data-testid="sheet-grid"] table[data-tab="${NAME}"]`);
    await table.waitFor();
    expect((await session.preview.state()).active).toBe(NAME);
    // Column letters, the header, then one row per member.
    expect(await table.locator('tr').count()).toBe(1 + 1 + members);
    expect(await table.innerText()).toContain('Hà Nội');
    expect(session.dialogs).toEqual([]);
  });

  test('a malformed definition shows the parser’s message with its position, as it is typed', async () => {
    const frame = await toSettings();
    await openPanel(frame);
    await frame.click('[data-testid="filter-new"]');
    await frame.fill('[data-testid="filter-text"]', 'citty = "Hà Nội"');
    expect(await frame.locator('[data-testid="filter-error"]').innerText()).toBe(
      'Ký tự 1: Không có trường "citty" ở cột 1 — có phải ý bạn là "city"?',
    );
    // The sidebar in English says it in English.
    await frame.click('[data-testid="language"] button[value="en"]');
    await frame.waitForSelector('[data-testid="filter-error"]:has-text("Character 1")');
    expect(await frame.locator('[data-testid="filter-error"]').innerText()).toBe(
      'Character 1: unknown field "citty" at column 1 — did you mean "city"?',
    );
    await frame.click('[data-testid="language"] button[value="vi"]');
    expect(await frame.getAttribute('[data-testid="filter-text"]', 'aria-invalid')).toBe('true');
    // Fixed, the text becomes rows again and the error goes.
    await frame.fill('[data-testid="filter-text"]', 'city = "Hà Nội" AND invoices >= 3');
    expect(await frame.locator('[data-testid="filter-error"]').count()).toBe(0);
    expect(await frame.locator('[data-testid="condition"]').count()).toBe(2);
    expect(await lastCondition(frame).locator('[data-testid="cond-value"]').inputValue()).toBe('3');
    // A half-typed value is named at the end of the text.
    await frame.fill('[data-testid="filter-text"]', 'invoices >=');
    expect(await frame.locator('[data-testid="filter-error"]').innerText()).toBe(
      'Ký tự 12: Cần một giá trị sau ">=" ở cột 12',
    );
    // Saving a broken definition is refused in the sidebar; nothing is written.
    await frame.fill('[data-testid="filter-name"]', 'Lỗi');
    await frame.click('[data-testid="filter-save"]');
    expect((await session.preview.state()).tabs.map((tab) => tab.name)).not.toContain('Phân khúc lọc');
    expect(session.dialogs).toEqual([]);
  });

  test('Delete asks on the row first: Cancel keeps the segment, the confirming click deletes it', async () => {
    const frame = await toSettings();
    await openPanel(frame);
    // A name that would be markup if the question were built as HTML.
    const name = 'Khách <b>VIP</b> Hà Nội';
    await frame.click('[data-testid="filter-new"]');
    await frame.fill('[data-testid="filter-name"]', name);
    await frame.fill('[data-testid="filter-text"]', 'city = "Hà Nội" AND total_spend >= 5.000.000');
    await frame.click('[data-testid="filter-save"]');
    await frame.waitForSelector('[data-testid="filter-message"]');
    const row = frame.locator('[data-testid="filter-segment"]', { hasText: name });
    const question = row.locator('[data-testid="filter-delete-question"]');
    const listedNames = async () => {
      // Back and open again: the list comes from the server, not from what is on screen.
      await frame.click('[data-testid="filters-back"]');
      await frame.waitForSelector('[data-testid="step-settings"]');
      await openPanel(frame);
      return frame.locator('[data-testid="filter-segment-name"]').allInnerTexts();
    };
    const focused = () => frame.evaluate(() => document.activeElement?.getAttribute('data-testid'));

    // The first click only asks, in place of Edit and Delete, and puts the focus on Cancel.
    await row.locator('[data-testid="filter-delete"]').click();
    expect(await question.locator('.filter-confirm-question').innerText()).toBe(`Xóa “${name}”?`);
    expect(await question.locator('button').allInnerTexts()).toEqual(['Hủy', 'Xóa']);
    expect(await row.locator('[data-testid="filter-edit"], [data-testid="filter-delete"]').count()).toBe(0);
    expect(await question.locator('b').count()).toBe(0);
    expect(await focused()).toBe('filter-delete-cancel');
    // It fits the 300 px sidebar: nothing sticks out, nothing scrolls sideways.
    const sidebar = (await session.page.locator('[data-testid="sidebar-frame"]').boundingBox())!;
    for (const part of [question, question.locator('[data-testid="filter-delete-confirm"]')]) {
      const box = (await part.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(sidebar.x + sidebar.width);
    }
    expect(
      await frame.evaluate(
        () => document.documentElement.scrollWidth <= document.documentElement.clientWidth,
      ),
    ).toBe(true);
    await session.page
      .locator('[data-testid="sidebar-frame"]')
      .screenshot({ path: artifactPath('filter-delete-confirm.png') });

    // Cancel restores the row, focus back on its Delete, and the segment is still saved.
    await question.locator('[data-testid="filter-delete-cancel"]').click();
    expect(await question.count()).toBe(0);
    expect(await row.locator('[data-testid="filter-delete"]').count()).toBe(1);
    expect(await focused()).toBe('filter-delete');
    expect(await listedNames()).toContain(name);

    // In English, the same question; the confirming click deletes.
    await frame.click('[data-testid="language"] button[value="en"]');
    await row.locator('[data-testid="filter-delete"]').click();
    expect(await question.locator('.filter-confirm-question').innerText()).toBe(`Delete “${name}”?`);
    expect(await question.locator('button').allInnerTexts()).toEqual(['Cancel', 'Delete']);
    await question.locator('[data-testid="filter-delete-confirm"]').click();
    await frame.waitForSelector('[data-testid="filter-message"]:has-text("Deleted")');
    expect(await frame.locator('[data-testid="filter-message"]').innerText()).toBe(`Deleted "${name}".`);
    expect(await row.count()).toBe(0);
    expect(await listedNames()).not.toContain(name);
    expect(session.dialogs).toEqual([]);
  });
});
