/** Issue details in Vietnamese carry the same facts as the English message (issue 17: merged customers). */
import type { DataIssue } from '../../../src/core/issues';
import { issueMessage } from '../../../src/core/plan/issue-messages';

const merged = (message: string): DataIssue => ({
  code: 'merged-customers',
  sheet: 'Khách hàng',
  row: 12,
  relatedRow: 4,
  value: 'KH020',
  message,
});

describe('merged customers', () => {
  test('a shared phone: the Vietnamese message names the phone, the row and the code it was merged into', () => {
    const issue = merged('Shares phone 0901234567 with row 4 (KH007): merged into one customer.');
    expect(issueMessage(issue, 'en')).toBe(issue.message);
    expect(issueMessage(issue, 'vi')).toBe(
      'Trùng số điện thoại 0901234567 với dòng 4 (KH007): gộp thành một khách hàng.',
    );
  });

  test('the same member code on two rows: both messages name the code', () => {
    const issue = merged('Member code KH020 also on row 4: the rows are merged into one customer.');
    expect(issueMessage(issue, 'vi')).toBe('Mã thành viên KH020 cũng có ở dòng 4: gộp thành một khách hàng.');
  });

  test('another shared identity still names the row and the customer', () => {
    const issue = merged('Shares an identity with row 4 (an@shop.vn): merged into one customer.');
    expect(issueMessage(issue, 'vi')).toBe(
      'Trùng mã, số điện thoại hoặc email với dòng 4 (an@shop.vn): gộp thành một khách hàng.',
    );
  });
});
