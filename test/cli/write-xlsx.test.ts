/**
 * The renderer against a hand-made plan: every column kind, a titled block beside another, cell colours, a
 * filtered and frozen customer tab, a hidden tab, a chart, and tab names Excel would refuse. The written file is
 * read back with ExcelJS and compared with the plan.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { readPreviousWorkbook } from '../../src/cli/read-previous';
import { excelSheetName, writePlanXlsx } from '../../src/cli/write-xlsx';
import type { OutputPlan, TabPlan } from '../../src/core/plan/types';
import { readWorkbook, tempDir } from './helpers';

/** 2026-11-20 as a day number (days since 1970-01-01). */
const NOV_20 = Date.UTC(2026, 10, 20) / 86_400_000;

const SUMMARY: TabPlan = {
  key: 'summary',
  role: 'summary',
  name: 'Tổng quan',
  tabColour: '#1a73e8',
  frozenRows: 0,
  filter: false,
  hidden: false,
  charts: [
    {
      kind: 'bar',
      title: 'Khách hàng theo phân khúc',
      blockId: 'segments',
      labelColumn: 0,
      valueColumns: [1],
      anchor: { row: 1, column: 8 },
    },
  ],
  blocks: [
    {
      id: 'segments',
      title: 'Phân khúc',
      anchor: { row: 1, column: 1 },
      columns: [
        { header: 'Phân khúc', kind: 'text', width: 180 },
        { header: 'Khách hàng', kind: 'integer', width: 90 },
        { header: 'Tỷ lệ', kind: 'percent' },
        { header: 'Doanh thu', kind: 'money', width: 120 },
        { header: 'R trung bình', kind: 'number' },
      ],
      rows: [
        ['Khách hàng tốt nhất', 12, 0.12, 45_600_000, 4.75],
        ['Sắp mất', 30, 0.3, 9_100_000, 1.5],
      ],
      headerColour: '#202124',
      headerFontColour: '#ffffff',
      cellColours: { fromColumn: 0, colours: [['#34a853'], ['#ea4335']] },
    },
    {
      id: 'facts',
      anchor: { row: 2, column: 7 },
      columns: [
        { header: 'Mục', kind: 'text' },
        { header: 'Giá trị', kind: 'text' },
      ],
      rows: [
        ['Ngày tính', '2026-11-22'],
        ['Hóa đơn', '1.234'],
        ['Tổng doanh số', 770_989_000],
      ],
      // A number among the text of the facts: a number with its own format.
      cellKinds: [
        [null, null],
        [null, null],
        [null, 'money'],
      ],
      headerColour: '#e8eaed',
      headerFontColour: '#202124',
    },
  ],
};

const CUSTOMERS: TabPlan = {
  key: 'customers',
  role: 'customers',
  name: 'Khách hàng',
  tabColour: '#fbbc04',
  frozenRows: 1,
  filter: true,
  hidden: false,
  charts: [],
  blocks: [
    {
      id: 'customers',
      anchor: { row: 1, column: 1 },
      columns: [
        { header: 'Mã khách hàng', kind: 'code' },
        { header: 'Tên khách hàng', kind: 'text' },
        { header: 'Điện thoại', kind: 'phone' },
        { header: 'Phân khúc', kind: 'text' },
        { header: 'Lần mua cuối', kind: 'date' },
        { header: 'Số hóa đơn', kind: 'integer' },
        { header: 'Tổng chi', kind: 'money' },
      ],
      rows: [
        ['KH000045', 'Nguyễn Thị Hoà', '0903123456', 'Khách hàng tốt nhất', NOV_20, 6, 2_450_000],
        [12, '=HYPERLINK("http://x")', '0912000111', 'Sắp mất', NOV_20 - 400, 1, 35_000],
        ['KH000047', 'Trần Văn Đức', null, 'Tiềm năng', null, 0, 0],
      ],
      headerColour: '#1a73e8',
      headerFontColour: '#ffffff',
      cellColours: { fromColumn: 3, colours: [['#34a853'], ['#ea4335'], [null]] },
    },
  ],
};

const SNAPSHOT: TabPlan = {
  key: 'snapshot',
  role: 'snapshot',
  name: 'Ảnh chụp: [phân khúc]/kỳ trước * lưu trữ nội bộ',
  tabColour: '#9aa0a6',
  frozenRows: 1,
  filter: false,
  hidden: true,
  charts: [],
  blocks: [
    {
      id: 'snapshot',
      anchor: { row: 1, column: 1 },
      columns: [
        { header: 'customer', kind: 'code' },
        { header: 'segment', kind: 'text' },
      ],
      rows: [['KH000045', 'champions']],
      headerColour: '#9aa0a6',
      headerFontColour: '#000000',
    },
  ],
};

const PLAN: OutputPlan = { tabs: [SUMMARY, CUSTOMERS, SNAPSHOT] };

function fillOf(cell: ExcelJS.Cell): string | undefined {
  const fill = cell.fill as ExcelJS.FillPattern | undefined;
  return fill?.type === 'pattern' ? fill.fgColor?.argb : undefined;
}

describe('writePlanXlsx', () => {
  const dir = tempDir('write');
  const path = join(dir, 'nested', 'folder', 'segment-tabs.xlsx');
  let workbook: ExcelJS.Workbook;
  let names: string[];

  beforeAll(async () => {
    ({ names } = await writePlanXlsx(PLAN, path, 'vi'));
    workbook = await readWorkbook(path);
  });

  it('creates the folder and leaves no partial file behind', () => {
    expect(readdirSync(join(dir, 'nested', 'folder'))).toEqual(['segment-tabs.xlsx']);
  });

  it('writes one sheet per tab in plan order, with names Excel accepts', () => {
    expect(names).toEqual(['Tổng quan', 'Khách hàng', 'Ảnh chụp- -phân khúc--kỳ trước']);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(names);
  });

  it('paints tab colours and hides the hidden tab', () => {
    const [summary, customers, snapshot] = workbook.worksheets;
    expect(summary!.properties.tabColor).toEqual({ argb: 'FF1A73E8' });
    expect(customers!.properties.tabColor).toEqual({ argb: 'FFFBBC04' });
    expect(summary!.state).toBe('visible');
    expect(snapshot!.state).toBe('hidden');
  });

  it('writes a titled block and a block beside it at their anchors', () => {
    const sheet = workbook.getWorksheet('Tổng quan')!;
    expect(sheet.getCell('A1').value).toBe('Phân khúc');
    expect(sheet.getCell('A1').font?.bold).toBe(true);
    expect(fillOf(sheet.getCell('E1'))).toBe('FFF1F3F4');
    expect(sheet.getRow(2).values).toEqual([
      undefined,
      'Phân khúc',
      'Khách hàng',
      'Tỷ lệ',
      'Doanh thu',
      'R trung bình',
      undefined,
      'Mục',
      'Giá trị',
    ]);
    expect(sheet.getRow(3).values).toEqual([
      undefined,
      'Khách hàng tốt nhất',
      12,
      0.12,
      45_600_000,
      4.75,
      undefined,
      'Ngày tính',
      '2026-11-22',
    ]);
    expect(sheet.getCell('H4').value).toBe('1.234');
    expect(sheet.getCell('H5').value).toBe(770_989_000);
    expect(sheet.getCell('H5').numFmt).toBe('#,##0 ₫');
    expect(sheet.getCell('H6').value).toBeNull();
  });

  it('colours header rows with bold text in the header font colour', () => {
    const sheet = workbook.getWorksheet('Tổng quan')!;
    expect(fillOf(sheet.getCell('B2'))).toBe('FF202124');
    expect(sheet.getCell('B2').font).toMatchObject({ bold: true, color: { argb: 'FFFFFFFF' } });
    expect(fillOf(sheet.getCell('G2'))).toBe('FFE8EAED');
    expect(sheet.getCell('G2').font).toMatchObject({ bold: true, color: { argb: 'FF202124' } });
  });

  it('sets number formats by column kind, with the dong sign in Vietnamese', () => {
    const summary = workbook.getWorksheet('Tổng quan')!;
    expect(['A3', 'B3', 'C3', 'D3', 'E3'].map((ref) => summary.getCell(ref).numFmt)).toEqual([
      '@',
      '#,##0',
      '0.0%',
      '#,##0 ₫',
      '#,##0.0',
    ]);
    const customers = workbook.getWorksheet('Khách hàng')!;
    expect(['A2', 'B2', 'C2', 'E2', 'F2', 'G2'].map((ref) => customers.getCell(ref).numFmt)).toEqual([
      '@',
      '@',
      '@',
      'dd/mm/yyyy',
      '#,##0',
      '#,##0 ₫',
    ]);
  });

  it('writes dates as the day of the plan, codes and phones as text, formulas-looking text as text', () => {
    const sheet = workbook.getWorksheet('Khách hàng')!;
    expect(sheet.getCell('E2').value).toEqual(new Date(Date.UTC(2026, 10, 20)));
    expect(sheet.getCell('E3').value).toEqual(new Date(Date.UTC(2025, 9, 16)));
    expect(sheet.getCell('C2').value).toBe('0903123456');
    expect(sheet.getCell('A3').value).toBe('12');
    expect(sheet.getCell('B3').value).toBe('=HYPERLINK("http://x")');
    expect(sheet.getCell('B3').formula).toBeUndefined();
    expect(sheet.getCell('C4').value).toBeNull();
    expect(sheet.getCell('F4').value).toBe(0);
  });

  it('paints the cell colours of the plan and nothing where the plan has none', () => {
    const summary = workbook.getWorksheet('Tổng quan')!;
    expect(fillOf(summary.getCell('A3'))).toBe('FF34A853');
    expect(fillOf(summary.getCell('A4'))).toBe('FFEA4335');
    expect(fillOf(summary.getCell('B3'))).toBeUndefined();
    const customers = workbook.getWorksheet('Khách hàng')!;
    expect(fillOf(customers.getCell('D2'))).toBe('FF34A853');
    expect(fillOf(customers.getCell('D3'))).toBe('FFEA4335');
    expect(fillOf(customers.getCell('D4'))).toBeUndefined();
    expect(fillOf(customers.getCell('C2'))).toBeUndefined();
  });

  it('freezes the header rows (on the Summary, its first block), and puts the autofilter where asked', () => {
    const customers = workbook.getWorksheet('Khách hàng')!;
    expect(customers.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(customers.autoFilter).toBe('A1:G4');
    const summary = workbook.getWorksheet('Tổng quan')!;
    // The segments block's title and header stay in view.
    expect(summary.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(summary.autoFilter).toBeUndefined();
  });

  it('fits column widths to what the cells show, headers wrapped instead of cut', () => {
    const summary = workbook.getWorksheet('Tổng quan')!;
    // "Khách hàng tốt nhất" (19 characters) and 2 of padding.
    expect(summary.getColumn(1).width).toBe(21);
    // 45,600,000 ₫ as the money format shows it.
    expect(summary.getColumn(4).width).toBe(14);
    // "Tổng doanh số" and "770,989,000 ₫" share column H with the facts' other cells.
    expect(summary.getColumn(8).width).toBe(15);
    const customers = workbook.getWorksheet('Khách hàng')!;
    // A date needs 10 characters whatever its header: never `###`.
    expect(customers.getColumn(5).width).toBe(12);
    expect(customers.getCell('E1').alignment).toMatchObject({ wrapText: true });
    // "Mã khách hàng" wraps in a column made for its codes: its row is two lines tall.
    expect(customers.getColumn(1).width).toBe(10);
    expect(customers.getRow(1).height).toBe(30);
  });

  it('sets up printing: one page wide, landscape when wide, header rows repeated', () => {
    const summary = workbook.getWorksheet('Tổng quan')!;
    expect(summary.pageSetup).toMatchObject({
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 2,
    });
    const customers = workbook.getWorksheet('Khách hàng')!;
    expect(customers.pageSetup).toMatchObject({
      orientation: 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '1:1',
    });
    expect(summary.pageSetup.printTitlesRow).toBeUndefined();
  });

  it('adds each planned chart as a native Excel chart on its sheet, plotting the block cells', async () => {
    const zip = await JSZip.loadAsync(readFileSync(path));
    const charts = Object.keys(zip.files).filter((name) => /^xl\/charts\/chart\d+\.xml$/.test(name));
    expect(charts).toEqual(['xl/charts/chart1.xml']);
    const chart = await zip.file('xl/charts/chart1.xml')!.async('string');
    expect(chart).toContain('<c:barDir val="bar"/>');
    expect(chart).toContain("<c:f>'Tổng quan'!$A$3:$A$4</c:f>");
    expect(chart).toContain("<c:f>'Tổng quan'!$B$3:$B$4</c:f>");
    expect(chart).toContain('<a:t>Khách hàng theo phân khúc</a:t>');
    // Each bar in its label's colour, as the segment chips.
    expect(chart).toContain('<a:srgbClr val="34A853"/>');
    expect(chart).toContain('<a:srgbClr val="EA4335"/>');
    const sheet = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    expect(sheet).toMatch(/<drawing r:id="[^"]+"\/><\/worksheet>$/);
    const drawing = await zip.file('xl/drawings/drawing1.xml')!.async('string');
    // Anchored at the plan's cell (H1: column 7, row 0 counted from 0).
    expect(drawing).toContain('<xdr:col>7</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>0</xdr:row>');
    const types = await zip.file('[Content_Types].xml')!.async('string');
    expect(types).toContain('/xl/charts/chart1.xml');
    expect(Object.keys(zip.files).filter((name) => name.endsWith('/'))).toEqual([]);
  });

  it('marks every tab as ours by its sheet id, so --previous finds the hidden snapshot by mark', async () => {
    const tabs = await readPreviousWorkbook(path, 'segment-tabs.xlsx', 'vi', ['snapshot', 'customers']);
    expect(tabs.snapshot).toEqual([
      ['customer', 'segment'],
      ['KH000045', 'champions'],
    ]);
    expect(tabs.customers?.[2]?.slice(0, 4)).toEqual([
      '12',
      '=HYPERLINK("http://x")',
      '0912000111',
      'Sắp mất',
    ]);
    expect(tabs.history).toBeUndefined();
  });

  it('writes English money without the dong sign', async () => {
    const englishPath = join(dir, 'en.xlsx');
    await writePlanXlsx({ tabs: [CUSTOMERS] }, englishPath, 'en');
    const sheet = (await readWorkbook(englishPath)).worksheets[0]!;
    expect(sheet.getCell('G2').numFmt).toBe('#,##0');
    expect(sheet.getCell('G2').value).toBe(2_450_000);
  });

  it('leaves nothing at the path when writing fails', async () => {
    const failing = join(dir, 'failing.xlsx');
    const broken = { tabs: [{ ...CUSTOMERS, blocks: [{ ...CUSTOMERS.blocks[0]!, rows: [null] }] }] };
    await expect(writePlanXlsx(broken as unknown as OutputPlan, failing, 'vi')).rejects.toThrow();
    expect(existsSync(failing)).toBe(false);
    expect(readdirSync(dir).filter((name) => name.includes('partial'))).toEqual([]);
  });
});

describe('excelSheetName', () => {
  it('cuts names to 31 characters and numbers repeats, ignoring case', () => {
    const used = new Set<string>();
    expect(excelSheetName('Khách hàng trung thành cần giữ chân ngay', used)).toBe(
      'Khách hàng trung thành cần giữ',
    );
    expect(excelSheetName('Lost', used)).toBe('Lost');
    expect(excelSheetName('lost', used)).toBe('lost (2)');
    expect(excelSheetName("'Quoted'", used)).toBe('Quoted');
  });
});
