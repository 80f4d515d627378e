/**
 * Step 6: a chosen segment's tab as a CSV file, made in the browser from the tab's displayed cells
 * (`getSegmentRows`) and downloaded through a Blob link. The layouts and the escaping are in csv.ts.
 */
import { CUSTOMER_COLUMNS } from '../core/plan/customer-columns';
import { el, radio, select } from './dom';
import { EXPORT_PRESETS, exportFileName, exportTable, toCsv, type ExportPreset } from './csv';
import { formatNumber } from './i18n';
import { callServer } from './server';
import type { Context } from './state';
import { actions, busyLine, field, notice, primaryButton, screen, textButton } from './ui';

function presetCaption(context: Context, preset: ExportPreset): [string, string] {
  const { t } = context;
  if (preset === 'phone') return [t.presetPhone, t.presetPhoneHelp];
  if (preset === 'email') return [t.presetEmail, t.presetEmailHelp];
  return [t.presetPlain, t.presetPlainHelp];
}

/** Starts the browser's download of `url` as `name`. */
function triggerDownload(url: string, name: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
}

async function download(context: Context): Promise<void> {
  const { state, t, update } = context;
  const result = state.result;
  const segment = result?.segments.find((candidate) => candidate.id === state.exporting.segmentId);
  if (!result || !segment?.tab) return;
  const preset = state.exporting.preset;
  update((s) => {
    s.exporting.busy = true;
    s.exporting.error = null;
  });
  try {
    const tab = await callServer('getSegmentRows', segment.tab, state.language);
    const table = exportTable(tab.header, tab.rows, preset, t.presetHeaders);
    if (table.missingColumns.length > 0) {
      const header = CUSTOMER_COLUMNS.find((column) => column.id === table.missingColumns[0])?.header;
      throw new Error(t.missingColumn(header?.[state.language] ?? table.missingColumns[0]!));
    }
    const name = exportFileName(segment.name, preset, result.asOf);
    const url = URL.createObjectURL(new Blob([toCsv(table.rows)], { type: 'text/csv;charset=utf-8' }));
    update((s) => {
      if (s.exporting.file) URL.revokeObjectURL(s.exporting.file.url);
      s.exporting.file = { name, url, rows: table.rows.length - 1, skipped: table.skipped };
      s.exporting.busy = false;
    });
    triggerDownload(url, name);
  } catch (error) {
    update((s) => {
      s.exporting.busy = false;
      s.exporting.error = (error as Error).message;
    });
  }
}

function fileLink(context: Context): HTMLElement | null {
  const { t, state } = context;
  const file = state.exporting.file;
  if (!file) return null;
  const link = el('a', { class: 'download-link', 'data-testid': 'download-link' }, t.downloadAgain);
  link.href = file.url;
  link.download = file.name;
  const skippedLine =
    file.skipped === 0
      ? null
      : state.exporting.preset === 'email'
        ? t.skippedEmail(file.skipped)
        : t.skippedPhone(file.skipped);
  return notice(
    'info',
    el('p', { 'data-testid': 'export-done' }, t.exported(file.rows, file.name)),
    skippedLine,
    link,
  );
}

export function renderExport(context: Context): HTMLElement {
  const { t, state, update } = context;
  const segments = (state.result?.segments ?? []).filter((segment) => segment.tab);
  const back = textButton(t.backToResult, {
    onClick: () => update((s) => void ((s.step = 'result'), (s.exporting.error = null))),
  });
  if (segments.length === 0)
    return screen('step-export', t.exportTitle, notice('info', t.noSegments), actions(back));
  const { exporting } = state;
  return screen(
    'step-export',
    t.exportTitle,
    field(
      t.exportSegment,
      select(
        {
          'data-testid': 'export-segment',
          onChange: (event) =>
            update((s) => {
              s.exporting.segmentId = (event.target as HTMLSelectElement).value;
              s.exporting.error = null;
            }),
        },
        segments.map((segment) => {
          // The segment's name in the sidebar's current language (the run sends both).
          const name = state.result?.words?.[state.language]?.segmentNames[segment.id] ?? segment.name;
          return [segment.id, `${name} (${formatNumber(state.language, segment.customers)})`] as const;
        }),
        exporting.segmentId,
      ),
    ),
    el(
      'fieldset',
      { 'data-testid': 'export-preset' },
      el('legend', {}, t.exportPreset),
      ...EXPORT_PRESETS.map((preset) => {
        const [caption, help] = presetCaption(context, preset);
        return radio(
          'preset',
          preset,
          el('span', {}, caption, el('span', { class: 'radio-help' }, help)),
          exporting.preset === preset,
          () =>
            update((s) => {
              s.exporting.preset = preset;
              s.exporting.error = null;
            }),
          `preset-${preset}`,
        );
      }),
    ),
    exporting.error ? notice('error', exporting.error) : null,
    exporting.busy ? busyLine(t.preparing) : fileLink(context),
    actions(
      back,
      primaryButton(t.download, {
        'data-testid': 'download',
        disabled: exporting.busy,
        onClick: () => void download(context),
      }),
    ),
  );
}
