/**
 * The sample shop (Cà Phê Phố Cũ) pasted into a Vietnamese spreadsheet, run through the built dist/Code.js as
 * the sidebar drives it: the tabs a shop owner then sees, checked against the run's result and the
 * generator's truth.
 */
import { sampleShop, sheetValues, type Shop } from '../../scripts/shop-generator.cjs';
import { CUSTOMERS_TAB, headerBand, NEUTRAL_HEADER, SUMMARY_TAB } from '../../src/core/plan/colours';
import type { TabRows } from '../../src/shared/api';
import { callServer } from '../emulator/bundle';
import { fullRunOnEmulator, type FullRun } from './full-run';
import { columnOf, readTab, rowWhere, type TabView } from './read-tab';

let shop: Shop;
let run: FullRun;

beforeAll(() => {
  shop = sampleShop();
  run = fullRunOnEmulator(sheetValues(shop.invoices), sheetValues(shop.customers));
});

const tab = (name: string): TabView => readTab(run.session.emulator, name);
const customersTabName = () => run.result.tabs.find((written) => written.key === 'customers')!.name;

/** `yyyy-mm-dd` → how a dd/mm/yyyy cell shows it. */
const shownDay = (day: string) => day.split('-').reverse().join('/');
/** A number as `#,##0 ₫` shows it in vi_VN. */
const shownDong = (amount: number) => `${amount.toLocaleString('de-DE')} ₫`;

describe('the sample shop, run from the sidebar on the built bundle', () => {
  test('the sidebar found both pasted tabs and confirmed their columns', () => {
    expect(run.setup.language).toBe('vi');
    expect(run.setup.invoiceSheet).toBe('Hóa đơn');
    expect(run.setup.customerSheet).toBe('Khách hàng');
    for (const detection of run.detections) expect(detection.missing).toEqual([]);
  });

  test('one tab per non-empty segment after the Summary and Customers, named in Vietnamese', () => {
    const segmentTabs = run.result.segments.filter((segment) => segment.customers > 0);
    expect(run.tabs.slice(0, 2)).toEqual(['Tổng quan RFM', 'Khách hàng RFM']);
    expect(run.tabs.slice(2, 2 + segmentTabs.length)).toEqual(segmentTabs.map((segment) => segment.name));
    expect(run.tabs).toEqual(expect.arrayContaining(['Lỗi dữ liệu', 'Lịch sử phân khúc']));
    expect(run.result.summaryTab).toBe('Tổng quan RFM');
    expect(run.result.issuesTab).toBe('Lỗi dữ liệu');
    // No temporary or template tab is left behind.
    const names = run.session.emulator.world.book.sheets.map((sheet) => sheet.name);
    // The user's three tabs, the written tabs, and the filter-segment definitions tab the first run creates.
    expect(names.slice(0, 3)).toEqual(['Trang tính1', 'Hóa đơn', 'Khách hàng']);
    expect(names.join('|')).not.toMatch(/~segment-tabs/);
  });

  test('every segment tab: its size, tab colour, header band, frozen header, filter and ownership mark', () => {
    for (const segment of run.result.segments.filter((candidate) => candidate.customers > 0)) {
      const view = tab(segment.tab!);
      expect({ name: view.name, rows: view.values.length - 1 }).toEqual({
        name: segment.name,
        rows: segment.customers,
      });
      expect(view.tabColour).toBe(segment.colour);
      expect(view.background(0, 0)).toBe(headerBand(segment.colour).headerColour);
      expect(view.background(0, view.display[0]!.length - 1)).toBe(headerBand(segment.colour).headerColour);
      expect(view.background(1, 0)).toBeNull();
      expect(view.frozenRows).toBe(1);
      expect(view.filter).toEqual({ row: 1, column: 1, numRows: segment.customers + 1, numColumns: 26 });
      expect(view.mark).toMatchObject({
        key: `segment:${segment.id}`,
        role: 'segment',
        run: run.result.runId,
      });
      // Trimmed to the data plus one spare row, not Sheets' default 1000.
      expect(view.maxRows).toBe(segment.customers + 2);
      expect(view.display[1]![columnOf(view, 'Phân khúc')]).toBe(segment.name);
    }
  });

  test('the Customers tab: everyone once, grey tab, neutral header band, coloured segment chips, filter', () => {
    const view = tab(customersTabName());
    const total = run.result.segments.reduce((sum, segment) => sum + segment.customers, 0);
    expect(view.values.length - 1).toBe(total);
    expect(run.result.facts.find((fact) => fact.label === 'Khách hàng')!.value).toBe(String(total));
    expect(view.tabColour).toBe(CUSTOMERS_TAB);
    expect(view.background(0, 0)).toBe(headerBand(NEUTRAL_HEADER).headerColour);
    expect(view.frozenRows).toBe(1);
    // The 26 customer columns and the three predictions (the sample shop has enough repeat buyers for them).
    expect(view.filter).toEqual({ row: 1, column: 1, numRows: total + 1, numColumns: 29 });
    expect(view.mark).toMatchObject({ key: 'customers', role: 'customers', run: run.result.runId });
    const segmentColumn = columnOf(view, 'Phân khúc');
    expect(view.background(1, segmentColumn)).not.toBeNull();
    expect(view.background(1, segmentColumn - 1)).toBeNull();
  });

  test('number formats: codes and phones as text, money in dong, counts with separators, dates dd/mm/yyyy', () => {
    const view = tab(customersTabName());
    const formatOf = (header: string) => view.format(1, columnOf(view, header));
    expect(formatOf('Điện thoại')).toBe('@');
    expect(formatOf('Mã khách hàng')).toBe('@');
    expect(formatOf('Mã RFM')).toBe('@');
    expect(formatOf('Tổng chi tiêu')).toBe('#,##0 ₫');
    expect(formatOf('Số hóa đơn')).toBe('#,##0');
    expect(formatOf('Mua lần cuối')).toBe('dd/mm/yyyy');
    expect(view.format(0, columnOf(view, 'Tổng chi tiêu'))).toBe('@');
    // Real types under the formats: a number, and a date that is a Date.
    const row = 1;
    expect(typeof view.values[row]![columnOf(view, 'Tổng chi tiêu')]).toBe('number');
    // The cell holds a date (a Date of the script's realm, hence no instanceof).
    expect(Object.prototype.toString.call(view.values[row]![columnOf(view, 'Mua lần cuối')])).toBe(
      '[object Date]',
    );
    expect(typeof view.values[row]![columnOf(view, 'Điện thoại')]).toBe('string');
  });

  test('a merged customer (two customer rows sharing a phone) is one row with the truth’s figures', () => {
    const view = tab(customersTabName());
    const merged = shop.truth.merged.find((candidate) => candidate.invoices > 0)!;
    const row = rowWhere(view, 'Điện thoại', merged.phone);
    const cell = (header: string) => view.display[row]![columnOf(view, header)];
    expect(cell('Số hóa đơn')).toBe(String(merged.invoices));
    expect(cell('Tổng chi tiêu')).toBe(shownDong(merged.netSpend));
    expect(cell('Mua lần đầu')).toBe(shownDay(merged.firstPurchase));
    expect(cell('Mua lần cuối')).toBe(shownDay(merged.lastPurchase));
    // The phone keeps its leading zero: text in a text cell.
    expect(view.values[row]![columnOf(view, 'Điện thoại')]).toBe(merged.phone);
    const phones = view.display.slice(1).map((cells) => cells[columnOf(view, 'Điện thoại')]);
    expect(phones.filter((phone) => phone === merged.phone)).toHaveLength(1);
  });

  test('a plain member shows the truth’s invoices, spend and days; walk-in sales make no customer row', () => {
    const view = tab(customersTabName());
    const mergedCodes = new Set(shop.truth.merged.flatMap((merged) => merged.codes));
    const [code, truth] = Object.entries(shop.truth.customers).find(
      ([candidate, figures]) => !mergedCodes.has(candidate) && figures.invoices >= 3,
    )!;
    const row = rowWhere(view, 'Mã khách hàng', code);
    const cell = (header: string) => view.display[row]![columnOf(view, header)];
    expect(cell('Số hóa đơn')).toBe(String(truth.invoices));
    expect(cell('Tổng chi tiêu')).toBe(shownDong(truth.netSpend));
    expect(cell('Mua lần cuối')).toBe(shownDay(truth.lastPurchase));
    const names = view.display.slice(1).map((cells) => cells[columnOf(view, 'Tên khách hàng')]);
    expect(names).not.toContain('Khách lẻ');
    expect(view.display.slice(1).map((cells) => cells[columnOf(view, 'Mã khách hàng')])).not.toContain('');
  });

  test('hostile names from the shop’s data stay text, never formulas', () => {
    const view = tab(customersTabName());
    // A pasted `=HYPERLINK("x")` is already a formula in the input tab (Sheets reads a paste as typed), so only
    // the names that reach the engine as text are checked here; safety.test.ts writes `=…` names as text.
    const asText = shop.truth.quirks.hostileNames.filter(({ name }) => !name.startsWith('='));
    expect(asText.map(({ name }) => name)).toContain('+Lan');
    for (const { code, name } of asText) {
      const row = rowWhere(view, 'Mã khách hàng', code);
      const column = columnOf(view, 'Tên khách hàng');
      expect(view.values[row]![column]).toBe(name);
      expect(view.formula(row, column)).toBeNull();
    }
  });

  test('the Summary: blue tab, bold titles, an R×F heat map, its chart, and it is the tab the user lands on', () => {
    const view = tab('Tổng quan RFM');
    expect(view.tabColour).toBe(SUMMARY_TAB);
    expect(view.mark).toMatchObject({ key: 'summary', role: 'summary', run: run.result.runId });
    expect(view.fontWeight(0, 0)).toBe('bold');
    expect(view.display[1]!.slice(0, 2)).toEqual(['Phân khúc', 'Khách hàng']);
    const r5 = view.display.findIndex((cells) => cells[0] === 'R5');
    const heat = [1, 2, 3, 4, 5].map((column) => view.background(r5, column));
    expect(heat.every((colour) => colour !== null)).toBe(true);
    expect(new Set(heat).size).toBeGreaterThan(1);
    const summary = run.session.emulator.world.book.sheets.find((sheet) => sheet.name === 'Tổng quan RFM')!;
    const charts = summary.charts.map((chart) => [chart.type, ...chart.ranges.map((range) => range.a1)]);
    const last = 2 + run.result.segments.length;
    expect(charts[0]).toEqual(['BAR', `Tổng quan RFM!A2:B${last}`]);
    // The predictions' check: actual against predicted purchases per group of repeat purchases (the labels,
    // then the two series, without the Customers column between them).
    expect(charts[1]).toEqual([
      'COLUMN',
      expect.stringMatching(/^Tổng quan RFM!A\d+:A\d+$/),
      expect.stringMatching(/^Tổng quan RFM!C\d+:D\d+$/),
    ]);
    // Revenue per segment: the segment names and the Revenue column only.
    expect(charts[2]).toEqual(['BAR', `Tổng quan RFM!A2:A${last}`, `Tổng quan RFM!D2:D${last}`]);
    expect(charts).toHaveLength(3);
    expect(run.session.emulator.world.book.active.name).toBe('Tổng quan RFM');
  });

  test('openTab and getSegmentRows, as the sidebar’s segment list and CSV export call them', () => {
    const { context, emulator } = run.session;
    const segment = run.result.segments.find((candidate) => candidate.id === 'at-risk')!;
    callServer(context, 'openTab', segment.tab);
    expect(emulator.world.book.active.name).toBe(segment.tab);
    const rows = callServer<TabRows>(context, 'getSegmentRows', segment.tab, 'vi');
    expect(rows.header[0]).toBe('Tên khách hàng');
    expect(rows.rows).toHaveLength(segment.customers);
    expect(rows.rows[0]![columnOf(tab(segment.tab!), 'Tổng chi tiêu')]).toMatch(/^[\d.]+ ₫$/);
    expect(() => callServer(context, 'getSegmentRows', 'Hóa đơn', 'vi')).toThrow(
      '"Hóa đơn" không phải tab kết quả của Segment Tabs.',
    );
  });
});
