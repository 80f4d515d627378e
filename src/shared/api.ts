/**
 * The contract between the sidebar and the server: every function the sidebar may call through
 * `google.script.run`, with the plain JSON-safe objects that cross it. Both sides import this module,
 * so renaming a server function breaks the sidebar's build rather than a user's click.
 * Dates cross as ISO strings: google.script.run cannot carry a Date.
 */

export type Language = 'vi' | 'en';
export type SheetKind = 'invoices' | 'customers';

/** A tab of the spreadsheet the user may pick as input (the add-on's own tabs are never offered). */
export interface SheetChoice {
  name: string;
  rows: number;
  columns: number;
  /** What the tab looks like, from its header; null when no header is recognised. */
  kind: SheetKind | null;
}

export interface SetupInfo {
  /** 'vi' or 'en', from the user's locale. */
  language: Language;
  /** IANA time zone of the spreadsheet: calendar days are counted in it. */
  timeZone: string;
  /** Today in the spreadsheet's time zone, `yyyy-mm-dd`. */
  today: string;
  sheets: SheetChoice[];
  /** Pre-selection: the first tab that looks like invoices, and like customers. */
  invoiceSheet: string | null;
  customerSheet: string | null;
  /** Settings of the last run, remembered in the document. */
  lastSettings: RunSettings | null;
}

export interface FieldMatchInfo {
  field: string;
  label: string;
  /** 0-based column, or -1 when no column holds the field. */
  column: number;
  header: string;
  /** 0–1; below 1 the sidebar asks the user to confirm. */
  confidence: number;
  /** Whether the run needs this field (or one of its group). */
  required: boolean;
}

export interface ColumnDetection {
  sheet: string;
  kind: SheetKind;
  /** 0-based header row. */
  headerRow: number;
  headers: string[];
  fields: FieldMatchInfo[];
  /** Labels of required fields with no column. */
  missing: string[];
  /** Up to three data rows as the engine understood them: field label → shown value. */
  preview: Record<string, string>[];
  /** Day/month order of text dates: decided from the data, or `ambiguous` (the user chooses). */
  dateOrder: 'dmy' | 'mdy' | 'ambiguous';
  /** True when this map was confirmed by the user before (remembered per sheet). */
  remembered: boolean;
}

export interface RunSettings {
  /** `today`, `latest` or `yyyy-mm-dd`. */
  asOf: string;
  metrics: 'rfm' | 'rf' | 'rm' | 'fm';
  levels: 3 | 4 | 5;
  scoring: 'quintile' | 'breakpoints';
  breakpoints?: { r?: number[]; f?: number[]; m?: number[] };
  monetary: 'total' | 'average';
  /** One tab per segment (default true); off, the Customers tab and its filter stand in for them. */
  segmentTabs?: boolean;
}

export interface SheetSelection {
  name: string;
  /** Field id → 0-based column, as confirmed by the user. */
  columnMap?: Record<string, number>;
  headerRow?: number;
  dateOrder?: 'dmy' | 'mdy';
}

export interface RunRequest {
  invoices?: SheetSelection;
  customers?: SheetSelection;
  settings: RunSettings;
  language: Language;
  /** Chosen by the sidebar so it can poll progress before the run returns. */
  runId: string;
}

export interface SegmentResult {
  id: string;
  name: string;
  colour: string;
  customers: number;
  share: number;
  revenue: number;
  revenueShare: number;
  /** Name of the segment's tab, when it has members. */
  tab?: string;
  /**
   * Its portrait in a few lines in each language (what sets it apart from all customers), and the cell where its
   * block of the Portraits tab starts; absent for a segment without members.
   */
  portrait?: { lines: Record<Language, string[]>; tab: string; cell: string };
}

export interface IssueLine {
  sheet: string;
  cell: string;
  problem: string;
  message: string;
  /** The issue's code (`bad-date`), row (1-based) and column letter, when it has them: for the cell link. */
  code?: string;
  row?: number;
  column?: string;
}

export interface RunResult {
  runId: string;
  asOf: string;
  segments: SegmentResult[];
  facts: { label: string; value: string }[];
  /** Rejections of a small share of rows, shown above the result (a larger share stops the run instead). */
  warnings: string[];
  issueCount: number;
  /** The first data issues, for the sidebar; the Data-issues tab has them all. */
  issues: IssueLine[];
  /** Every campaign's one-sentence result at this as-of date (the Campaign results tab has the figures). */
  campaigns?: CampaignLine[];
  issuesTab: string;
  summaryTab: string;
  tabs: { key: string; name: string }[];
  /**
   * The shown words in each language (segment names by id, the listed issues), so switching the sidebar's
   * language on the result screen changes them too. The tabs stay in the run's language.
   */
  words?: Partial<
    Record<
      Language,
      {
        segmentNames: Record<string, string>;
        issues: IssueLine[];
        /** Each campaign's sentence, in the order of `campaigns`. */
        campaigns?: string[];
      }
    >
  >;
}

export interface CampaignLine {
  name: string;
  /** `yyyy-mm-dd`. */
  start: string;
  sentence: string;
}

/** Start a campaign with a segment of the current data, as a run with `data` computes it. */
export interface CampaignStartRequest {
  data: FilterDataRequest;
  name: string;
  /** A segment's id as the run result gives it: `champions`…, or `filter:<name>`. */
  segmentId: string;
  /** 1–50. */
  holdoutPercent: number;
}

export interface CampaignStarted {
  name: string;
  /** The as-of date the members were frozen at, `yyyy-mm-dd`. */
  start: string;
  treated: number;
  holdout: number;
  /** The treated members in the segment tab's layout, for the CSV export (the holdout is left out). */
  rows: TabRows;
}

export interface Progress {
  runId: string;
  step: 'reading' | 'parsing' | 'matching' | 'scoring' | 'planning' | 'writing' | 'done' | 'failed';
  /** 0–1. */
  fraction: number;
  /** Shown under the bar, in the user's language: "Writing tab 3 of 14: Lost". */
  message: string;
}

/** A result tab's cells as shown (display strings), for the sidebar's CSV export. */
export interface TabRows {
  name: string;
  header: string[];
  rows: string[][];
}

/** A saved filter segment: one row of the owned definitions tab (design.md §4). */
export interface FilterSegmentInfo {
  name: string;
  /** Tab colour, `#rrggbb`. */
  colour: string;
  /** The definition in the filter language, as stored. */
  definition: string;
  enabled: boolean;
  /** 2–5 splits the members into A/B(/C…) groups; null for no split. */
  abGroups: number | null;
  /** Why the definition does not parse (the run skips it), with the 1-based character it breaks at. */
  problem: FilterProblem | null;
}

export interface FilterProblem {
  position: number;
  message: string;
}

/** A ready-made definition to start from in the builder. */
export interface FilterStarterInfo {
  id: string;
  name: string;
  colour: string;
  definition: string;
}

export interface FilterSegmentList {
  /** The definitions tab's name; null while it does not exist (the segments are then the starters, unsaved). */
  tab: string | null;
  segments: FilterSegmentInfo[];
  /** Starters for the builder; per-store ones only when the data was given. */
  starters: FilterStarterInfo[];
}

/** The data a filter is counted against: the sidebar's current selection and settings, as a run gets them. */
export interface FilterDataRequest {
  invoices?: SheetSelection;
  customers?: SheetSelection;
  settings: RunSettings;
  language: Language;
}

export interface FilterCountRequest extends FilterDataRequest {
  definition: string;
}

export type FilterCount =
  | {
      ok: true;
      /** Customers the definition selects, of `customers` in the data, as of `asOf`. */
      count: number;
      customers: number;
      asOf: string;
      /** The first few members' names (code when nameless), in data order. */
      samples: string[];
    }
  | { ok: false; problem: FilterProblem };

/** What the builder saves; `abGroups` null or absent for no split. */
export interface FilterSegmentDraft {
  name: string;
  colour: string;
  definition: string;
  enabled: boolean;
  abGroups?: number | null;
}

/** Every function the sidebar calls, with its arguments and result. */
/**
 * The customers' filter fields, fetched once so the sidebar counts a filter as it is typed without a server
 * call per edit (issue 16): one row per customer, in the run's order, with the `CustomerRecord` properties the
 * filter fields read (`fields` names them; a missing value is null).
 */
export interface FilterTable {
  asOf: string;
  /** The as-of day number relative dates in a filter count from (the run's FilterContext). */
  asOfDay: number;
  fields: string[];
  rows: (string | number | string[] | null)[][];
}

export interface ServerApi {
  getSetup(): SetupInfo;
  detectColumns(sheet: string, kind: SheetKind, language: Language): ColumnDetection;
  runSegmentation(request: RunRequest): RunResult;
  getProgress(runId: string): Progress | null;
  openTab(name: string): void;
  /** Selects a cell (`C17`) or a row (`17:17`) of a tab: where a data issue is. */
  selectCell(sheet: string, a1: string, language: Language): void;
  /** Cells of one of the add-on's own tabs (refused for any other tab). */
  getSegmentRows(tabName: string, language: Language): TabRows;
  /** The saved filter segments (the starters while the definitions tab does not exist). */
  listFilterSegments(language: Language, data: FilterDataRequest | null): FilterSegmentList;
  /** Counts a definition's members in the selected data, without writing anything. */
  countFilterSegment(request: FilterCountRequest): FilterCount;
  /** The compact table the sidebar counts filters on (see FilterTable), computed as a run computes it. */
  getFilterTable(request: FilterDataRequest): FilterTable;
  /** Adds a segment, or replaces the one named `originalName`; creates the definitions tab when missing. */
  saveFilterSegment(
    segment: FilterSegmentDraft,
    originalName: string | null,
    language: Language,
  ): FilterSegmentList;
  deleteFilterSegment(name: string, language: Language): FilterSegmentList;
  setFilterSegmentEnabled(name: string, enabled: boolean, language: Language): FilterSegmentList;
  /** Freezes a segment's members into a campaign (owned Campaigns tabs) and returns the treated group's rows. */
  startCampaign(request: CampaignStartRequest): CampaignStarted;
}

/** The names Apps Script must expose as top-level functions for the sidebar; checked against ServerApi below. */
export const SIDEBAR_FUNCTIONS = [
  'getSetup',
  'detectColumns',
  'runSegmentation',
  'getProgress',
  'openTab',
  'selectCell',
  'getSegmentRows',
  'listFilterSegments',
  'countFilterSegment',
  'getFilterTable',
  'saveFilterSegment',
  'deleteFilterSegment',
  'setFilterSegmentEnabled',
  'startCampaign',
] as const;

/** The functions that menus and triggers call. */
export const TRIGGER_FUNCTIONS = ['onOpen', 'onInstall', 'showSidebar'] as const;

type Missing = Exclude<keyof ServerApi, (typeof SIDEBAR_FUNCTIONS)[number]>;
// Fails to compile when a ServerApi function is missing from SIDEBAR_FUNCTIONS.
export const sidebarFunctionsAreComplete: Missing extends never ? true : never = true;
