/**
 * The streaming .xlsx writer on its own: a sheet far larger than one deflate chunk (so the part is several
 * sync-flushed chunks joined), text that needs escaping or keeps its edge spaces, Vietnamese text, numbers,
 * booleans and dates, read back by ExcelJS and checked as a zip by Python's zipfile (CRC of every entry).
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { columnLetters, EXCEL_DAY_OFFSET, XlsxWriter } from '../../src/cli/xlsx-stream';
import { readWorkbook, tempDir } from './helpers';

const dir = tempDir('xlsx-stream');

test('column letters run A…Z, AA…, as Excel names them', () => {
  expect([1, 26, 27, 52, 53, 702, 703, 16384].map(columnLetters)).toEqual([
    'A',
    'Z',
    'AA',
    'AZ',
    'BA',
    'ZZ',
    'AAA',
    'XFD',
  ]);
});

test('a 60,000-row sheet of mixed cells reads back cell for cell, and every zip entry passes its CRC check', async () => {
  const path = join(dir, 'big.xlsx');
  const writer = new XlsxWriter(path);
  writer.creator = 'segment-tabs';
  const text = writer.style({ numFmt: '@' });
  const money = writer.style({ numFmt: '#,##0 ₫', fill: '#fce8b2' });
  const date = writer.style({ numFmt: 'dd/mm/yyyy' });
  const header = writer.style({ numFmt: '@', bold: true, fill: '#1a73e8', fontColour: '#ffffff' });
  const rows = 60_000;
  writer.addSheet(
    {
      name: "Khách hàng <A&B> 'x' &c",
      tabColour: '#34a853',
      frozenRows: 1,
      widths: [undefined, 20, 12],
      autoFilter: `A1:D${rows + 1}`,
      print: { landscape: true, fitToWidth: 1, repeatRows: 1 },
    },
    (sheet) => {
      sheet.startRow(1, 30);
      ['Tên khách', 'Chi tiêu', 'Lần cuối', 'VIP'].forEach((title, i) => sheet.text(i + 1, title, header));
      for (let r = 0; r < rows; r++) {
        sheet.startRow(r + 2);
        sheet.text(1, r === 7 ? '  Nguyễn Thị Ánh <Hà Nội> & "HCM" ' : `Khách ${r} Đặng`, text);
        sheet.number(2, r * 1000 + 0.5, money);
        sheet.number(3, Date.UTC(2026, 10, 22) / 86_400_000 + EXCEL_DAY_OFFSET - (r % 365), date);
        if (r % 3 === 0) sheet.boolean(4, r % 2 === 0, text);
      }
    },
  );
  writer.addSheet({ name: 'Ẩn', hidden: true }, (sheet) => {
    sheet.startRow(3);
    sheet.text(2, '0901234567', text);
  });
  writer.customProperties = [
    ['segment-tabs', '1'],
    ['segment-tabs/2', 'snapshot snapshot'],
  ];
  writer.close();

  const zipCheck = execFileSync('python3', [
    '-c',
    'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); print(z.testzip()); print(len(z.read("xl/worksheets/sheet1.xml"))); print(z.read("docProps/custom.xml").decode())',
    path,
  ]).toString();
  const [bad, sheetBytes, ...custom] = zipCheck.trim().split('\n');
  expect(custom.join('')).toContain('name="segment-tabs/2"><vt:lpwstr>snapshot snapshot</vt:lpwstr>');
  expect(bad).toBe('None');
  expect(Number(sheetBytes)).toBeGreaterThan(3 * (1 << 20)); // several deflate chunks

  const workbook = await readWorkbook(path);
  const sheet = workbook.getWorksheet("Khách hàng <A&B> 'x' &c")!;
  expect(sheet.rowCount).toBe(rows + 1);
  expect(sheet.getCell('A1').value).toBe('Tên khách');
  expect(sheet.getCell('A1').font?.bold).toBe(true);
  expect(sheet.getCell('A9').value).toBe('  Nguyễn Thị Ánh <Hà Nội> & "HCM" ');
  expect(sheet.getCell(`A${rows + 1}`).value).toBe(`Khách ${rows - 1} Đặng`);
  expect(sheet.getCell('B3').value).toBe(1000.5);
  expect(sheet.getCell('B3').numFmt).toBe('#,##0 ₫');
  expect((sheet.getCell('B3').fill as { fgColor?: { argb?: string } }).fgColor?.argb).toBe('FFFCE8B2');
  expect((sheet.getCell('C2').value as Date).toISOString()).toBe('2026-11-22T00:00:00.000Z');
  expect(sheet.getCell('D2').value).toBe(true);
  expect(sheet.getCell('D3').value).toBeNull();
  expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  expect([sheet.getColumn(1).width, sheet.getColumn(2).width]).toEqual([20, 12]);
  expect(sheet.getRow(1).height).toBe(30);
  expect(sheet.pageSetup).toMatchObject({
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
  });
  expect(sheet.pageSetup.printTitlesRow).toBe('1:1');
  expect(sheet.properties.tabColor).toEqual({ argb: 'FF34A853' });
  const hidden = workbook.getWorksheet('Ẩn')!;
  expect(hidden.state).toBe('hidden');
  expect(hidden.getCell('B3').value).toBe('0901234567');
});
