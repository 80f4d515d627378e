/** Step 1: pick the invoices sheet and the (optional) customers sheet from the spreadsheet's own tabs. */
import type { SheetChoice, SheetKind } from '../shared/api';
import { mappingFrom } from './confirm-columns';
import { el, select } from './dom';
import { callServer } from './server';
import type { Context } from './state';
import { actions, busyLine, field, hint, notice, primaryButton, screen } from './ui';

function describe(context: Context, name: string): string {
  const { t, state } = context;
  const sheet = state.setup?.sheets.find((choice: SheetChoice) => choice.name === name);
  if (!sheet) return '';
  const looks =
    sheet.kind === 'invoices'
      ? t.looksLikeInvoices
      : sheet.kind === 'customers'
        ? t.looksLikeCustomers
        : t.looksUnknown;
  return `${t.sheetSize(sheet.rows, sheet.columns)} · ${looks}`;
}

function sheetPicker(context: Context, kind: SheetKind): HTMLElement {
  const { t, state, update } = context;
  const current = kind === 'invoices' ? state.invoiceSheet : state.customerSheet;
  const choices = [
    ['', t.noSheet] as const,
    ...(state.setup?.sheets ?? []).map((sheet) => [sheet.name, sheet.name] as const),
  ];
  const control = select(
    {
      'data-testid': `sheet-${kind}`,
      disabled: state.busy !== null,
      onChange: (event) =>
        update((s) => {
          const value = (event.target as HTMLSelectElement).value;
          if (kind === 'invoices') s.invoiceSheet = value;
          else s.customerSheet = value;
          s.error = null;
        }),
    },
    choices,
    current,
  );
  return field(
    kind === 'invoices' ? t.invoicesSheet : t.customersSheet,
    control,
    hint(describe(context, current)),
  );
}

/** Detects the columns of each chosen sheet, then moves on; a sheet with no header stops here with its message. */
async function detectAndContinue(context: Context): Promise<void> {
  const { state, t, update } = context;
  const chosen: [SheetKind, string][] = [];
  if (state.invoiceSheet) chosen.push(['invoices', state.invoiceSheet]);
  if (state.customerSheet) chosen.push(['customers', state.customerSheet]);
  if (chosen.length === 0) return update((s) => void (s.error = t.pickOneSheet));
  if (state.invoiceSheet && state.invoiceSheet === state.customerSheet) {
    return update((s) => void (s.error = t.sameSheetTwice));
  }
  update((s) => {
    s.busy = t.detecting;
    s.error = null;
  });
  try {
    const detections = await Promise.all(
      chosen.map(([kind, name]) => callServer('detectColumns', name, kind, state.language)),
    );
    update((s) => {
      const mappings: typeof s.mappings = {};
      for (const detection of detections) {
        const previous = s.mappings[detection.kind];
        mappings[detection.kind] = mappingFrom(
          detection,
          previous?.detection.sheet === detection.sheet ? previous : undefined,
        );
      }
      s.mappings = mappings;
      s.busy = null;
      s.step = 'columns';
    });
  } catch (error) {
    update((s) => {
      s.busy = null;
      s.error = (error as Error).message;
    });
  }
}

export function renderChooseData(context: Context): HTMLElement {
  const { t, state } = context;
  if (state.setup && state.setup.sheets.length === 0) {
    return screen('step-data', t.chooseTitle, notice('info', t.noSheets));
  }
  return screen(
    'step-data',
    t.chooseTitle,
    hint(t.chooseIntro),
    sheetPicker(context, 'invoices'),
    sheetPicker(context, 'customers'),
    state.error ? notice('error', state.error) : null,
    state.busy ? busyLine(state.busy) : null,
    actions(
      el('span'),
      primaryButton(t.next, {
        'data-testid': 'data-next',
        disabled: state.busy !== null,
        onClick: () => void detectAndContinue(context),
      }),
    ),
  );
}
