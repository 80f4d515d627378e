/**
 * The sidebar's entry: loads the setup, then renders the current step on every state change. Each step is a
 * function of the state (see state.ts) in its own module; nothing here holds data outside the state.
 */
import type { Language } from '../shared/api';
import { mappingFrom, renderConfirmColumns } from './confirm-columns';
import { renderChooseData } from './choose-data';
import { el, replaceChildren, segmented } from './dom';
import { renderExport } from './export';
import { renderFilters } from './filters';
import { renderResult } from './result';
import { renderRun } from './run';
import { callServer } from './server';
import { draftFrom, renderSettings } from './settings';
import { createStore, initialState, type Context, type Step } from './state';
import { busyLine, notice } from './ui';

/**
 * Which of the four dots a screen lights: running belongs to settings, export to the result, and the filter
 * panel to the screen it was opened from.
 */
const STEP_INDEX: Record<Exclude<Step, 'filters'>, number> = {
  data: 0,
  columns: 1,
  settings: 2,
  run: 2,
  result: 3,
  export: 3,
};

const SCREENS: Record<Step, (context: Context) => HTMLElement> = {
  data: renderChooseData,
  columns: renderConfirmColumns,
  settings: renderSettings,
  run: renderRun,
  result: renderResult,
  export: renderExport,
  filters: renderFilters,
};

function header(context: Context): HTMLElement {
  const { t, state } = context;
  return el(
    'header',
    { class: 'top' },
    // Sheets shows the add-on's name above the sidebar (showSidebar sets the title): no second heading here.
    segmented<Language>(
      t.languageLabel,
      [
        ['vi', 'VI'],
        ['en', 'EN'],
      ],
      state.language,
      (language) => void switchLanguage(context, language),
      'language',
    ),
  );
}

function stepper(context: Context): HTMLElement {
  const { t, state } = context;
  const step = state.step === 'filters' ? state.filters.returnTo : state.step;
  const current = STEP_INDEX[step === 'filters' ? 'settings' : step];
  return el(
    'ol',
    { class: 'stepper', 'data-testid': 'stepper' },
    ...t.stepNames.map((name, index) =>
      el(
        'li',
        {
          class: index < current ? 'done' : index === current ? 'current' : undefined,
          'aria-current': index === current ? 'step' : undefined,
        },
        el('span', { class: 'dot' }, String(index + 1)),
        el('span', { class: 'step-name' }, name),
      ),
    ),
  );
}

function render(app: HTMLElement, context: Context): void {
  const { state, t } = context;
  document.documentElement.lang = state.language;
  if (!state.setup) {
    replaceChildren(
      app,
      header(context),
      state.error ? notice('error', t.unexpectedError, ' ', state.error) : busyLine(t.loading),
    );
    return;
  }
  // A control that re-renders while it is typed in (the filter builder's values and text) gets its focus and
  // caret back: its `data-key` names it across renders.
  const active = document.activeElement;
  const key = active?.getAttribute('data-key');
  const caret =
    active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement
      ? [active.selectionStart, active.selectionEnd]
      : null;
  replaceChildren(app, header(context), stepper(context), SCREENS[state.step](context));
  if (!key) return;
  const again = app.querySelector<HTMLElement>(`[data-key="${key}"]`);
  if (!again) return;
  again.focus();
  if (caret && (again instanceof HTMLInputElement || again instanceof HTMLTextAreaElement)) {
    try {
      again.setSelectionRange(caret[0], caret[1]);
    } catch {
      // Inputs such as type=color have no caret.
    }
  }
}

/** Switches the language; the column maps on screen are detected again so their labels follow. */
async function switchLanguage(context: Context, language: Language): Promise<void> {
  if (language === context.state.language) return;
  context.update((s) => void (s.language = language));
  const mappings = Object.values(context.state.mappings);
  if (mappings.length === 0) return;
  try {
    const detections = await Promise.all(
      mappings.map((mapping) =>
        callServer('detectColumns', mapping.detection.sheet, mapping.detection.kind, language),
      ),
    );
    context.update((s) => {
      for (const detection of detections) {
        const previous = s.mappings[detection.kind];
        if (previous?.detection.sheet === detection.sheet)
          s.mappings[detection.kind] = mappingFrom(detection, previous);
      }
    });
  } catch (error) {
    context.update((s) => void (s.error = (error as Error).message));
  }
}

function start(): void {
  const app = document.getElementById('app') as HTMLElement;
  // The first paint (loading) follows the browser's language until the server says the user's.
  const guess: Language = (navigator.language || '').toLowerCase().startsWith('vi') ? 'vi' : 'en';
  const store = createStore(initialState(guess), (context) => render(app, context));
  store.update(() => undefined);
  callServer('getSetup').then(
    (setup) =>
      store.update((s) => {
        s.setup = setup;
        s.language = setup.language;
        s.invoiceSheet = setup.invoiceSheet ?? '';
        s.customerSheet = setup.customerSheet ?? '';
        s.settings = draftFrom(setup.lastSettings, s.settings);
      }),
    (error: Error) => store.update((s) => void (s.error = error.message)),
  );
}

start();
