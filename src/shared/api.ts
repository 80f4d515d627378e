/**
 * The contract between the sidebar and the server: every function the sidebar may call through
 * `google.script.run`, with the plain JSON-safe objects that cross it. Both sides import this module,
 * so renaming a server function breaks the sidebar's build rather than a user's click.
 * Dates cross as ISO strings: google.script.run cannot carry a Date.
 */

/** A tab of the spreadsheet the user may pick as input (the add-on's own tabs are never offered). */
export interface SheetChoice {
  name: string;
  rows: number;
  columns: number;
}

export interface SetupInfo {
  /** 'vi' or 'en', from the user's locale. */
  language: 'vi' | 'en';
  /** IANA time zone of the spreadsheet: calendar days are counted in it. */
  timeZone: string;
  /** Today in the spreadsheet's time zone, `yyyy-mm-dd`. */
  today: string;
  sheets: SheetChoice[];
}

/** Every function the sidebar calls, with its arguments and result. */
export interface ServerApi {
  getSetup(): SetupInfo;
}

/** The names Apps Script must expose as top-level functions for the sidebar; checked against ServerApi below. */
export const SIDEBAR_FUNCTIONS = ['getSetup'] as const;

/** The functions that menus and triggers call. */
export const TRIGGER_FUNCTIONS = ['onOpen', 'onInstall', 'showSidebar'] as const;

type Missing = Exclude<keyof ServerApi, (typeof SIDEBAR_FUNCTIONS)[number]>;
// Fails to compile when a ServerApi function is missing from SIDEBAR_FUNCTIONS.
export const sidebarFunctionsAreComplete: Missing extends never ? true : never = true;
