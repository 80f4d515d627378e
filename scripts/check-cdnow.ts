/**
 * The published fits on the CDNOW sample (2,357 customers of the CD retailer, 1997–1998), checked outside CI:
 * the data set is not ours to copy into the repository, so this reads it from where the user keeps it.
 *
 *   npm run check:cdnow -- path/to/CDNOW_sample.txt
 *
 * (The file ships in the `lifetimes` Python package's repository, lifetimes/datasets/CDNOW_sample.txt.)
 * Calibration period 1997-01-01 … 1997-09-30 (the papers' 39 weeks), in days. Expected (Fader, Hardie & Lee
 * 2005): BG/NBD r = 0.243, α = 4.414 weeks (30.90 days), a = 0.793, b = 2.426; Gamma-Gamma on the 946 repeat
 * buyers p = 6.25, q = 3.74, γ = 15.44. Exits 1 when a parameter is more than 1% off.
 */
import { readFileSync } from 'node:fs';
import { fitPurchases } from '../src/core/predict/bg-nbd';
import { fitSpend } from '../src/core/predict/gamma-gamma';
import { historiesFromPurchases } from '../src/core/predict/history';

const path = process.argv[2];
if (!path) {
  process.stderr.write('usage: npm run check:cdnow -- path/to/CDNOW_sample.txt\n');
  process.exit(2);
}
const day = (yyyymmdd: string) =>
  Date.UTC(Number(yyyymmdd.slice(0, 4)), Number(yyyymmdd.slice(4, 6)) - 1, Number(yyyymmdd.slice(6, 8))) /
  86_400_000;
const calibrationEnd = day('19970930');
const customers = new Map<string, { day: number; amount: number }[]>();
for (const line of readFileSync(path, 'utf8').split('\n')) {
  const [id, , date, , amount] = line.trim().split(/\s+/);
  if (!id || !date || amount === undefined) continue;
  const purchase = { day: day(date), amount: Number(amount) };
  if (purchase.day > calibrationEnd) continue;
  const list = customers.get(id) ?? [];
  list.push(purchase);
  customers.set(id, list);
}
const { purchases, spend } = historiesFromPurchases([...customers.values()], calibrationEnd);
const bg = fitPurchases('bgnbd', purchases);
const gg = fitSpend(spend);
const rows: [string, number, number][] = [
  ['r', bg.r, 0.243],
  ['alpha (days)', bg.alpha, 4.414 * 7],
  ['a', bg.a, 0.793],
  ['b', bg.b, 2.426],
  ['p', gg.p, 6.25],
  ['q', gg.q, 3.74],
  ['gamma', gg.gamma, 15.44],
];
let off = 0;
process.stdout.write(`customers ${purchases.x.length}, repeat buyers ${spend.x.length}\n`);
for (const [name, fitted, published] of rows) {
  const error = Math.abs(fitted / published - 1);
  if (error > 0.01) off++;
  process.stdout.write(
    `${name.padEnd(14)} fitted ${fitted.toFixed(4).padStart(9)}  published ${published.toFixed(3).padStart(8)}  ${(error * 100).toFixed(2)}%\n`,
  );
}
process.exit(off ? 1 : 0);
