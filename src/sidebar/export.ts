/**
 * Step 6: a chosen segment's tab as a CSV file, made in the browser from the tab's displayed cells
 * (`getSegmentRows`) and downloaded through a Blob link. The layouts and the escaping are in csv.ts.
 * With "Start a campaign with this segment" on, the download starts the campaign instead (`startCampaign`,
 * issue 19) and the file is made from the treated group's rows it returns: the holdout is never sent the offer.
 */
import { CUSTOMER_COLUMNS } from '../core/plan/customer-columns';
import { el, radio, select } from './dom';
import { EXPORT_PRESETS, exportFileName, exportTable, toCsv, type ExportPreset } from './csv';
import { formatNumber } from './i18n';
import { callServer } from './server';
import type { Context } from './state';
import { actions, busyLine, field, hint, notice, primaryButton, screen, textButton } from './ui';
import { filterData } from './filters';
import { MAX_HOLDOUT_PERCENT, MIN_HOLDOUT_PERCENT } from '../core/campaigns/campaigns';

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
  const campaign = state.exporting.campaign;
  const data = campaign.on ? filterData(context) : null;
  try {
    // Without the run's data and settings the members cannot be frozen: never fall back to a plain export.
    if (campaign.on && !data) throw new Error(t.campaignNoData);
    const started = data
      ? await callServer('startCampaign', {
          data,
          name: campaign.name || defaultCampaignName(context),
          segmentId: segment.id,
          holdoutPercent: campaign.holdoutPercent,
        })
      : null;
    const tab = started ? started.rows : await callServer('getSegmentRows', segment.tab, state.language);
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
      s.exporting.started = started
        ? { name: started.name, treated: started.treated, holdout: started.holdout }
        : null;
      // A campaign starts once: the next download of the same screen is a plain export again.
      if (started) s.exporting.campaign = { ...s.exporting.campaign, on: false, name: '' };
    });
    triggerDownload(url, name);
  } catch (error) {
    update((s) => {
      s.exporting.busy = false;
      s.exporting.error = (error as Error).message;
    });
  }
}

/** The name a campaign gets when the shop types none: the segment's name and the as-of date. */
function defaultCampaignName(context: Context): string {
  const { state } = context;
  const segment = state.result?.segments.find((candidate) => candidate.id === state.exporting.segmentId);
  const name = state.result?.words?.[state.language]?.segmentNames[segment?.id ?? ''] ?? segment?.name ?? '';
  return `${name} ${state.result?.asOf ?? ''}`.trim();
}

/** The offer to start a campaign with the exported segment: a checkbox, then its name and holdout share. */
function campaignFields(context: Context): HTMLElement {
  const { t, state, update } = context;
  const campaign = state.exporting.campaign;
  const set = (change: (c: typeof campaign) => void, render = false) =>
    update((s) => change(s.exporting.campaign), render);
  return el(
    'fieldset',
    { 'data-testid': 'campaign' },
    el(
      'label',
      { class: 'checkbox' },
      el('input', {
        type: 'checkbox',
        checked: campaign.on,
        'data-testid': 'campaign-on',
        onChange: (event) => set((c) => void (c.on = (event.target as HTMLInputElement).checked), true),
      }),
      el('span', {}, t.campaignStart),
    ),
    campaign.on
      ? el(
          'div',
          {},
          hint(t.campaignStartHelp),
          field(
            t.campaignName,
            el('input', {
              type: 'text',
              value: campaign.name || defaultCampaignName(context),
              'data-testid': 'campaign-name',
              onInput: (event) => set((c) => void (c.name = (event.target as HTMLInputElement).value)),
            }),
          ),
          field(
            t.campaignHoldout,
            el('input', {
              type: 'number',
              min: MIN_HOLDOUT_PERCENT,
              max: MAX_HOLDOUT_PERCENT,
              step: 1,
              value: campaign.holdoutPercent,
              'data-testid': 'campaign-holdout',
              onInput: (event) =>
                set((c) => void (c.holdoutPercent = Number((event.target as HTMLInputElement).value))),
            }),
          ),
        )
      : null,
  );
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
  const started = state.exporting.started;
  return notice(
    'info',
    el('p', { 'data-testid': 'export-done' }, t.exported(file.rows, file.name)),
    started
      ? el(
          'p',
          { 'data-testid': 'campaign-started' },
          t.campaignStarted(started.name, started.treated, started.holdout),
        )
      : null,
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
    campaignFields(context),
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
