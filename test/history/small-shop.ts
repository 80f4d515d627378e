/**
 * A small shop pasted month by month into a spreadsheet running the built dist/Code.js on the emulator, small
 * enough that every customer's segment can be worked out by hand, and the sidebar's way of driving it:
 * getSetup → detectColumns → runSegmentation with the detected map, and the filter-segment functions.
 *
 * Scoring is the shop's own breakpoints on R and F with 3 levels, so segments follow from two numbers:
 * - R: days since the last purchase: ≤ 30 → 3, ≤ 90 → 2, else 1; F: invoices: ≥ 4 → 3, ≥ 2 → 2, else 1.
 * - 3-level scores sit on the five-level grid as 1, 3, 5 (segment-map.ts), which names them:
 *     R ≤ 30:   1 invoice New Customers,  2–3 Potential Loyalist,  4+ Champions
 *     R 31–90:  1 invoice About To Sleep, 2–3 Need Attention,      4+ Loyal
 *     R > 90:   1 invoice Lost,           2–3 At Risk,             4+ Can't Lose Them
 *   and a registered customer who never bought is a Prospect.
 */
import type vm from 'node:vm';
import { SEGMENT_BY_ID } from '../../src/core/rfm/segment-catalogue';
import type {
  ColumnDetection,
  FilterSegmentDraft,
  FilterSegmentList,
  RunRequest,
  RunResult,
  RunSettings,
} from '../../src/shared/api';
import { mappingFrom, sheetSelection } from '../../src/sidebar/confirm-columns';
import { createEmulator, findSheet, loadSheet, sheetToValues, type Emulator } from '../emulator';
import { callServer, DIST, loadBundleWithEmulator } from '../emulator/bundle';

export const INVOICE_TAB = 'Hóa đơn';
export const CUSTOMER_TAB = 'Khách hàng';

export const SETTINGS = (asOf: string): RunSettings => ({
  asOf,
  metrics: 'rf',
  levels: 3,
  scoring: 'breakpoints',
  breakpoints: { r: [30, 90], f: [2, 4] },
  monetary: 'total',
});

export const CUSTOMER_HEADER = ['Mã khách hàng', 'Tên khách hàng', 'Điện thoại', 'Tỉnh/Thành phố', 'Nhãn'];
export const INVOICE_HEADER = ['Mã hóa đơn', 'Thời gian', 'Mã khách hàng', 'Tổng tiền hàng'];

/** [code, name, phone, city, tags] as a KiotViet customer export spells them. */
export type CustomerRow = [string, string, string, string, string];
/** [invoice code, `dd/mm/yyyy hh:mm`, customer code, amount as `1.250.000`]. */
export type InvoiceRow = [string, string, string, string];

export interface Shop {
  emulator: Emulator;
  context: vm.Context;
}

export function openShop(): Shop {
  const emulator = createEmulator({
    locale: 'vi_VN',
    timeZone: 'Asia/Ho_Chi_Minh',
    htmlDir: DIST,
    spreadsheetName: 'Tiệm trà Ngõ Nhỏ',
    firstSheetName: INVOICE_TAB,
  });
  return { emulator, context: loadBundleWithEmulator(emulator) };
}

/** One google.script.run call: JSON in and out, and the execution's locks released after it. */
export function call<T>(shop: Shop, name: string, ...args: unknown[]): T {
  try {
    return callServer<T>(shop.context, name, ...args);
  } finally {
    shop.emulator.locks.endExecution();
  }
}

/** Pastes this month's export over the tabs (a paste replaces the cells, as the shop does each month). */
export function paste(shop: Shop, customers: CustomerRow[], invoices: InvoiceRow[]): void {
  loadSheet(shop.emulator, CUSTOMER_TAB, [CUSTOMER_HEADER, ...customers]);
  loadSheet(shop.emulator, INVOICE_TAB, [INVOICE_HEADER, ...invoices]);
}

/** What the sidebar sends after the user confirms the detected columns. */
export function selection(shop: Shop): Pick<RunRequest, 'invoices' | 'customers'> {
  const detect = (sheet: string, kind: 'invoices' | 'customers') =>
    sheetSelection(mappingFrom(call<ColumnDetection>(shop, 'detectColumns', sheet, kind, 'vi')));
  return { invoices: detect(INVOICE_TAB, 'invoices'), customers: detect(CUSTOMER_TAB, 'customers') };
}

export function run(shop: Shop, asOf: string): RunResult {
  call(shop, 'getSetup');
  return call<RunResult>(shop, 'runSegmentation', {
    ...selection(shop),
    settings: SETTINGS(asOf),
    language: 'vi',
    runId: `run-${asOf}-${Math.random().toString(36).slice(2, 8)}`,
  } satisfies RunRequest);
}

export function saveSegment(shop: Shop, draft: FilterSegmentDraft): FilterSegmentList {
  return call<FilterSegmentList>(shop, 'saveFilterSegment', draft, null, 'vi');
}

/** A tab's values, row 1 first; fails the test when the tab is missing. */
export function tabValues(shop: Shop, name: string): (string | number | boolean | Date)[][] {
  const sheet = findSheet(shop.emulator, name);
  if (!sheet)
    throw new Error(
      `No tab named "${name}"; tabs: ${shop.emulator.spreadsheet
        .getSheets()
        .map((s) => s.getName())
        .join(', ')}`,
    );
  return sheetToValues(sheet);
}

/** The Vietnamese name a run gives a segment id (`champions` → `Khách hàng xuất sắc`). */
export function segmentName(id: string): string {
  const segment = SEGMENT_BY_ID.get(id);
  if (!segment) throw new Error(`Unknown segment ${id}`);
  return segment.name.vi;
}
