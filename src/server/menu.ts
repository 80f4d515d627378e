/** Menu, install trigger and sidebar. These run in any auth mode, so they touch no spreadsheet data. */

export const MENU_TITLE = 'Segment Tabs';

export function onOpen(_e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  // In AuthMode.NONE only the menu may be built: no data access, no properties.
  SpreadsheetApp.getUi().createAddonMenu().addItem('Open', 'showSidebar').addToUi();
}

export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as unknown as GoogleAppsScript.Events.SheetsOnOpen);
}

export function showSidebar(): void {
  // From a file, not a template: the bundled script may contain `<?`, which a template would try to evaluate.
  const page = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle(MENU_TITLE);
  SpreadsheetApp.getUi().showSidebar(page);
}
