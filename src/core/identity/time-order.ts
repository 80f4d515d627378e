/**
 * Indexes of `times` from the latest to the earliest, equal times in index order: what a stable
 * `indexes.sort((a, b) => times[b] - times[a])` gives, without calling a comparator 12M times at 640k invoices.
 *
 * How: each invoice gets the number `steps × n + index`, where `steps` counts how far its time lies before the
 * latest one, and these numbers (exact below 2^53) are sorted natively, which orders by time and then by index.
 * A step is a minute when every time is a whole minute (as POS exports print them), a second when every time is
 * a whole second; when even that would not fit, times are replaced by their rank among the distinct times.
 */
export function latestFirstOrder(times: Float64Array): Int32Array {
  const n = times.length;
  let latest = -Infinity;
  let earliest = Infinity;
  let wholeMinutes = true;
  let wholeSeconds = true;
  for (let i = 0; i < n; i++) {
    const time = times[i]!;
    if (time > latest) latest = time;
    if (time < earliest) earliest = time;
    if (time % 60_000 !== 0) wholeMinutes = false;
    if (time % 1000 !== 0) wholeSeconds = false;
  }
  const step = wholeMinutes ? 60_000 : wholeSeconds ? 1000 : 1;
  const keys = new Float64Array(n);
  const fits =
    Number.isInteger(latest - earliest) && ((latest - earliest) / step + 1) * n <= Number.MAX_SAFE_INTEGER;
  if (fits) {
    for (let i = 0; i < n; i++) keys[i] = ((latest - times[i]!) / step) * n + i;
  } else {
    const ascending = distinctAscending(times);
    for (let i = 0; i < n; i++) keys[i] = (ascending.length - 1 - rankOf(ascending, times[i]!)) * n + i;
  }
  keys.sort();
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = keys[i]! % n;
  return order;
}

function distinctAscending(times: Float64Array): Float64Array {
  const sorted = Float64Array.from(times).sort();
  let distinct = 0;
  for (let i = 0; i < sorted.length; i++)
    if (i === 0 || sorted[i] !== sorted[distinct - 1]) sorted[distinct++] = sorted[i]!;
  return sorted.subarray(0, distinct);
}

/** Position of `time` in `sorted` (it is one of its values). */
function rankOf(sorted: Float64Array, time: number): number {
  let low = 0;
  let high = sorted.length - 1;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! < time) low = middle + 1;
    else high = middle;
  }
  return low;
}
