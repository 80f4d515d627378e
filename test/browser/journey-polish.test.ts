/**
 * The journey as a shop owner walks it at 300 px, in both languages (issue 17): what was typed stays typed, a
 * failed run leaves the user where they were, a re-run shows movement, an unused metric is blank, nothing is
 * cut, every word is in the sidebar's language, and help sits where it is needed. Each test starts from the
 * sample shop (POST /reset) in a fresh page, on the preview (the built Sidebar.html and Code.js).
 */
import type { Frame } from 'playwright-core';
import { SEGMENT_BY_ID } from '../../src/core/rfm/segment-catalogue';
import { FILTER_FIELDS } from '../../src/core/filter/fields';
import { artifactPath, previewSession, sidebarFrame } from './harness';

type Language = 'vi' | 'en';
const LANGUAGES: Language[] = ['vi', 'en'];
const VIETNAMESE_LETTERS = /[ăâđêôơưàáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵ]/i;
const TABS = {
  customers: { vi: 'Khách hàng RFM', en: 'RFM Customers' },
  history: { vi: 'Lịch sử phân khúc', en: 'Segment history' },
  movement: { vi: 'Dịch chuyển phân khúc', en: 'Segment movement' },
  issues: { vi: 'Lỗi dữ liệu', en: 'Data issues' },
  summary: { vi: 'Tổng quan RFM', en: 'RFM Summary' },
};

const session = previewSession();

async function open(language: Language): Promise<Frame> {
  await session.page.goto(session.preview.url);
  const frame = await sidebarFrame(session.page);
  if (language === 'en') await frame.click('[data-testid="language"] button[value="en"]');
  return frame;
}

async function toSettings(frame: Frame): Promise<void> {
  await frame.click('[data-testid="data-next"]');
  await frame.waitForSelector('[data-testid="step-columns"]');
  await frame.click('[data-testid="columns-next"]');
  await frame.waitForSelector('[data-testid="step-settings"]');
}

async function waitForEnd(frame: Frame): Promise<void> {
  await frame.waitForSelector('[data-testid="step-result"], [data-testid="run-failure"]', {
    timeout: 120_000,
  });
}

async function runFromSettings(frame: Frame): Promise<void> {
  await frame.click('[data-testid="run"]');
  await waitForEnd(frame);
  await frame.waitForSelector('[data-testid="step-result"]');
}

async function runAgain(frame: Frame): Promise<void> {
  await frame.click('[data-testid="step-result"] .actions button.text');
  await frame.waitForSelector('[data-testid="step-settings"]');
  await runFromSettings(frame);
}

/** One tab's shown cells, as the preview's view gets them. */
async function tab(name: string): Promise<string[][]> {
  const response = await fetch(new URL(`/tab?name=${encodeURIComponent(name)}`, session.preview.url));
  expect(response.ok).toBe(true);
  const body = (await response.json()) as { cells: { v: string }[][] };
  return body.cells.map((row) => row.map((cell) => cell.v));
}

function boxesOverlap(
  a: { x: number; y: number; width: number; height: number },
  b: { x: number; y: number; width: number; height: number },
): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** Elements among `selector` whose text does not fit their box (cut, or hidden behind an ellipsis). */
async function cutTexts(frame: Frame, selector: string): Promise<string[]> {
  return frame.$$eval(selector, (elements) =>
    elements
      .filter((element) => element.scrollWidth > element.clientWidth + 1)
      .map((element) => element.textContent ?? ''),
  );
}

describe.each(LANGUAGES)('own breakpoints keep what is typed (%s)', (language) => {
  test('R, Tab, F, a click into M, then one click on Run runs with what was typed', async () => {
    const frame = await open(language);
    await toSettings(frame);
    await frame.check('[data-testid="scoring"] input[value="breakpoints"]');
    await frame.click('[data-testid="breakpoints-r"]');
    await session.page.keyboard.type('30, 60, 90, 180');
    await session.page.keyboard.press('Tab');
    await session.page.keyboard.type('2, 3, 5, 10');
    await frame.click('[data-testid="breakpoints-m"]');
    await session.page.keyboard.type('500000, 1000000, 2000000, 5000000');
    expect(await frame.inputValue('[data-testid="breakpoints-r"]')).toBe('30, 60, 90, 180');
    expect(await frame.inputValue('[data-testid="breakpoints-f"]')).toBe('2, 3, 5, 10');
    expect(await frame.inputValue('[data-testid="breakpoints-m"]')).toBe('500000, 1000000, 2000000, 5000000');
    // One click, right after typing, starts the run.
    await frame.click('[data-testid="run"]');
    await waitForEnd(frame);
    expect(await frame.locator('[data-testid="step-result"]').count()).toBe(1);
  });

  test('the first click on Run right after typing in a box starts the run', async () => {
    const frame = await open(language);
    await toSettings(frame);
    await frame.check('[data-testid="scoring"] input[value="breakpoints"]');
    await frame.fill('[data-testid="breakpoints-r"]', '30, 60, 90, 180');
    await frame.fill('[data-testid="breakpoints-f"]', '2, 3, 5, 10');
    await frame.click('[data-testid="breakpoints-m"]');
    await session.page.keyboard.type('500000, 1000000, 2000000, 5000000');
    await frame.click('[data-testid="run"]');
    await frame.waitForSelector('[data-testid="step-run"], [data-testid="step-result"]', { timeout: 20_000 });
    await waitForEnd(frame);
    expect(await frame.locator('[data-testid="step-result"]').count()).toBe(1);
  });

  test('each placeholder shows as many numbers as the levels need', async () => {
    const frame = await open(language);
    await toSettings(frame);
    await frame.check('[data-testid="scoring"] input[value="breakpoints"]');
    for (const metric of ['r', 'f', 'm'])
      expect(
        (await frame.getAttribute(`[data-testid="breakpoints-${metric}"]`, 'placeholder'))!.split(', '),
      ).toHaveLength(4);
  });

  test('leaving a box with too few numbers says so under that box, and Tab still reaches the next box', async () => {
    const frame = await open(language);
    await toSettings(frame);
    await frame.check('[data-testid="scoring"] input[value="breakpoints"]');
    await frame.click('[data-testid="levels"] button[value="3"]');
    expect(await frame.getAttribute('[data-testid="breakpoints-m"]', 'placeholder')).toBe(
      language === 'vi' ? '500.000, 1.000.000' : '500000, 1000000',
    );
    await frame.click('[data-testid="breakpoints-r"]');
    await session.page.keyboard.type('30');
    await session.page.keyboard.press('Tab');
    expect(await frame.getAttribute('[data-testid="breakpoints-r"]', 'aria-invalid')).toBe('true');
    expect(await frame.innerText('[data-testid="breakpoints-r-hint"]')).toBe(
      language === 'vi' ? 'Cần đúng 2 số tăng dần.' : 'Enter exactly 2 rising numbers.',
    );
    await session.page.keyboard.type('2, 5');
    expect(await frame.inputValue('[data-testid="breakpoints-f"]')).toBe('2, 5');
  });
});

describe('runs', () => {
  test.each(LANGUAGES)(
    'a failed run leaves the user on the tab they were on, with the error in their language (%s)',
    async (language) => {
      const frame = await open(language);
      await toSettings(frame);
      await runFromSettings(frame);
      await session.page.click('[data-testid="sheet-tab"][data-name="Hóa đơn"]');
      await session.page.waitForSelector('[data-testid="sheet-grid"] table[data-tab="Hóa đơn"]');
      expect((await session.preview.state()).active).toBe('Hóa đơn');
      await session.page.click('[data-testid="fail-next"]');
      await frame.click('[data-testid="step-result"] .actions button.text');
      await frame.click('[data-testid="run"]');
      const failure = await frame.waitForSelector('[data-testid="run-failure"]', { timeout: 120_000 });
      expect(await failure.innerText()).toContain(language === 'vi' ? 'Lần chạy thất bại' : 'The run failed');
      expect((await session.preview.state()).active).toBe('Hóa đơn');
    },
  );

  test.each(LANGUAGES)(
    'a second run with the same as-of date shows movement from the first (%s)',
    async (language) => {
      const frame = await open(language);
      await toSettings(frame);
      await runFromSettings(frame);
      expect((await tab(TABS.movement[language]))[1]![0]).toMatch(/first run|Lần chạy đầu tiên/i);
      await runAgain(frame);
      const movement = await tab(TABS.movement[language]);
      expect(movement.flat().join(' ')).not.toMatch(/first run|Lần chạy đầu tiên/i);
      expect(movement[0]![0]).toMatch(
        language === 'vi' ? /^Từ \d{4}-\d{2}-\d{2}/ : /^From \d{4}-\d{2}-\d{2}/,
      );
      // The same data twice: every customer stays where they were, on the diagonal.
      const header = movement[1]!;
      for (const row of movement.slice(2).filter((cells) => cells[0] !== '')) {
        const onDiagonal = header.indexOf(row[0]!);
        expect(onDiagonal).toBeGreaterThan(0);
        row.forEach((count, at) => {
          if (at > 0 && at !== onDiagonal) expect(['', '0']).toContain(count);
        });
      }
    },
  );

  test.each(LANGUAGES)('with R and F only, M is blank in the tabs, not 0 (%s)', async (language) => {
    const frame = await open(language);
    await toSettings(frame);
    await frame.click('[data-testid="metrics"] button[value="rf"]');
    await runFromSettings(frame);
    const [header, ...rows] = await tab(TABS.customers[language]);
    const at = (name: string) => header!.indexOf(name);
    expect(at('M')).toBeGreaterThan(0);
    const customers = rows.filter((row) => row[at('R')] !== undefined && row[0] !== '');
    expect(customers.length).toBeGreaterThan(10);
    expect(customers.filter((row) => row[at('M')] !== '')).toEqual([]);
    expect(customers.filter((row) => /^[1-5]$/.test(row[at('F')]!)).length).toBeGreaterThan(10);
  });

  test.each(LANGUAGES)('the History tab names segments, with no column of ids (%s)', async (language) => {
    const frame = await open(language);
    await toSettings(frame);
    await runFromSettings(frame);
    const [header, ...rows] = await tab(TABS.history[language]);
    expect(header).not.toContain('Segment key');
    const champions = SEGMENT_BY_ID.get('champions')!;
    expect(rows.some((row) => row.includes(champions.name[language]))).toBe(true);
    expect(rows.some((row) => row.includes('champions'))).toBe(false);
  });
});

describe('nothing cut at 300 px', () => {
  test.each(LANGUAGES)('result: headers apart, segment names whole (%s)', async (language) => {
    const frame = await open(language);
    await toSettings(frame);
    await runFromSettings(frame);
    const heads = frame.locator('.segment-head > span');
    const customers = (await heads.nth(2).boundingBox())!;
    const share = (await heads.nth(3).boundingBox())!;
    expect(await heads.nth(2).innerText()).toBe(language === 'vi' ? 'Khách' : 'Customers');
    expect(boxesOverlap(customers, share)).toBe(false);
    expect(await cutTexts(frame, '.segment-head > span, .segment-name')).toEqual([]);
    // The header's numbers sit over the rows' numbers.
    const firstCount = (await frame.locator('[data-testid="segment-customers"]').first().boundingBox())!;
    expect(Math.abs(firstCount.x + firstCount.width - (customers.x + customers.width))).toBeLessThan(2);
  });

  test.each(LANGUAGES)(
    'column map: each box shows its whole choice on hover, labels whole (%s)',
    async (language) => {
      const frame = await open(language);
      await frame.click('[data-testid="data-next"]');
      await frame.waitForSelector('[data-testid="step-columns"]');
      const selects = await frame.$$eval('.map-row select', (elements) =>
        (elements as HTMLSelectElement[]).map((select) => ({
          title: select.title,
          shown: select.selectedOptions[0]?.textContent ?? '',
          width: select.getBoundingClientRect().width,
        })),
      );
      expect(selects.length).toBeGreaterThan(5);
      for (const select of selects) {
        expect(select.title).toBe(select.shown);
        expect(select.width).toBeGreaterThan(240);
      }
      expect(await cutTexts(frame, '.map-label')).toEqual([]);
    },
  );

  test.each(LANGUAGES)('filter segments: starter names whole (%s)', async (language) => {
    const frame = await open(language);
    await toSettings(frame);
    await frame.click('[data-testid="open-filters"]');
    await frame.waitForSelector('[data-testid="filter-segment-name"]');
    expect(await cutTexts(frame, '[data-testid="filter-segment-name"]')).toEqual([]);
  });
});

describe('words', () => {
  test('Vietnamese: the issues link names the tab it opens; numbers grouped; one spelling of hóa', async () => {
    const frame = await open('vi');
    const invoiceSize = await frame.innerText('.field:has([data-testid="sheet-invoices"]) .hint');
    expect(invoiceSize).toMatch(/^\d{1,3}(\.\d{3})+ dòng × \d+ cột/);
    await toSettings(frame);
    await frame.click('[data-testid="open-filters"]');
    await frame.click('[data-testid="filter-new"]');
    await frame.waitForSelector('[data-testid="filter-builder"]');
    expect(await frame.locator('body').innerText()).not.toMatch(/hoá/i);
    if ((await frame.locator('[data-testid="cond-field"]').count()) === 0)
      await frame.locator('[data-testid="cond-add"]').first().click();
    await frame.waitForSelector('[data-testid="cond-field"]');
    const fieldLabels = await frame.$$eval('[data-testid="cond-field"] option', (options) =>
      options.map((option) => option.textContent ?? ''),
    );
    expect(fieldLabels).toContain('Số hóa đơn');
    await frame.click('[data-testid="filter-builder"] .actions button.text');
    await frame.click('[data-testid="filters-back"]');
    await frame.waitForSelector('[data-testid="step-settings"]');
    await runFromSettings(frame);
    expect(await frame.innerText('[data-testid="open-issues"]')).toBe(`Mở tab ${TABS.issues.vi}`);
    expect(await frame.innerText('[data-testid="step-result"] h3')).toMatch(/^Lỗi dữ liệu \([\d.]+\)$/);
    expect(await frame.locator('body').innerText()).not.toMatch(/hoá/i);
  });

  test('English: the issues link names the tab it opens', async () => {
    const frame = await open('en');
    await toSettings(frame);
    await runFromSettings(frame);
    expect(await frame.innerText('[data-testid="open-issues"]')).toBe(`Open the ${TABS.issues.en} tab`);
  });

  test('switching VI → EN on the result changes segment names and issues, and back', async () => {
    const frame = await open('vi');
    await toSettings(frame);
    await runFromSettings(frame);
    const names = () => frame.$$eval('.segment-name', (cells) => cells.map((cell) => cell.textContent ?? ''));
    const issues = () =>
      frame.$$eval('[data-testid="issue"] strong', (cells) => cells.map((c) => c.textContent ?? ''));
    const vietnamese = await names();
    expect(vietnamese).toContain(SEGMENT_BY_ID.get('champions')!.name.vi);
    const vietnameseIssues = await issues();
    expect(vietnameseIssues.length).toBeGreaterThan(0);
    await frame.click('[data-testid="language"] button[value="en"]');
    const english = await names();
    expect(english).toContain(SEGMENT_BY_ID.get('champions')!.name.en);
    expect(english.join(' ')).not.toMatch(VIETNAMESE_LETTERS);
    const englishIssues = await issues();
    expect(englishIssues).toHaveLength(vietnameseIssues.length);
    expect(englishIssues.join(' ')).not.toMatch(VIETNAMESE_LETTERS);
    expect(
      (await frame.$$eval('.issue-message', (cells) => cells.map((c) => c.textContent ?? ''))).join(' '),
    ).not.toMatch(VIETNAMESE_LETTERS);
    await frame.click('[data-testid="language"] button[value="vi"]');
    expect(await names()).toEqual(vietnamese);
  });

  test.each(LANGUAGES)(
    'column map: an optional field set to none is "not used", not missing; code, phone, email are "one of" (%s)',
    async (language) => {
      const frame = await open(language);
      await frame.click('[data-testid="data-next"]');
      await frame.waitForSelector('[data-testid="step-columns"]');
      const store = '[data-testid="columns-invoices"] [data-field="store"]';
      await frame.selectOption('[data-testid="map-invoices-store"]', '-1');
      expect(await frame.getAttribute(store, 'data-state')).toBe('ok');
      expect(await frame.innerText(`${store} [data-testid="chip"]`)).toBe(
        language === 'vi' ? 'Không dùng' : 'Not used',
      );
      for (const fieldId of ['customerCode', 'phone', 'email']) {
        const row = `[data-testid="columns-customers"] [data-field="${fieldId}"]`;
        expect(await frame.innerText(`${row} [data-testid="one-of"]`)).toBe(
          language === 'vi' ? 'một trong' : 'one of',
        );
        expect(await frame.locator(`${row} .required`).count()).toBe(0);
      }
      // Two of the three set to none: still no missing field, the code is enough.
      await frame.selectOption('[data-testid="map-customers-phone"]', '-1');
      await frame.selectOption('[data-testid="map-customers-email"]', '-1');
      expect(await frame.locator('[data-testid="columns-customers"] [data-state="missing"]').count()).toBe(0);
      // All three: now the group is missing, and each says so.
      await frame.selectOption('[data-testid="map-customers-customerCode"]', '-1');
      expect(await frame.locator('[data-testid="columns-customers"] [data-state="missing"]').count()).toBe(3);
    },
  );

  test.each(LANGUAGES)('data issues name a cell, and the link selects it (%s)', async (language) => {
    const frame = await open(language);
    await toSettings(frame);
    await runFromSettings(frame);
    const links = frame.locator('[data-testid="issue-cell"]');
    expect(await links.count()).toBeGreaterThan(0);
    for (const where of await links.allInnerTexts()) expect(where).toMatch(/^.+![A-Z]{1,3}[1-9]\d*$/);
    const where = await links.first().innerText();
    const [sheet, cell] = [where.slice(0, where.lastIndexOf('!')), where.slice(where.lastIndexOf('!') + 1)];
    await links.first().click();
    await session.page.waitForSelector(
      `[data-testid="sheet-grid"] table[data-tab="${sheet}"] [data-testid="selected-cell"]`,
    );
    const state = (await session.preview.state()) as unknown as {
      active: string;
      selection: { sheet: string; a1: string };
    };
    expect(state.active).toBe(sheet);
    expect(state.selection).toEqual({ sheet, a1: cell });
  });

  test.each(LANGUAGES)(
    "an Apps Script failure outside a run is worded in the user's language (%s)",
    async (language) => {
      const frame = await open(language);
      await toSettings(frame);
      await frame.click('[data-testid="open-filters"]');
      await frame.click('[data-testid="filter-new"]');
      await frame.fill('[data-testid="filter-name"]', 'Khách Hà Nội');
      await frame.fill('[data-testid="filter-text"]', 'city = "Hà Nội"');
      // Saving writes the definitions tab: the armed failure hits that write.
      await session.page.click('[data-testid="fail-next"]');
      await frame.click('[data-testid="filter-save"]');
      const error = await frame.waitForSelector('[data-testid="notice-error"]');
      const message = await error.innerText();
      expect(message).toContain(
        language === 'vi'
          ? 'Google Sheets báo lỗi, chưa làm được việc này.'
          : 'Google Sheets reported an error',
      );
      expect(message).toContain('Service Spreadsheets failed');
    },
  );
});

describe('help where it is needed', () => {
  test.each(LANGUAGES)('each segment opens one line: what it means and what to do (%s)', async (language) => {
    const frame = await open(language);
    await toSettings(frame);
    await runFromSettings(frame);
    const buttons = frame.locator('[data-testid="segment-explain"]');
    expect(await buttons.count()).toBe(await frame.locator('[data-testid="segment"]').count());
    await buttons.first().click();
    expect(await buttons.first().getAttribute('aria-expanded')).toBe('true');
    const help = await frame.innerText('[data-testid="segment-help"]');
    expect(help).toContain(SEGMENT_BY_ID.get('champions')!.action[language]);
    expect(help).toMatch(language === 'vi' ? /Nên làm:/ : /Suggested:/);
    // Its portrait: what sets it apart from all customers, and a link to its block of the Portraits tab.
    const portrait = await frame.innerText('[data-testid="segment-portrait"]');
    expect(portrait).toMatch(
      language === 'vi'
        ? /: .+ \d+% \(toàn bộ \d+%, chỉ số \d+\)/
        : /: .+ \d+% \(all customers \d+%, index \d+\)/,
    );
    await frame.click('[data-testid="open-portrait"]');
    const tab = language === 'vi' ? 'Chân dung phân khúc' : 'Segment portraits';
    const selected = await session.page.waitForSelector(
      `[data-testid="sheet-grid"] table[data-tab="${tab}"] [data-testid="selected-cell"]`,
    );
    const champions = SEGMENT_BY_ID.get('champions')!.name[language];
    expect(await selected.innerText()).toMatch(new RegExp(`^${champions} \\(\\d+ (khách|customers)\\)$`));
    if (language === 'en') {
      // The README's picture (docs/result.png): tall enough for the whole list.
      await session.page.setViewportSize({ width: 1280, height: 1500 });
      await session.page
        .locator('[data-testid="sidebar-frame"]')
        .screenshot({ path: artifactPath('result-help.png') });
    }
    // A second click closes it; the segment row itself still opens the segment's tab.
    await buttons.first().click();
    expect(await frame.locator('[data-testid="segment-help"]').count()).toBe(0);
  });

  test.each(LANGUAGES)(
    'the filter builder has a reference of every field, its operators and values (%s)',
    async (language) => {
      const frame = await open(language);
      await toSettings(frame);
      await frame.click('[data-testid="open-filters"]');
      await frame.click('[data-testid="filter-new"]');
      await frame.waitForSelector('[data-testid="filter-reference"]');
      expect(await frame.locator('[data-testid="reference-fields"]').isVisible()).toBe(false);
      await frame.click('[data-testid="filter-reference"] summary');
      const fields = await frame.$$eval('[data-testid="reference-fields"] li', (items) =>
        items.map((item) => item.getAttribute('data-field')),
      );
      expect(fields).toEqual(FILTER_FIELDS.map((field) => field.id));
      const text = await frame.innerText('[data-testid="filter-reference"]');
      expect(text).toContain(FILTER_FIELDS.find((field) => field.id === 'invoices')!.label[language]);
      expect(text).toContain('last_purchase >= -30d');
      expect(text).toContain('birthday_month = this_month');
      // It stays open while the definition is typed (the builder re-renders).
      await frame.fill('[data-testid="filter-text"]', 'invoices >= 3');
      expect(await frame.locator('[data-testid="reference-fields"]').isVisible()).toBe(true);
      if (language === 'vi') {
        // The README's picture (docs/filter-builder.png): the builder from its heading, the reference open.
        await session.page.setViewportSize({ width: 1280, height: 1500 });
        await frame.locator('[data-testid="filter-builder"]').evaluate((element) => element.scrollIntoView());
        await session.page
          .locator('[data-testid="sidebar-frame"]')
          .screenshot({ path: artifactPath('filter-reference.png') });
      }
      expect(
        await cutTexts(frame, '[data-testid="filter-reference"] li, [data-testid="filter-reference"] dd'),
      ).toEqual([]);
    },
  );
});
