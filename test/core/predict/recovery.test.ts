/**
 * Parameter recovery: customers simulated from known parameters, fitted back; each estimate must lie within
 * three standard errors of the truth (the errors from the observed information of the fit itself), and the fit
 * must reproduce the simulated counts.
 */
import {
  fitPurchases,
  meanLogLikelihood,
  type PurchaseModel,
  type PurchaseParameters,
} from '../../../src/core/predict/bg-nbd';
import {
  fitSpend,
  spendMeanLogLikelihood,
  type SpendParameters,
} from '../../../src/core/predict/gamma-gamma';
import { logStandardErrors } from '../../../src/core/predict/optimise';
import { simulate } from './simulate';

const SETS: {
  model: PurchaseModel;
  params: PurchaseParameters;
  spend: SpendParameters;
  customers: number;
  seed: number;
}[] = [
  // CDNOW-like, in days: few, infrequent buyers who drop out fast.
  {
    model: 'bgnbd',
    params: { r: 0.25, alpha: 31, a: 0.8, b: 2.4 },
    spend: { p: 6, q: 3.8, gamma: 15 },
    customers: 4000,
    seed: 1,
  },
  // A café: frequent visits, slow churn.
  {
    model: 'mbgnbd',
    params: { r: 1.2, alpha: 12, a: 0.5, b: 6 },
    spend: { p: 3, q: 6, gamma: 200_000 },
    customers: 8000,
    seed: 2,
  },
  // A shop of occasional buyers.
  {
    model: 'mbgnbd',
    params: { r: 0.6, alpha: 60, a: 1.5, b: 3 },
    spend: { p: 2, q: 4, gamma: 500 },
    customers: 12000,
    seed: 3,
  },
];

describe.each(SETS)(
  '$model, r $params.r, α $params.alpha, a $params.a, b $params.b ($customers customers)',
  (set) => {
    const customers = simulate(set.model, set.params, set.spend, set.customers, set.seed);
    const data = {
      x: Float64Array.from(customers, (c) => c.x),
      tx: Float64Array.from(customers, (c) => c.tx),
      T: Float64Array.from(customers, (c) => c.T),
    };
    let fitted: PurchaseParameters;
    beforeAll(() => {
      fitted = fitPurchases(set.model, data);
    });

    it('recovers r, α, a and b within three standard errors', () => {
      const objective = ([r, alpha, a, b]: number[]) =>
        -meanLogLikelihood(set.model, { r: r!, alpha: alpha!, a: a!, b: b! }, data);
      const point = [fitted.r, fitted.alpha, fitted.a, fitted.b];
      const errors = logStandardErrors(objective, point, customers.length);
      const truth = [set.params.r, set.params.alpha, set.params.a, set.params.b];
      truth.forEach((value, i) => {
        expect(Math.abs(Math.log(point[i]!) - Math.log(value))).toBeLessThan(3 * errors[i]! + 1e-9);
        // And the error is a real bound, not a shrug: under 40% of the value at these sizes.
        expect(errors[i]!).toBeLessThan(0.4);
      });
    });

    it('gives the share of customers who never bought again that the simulation made', () => {
      // P(no repeat purchase by T): BG/NBD (α / (α + T))^r; MBG/NBD adds those who dropped out at once, a / (a + b).
      const { r, alpha, a, b } = fitted;
      const atOnce = set.model === 'mbgnbd' ? a / (a + b) : 0;
      let expected = 0;
      for (const c of customers) expected += atOnce + (1 - atOnce) * Math.pow(alpha / (alpha + c.T), r);
      const observed = customers.filter((c) => c.x === 0).length;
      expect(Math.abs(expected - observed) / customers.length).toBeLessThan(0.02);
    });

    it('recovers p, q and γ of the order values within three standard errors', () => {
      const repeat = customers.filter((c) => c.x > 0);
      const spend = {
        x: Float64Array.from(repeat, (c) => c.x),
        m: Float64Array.from(repeat, (c) => c.values.reduce((s, v) => s + v, 0) / c.x),
      };
      const fitted = fitSpend(spend);
      const point = [fitted.p, fitted.q, fitted.gamma];
      const errors = logStandardErrors(
        ([p, q, gamma]) => -spendMeanLogLikelihood({ p: p!, q: q!, gamma: gamma! }, spend),
        point,
        repeat.length,
      );
      [set.spend.p, set.spend.q, set.spend.gamma].forEach((value, i) => {
        expect(Math.abs(Math.log(point[i]!) - Math.log(value))).toBeLessThan(3 * errors[i]! + 1e-9);
      });
    });
  },
);
