/**
 * What a face hands the engine: the sheets as 2-D arrays of cell values, and the user's settings.
 */
import type { CellValue } from './cell';
import type { DataIssue } from './issues';
import type { CustomerRecord } from './model';
import type { OutputPlan } from './plan/types';
import type { RunSummary } from './summary';
import type { FieldId } from './table/fields';
import type { ColumnMatch } from './table/header';
import type { SavedFilterSegment } from './filter/run';
import type { CampaignStart } from './campaigns/campaigns';
import type { CampaignsOutcome } from './plan/campaign-tabs';

export type Language = 'vi' | 'en';
export type ScoreLevels = 3 | 4 | 5;
/** Which metrics are scored: all three, or two of them. */
export type MetricSet = 'rfm' | 'rf' | 'rm' | 'fm';

export interface SheetInput {
  /** Tab or file name, used in every message about its cells. */
  name: string;
  /** What `Range.getValues()` returns for the used range, row 1 first. */
  values: CellValue[][];
  /** Field → 0-based column, confirmed by the user; overrides detection for the fields it names. */
  columnMap?: Partial<Record<FieldId, number>>;
  /** 0-based header row confirmed by the user; detected when absent. */
  headerRow?: number;
  /** Day/month order of text dates when the data cannot decide (or to override it). */
  dateOrder?: 'dmy' | 'mdy';
  /**
   * Problems the face met reading the file before the engine saw its cells (a CSV's unclosed quote, lines run
   * together), on this sheet's rows: the engine lists them first among its data issues.
   */
  readIssues?: DataIssue[];
}

/**
 * Fixed breakpoints, per metric, as ascending thresholds between scores (levels − 1 of them).
 * Recency: a customer with recency ≤ t[0] days gets the top score, ≤ t[1] the next, …; above the last, score 1.
 * Frequency and monetary: value ≥ t[last] gets the top score, ≥ t[last−1] the next, …; below t[0], score 1.
 */
export interface Breakpoints {
  r?: number[];
  f?: number[];
  m?: number[];
}

export interface EngineOptions {
  /** `today` (in `timeZone`), `latest` (the latest valid purchase in the data) or a day `yyyy-mm-dd`. */
  asOf: string;
  /** The instant that `today` refers to (ms); faces pass the clock so runs are testable. */
  now: number;
  /** The spreadsheet's IANA time zone: calendar days are counted on its clock. */
  timeZone: string;
  /** The zone in which Date cells are instants (Apps Script: the spreadsheet's; .xlsx: `UTC`). Default `timeZone`. */
  dateCellZone?: string;
  levels: ScoreLevels;
  metrics: MetricSet;
  /** Quintile-style scoring when absent; the shop's own thresholds when present. */
  breakpoints?: Breakpoints;
  /** What M scores: total net spend (default) or average order value. */
  monetary: 'total' | 'average';
  /**
   * One tab per RFM segment and per filter segment (default true). Off, the Customers tab (every customer with
   * their segment, and a filter) stands in for them: what a shop too big for Sheets' cell limit turns off.
   */
  segmentTabs?: boolean;
  /** The horizon of the expected-purchases prediction, in days (default 90). */
  predictionDays?: number;
  language: Language;
  /** Segment map edited by the shop: segment id → RFM codes. The default map when absent. */
  segmentMap?: Record<string, string[]>;
  /**
   * What earlier runs left in the spreadsheet's owned tabs, as read by the face. When present, the plan also
   * holds History, Movement, the hidden snapshot and (if missing) the filter-segment definitions tab.
   */
  saved?: SavedState;
  /** Filter segments given directly (the CLI's `--segments` file); added to those of the definitions tab. */
  filterSegments?: SavedFilterSegment[];
  /**
   * Campaigns to start at this run's as-of date (the CLI's `--campaign`): the members of each segment are frozen
   * into the campaign tabs. One whose name a saved campaign already has is not started again.
   */
  startCampaigns?: CampaignStart[];
  /** Called between steps so a face can show progress. */
  onProgress?: (step: EngineStep, fraction: number) => void;
}

export type EngineStep = 'reading' | 'parsing' | 'matching' | 'scoring' | 'planning';

export const DEFAULT_OPTIONS: Omit<EngineOptions, 'now'> = {
  asOf: 'today',
  timeZone: 'Asia/Ho_Chi_Minh',
  levels: 5,
  metrics: 'rfm',
  monetary: 'total',
  language: 'vi',
};

export interface SavedState {
  history?: CellValue[][];
  snapshot?: CellValue[][];
  /** The definitions tab's values; undefined when the tab does not exist yet (the plan then creates it). */
  definitions?: CellValue[][];
  /** The Campaigns tab's and the hidden campaign members tab's values (campaigns/campaigns.ts). */
  campaigns?: CellValue[][];
  campaignMembers?: CellValue[][];
}

export interface EngineInput {
  invoices?: SheetInput;
  customers?: SheetInput;
}

/** Per sheet read, the header row and the column chosen for each field (header.ts), for faces to explain. */
export interface SheetColumns {
  sheet: string;
  kind: 'invoices' | 'customers';
  /** 0-based header row. */
  headerRow: number;
  matches: ColumnMatch[];
}

export interface EngineResult {
  /** The columns each sheet was read with. */
  columns: SheetColumns[];
  customers: CustomerRecord[];
  issues: DataIssue[];
  summary: RunSummary;
  plan: OutputPlan;
  /** The campaigns this run started (`startCampaigns`), with their treated members. */
  startedCampaigns?: CampaignsOutcome['started'];
}
