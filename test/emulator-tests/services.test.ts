import { join } from 'node:path';
import { createEmulator } from '../emulator';
import type {
  EmuCacheService,
  EmuLockService,
  EmuPropertiesService,
  EmuUtilities,
} from '../emulator/services';
import type { EmuHtmlService } from '../emulator/ui';

function services(options: Parameters<typeof createEmulator>[0] = {}) {
  const emulator = createEmulator({ locale: 'vi_VN', timeZone: 'Asia/Ho_Chi_Minh', ...options });
  const g = emulator.globals;
  return {
    emulator,
    LockService: g.LockService as EmuLockService,
    CacheService: g.CacheService as EmuCacheService,
    PropertiesService: g.PropertiesService as EmuPropertiesService,
    Utilities: g.Utilities as EmuUtilities,
    HtmlService: g.HtmlService as EmuHtmlService,
    SpreadsheetApp: g.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp,
    Session: g.Session as GoogleAppsScript.Base.Session,
    Logger: g.Logger as GoogleAppsScript.Base.Logger,
  };
}

describe('LockService', () => {
  test('a free lock is taken at once; the same execution may take it again', () => {
    const { LockService } = services();
    const lock = LockService.getDocumentLock()!;
    expect(lock.hasLock()).toBe(false);
    expect(lock.tryLock(1000)).toBe(true);
    expect(LockService.getDocumentLock()!.hasLock()).toBe(true);
    expect(LockService.getDocumentLock()!.tryLock(0)).toBe(true);
    lock.releaseLock();
    expect(lock.hasLock()).toBe(false);
  });

  test('while another execution holds it, tryLock waits out the timeout and fails; waitLock throws', () => {
    const { emulator, LockService } = services();
    emulator.locks.holdElsewhere('document');
    const started = emulator.world.now();
    expect(LockService.getDocumentLock()!.tryLock(30_000)).toBe(false);
    expect(emulator.world.now() - started).toBeGreaterThanOrEqual(30_000);
    expect(() => LockService.getDocumentLock()!.waitLock(10_000)).toThrow(
      'Lock timeout: another process was holding the lock for too long.',
    );
    // The script lock is a different lock.
    expect(LockService.getScriptLock().tryLock(0)).toBe(true);
  });

  test('a lock released by the other execution within the timeout is acquired', () => {
    const { emulator, LockService } = services();
    emulator.locks.holdElsewhere('document', { releaseAfterMs: 5_000 });
    expect(LockService.getDocumentLock()!.tryLock(1_000)).toBe(false);
    expect(LockService.getDocumentLock()!.tryLock(10_000)).toBe(true);
    emulator.locks.endExecution();
    expect(LockService.getDocumentLock()!.hasLock()).toBe(false);
  });
});

describe('CacheService', () => {
  test('put/get/remove, getAll/putAll/removeAll, per scope', () => {
    const { CacheService } = services();
    const cache = CacheService.getDocumentCache();
    cache.put('segment-tabs:progress:r1', '{"step":"reading","done":0.2}');
    expect(CacheService.getDocumentCache().get('segment-tabs:progress:r1')).toBe(
      '{"step":"reading","done":0.2}',
    );
    expect(CacheService.getScriptCache().get('segment-tabs:progress:r1')).toBeNull();
    cache.putAll({ a: '1', b: '2' });
    expect(cache.getAll(['a', 'b', 'missing'])).toEqual({ a: '1', b: '2' });
    cache.removeAll(['a']);
    cache.remove('b');
    expect(cache.getAll(['a', 'b'])).toEqual({});
  });

  test('entries expire after their time to live (default 10 minutes, at most 6 hours)', () => {
    const { emulator, CacheService } = services();
    const cache = CacheService.getUserCache();
    cache.put('short', 'x', 60);
    cache.put('default', 'y');
    cache.put('long', 'z', 100_000);
    emulator.advanceTime(61_000);
    expect(cache.get('short')).toBeNull();
    expect(cache.get('default')).toBe('y');
    emulator.advanceTime(600_000);
    expect(cache.get('default')).toBeNull();
    emulator.advanceTime(21_600_000 - 661_000 - 1);
    expect(cache.get('long')).toBe('z');
    emulator.advanceTime(1);
    expect(cache.get('long')).toBeNull();
  });

  test('keys over 250 characters and values over 100 KB are refused with the real messages', () => {
    const { CacheService } = services();
    const cache = CacheService.getScriptCache();
    expect(() => cache.put('k'.repeat(251), 'v')).toThrow('Argument too large: key');
    cache.put('fits', 'x'.repeat(100 * 1024));
    // Vietnamese text takes 2–3 bytes a character in UTF-8.
    expect(() => cache.put('big', 'ệ'.repeat(40 * 1024))).toThrow('Argument too large: value');
    expect(() => cache.putAll({ ok: '1', big: 'x'.repeat(100 * 1024 + 1) })).toThrow(
      'Argument too large: value',
    );
    expect(cache.get('ok')).toBeNull();
  });
});

describe('PropertiesService', () => {
  test('values are strings, copies are returned, scopes are separate', () => {
    const { PropertiesService } = services();
    const documentProps = PropertiesService.getDocumentProperties();
    documentProps.setProperty('segment-tabs:settings', '{"levels":5}');
    documentProps.setProperties({ count: 3 as unknown as string });
    expect(documentProps.getProperty('count')).toBe('3');
    const copy = documentProps.getProperties();
    copy.count = 'changed';
    expect(documentProps.getProperty('count')).toBe('3');
    expect(PropertiesService.getUserProperties().getProperty('count')).toBeNull();
    documentProps.setProperties({ only: 'this' }, true);
    expect(documentProps.getKeys()).toEqual(['only']);
    documentProps.deleteProperty('only');
    expect(documentProps.getProperties()).toEqual({});
  });

  test('a value over 9 KB and a store over 500 KB are refused', () => {
    const { PropertiesService } = services();
    const props = PropertiesService.getScriptProperties();
    props.setProperty('fits', 'x'.repeat(9 * 1024));
    expect(() => props.setProperty('map', 'ô'.repeat(5000))).toThrow('Argument too large: value');
    for (let i = 0; i < 54; i++) props.setProperty(`k${i}`, 'x'.repeat(9 * 1024));
    expect(() => props.setProperty('one-more', 'x'.repeat(9 * 1024))).toThrow(
      'You have exceeded the property storage quota. Please remove some properties and try again.',
    );
    expect(props.getProperty('one-more')).toBeNull();
  });
});

describe('HtmlService and the Ui', () => {
  test('createHtmlOutputFromFile reads <name>.html from the html folder; a missing file fails', () => {
    const dir = join(__dirname, '..', '..', 'src', 'sidebar');
    const { HtmlService } = services({ htmlDir: dir });
    const page = HtmlService.createHtmlOutputFromFile('index').setTitle('Segment Tabs').setWidth(300);
    expect(page.getContent()).toContain('<');
    expect(page.getTitle()).toBe('Segment Tabs');
    expect(page.getWidth()).toBe(300);
    expect(() => HtmlService.createHtmlOutputFromFile('Missing')).toThrow(
      'No HTML file named Missing was found.',
    );
  });

  test('menus, sidebars, alerts and toasts are recorded', () => {
    const { emulator, HtmlService, SpreadsheetApp } = services();
    const ui = SpreadsheetApp.getUi();
    ui.createAddonMenu().addItem('Mở', 'showSidebar').addSeparator().addItem('Chạy lại', 'rerun').addToUi();
    ui.showSidebar(HtmlService.createHtmlOutputFromFile('Sidebar').setTitle('Segment Tabs') as never);
    ui.alert('Đang có một lần chạy khác.');
    ui.alert('Lỗi', 'Không tìm thấy sheet', ui.ButtonSet.OK);
    SpreadsheetApp.getActiveSpreadsheet().toast('Xong: 1.234 khách hàng', 'Segment Tabs');
    expect(emulator.ui.menus).toEqual([
      {
        kind: 'addon',
        caption: 'Add-on',
        items: [
          { caption: 'Mở', functionName: 'showSidebar' },
          { separator: true },
          { caption: 'Chạy lại', functionName: 'rerun' },
        ],
      },
    ]);
    expect(emulator.ui.sidebars).toEqual([
      { file: 'Sidebar', title: 'Segment Tabs', width: null, height: null, content: '' },
    ]);
    expect(emulator.ui.alerts).toEqual([
      { title: null, prompt: 'Đang có một lần chạy khác.', buttons: null },
      { title: 'Lỗi', prompt: 'Không tìm thấy sheet', buttons: 'OK' },
    ]);
    expect(emulator.toasts).toEqual([
      { message: 'Xong: 1.234 khách hàng', title: 'Segment Tabs', timeoutSeconds: 5 },
    ]);
  });
});

describe('Session', () => {
  test('user locale defaults to the spreadsheet language; script time zone to the spreadsheet zone', () => {
    const { Session } = services();
    expect(Session.getActiveUserLocale()).toBe('vi');
    expect(Session.getScriptTimeZone()).toBe('Asia/Ho_Chi_Minh');
    expect(Session.getActiveUser().getEmail()).toBe('owner@example.com');
    const english = services({ userLocale: 'en', scriptTimeZone: 'America/New_York' }).Session;
    expect(english.getActiveUserLocale()).toBe('en');
    expect(english.getScriptTimeZone()).toBe('America/New_York');
  });
});

describe('Utilities', () => {
  test('formatDate follows SimpleDateFormat in the given zone', () => {
    const { Utilities } = services();
    const instant = new Date('2026-11-21T18:05:09.042Z');
    expect(Utilities.formatDate(instant, 'Asia/Ho_Chi_Minh', 'yyyy-MM-dd')).toBe('2026-11-22');
    expect(Utilities.formatDate(instant, 'America/New_York', 'yyyy-MM-dd')).toBe('2026-11-21');
    expect(Utilities.formatDate(instant, 'Asia/Ho_Chi_Minh', "dd/MM/yyyy HH:mm:ss.SSS 'giờ' Z")).toBe(
      '22/11/2026 01:05:09.042 giờ +0700',
    );
    expect(Utilities.formatDate(instant, 'GMT', "EEE, d MMM yy h:mm a XXX ''")).toBe(
      "Sat, 21 Nov 26 6:05 PM Z '",
    );
    expect(Utilities.formatDate(instant, 'GMT+07:00', 'HH:mm')).toBe('01:05');
    expect(Utilities.formatDate(instant, 'Not/AZone', 'HH:mm')).toBe('18:05');
  });

  test('digests are signed bytes; base64 and blobs round-trip UTF-8 text', () => {
    const { Utilities } = services();
    const md5 = Utilities.computeDigest(Utilities.DigestAlgorithm.MD5 as never, 'abc');
    // MD5("abc") = 900150983cd24fb0d6963f7d28e17f72
    expect(md5.slice(0, 4)).toEqual([-112, 1, 80, -104]);
    const hex = (bytes: number[]) => bytes.map((b) => (b & 0xff).toString(16).padStart(2, '0')).join('');
    expect(hex(Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256 as never, 'abc'))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(Utilities.base64Encode('Nguyễn')).toBe('Tmd1eeG7hW4=');
    const blob = Utilities.newBlob('Mã KH,Tên\nKH001,Lan', 'text/csv', 'khach-hang.csv');
    expect(blob.getDataAsString()).toBe('Mã KH,Tên\nKH001,Lan');
    expect(blob.getName()).toBe('khach-hang.csv');
    expect(Utilities.newBlob(Utilities.base64Decode('Tmd1eeG7hW4=')).getDataAsString()).toBe('Nguyễn');
  });

  test('sleep does not wait: it is recorded and moves the virtual clock', () => {
    const { emulator, Utilities } = services();
    const before = emulator.world.now();
    const wall = Date.now();
    Utilities.sleep(5_000);
    expect(Date.now() - wall).toBeLessThan(1_000);
    expect(emulator.world.now() - before).toBeGreaterThanOrEqual(5_000);
    expect(emulator.sleeps).toEqual([5_000]);
  });
});

describe('Logger and console', () => {
  test('are recorded, not printed', () => {
    const { emulator, Logger } = services();
    Logger.log('Đã đọc %s dòng từ %s', 15234, 'Hóa đơn');
    (emulator.globals.console as Console).warn('unmatched', 3);
    expect(emulator.logs).toEqual([
      { source: 'Logger', level: 'info', message: 'Đã đọc 15234 dòng từ Hóa đơn' },
      { source: 'console', level: 'warn', message: 'unmatched 3' },
    ]);
    expect(Logger.getLog()).toBe('Đã đọc 15234 dòng từ Hóa đơn\n');
  });
});
