/**
 * Types of `shop-generator.cjs` for TypeScript callers (jest tests, the CLI's benchmark). The implementation
 * and its documentation live in the `.cjs` file; this file only describes its exports.
 */

export type Cell = string | number;

/** One sheet as written: title rows (already as wide as the header), the header, every row below it. */
export interface SheetData {
  titleRows: string[][];
  header: string[];
  rows: Cell[][];
}

export interface GenerateShopOptions {
  seed: number | string;
  /** Invoice-line rows of data, before the duplicated paste, repeated header and totals row. At least 200. */
  invoiceRows: number;
  /** Registered customers; default invoiceRows / 10; at most invoiceRows / 4. */
  customers?: number;
  /** `yyyy-mm-dd`; the last sale is on the day before. Default `2026-11-22`. */
  asOf?: string;
  /** Length of the sales window in months. Default 18. */
  months?: number;
  /** Messy-paste quirks (title rows, text money, phone spellings, duplicates, cancellations…). Default true. */
  quirks?: boolean;
  layout?: 'kiotviet';
}

/** Per member code (or per unlisted code): what the engine should compute. */
export interface CustomerTruth {
  /** Distinct valid invoices: not cancelled, net > 0. */
  invoices: number;
  /** Net of every non-cancelled invoice, returns included. */
  netSpend: number;
  /** Sum of the valid invoices' net amounts (what `Tổng bán` shows). */
  grossSpend: number;
  /** `yyyy-mm-dd` in the shop's zone, '' for a customer who never bought. */
  firstPurchase: string;
  lastPurchase: string;
  cancelledInvoices: number;
  /** Return documents (`TH…`) against this customer. */
  returns: number;
}

export interface MergedTruth {
  /** Canonical `0xxxxxxxxx` phone shared by the customer rows. */
  phone: string;
  codes: string[];
  invoices: number;
  netSpend: number;
  firstPurchase: string;
  lastPurchase: string;
}

export interface BadCell {
  /** 1-based row of the written sheet (title rows included). */
  row: number;
  column: string;
  value: string;
  invoice: string;
}

export interface QuirkTruth {
  titleRows: number;
  blankRowsAboveHeader: number;
  /** 1-based sheet row of the header and of the first data row. */
  headerRow: number;
  firstDataRow: number;
  repeatedHeaderRows: number[];
  duplicatedBlock: { firstRow: number; rows: number; sameAsFirstRow: number } | null;
  /** Every row identical to an earlier row, with the earlier row's number. */
  duplicateRows: { row: number; sameAs: number }[];
  totalsRows: number[];
  badCells: BadCell[];
  dateWithSecondsRows: number;
  dateDayAbove12Rows: number;
  moneyDottedTextRows: number;
  moneyDongTextRows: number;
  /** Customers per phone spelling: canonical, spaces, dots, parentheses, plus84, prefix84, lostZero, old11. */
  phoneSpellings: Record<string, number>;
  sharedPhones: { phone: string; codes: string[]; spellings: string[] }[];
  hostileNames: { code: string; name: string }[];
  nfdNames: string[];
  oldToneNames: string[];
  unlistedCustomerCodes: string[];
}

export interface ShopTruth {
  asOf: string;
  timeZone: 'Asia/Ho_Chi_Minh';
  firstDay: string;
  lastDay: string;
  /** Every code of the customer list, each on its own (merges are in `merged`). */
  customers: Record<string, CustomerTruth>;
  /** Customer rows sharing a phone: one person once merged. */
  merged: MergedTruth[];
  /** Codes on invoices that the customer list lacks. */
  unmatched: Record<string, CustomerTruth>;
  /** Walk-in sales, leaving out the spoiled ones listed in `unreadableInvoices`. */
  walkIn: { invoices: number; netSpend: number; cancelledInvoices: number; unreadableInvoices: string[] };
  counts: {
    customerRows: number;
    buyers: number;
    prospects: number;
    oneTimeBuyers: number;
    invoices: number;
    validInvoices: number;
    cancelledInvoices: number;
    returnInvoices: number;
    exchangeInvoices: number;
    walkInInvoices: number;
    dataRows: number;
  };
  quirks: QuirkTruth;
}

export interface Shop {
  invoices: SheetData;
  customers: SheetData;
  truth: ShopTruth;
}

export function generateShop(options: GenerateShopOptions): Shop;
/** The bundled sample: `generateShop(SAMPLE_OPTIONS)`. */
export function sampleShop(): Shop;
export const SAMPLE_OPTIONS: Readonly<GenerateShopOptions>;
/** The sheet as `Range.getValues()` hands it over: title rows, header and rows, each as wide as the header. */
export function sheetValues(sheet: SheetData): Cell[][];
/** One RFC 4180 CSV record (no line end). */
export function csvRecord(row: Cell[], width: number): string;
/** Writes `invoices.csv` and `customers.csv` (UTF-8 with BOM, `,`, CRLF) into `dir`; returns their paths. */
export function writeShopCsv(
  shop: Pick<Shop, 'invoices' | 'customers'>,
  dir: string,
): { invoices: string; customers: string };
export const INVOICE_HEADER: readonly string[];
export const CUSTOMER_HEADER: readonly string[];
