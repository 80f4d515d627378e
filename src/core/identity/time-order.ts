/**
 * Indexes of `times` from the latest to the earliest, equal times in index order: what a stable
 * `indexes.sort((a, b) => times[b] - times[a])` gives, without calling a comparator 12M times at 640k invoices.
 *
 * How: each time is replaced by its rank among the distinct times (found in a natively sorted copy), and
 * `rank × n + index` (below 2^53 for any sheet) is sorted natively as a number, which orders by rank and then
 * by index.
 */
export function latestFirstOrder(times: Float64Array): Int32Array {
  const n = times.length;
  const ascending = Float64Array.from(times).sort();
  // Distinct times, ascending, compacted in place.
  let distinct = 0;
  for (let i = 0; i < n; i++)
    if (i === 0 || ascending[i] !== ascending[distinct - 1]) ascending[distinct++] = ascending[i]!;
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const rank = rankOf(ascending, distinct, times[i]!);
    keys[i] = (distinct - 1 - rank) * n + i;
  }
  keys.sort();
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = keys[i]! % n;
  return order;
}

/** Position of `time` among the first `count` values of `sorted` (it is one of them). */
function rankOf(sorted: Float64Array, count: number, time: number): number {
  let low = 0;
  let high = count - 1;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! < time) low = middle + 1;
    else high = middle;
  }
  return low;
}
