import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CsvEncodingError,
  decodeCsv,
  detectSeparator,
  parseCsv,
  readCsvFile,
  readCsvText,
  sniffFile,
} from '../../src/cli/read-csv';

const KIOTVIET_HEADER = [
  'Mã hóa đơn',
  'Thời gian',
  'Mã khách hàng',
  'Tên khách hàng',
  'Điện thoại',
  'Khách cần trả',
];
const ROWS = [
  ['HD000123', '05/03/2026 14:20', 'KH000045', 'Nguyễn Thị Hoà', '0903123456', '1.250.000'],
  ['HD000124', '17/03/2026 09:05', 'KH000046', 'Trần Văn Đức', '0912000111', '350.000'],
];

function csv(separator: string, rows: string[][], lineEnd = '\n'): string {
  return rows.map((row) => row.join(separator)).join(lineEnd) + lineEnd;
}

describe('detectSeparator', () => {
  it.each([
    [',', 'comma'],
    [';', 'semicolon'],
    ['\t', 'tab'],
  ] as const)('finds %j (%s) in a KiotViet export', (separator, _name) => {
    expect(detectSeparator(csv(separator, [KIOTVIET_HEADER, ...ROWS]))).toBe(separator);
  });

  it('picks the semicolon when unquoted decimal commas vary from line to line', () => {
    const text = 'Mã HĐ;Ngày;Tổng tiền\nHD1;01/02/2026;12,5\nHD2;02/02/2026;7\nHD3;03/02/2026;1,25\n';
    expect(detectSeparator(text)).toBe(';');
  });

  it('does not count separators inside quotes', () => {
    const text = 'Mã HĐ;Địa chỉ;Tổng\nHD1;"12 Lê Lợi, Q1, HCM";100\nHD2;"3 Hai Bà Trưng, Q3";200\n';
    expect(detectSeparator(text)).toBe(';');
  });

  it('takes the comma for a one-column file', () => {
    expect(detectSeparator('Điện thoại\n0903123456\n')).toBe(',');
  });
});

describe('parseCsv', () => {
  it('reads comma, semicolon and tab files alike, with LF or CRLF line ends', () => {
    for (const separator of [',', ';', '\t']) {
      for (const lineEnd of ['\n', '\r\n']) {
        expect(parseCsv(csv(separator, [KIOTVIET_HEADER, ...ROWS], lineEnd))).toEqual([
          KIOTVIET_HEADER,
          ...ROWS,
        ]);
      }
    }
  });

  it('keeps quoted separators, doubled quotes and line breaks inside a field', () => {
    const text =
      'Mã khách hàng,Tên khách hàng,Địa chỉ,Ghi chú\r\n' +
      'KH01,"Lê Thị ""Bé"" Ba","12 Lê Lợi, Q1\r\nTP. Hồ Chí Minh",VIP\r\n' +
      'KH02,Phạm Minh,"",\r\n';
    expect(parseCsv(text)).toEqual([
      ['Mã khách hàng', 'Tên khách hàng', 'Địa chỉ', 'Ghi chú'],
      ['KH01', 'Lê Thị "Bé" Ba', '12 Lê Lợi, Q1\r\nTP. Hồ Chí Minh', 'VIP'],
      ['KH02', 'Phạm Minh', '', ''],
    ]);
  });

  it('keeps leading zeros and a quote inside an unquoted field as text', () => {
    expect(parseCsv('Điện thoại,Sản phẩm\n0903123456,Tivi 55" Sony\n')).toEqual([
      ['Điện thoại', 'Sản phẩm'],
      ['0903123456', 'Tivi 55" Sony'],
    ]);
  });

  it('keeps blank lines as rows so data-issue row numbers match the file', () => {
    expect(parseCsv('Mã HĐ,Tổng\nHD1,10\n\nHD2,20')).toEqual([
      ['Mã HĐ', 'Tổng'],
      ['HD1', '10'],
      [''],
      ['HD2', '20'],
    ]);
  });

  it('reads a line whose quote is never closed with the quote as a character, and the lines after it as rows', () => {
    expect(parseCsv('a,b\n1,"open\n2,3\n')).toEqual([
      ['a', 'b'],
      ['1', '"open'],
      ['2', '3'],
    ]);
  });

  it('still reads a quoted field over several lines when its lines do not look like records', () => {
    const text = 'Mã,Địa chỉ,Tổng,Ghi chú\nKH1,"Số 1, Ngõ 2\nPhường 3, Quận 4\nHà Nội",10,x\nKH2,b,20,y\n';
    expect(readCsvText(text, 'k.csv')).toEqual({
      rows: [
        ['Mã', 'Địa chỉ', 'Tổng', 'Ghi chú'],
        ['KH1', 'Số 1, Ngõ 2\nPhường 3, Quận 4\nHà Nội', '10', 'x'],
        ['KH2', 'b', '20', 'y'],
      ],
      separator: ',',
      problems: [],
      notes: [],
    });
  });

  it('reports a stray quote that would swallow the following records, with its line, and recovers them', () => {
    const text =
      'Mã,Ngày,Tổng\nHD1,"01/03/2026,10\nHD2,02/03/2026,20\nHD3,03/03/2026,"30"\nHD4,04/03/2026,40\n';
    const reading = readCsvText(text, 'h.csv');
    expect(reading.rows.slice(0, 5)).toEqual([
      ['Mã', 'Ngày', 'Tổng'],
      ['HD1', '"01/03/2026', '10'],
      ['HD2', '02/03/2026', '20'],
      ['HD3', '03/03/2026', '30'],
      ['HD4', '04/03/2026', '40'],
    ]);
    expect(reading.problems).toEqual([
      expect.objectContaining({ code: 'unclosed-quote', row: 2, line: 2, field: 1 }),
    ]);
    expect(reading.problems[0]!.message).toMatch(/^Line 2: the quote that opens field 2 is never closed/);
  });

  it('reads old-Mac CR line ends as rows, with a note', () => {
    const reading = readCsvText('Mã,Tổng\rHD1,10\rHD2,20\r', 'mac.csv');
    expect(reading.rows).toEqual([
      ['Mã', 'Tổng'],
      ['HD1', '10'],
      ['HD2', '20'],
    ]);
    expect(reading.notes).toEqual(['mac.csv: old Mac line ends (CR alone) read as line breaks.']);
  });

  it('reports a line holding several records (line breaks lost), and refuses a file made mostly of one', () => {
    const records = Array.from({ length: 50 }, (_, i) => `HD${i},01/03/2026,${i}`);
    const some = readCsvText(['Mã,Ngày,Tổng', ...records, records.slice(0, 5).join(',')].join('\n'), 's.csv');
    expect(some.problems).toEqual([expect.objectContaining({ code: 'joined-lines', row: 52, line: 52 })]);
    expect(some.problems[0]!.message).toContain('has 15 fields where the header has 3');
    expect(() => readCsvText(['Mã,Ngày,Tổng', records.join(',')].join('\n'), 'one.csv')).toThrow(
      /^"one\.csv" cannot be read as rows: line 2 holds 150 fields where the header has 3/,
    );
  });

  it('parses 200,000 invoice lines, some of them quoted, into the right rows', () => {
    const lines = ['Mã hóa đơn,Thời gian,Mã khách hàng,Tên khách hàng,Khách cần trả'];
    for (let i = 0; i < 200_000; i++) {
      const name = i % 10 === 0 ? '"Nguyễn, Văn A"' : 'Trần Thị B';
      lines.push(
        `HD${String(i).padStart(7, '0')},05/03/2026 14:20,KH${i % 20_000},${name},${(i % 97) * 1000}`,
      );
    }
    const rows = parseCsv(lines.join('\n'));
    expect(rows).toHaveLength(200_001);
    expect(rows[11]).toEqual(['HD0000010', '05/03/2026 14:20', 'KH10', 'Nguyễn, Văn A', '10000']);
  });
});

describe('decodeCsv and readCsvFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'segment-tabs-csv-'));

  it('drops a UTF-8 BOM so the first header is found', () => {
    const path = join(dir, 'bom.csv');
    writeFileSync(
      path,
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv(';', [KIOTVIET_HEADER, ...ROWS]))]),
    );
    const rows = readCsvFile(path);
    expect(rows[0]![0]).toBe('Mã hóa đơn');
    expect(rows).toEqual([KIOTVIET_HEADER, ...ROWS]);
  });

  it('reads Excel\'s UTF-16 "Unicode text" export', () => {
    const text = csv('\t', [KIOTVIET_HEADER, ...ROWS]);
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect(parseCsv(decodeCsv(bytes, 'unicode.txt'))).toEqual([KIOTVIET_HEADER, ...ROWS]);
  });

  it('refuses a Windows code page file rather than garbling Vietnamese names', () => {
    // "Hoà" in Windows-1258: H o (a + combining grave 0xCC)… any byte ≥ 0x80 alone is not UTF-8.
    const bytes = Buffer.from([0x48, 0x6f, 0xe0, 0x2c, 0x31, 0x0a]);
    expect(() => decodeCsv(bytes, 'khach.csv')).toThrow(CsvEncodingError);
    expect(() => decodeCsv(bytes, 'khach.csv')).toThrow(
      '"khach.csv" is not UTF-8 text (line 1 has bytes of another encoding, such as Windows-1258 or Windows-1252). Save it again as "CSV UTF-8" (Excel: Save As → CSV UTF-8).',
    );
  });
});

describe('sniffFile', () => {
  it.each([
    ['an .xlsx (zip)', [0x50, 0x4b, 0x03, 0x04, 0x14], 'xlsx'],
    ['an old .xls', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1], 'xls'],
    ['no bytes', [], 'empty'],
    ['a BOM and blank lines', [0xef, 0xbb, 0xbf, 0x0d, 0x0a, 0x20], 'empty'],
    ['a NUL among text', [0x61, 0x00, 0x00, 0x00, 0x62, 0x63, 0x00, 0x00], 'binary'],
    ['UTF-16 without a BOM', [...Buffer.from('Mã,Tổng\n', 'utf16le')], 'text'],
    ['CSV text', [...Buffer.from('Mã,Tổng\n')], 'text'],
  ])('tells %s', (_, bytes, kind) => {
    expect(sniffFile(Uint8Array.from(bytes as number[]))).toBe(kind);
  });
});
