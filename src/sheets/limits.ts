/**
 * The two hard limits of a run in Sheets (design.md §7), checked before anything is written:
 *
 * - **Cells**: a spreadsheet holds at most 10,000,000 cells, counted as every tab's rows × columns whatever
 *   they hold (https://support.google.com/drive/answer/37603). A run occupies the input tabs, the user's other
 *   tabs, every new tab at its trimmed size, and, while the new tabs are staged beside the old ones, the old
 *   tabs too. `planBudget` works out the peak of both ways of writing (staged, then in place) so the writer
 *   can pick the safe one that fits, or write nothing at all.
 * - **Time**: Apps Script ends an execution at 6 minutes without running `catch` or `finally`
 *   (https://developers.google.com/apps-script/guides/services/quotas: "Script runtime 6 min / execution").
 *   `TimeGuard` predicts each step from what the run has measured so far and stops the run cleanly before a
 *   step that would pass 5 minutes, leaving a minute of margin for what the prediction misses.
 */
import { say } from '../core/i18n';
import type { Language } from '../core/options';
import { UserError } from './user-error';

/** https://support.google.com/drive/answer/37603: "up to 10 million cells … for spreadsheets". */
export const CELL_LIMIT = 10_000_000;
/** A new tab is 1000 rows × 26 columns until it is sized (Spreadsheet.insertSheet). */
export const NEW_SHEET_CELLS = 1000 * 26;
/** The run stops before a step that would end after this (Apps Script's limit is 6 minutes). */
export const RUN_DEADLINE_MS = 5 * 60_000;
/** Before anything is measured: a round trip (design.md §7: "tens to hundreds of milliseconds"). */
export const PRIOR_MS_PER_CALL = 100;
/**
 * Before anything is measured: writing one cell (values, formats and backgrounds), an assumption on the slow
 * side of what setValues does on large ranges; replaced by the measured rate once a tab has been written.
 */
export const PRIOR_MS_PER_CELL = 0.02;

export interface BudgetTab {
  key: string;
  role: string;
  cells: number;
}

export interface BudgetInput {
  /** Cells of every tab now in the spreadsheet (rows × columns). */
  current: number;
  /** Cells of the input tabs (part of `current`), for the message. */
  input: number;
  /** Cells of the input tabs' data (rows × columns read): the rest of `input` is empty rows and columns. */
  inputData: number;
  /** Cells of tabs deleted before anything is written (leftovers of a run that died). */
  tidied: number;
  /** The previous run's tabs this run replaces, by key, with their cells (part of `current`). */
  replaced: { key: string; cells: number }[];
  /** This run's tabs in writing order, at their trimmed sizes. */
  tabs: BudgetTab[];
  /** Template tabs the run makes (each a new 1000 × 26 tab). */
  templates: number;
}

export interface Budget {
  /** Peak cells while all new tabs stand beside all old ones. */
  staged: number;
  /** Peak cells when each old tab is deleted just before its new one is written. */
  inPlace: number;
  mode: 'staged' | 'in-place' | 'over';
  /** Cells of the new tabs. */
  output: number;
  /** Cells of the per-segment tabs among them. */
  segmentTabs: number;
}

export function planBudget(input: BudgetInput): Budget {
  const output = input.tabs.reduce((sum, tab) => sum + tab.cells, 0);
  const templates = input.templates * NEW_SHEET_CELLS;
  const base = input.current - input.tidied + templates;
  // A tab is inserted at 1000 × 26 and only then sized: the last one inserted may briefly hold that much.
  const staged = base + output + NEW_SHEET_CELLS;
  const plannedKeys = new Set(input.tabs.map((tab) => tab.key));
  // In place: the old tabs no key of this run replaces go first, then per tab: delete the old, write the new.
  let level =
    base - input.replaced.filter((old) => !plannedKeys.has(old.key)).reduce((s, o) => s + o.cells, 0);
  let inPlace = level;
  for (const tab of input.tabs) {
    level -= input.replaced.filter((old) => old.key === tab.key).reduce((sum, old) => sum + old.cells, 0);
    inPlace = Math.max(inPlace, level + Math.max(tab.cells, NEW_SHEET_CELLS));
    level += tab.cells;
  }
  const mode = staged <= CELL_LIMIT ? 'staged' : inPlace <= CELL_LIMIT ? 'in-place' : 'over';
  const segmentTabs = input.tabs.filter((tab) => tab.role === 'segment').reduce((s, t) => s + t.cells, 0);
  return { staged, inPlace, mode, output, segmentTabs };
}

function cells(n: number, language: Language): string {
  return Math.round(n).toLocaleString(language === 'vi' ? 'de-DE' : 'en-US');
}

/** The message of a run that would not fit: the figures and the ways out. Nothing has been written. */
export function overBudgetError(input: BudgetInput, budget: Budget, language: Language): UserError {
  const n = (value: number) => cells(value, language);
  const others = input.current - input.input - input.replaced.reduce((s, o) => s + o.cells, 0) - input.tidied;
  const need = budget.inPlace;
  // Sheets counts a tab's empty columns too: a 17-column paste keeps a new tab's 26.
  const empty = input.input - input.inputData;
  const emptyHint =
    empty > 0
      ? say(
          language,
          `xóa các cột và dòng trống của sheet đầu vào (chúng chiếm ${n(empty)} ô), `,
          `delete the empty columns and rows of the input sheets (they take ${n(empty)} cells), `,
        )
      : '';
  return new UserError(
    say(
      language,
      `Kết quả không vừa bảng tính: cần khoảng ${n(need)} ô, mà một bảng tính Google chỉ chứa tối đa ${n(CELL_LIMIT)} ô. ` +
        `Dữ liệu đầu vào chiếm ${n(input.input)} ô, các tab khác ${n(Math.max(0, others))} ô, các tab kết quả mới ${n(budget.output)} ô ` +
        `(trong đó các tab từng phân khúc ${n(budget.segmentTabs)} ô). Chưa ghi gì; các tab trước đó vẫn giữ nguyên. ` +
        `Cách khắc phục: ${emptyHint}tắt "một tab cho mỗi phân khúc" trong Cài đặt (tab Khách hàng vẫn có mọi khách, phân khúc của họ và bộ lọc; tiết kiệm ${n(budget.segmentTabs)} ô), bớt phân khúc lọc đang bật, xóa các tab không dùng hoặc dữ liệu cũ, ` +
        `hoặc dùng bản dòng lệnh (npm start) trên tệp .xlsx/.csv; cửa hàng lớn hơn nên dùng BigQuery.`,
      `The results do not fit in the spreadsheet: they need about ${n(need)} cells, and a Google spreadsheet holds at most ${n(CELL_LIMIT)}. ` +
        `The input sheets take ${n(input.input)} cells, your other tabs ${n(Math.max(0, others))}, the new result tabs ${n(budget.output)} ` +
        `(of which the per-segment tabs ${n(budget.segmentTabs)}). Nothing was written; the previous result tabs are unchanged. ` +
        `Ways out: ${emptyHint}turn off "one tab per segment" in Settings (the Customers tab keeps every customer with their segment and a filter; that saves ${n(budget.segmentTabs)} cells), switch off some filter segments, delete unused tabs or old rows, ` +
        `or use the command line (npm start) on an .xlsx/.csv export; shops that outgrow Sheets belong in BigQuery.`,
    ),
  );
}

/**
 * Predicts the next step from the run's own measurements and says whether it would end after the deadline.
 * Time comes from `now` (Date.now in Apps Script), so the emulator's virtual clock drives it in tests.
 */
export class TimeGuard {
  /** Each measured write step: its calls, cells and time. */
  private readonly steps: { calls: number; cells: number; ms: number }[] = [];

  constructor(
    private readonly now: () => number,
    readonly started: number,
    readonly deadline: number = started + RUN_DEADLINE_MS,
  ) {}

  /**
   * Priors until a step has been measured. Then the cost of a call is the cheapest measured per call (a step's
   * time as if it all went to its calls: an upper bound for the step with the fewest cells), and the cost of a
   * cell the most any step left for its cells after that; neither below its prior.
   */
  predict(calls: number, cellCount: number): number {
    let perCall = PRIOR_MS_PER_CALL;
    let perCell = PRIOR_MS_PER_CELL;
    if (this.steps.length > 0) {
      perCall = Math.max(PRIOR_MS_PER_CALL, Math.min(...this.steps.map((step) => step.ms / step.calls)));
      for (const step of this.steps) {
        if (step.cells > 0) perCell = Math.max(perCell, (step.ms - step.calls * perCall) / step.cells);
      }
    }
    return calls * perCall + cellCount * perCell;
  }

  /** Whether a step of `calls` round trips writing `cellCount` cells would end after the deadline. */
  wouldPass(calls: number, cellCount: number): boolean {
    return this.now() + this.predict(calls, cellCount) > this.deadline;
  }

  /** Runs a measured write step. */
  measure<T>(calls: number, cellCount: number, step: () => T): T {
    const start = this.now();
    const result = step();
    this.steps.push({ calls: Math.max(1, calls), cells: cellCount, ms: this.now() - start });
    return result;
  }

  elapsedSeconds(): number {
    return Math.round((this.now() - this.started) / 1000);
  }
}

/**
 * The run stopped itself before Apps Script's time limit. `replaced` names the previous tabs already replaced
 * (only when writing in place); otherwise the previous result tabs are untouched.
 */
export function timeUpError(language: Language, elapsed: number, replaced: string[]): UserError {
  const list = replaced.join(', ');
  return new UserError(
    replaced.length === 0
      ? say(
          language,
          `Đã dừng sau ${elapsed} giây để không vượt giới hạn 6 phút của Apps Script. Chưa thay tab nào; các tab kết quả trước đó vẫn giữ nguyên. ` +
            `Hãy thử lại, bớt phân khúc lọc, hoặc dùng bản dòng lệnh cho cửa hàng lớn.`,
          `Stopped after ${elapsed} s so as not to pass Apps Script's 6-minute limit. No tab was replaced; the previous result tabs are unchanged. ` +
            `Try again, switch off some filter segments, or use the command line for a shop this large.`,
        )
      : say(
          language,
          `Đã dừng sau ${elapsed} giây để không vượt giới hạn 6 phút của Apps Script. Các tab đã được thay: ${list}. Các tab kết quả khác vẫn là của lần chạy trước. Hãy chạy lại.`,
          `Stopped after ${elapsed} s so as not to pass Apps Script's 6-minute limit. Already replaced: ${list}. The other result tabs are still the previous run's. Run again.`,
        ),
  );
}

/** A write that failed after some previous tabs were replaced: the message names them. */
export class PartialWriteError extends Error {
  constructor(
    readonly original: unknown,
    readonly replaced: string[],
  ) {
    super(original instanceof Error ? original.message : String(original));
    this.name = 'PartialWriteError';
  }
}
