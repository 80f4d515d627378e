/**
 * The bundled sample shop (sample/*.csv): reproducible from its seed, shaped like a real KiotViet paste with
 * its quirks, and agreeing with the truth the generator reports (recomputed here from the CSV text alone).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sampleShop, writeShopCsv, type Shop } from '../../scripts/shop-generator.cjs';
import { canonicalPhone, dayOf, parseCsv, parseVnd, recordsOf, type Record_ } from './read-sample';

const SAMPLE_DIR = join(__dirname, '..', '..', 'sample');
const INVOICES_CSV = join(SAMPLE_DIR, 'invoices.csv');
const CUSTOMERS_CSV = join(SAMPLE_DIR, 'customers.csv');

let shop: Shop;
let invoiceRows: string[][];
let customerRows: string[][];

beforeAll(() => {
  shop = sampleShop();
  invoiceRows = parseCsv(readFileSync(INVOICES_CSV, 'utf8'));
  customerRows = parseCsv(readFileSync(CUSTOMERS_CSV, 'utf8'));
});

describe('the committed sample files', () => {
  test('are exactly what the generator writes today (run `node scripts/generate-sample.mjs` after a change)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sample-shop-'));
    try {
      const written = writeShopCsv(sampleShop(), dir);
      expect(readFileSync(written.invoices).equals(readFileSync(INVOICES_CSV))).toBe(true);
      expect(readFileSync(written.customers).equals(readFileSync(CUSTOMERS_CSV))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('are UTF-8 CSV with a BOM, CRLF line ends and one width, and stay under 3 MB together', () => {
    for (const file of [INVOICES_CSV, CUSTOMERS_CSV]) {
      const bytes = readFileSync(file);
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = bytes.toString('utf8');
      expect(text.endsWith('\r\n')).toBe(true);
      expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    }
    expect(new Set(invoiceRows.map((row) => row.length))).toEqual(new Set([17]));
    expect(new Set(customerRows.map((row) => row.length))).toEqual(new Set([17]));
    expect(readFileSync(INVOICES_CSV).length + readFileSync(CUSTOMERS_CSV).length).toBeLessThan(3_000_000);
  });
});

test('sample/README.md states the rows and counts the truth lists', () => {
  const readme = readFileSync(join(SAMPLE_DIR, 'README.md'), 'utf8');
  const { quirks, counts } = shop.truth;
  for (const row of [
    ...quirks.repeatedHeaderRows,
    ...quirks.totalsRows,
    ...quirks.badCells.map((c) => c.row),
  ]) {
    expect(readme).toContain(`row ${row}`);
  }
  const block = quirks.duplicatedBlock!;
  expect(readme).toContain(
    `rows ${block.firstRow}–${block.firstRow + block.rows - 1} repeat rows ${block.sameAsFirstRow}–${block.sameAsFirstRow + block.rows - 1}`,
  );
  expect(readme).toContain(`${counts.cancelledInvoices} cancelled invoices`);
  expect(readme).toContain(`${counts.returnInvoices} returns`);
  expect(readme).toContain(`${counts.oneTimeBuyers} of them`);
});

describe('the invoice sheet looks like a KiotViet invoice-detail paste', () => {
  test('two title rows and a blank row sit above the KiotViet header', () => {
    expect(invoiceRows[0][0]).toBe('DANH SÁCH CHI TIẾT HÓA ĐƠN');
    expect(invoiceRows[1][0]).toBe('Từ ngày 22/05/2025 đến ngày 21/11/2026');
    expect(invoiceRows[2].every((cell) => cell === '')).toBe(true);
    expect(invoiceRows[3]).toEqual([
      'Chi nhánh',
      'Mã hóa đơn',
      'Thời gian',
      'Mã khách hàng',
      'Tên khách hàng',
      'Điện thoại',
      'Khu vực (Khách hàng)',
      'Kênh bán',
      'Tổng tiền hàng',
      'Giảm giá hóa đơn',
      'Khách cần trả',
      'Trạng thái',
      'Mã hàng',
      'Tên hàng',
      'Số lượng',
      'Đơn giá',
      'Thành tiền',
    ]);
    expect(shop.truth.quirks.headerRow).toBe(4);
  });

  test('a block was pasted twice under a repeated header, and a totals row closes the sheet', () => {
    const { quirks } = shop.truth;
    const [repeated] = quirks.repeatedHeaderRows;
    expect(invoiceRows[repeated - 1]).toEqual(invoiceRows[3]);
    expect(quirks.duplicateRows.length).toBeGreaterThanOrEqual(190);
    expect(quirks.duplicateRows.length).toBeLessThanOrEqual(210);
    for (const { row, sameAs } of quirks.duplicateRows) {
      expect(row).toBeGreaterThan(repeated);
      expect(invoiceRows[row - 1]).toEqual(invoiceRows[sameAs - 1]);
    }
    const [totalsRow] = quirks.totalsRows;
    expect(totalsRow).toBe(invoiceRows.length);
    const totals = invoiceRows[totalsRow - 1];
    expect(totals[0]).toBe('Tổng cộng');
    const lines = distinctLines();
    expect(Number(totals[14])).toBe(lines.reduce((sum, line) => sum + Number(line.get('Số lượng')), 0));
    const amounts = lines.map((line) => parseVnd(line.get('Thành tiền'))).filter((n) => !Number.isNaN(n));
    // One line total is the spoiled `#VALUE!` cell; the totals row still counts it (the POS printed it fine).
    const spoiled = shop.truth.quirks.badCells.find((cell) => cell.column === 'Thành tiền')!;
    const spoiledLine = lines.find((line) => line.row === spoiled.row)!;
    const spoiledAmount = Number(spoiledLine.get('Số lượng')) * parseVnd(spoiledLine.get('Đơn giá'));
    expect(Number(totals[16])).toBe(amounts.reduce((a, b) => a + b, 0) + spoiledAmount);
  });

  test('dates are text, mostly dd/mm/yyyy hh:mm, some with seconds, many with a day above 12, two unreadable', () => {
    const times = distinctLines().map((line) => line.get('Thời gian'));
    const short = times.filter((t) => /^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/.test(t)).length;
    const long = times.filter((t) => /^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}$/.test(t)).length;
    expect(short / times.length).toBeGreaterThan(0.8);
    expect(long).toBeGreaterThan(500);
    expect(times.filter((t) => Number(t.slice(0, 2)) > 12).length).toBeGreaterThan(1000);
    expect(times.filter((t) => dayOf(t) === '')).toEqual(['31/02/2026 10:15', 'không rõ']);
  });

  test('money is mostly plain numbers, some dotted text, some `1.250.000 ₫` with a no-break space, one `abc`', () => {
    const cells = distinctLines().flatMap((line) => [line.get('Khách cần trả'), line.get('Thành tiền')]);
    expect(cells.filter((c) => /^-?\d+$/.test(c)).length / cells.length).toBeGreaterThan(0.8);
    expect(cells.filter((c) => /^-?\d{1,3}(\.\d{3})+$/.test(c)).length).toBeGreaterThan(500);
    expect(cells.filter((c) => /^-?\d{1,3}(\.\d{3})+\u00a0₫$/.test(c)).length).toBeGreaterThan(300);
    expect(cells.filter((c) => Number.isNaN(parseVnd(c)))).toEqual(['abc', '#VALUE!']);
  });

  test('each invoice repeats its invoice-level amounts on every line; lines carry their own totals', () => {
    const wrong: string[] = [];
    for (const invoice of invoices().values()) {
      if (invoice.unreadable) continue;
      const first = invoice.lines[0];
      for (const column of ['Tổng tiền hàng', 'Giảm giá hóa đơn', 'Khách cần trả']) {
        if (new Set(invoice.lines.map((line) => parseVnd(line.get(column)))).size !== 1) {
          wrong.push(`${invoice.code} ${column}`);
        }
      }
      for (const column of ['Thời gian', 'Mã khách hàng', 'Trạng thái']) {
        if (new Set(invoice.lines.map((line) => line.get(column))).size !== 1)
          wrong.push(`${invoice.code} ${column}`);
      }
      const lineSum = invoice.lines.reduce((sum, line) => sum + parseVnd(line.get('Thành tiền')), 0);
      const discount = parseVnd(first.get('Giảm giá hóa đơn'));
      if (parseVnd(first.get('Tổng tiền hàng')) !== lineSum) wrong.push(`${invoice.code} Tổng tiền hàng`);
      if (invoice.net !== lineSum - discount) wrong.push(`${invoice.code} Khách cần trả`);
    }
    expect(wrong).toEqual([]);
    const multiLine = [...invoices().values()].filter((invoice) => invoice.lines.length > 1);
    expect(multiLine.length / invoices().size).toBeGreaterThan(0.25);
    expect(multiLine.some((invoice) => invoice.lines.length === 4)).toBe(true);
    expect(
      [...invoices().values()].some(
        (invoice) =>
          invoice.net > 0 &&
          invoice.lines.length > 0 &&
          parseVnd(invoice.lines[0].get('Giảm giá hóa đơn')) > 0,
      ),
    ).toBe(true);
  });

  test('about 2% of invoices are cancelled; walk-in sales say Khách lẻ with no code or phone', () => {
    const all = [...invoices().values()];
    const cancelled = all.filter((invoice) => invoice.status === 'Đã hủy').length;
    expect(cancelled / all.length).toBeGreaterThan(0.015);
    expect(cancelled / all.length).toBeLessThan(0.025);
    expect(new Set(all.map((invoice) => invoice.status))).toEqual(new Set(['Hoàn thành', 'Đã hủy']));
    const walkIns = all.filter((invoice) => invoice.customerCode === '');
    expect(walkIns.length / all.length).toBeGreaterThan(0.3);
    const walkInLines = walkIns.flatMap((invoice) => invoice.lines);
    expect(new Set(walkInLines.map((line) => line.get('Tên khách hàng')))).toEqual(new Set(['Khách lẻ']));
    expect(new Set(walkInLines.map((line) => line.get('Điện thoại')))).toEqual(new Set(['']));
  });

  test('returns have their own TH codes and negative lines; exchanges net out a negative line inside a sale', () => {
    const all = [...invoices().values()];
    const returns = all.filter((invoice) => invoice.code.startsWith('TH'));
    expect(returns.length).toBeGreaterThanOrEqual(5);
    for (const invoice of returns) {
      expect(invoice.net).toBeLessThan(0);
      expect(invoice.customerCode).toMatch(/^KH\d{6}$/);
      expect(invoice.lines.every((line) => Number(line.get('Số lượng')) < 0)).toBe(true);
    }
    const exchanges = all.filter(
      (invoice) =>
        invoice.code.startsWith('HD') && invoice.lines.some((line) => Number(line.get('Số lượng')) < 0),
    );
    expect(exchanges.length).toBeGreaterThanOrEqual(3);
    for (const invoice of exchanges) expect(invoice.net).toBeGreaterThan(0);
    expect(returns.length).toBe(shop.truth.counts.returnInvoices);
    expect(exchanges.length).toBe(shop.truth.counts.exchangeInvoices);
  });

  test('drinks cost 25.000–95.000 ₫ and the menu changed prices on 1 March 2026', () => {
    const lines = distinctLines().filter((line) => Number(line.get('Số lượng')) > 0);
    const prices = lines.map((line) => parseVnd(line.get('Đơn giá')));
    expect(Math.min(...prices)).toBe(25_000);
    expect(Math.max(...prices)).toBe(95_000);
    const blackCoffee = (before: boolean) =>
      new Set(
        lines
          .filter((line) => line.get('Tên hàng') === 'Cà phê đen đá')
          .filter((line) => dayOf(line.get('Thời gian')) < '2026-03-01' === before)
          .map((line) => parseVnd(line.get('Đơn giá'))),
      );
    expect(blackCoffee(true)).toEqual(new Set([25_000]));
    expect(blackCoffee(false)).toEqual(new Set([29_000]));
  });

  test('sales follow the week and Tết: weekends busier than weekdays, the Tết days quiet', () => {
    const perDay = new Map<string, number>();
    for (const invoice of invoices().values()) {
      if (invoice.day) perDay.set(invoice.day, (perDay.get(invoice.day) ?? 0) + 1);
    }
    const mean = (days: string[]) => days.reduce((sum, d) => sum + (perDay.get(d) ?? 0), 0) / days.length;
    const days = [...perDay.keys()];
    const weekend = days.filter((d) => [0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay()));
    const weekdays = days.filter((d) => !weekend.includes(d));
    expect(mean(weekend)).toBeGreaterThan(mean(weekdays) * 1.15);
    const tet = ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20'];
    expect(mean(tet)).toBeLessThan(mean(days) * 0.5);
  });
});

describe('the customer sheet looks like a KiotViet customer list', () => {
  test('KiotViet headers in export order, codes KH000001…, genders Nam/Nữ/blank, tiers and tags', () => {
    expect(customerRows[0]).toEqual([
      'Loại khách',
      'Chi nhánh tạo',
      'Mã khách hàng',
      'Tên khách hàng',
      'Điện thoại',
      'Khu vực giao hàng',
      'Ngày sinh',
      'Giới tính',
      'Email',
      'Nhóm khách hàng',
      'Ghi chú',
      'Điểm hiện tại',
      'Ngày tạo',
      'Ngày giao dịch cuối',
      'Tổng bán',
      'Tổng bán trừ trả hàng',
      'Trạng thái',
    ]);
    const customers = recordsOf(customerRows, 1);
    expect(customers).toHaveLength(1000);
    expect(customers[0].get('Mã khách hàng')).toBe('KH000001');
    expect(new Set(customers.map((c) => c.get('Giới tính')))).toEqual(new Set(['Nam', 'Nữ', '']));
    expect(new Set(customers.map((c) => c.get('Nhóm khách hàng')))).toEqual(
      new Set(['Thành viên', 'Bạc', 'Vàng', 'Kim cương']),
    );
    expect(customers.some((c) => c.get('Ghi chú').includes('sinh viên; văn phòng'))).toBe(true);
    const births = customers.map((c) => c.get('Ngày sinh')).filter(Boolean);
    expect(births.length / customers.length).toBeGreaterThan(0.6);
    for (const birth of births) expect(birth).toMatch(/^\d{2}\/\d{2}\/(19|20)\d{2}$/);
  });

  test('places mix old and new province names, with customers from other provinces', () => {
    const areas = recordsOf(customerRows, 1).map((c) => c.get('Khu vực giao hàng'));
    expect(areas.some((a) => a.startsWith('Hồ Chí Minh - Quận'))).toBe(true);
    expect(areas.some((a) => a.startsWith('TP Hồ Chí Minh - Phường'))).toBe(true);
    expect(areas.some((a) => a.startsWith('Hà Nội - '))).toBe(true);
    expect(areas.some((a) => a.startsWith('Bình Dương') || a.startsWith('Bà Rịa - Vũng Tàu'))).toBe(true);
    expect(areas.some((a) => a.startsWith('Thừa Thiên Huế') || a.startsWith('Quảng Nam'))).toBe(true);
  });

  test('phones come in every spelling of pos-formats.md, old 11-digit numbers included', () => {
    const phones = recordsOf(customerRows, 1)
      .map((c) => c.get('Điện thoại'))
      .filter(Boolean);
    const spellings: Record<string, RegExp> = {
      canonical: /^0[35789]\d{8}$/,
      spaces: /^0\d{3} \d{3} \d{3}$/,
      dots: /^0\d{3}\.\d{3}\.\d{3}$/,
      parentheses: /^\(0\d{2}\) \d{7}$/,
      plus84: /^\+84 \d{3} \d{3} \d{3}$/,
      prefix84: /^84\d{9}$/,
      lostZero: /^[35789]\d{8}$/,
      old11: /^01\d{9}$/,
    };
    for (const [name, pattern] of Object.entries(spellings)) {
      expect([name, phones.filter((p) => pattern.test(p)).length]).toEqual([
        name,
        shop.truth.quirks.phoneSpellings[name],
      ]);
      expect(shop.truth.quirks.phoneSpellings[name]).toBeGreaterThan(0);
    }
    for (const phone of phones) expect(canonicalPhone(phone)).toMatch(/^0[35789]\d{8}$/);
  });

  test('customer rows sharing a phone (spelt differently) are exactly the merges the truth lists', () => {
    const byPhone = new Map<string, string[]>();
    for (const c of recordsOf(customerRows, 1)) {
      const phone = canonicalPhone(c.get('Điện thoại'));
      if (phone) byPhone.set(phone, [...(byPhone.get(phone) ?? []), c.get('Mã khách hàng')]);
    }
    const shared = [...byPhone].filter(([, codes]) => codes.length > 1);
    expect(shared.length).toBeGreaterThanOrEqual(2);
    expect(new Map(shared)).toEqual(new Map(shop.truth.merged.map((m) => [m.phone, m.codes])));
    for (const pair of shop.truth.quirks.sharedPhones) expect(pair.spellings[0]).not.toBe(pair.spellings[1]);
  });

  test('names keep their diacritics; a few arrive in NFD; hostile names are there verbatim', () => {
    const customers = recordsOf(customerRows, 1);
    const names = customers.map((c) => c.get('Tên khách hàng'));
    expect(
      names.filter((n) => /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệịỉĩọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i.test(n)).length,
    ).toBeGreaterThan(500);
    const nfd = customers.filter((c) => c.get('Tên khách hàng') !== c.get('Tên khách hàng').normalize('NFC'));
    expect(nfd.map((c) => c.get('Mã khách hàng'))).toEqual(shop.truth.quirks.nfdNames);
    expect(nfd.length).toBeGreaterThanOrEqual(3);
    for (const name of ['=HYPERLINK("x")', '+Lan', '<img src=x onerror=alert(1)>']) {
      expect(names).toContain(name);
      expect(distinctLines().some((line) => line.get('Tên khách hàng') === name)).toBe(true);
    }
  });
});

describe('the truth agrees with the rows', () => {
  test('per member: valid invoices, net spend, first and last purchase, recomputed from the CSV text', () => {
    const expected = recompute();
    const listed = new Set(recordsOf(customerRows, 1).map((c) => c.get('Mã khách hàng')));
    expect(Object.keys(shop.truth.customers).sort()).toEqual([...listed].sort());
    for (const code of listed) {
      const mine = expected.get(code) ?? { invoices: 0, netSpend: 0, firstPurchase: '', lastPurchase: '' };
      const { invoices, netSpend, firstPurchase, lastPurchase } = shop.truth.customers[code];
      expect({ code, invoices, netSpend, firstPurchase, lastPurchase }).toEqual({ code, ...mine });
    }
    const unlisted = [...expected.keys()].filter((code) => !listed.has(code)).sort();
    expect(unlisted).toEqual(Object.keys(shop.truth.unmatched).sort());
    for (const code of unlisted) {
      const { invoices, netSpend, firstPurchase, lastPurchase } = shop.truth.unmatched[code];
      expect({ invoices, netSpend, firstPurchase, lastPurchase }).toEqual(expected.get(code));
    }
  });

  test('walk-in figures and counts match the rows; spoiled cells are only on walk-in sales', () => {
    const all = [...invoices().values()];
    const unreadable = all.filter((invoice) => invoice.unreadable);
    expect(unreadable.map((invoice) => invoice.code).sort()).toEqual(shop.truth.walkIn.unreadableInvoices);
    for (const invoice of unreadable) expect(invoice.customerCode).toBe('');
    const walkIns = all.filter((i) => i.customerCode === '' && !i.unreadable && i.status !== 'Đã hủy');
    expect(shop.truth.walkIn.invoices).toBe(walkIns.filter((i) => i.net > 0).length);
    expect(shop.truth.walkIn.netSpend).toBe(walkIns.reduce((sum, i) => sum + i.net, 0));
    const { counts } = shop.truth;
    expect(counts.dataRows).toBe(15_000);
    expect(distinctLines()).toHaveLength(15_000);
    expect(counts.invoices).toBe(all.length);
    expect(counts.cancelledInvoices).toBe(all.filter((i) => i.status === 'Đã hủy').length);
    expect(counts.walkInInvoices).toBe(all.filter((i) => i.customerCode === '').length);
  });

  test('the customer list’s summary columns agree with the invoices', () => {
    for (const c of recordsOf(customerRows, 1)) {
      const truth = shop.truth.customers[c.get('Mã khách hàng')];
      expect(Number(c.get('Tổng bán trừ trả hàng'))).toBe(truth.netSpend);
      expect(dayOf(c.get('Ngày giao dịch cuối'))).toBe(truth.lastPurchase);
    }
  });

  test('buyers are skewed like a café’s: 55–60% buy once, a few come weekly, some never buy', () => {
    const figures = Object.values(shop.truth.customers);
    const buyers = figures.filter((f) => f.invoices > 0);
    const once = buyers.filter((f) => f.invoices === 1).length;
    expect(once / buyers.length).toBeGreaterThanOrEqual(0.55);
    expect(once / buyers.length).toBeLessThanOrEqual(0.6);
    const weekly = buyers.filter((f) => f.invoices >= 40).length;
    expect(weekly).toBeGreaterThanOrEqual(5);
    expect(weekly / buyers.length).toBeLessThan(0.05);
    expect(figures.length - buyers.length).toBeGreaterThanOrEqual(40);
  });
});

// ---------------------------------------------------------------------------------------------------------
// Reading the invoice CSV the way a careful person would, independently of the generator.

let linesCache: Record_[] | undefined;

/** Data rows of the invoice sheet: header repeats, totals rows, blank rows and exact repeats left out. */
function distinctLines(): Record_[] {
  if (linesCache) return linesCache;
  const headerRow = invoiceRows.findIndex((row) => row[0] === 'Chi nhánh') + 1;
  const seen = new Set<string>();
  linesCache = recordsOf(invoiceRows, headerRow).filter((record) => {
    const key = record.cells.join('\u0001');
    if (record.cells[0] === 'Chi nhánh' || record.cells[0] === 'Tổng cộng' || seen.has(key)) return false;
    if (record.cells.every((cell) => cell === '')) return false;
    seen.add(key);
    return true;
  });
  return linesCache;
}

interface ReadInvoice {
  code: string;
  lines: Record_[];
  customerCode: string;
  status: string;
  /** `yyyy-mm-dd`, '' when the date does not parse. */
  day: string;
  /** `Khách cần trả` once per invoice; NaN when unreadable. */
  net: number;
  /** A date or money cell that does not parse. */
  unreadable: boolean;
}

let invoicesCache: Map<string, ReadInvoice> | undefined;

function invoices(): Map<string, ReadInvoice> {
  if (invoicesCache) return invoicesCache;
  invoicesCache = new Map();
  for (const line of distinctLines()) {
    const code = line.get('Mã hóa đơn');
    let invoice = invoicesCache.get(code);
    if (!invoice) {
      invoice = {
        code,
        lines: [],
        customerCode: line.get('Mã khách hàng'),
        status: line.get('Trạng thái'),
        day: dayOf(line.get('Thời gian')),
        net: parseVnd(line.get('Khách cần trả')),
        unreadable: false,
      };
      invoicesCache.set(code, invoice);
    }
    invoice.lines.push(line);
    const money = ['Tổng tiền hàng', 'Giảm giá hóa đơn', 'Khách cần trả', 'Đơn giá', 'Thành tiền'];
    if (!dayOf(line.get('Thời gian')) || money.some((column) => Number.isNaN(parseVnd(line.get(column))))) {
      invoice.unreadable = true;
    }
  }
  return invoicesCache;
}

/** Per customer code: valid invoices (not cancelled, net > 0), net spend (all non-cancelled), purchase days. */
function recompute(): Map<
  string,
  { invoices: number; netSpend: number; firstPurchase: string; lastPurchase: string }
> {
  const result = new Map<
    string,
    { invoices: number; netSpend: number; firstPurchase: string; lastPurchase: string }
  >();
  for (const invoice of invoices().values()) {
    if (!invoice.customerCode || invoice.status === 'Đã hủy') continue;
    expect(invoice.unreadable).toBe(false);
    const entry = result.get(invoice.customerCode) ?? {
      invoices: 0,
      netSpend: 0,
      firstPurchase: '',
      lastPurchase: '',
    };
    entry.netSpend += invoice.net;
    if (invoice.net > 0) {
      entry.invoices++;
      if (!entry.firstPurchase || invoice.day < entry.firstPurchase) entry.firstPurchase = invoice.day;
      if (invoice.day > entry.lastPurchase) entry.lastPurchase = invoice.day;
    }
    result.set(invoice.customerCode, entry);
  }
  return result;
}
