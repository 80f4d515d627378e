/**
 * Spreadsheet locales the emulator knows: how Sheets reads typed text (decimal and grouping separators,
 * day/month order, the currency symbol it recognises) and which number format it gives a cell it converted.
 * Source: File > Settings > Locale in Sheets ("Locale affects formatting details such as functions, dates, and
 * currency"), https://support.google.com/docs/answer/58515 ; separators and orders as Sheets shows them.
 */
export interface LocaleRules {
  /** Sheets' locale code, as `Spreadsheet.getSpreadsheetLocale()` returns it. */
  code: string;
  /** BCP 47 tag for month and weekday names. */
  tag: string;
  decimal: string;
  group: string;
  /** Order of day and month in a typed `a/b/yyyy` date. */
  dateOrder: 'mdy' | 'dmy';
  /** Format Sheets applies to a General cell that receives a typed date. */
  dateFormat: string;
  /** Format Sheets applies to a General cell that receives a date with a time, or a JavaScript `Date`. */
  dateTimeFormat: string;
  /** Format of a typed time of day. */
  timeFormat: string;
  currencySymbol: string;
  /** Format of a typed amount with the currency symbol. */
  currencyFormat: string;
}

const LOCALES: Record<string, LocaleRules> = {
  en_US: {
    code: 'en_US',
    tag: 'en-US',
    decimal: '.',
    group: ',',
    dateOrder: 'mdy',
    dateFormat: 'M/d/yyyy',
    dateTimeFormat: 'M/d/yyyy H:mm:ss',
    timeFormat: 'h:mm:ss am/pm',
    currencySymbol: '$',
    currencyFormat: '"$"#,##0.00',
  },
  en_GB: {
    code: 'en_GB',
    tag: 'en-GB',
    decimal: '.',
    group: ',',
    dateOrder: 'dmy',
    dateFormat: 'dd/MM/yyyy',
    dateTimeFormat: 'dd/MM/yyyy HH:mm:ss',
    timeFormat: 'HH:mm:ss',
    currencySymbol: '£',
    currencyFormat: '"£"#,##0.00',
  },
  vi_VN: {
    code: 'vi_VN',
    tag: 'vi-VN',
    decimal: ',',
    group: '.',
    dateOrder: 'dmy',
    dateFormat: 'dd/MM/yyyy',
    dateTimeFormat: 'dd/MM/yyyy HH:mm:ss',
    timeFormat: 'HH:mm:ss',
    currencySymbol: '₫',
    currencyFormat: '#,##0 [$₫-42A]',
  },
  de_DE: {
    code: 'de_DE',
    tag: 'de-DE',
    decimal: ',',
    group: '.',
    dateOrder: 'dmy',
    dateFormat: 'dd.MM.yyyy',
    dateTimeFormat: 'dd.MM.yyyy HH:mm:ss',
    timeFormat: 'HH:mm:ss',
    currencySymbol: '€',
    currencyFormat: '#,##0.00 [$€-407]',
  },
};

export const SUPPORTED_LOCALES = Object.keys(LOCALES);

export function localeRules(code: string): LocaleRules {
  const rules = LOCALES[code];
  if (!rules) {
    throw new Error(
      `The emulator does not know locale "${code}"; supported: ${SUPPORTED_LOCALES.join(', ')}`,
    );
  }
  return rules;
}
