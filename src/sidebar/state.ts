/**
 * The sidebar's state: one plain object, changed only through `update`, which re-renders the page. Text
 * inputs store what is typed without re-rendering (so the caret stays) and re-render on `change`.
 */
import { DEFAULT_HOLDOUT_PERCENT } from '../core/campaigns/campaigns';
import type {
  ColumnDetection,
  FilterCount,
  FilterSegmentList,
  Language,
  Progress,
  RunResult,
  RunSettings,
  SetupInfo,
  SheetKind,
} from '../shared/api';
import type { ExportPreset } from './csv';
import type { ConditionGroups } from './filter-model';
import { strings, type Strings } from './i18n';

/** The screens, in journey order; `filters` (saved filter segments) opens from settings or the result. */
export type Step = 'data' | 'columns' | 'settings' | 'run' | 'result' | 'export' | 'filters';

/** The user's view of one sheet's columns: the server's detection plus their changes. */
export interface SheetMapping {
  detection: ColumnDetection;
  /** Field id → 0-based column (−1: not in the sheet), starting from the detection. */
  columnMap: Record<string, number>;
  /** Fields the user changed: their chip says so and the preview marks them stale. */
  changed: string[];
  /** The chosen day/month order; null while an ambiguous sheet waits for the user. */
  dateOrder: 'dmy' | 'mdy' | null;
  showAllFields: boolean;
}

export interface SettingsDraft {
  asOfMode: 'today' | 'latest' | 'pick';
  /** `yyyy-mm-dd` for the picked day; '' until picked. */
  asOfDay: string;
  metrics: RunSettings['metrics'];
  levels: RunSettings['levels'];
  scoring: RunSettings['scoring'];
  /** Breakpoints as typed, per metric: comma-separated numbers. */
  breakpointText: { r: string; f: string; m: string };
  monetary: RunSettings['monetary'];
  /** One tab per segment; off, the Customers tab stands in (a shop near Sheets' cell limit). */
  segmentTabs: boolean;
}

export interface RunState {
  runId: string;
  /** The settings sent, so a failed run can be tried again as it was. */
  settings: RunSettings;
  progress: Progress | null;
  /** The server's message when the run failed. */
  failure: string | null;
}

export interface ExportState {
  segmentId: string;
  preset: ExportPreset;
  busy: boolean;
  /** The last file made: its link stays on screen so it can be downloaded again. */
  file: { name: string; url: string; rows: number; skipped: number } | null;
  error: string | null;
  /**
   * "Start a campaign with this segment": when on, the download starts the campaign and the file holds only
   * the treated group. `started` is the campaign the last file started (its holdout is not in the file).
   */
  campaign: { on: boolean; name: string; holdoutPercent: number };
  started: { name: string; treated: number; holdout: number } | null;
}

/** The segment being built or edited in the filter panel. */
export interface FilterDraft {
  /** The saved name it replaces; null for a new segment. */
  originalName: string | null;
  name: string;
  colour: string;
  enabled: boolean;
  abGroups: number | null;
  /** The definition text: what is saved, and what the rows are made from or made into. */
  text: string;
  /** The rows, or null while the text does not parse or has a shape rows cannot show. */
  groups: ConditionGroups | null;
}

export interface FiltersState {
  /** Where Back goes. */
  returnTo: Step;
  list: FilterSegmentList | null;
  busy: boolean;
  draft: FilterDraft | null;
  /** The live count of the draft's text: the text it was asked for, and the answer once it came. */
  count: { text: string; answer: FilterCount | null; failure: string | null } | null;
  /** Said after a save or a change. */
  message: string | null;
  /** The segment whose Delete was clicked and now asks "Delete / Cancel" on its row; null when none. */
  confirmingDelete: string | null;
  /** Whether the builder's reference (fields, operators, values) is open. */
  referenceOpen: boolean;
}

export interface AppState {
  language: Language;
  setup: SetupInfo | null;
  step: Step;
  /** A wait on the server, with what is being waited for. */
  busy: string | null;
  /** A message for the current screen (a server error, or what to fix before going on). */
  error: string | null;
  /** Chosen tab names; '' for none. */
  invoiceSheet: string;
  customerSheet: string;
  mappings: Partial<Record<SheetKind, SheetMapping>>;
  settings: SettingsDraft;
  run: RunState | null;
  result: RunResult | null;
  /** The result segment whose explanation is open; null when none. */
  explaining: string | null;
  exporting: ExportState;
  filters: FiltersState;
}

export function initialState(language: Language): AppState {
  return {
    language,
    setup: null,
    step: 'data',
    busy: null,
    error: null,
    invoiceSheet: '',
    customerSheet: '',
    mappings: {},
    settings: {
      asOfMode: 'today',
      asOfDay: '',
      metrics: 'rfm',
      levels: 5,
      scoring: 'quintile',
      breakpointText: { r: '', f: '', m: '' },
      monetary: 'total',
      segmentTabs: true,
    },
    run: null,
    result: null,
    explaining: null,
    exporting: {
      segmentId: '',
      preset: 'plain',
      busy: false,
      file: null,
      error: null,
      campaign: { on: false, name: '', holdoutPercent: DEFAULT_HOLDOUT_PERCENT },
      started: null,
    },
    filters: {
      returnTo: 'settings',
      list: null,
      busy: false,
      draft: null,
      count: null,
      message: null,
      confirmingDelete: null,
      referenceOpen: false,
    },
  };
}

/** What every screen receives: the state, its strings, and the way to change it. */
export interface Context {
  readonly state: AppState;
  readonly t: Strings;
  /** Applies a change and re-renders (unless `render` is false). */
  update(change: (state: AppState) => void, render?: boolean): void;
}

export interface Store {
  context(): Context;
  update(change: (state: AppState) => void, render?: boolean): void;
}

export function createStore(state: AppState, render: (context: Context) => void): Store {
  const store: Store = {
    context: () => ({ state, t: strings(state.language), update: store.update }),
    update(change, shouldRender = true) {
      change(state);
      if (shouldRender) render(store.context());
    },
  };
  return store;
}
