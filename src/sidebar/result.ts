/**
 * Step 5: what the run made. Per segment: colour chip, name, customers, share and revenue; clicking a segment
 * with members opens its tab, and its "?" opens one line on what it means and what to do. Below, the first data
 * issues, each with a link that selects its cell, and a link to the Data-issues tab. Names and issues follow the
 * sidebar's language (the run sends both); the tabs stay in the run's language.
 */
import { columnLetter } from '../core/cell';
import { SEGMENT_BY_ID } from '../core/rfm/segment-catalogue';
import type { IssueLine, SegmentResult } from '../shared/api';
import { el } from './dom';
import { openFilters } from './filters';
import { formatNumber, formatShare } from './i18n';
import { callServer } from './server';
import type { Context } from './state';
import { actions, hint, notice, primaryButton, screen, textButton } from './ui';

/** Issues listed here; the rest are in the tab. */
const ISSUES_SHOWN = 5;

/**
 * For an issue about a whole row, the column of the field it is about (the invoice code of a duplicate
 * invoice, the status of a cancelled one), so its link lands on a cell; the first listed field in the sheet's
 * confirmed map wins, column A when none is mapped.
 */
const ISSUE_FIELDS: Readonly<Record<string, readonly string[]>> = {
  'cancelled-invoice': ['status'],
  'unmatched-invoice': ['customerCode', 'customerAlias', 'phone', 'email'],
  'walk-in-invoice': ['customerCode', 'customerAlias', 'phone', 'email'],
  'merged-customers': ['phone', 'customerCode', 'email'],
  'missing-customer-key': ['customerCode', 'phone', 'email'],
  'duplicate-invoice': ['invoiceCode'],
  'missing-invoice-code': ['invoiceCode'],
  'duplicate-row': ['invoiceCode', 'customerCode'],
  'conflicting-invoice-total': ['invoiceTotal'],
  'missing-date': ['date'],
  'future-date': ['date'],
  'bad-date': ['date'],
  'ambiguous-date': ['date'],
  'missing-amount': ['invoiceTotal', 'lineTotal', 'unitPrice'],
  'non-positive-invoice': ['invoiceTotal', 'lineTotal', 'unitPrice'],
  'bad-amount': ['invoiceTotal', 'lineTotal', 'unitPrice'],
  'bad-phone': ['phone'],
  'bad-email': ['email'],
};

/** The issue's cell (`C6755`), or null when it has no row (a filter definition's problem). */
export function issueCellRef(issue: IssueLine, mappings: Context['state']['mappings']): string | null {
  const row = issue.row ?? (/^\d+$/.test(issue.cell) ? Number(issue.cell) : undefined);
  if (row === undefined) return /^[A-Z]{1,3}\d+$/.test(issue.cell) ? issue.cell : null;
  if (issue.column) return `${issue.column}${row}`;
  const mapping = Object.values(mappings).find((candidate) => candidate?.detection.sheet === issue.sheet);
  const column = (ISSUE_FIELDS[issue.code ?? ''] ?? [])
    .map((fieldId) => mapping?.columnMap[fieldId] ?? -1)
    .find((at) => at >= 0);
  return `${columnLetter(column ?? 0)}${row}`;
}

function openTab(context: Context, tab: string): void {
  callServer('openTab', tab).catch((error: Error) => context.update((s) => void (s.error = error.message)));
}

function selectCell(context: Context, sheet: string, cell: string): void {
  callServer('selectCell', sheet, cell, context.state.language).catch((error: Error) =>
    context.update((s) => void (s.error = error.message)),
  );
}

/**
 * The help of a segment: what its codes mean and what to do, then its portrait in a few lines (what sets it
 * apart from all customers) with a link to its block of the Portraits tab.
 */
function explanation(context: Context, segment: SegmentResult): HTMLElement {
  const { t, state } = context;
  const info = SEGMENT_BY_ID.get(segment.id);
  const portrait = segment.portrait;
  return el(
    'div',
    { class: 'segment-help', 'data-testid': 'segment-help' },
    el(
      'p',
      {},
      info ? t.segmentMeaning[info.id] : t.filterSegmentMeaning,
      info ? ' ' : null,
      info ? el('strong', {}, t.segmentActionLabel) : null,
      info ? ` ${info.action[state.language]}` : null,
    ),
    portrait
      ? el(
          'div',
          { 'data-testid': 'segment-portrait' },
          el('strong', {}, t.portraitLabel),
          el('ul', {}, ...portrait.lines[state.language].map((line) => el('li', {}, line))),
          textButton(t.openPortrait(portrait.tab), {
            'data-testid': 'open-portrait',
            onClick: () => selectCell(context, portrait.tab, portrait.cell),
          }),
        )
      : null,
  );
}

function segmentRow(context: Context, segment: SegmentResult, name: string): HTMLElement {
  const { t, state, update } = context;
  const language = state.language;
  const open = state.explaining === segment.id;
  const cells = [
    el('span', { class: 'swatch', background: segment.colour, 'aria-hidden': 'true' }),
    el('span', { class: 'segment-name' }, name),
    el(
      'span',
      { class: 'number', 'data-testid': 'segment-customers' },
      formatNumber(language, segment.customers),
    ),
    el('span', { class: 'number share' }, formatShare(language, segment.share)),
    el('span', { class: 'number revenue' }, `${t.revenueHeader} ${formatNumber(language, segment.revenue)}`),
  ];
  const tab = segment.tab;
  const row = tab
    ? el(
        'button',
        {
          class: 'segment-row',
          title: t.openTabTitle(tab),
          'data-testid': 'segment',
          onClick: () => openTab(context, tab),
        },
        ...cells,
      )
    : el('div', { class: 'segment-row empty', title: t.noTab, 'data-testid': 'segment' }, ...cells);
  return el(
    'li',
    { class: 'segment-row-item', 'data-key': segment.id },
    el(
      'div',
      { class: 'segment-line' },
      row,
      el(
        'button',
        {
          class: 'segment-info',
          title: t.segmentExplain(name),
          'aria-label': t.segmentExplain(name),
          'aria-expanded': open ? 'true' : 'false',
          'data-testid': 'segment-explain',
          onClick: () => update((s) => void (s.explaining = open ? null : segment.id)),
        },
        '?',
      ),
    ),
    open ? explanation(context, segment) : null,
  );
}

function issueItem(context: Context, issue: IssueLine): HTMLElement {
  const { t, state } = context;
  const cell = issueCellRef(issue, state.mappings);
  const where = cell ? `${issue.sheet}!${cell}` : issue.sheet;
  return el(
    'li',
    { 'data-testid': 'issue' },
    cell
      ? el(
          'button',
          {
            class: 'issue-cell link',
            title: t.selectCellTitle(where),
            'data-testid': 'issue-cell',
            onClick: () => selectCell(context, issue.sheet, cell),
          },
          where,
        )
      : el('span', { class: 'issue-cell' }, where),
    ' ',
    el('strong', {}, issue.problem),
    el('span', { class: 'issue-message' }, issue.message),
  );
}

export function renderResult(context: Context): HTMLElement {
  const { t, state, update } = context;
  const result = state.result;
  if (!result) return screen('step-result', t.resultTitle);
  // The run's words in the sidebar's current language (the tabs stay in the run's language).
  const words = result.words?.[state.language];
  const nameOf = (segment: SegmentResult) => words?.segmentNames[segment.id] ?? segment.name;
  const shownIssues = (words?.issues ?? result.issues).slice(0, ISSUES_SHOWN);
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
    hint(t.openTabHint, ' ', t.scoreLegend),
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
      ...rfmSegments.map((s) => segmentRow(context, s, nameOf(s))),
    ),
    filterSegments.length
      ? el(
          'div',
          { 'data-testid': 'filter-results' },
          el('h3', {}, t.filterSegmentsHeading),
          el('ul', { class: 'segments' }, ...filterSegments.map((s) => segmentRow(context, s, nameOf(s)))),
        )
      : null,
    result.campaigns?.length
      ? el(
          'div',
          { 'data-testid': 'campaign-results' },
          el('h3', {}, t.campaignsHeading),
          el(
            'ul',
            { class: 'campaigns' },
            ...result.campaigns.map((campaign, i) =>
              el(
                'li',
                { 'data-testid': 'campaign-result' },
                el('strong', {}, `${campaign.name} (${campaign.start}): `),
                result.words?.[state.language]?.campaigns?.[i] ?? campaign.sentence,
              ),
            ),
          ),
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
          el('ul', {}, ...shownIssues.map((issue) => issueItem(context, issue))),
          result.issueCount > shownIssues.length
            ? hint(t.moreIssues(result.issueCount - shownIssues.length))
            : null,
          result.issuesTab
            ? textButton(t.openIssuesTab(result.issuesTab), {
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
