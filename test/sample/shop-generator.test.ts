/**
 * The generator beyond the bundled sample: other seeds and windows, the clean (`quirks: false`) shape the
 * benchmark uses, option checks, and the CSV writer's quoting.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { csvRecord, generateShop, sheetValues, writeShopCsv } from '../../scripts/shop-generator.cjs';
import { canonicalPhone, dayOf, parseCsv } from './read-sample';

describe('seeds', () => {
  test('one seed gives the same shop twice; another seed gives another shop', () => {
    const a = generateShop({ seed: 42, invoiceRows: 3000 });
    const b = generateShop({ seed: 42, invoiceRows: 3000 });
    const c = generateShop({ seed: 43, invoiceRows: 3000 });
    expect(b).toEqual(a);
    expect(c.invoices.rows).not.toEqual(a.invoices.rows);
    expect(c.customers.rows.map((row) => row[3])).not.toEqual(a.customers.rows.map((row) => row[3]));
  });
});

describe('a clean shop for the benchmark (quirks: false)', () => {
  const shop = generateShop({ seed: 'bench', invoiceRows: 100_000, quirks: false });
  const col = (name: string) => shop.invoices.header.indexOf(name);

  test('has exactly the rows asked for, a header on row 1 and customers ≈ invoices / 10', () => {
    expect(shop.invoices.titleRows).toEqual([]);
    expect(shop.invoices.rows).toHaveLength(100_000);
    expect(shop.customers.rows).toHaveLength(10_000);
    expect(shop.truth.counts.dataRows).toBe(100_000);
    expect(sheetValues(shop.invoices)[0]).toEqual(shop.invoices.header);
  });

  test('has no paste quirks: numbers for money, canonical phones, one date format, nothing cancelled', () => {
    const rows = shop.invoices.rows;
    for (const name of ['Tổng tiền hàng', 'Khách cần trả', 'Đơn giá', 'Thành tiền']) {
      expect(rows.every((row) => typeof row[col(name)] === 'number')).toBe(true);
    }
    expect(
      rows.every((row) => /^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}$/.test(String(row[col('Thời gian')]))),
    ).toBe(true);
    expect(new Set(rows.map((row) => row[col('Trạng thái')]))).toEqual(new Set(['Hoàn thành']));
    const phones = shop.customers.rows.map((row) => String(row[4])).filter(Boolean);
    expect(phones.every((phone) => /^0[35789]\d{8}$/.test(phone))).toBe(true);
    expect(new Set(phones).size).toBe(phones.length);
    const { counts, quirks } = shop.truth;
    expect([counts.cancelledInvoices, counts.returnInvoices, counts.exchangeInvoices]).toEqual([0, 0, 0]);
    expect([quirks.duplicateRows, quirks.badCells, quirks.totalsRows, quirks.sharedPhones]).toEqual([
      [],
      [],
      [],
      [],
    ]);
  });

  test('keeps the café skew at scale: 55–60% of buyers buy once, most sales are members’, walk-ins the rest', () => {
    const figures = Object.values(shop.truth.customers);
    const buyers = figures.filter((f) => f.invoices > 0);
    const once = buyers.filter((f) => f.invoices === 1).length / buyers.length;
    expect(once).toBeGreaterThanOrEqual(0.55);
    expect(once).toBeLessThanOrEqual(0.6);
    expect(Math.max(...buyers.map((f) => f.invoices))).toBeGreaterThanOrEqual(52);
    const walkInRows = shop.invoices.rows.filter((row) => row[col('Mã khách hàng')] === '').length;
    expect(walkInRows / 100_000).toBeGreaterThan(0.3);
    expect(walkInRows / 100_000).toBeLessThan(0.5);
  });

  test('the truth matches the rows: per-member valid invoices and net spend', () => {
    const byCode = new Map<string, { invoices: Set<string>; net: Map<string, number> }>();
    for (const row of shop.invoices.rows) {
      const code = String(row[col('Mã khách hàng')]);
      if (!code) continue;
      const entry = byCode.get(code) ?? { invoices: new Set<string>(), net: new Map<string, number>() };
      entry.invoices.add(String(row[col('Mã hóa đơn')]));
      entry.net.set(String(row[col('Mã hóa đơn')]), Number(row[col('Khách cần trả')]));
      byCode.set(code, entry);
    }
    const wrong = Object.entries(shop.truth.customers).filter(([code, truth]) => {
      const entry = byCode.get(code);
      const net = entry ? [...entry.net.values()].reduce((a, b) => a + b, 0) : 0;
      return truth.invoices !== (entry?.invoices.size ?? 0) || truth.netSpend !== net;
    });
    expect(wrong).toEqual([]);
  });
});

describe('the sales window', () => {
  test('ends the day before as-of and spans the months asked for, in Vietnamese dd/mm/yyyy', () => {
    const shop = generateShop({ seed: 7, invoiceRows: 2000, asOf: '2025-03-10', months: 6 });
    const days = shop.invoices.rows.map((row) => dayOf(String(row[2]))).filter(Boolean);
    expect(days.reduce((a, b) => (a > b ? a : b))).toBe('2025-03-09');
    expect(days.reduce((a, b) => (a < b ? a : b)) >= '2024-09-10').toBe(true);
    expect(shop.invoices.titleRows[1][0]).toBe('Từ ngày 10/09/2024 đến ngày 09/03/2025');
    expect(shop.truth.firstDay).toBe('2024-09-10');
    expect(shop.truth.lastDay).toBe('2025-03-09');
  });

  test('rejects options that cannot make a shop, naming the option', () => {
    expect(() => generateShop({ seed: 1, invoiceRows: 100 })).toThrow(/invoiceRows/);
    expect(() => generateShop({ seed: 1, invoiceRows: 1000, customers: 400 })).toThrow(/customers/);
    expect(() => generateShop({ seed: 1, invoiceRows: 1000, asOf: '2026-02-30' })).toThrow(/asOf/);
    expect(() => generateShop({ seed: 1, invoiceRows: 1000, layout: 'sapo' as 'kiotviet' })).toThrow(
      /layout/,
    );
  });
});

describe('CSV output', () => {
  test('quotes fields with commas, quotes and line breaks (RFC 4180), and nothing else', () => {
    expect(csvRecord(['Lan', 45000, '', 'Combo 2 ly + bánh'], 4)).toBe('Lan,45000,,Combo 2 ly + bánh');
    expect(csvRecord(['=HYPERLINK("x")', 'Quận 1, TP HCM', 'a\r\nb', -1], 4)).toBe(
      '"=HYPERLINK(""x"")","Quận 1, TP HCM","a\r\nb",-1',
    );
    expect(csvRecord(['only'], 3)).toBe('only,,');
  });

  test('writeShopCsv round-trips every cell of a quirky shop through a CSV parser', () => {
    const shop = generateShop({ seed: 'round-trip', invoiceRows: 2000 });
    const dir = mkdtempSync(join(tmpdir(), 'shop-csv-'));
    try {
      const files = writeShopCsv(shop, dir);
      const invoices = parseCsv(readFileSync(files.invoices, 'utf8'));
      expect(invoices).toEqual(sheetValues(shop.invoices).map((row) => row.map(String)));
      const customers = parseCsv(readFileSync(files.customers, 'utf8'));
      expect(customers).toEqual(sheetValues(shop.customers).map((row) => row.map(String)));
      const phones = customers.slice(1).map((row) => row[4]);
      expect(phones.filter(Boolean).every((phone) => canonicalPhone(phone) !== '')).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
