import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createEmulator, loadSheet } from '../emulator';
import { callServer, DIST, loadBundleWithEmulator } from '../emulator/bundle';
import type { SetupInfo } from '../../src/shared/api';

/** The built dist/Code.js running on the emulator, as Apps Script runs the pushed project. */
function shopWithBundle() {
  const emulator = createEmulator({
    locale: 'vi_VN',
    timeZone: 'Asia/Ho_Chi_Minh',
    htmlDir: DIST,
    firstSheetName: 'Hóa đơn',
  });
  loadSheet(emulator, 'Hóa đơn', [
    ['Mã hóa đơn', 'Thời gian', 'Mã khách hàng', 'Tên khách hàng', 'Điện thoại', 'Tổng tiền hàng'],
    ['HD000101', '22/11/2026 14:05', 'KH000001', 'Nguyễn Thị Lan', '0901234567', '1.250.000'],
    ['HD000102', '23/11/2026 09:30', 'KH000002', 'Trần Văn Bình', '0912345678', '450.000'],
  ]);
  const context = loadBundleWithEmulator(emulator);
  emulator.resetCalls();
  return { emulator, context };
}

describe('dist/Code.js on the emulator', () => {
  test('onOpen builds the add-on menu; showSidebar serves dist/Sidebar.html with its title', () => {
    const { emulator, context } = shopWithBundle();
    callServer(context, 'onOpen', { authMode: 'NONE' });
    callServer(context, 'showSidebar');
    expect(emulator.ui.menus).toHaveLength(1);
    expect(emulator.ui.menus[0]!.items).toContainEqual({ caption: 'Open', functionName: 'showSidebar' });
    expect(emulator.ui.sidebars).toHaveLength(1);
    expect(emulator.ui.sidebars[0]!.title).toBe('Segment Tabs');
    expect(emulator.ui.sidebars[0]!.content).toBe(readFileSync(join(DIST, 'Sidebar.html'), 'utf8'));
  });

  test('getSetup lists the user’s tabs but not the add-on’s own, in the spreadsheet’s zone and language', () => {
    const { emulator, context } = shopWithBundle();
    const owned = emulator.spreadsheet.insertSheet('Champions');
    owned.addDeveloperMetadata(
      'segment-tabs',
      JSON.stringify({ key: 'champions', role: 'segment', run: 'r1' }),
    );
    emulator.resetCalls();
    const setup = callServer<SetupInfo>(context, 'getSetup');
    expect(setup.language).toBe('vi');
    expect(setup.timeZone).toBe('Asia/Ho_Chi_Minh');
    expect(setup.today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(setup.sheets.map(({ name, rows, columns }) => ({ name, rows, columns }))).toEqual([
      { name: 'Hóa đơn', rows: 3, columns: 6 },
    ]);
    // One metadata look-up, then a fixed number of calls per tab: nothing per row.
    expect(emulator.calls.of('DeveloperMetadataFinder.find')).toBe(1);
    expect(emulator.calls.of('Range.getValues')).toBe(1);
  });
});
