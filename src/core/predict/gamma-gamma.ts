/**
 * How much a customer spends per order: the Gamma-Gamma model (Fader, Hardie & Lee 2005, "RFM and CLV: using
 * iso-value curves for customer base analysis"; Hardie's note 025), fitted by maximum likelihood on repeat
 * buyers. A customer's order values are Gamma(p, ν) with ν ~ Gamma(q, γ); the inputs per repeat buyer are `x`,
 * the repeat purchases, and `m`, the mean value of those repeat purchases (the first purchase is left out, as
 * the papers do). The expected order value shrinks the customer's own mean towards the population's, the more
 * so the fewer orders it rests on. It needs q > 1 for a finite mean.
 */
import { logGamma } from './special';
import { minimisePositive } from './optimise';

export interface SpendHistory {
  x: Float64Array;
  m: Float64Array;
}

export interface SpendParameters {
  p: number;
  q: number;
  gamma: number;
}

export function spendMeanLogLikelihood(params: SpendParameters, data: SpendHistory): number {
  const { p, q, gamma } = params;
  const logGammaQ = logGamma(q);
  const qLogGamma = q * Math.log(gamma);
  let total = 0;
  const n = data.x.length;
  for (let i = 0; i < n; i++) {
    const x = data.x[i]!;
    const m = data.m[i]!;
    const px = p * x;
    total +=
      logGamma(px + q) -
      logGamma(px) -
      logGammaQ +
      qLogGamma +
      (px - 1) * Math.log(m) +
      px * Math.log(x) -
      (px + q) * Math.log(x * m + gamma);
  }
  return total / n;
}

export function fitSpend(data: SpendHistory): SpendParameters {
  let mean = 0;
  for (const m of data.m) mean += m;
  mean = Math.max(1e-9, mean / data.m.length);
  const starts = [
    [1, 2, mean],
    [5, 4, mean * 3],
    [2, 10, mean * 10],
  ];
  const found = minimisePositive(
    ([p, q, gamma]) => -spendMeanLogLikelihood({ p: p!, q: q!, gamma: gamma! }, data),
    starts,
  );
  const [p, q, gamma] = found.point as [number, number, number];
  return { p, q, gamma };
}

/** E[order value | x repeat purchases of mean m]; the population mean pγ / (q − 1) for a customer with none. */
export function expectedOrderValue(params: SpendParameters, x: number, m: number): number {
  const { p, q, gamma } = params;
  if (x <= 0) return (p * gamma) / (q - 1);
  return (p * (gamma + x * m)) / (p * x + q - 1);
}
