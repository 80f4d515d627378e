/**
 * "A run that understood nothing is an error, not a result." After the sheets are read, this checks that the
 * run counted something and that no single reason rejected most of the rows:
 * - an invoice sheet that gives 0 invoices, a run with 0 customers, or one reason (no invoice code, no readable
 *   date, no readable amount, no matching customer) rejecting more than half the rows stops the run with an
 *   error that names the column used, the reason, and the column that looks right when one does; the share of
 *   a reason that rejects whole invoices (date, amount, customer) is of the invoices, since an export of
 *   product lines has several rows per invoice;
 * - a reason rejecting at least `WARNING_SHARE` of the rows is a warning shown at the top of the summary.
 * Cancelled invoices, pasted duplicates and blank rows are the shop's own data, not misreadings: they never count
 * as rejections.
 */
import { columnLetter } from './cell';
import { EngineError, type ColumnFix } from './errors';
import { say, wholeNumberText } from './i18n';
import type { DataIssue, IssueCode } from './issues';
import type { Language } from './options';
import { contentFit } from './table/header';
import { excerpt } from './text';
import { FIELD_BY_ID, type FieldId } from './table/fields';
import type { SheetTable } from './table/sheet-table';

/** More than this share of the rows (or invoices) rejected for one reason stops the run. */
export const ERROR_SHARE = 0.5;
/** At least this share rejected for one reason is a warning at the top of the summary. */
export const WARNING_SHARE = 0.02;

interface Reason {
  code: IssueCode;
  /** What the share is of: a line without an invoice code is a row; a missing date rejects the whole invoice. */
  per: 'row' | 'invoice';
  /** The field whose column the reason is about. */
  field: FieldId;
  en: string;
  vi: string;
}

/** Row-level rejections, in the order they are explained when several apply. */
const REASONS: readonly Reason[] = [
  {
    code: 'missing-invoice-code',
    per: 'row',
    field: 'invoiceCode',
    en: 'have no invoice code',
    vi: 'không có mã hóa đơn',
  },
  {
    code: 'missing-date',
    per: 'invoice',
    field: 'date',
    en: 'have no readable date',
    vi: 'không có ngày đọc được',
  },
  {
    code: 'missing-amount',
    per: 'invoice',
    field: 'invoiceTotal',
    en: 'have no readable amount',
    vi: 'không có số tiền đọc được',
  },
  {
    code: 'unmatched-invoice',
    per: 'invoice',
    field: 'customerCode',
    en: 'match no customer of the customer sheet',
    vi: 'không khớp khách nào trong sheet khách hàng',
  },
];

/** What the user is told about one column: `column C ("Ref No")`. */
function columnName(table: SheetTable, column: number): string {
  return `${columnLetter(column)} ("${excerpt(table.headers[column] ?? '', 60)}")`;
}

/** The column a field's values should come from instead of `used`: the best filled column that fits it. */
function betterColumn(table: SheetTable, field: FieldId, used: number): number {
  const spec = FIELD_BY_ID.get(field);
  if (!spec) return -1;
  const runner = table.matches.find((match) => match.field === field)?.runnerUp;
  if (runner && runner.column !== used && (table.profiles[runner.column]?.filled ?? 0) >= 0.5)
    return runner.column;
  let best = -1;
  let bestFit = 0.6;
  table.profiles.forEach((profile, column) => {
    if (column === used || profile.filled < 0.5) return;
    // Codes are told from other text by being nearly all different values.
    const fit = contentFit(spec, profile) * (spec.type === 'code' ? profile.distinct : 1);
    if (fit > bestFit) {
      best = column;
      bestFit = fit;
    }
  });
  return best;
}

/** The column the amount came from: the invoice total, else the line total, else the unit price. */
function amountField(table: SheetTable): FieldId {
  for (const field of ['invoiceTotal', 'lineTotal', 'unitPrice'] as const)
    if (table.columnOf(field) >= 0) return field;
  return 'invoiceTotal';
}

/** The customer reference column an invoice sheet uses, for messages: code, else phone, else email. */
function referenceField(table: SheetTable): FieldId | undefined {
  return (['customerCode', 'phone', 'email'] as const).find((field) => table.columnOf(field) >= 0);
}

/** What a count is of, in words. */
const UNITS = {
  row: { en: 'rows', vi: 'dòng' },
  invoice: { en: 'invoices', vi: 'hóa đơn' },
} as const;

function explainColumn(
  table: SheetTable,
  field: FieldId,
  count: number,
  of: { total: number; per: 'row' | 'invoice' },
  what: { en: string; vi: string },
  language: Language,
): { text: string; fix?: ColumnFix } {
  const column = table.columnOf(field);
  const label = FIELD_BY_ID.get(field)?.label[language] ?? field;
  const n = (value: number) => wholeNumberText(value, language);
  const rows = table.dataRows.length;
  const unit = UNITS[of.per];
  let text: string;
  if (column < 0) {
    text = say(
      language,
      `${n(count)}/${n(of.total)} ${unit.vi} ${what.vi}: sheet không có cột ${label}.`,
      `${n(count)} of ${n(of.total)} ${unit.en} ${what.en}: the sheet has no ${label} column.`,
    );
  } else if ((table.profiles[column]?.filled ?? 0) === 0) {
    text = say(
      language,
      `cột ${columnName(table, column)}, đọc là ${label}, trống ở cả ${n(rows)} dòng.`,
      `column ${columnName(table, column)}, read as ${label}, is empty in all ${n(rows)} rows.`,
    );
  } else {
    text = say(
      language,
      `${n(count)}/${n(of.total)} ${unit.vi} ${what.vi} ở cột ${columnName(table, column)} (đọc là ${label}).`,
      `${n(count)} of ${n(of.total)} ${unit.en} ${what.en} in column ${columnName(table, column)} (read as ${label}).`,
    );
  }
  const better = betterColumn(table, field, column);
  if (better < 0) return { text };
  const fix: ColumnFix = { kind: table.kind, field, header: table.headers[better] ?? columnLetter(better) };
  return {
    text: `${text} ${say(
      language,
      `Cột ${columnName(table, better)} trông như ${label}: hãy chọn cột đó cho ${label}.`,
      `Column ${columnName(table, better)} looks like ${label}: choose it as ${label}.`,
    )}`,
    fix,
  };
}

export interface UnderstoodInput {
  invoiceTable?: SheetTable;
  customerTable?: SheetTable;
  issues: readonly DataIssue[];
  /** Invoices counted (valid, on or before the as-of date). */
  invoices: number;
  /** Invoices read from the invoice sheet (one per code), whatever became of them. */
  invoicesRead: number;
  customers: number;
  /** Invoices dated after the as-of date (not counted: not a misreading). */
  invoicesAfterAsOf: number;
  cancelledInvoices: number;
  language: Language;
}

/** Throws when the run understood nothing (see the top of the file); returns the warnings otherwise. */
export function checkUnderstood(input: UnderstoodInput): string[] {
  const { invoiceTable, customerTable, issues, language } = input;
  const warnings: string[] = [];
  const stop = (sheet: string, text: string, fix?: ColumnFix): never => {
    throw new EngineError('nothing-understood', `Sheet "${sheet}": ${text}`, {
      sheet,
      ...(fix ? { fix } : {}),
    });
  };
  if (invoiceTable) {
    const rows = invoiceTable.dataRows.length;
    const counts = new Map<IssueCode, number>();
    for (const issue of issues)
      if (issue.sheet === invoiceTable.name) counts.set(issue.code, (counts.get(issue.code) ?? 0) + 1);
    let worst: { reason: Reason; count: number } | undefined;
    for (const reason of REASONS) {
      const count = counts.get(reason.code) ?? 0;
      if (count > 0 && (!worst || count > worst.count)) worst = { reason, count };
    }
    const explain = (found: { reason: Reason; count: number }) => {
      const field =
        found.reason.field === 'invoiceTotal'
          ? amountField(invoiceTable)
          : found.reason.field === 'customerCode'
            ? (referenceField(invoiceTable) ?? 'customerCode')
            : found.reason.field;
      const total = found.reason.per === 'row' ? rows : input.invoicesRead;
      return explainColumn(
        invoiceTable,
        field,
        found.count,
        { total, per: found.reason.per },
        found.reason,
        language,
      );
    };
    if (rows === 0) {
      stop(
        invoiceTable.name,
        say(
          language,
          '0 hóa đơn: không có dòng dữ liệu nào dưới dòng tiêu đề.',
          '0 invoices: no data rows under the header row.',
        ),
      );
    }
    if (input.invoices === 0) {
      const lead = say(
        language,
        `0 hóa đơn được tính từ ${wholeNumberText(rows, language)} dòng: `,
        `0 invoices counted from ${wholeNumberText(rows, language)} rows: `,
      );
      if (worst) {
        const { text, fix } = explain(worst);
        stop(invoiceTable.name, lead + text, fix);
      }
      if (input.invoicesAfterAsOf > 0)
        stop(
          invoiceTable.name,
          lead +
            say(
              language,
              'mọi hóa đơn đều sau ngày tính: chọn ngày tính muộn hơn (hoặc "ngày mới nhất trong dữ liệu").',
              'every invoice is after the as-of date: choose a later as-of date (or "latest").',
            ),
        );
      if (input.cancelledInvoices > 0)
        stop(
          invoiceTable.name,
          lead + say(language, 'mọi hóa đơn đều đã hủy hoặc trả.', 'every invoice is cancelled or returned.'),
        );
      stop(
        invoiceTable.name,
        lead + say(language, 'không hóa đơn nào có tổng dương.', 'no invoice has a positive total.'),
      );
    }
    for (const reason of REASONS) {
      const count = counts.get(reason.code) ?? 0;
      if (count === 0) continue;
      const share = count / Math.max(1, reason.per === 'row' ? rows : input.invoicesRead);
      if (share > ERROR_SHARE) {
        const { text, fix } = explain({ reason, count });
        stop(
          invoiceTable.name,
          say(language, `bị loại quá nửa: ${text}`, `more than half rejected: ${text}`),
          fix,
        );
      }
      if (share >= WARNING_SHARE) warnings.push(`${invoiceTable.name}: ${explain({ reason, count }).text}`);
    }
  }
  if (input.customers === 0) {
    const table = invoiceTable ?? customerTable!;
    const reference = referenceField(table);
    const lead = say(language, '0 khách hàng: ', '0 customers: ');
    if (!reference) {
      const better = (['phone', 'email', 'customerCode'] as const)
        .map((field) => ({ field, column: betterColumn(table, field, -1) }))
        .find((candidate) => candidate.column >= 0);
      const fix = better
        ? { kind: table.kind, field: better.field, header: table.headers[better.column] ?? '' }
        : undefined;
      stop(
        table.name,
        lead +
          say(
            language,
            `không cột nào được đọc là mã khách hàng, số điện thoại hay email.${better ? ` Cột ${columnName(table, better.column)} trông như ${FIELD_BY_ID.get(better.field)!.label.vi}: hãy chọn cột đó.` : ''}`,
            `no column was read as a customer code, phone or email.${better ? ` Column ${columnName(table, better.column)} looks like ${FIELD_BY_ID.get(better.field)!.label.en}: choose it.` : ''}`,
          ),
        fix,
      );
    }
    const rows = table.dataRows.length;
    const { text, fix } = explainColumn(
      table,
      reference ?? 'customerCode',
      rows,
      { total: rows, per: 'row' },
      { en: 'name no customer', vi: 'không ghi khách hàng nào' },
      language,
    );
    stop(table.name, lead + text, fix);
  }
  return warnings;
}
