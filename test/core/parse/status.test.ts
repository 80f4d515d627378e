/** Invoice statuses: cancelled, returned and void invoices are excluded; every other status counts. */
import { isCancelledStatus } from '../../../src/core/parse/status';

describe('isCancelledStatus', () => {
  it.each([
    'Đã hủy',
    'Đã huỷ', // old tone-mark placement
    'ĐÃ HỦY',
    'Đã hủy'.normalize('NFD'),
    'Hủy',
    'Huỷ',
    'Da huy',
    'Hủy đơn',
    'Đơn hủy',
    'Trả hàng',
    'Đã trả hàng',
    'Hoàn trả',
    'Hoàn tiền',
    'Cancelled',
    'Canceled',
    'cancelled by customer',
    'Refunded',
    'refunded',
    'voided',
    'Returned',
  ])('excludes %j', (status) => {
    expect(isCancelledStatus(status)).toBe(true);
  });

  it.each([
    'Hoàn thành',
    'Đã hoàn thành',
    'Đang giao dịch',
    'Đặt hàng',
    'Đã lưu trữ',
    'paid',
    'pending',
    'partially_refunded',
    'Trả hàng một phần',
    '',
    '   ',
    null,
    undefined,
    1,
  ])('counts %j', (status) => {
    expect(isCancelledStatus(status)).toBe(false);
  });
});
