/**
 * Rows of a sheet grouped by the first row of their group (an invoice's lines, the rows of one customer), for the
 * pasted-twice check: a row identical in every column to an earlier row of its own group. Each group is a chain
 * through two typed arrays for the whole sheet rather than an array per group (640k invoices at 1M rows).
 */
import { sameRow, type CellValue } from '../cell';

export class RowChains {
  /** The group's next row after each row, -1 at the end. */
  private readonly next: Int32Array;
  /** The group's last row so far, at the index of its first row. */
  private readonly last: Int32Array;

  constructor(private readonly values: readonly CellValue[][]) {
    this.next = new Int32Array(values.length).fill(-1);
    this.last = new Int32Array(values.length);
  }

  /** `row` begins a group. */
  start(row: number): void {
    this.last[row] = row;
  }

  /** `row` joins the group that begins at `first`. */
  append(first: number, row: number): void {
    this.next[this.last[first]!] = row;
    this.last[first] = row;
  }

  /** The earliest row of the group beginning at `first` that is identical to `row` in every column. */
  twinOf(first: number, row: number): number | undefined {
    const values = this.values[row]!;
    for (let earlier = first; earlier >= 0; earlier = this.next[earlier]!)
      if (sameRow(this.values[earlier]!, values)) return earlier;
    return undefined;
  }
}
