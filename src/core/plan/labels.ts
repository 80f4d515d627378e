/** Tab names and fixed texts of the plan, in both languages. */
import type { IssueCode } from '../issues';

export const TAB_NAMES = {
  summary: { vi: 'Tổng quan RFM', en: 'RFM Summary' },
  customers: { vi: 'Khách hàng RFM', en: 'RFM Customers' },
  issues: { vi: 'Lỗi dữ liệu', en: 'Data issues' },
  history: { vi: 'Lịch sử phân khúc', en: 'Segment history' },
  movement: { vi: 'Dịch chuyển phân khúc', en: 'Segment movement' },
  snapshot: { vi: 'segment-tabs snapshot', en: 'segment-tabs snapshot' },
  definitions: { vi: 'Phân khúc lọc', en: 'Filter segments' },
  portraits: { vi: 'Chân dung phân khúc', en: 'Segment portraits' },
} as const;

export const ISSUE_LABELS: Record<IssueCode, { vi: string; en: string }> = {
  'blank-row': { vi: 'Dòng trống', en: 'Blank row' },
  'repeated-header': { vi: 'Tiêu đề lặp lại', en: 'Repeated header' },
  'totals-row': { vi: 'Dòng tổng cộng', en: 'Totals row' },
  'title-row': { vi: 'Dòng tiêu đề/ghi chú', en: 'Title or note row' },
  'bad-date': { vi: 'Ngày không đọc được', en: 'Unreadable date' },
  'ambiguous-date': { vi: 'Ngày không rõ', en: 'Ambiguous date' },
  'bad-amount': { vi: 'Số tiền không đọc được', en: 'Unreadable amount' },
  'rounded-amount': { vi: 'Số tiền đã làm tròn', en: 'Amount rounded' },
  'conflicting-invoice-total': { vi: 'Tổng hóa đơn mâu thuẫn', en: 'Conflicting invoice total' },
  'bad-number': { vi: 'Số không đọc được', en: 'Unreadable number' },
  'bad-phone': { vi: 'Số điện thoại sai', en: 'Invalid phone' },
  'bad-email': { vi: 'Email sai', en: 'Invalid email' },
  'missing-invoice-code': { vi: 'Thiếu mã hóa đơn', en: 'No invoice code' },
  'missing-date': { vi: 'Thiếu ngày', en: 'No date' },
  'missing-amount': { vi: 'Thiếu số tiền', en: 'No amount' },
  'duplicate-row': { vi: 'Dòng trùng', en: 'Duplicate row' },
  'duplicate-invoice': { vi: 'Hóa đơn trùng', en: 'Duplicate invoice' },
  'cancelled-invoice': { vi: 'Hóa đơn hủy/trả', en: 'Cancelled or returned' },
  'non-positive-invoice': { vi: 'Hóa đơn ≤ 0', en: 'Invoice ≤ 0' },
  'unmatched-invoice': { vi: 'Không khớp khách hàng', en: 'No matching customer' },
  'walk-in-invoice': { vi: 'Khách lẻ', en: 'Walk-in' },
  'merged-customers': { vi: 'Gộp khách hàng', en: 'Customers merged' },
  'missing-customer-key': { vi: 'Thiếu mã/SĐT/email', en: 'No code, phone or email' },
  'future-date': { vi: 'Ngày sau ngày tính', en: 'After the as-of date' },
  'bad-filter-segment': { vi: 'Phân khúc lọc bị lỗi', en: 'Broken filter segment' },
  'unclosed-quote': { vi: 'Dấu ngoặc kép không đóng', en: 'Unclosed quote' },
  'joined-lines': { vi: 'Nhiều dòng dính liền', en: 'Lines run together' },
};
