/**
 * Step 4: the run. `runSegmentation` runs for seconds to minutes; meanwhile the sidebar polls `getProgress`
 * (a separate server execution) every ~700 ms and moves the bar. A failed run shows the server's message and
 * says that the previous result tabs are unchanged (the server writes new tabs fully before swapping).
 */
import type { RunRequest, RunSettings } from '../shared/api';
import { sheetSelection } from './confirm-columns';
import { el } from './dom';
import { callServer } from './server';
import type { Context } from './state';
import { actions, notice, primaryButton, screen, textButton } from './ui';

export const POLL_INTERVAL_MS = 700;

function newRunId(): string {
  return `run-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

export function runRequest(context: Context, settings: RunSettings, runId: string): RunRequest {
  const { state } = context;
  const { invoices, customers } = state.mappings;
  return {
    invoices: invoices ? sheetSelection(invoices) : undefined,
    customers: customers ? sheetSelection(customers) : undefined,
    settings,
    language: state.language,
    runId,
  };
}

/** Polls progress until the run it belongs to is no longer the current, unfinished one. */
function pollProgress(context: Context, runId: string): void {
  const stillRunning = () => {
    const run = context.state.run;
    return context.state.step === 'run' && run?.runId === runId && run.failure === null;
  };
  const tick = () => {
    if (!stillRunning()) return;
    callServer('getProgress', runId).then(
      (progress) => {
        if (!stillRunning()) return;
        if (progress && progress.step !== 'failed') {
          context.update((s) => {
            if (s.run) s.run.progress = progress;
          });
        }
        setTimeout(tick, POLL_INTERVAL_MS);
      },
      // A lost poll is not a failed run: try again on the next tick.
      () => setTimeout(tick, POLL_INTERVAL_MS),
    );
  };
  setTimeout(tick, POLL_INTERVAL_MS);
}

export async function startRun(context: Context, settings: RunSettings): Promise<void> {
  const runId = newRunId();
  const request = runRequest(context, settings, runId);
  context.update((s) => {
    s.step = 'run';
    s.error = null;
    s.run = { runId, settings, progress: null, failure: null };
  });
  pollProgress(context, runId);
  try {
    const result = await callServer('runSegmentation', request);
    context.update((s) => {
      if (s.run?.runId !== runId) return;
      s.result = result;
      s.step = 'result';
      const first = result.segments.find((segment) => segment.tab);
      s.exporting = {
        segmentId: first?.id ?? '',
        preset: s.exporting.preset,
        busy: false,
        file: null,
        error: null,
        campaign: { on: false, name: '', holdoutPercent: s.exporting.campaign.holdoutPercent },
        started: null,
      };
    });
  } catch (error) {
    context.update((s) => {
      if (s.run?.runId === runId) s.run.failure = (error as Error).message;
    });
  }
}

export function renderRun(context: Context): HTMLElement {
  const { t, state, update } = context;
  const run = state.run;
  if (run?.failure) {
    // The server's own failure sentence may already say it; the sidebar says it once.
    const saysUnchanged = run.failure.includes(t.previousUnchanged);
    return screen(
      'step-run',
      t.failedTitle,
      notice(
        'error',
        el('p', { 'data-testid': 'run-failure' }, run.failure),
        saysUnchanged ? null : el('p', {}, t.previousUnchanged),
      ),
      actions(
        textButton(t.changeSettings, { onClick: () => update((s) => void (s.step = 'settings')) }),
        primaryButton(t.tryAgain, {
          'data-testid': 'try-again',
          onClick: () => void startRun(context, run.settings),
        }),
      ),
    );
  }
  const fraction = Math.max(0, Math.min(1, run?.progress?.fraction ?? 0));
  return screen(
    'step-run',
    t.runTitle,
    el(
      'div',
      {
        class: 'progress',
        role: 'progressbar',
        'aria-valuemin': 0,
        'aria-valuemax': 100,
        'aria-valuenow': Math.round(fraction * 100),
        'data-testid': 'progress',
      },
      // An indeterminate stripe until the first progress report arrives.
      run?.progress ? progressFill(fraction) : el('div', { class: 'fill indeterminate' }),
    ),
    el(
      'p',
      { class: 'progress-message', 'data-testid': 'progress-message' },
      run?.progress?.message ?? t.runStarting,
    ),
  );
}

function progressFill(fraction: number): HTMLElement {
  const fill = el('div', { class: 'fill' });
  fill.style.width = `${Math.round(fraction * 100)}%`;
  return fill;
}
