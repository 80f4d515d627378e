/**
 * Data issues: every row the engine skipped or doubted, with the sheet, the cell and the reason, so nothing
 * is lost silently. They fill the Data-issues tab and the run's facts.
 */
export type IssueCode =
  | 'blank-row'
  | 'repeated-header'
  | 'totals-row'
  | 'title-row'
  | 'bad-date'
  | 'ambiguous-date'
  | 'bad-amount'
  | 'rounded-amount'
  | 'conflicting-invoice-total'
  | 'bad-number'
  | 'bad-phone'
  | 'bad-email'
  | 'missing-invoice-code'
  | 'missing-date'
  | 'missing-amount'
  | 'duplicate-row'
  | 'duplicate-invoice'
  | 'cancelled-invoice'
  | 'non-positive-invoice'
  | 'unmatched-invoice'
  | 'walk-in-invoice'
  | 'merged-customers'
  | 'missing-customer-key'
  | 'future-date'
  | 'bad-filter-segment'
  | 'unclosed-quote'
  | 'joined-lines';

export interface DataIssue {
  code: IssueCode;
  /** The sheet (tab or file) the row came from. */
  sheet: string;
  /** 1-based row number in that sheet, as the user sees it; absent when the problem has no cell (a definition
   * given on the command line). Never 0. */
  row?: number;
  /** Column letter (A1 notation), when one cell is at fault. */
  column?: string;
  /** The header of that column. */
  header?: string;
  /** The raw value, as text. */
  value?: string;
  /** What was expected or what was done, in English; `issueMessage` gives it in the user's language. */
  message: string;
  /** The other row of a pair (the earlier copy of a duplicate row, the first row of a merged customer). */
  relatedRow?: number;
}

/** The issue's cell as the user sees it: `D17`, `17` for a whole row, '' when it has no cell. */
export function issueCell(issue: DataIssue): string {
  if (issue.row === undefined) return '';
  return issue.column ? `${issue.column}${issue.row}` : String(issue.row);
}
