/**
 * Step 3: the run's settings. As-of day (today in the spreadsheet's zone, the latest purchase, or a picked
 * day), the metrics scored, the number of score levels, quintile-style scores or the shop's own breakpoints
 * (levels − 1 rising thresholds per metric), and whether M is total spend or the average order.
 */
import { checkThresholds, type Metric } from '../core/rfm/score';
import type { RunSettings } from '../shared/api';
import { el, radio, segmented } from './dom';
import { openFilters } from './filters';
import type { Strings } from './i18n';
import { startRun } from './run';
import type { Context, SettingsDraft } from './state';
import { actions, field, hint, notice, primaryButton, screen, textButton } from './ui';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The draft a returning user starts from: their last run's settings. */
export function draftFrom(settings: RunSettings | null, draft: SettingsDraft): SettingsDraft {
  if (!settings) return draft;
  const asOfMode = settings.asOf === 'today' || settings.asOf === 'latest' ? settings.asOf : 'pick';
  const text = (values?: number[]) => (values ?? []).join(', ');
  return {
    asOfMode,
    asOfDay: asOfMode === 'pick' ? settings.asOf : '',
    metrics: settings.metrics,
    levels: settings.levels,
    scoring: settings.scoring,
    breakpointText: {
      r: text(settings.breakpoints?.r),
      f: text(settings.breakpoints?.f),
      m: text(settings.breakpoints?.m),
    },
    monetary: settings.monetary,
    segmentTabs: settings.segmentTabs ?? true,
  };
}

export function activeMetrics(metrics: RunSettings['metrics']): Metric[] {
  return (['r', 'f', 'm'] as const).filter((metric) => metrics.includes(metric));
}

/**
 * Thresholds as typed: separated by commas or semicolons; `1.000.000` (dots grouping thousands, as Vietnamese
 * writes money) is one million. Null when a part is not a number.
 */
export function parseThresholds(text: string): number[] | null {
  const parts = text
    .split(/[,;]/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
  const numbers = parts.map((part) => {
    const compact = part.replace(/\s/g, '');
    return Number(/^\d{1,3}(?:\.\d{3})+$/.test(compact) ? compact.replace(/\./g, '') : compact);
  });
  return numbers.every(Number.isFinite) ? numbers : null;
}

/** The settings the server gets, or the first thing to fix in the user's words. */
export function toRunSettings(
  draft: SettingsDraft,
  t: Strings,
): { settings: RunSettings } | { error: string } {
  if (draft.asOfMode === 'pick' && !DAY.test(draft.asOfDay)) return { error: t.asOfPickMissing };
  const settings: RunSettings = {
    asOf: draft.asOfMode === 'pick' ? draft.asOfDay : draft.asOfMode,
    metrics: draft.metrics,
    levels: draft.levels,
    scoring: draft.scoring,
    monetary: draft.monetary,
    segmentTabs: draft.segmentTabs,
  };
  if (draft.scoring === 'breakpoints') {
    const breakpoints: NonNullable<RunSettings['breakpoints']> = {};
    for (const metric of activeMetrics(draft.metrics)) {
      const thresholds = parseThresholds(draft.breakpointText[metric]);
      if (!thresholds || checkThresholds(metric, thresholds, draft.levels) !== null) {
        return { error: `${metric.toUpperCase()}: ${t.breakpointInvalid(draft.levels - 1)}` };
      }
      breakpoints[metric] = thresholds;
    }
    settings.breakpoints = breakpoints;
  }
  return { settings };
}

/** Example thresholds per metric: the placeholder shows as many as the chosen levels need. */
const EXAMPLES: Record<Metric, readonly number[]> = {
  r: [30, 60, 90, 180],
  f: [2, 3, 5, 8],
  m: [500_000, 1_000_000, 2_000_000, 5_000_000],
};

/** `30, 60, 90` for 4 levels; money grouped with dots in Vietnamese (commas separate the thresholds). */
export function breakpointPlaceholder(metric: Metric, levels: RunSettings['levels'], t: Strings): string {
  return EXAMPLES[metric]
    .slice(0, levels - 1)
    .map((value) => t.thresholdNumber(value))
    .join(', ');
}

function breakpointProblem(metric: Metric, text: string, levels: RunSettings['levels']): boolean {
  const thresholds = parseThresholds(text);
  return text.trim() !== '' && (!thresholds || checkThresholds(metric, thresholds, levels) !== null);
}

/**
 * One box per scored metric. Typing stores the text without re-rendering, and leaving the box shows whether
 * it is valid by changing that box's own hint in place: a re-render on `change` would replace the box the
 * user is tabbing or clicking into (its typing then lands nowhere) and the Run button under the pointer (the
 * click is lost).
 */
function breakpointInputs(context: Context): HTMLElement {
  const { t, state, update } = context;
  const { settings } = state;
  const count = settings.levels - 1;
  const caption = { r: t.breakpointR, f: t.breakpointF, m: t.breakpointM };
  const normalHint = (metric: Metric) =>
    metric === 'r' ? t.breakpointHintR(count) : t.breakpointHintFM(count);
  return el(
    'div',
    { class: 'breakpoints', 'data-testid': 'breakpoints' },
    ...activeMetrics(settings.metrics).map((metric) => {
      const invalid = breakpointProblem(metric, settings.breakpointText[metric], settings.levels);
      const help = hint(invalid ? t.breakpointInvalid(count) : normalHint(metric));
      help.setAttribute('data-testid', `breakpoints-${metric}-hint`);
      const input = el('input', {
        type: 'text',
        inputmode: 'decimal',
        value: settings.breakpointText[metric],
        placeholder: breakpointPlaceholder(metric, settings.levels, t),
        'aria-invalid': invalid ? 'true' : 'false',
        'data-testid': `breakpoints-${metric}`,
        'data-key': `breakpoints-${metric}`,
        onInput: (event) =>
          update(
            (s) => void (s.settings.breakpointText[metric] = (event.target as HTMLInputElement).value),
            false,
          ),
        onChange: () => {
          const bad = breakpointProblem(
            metric,
            context.state.settings.breakpointText[metric],
            settings.levels,
          );
          input.setAttribute('aria-invalid', bad ? 'true' : 'false');
          help.textContent = bad ? t.breakpointInvalid(count) : normalHint(metric);
        },
      });
      return field(caption[metric], input, help);
    }),
  );
}

export function renderSettings(context: Context): HTMLElement {
  const { t, state, update } = context;
  const { settings } = state;
  const set = (change: (draft: SettingsDraft) => void) =>
    update((s) => {
      change(s.settings);
      s.error = null;
    });
  const today = state.setup?.today ?? '';
  const run = () => {
    const checked = toRunSettings(settings, t);
    if ('error' in checked) update((s) => void (s.error = checked.error));
    else void startRun(context, checked.settings);
  };
  return screen(
    'step-settings',
    t.settingsTitle,
    el(
      'fieldset',
      { 'data-testid': 'as-of' },
      el('legend', {}, t.asOfLabel),
      radio('as-of', 'today', t.asOfToday(today), settings.asOfMode === 'today', () =>
        set((d) => void (d.asOfMode = 'today')),
      ),
      radio('as-of', 'latest', t.asOfLatest, settings.asOfMode === 'latest', () =>
        set((d) => void (d.asOfMode = 'latest')),
      ),
      radio('as-of', 'pick', t.asOfPick, settings.asOfMode === 'pick', () =>
        set((d) => void (d.asOfMode = 'pick')),
      ),
      settings.asOfMode === 'pick'
        ? el('input', {
            type: 'date',
            class: 'indent',
            value: settings.asOfDay,
            max: today || undefined,
            'aria-label': t.asOfPick,
            'data-testid': 'as-of-day',
            onChange: (event) => set((d) => void (d.asOfDay = (event.target as HTMLInputElement).value)),
          })
        : null,
    ),
    el(
      'div',
      { class: 'field' },
      el('span', { class: 'caption' }, t.metricsLabel),
      segmented(
        t.metricsLabel,
        [
          ['rfm', 'RFM'],
          ['rf', 'RF'],
          ['rm', 'RM'],
          ['fm', 'FM'],
        ],
        settings.metrics,
        (metrics) => set((d) => void (d.metrics = metrics)),
        'metrics',
      ),
      hint(t.metricsHelp),
    ),
    el(
      'div',
      { class: 'field' },
      el('span', { class: 'caption' }, t.levelsLabel),
      segmented(
        t.levelsLabel,
        [
          ['5', '5'],
          ['4', '4'],
          ['3', '3'],
        ],
        String(settings.levels) as '5' | '4' | '3',
        (levels) => set((d) => void (d.levels = Number(levels) as RunSettings['levels'])),
        'levels',
      ),
    ),
    el(
      'fieldset',
      { 'data-testid': 'scoring' },
      el('legend', {}, t.scoringLabel),
      radio('scoring', 'quintile', t.scoringQuintile, settings.scoring === 'quintile', () =>
        set((d) => void (d.scoring = 'quintile')),
      ),
      radio('scoring', 'breakpoints', t.scoringBreakpoints, settings.scoring === 'breakpoints', () =>
        set((d) => void (d.scoring = 'breakpoints')),
      ),
      settings.scoring === 'breakpoints' ? breakpointInputs(context) : null,
    ),
    settings.metrics.includes('m')
      ? el(
          'fieldset',
          { 'data-testid': 'monetary' },
          el('legend', {}, t.monetaryLabel),
          radio('monetary', 'total', t.monetaryTotal, settings.monetary === 'total', () =>
            set((d) => void (d.monetary = 'total')),
          ),
          radio('monetary', 'average', t.monetaryAverage, settings.monetary === 'average', () =>
            set((d) => void (d.monetary = 'average')),
          ),
        )
      : null,
    el(
      'label',
      { class: 'check' },
      el('input', {
        type: 'checkbox',
        checked: settings.segmentTabs,
        'data-testid': 'segment-tabs',
        onChange: (event) => {
          const checked = (event.target as HTMLInputElement).checked;
          set((d) => void (d.segmentTabs = checked));
        },
      }),
      ' ',
      t.segmentTabsLabel,
    ),
    textButton(t.filtersButton, {
      'data-testid': 'open-filters',
      onClick: () => openFilters(context, 'settings'),
    }),
    state.error ? notice('error', state.error) : null,
    actions(
      textButton(t.back, { onClick: () => update((s) => void ((s.step = 'columns'), (s.error = null))) }),
      primaryButton(t.runButton, { 'data-testid': 'run', onClick: run }),
    ),
  );
}
