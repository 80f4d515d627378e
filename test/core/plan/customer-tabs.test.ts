import {
  CustomerRows,
  customersTab,
  filterSegmentTab,
  segmentTab,
} from '../../../src/core/plan/customer-tabs';
import { makeCustomer } from '../filter/customer-factory';

const lan = makeCustomer({
  key: 'code:KH001',
  code: 'KH001',
  name: 'Nguyễn Thị Lan',
  segmentId: 'champions',
});
const minh = makeCustomer({ key: 'code:KH002', code: 'KH002', name: 'Trần Văn Minh', segmentId: 'lost' });

describe('customer rows shared between tabs', () => {
  it('shows a customer with the same row on the Customers tab and on their segment tab', () => {
    const rows = new CustomerRows('vi');
    const customers = customersTab([lan, minh], 'vi', rows).blocks[0]!;
    const champions = segmentTab('champions', [lan], 'vi', rows).blocks[0]!;
    expect(champions.rows[0]).toEqual(customers.rows[0]);
    expect(customers.rows[0]).toContain('Nguyễn Thị Lan');
    expect(customers.rows[1]).toContain('Trần Văn Minh');
  });

  it('adds the A/B group to the filter tab only, never to the rows other tabs show', () => {
    const rows = new CustomerRows('en');
    const customers = customersTab([lan, minh], 'en', rows).blocks[0]!;
    const columns = customers.columns.length;
    const filter = filterSegmentTab({ name: 'VIP Hà Nội', colour: '#d93025' }, [lan, minh], 'en', ['A', 'B']);
    const block = filter.blocks[0]!;
    expect(block.columns.at(-1)?.header).toBe('A/B group');
    expect(block.rows.map((row) => row.at(-1))).toEqual(['A', 'B']);
    expect(block.rows.map((row) => row.length)).toEqual([columns + 1, columns + 1]);
    // Built again from the same cache, the Customers tab's rows are untouched.
    expect(customersTab([lan, minh], 'en', rows).blocks[0]!.rows.map((row) => row.length)).toEqual([
      columns,
      columns,
    ]);
  });
});

describe('scores of metrics the run does not use', () => {
  it('leaves M blank, not 0, when the run scores R and F only', () => {
    const scored = makeCustomer({ key: 'code:KH003', code: 'KH003', segmentId: 'loyal', r: 4, f: 5, m: 0 });
    const block = customersTab([scored], 'en', new CustomerRows('en', 'rf')).blocks[0]!;
    const at = (header: string) => block.columns.findIndex((column) => column.header === header);
    expect([block.rows[0]![at('R')], block.rows[0]![at('F')], block.rows[0]![at('M')]]).toEqual([4, 5, null]);
    const all = customersTab([scored], 'en', new CustomerRows('en', 'rfm')).blocks[0]!;
    expect(all.rows[0]![at('M')]).toBe(0);
  });
});
