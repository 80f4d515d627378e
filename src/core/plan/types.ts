/**
 * The output plan: plain data describing every tab a run writes. The core makes it; each face (Sheets, .xlsx,
 * the preview) only renders it, so a new face never touches the engine's logic.
 *
 * Values are typed by their column's `kind`, never by guessing: a `date` column holds day numbers (days since
 * 1970-01-01 on the spreadsheet's calendar), a `phone` or `code` column holds text that must stay text (leading
 * zeros), a `money` column holds numbers shown with the shop's currency format.
 */

export type ColumnKind =
  'text' | 'code' | 'phone' | 'integer' | 'number' | 'money' | 'percent' | 'date' | 'colour';

export type PlanValue = string | number | boolean | null;

export interface ColumnPlan {
  header: string;
  kind: ColumnKind;
  /** Suggested width in pixels; faces may ignore it. */
  width?: number;
}

/** A rectangular block of a tab: an optional title row, a header row, then data rows. */
export interface BlockPlan {
  id: string;
  /** Bold title written one row above the header, when present. */
  title?: string;
  /** 1-based row and column of the block's first row (the title when there is one, else the header). */
  anchor: { row: number; column: number };
  columns: ColumnPlan[];
  rows: PlanValue[][];
  /** Background and text colour of the header row (`#rrggbb`). */
  headerColour: string;
  headerFontColour: string;
  /**
   * Backgrounds of a band of data columns (`#rrggbb`, or null for none): one row per data row, `colours[i].length`
   * columns starting at the 0-based block column `fromColumn`. The segment column of the Customers tab, the
   * segment chips and the R×F heat map of the Summary. Computed here so every face paints the same colours in
   * one call.
   */
  cellColours?: { fromColumn: number; colours: (string | null)[][] };
  /**
   * Kinds of single data cells that differ from their column's, one row per data row (null: the column's kind).
   * The Summary's facts, where one Value column holds text, counts, money and a share, each with its format.
   */
  cellKinds?: (ColumnKind | null)[][];
}

export interface ChartPlan {
  kind: 'bar' | 'column' | 'line' | 'pie';
  title: string;
  /** The block whose rows feed the chart. */
  blockId: string;
  /** 0-based column of that block holding the labels (x axis / categories). */
  labelColumn: number;
  /** 0-based columns of that block holding the series. */
  valueColumns: number[];
  /** 1-based cell where the chart's top-left corner sits. */
  anchor: { row: number; column: number };
}

export type TabRole =
  | 'summary'
  | 'customers'
  | 'segment'
  | 'filter-segment'
  | 'history'
  | 'movement'
  | 'issues'
  | 'snapshot'
  | 'definitions'
  | 'campaigns'
  | 'campaign-members'
  | 'campaign-results'
  | 'portraits';

export interface TabPlan {
  /** Decimals money columns are shown with: the run's minor unit (money.ts); 0 when absent. */
  moneyDigits?: number;
  /** Stable identity across runs and languages, e.g. `summary`, `segment:champions`, `filter:VIP`. */
  key: string;
  role: TabRole;
  /** The tab name to use (faces add a suffix when a tab that is not ours already has it). */
  name: string;
  tabColour: string;
  blocks: BlockPlan[];
  /** Rows frozen at the top (the header of the first block). */
  frozenRows: number;
  /** Whether the first block gets a filter (basic filter in Sheets, autofilter in .xlsx). */
  filter: boolean;
  charts: ChartPlan[];
  hidden: boolean;
}

export interface OutputPlan {
  tabs: TabPlan[];
}
