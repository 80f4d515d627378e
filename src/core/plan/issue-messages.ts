/**
 * A data issue's details in the user's language. The engine records each issue with an English message (the
 * parsers' exact reasons: what was read, what was expected); a Vietnamese user gets the same facts from the
 * issue's code, cell, value and related row, worded per code below. The sheet, cell, header and raw value are
 * columns of their own on the Data-issues tab, so the words here say what happened and what was done.
 */
import type { DataIssue, IssueCode } from '../issues';
import type { Language } from '../options';

type VietnameseMessage = (issue: DataIssue) => string;

const row = (issue: DataIssue) => (issue.relatedRow ? ` dòng ${issue.relatedRow}` : ' một dòng phía trên');

/**
 * The same facts as the English message (read-customers.ts): the member code on both rows, or the shared phone
 * and the first row's code.
 */
function mergedCustomers(issue: DataIssue): string {
  const sameCode = /^Member code (.+) also on row (\d+):/.exec(issue.message);
  if (sameCode)
    return `Mã thành viên ${sameCode[1]} cũng có ở dòng ${sameCode[2]}: gộp thành một khách hàng.`;
  const shared = /^Shares (phone (\S+)|an identity) with row (\d+) \((.*)\): merged/.exec(issue.message);
  if (shared) {
    const what = shared[2] ? `số điện thoại ${shared[2]}` : 'mã, số điện thoại hoặc email';
    return `Trùng ${what} với dòng ${shared[3]} (${shared[4]}): gộp thành một khách hàng.`;
  }
  return `Cùng một người với${row(issue)}: gộp thành một khách hàng.`;
}

const VIETNAMESE: Record<Exclude<IssueCode, 'bad-filter-segment'>, VietnameseMessage> = {
  'blank-row': () => 'Dòng trống: bỏ qua.',
  'repeated-header': () => 'Dòng tiêu đề lặp lại (dán hai lần?): bỏ qua.',
  'totals-row': () =>
    'Dòng tổng cộng: là tổng của các dòng khác, không phải một lần bán hay một khách: bỏ qua.',
  'title-row': () => 'Dòng chỉ có một ô là tiêu đề hoặc ghi chú, không phải dữ liệu: bỏ qua.',
  'bad-date': () => 'Không đọc được ngày: cần dạng 22/11/2026 hoặc 22/11/2026 14:05 (hoặc một ô ngày).',
  'ambiguous-date': () => 'Ngày đọc được theo hai cách (ngày/tháng hay tháng/ngày): hãy chọn thứ tự ngày.',
  'bad-amount': (issue) =>
    issue.message.startsWith('too large')
      ? 'Số tiền quá lớn (quá 13 chữ số trước dấu thập phân): không tính.'
      : 'Không đọc được số tiền: cần dạng 1.250.000 hoặc 1.250.000 ₫.',
  'rounded-amount': () => 'Số tiền có nhiều chữ số thập phân hơn các số tiền khác của sheet: đã làm tròn.',
  'conflicting-invoice-total': (issue) =>
    `Cùng mã hóa đơn với${row(issue)} nhưng tổng tiền khác: giữ tổng của dòng đầu, hãy kiểm tra lại.`,
  'bad-number': () => 'Không đọc được số: cần một số như 2 hoặc 1,5.',
  'bad-phone': () => 'Số điện thoại không hợp lệ: cần 10 số như 0901234567 hoặc +84 90 123 4567.',
  'bad-email': () => 'Email không hợp lệ: cần dạng ten@vi-du.com.',
  'missing-invoice-code': () => 'Không có mã hóa đơn: dòng này không tính được là một hóa đơn.',
  'missing-date': (issue) => `Hóa đơn ${issue.value ?? ''} không có ngày đọc được: không tính.`,
  'missing-amount': (issue) => `Hóa đơn ${issue.value ?? ''} không có số tiền đọc được: không tính.`,
  'duplicate-row': (issue) => `Giống hệt${row(issue)} ở mọi cột (dán hai lần?): chỉ tính một lần.`,
  'duplicate-invoice': (issue) => `Mã hóa đơn ${issue.value ?? ''} đã có ở${row(issue)}: chỉ tính một lần.`,
  'cancelled-invoice': () => 'Hóa đơn đã hủy hoặc trả: không tính.',
  'non-positive-invoice': () => 'Hóa đơn có tổng bằng 0 hoặc âm: không tính là một lần mua.',
  'unmatched-invoice': () =>
    'Không khách hàng nào trong sheet khách hàng có mã, số điện thoại hoặc email này: không tính cho khách nào.',
  'walk-in-invoice': () =>
    'Khách lẻ (không có mã, số điện thoại hay email): tính vào doanh thu, không vào khách nào.',
  'merged-customers': mergedCustomers,
  'missing-customer-key': () =>
    'Không có mã thành viên, số di động hay email: không thể ghép với hóa đơn nên bỏ qua.',
  'future-date': () => 'Ngày sau ngày tính: hóa đơn không được tính.',
  'unclosed-quote': () =>
    'Dấu ngoặc kép mở mà không đóng: dòng này được đọc như không có ngoặc, các dòng sau vẫn được đọc.',
  'joined-lines': () =>
    'Dòng này có nhiều ô hơn hẳn dòng tiêu đề (mất ký tự xuống dòng?): chỉ các cột dưới tiêu đề được đọc.',
};

export function issueMessage(issue: DataIssue, language: Language): string {
  // Filter-segment problems are written in the run's language where they arise (they quote the definition).
  if (language === 'en' || issue.code === 'bad-filter-segment') return issue.message;
  return VIETNAMESE[issue.code](issue);
}
