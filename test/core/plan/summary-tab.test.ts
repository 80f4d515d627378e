/**
 * The Summary tab as a shop owner opens it: every heading readable in its column, and cut values shown as the
 * whole days, invoices and dong they are (not `41.0` days).
 */
import { runEngine } from '../../../src/core/engine';
import type { Language } from '../../../src/core/options';
import { DEFAULT_OPTIONS } from '../../../src/core/options';

/** About how wide a bold heading letter is in Sheets' default 10 pt font, in pixels, plus the cell padding. */
const PIXELS_PER_LETTER = 7;
const PADDING = 8;

function summaryTab(language: Language) {
  const invoices: (string | number)[][] = [['Mã hóa đơn', 'Thời gian', 'Mã khách hàng', 'Khách cần trả']];
  for (let customer = 1; customer <= 30; customer++) {
    for (let visit = 0; visit < 1 + (customer % 4); visit++) {
      const day = 1 + ((customer * 7 + visit * 11) % 28);
      invoices.push([
        `HD${customer}-${visit}`,
        `${String(day).padStart(2, '0')}/${customer % 2 ? 10 : 11}/2026 10:00`,
        `KH${String(customer).padStart(3, '0')}`,
        `${(customer * 137_000).toLocaleString('de-DE')} ₫`,
      ]);
    }
  }
  const result = runEngine(
    { invoices: { name: 'Hóa đơn', values: invoices } },
    {
      ...DEFAULT_OPTIONS,
      asOf: '2026-11-22',
      now: Date.UTC(2026, 10, 22, 5),
      timeZone: 'Asia/Ho_Chi_Minh',
      language,
    },
  );
  return result.plan.tabs.find((tab) => tab.role === 'summary')!;
}

test.each(['vi', 'en'] as const)(
  '%s: every Summary heading fits the width of its sheet column',
  (language) => {
    const tab = summaryTab(language);
    const widths: number[] = [];
    for (const block of tab.blocks)
      block.columns.forEach((column, c) => {
        const at = block.anchor.column - 1 + c;
        widths[at] = Math.max(widths[at] ?? 0, column.width ?? 0);
      });
    const tooNarrow = tab.blocks.flatMap((block) =>
      block.columns
        .filter(
          (column, c) =>
            widths[block.anchor.column - 1 + c]! < column.header.length * PIXELS_PER_LETTER + PADDING,
        )
        .map((column) => `${block.id}: ${column.header}`),
    );
    expect(tooNarrow).toEqual([]);
  },
);

test('cut values of days, invoices and dong are whole numbers shown without decimals', () => {
  const cuts = summaryTab('vi').blocks.find((block) => block.id === 'cuts')!;
  expect(cuts.columns.slice(3).map((column) => column.kind)).toEqual(['integer', 'integer']);
  const spendRows = cuts.rows.filter((row) => String(row[0]).startsWith('M'));
  expect(spendRows.some((row) => typeof row[3] === 'number' && row[3] >= 1_000_000)).toBe(true);
});

test.each(['vi', 'en'] as const)(
  '%s: run facts keep revenue, counts and the member share as numbers, each with the kind that formats it',
  (language) => {
    const facts = summaryTab(language).blocks.find((block) => block.id === 'facts')!;
    const fact = (label: string) => {
      const r = facts.rows.findIndex((row) => row[0] === label);
      return { value: facts.rows[r]![1], kind: facts.cellKinds?.[r]?.[1] ?? facts.columns[1]!.kind };
    };
    const t = (vi: string, en: string) => (language === 'vi' ? vi : en);
    const revenue = fact(t('Doanh thu từ khách thành viên', 'Sales to identified customers'));
    expect(revenue.kind).toBe('money');
    expect(typeof revenue.value).toBe('number');
    expect(revenue.value as number).toBeGreaterThan(1_000);
    expect(fact(t('Tổng doanh số', 'Total sales')).kind).toBe('money');
    const rows = fact(t('Dòng hóa đơn đã đọc', 'Invoice rows read'));
    expect(rows).toEqual({ value: expect.any(Number), kind: 'integer' });
    const share = fact(t('Tỷ lệ doanh thu của thành viên', 'Member share of sales'));
    expect(share.kind).toBe('percent');
    expect(share.value as number).toBeGreaterThan(0);
    expect(share.value as number).toBeLessThanOrEqual(1);
    // Text facts stay text in the text column.
    expect(fact(t('Múi giờ', 'Time zone'))).toEqual({ value: 'Asia/Ho_Chi_Minh', kind: 'text' });
  },
);
