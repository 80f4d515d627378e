/**
 * Everything one emulated script execution environment holds: the spreadsheet (its sheets, developer
 * metadata, settings) and what the script showed the user (menus, sidebars, alerts, toasts, logs).
 */
import { Core } from './core';
import { SheetState } from './grid';
import { localeRules, type LocaleRules } from './locale';

export interface MetaState {
  id: number;
  key: string;
  value: string | null;
  visibility: string;
  /** Null: on the spreadsheet itself. */
  sheet: SheetState | null;
}

export interface MenuRecord {
  kind: 'addon' | 'custom';
  caption: string;
  items: ({ caption: string; functionName: string } | { separator: true } | { subMenu: MenuRecord })[];
}

export interface HtmlRecord {
  file: string | null;
  title: string;
  width: number | null;
  height: number | null;
  content: string;
}

export interface UiRecord {
  menus: MenuRecord[];
  sidebars: HtmlRecord[];
  dialogs: (HtmlRecord & { dialogTitle: string; modal: boolean })[];
  alerts: { title: string | null; prompt: string; buttons: string | null }[];
  /** What `Ui.alert` returns: the button the simulated user clicks. */
  alertResponse: string;
}

export interface ToastRecord {
  message: string;
  title: string;
  timeoutSeconds: number;
}

export interface LogRecord {
  source: 'Logger' | 'console';
  level: string;
  message: string;
}

/** Spreadsheet-wide cell limit: https://support.google.com/drive/answer/37603 ("up to 10 million cells"). */
export const CELL_LIMIT = 10_000_000;

export class BookState {
  readonly sheets: SheetState[] = [];
  active!: SheetState;
  metadata: MetaState[] = [];
  private nextSheetId = 0;
  nextMetadataId = 1;
  locale: LocaleRules;

  constructor(
    public id: string,
    public name: string,
    public timeZone: string,
    localeCode: string,
  ) {
    this.locale = localeRules(localeCode);
  }

  /** Sheet ids: the first tab is 0 (gid=0), later ones look random, as in Sheets. */
  newSheetId(): number {
    const id = this.nextSheetId;
    this.nextSheetId = (this.nextSheetId * 48_271 + 1_234_567_891) % 2_147_483_647;
    return id;
  }

  cellCount(): number {
    let total = 0;
    for (const sheet of this.sheets) total += sheet.cellCount();
    return total;
  }

  findByName(name: string): SheetState | undefined {
    const wanted = name.toLowerCase();
    return this.sheets.find((sheet) => sheet.name.toLowerCase() === wanted);
  }
}

/**
 * Apps Script's service errors are in the language of the user running the script (issue 16 found a Sheets
 * user with Vietnamese as their language gets them in Vietnamese; Google documents no list of them), so
 * code must never match their English text. With `messageLanguage: 'vi'` the emulator throws these in
 * Vietnamese (its own wording; the shape of Google's); any other message stays in English.
 */
const VIETNAMESE_MESSAGES: [RegExp, (...groups: string[]) => string][] = [
  [
    /^A sheet with the name "(.*)" already exists\. Please enter another name\.$/s,
    (name) => `Đã có một trang tính tên "${name}". Vui lòng nhập tên khác.`,
  ],
  [
    /^The coordinates of the range are outside the dimensions of the sheet\.$/,
    () => 'Tọa độ của dải ô nằm ngoài kích thước của trang tính.',
  ],
  [
    /^This action would increase the number of cells in the workbook above the limit of (\d+) cells\.$/,
    (limit) => `Thao tác này sẽ làm số ô trong bảng tính vượt quá giới hạn ${limit} ô.`,
  ],
  [
    /^Service Spreadsheets failed while accessing document with id (.*)\.$/,
    (id) => `Dịch vụ Spreadsheets gặp lỗi khi truy cập tài liệu có id ${id}.`,
  ],
  [/^Exceeded maximum execution time$/, () => 'Đã vượt quá thời gian thực thi tối đa'],
];

export type MessageLanguage = 'en' | 'vi';

export function localiseMessage(message: string, language: MessageLanguage): string {
  if (language === 'en') return message;
  for (const [pattern, render] of VIETNAMESE_MESSAGES) {
    const match = pattern.exec(message);
    if (match) return render(...match.slice(1));
  }
  return message;
}

export class World extends Core {
  readonly book: BookState;
  /** The language of service error messages (see VIETNAMESE_MESSAGES). */
  messageLanguage: MessageLanguage = 'en';
  readonly ui: UiRecord = { menus: [], sidebars: [], dialogs: [], alerts: [], alertResponse: 'OK' };
  readonly toasts: ToastRecord[] = [];
  readonly logs: LogRecord[] = [];
  /** Folder HtmlService.createHtmlOutputFromFile reads `<name>.html` from; null: files are recorded only. */
  htmlDir: string | null = null;
  userLocale: string;
  scriptTimeZone: string;
  userEmail: string;
  /** LockService.getDocumentLock() returns null (a script outside a document). */
  noDocumentLock = false;
  /** Calls to Utilities.sleep, in ms. */
  readonly sleeps: number[] = [];

  constructor(options: {
    id: string;
    name: string;
    timeZone: string;
    locale: string;
    userLocale: string;
    scriptTimeZone: string;
    userEmail: string;
  }) {
    super();
    this.book = new BookState(options.id, options.name, options.timeZone, options.locale);
    this.userLocale = options.userLocale;
    this.scriptTimeZone = options.scriptTimeZone;
    this.userEmail = options.userEmail;
  }

  override fail(message: string): never {
    return super.fail(localiseMessage(message, this.messageLanguage));
  }

  /** Sheets forbids more than 10 million cells; every resize checks the total it would reach. */
  checkCellLimit(extraCells: number): void {
    if (this.book.cellCount() + extraCells > CELL_LIMIT) {
      this.fail(
        `This action would increase the number of cells in the workbook above the limit of ${CELL_LIMIT} cells.`,
      );
    }
  }
}
