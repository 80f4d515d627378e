/**
 * What the add-on must never do to a shop's spreadsheet, through the built bundle on the emulator: touch a
 * user's tab, turn a name into a formula, drop a phone's leading zero, or run twice at once.
 */
import { generateShop, sheetValues } from '../../scripts/shop-generator.cjs';
import { findSheet, metadataOf, sheetNames, type Emulator } from '../emulator';
import { callRun, fullRunOnEmulator, newFaceSession, prepareRun } from './full-run';
import { columnOf, readTab, rowWhere } from './read-tab';

/** A small clean shop: fast, and every segment large enough for quintiles to matter. */
const shop = generateShop({ seed: 'face-safety', invoiceRows: 2000, customers: 200, quirks: false });
const invoices = () => sheetValues(shop.invoices);
const customers = () => sheetValues(shop.customers);

/** Invoices typed by hand for the hostile-name cases: each customer buys twice. */
const HEADER = ['Mã hóa đơn', 'Thời gian', 'Mã khách hàng', 'Tên khách hàng', 'Điện thoại', 'Tổng tiền hàng'];
const PEOPLE: [code: string, name: string, phone: string][] = [
  ['KH001', '=HYPERLINK("x")', '0901234567'],
  ['KH002', '+84 90 765 4321', '0907654321'],
  ['KH003', '-', '0912345678'],
  ['KH004', '@x', '0923456789'],
  ['KH005', 'Nguyễn Thị Lan', '0934567890'],
  ['KH006', 'Trần Văn Bình', '0945678901'],
];
function handTypedInvoices(): string[][] {
  const rows = [HEADER];
  PEOPLE.forEach(([code, name, phone], i) => {
    rows.push([`HD${100 + i}`, `0${1 + i}/10/2026 10:00`, code, name, phone, `${(i + 1) * 50}.000`]);
    rows.push([`HD${200 + i}`, `${10 + i}/11/2026 15:30`, code, name, phone, '45.000']);
  });
  return rows;
}

/** Names, cells and marks of the spreadsheet's tabs, to compare before and after. */
function snapshotOf(emulator: Emulator, names: string[]) {
  return names.map((name) => {
    const view = readTab(emulator, name);
    return { name, values: view.display, mark: view.mark, colour: view.tabColour };
  });
}

describe('safety of the spreadsheet', () => {
  test('user tabs named like ours ("RFM Summary", "Champions") are untouched; ours take a suffix', () => {
    const session = newFaceSession({ locale: 'en_US' });
    const { emulator } = session;
    const spreadsheet = emulator.spreadsheet;
    for (const name of ['RFM Summary', 'Champions']) {
      const sheet = spreadsheet.insertSheet(name);
      sheet.getRange(1, 1, 2, 2).setValues([
        ['My own notes', 'Do not touch'],
        ['Tết promo', 42],
      ]);
      sheet.addDeveloperMetadata('my-key', 'mine');
    }
    const before = snapshotOf(emulator, ['RFM Summary', 'Champions']);
    const metadataBefore = metadataOf(emulator);
    const run = fullRunOnEmulator(invoices(), customers(), { on: session, asDisplayText: true });
    expect(snapshotOf(emulator, ['RFM Summary', 'Champions'])).toEqual(before);
    expect(metadataOf(emulator).filter((meta) => meta.key === 'my-key')).toEqual(
      metadataBefore.filter((meta) => meta.key === 'my-key'),
    );
    expect(run.result.summaryTab).toBe('RFM Summary (2)');
    const champions = run.result.segments.find((segment) => segment.id === 'champions')!;
    expect(champions.tab).toBe('Champions (2)');
    expect(readTab(emulator, 'Champions (2)').mark).toMatchObject({ key: 'segment:champions' });
    expect(readTab(emulator, 'Champions (2)').values.length - 1).toBe(champions.customers);
    // A re-run replaces our suffixed tabs and still leaves the user's alone.
    const again = fullRunOnEmulator([], [], { on: session });
    expect(again.result.summaryTab).toBe('RFM Summary (2)');
    expect(snapshotOf(emulator, ['RFM Summary', 'Champions'])).toEqual(before);
    expect(sheetNames(emulator).filter((name) => name.startsWith('Champions'))).toEqual([
      'Champions',
      'Champions (2)',
    ]);
  });

  test.each([
    ['typed paste (Sheets converts the input)', false],
    ['plain-text paste', true],
  ])('names starting with = + - @ stay text and 0901234567 keeps its zero (%s)', (_label, asDisplayText) => {
    const run = fullRunOnEmulator(handTypedInvoices(), null, { asDisplayText });
    const view = readTab(run.session.emulator, run.result.tabs.find((tab) => tab.key === 'customers')!.name);
    const nameColumn = columnOf(view, 'Tên khách hàng');
    const phoneColumn = columnOf(view, 'Điện thoại');
    for (const [code, name, phone] of PEOPLE) {
      const row = rowWhere(view, 'Mã khách hàng', code);
      expect(view.values[row]![phoneColumn]).toBe(phone);
      expect(view.display[row]![phoneColumn]).toBe(phone);
      expect(view.formula(row, nameColumn)).toBeNull();
      // A `=…` name pasted with typing is a formula in the input, so the engine never sees its text.
      if (asDisplayText || !name.startsWith('=')) expect(view.values[row]![nameColumn]).toBe(name);
    }
  });

  test.each([
    ['vi_VN', 'Đang có một lần chạy khác trong bảng tính này. Hãy đợi nó xong rồi thử lại.'],
    ['en_US', 'A run is in progress in this spreadsheet. Wait for it to finish, then try again.'],
  ])('a run while another holds the document lock is refused (%s), and writes nothing', (locale, message) => {
    const prepared = prepareRun(invoices(), customers(), { locale, asDisplayText: true });
    const { emulator } = prepared.session;
    const before = sheetNames(emulator);
    emulator.locks.holdElsewhere('document');
    expect(() => callRun(prepared.session, prepared.request)).toThrow(message);
    expect(sheetNames(emulator)).toEqual(before);
    // Once the other run lets go, the same request runs.
    emulator.locks.releaseElsewhere('document');
    expect(callRun(prepared.session, prepared.request).tabs.length).toBeGreaterThan(5);
  });

  test('a re-run replaces only owned tabs, including one the user renamed; user tabs keep their cells', () => {
    const first = fullRunOnEmulator(invoices(), customers());
    const { emulator } = first.session;
    const notes = emulator.spreadsheet.insertSheet('Ghi chú');
    notes.getRange('A1:B1').setValues([['Khách VIP', 'gọi lại thứ Hai']]);
    // The user renames our "Đã rời bỏ" tab; it is still ours (the mark travels with the tab, not the name).
    const lost = first.result.segments.find((segment) => segment.id === 'lost')!;
    findSheet(emulator, lost.tab!)!.state.name = 'Khách cũ';
    const userTabs = ['Trang tính1', 'Hóa đơn', 'Khách hàng', 'Ghi chú'];
    const before = snapshotOf(emulator, userTabs);

    const second = fullRunOnEmulator([], [], { on: first.session, runId: 'second-run' });
    expect(snapshotOf(emulator, userTabs)).toEqual(before);
    expect(sheetNames(emulator)).not.toContain('Khách cũ');
    expect(second.tabs).toEqual(first.tabs.filter((name) => name !== 'Phân khúc lọc'));
    for (const name of second.tabs) expect(readTab(emulator, name).mark).toMatchObject({ run: 'second-run' });
    expect(readTab(emulator, lost.tab!).values.length - 1).toBe(lost.customers);
    // Every tab is there once: no "(2)" copies of History or the snapshot.
    expect(sheetNames(emulator).filter((name) => / \(\d+\)$/.test(name))).toEqual([]);
  });
});
