/**
 * The whole plan of a run: Summary, Customers, one tab per segment with members (best segments first), and
 * Data issues. Segments with no members get no tab but keep their line in the Summary.
 */
import type { DataIssue } from '../issues';
import type { CustomerRecord } from '../model';
import type { Language } from '../options';
import { SEGMENTS } from '../rfm/segment-catalogue';
import type { RunSummary } from '../summary';
import { CustomerRows, customersTab, segmentTab, sortForDisplay } from './customer-tabs';
import { issuesTab } from './issues-tab';
import { summaryTab } from './summary-tab';
import type { OutputPlan, TabPlan } from './types';

export const SEGMENT_ORDER = new Map<string, number>(SEGMENTS.map((segment, i) => [segment.id, i]));

export function buildPlan(
  summary: RunSummary,
  customers: readonly CustomerRecord[],
  issues: readonly DataIssue[],
  levels: number,
  language: Language,
  segmentTabs = true,
): OutputPlan {
  const sorted = sortForDisplay(customers, SEGMENT_ORDER);
  const bySegment = new Map<string, CustomerRecord[]>();
  for (const customer of sorted) {
    const members = bySegment.get(customer.segmentId) ?? [];
    members.push(customer);
    bySegment.set(customer.segmentId, members);
  }
  const rows = new CustomerRows(language, summary.facts.metrics);
  const tabs: TabPlan[] = [
    summaryTab(summary, customers, levels, language),
    customersTab(sorted, language, rows, summary.predictions?.parameters !== undefined),
  ];
  for (const segment of segmentTabs ? SEGMENTS : []) {
    const members = bySegment.get(segment.id);
    if (members?.length) tabs.push(segmentTab(segment.id, members, language, rows));
  }
  tabs.push(issuesTab(issues, language));
  return { tabs };
}
