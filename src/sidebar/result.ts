/**
 * Step 5: what the run made. Per segment: colour chip, name, customers, share and revenue; clicking a segment
 * with members opens its tab. Below, the first data issues and a link to the Data-issues tab.
 */
import type { SegmentResult } from '../shared/api';
import { el } from './dom';
import { openFilters } from './filters';
import { formatNumber, formatShare } from './i18n';
import { callServer } from './server';
import type { Context } from './state';
import { actions, hint, notice, primaryButton, screen, textButton } from './ui';

/** Issues listed here; the rest are in the tab. */
const ISSUES_SHOWN = 5;

function openTab(context: Context, tab: string): void {
  callServer('openTab', tab).catch((error: Error) => context.update((s) => void (s.error = error.message)));
}

function segmentRow(context: Context, segment: SegmentResult): HTMLElement {
  const { t, state } = context;
  const language = state.language;
  const cells = [
    el('span', { class: 'swatch', background: segment.colour, 'aria-hidden': 'true' }),
    el('span', { class: 'segment-name' }, segment.name),
    el(
      'span',
      { class: 'number', 'data-testid': 'segment-customers' },
      formatNumber(language, segment.customers),
    ),
    el('span', { class: 'number share' }, formatShare(language, segment.share)),
    el('span', { class: 'number revenue' }, `${t.revenueHeader} ${formatNumber(language, segment.revenue)}`),
  ];
  const tab = segment.tab;
  if (!tab) {
    return el('li', { class: 'segment-row empty', title: t.noTab, 'data-testid': 'segment' }, ...cells);
  }
  return el(
    'li',
    { class: 'segment-row-item' },
    el(
      'button',
      {
        class: 'segment-row',
        title: t.openTabTitle(tab),
        'data-testid': 'segment',
        onClick: () => openTab(context, tab),
      },
      ...cells,
    ),
  );
}

export function renderResult(context: Context): HTMLElement {
  const { t, state, update } = context;
  const result = state.result;
  if (!result) return screen('step-result', t.resultTitle);
  const shownIssues = result.issues.slice(0, ISSUES_SHOWN);
  // Filter segments overlap the RFM segments and each other: listed apart, and left out of the total.
  const isFilter = (segment: SegmentResult) => segment.id.startsWith('filter:');
  const rfmSegments = result.segments.filter((segment) => !isFilter(segment));
  const filterSegments = result.segments.filter(isFilter);
  return screen(
    'step-result',
    t.resultTitle,
    el(
      'p',
      { class: 'summary-line' },
      t.resultSummary(
        formatNumber(
          state.language,
          rfmSegments.reduce((sum, segment) => sum + segment.customers, 0),
        ),
        result.asOf,
      ),
    ),
    ...(result.warnings ?? []).map((warning) => notice('warning', warning)),
    hint(t.openTabHint),
    el(
      'div',
      { class: 'segment-head', 'aria-hidden': 'true' },
      el('span', {}),
      el('span', {}, t.segmentHeader),
      el('span', { class: 'number' }, t.customersHeader),
      el('span', { class: 'number' }, t.shareHeader),
      el('span', { class: 'number' }, t.revenueHeader),
    ),
    el(
      'ul',
      { class: 'segments', 'data-testid': 'segments' },
      ...rfmSegments.map((s) => segmentRow(context, s)),
    ),
    filterSegments.length
      ? el(
          'div',
          { 'data-testid': 'filter-results' },
          el('h3', {}, t.filterSegmentsHeading),
          el('ul', { class: 'segments' }, ...filterSegments.map((s) => segmentRow(context, s))),
        )
      : null,
    textButton(t.filtersButton, {
      'data-testid': 'open-filters',
      onClick: () => openFilters(context, 'result'),
    }),
    result.summaryTab
      ? textButton(t.openSummaryTab, { onClick: () => openTab(context, result.summaryTab) })
      : null,
    el('h3', {}, t.issuesTitle(result.issueCount)),
    result.issueCount === 0
      ? hint(t.noIssues)
      : el(
          'div',
          { class: 'issues', 'data-testid': 'issues' },
          el(
            'ul',
            {},
            ...shownIssues.map((issue) =>
              el(
                'li',
                {},
                el('span', { class: 'issue-cell' }, `${issue.sheet}!${issue.cell}`),
                ' ',
                el('strong', {}, issue.problem),
                el('span', { class: 'issue-message' }, issue.message),
              ),
            ),
          ),
          result.issueCount > shownIssues.length
            ? hint(t.moreIssues(result.issueCount - shownIssues.length))
            : null,
          result.issuesTab
            ? textButton(t.openIssuesTab, {
                'data-testid': 'open-issues',
                onClick: () => openTab(context, result.issuesTab),
              })
            : null,
        ),
    state.error ? notice('error', state.error) : null,
    actions(
      textButton(t.runAgain, {
        onClick: () => update((s) => void ((s.step = 'settings'), (s.error = null))),
      }),
      primaryButton(t.exportButton, {
        'data-testid': 'to-export',
        onClick: () => update((s) => void ((s.step = 'export'), (s.error = null))),
      }),
    ),
    textButton(t.otherData, { onClick: () => update((s) => void ((s.step = 'data'), (s.error = null))) }),
  );
}
