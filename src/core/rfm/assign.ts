/**
 * Scores every buyer on the metrics in use and names their segment; customers who never bought get R0 F0 M0
 * and the Prospect segment. The score code shows the metrics in use: `545`, or `54` for R and F.
 */
import type { CustomerRecord } from '../model';
import type { Breakpoints, MetricSet, ScoreLevels } from '../options';
import { scoreMetric, type Metric, type ScoreStats } from './score';
import { segmentResolver } from './segment-map';

export function metricsInUse(metrics: MetricSet): Metric[] {
  return [...metrics] as Metric[];
}

function metricValue(customer: CustomerRecord, metric: Metric): number {
  if (metric === 'r') return customer.recencyDays!;
  if (metric === 'f') return customer.frequency;
  return customer.monetary;
}

export function assignScores(
  customers: CustomerRecord[],
  options: {
    levels: ScoreLevels;
    metrics: MetricSet;
    breakpoints?: Breakpoints;
    segmentMap?: Record<string, string[]>;
  },
): ScoreStats[] {
  const resolve = segmentResolver(options.levels, options.metrics, options.segmentMap);
  const buyers = customers.filter((customer) => customer.frequency > 0 && customer.recencyDays !== undefined);
  const stats: ScoreStats[] = [];
  for (const metric of metricsInUse(options.metrics)) {
    const values = Float64Array.from(buyers, (customer) => metricValue(customer, metric));
    const { scores, stats: metricStats } = scoreMetric(
      metric,
      values,
      options.levels,
      options.breakpoints?.[metric],
    );
    buyers.forEach((customer, i) => {
      customer[metric] = scores[i]!;
    });
    stats.push(metricStats);
  }
  const used = metricsInUse(options.metrics);
  for (const customer of customers) {
    customer.rfmCode = used.map((metric) => customer[metric]).join('');
    customer.segmentId = resolve(customer.r, customer.f, customer.m);
  }
  return stats;
}
