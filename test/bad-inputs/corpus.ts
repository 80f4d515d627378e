/**
 * The bad-input corpus: a generator that writes input files damaged the ways real POS exports and real users
 * damage them, each with what the command line must do about it. Cases are grouped by class (output paths, file
 * kinds, encodings, line ends, quoting, separators, layout, dates, money, phones, statuses, walk-ins, formulas,
 * workbooks, output cells, messages, options, duplicates, and the run-level checks), so that another corpus "of
 * the same kinds" exercises the same mechanisms rather than the same files.
 *
 * Every file is written by our code: CSV as text or raw bytes (Buffer writes for byte-level damage), workbooks
 * with ExcelJS. Nothing is checked in.
 */
import { chmodSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { IssueCode } from '../../src/core/issues';

/** A Data-issues row the run must list: its code, and its cell (`D17`, a row `17`, '' for none) when given. */
export interface ExpectedIssue {
  code: IssueCode | 'conflicting-invoice-total';
  cell?: string;
  sheet?: string;
}

export interface Expected {
  code: 0 | 1 | 2;
  /** Fragments stderr must hold (case-sensitive). */
  stderr?: (string | RegExp)[];
  /** Fragments stdout must hold. */
  stdout?: (string | RegExp)[];
  /** Stderr must be at most this long (messages quote short excerpts of the input only). */
  stderrMax?: number;
  issues?: ExpectedIssue[];
  /** Codes that must not appear on the Data-issues tab. */
  noIssues?: IssueCode[];
  totals?: { invoices?: number; customers?: number; revenue?: number };
  /** Extra checks on the `--json` output. */
  json?: (json: Record<string, unknown>) => void;
  /** Extra checks on the written workbook. */
  workbook?: (workbook: ExcelJS.Workbook) => void;
}

export interface BadCase {
  group: string;
  name: string;
  /** Arguments after the program name; `--lang en` and `--json` are added unless `plain` is set. */
  argv: string[];
  plain?: boolean;
  expected: Expected;
  /** Depends on the lead engineer's concurrent work (money, invoice reading, engine, header detection). */
  contract?: string;
}

export const AS_OF = '2026-05-01';

/** The base shop: 8 invoices of 6 customers, 1,250,000 ₫ in all, dates with days over 12 (day first). */
export const INVOICE_HEADER = [
  'Mã hóa đơn',
  'Thời gian',
  'Mã khách hàng',
  'Tên khách hàng',
  'Điện thoại',
  'Khách cần trả',
  'Trạng thái',
];
export const INVOICES: string[][] = [
  ['HD01', '05/03/2026 10:00', 'KH01', 'Nguyễn Thị Hoà', '0901000001', '100000', 'Hoàn thành'],
  ['HD02', '06/03/2026 11:30', 'KH02', 'Trần Văn Đức', '0901000002', '200000', 'Hoàn thành'],
  ['HD03', '13/03/2026 09:15', 'KH03', 'Lê Minh Anh', '0901000003', '300000', 'Hoàn thành'],
  ['HD04', '20/03/2026 14:05', 'KH01', 'Nguyễn Thị Hoà', '0901000001', '150000', 'Hoàn thành'],
  ['HD05', '25/03/2026 18:40', 'KH04', 'Phạm Thu Hương', '0901000004', '250000', 'Hoàn thành'],
  ['HD06', '02/04/2026 08:00', 'KH05', 'Hoàng Quốc Bảo', '0901000005', '50000', 'Hoàn thành'],
  ['HD07', '15/04/2026 20:20', 'KH02', 'Trần Văn Đức', '0901000002', '120000', 'Hoàn thành'],
  ['HD08', '28/04/2026 12:00', 'KH06', 'Võ Thị Lan', '0901000006', '80000', 'Hoàn thành'],
];
/** The same columns with a line amount (`Thành tiền`): lines of one invoice are summed. */
export const LINE_HEADER = INVOICE_HEADER.map((header) =>
  header === 'Khách cần trả' ? 'Thành tiền' : header,
);
export const BASE_TOTALS = { invoices: 8, customers: 6, revenue: 1_250_000 };

export const CUSTOMER_HEADER = ['Mã khách hàng', 'Tên khách hàng', 'Điện thoại', 'Email', 'Ngày sinh'];
export const CUSTOMERS: string[][] = [
  ['KH01', 'Nguyễn Thị Hoà', '0901000001', 'hoa@example.com', '14/11/1996'],
  ['KH02', 'Trần Văn Đức', '0901000002', '', '09/01/1995'],
  ['KH03', 'Lê Minh Anh', '0901000003', 'anh@example.com', '23/07/2001'],
  ['KH04', 'Phạm Thu Hương', '0901000004', '', ''],
  ['KH05', 'Hoàng Quốc Bảo', '0901000005', 'bao@example.com', '30/12/1988'],
  ['KH06', 'Võ Thị Lan', '0901000006', '', '01/05/1979'],
];

/** One CSV field, quoted when it must be. */
function field(value: string, separator: string): string {
  return value.includes(separator) || value.includes('"') || /[\r\n]/.test(value)
    ? `"${value.replace(/"/g, '""')}"`
    : value;
}

export function csv(rows: string[][], separator = ',', lineEnd = '\n'): string {
  return (
    rows.map((row) => row.map((value) => field(value, separator)).join(separator)).join(lineEnd) + lineEnd
  );
}

const invoicesWith = (change: (rows: string[][]) => string[][]) => change(INVOICES.map((row) => [...row]));

/** The invoice rows with one cell replaced (0-based data row, column index). */
function withCell(row: number, column: number, value: string): string[][] {
  return invoicesWith((rows) => {
    rows[row]![column] = value;
    return rows;
  });
}

/** Windows-1258/1252 bytes of text whose letters are Latin-1 (the bytes ≥ 0x80 are not UTF-8). */
function latin1(text: string): Buffer {
  return Buffer.from(text, 'latin1');
}

async function writeWorkbook(
  path: string,
  sheets: { name: string; rows: (string | number | Date)[][]; state?: 'visible' | 'hidden' | 'veryHidden' }[],
): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(sheet.name, { state: sheet.state ?? 'visible' });
    for (const row of sheet.rows) worksheet.addRow(row);
  }
  await workbook.xlsx.writeFile(path);
}

async function workbookBytes(
  dir: string,
  sheets: Parameters<typeof writeWorkbook>[1],
  name = 'wb-tmp.xlsx',
): Promise<Buffer> {
  const path = join(dir, name);
  await writeWorkbook(path, sheets);
  return readFileSync(path);
}

/**
 * Writes the corpus into `dir` and returns its cases at once (so a test file can name one test per case) and
 * `ready`, which resolves when the workbooks, written asynchronously by ExcelJS, are on disk. Paths in `argv` are
 * relative to `dir` (the CLI's cwd).
 */
export function writeCorpus(dir: string): { cases: BadCase[]; ready: Promise<unknown> } {
  const cases: BadCase[] = [];
  const pending: Promise<unknown>[] = [];
  const defer = (promise: Promise<unknown>) => pending.push(promise);
  let n = 0;
  const file = (name: string, content: string | Buffer): string => {
    const path = join(dir, name);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, content);
    return name;
  };
  const add = (
    group: string,
    name: string,
    argv: string[],
    expected: Expected,
    extra: Partial<BadCase> = {},
  ) => cases.push({ group, name, argv, expected, ...extra });
  /** Writes an invoices CSV and returns its argv with an output of its own. */
  const inv = (name: string, content: string | Buffer, more: string[] = []): string[] => [
    file(`${name}.csv`, content),
    ...more,
    '-o',
    `out/${name}-${++n}.xlsx`,
    '--as-of',
    AS_OF,
  ];
  const base = file('base-invoices.csv', csv([INVOICE_HEADER, ...INVOICES]));
  const baseCustomers = file('base-customers.csv', csv([CUSTOMER_HEADER, ...CUSTOMERS]));
  const out = (name: string) => ['-o', `out/${name}-${++n}.xlsx`, '--as-of', AS_OF];

  // ── Output paths ────────────────────────────────────────────────────────────────────────────────────────
  const readOnly = join(dir, 'read-only');
  mkdirSync(readOnly, { recursive: true });
  chmodSync(readOnly, 0o555);
  add('output-path', 'into a read-only folder', [base, '-o', 'read-only/out.xlsx', '--as-of', AS_OF], {
    code: 1,
    stderr: ['Cannot write -o read-only/out.xlsx: no permission to write in that folder.'],
  });
  add('output-path', 'under an existing file', [base, '-o', 'base-invoices.csv/out.xlsx', '--as-of', AS_OF], {
    code: 2,
    stderr: ['"base-invoices.csv" is a file, not a folder'],
  });
  add('output-path', 'deep under an existing file', [base, '-o', 'base-invoices.csv/a/b/out.xlsx'], {
    code: 2,
    stderr: ['"base-invoices.csv" is a file, not a folder'],
  });
  mkdirSync(join(dir, 'existing-folder.xlsx'), { recursive: true });
  add('output-path', 'onto an existing folder', [base, '-o', 'existing-folder.xlsx'], {
    code: 2,
    stderr: ['-o existing-folder.xlsx is a folder: give a file name'],
  });
  add(
    'output-path',
    'a missing parent folder is created',
    [base, '-o', 'new/folder/out.xlsx', '--as-of', AS_OF],
    {
      code: 0,
      totals: { invoices: 8, revenue: BASE_TOTALS.revenue },
    },
  );
  add('output-path', 'onto an input', [base, '-o', 'base-invoices.csv'], {
    code: 2,
    stderr: ['must be an .xlsx file'],
  });
  const inputXlsx = join(dir, 'input-book.xlsx');
  defer(writeWorkbook(inputXlsx, [{ name: 'Hóa đơn', rows: [INVOICE_HEADER, ...INVOICES] }]));
  add('output-path', 'onto the input workbook', ['input-book.xlsx', '-o', 'input-book.xlsx'], {
    code: 2,
    stderr: ['is an input file'],
  });
  symlinkSync(inputXlsx, join(dir, 'link-to-input.xlsx'));
  add('output-path', 'onto a link to the input', ['input-book.xlsx', '-o', 'link-to-input.xlsx'], {
    code: 2,
    stderr: ['is an input file'],
  });
  add('output-path', 'no output given', [base], { code: 2, stderr: ['No output file'] });

  // ── File kinds ──────────────────────────────────────────────────────────────────────────────────────────
  add('file-kind', 'missing input file', ['khong-co.csv', ...out('missing')], {
    code: 1,
    stderr: ['File not found'],
  });
  add('file-kind', 'input is a folder', ['existing-folder.xlsx', ...out('folder')], {
    code: 1,
    stderr: ['Not a file'],
  });
  add('file-kind', 'empty file', inv('empty', ''), { code: 1, stderr: ['is empty (0 bytes)'] });
  add('file-kind', 'only a BOM and blank lines', inv('bom-only', Buffer.from('\uFEFF\r\n\r\n  \n')), {
    code: 1,
    stderr: ['is empty'],
  });
  add(
    'file-kind',
    'binary file',
    inv('binary', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3])),
    {
      code: 1,
      stderr: ['is not a spreadsheet: it holds binary data'],
    },
  );
  defer(
    workbookBytes(dir, [{ name: 'Hóa đơn', rows: [INVOICE_HEADER, ...INVOICES] }]).then((bytes) => {
      file('workbook-renamed.csv', bytes);
      file('truncated.xlsx', bytes.subarray(0, Math.floor(bytes.length / 2)));
    }),
  );
  add('file-kind', 'an .xlsx renamed .csv', ['workbook-renamed.csv', ...out('workbook-renamed')], {
    code: 0,
    stderr: ['is an Excel workbook (.xlsx) whatever its name says'],
    totals: { invoices: 8, revenue: BASE_TOTALS.revenue },
  });
  file('csv-renamed.xlsx', csv([INVOICE_HEADER, ...INVOICES]));
  add('file-kind', 'a .csv renamed .xlsx', ['csv-renamed.xlsx', ...out('csv-renamed')], {
    code: 0,
    stderr: ['is CSV text, not an Excel workbook'],
    totals: { invoices: 8, revenue: BASE_TOTALS.revenue },
  });
  file(
    'old.xlsx',
    Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]),
  );
  add('file-kind', 'an old .xls', ['old.xlsx', ...out('old-xls')], {
    code: 1,
    stderr: ['is an old Excel 97–2003 workbook (.xls)'],
  });
  file('damaged.xlsx', Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(300, 0x41)]));
  add('file-kind', 'a damaged workbook', ['damaged.xlsx', ...out('damaged')], {
    code: 1,
    stderr: ['as an Excel (.xlsx) workbook: the file is damaged or not a workbook'],
  });
  add('file-kind', 'a workbook cut in half', ['truncated.xlsx', ...out('truncated')], {
    code: 1,
    stderr: ['the file is damaged or not a workbook'],
  });
  add('file-kind', 'a workbook given with a CSV', ['input-book.xlsx', baseCustomers, ...out('mixed')], {
    code: 2,
    stderr: ['Give one .xlsx file (its sheets are read), or one or two .csv files, not both.'],
  });
  add(
    'file-kind',
    'a workbook named .csv given with a CSV',
    ['workbook-renamed.csv', baseCustomers, ...out('mixed-renamed')],
    {
      code: 1,
      stderr: ['"workbook-renamed.csv" is an Excel workbook: give it alone'],
    },
  );
  add(
    'file-kind',
    'a PDF',
    inv('report', Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from([0, 0, 0xff, 0xd8])])),
    {
      code: 1,
      stderr: ['binary data'],
    },
  );

  // ── Encodings ───────────────────────────────────────────────────────────────────────────────────────────
  const text = csv([INVOICE_HEADER, ...INVOICES]);
  add(
    'encoding',
    'UTF-8 with BOM',
    inv('bom', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])),
    {
      code: 0,
      totals: { invoices: 8, customers: 6, revenue: BASE_TOTALS.revenue },
    },
  );
  const tabText = csv([INVOICE_HEADER, ...INVOICES], '\t', '\r\n');
  add(
    'encoding',
    'UTF-16 LE with BOM (Excel Unicode text)',
    inv('utf16le', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(tabText, 'utf16le')])),
    { code: 0, totals: { invoices: 8, revenue: BASE_TOTALS.revenue } },
  );
  const be = Buffer.from(tabText, 'utf16le');
  for (let i = 0; i < be.length; i += 2) [be[i], be[i + 1]] = [be[i + 1]!, be[i]!];
  add('encoding', 'UTF-16 BE with BOM', inv('utf16be', Buffer.concat([Buffer.from([0xfe, 0xff]), be])), {
    code: 0,
    totals: { invoices: 8, revenue: BASE_TOTALS.revenue },
  });
  add('encoding', 'UTF-16 LE without BOM', inv('utf16-nobom', Buffer.from(tabText, 'utf16le')), {
    code: 0,
    totals: { invoices: 8, revenue: BASE_TOTALS.revenue },
  });
  add(
    'encoding',
    'Windows-1258 bytes',
    inv(
      'cp1258',
      Buffer.concat([Buffer.from('Ma HD,Ngay,Ma KH,Tong\n'), latin1('HD1,05/03/2026,KH1,Ho\xe0 \xd0\xf4\n')]),
    ),
    { code: 1, stderr: ['is not UTF-8 text (line 2 has bytes of another encoding', 'CSV UTF-8'] },
  );
  add(
    'encoding',
    'Windows-1252 bytes deep in the file',
    inv(
      'cp1252',
      Buffer.concat([Buffer.from(text), latin1('HD09,29/04/2026 10:00,KH07,Jos\xe9,0901000007,1000,\n')]),
    ),
    { code: 1, stderr: ['(line 10 has bytes of another encoding'] },
  );
  add('encoding', 'names in NFD (copied on a Mac)', inv('nfd', text.normalize('NFD')), {
    code: 0,
    totals: { invoices: 8, customers: 6, revenue: BASE_TOTALS.revenue },
  });

  // ── Line ends ───────────────────────────────────────────────────────────────────────────────────────────
  add('line-ends', 'CRLF', inv('crlf', csv([INVOICE_HEADER, ...INVOICES], ',', '\r\n')), {
    code: 0,
    totals: BASE_TOTALS,
  });
  add('line-ends', 'old-Mac CR only', inv('cr-only', csv([INVOICE_HEADER, ...INVOICES], ',', '\r')), {
    code: 0,
    stderr: ['old Mac line ends (CR alone) read as line breaks'],
    totals: BASE_TOTALS,
  });
  add(
    'line-ends',
    'mixed CRLF and LF',
    inv(
      'mixed-ends',
      [INVOICE_HEADER, ...INVOICES].map((row, i) => row.join(',') + (i % 2 ? '\r\n' : '\n')).join(''),
    ),
    { code: 0, totals: BASE_TOTALS },
  );
  add('line-ends', 'no final line end', inv('no-final', text.trimEnd()), { code: 0, totals: BASE_TOTALS });
  add('line-ends', 'blank lines at the end', inv('trailing-blank', text + '\n\n,,,,,,\n\n'), {
    code: 0,
    totals: BASE_TOTALS,
  });

  // ── Quoting ─────────────────────────────────────────────────────────────────────────────────────────────
  const lines = text.split('\n');
  const unclosed = [...lines];
  unclosed[3] = unclosed[3]!.replace('Lê Minh Anh', '"Lê Minh Anh');
  add('quoting', 'unclosed quote in one row', inv('unclosed', unclosed.join('\n')), {
    code: 0,
    issues: [{ code: 'unclosed-quote', cell: 'D4' }],
    totals: BASE_TOTALS,
  });
  const unclosedLast = [...lines];
  unclosedLast[8] = unclosedLast[8]!.replace('Võ Thị Lan', '"Võ Thị Lan');
  add(
    'quoting',
    'unclosed quote on the last row (runs to the end)',
    inv('unclosed-last', unclosedLast.join('\n')),
    {
      code: 0,
      issues: [{ code: 'unclosed-quote', cell: 'D9' }],
      totals: BASE_TOTALS,
    },
  );
  const paired = [...lines];
  paired[2] = paired[2]!.replace('Trần Văn Đức', '"Trần Văn Đức');
  paired[6] = paired[6]!.replace('Hoàng Quốc Bảo', 'Hoàng "Quốc" Bảo"');
  add('quoting', 'a stray quote that a later quote would close', inv('stray-pair', paired.join('\n')), {
    code: 0,
    issues: [{ code: 'unclosed-quote', cell: 'D3' }],
    totals: BASE_TOTALS,
  });
  add(
    'quoting',
    'a quoted note over three lines is one cell',
    inv(
      'multiline',
      csv([
        [...INVOICE_HEADER, 'Ghi chú'],
        ...INVOICES.map((row, i) => [...row, i === 2 ? 'Giao tận nơi,\ntầng 3,\ngọi trước' : '']),
      ]),
    ),
    { code: 0, totals: BASE_TOTALS, noIssues: ['unclosed-quote' as IssueCode] },
  );
  add(
    'quoting',
    'doubled quotes and a quote inside a field',
    inv(
      'quotes-inside',
      csv(
        invoicesWith(
          (rows) => (
            (rows[1]![3] = 'Trần "Đức" Văn'),
            (rows[4]![3] = 'Tivi 55" Sony'),
            [INVOICE_HEADER, ...rows]
          ),
        ),
      ),
    ),
    { code: 0, totals: BASE_TOTALS, noIssues: ['unclosed-quote' as IssueCode] },
  );
  add(
    'quoting',
    'header and one huge line (line breaks lost)',
    inv('one-huge-line', lines[0] + '\n' + lines.slice(1).join(',').repeat(1) + '\n'),
    {
      code: 1,
      stderr: ['cannot be read as rows: line 2 holds', 'line breaks were lost'],
    },
  );
  add(
    'quoting',
    'the whole file on one line',
    inv('one-line', Array(60).fill(lines.slice(1, 9).join(',')).join(',')),
    {
      code: 1,
      stderr: ['cannot be read as rows: it is one line of'],
    },
  );
  const joined = [...lines.slice(0, 7), lines.slice(7, 9).join(',') + ',' + lines[7], ''];
  add('quoting', 'two records run together in one line among normal rows', inv('joined', joined.join('\n')), {
    code: 0,
    issues: [{ code: 'joined-lines', cell: '8' }],
  });

  // ── Separators ──────────────────────────────────────────────────────────────────────────────────────────
  add('separator', 'semicolons', inv('semicolon', csv([INVOICE_HEADER, ...INVOICES], ';')), {
    code: 0,
    totals: BASE_TOTALS,
  });
  add('separator', 'tabs', inv('tabs', csv([INVOICE_HEADER, ...INVOICES], '\t')), {
    code: 0,
    totals: BASE_TOTALS,
  });
  add(
    'separator',
    'semicolons with decimal-comma amounts',
    inv(
      'semicolon-decimal',
      csv(
        invoicesWith((rows) => [
          INVOICE_HEADER,
          ...rows.map((row) => ((row[5] = `${Number(row[5]) / 1000},000`), row)),
        ]),
        ';',
      ),
    ),
    { code: 0, totals: BASE_TOTALS },
  );
  add(
    'separator',
    'pipes (not a separator we read)',
    inv('pipes', csv([INVOICE_HEADER, ...INVOICES]).replace(/,/g, '|')),
    {
      code: 1,
      stderr: ['header'],
    },
  );

  // ── Layout ──────────────────────────────────────────────────────────────────────────────────────────────
  add(
    'layout',
    'title rows above the header',
    inv(
      'titles',
      csv([
        ['DANH SÁCH HÓA ĐƠN'],
        ['Từ ngày 01/03/2026 đến ngày 30/04/2026'],
        [''],
        INVOICE_HEADER,
        ...INVOICES,
      ]),
    ),
    { code: 0, totals: BASE_TOTALS },
  );
  add(
    'layout',
    'a repeated header (pasted twice)',
    inv(
      'repeated-header',
      csv([INVOICE_HEADER, ...INVOICES.slice(0, 4), INVOICE_HEADER, ...INVOICES.slice(4)]),
    ),
    {
      code: 0,
      issues: [{ code: 'repeated-header', cell: '6' }],
      totals: BASE_TOTALS,
    },
  );
  add(
    'layout',
    'a totals row at the bottom',
    inv('totals-row', csv([INVOICE_HEADER, ...INVOICES, ['Tổng cộng', '', '', '', '', '1250000', '']])),
    {
      code: 0,
      issues: [{ code: 'totals-row', cell: '10' }],
      totals: BASE_TOTALS,
    },
  );
  add(
    'layout',
    'blank rows inside the data',
    inv(
      'blank-rows',
      csv([INVOICE_HEADER, ...INVOICES.slice(0, 3), [''], ['', '', ''], ...INVOICES.slice(3)]),
    ),
    {
      code: 0,
      totals: BASE_TOTALS,
    },
  );
  add(
    'layout',
    'the whole export pasted twice',
    inv('pasted-twice', csv([INVOICE_HEADER, ...INVOICES, INVOICE_HEADER, ...INVOICES])),
    {
      code: 0,
      issues: [{ code: 'duplicate-row', cell: '11' }],
      totals: BASE_TOTALS,
    },
  );
  add(
    'layout',
    'columns in another order',
    inv(
      'shuffled',
      csv(
        [INVOICE_HEADER, ...INVOICES].map((row) => [
          row[5]!,
          row[3]!,
          row[0]!,
          row[6]!,
          row[1]!,
          row[4]!,
          row[2]!,
        ]),
      ),
    ),
    {
      code: 0,
      totals: BASE_TOTALS,
    },
  );
  add(
    'layout',
    'extra unknown columns',
    inv(
      'extra-columns',
      csv([[...INVOICE_HEADER, 'Cột lạ', 'X'], ...INVOICES.map((row) => [...row, 'abc', '1'])]),
    ),
    {
      code: 0,
      totals: BASE_TOTALS,
    },
  );
  add(
    'layout',
    'unknown headers',
    inv(
      'unknown-headers',
      csv([
        ['foo', 'bar', 'baz'],
        ['1', '2', '3'],
        ['4', '5', '6'],
      ]),
    ),
    {
      code: 1,
      // Read as a header by its shape (labels over numbers): the message names what is missing and what is there.
      stderr: ['has no "Date"', 'foo, bar, baz'],
    },
  );
  add(
    'layout',
    'header only',
    inv('header-only', csv([INVOICE_HEADER])),
    {
      code: 1,
      stderr: ['0 invoices'],
    },
    { contract: 'a run that counts 0 invoices is an error' },
  );

  // ── Dates ───────────────────────────────────────────────────────────────────────────────────────────────
  const dateStyles: [string, (d: number, m: number) => string][] = [
    ['ISO with time', (d, m) => `2026-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}T10:00`],
    ['dd-mm-yyyy (Sapo)', (d, m) => `${String(d).padStart(2, '0')}-${String(m).padStart(2, '0')}-2026 10:00`],
    ['time first (Vietnamese)', (d, m) => `10:00:00 ${d}/${m}/2026`],
    ['month first with PM', (d, m) => `${m}/${d}/26 1:33 PM`],
    ['dd.mm.yyyy', (d, m) => `${d}.${m}.2026`],
  ];
  for (const [style, format] of dateStyles) {
    const rows = INVOICES.map((row) => {
      const [d, m] = row[1]!.split(' ')[0]!.split('/').map(Number) as [number, number];
      return [row[0]!, format(d, m), ...row.slice(2)];
    });
    add(
      'dates',
      `text dates: ${style}`,
      inv(`dates-${style.replace(/\W+/g, '-')}`, csv([INVOICE_HEADER, ...rows])),
      {
        code: 0,
        totals: BASE_TOTALS,
      },
    );
  }
  const ambiguous = INVOICES.map((row, i) => [
    row[0]!,
    `0${(i % 9) + 1}/0${((i + 3) % 9) + 1}/2026`,
    ...row.slice(2),
  ]).map((row, i) => ((row[1] = `${String((i % 4) + 1).padStart(2, '0')}/0${(i % 3) + 1}/2026`), row));
  add('dates', 'ambiguous day/month', inv('ambiguous', csv([INVOICE_HEADER, ...ambiguous])), {
    code: 1,
    stderr: ['Cannot tell day/month order', '--date-order'],
  });
  add(
    'dates',
    'ambiguous day/month with --date-order',
    inv('ambiguous-ordered', csv([INVOICE_HEADER, ...ambiguous]), ['--date-order', 'dmy']),
    {
      code: 0,
      totals: { invoices: 8, revenue: BASE_TOTALS.revenue },
    },
  );
  const serials = [46086, 46087.47916666667, 46094, 46101.5, 46106, 46114, 46127, 46140];
  add(
    'dates',
    'serial numbers as text',
    inv(
      'serials',
      csv([INVOICE_HEADER, ...INVOICES.map((row, i) => [row[0]!, String(serials[i]), ...row.slice(2)])]),
    ),
    {
      code: 0,
      totals: BASE_TOTALS,
    },
  );
  add(
    'dates',
    'a number in a text-date column is not a serial',
    inv('stray-number', csv([INVOICE_HEADER, ...withCell(2, 1, '46094')])),
    {
      code: 0,
      issues: [{ code: 'bad-date', cell: 'B4' }],
    },
  );
  add(
    'dates',
    'a date before 1900',
    inv('date-1899', csv([INVOICE_HEADER, ...withCell(2, 1, '13/03/1899')])),
    {
      code: 0,
      issues: [{ code: 'bad-date', cell: 'B4' }],
      totals: { invoices: 7, revenue: 950_000 },
      workbook: (workbook) => {
        const issues = workbook.getWorksheet('Data issues')!;
        const texts: string[] = [];
        issues.eachRow((row) => texts.push(String(row.getCell(6).value)));
        if (!texts.some((t) => t.includes('expected a date between 1900 and 2100')))
          throw new Error('no range message');
      },
    },
  );
  add(
    'dates',
    'an absurd year',
    inv('date-2206', csv([INVOICE_HEADER, ...withCell(2, 1, '13/03/2206 10:00')])),
    {
      code: 0,
      issues: [{ code: 'bad-date', cell: 'B4' }],
      totals: { invoices: 7 },
    },
  );
  add(
    'dates',
    'an impossible 31/02',
    inv('date-31-02', csv([INVOICE_HEADER, ...withCell(2, 1, '31/02/2026')])),
    {
      code: 0,
      issues: [{ code: 'bad-date', cell: 'B4' }],
      totals: { invoices: 7 },
    },
  );
  add(
    'dates',
    'invoices after the as-of date',
    inv(
      'after-as-of',
      csv([
        INVOICE_HEADER,
        ...INVOICES,
        ['HD09', '15/05/2026 10:00', 'KH01', 'Nguyễn Thị Hoà', '0901000001', '70000', ''],
        ['HD10', '20/06/2026 10:00', 'KH02', 'Trần Văn Đức', '0901000002', '30000', ''],
      ]),
    ),
    {
      code: 0,
      issues: [
        { code: 'future-date', cell: 'B10' },
        { code: 'future-date', cell: 'B11' },
      ],
      totals: BASE_TOTALS,
    },
  );
  const futureBirth = CUSTOMERS.map((row, i) => (i === 2 ? [...row.slice(0, 4), '23/07/2031'] : row));
  add(
    'dates',
    'a birth date in the future',
    [base, file('future-birth.csv', csv([CUSTOMER_HEADER, ...futureBirth])), ...out('future-birth')],
    {
      code: 0,
      issues: [{ code: 'bad-date', cell: 'E4', sheet: 'future-birth.csv' }],
      totals: BASE_TOTALS,
    },
  );
  const birth3102 = CUSTOMERS.map((row, i) => (i === 1 ? [...row.slice(0, 4), '31/02/1995'] : row));
  add(
    'dates',
    'a birth date 31/02',
    [base, file('birth-3102.csv', csv([CUSTOMER_HEADER, ...birth3102])), ...out('birth-3102')],
    {
      code: 0,
      issues: [{ code: 'bad-date', cell: 'E3' }],
      totals: BASE_TOTALS,
    },
  );

  // ── Money ───────────────────────────────────────────────────────────────────────────────────────────────
  const moneyStyles: [string, (v: number) => string][] = [
    ['dot thousands with ₫', (v) => `${v.toLocaleString('de-DE')} ₫`],
    ['đ suffix', (v) => `${v.toLocaleString('de-DE')}đ`],
    ['VND prefix', (v) => `VND ${v.toLocaleString('de-DE')}`],
    ['comma thousands', (v) => v.toLocaleString('en-US')],
    ['đồng suffix', (v) => `${v.toLocaleString('de-DE')} đồng`],
  ];
  for (const [style, format] of moneyStyles) {
    add(
      'money',
      `amounts: ${style}`,
      inv(
        `money-${style.replace(/\W+/g, '-')}`,
        csv([
          INVOICE_HEADER,
          ...INVOICES.map((row) => [...row.slice(0, 5), format(Number(row[5])), row[6]!]),
        ]),
      ),
      {
        code: 0,
        totals: BASE_TOTALS,
      },
    );
  }
  add(
    'money',
    'an unreadable amount',
    inv('money-bad', csv([INVOICE_HEADER, ...withCell(3, 5, 'một trăm')])),
    {
      code: 0,
      issues: [{ code: 'bad-amount', cell: 'F5' }],
      totals: { invoices: 7, revenue: 1_100_000 },
    },
  );
  add(
    'money',
    'an amount of 400 digits',
    inv('money-huge', csv([INVOICE_HEADER, ...withCell(3, 5, '9'.repeat(400))])),
    {
      code: 0,
      stderrMax: 2000,
      issues: [{ code: 'bad-amount', cell: 'F5' }],
      totals: { revenue: 1_100_000 },
      json: (json) => {
        if (!Number.isFinite(json.revenue)) throw new Error('revenue is not finite');
      },
      workbook: (workbook) => {
        const texts: string[] = [];
        workbook.getWorksheet('Data issues')!.eachRow((row) => texts.push(String(row.getCell(6).value)));
        if (!texts.some((t) => t.includes('too large'))) throw new Error('no "too large" message');
      },
    },
    { contract: 'an amount too large to be exact is a bad-amount issue saying "too large"' },
  );
  add(
    'money',
    'an amount beyond 15 significant digits',
    inv('money-16-digits', csv([INVOICE_HEADER, ...withCell(3, 5, '1234567890123456789')])),
    {
      code: 0,
      issues: [{ code: 'bad-amount', cell: 'F5' }],
    },
    { contract: 'an amount too large to be exact is a bad-amount issue saying "too large"' },
  );

  // ── Phones ──────────────────────────────────────────────────────────────────────────────────────────────
  const spellings = [
    '+84 901 000 001',
    '84901000002',
    '901000003',
    '0901.000.004',
    '0901-000-005',
    '(+84) 90 100 0006',
  ];
  const phoneOnly = INVOICES.map((row) => [
    row[0]!,
    row[1]!,
    '',
    row[3]!,
    spellings[Number(row[2]!.slice(2)) - 1]!,
    row[5]!,
    row[6]!,
  ]);
  add(
    'phones',
    'phones in many spellings match the customers',
    [file('phones.csv', csv([INVOICE_HEADER, ...phoneOnly])), baseCustomers, ...out('phones')],
    {
      code: 0,
      totals: BASE_TOTALS,
      noIssues: ['unmatched-invoice', 'bad-phone'],
    },
  );
  add(
    'phones',
    'leading-zero phones stay text in the output',
    [base, baseCustomers, ...out('leading-zero')],
    {
      code: 0,
      totals: BASE_TOTALS,
      workbook: (workbook) => {
        const customers = workbook.getWorksheet('RFM Customers')!;
        let found = false;
        customers.eachRow((row) => row.eachCell((cell) => (found ||= cell.value === '0901000001')));
        if (!found) throw new Error('phone 0901000001 not written as text');
      },
    },
  );
  add(
    'phones',
    'an invalid phone',
    [
      base,
      file(
        'bad-phone.csv',
        csv([
          CUSTOMER_HEADER,
          ...CUSTOMERS.map((row, i) => (i === 3 ? [row[0]!, row[1]!, '12345', ...row.slice(3)] : row)),
        ]),
      ),
      ...out('bad-phone'),
    ],
    {
      code: 0,
      issues: [{ code: 'bad-phone', cell: 'C5' }],
    },
  );
  add(
    'phones',
    'old 11-digit mobile prefixes',
    [
      file(
        'old-prefix.csv',
        csv([
          INVOICE_HEADER,
          ...INVOICES.map((row, i) =>
            i === 0 ? [row[0]!, row[1]!, '', row[3]!, '01689123456', row[5]!, row[6]!] : row,
          ),
        ]),
      ),
      ...out('old-prefix'),
    ],
    {
      code: 0,
      totals: { invoices: 8, revenue: BASE_TOTALS.revenue },
    },
  );

  // ── Statuses and negative lines ─────────────────────────────────────────────────────────────────────────
  add(
    'statuses',
    'cancelled invoices',
    inv('cancelled', csv([INVOICE_HEADER, ...withCell(2, 6, 'Đã hủy')])),
    {
      code: 0,
      issues: [{ code: 'cancelled-invoice', cell: '4' }],
      totals: { invoices: 7, revenue: 950_000 },
    },
  );
  add(
    'statuses',
    'returned invoices',
    inv('returned', csv([INVOICE_HEADER, ...withCell(4, 6, 'Trả hàng')])),
    {
      code: 0,
      totals: { invoices: 7, revenue: 1_000_000 },
    },
  );
  add(
    'statuses',
    'negative lines net out inside an invoice',
    inv(
      'negative-lines',
      csv([
        LINE_HEADER,
        ...INVOICES,
        ['HD03', '13/03/2026 09:15', 'KH03', 'Lê Minh Anh', '0901000003', '-100000', 'Hoàn thành'],
      ]),
    ),
    {
      code: 0,
      totals: { invoices: 8, revenue: 1_150_000 },
    },
  );
  add(
    'statuses',
    'a return note of negative lines only',
    inv(
      'return-note',
      csv([
        LINE_HEADER,
        ...INVOICES,
        ['TH01', '16/04/2026 10:00', 'KH02', 'Trần Văn Đức', '0901000002', '-20000', 'Hoàn thành'],
      ]),
    ),
    {
      code: 0,
      totals: { invoices: 9, revenue: 1_230_000 },
    },
  );

  // ── Walk-in sales ───────────────────────────────────────────────────────────────────────────────────────
  const walkIns = [
    ...INVOICES,
    ['HD09', '29/04/2026 10:00', '', 'Khách lẻ', '', '90000', 'Hoàn thành'],
    ['HD10', '30/04/2026 10:00', '', 'Khách lẻ', '', '60000', 'Hoàn thành'],
  ];
  add('walk-in', 'walk-in sales count in no customer', inv('walk-in', csv([INVOICE_HEADER, ...walkIns])), {
    code: 0,
    noIssues: ['unmatched-invoice'],
    totals: { customers: 6, revenue: BASE_TOTALS.revenue },
  });
  add(
    'walk-in',
    'walk-in sales in the facts and the table',
    inv('walk-in-facts', csv([INVOICE_HEADER, ...walkIns])),
    {
      code: 0,
      json: (json) => {
        const facts = json.facts as Record<string, number> | undefined;
        if (!facts || facts.totalSales !== 1_400_000 || facts.walkInSales !== 150_000)
          throw new Error(`facts: ${JSON.stringify(facts)}`);
        if (!(facts.memberShare! > 0.89 && facts.memberShare! < 0.9)) throw new Error('memberShare');
      },
    },
    { contract: '--json facts gain totalSales, walkInSales and memberShare' },
  );
  add(
    'walk-in',
    'the printed table shows total sales',
    [...inv('walk-in-table', csv([INVOICE_HEADER, ...walkIns])), '--lang', 'en'],
    {
      code: 0,
      stdout: [/[Tt]otal sales/],
    },
    { plain: true, contract: 'the printed table shows total sales' },
  );

  // ── Formula-looking text ────────────────────────────────────────────────────────────────────────────────
  const formulaCustomers = CUSTOMERS.map((row, i) =>
    i === 0
      ? [row[0]!, '=HYPERLINK("http://x.example","bấm")', ...row.slice(2)]
      : i === 1
        ? [row[0]!, '+84 khách', ...row.slice(2)]
        : i === 2
          ? [row[0]!, '@SUM(A1)', ...row.slice(2)]
          : row,
  );
  add(
    'formula',
    'names that look like formulas stay text',
    [base, file('formula.csv', csv([CUSTOMER_HEADER, ...formulaCustomers])), ...out('formula')],
    {
      code: 0,
      totals: BASE_TOTALS,
      workbook: (workbook) => {
        let formulas = 0;
        let texts = 0;
        workbook.getWorksheet('RFM Customers')!.eachRow((row) =>
          row.eachCell((cell) => {
            if (cell.type === ExcelJS.ValueType.Formula) formulas++;
            if (cell.value === '=HYPERLINK("http://x.example","bấm")') texts++;
          }),
        );
        if (formulas !== 0 || texts !== 1) throw new Error(`formulas ${formulas}, texts ${texts}`);
      },
    },
  );

  // ── Workbooks ───────────────────────────────────────────────────────────────────────────────────────────
  const stale = [
    INVOICE_HEADER,
    ...INVOICES.slice(0, 2).map((row) => [...row.slice(0, 5), '999000', row[6]!]),
  ];
  defer(
    writeWorkbook(join(dir, 'hidden-stale.xlsx'), [
      { name: 'Cũ', rows: stale, state: 'hidden' },
      { name: 'Hóa đơn', rows: [INVOICE_HEADER, ...INVOICES] },
    ]),
  );
  add('workbook', 'a hidden stale sheet before the visible one', ['hidden-stale.xlsx', ...out('hidden')], {
    code: 0,
    stderr: ['Hidden sheet "Cũ" also looks like invoices: not read'],
    totals: BASE_TOTALS,
  });
  defer(
    writeWorkbook(join(dir, 'very-hidden.xlsx'), [
      { name: 'Raw', rows: stale, state: 'veryHidden' },
      { name: 'Hóa đơn', rows: [INVOICE_HEADER, ...INVOICES] },
      { name: 'Khách hàng', rows: [CUSTOMER_HEADER, ...CUSTOMERS] },
    ]),
  );
  add('workbook', 'a very hidden sheet', ['very-hidden.xlsx', ...out('very-hidden')], {
    code: 0,
    stderr: ['Hidden sheet "Raw"'],
    totals: BASE_TOTALS,
  });
  defer(
    writeWorkbook(join(dir, 'only-hidden.xlsx'), [
      { name: 'Ẩn', rows: [INVOICE_HEADER, ...INVOICES], state: 'hidden' },
    ]),
  );
  add('workbook', 'the only invoice sheet is hidden', ['only-hidden.xlsx', ...out('only-hidden')], {
    code: 0,
    stderr: ['invoices: sheet "Ẩn" (hidden)'],
    totals: BASE_TOTALS,
  });
  defer(
    writeWorkbook(join(dir, 'date-cells.xlsx'), [
      {
        name: 'Hóa đơn',
        rows: [
          INVOICE_HEADER,
          ...INVOICES.map((row) => {
            const [d, m] = row[1]!.split(' ')[0]!.split('/').map(Number) as [number, number];
            return [
              row[0]!,
              new Date(Date.UTC(2026, m - 1, d, 10)),
              row[2]!,
              row[3]!,
              row[4]!,
              Number(row[5]),
              row[6]!,
            ];
          }),
        ],
      },
    ]),
  );
  add('workbook', 'date cells and number cells', ['date-cells.xlsx', ...out('date-cells')], {
    code: 0,
    totals: BASE_TOTALS,
  });
  defer(
    writeWorkbook(join(dir, 'titles.xlsx'), [
      { name: 'Trống', rows: [] },
      {
        name: 'Báo cáo',
        rows: [
          ['BÁO CÁO BÁN HÀNG'],
          [],
          INVOICE_HEADER,
          ...INVOICES,
          ['Tổng cộng', '', '', '', '', 1_250_000, ''],
        ],
      },
    ]),
  );
  add('workbook', 'an empty sheet, title rows and a totals row', ['titles.xlsx', ...out('wb-titles')], {
    code: 0,
    totals: BASE_TOTALS,
  });
  defer(writeWorkbook(join(dir, 'empty-book.xlsx'), [{ name: 'Sheet1', rows: [] }]));
  add('workbook', 'a workbook with no data', ['empty-book.xlsx', ...out('empty-book')], {
    code: 1,
    stderr: ['has no data in any sheet'],
  });

  // ── Output cells ────────────────────────────────────────────────────────────────────────────────────────
  const dirty = CUSTOMERS.map((row, i) =>
    i === 0
      ? [row[0]!, 'Hoà\uFFFE\uFFFF', ...row.slice(2)]
      : i === 1
        ? [row[0]!, 'Đức\u0001\u0008\u001F', ...row.slice(2)]
        : i === 2
          ? [row[0]!, 'Anh\uD800', ...row.slice(2)]
          : row,
  );
  add(
    'output-cells',
    'characters a workbook cannot hold',
    [base, file('dirty.csv', csv([CUSTOMER_HEADER, ...dirty])), ...out('dirty')],
    {
      code: 0,
      stderr: ['had characters a spreadsheet cannot hold'],
      totals: BASE_TOTALS,
      workbook: (workbook) => {
        let found = false;
        workbook
          .getWorksheet('RFM Customers')!
          .eachRow((row) => row.eachCell((cell) => (found ||= cell.value === 'Hoà')));
        if (!found) throw new Error('cleaned name not found');
      },
    },
  );
  const longName = CUSTOMERS.map((row, i) =>
    i === 0 ? [row[0]!, 'Nguyễn '.repeat(6000), ...row.slice(2)] : row,
  );
  add(
    'output-cells',
    "a cell over Excel's 32,767 characters",
    [base, file('long-name.csv', csv([CUSTOMER_HEADER, ...longName])), ...out('long-name')],
    {
      code: 0,
      stderr: ['longer than 32,767 characters: cut'],
      stderrMax: 3000,
      totals: BASE_TOTALS,
    },
  );

  // ── Messages quote short excerpts ───────────────────────────────────────────────────────────────────────
  add('messages', 'a 5 MB header line', inv('huge-header', `${'Cột rất dài,'.repeat(450_000)}x\n1,2\n`), {
    code: 1,
    stderrMax: 3000,
  });
  add(
    'messages',
    'a 1 MB unreadable date',
    inv('huge-date', csv([INVOICE_HEADER, ...withCell(2, 1, 'x'.repeat(1_000_000))])),
    {
      code: 0,
      stderrMax: 2000,
      issues: [{ code: 'bad-date', cell: 'B4' }],
      workbook: (workbook) => {
        workbook.getWorksheet('Data issues')!.eachRow((row) =>
          row.eachCell((cell) => {
            if (String(cell.value).length > 1000) throw new Error('a data issue copies the huge value');
          }),
        );
      },
    },
  );

  // ── Options ─────────────────────────────────────────────────────────────────────────────────────────────
  const json = (name: string, value: unknown) => file(name, JSON.stringify(value));
  add(
    'options',
    'negative --breakpoints',
    [base, ...out('neg-bp'), '--breakpoints', json('neg.json', { r: [-30, 60, 90, 180] })],
    {
      code: 1,
      stderr: ['threshold 1 is -30; expected a number of days of 0 or more'],
    },
  );
  add(
    'options',
    'negative money breakpoints',
    [base, ...out('neg-m'), '--breakpoints', json('neg-m.json', { m: [-1, 0, 5, 10] })],
    {
      code: 1,
      stderr: ['expected a number of money of 0 or more'],
    },
  );
  add(
    'options',
    'breakpoints that do not rise',
    [base, ...out('flat-bp'), '--breakpoints', json('flat.json', { f: [2, 2, 3, 4] })],
    {
      code: 1,
      stderr: ['thresholds must rise'],
    },
  );
  add(
    'options',
    'breakpoints that are not JSON',
    [base, ...out('bad-json'), '--breakpoints', file('bad.json', '{r: [1,')],
    {
      code: 1,
      stderr: ['not valid JSON'],
    },
  );
  add(
    'options',
    'a broken --segments definition has no cell, not C0',
    [
      base,
      ...out('bad-seg'),
      '--segments',
      json('seg.json', [
        { name: 'VIP', definition: 'total_spend >= ' },
        { name: 'Loyal', definition: 'invoices >= 2' },
      ]),
    ],
    {
      code: 0,
      issues: [{ code: 'bad-filter-segment', cell: '' }],
      totals: BASE_TOTALS,
    },
  );
  add(
    'options',
    'a --map naming a missing column',
    [base, ...out('bad-map'), '--map', json('map.json', { invoices: { invoiceTotal: 'Tiền không có' } })],
    {
      code: 1,
      stderr: ['--map: no column "Tiền không có"'],
    },
  );
  add('options', 'an unknown option', [base, ...out('unknown-option'), '--colour', 'red'], {
    code: 2,
    stderr: ['--colour'],
  });
  add('options', 'a bad --as-of', [base, '-o', 'out/as-of.xlsx', '--as-of', '31/12/2026'], {
    code: 2,
    stderr: ['--as-of: "31/12/2026" is not YYYY-MM-DD'],
  });

  // ── Duplicates ──────────────────────────────────────────────────────────────────────────────────────────
  add('duplicates', 'a row pasted twice', inv('dup-row', csv([INVOICE_HEADER, ...INVOICES, INVOICES[3]!])), {
    code: 0,
    issues: [{ code: 'duplicate-row', cell: '10' }],
    totals: BASE_TOTALS,
  });
  add(
    'duplicates',
    'lines of one invoice are summed',
    inv(
      'lines',
      csv([
        LINE_HEADER,
        ...INVOICES.slice(0, 7),
        ['HD08', '28/04/2026 12:00', 'KH06', 'Võ Thị Lan', '0901000006', '50000', 'Hoàn thành'],
        ['HD08', '28/04/2026 12:00', 'KH06', 'Võ Thị Lan', '0901000006', '30000', 'Hoàn thành'],
      ]),
    ),
    {
      code: 0,
      totals: BASE_TOTALS,
    },
  );
  add(
    'duplicates',
    'customer rows pasted twice',
    [
      base,
      file('dup-customers.csv', csv([CUSTOMER_HEADER, ...CUSTOMERS, ...CUSTOMERS.slice(0, 2)])),
      ...out('dup-customers'),
    ],
    {
      code: 0,
      issues: [{ code: 'duplicate-row', cell: '8' }],
      totals: BASE_TOTALS,
    },
  );
  add(
    'duplicates',
    'one person under two member codes',
    [
      base,
      file(
        'merged.csv',
        csv([CUSTOMER_HEADER, ...CUSTOMERS, ['KH99', 'Nguyễn T. Hoà', '+84 901 000 001', '', '']]),
      ),
      ...out('merged'),
    ],
    {
      code: 0,
      issues: [{ code: 'merged-customers', cell: '8' }],
      totals: BASE_TOTALS,
    },
  );
  const invoiceHeaderWithTotal = ['Mã hóa đơn', 'Thời gian', 'Mã khách hàng', 'Tổng tiền hàng', 'Thành tiền'];
  add(
    'duplicates',
    'an invoice code repeated with a conflicting total',
    inv(
      'conflicting-total',
      csv([
        invoiceHeaderWithTotal,
        ['HD01', '05/03/2026', 'KH01', '100000', '100000'],
        ['HD02', '13/03/2026', 'KH02', '50000', '50000'],
        ['HD01', '20/04/2026', 'KH01', '300000', '300000'],
      ]),
    ),
    {
      code: 0,
      issues: [{ code: 'conflicting-invoice-total' }],
    },
    { contract: 'an invoice code repeated later with a conflicting invoice-level total' },
  );

  // ── Run-level checks (a run that understood nothing is an error) ────────────────────────────────────────
  add(
    'run-level',
    'no date readable: 0 invoices',
    inv('no-dates', csv([INVOICE_HEADER, ...INVOICES.map((row) => [row[0]!, 'hôm qua', ...row.slice(2)])])),
    {
      code: 1,
      stderr: [/0 invoices|rejected/],
    },
    { contract: 'a run that counts 0 invoices is an error naming the column and the reason' },
  );
  add(
    'run-level',
    'one reason rejects more than half the rows',
    inv(
      'mostly-bad-amounts',
      csv([
        INVOICE_HEADER,
        ...INVOICES.map((row, i) => (i < 6 ? [...row.slice(0, 5), 'n/a', row[6]!] : row)),
      ]),
    ),
    {
      code: 1,
      stderr: ['rejected'],
    },
    { contract: 'one reason rejecting more than half the rows is an error' },
  );
  add(
    'run-level',
    'customers with no code, phone or email: 0 customers',
    [
      base,
      file('no-keys.csv', csv([CUSTOMER_HEADER, ...CUSTOMERS.map((row) => ['', row[1]!, '', '', row[4]!])])),
      ...out('no-keys'),
    ],
    {
      code: 1,
      stderr: [/0 customers|rejected/],
    },
    { contract: 'a run that counts 0 customers is an error' },
  );

  return { cases, ready: Promise.all(pending) };
}
