import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { SIDEBAR_FUNCTIONS, TRIGGER_FUNCTIONS } from '../../src/shared/api';
import { DIST, loadBundle, topLevelFunctionNames } from './load-bundle';

/** Just enough of Apps Script, defined inside the vm context, to run the entry points and record what they do. */
const FAKE_SERVICES = `
var calls = [];
var menuItems = [];
var sidebars = [];
function Menu() { this.items = []; }
Menu.prototype.addItem = function (caption, functionName) { menuItems.push({ caption: caption, functionName: functionName }); return this; };
Menu.prototype.addSeparator = function () { return this; };
Menu.prototype.addSubMenu = function () { return this; };
Menu.prototype.addToUi = function () { calls.push('addToUi'); };
var ui = {
  createAddonMenu: function () { return new Menu(); },
  createMenu: function () { return new Menu(); },
  showSidebar: function (output) { sidebars.push(output); },
};
function Sheet(name) { this.name = name; }
Sheet.prototype.getName = function () { return this.name; };
Sheet.prototype.getLastRow = function () { return 3; };
Sheet.prototype.getLastColumn = function () { return 2; };
Sheet.prototype.getSheetId = function () { return 7; };
Sheet.prototype.getRange = function () {
  return { getValues: function () { return [['Mã hóa đơn', 'Thời gian'], ['HD001', '22/11/2026 14:05'], ['HD002', '22/11/2026 15:10']]; } };
};
var spreadsheet = {
  getSpreadsheetTimeZone: function () { return 'Asia/Ho_Chi_Minh'; },
  getSpreadsheetLocale: function () { return 'vi_VN'; },
  getSheets: function () { return [new Sheet('Hóa đơn')]; },
  // No tab carries the add-on's metadata yet: a first run.
  createDeveloperMetadataFinder: function () {
    var finder = { withKey: function () { return finder; }, find: function () { return []; } };
    return finder;
  },
};
var SpreadsheetApp = {
  getUi: function () { return ui; },
  getActiveSpreadsheet: function () { return spreadsheet; },
};
var HtmlService = {
  createHtmlOutputFromFile: function (file) {
    var output = { file: file, title: '', setTitle: function (t) { this.title = t; return this; } };
    return output;
  },
  createTemplateFromFile: function () { throw new Error('the sidebar must be served as a file, not a template'); },
};
var documentProperties = {};
var PropertiesService = {
  getDocumentProperties: function () {
    return {
      getProperty: function (key) { return documentProperties[key] || null; },
      setProperty: function (key, value) { documentProperties[key] = value; return this; },
    };
  },
};
var Session = { getActiveUserLocale: function () { return 'vi'; } };
var Utilities = { formatDate: function (date, tz, pattern) { return '2026-11-22'; } };
`;

function loadWithFakes(): vm.Context {
  const context = loadBundle({});
  // The fakes are defined after the bundle, as Apps Script's services are resolved at call time.
  vm.runInContext(FAKE_SERVICES, context);
  return context;
}

describe('dist/Code.js as Apps Script loads it', () => {
  test('dist holds exactly what clasp pushes', () => {
    expect(readdirSync(DIST).sort()).toEqual(['Code.js', 'Sidebar.html', 'appsscript.json']);
  });

  test('loads in a context with no Node or browser globals', () => {
    const context = loadWithFakes();
    for (const name of ['require', 'module', 'process', 'window', 'document']) {
      expect(vm.runInContext(`typeof ${name}`, context)).toBe('undefined');
    }
  });

  test('every trigger and sidebar function is a top-level function declaration, and nothing else is', () => {
    const expected = [...TRIGGER_FUNCTIONS, ...SIDEBAR_FUNCTIONS].sort();
    expect(topLevelFunctionNames().sort()).toEqual(expected);
    const context = loadWithFakes();
    for (const name of expected) {
      expect(vm.runInContext(`typeof ${name}`, context)).toBe('function');
    }
  });

  test('onOpen builds the add-on menu in AuthMode.NONE and its items name exposed functions', () => {
    const context = loadWithFakes();
    // With AuthMode.NONE, any data access throws: make the spreadsheet unreachable to prove onOpen needs none.
    vm.runInContext(
      `SpreadsheetApp.getActiveSpreadsheet = function () { throw new Error('no data access in AuthMode.NONE'); };
       onOpen({ authMode: 'NONE' });`,
      context,
    );
    const items = vm.runInContext('menuItems', context) as { caption: string; functionName: string }[];
    expect(items.length).toBeGreaterThan(0);
    const exposed = new Set(topLevelFunctionNames());
    for (const item of items) expect(exposed.has(item.functionName)).toBe(true);
    expect(vm.runInContext('calls', context)).toContain('addToUi');
  });

  test('onInstall builds the menu too, and showSidebar serves Sidebar.html as a file', () => {
    const context = loadWithFakes();
    vm.runInContext(`onInstall({ authMode: 'NONE' }); showSidebar();`, context);
    expect(vm.runInContext('menuItems.length', context)).toBeGreaterThan(0);
    const sidebars = vm.runInContext('sidebars', context) as { file: string; title: string }[];
    expect(sidebars).toHaveLength(1);
    expect(sidebars[0].file).toBe('Sidebar');
    expect(sidebars[0].title).toBe('Segment Tabs');
  });

  test('getSetup runs and returns plain data', () => {
    const context = loadWithFakes();
    const setup = vm.runInContext('JSON.stringify(getSetup())', context) as string;
    expect(JSON.parse(setup)).toMatchObject({
      language: 'vi',
      timeZone: 'Asia/Ho_Chi_Minh',
      sheets: [{ name: 'Hóa đơn', rows: 3, columns: 2 }],
    });
  });

  test('every function the sidebar passes to google.script.run is exposed', () => {
    const sidebarDir = join(__dirname, '..', '..', 'src', 'sidebar');
    const called = new Set<string>();
    for (const file of readdirSync(sidebarDir, { recursive: true }) as string[]) {
      if (!file.endsWith('.ts')) continue;
      const source = readFileSync(join(sidebarDir, file), 'utf8');
      for (const m of source.matchAll(/callServer\(\s*'([A-Za-z_$][\w$]*)'/g)) called.add(m[1]);
    }
    expect(called.size).toBeGreaterThan(0);
    const exposed = new Set(topLevelFunctionNames());
    for (const name of called) expect(exposed.has(name)).toBe(true);
  });

  test('Sidebar.html is one self-contained page', () => {
    const html = readFileSync(join(DIST, 'Sidebar.html'), 'utf8');
    expect(html).not.toMatch(/<script[^>]+src=/);
    expect(html).not.toMatch(/<link[^>]+stylesheet/);
    expect(html).not.toContain('/*SCRIPT*/');
    expect(html).not.toContain('/*STYLE*/');
  });
});
