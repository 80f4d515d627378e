/**
 * The simulation behind MIN_REPEAT_BUYERS (src/core/predict/predictions.ts): for three parameter sets and
 * growing customer bases, 20 replicates each, how far the fitted MBG/NBD model's expected purchases of the
 * whole base in the next 90 days fall from those of the true parameters. Run: npx esbuild
 * scripts/prediction-minimum.ts --bundle --platform=node --outfile=.cache/minimum.cjs && node .cache/minimum.cjs
 */
import { expectedPurchases, fitPurchases } from '../src/core/predict/bg-nbd';
import { simulate } from '../test/core/predict/simulate';
const sets = [
  { r: 0.25, alpha: 31, a: 0.8, b: 2.4 },
  { r: 1.2, alpha: 12, a: 0.5, b: 6 },
  { r: 0.6, alpha: 60, a: 1.5, b: 3 },
];
for (const params of sets) {
  for (const n of [40, 80, 150, 300, 600]) {
    const errors: number[] = [];
    let repeatTotal = 0;
    for (let rep = 0; rep < 20; rep++) {
      const c = simulate('mbgnbd', params, { p: 2, q: 4, gamma: 500 }, n, 1000 + rep);
      repeatTotal += c.filter((v) => v.x > 0).length;
      const data = {
        x: Float64Array.from(c, (v) => v.x),
        tx: Float64Array.from(c, (v) => v.tx),
        T: Float64Array.from(c, (v) => v.T),
      };
      const fit = fitPurchases('mbgnbd', data);
      let truth = 0,
        est = 0;
      for (const v of c) {
        truth += expectedPurchases('mbgnbd', params, 90, v.x, v.tx, v.T);
        est += expectedPurchases('mbgnbd', fit, 90, v.x, v.tx, v.T);
      }
      errors.push(Math.abs(est / truth - 1));
    }
    errors.sort((a, b) => a - b);
    console.log(
      JSON.stringify(params),
      'customers',
      n,
      'repeat buyers ~',
      Math.round(repeatTotal / 20),
      'median err',
      errors[10]!.toFixed(3),
      'p90 err',
      errors[18]!.toFixed(3),
    );
  }
}
