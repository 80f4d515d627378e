import { createEmulator, metadataOf } from '../emulator';

type App = GoogleAppsScript.Spreadsheet.SpreadsheetApp;

function shop() {
  const emulator = createEmulator({ locale: 'vi_VN', timeZone: 'Asia/Ho_Chi_Minh' });
  const app = emulator.globals.SpreadsheetApp as App;
  return { emulator, app, spreadsheet: emulator.spreadsheet };
}

describe('developer metadata', () => {
  test('metadata on tabs is found by key across the spreadsheet, with its location', () => {
    const { app, spreadsheet } = shop();
    const champions = spreadsheet.insertSheet('Champions');
    const lost = spreadsheet.insertSheet('Lost');
    champions.addDeveloperMetadata('segment-tabs', '{"role":"segment","key":"champions"}');
    lost.addDeveloperMetadata(
      'segment-tabs',
      '{"role":"segment","key":"lost"}',
      app.DeveloperMetadataVisibility.PROJECT,
    );
    lost.addDeveloperMetadata('someone-else', 'x');
    spreadsheet.addDeveloperMetadata('segment-tabs', 'spreadsheet-level');

    const found = spreadsheet.createDeveloperMetadataFinder().withKey('segment-tabs').find();
    expect(found.map((meta) => meta.getValue())).toEqual([
      '{"role":"segment","key":"champions"}',
      '{"role":"segment","key":"lost"}',
      'spreadsheet-level',
    ]);
    const locations = found.map((meta) => meta.getLocation());
    expect(locations.map((location) => String(location.getLocationType()))).toEqual([
      'SHEET',
      'SHEET',
      'SPREADSHEET',
    ]);
    expect(locations[0]!.getLocationType()).toBe(app.DeveloperMetadataLocationType.SHEET);
    expect(locations[1]!.getSheet()!.getName()).toBe('Lost');
    expect(locations[2]!.getSheet()).toBeNull();
    expect(String(found[1]!.getVisibility())).toBe('PROJECT');
    expect(String(found[0]!.getVisibility())).toBe('DOCUMENT');
  });

  test('finders narrow by value and by sheet; getDeveloperMetadata lists only that location', () => {
    const { spreadsheet } = shop();
    const a = spreadsheet.insertSheet('A');
    const b = spreadsheet.insertSheet('B');
    a.addDeveloperMetadata('role', 'summary');
    b.addDeveloperMetadata('role', 'history');
    spreadsheet.addDeveloperMetadata('role', 'history');
    expect(
      spreadsheet.createDeveloperMetadataFinder().withKey('role').withValue('history').find(),
    ).toHaveLength(2);
    expect(b.createDeveloperMetadataFinder().withValue('history').find()).toHaveLength(1);
    expect(a.getDeveloperMetadata().map((meta) => meta.getValue())).toEqual(['summary']);
    expect(spreadsheet.getDeveloperMetadata().map((meta) => meta.getValue())).toEqual(['history']);
  });

  test('a key without a value reads back null; overloads with a visibility only', () => {
    const { app, spreadsheet } = shop();
    const sheet = spreadsheet.insertSheet('Customers');
    sheet.addDeveloperMetadata('owned');
    sheet.addDeveloperMetadata('private', app.DeveloperMetadataVisibility.PROJECT);
    const [owned, hidden] = sheet.getDeveloperMetadata();
    expect(owned!.getValue()).toBeNull();
    expect(hidden!.getValue()).toBeNull();
    expect(String(hidden!.getVisibility())).toBe('PROJECT');
  });

  test('setValue and remove act on the stored metadata, seen by every later finder', () => {
    const { emulator, spreadsheet } = shop();
    const sheet = spreadsheet.insertSheet('Lost');
    sheet.addDeveloperMetadata('segment-tabs', 'run-1');
    const [meta] = spreadsheet.createDeveloperMetadataFinder().withKey('segment-tabs').find();
    meta!.setValue('run-2');
    expect(sheet.getDeveloperMetadata()[0]!.getValue()).toBe('run-2');
    const id = meta!.getId();
    expect(spreadsheet.createDeveloperMetadataFinder().withId(id).find()).toHaveLength(1);
    meta!.remove();
    expect(spreadsheet.createDeveloperMetadataFinder().withKey('segment-tabs').find()).toEqual([]);
    expect(metadataOf(emulator)).toEqual([]);
  });

  test('metadata follows its tab through a rename', () => {
    const { spreadsheet } = shop();
    const sheet = spreadsheet.insertSheet('~staging 1');
    sheet.addDeveloperMetadata('segment-tabs', 'customers');
    sheet.setName('Customers');
    const [meta] = spreadsheet.createDeveloperMetadataFinder().withKey('segment-tabs').find();
    expect(meta!.getLocation().getSheet()!.getName()).toBe('Customers');
  });
});
