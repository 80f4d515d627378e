/**
 * The sidebar's filter-segment functions (issue 6): list the saved segments, count a definition's members live,
 * and save, delete or switch segments on and off in the owned definitions tab.
 *
 * Counting runs the engine on the current selection without writing anything (each input tab is read once,
 * with one call), so the count is exactly what a run would put in the segment's tab. Writes take the document
 * lock, so a save never interleaves with a run that is reading the tab.
 */
import { findDefinition, segmentNameKey, starterRows } from '../core/definitions/definitions-table';
import { runEngine } from '../core/engine';
import { EngineError } from '../core/errors';
import { MAX_AB_GROUPS, MIN_AB_GROUPS } from '../core/filter/ab-split';
import { matchFilter } from '../core/filter/evaluate';
import { parseFilter } from '../core/filter/parse';
import type { SavedFilterSegment } from '../core/filter/run';
import { starterSegments } from '../core/filter/starters';
import { say } from '../core/i18n';
import { DEFAULT_OPTIONS, type EngineOptions, type EngineResult, type SheetInput } from '../core/options';
import type { FieldId } from '../core/table/fields';
import { tidyText } from '../core/text';
import type {
  FilterCount,
  FilterCountRequest,
  FilterDataRequest,
  FilterSegmentDraft,
  FilterSegmentInfo,
  FilterSegmentList,
  FilterTable,
  Language,
  SheetSelection,
} from '../shared/api';
import { loadDefinitions, storeDefinitions, type StoredDefinitions } from '../sheets/definitions-store';
import { findSheet, readValues } from '../sheets/read-input';
import { UserError } from '../sheets/user-error';

/** Member names shown under the live count. */
const SAMPLE_SIZE = 5;
/** How long a save waits for a run to finish before saying one is in progress. */
const LOCK_WAIT_MS = 2000;
const HEX_COLOUR = /^#[0-9a-f]{6}$/i;

function sheetInput(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  selection: SheetSelection,
  language: Language,
): SheetInput {
  return {
    name: selection.name,
    values: readValues(findSheet(spreadsheet, selection.name, language)),
    columnMap: selection.columnMap as Partial<Record<FieldId, number>> | undefined,
    headerRow: selection.headerRow,
    dateOrder: selection.dateOrder,
  };
}

/**
 * The engine on the selection with the run's settings; nothing is written, and nothing saved is read unless
 * `extra` passes it (starting a campaign reads the saved campaigns and definitions).
 */
export function engineOnSelection(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  data: FilterDataRequest,
  extra: Partial<EngineOptions> = {},
): EngineResult {
  const { settings, language } = data;
  try {
    return runEngine(
      {
        invoices: data.invoices ? sheetInput(spreadsheet, data.invoices, language) : undefined,
        customers: data.customers ? sheetInput(spreadsheet, data.customers, language) : undefined,
      },
      {
        ...DEFAULT_OPTIONS,
        asOf: settings.asOf,
        now: Date.now(),
        timeZone: spreadsheet.getSpreadsheetTimeZone(),
        levels: settings.levels,
        metrics: settings.metrics,
        breakpoints: settings.scoring === 'breakpoints' ? settings.breakpoints : undefined,
        monetary: settings.monetary,
        language,
        ...extra,
      },
    );
  } catch (error) {
    // The engine's messages are already in the user's language.
    if (error instanceof EngineError) throw new UserError(error.message);
    throw error;
  }
}

/** A stored row as the sidebar lists it; a definition that does not parse carries its problem in `language`. */
function segmentInfo(row: SavedFilterSegment, language: Language): FilterSegmentInfo {
  const parsed = parseFilter(row.definition, language);
  const groups = row.abGroups;
  return {
    name: row.name,
    colour: row.colour,
    definition: row.definition,
    enabled: row.enabled,
    abGroups: groups !== undefined && Number.isInteger(groups) && groups >= MIN_AB_GROUPS ? groups : null,
    problem: parsed.ok ? null : { position: parsed.error.position, message: parsed.error.message },
  };
}

/** The stored rows, or the starters a run would create the tab with when there is no tab yet. */
function currentRows(stored: StoredDefinitions, language: Language): SavedFilterSegment[] {
  return stored.tab ? stored.rows : starterRows(starterSegments({ stores: [] }), language);
}

function listOf(
  tab: string | null,
  rows: readonly SavedFilterSegment[],
  stores: string[],
  language: Language,
): FilterSegmentList {
  return {
    tab,
    segments: rows.map((row) => segmentInfo(row, language)),
    starters: starterSegments({ stores }).map((starter) => ({
      id: starter.id,
      name: starter.name[language],
      colour: starter.colour,
      definition: starter.definition,
    })),
  };
}

export function listFilterSegments(language: Language, data: FilterDataRequest | null): FilterSegmentList {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const stored = loadDefinitions(spreadsheet);
  // Per-store starters name the stores customers last bought at: only those can match `last_store = …`.
  const stores = data
    ? [...new Set(engineOnSelection(spreadsheet, data).customers.map((c) => c.lastStore))].filter(Boolean)
    : [];
  return listOf(
    stored.tab ? stored.tab.sheet.getName() : null,
    currentRows(stored, language),
    stores,
    language,
  );
}

export function countFilterSegment(request: FilterCountRequest): FilterCount {
  // A definition that does not parse needs no data: answer before reading anything.
  const parsed = parseFilter(request.definition, request.language);
  if (!parsed.ok) return { ok: false, problem: parsed.error };
  const result = engineOnSelection(SpreadsheetApp.getActiveSpreadsheet(), request);
  const matched = matchFilter(
    request.definition,
    result.customers,
    { asOfDay: result.summary.facts.asOfDay },
    request.language,
  );
  if (!matched.ok) return { ok: false, problem: matched.error };
  return {
    ok: true,
    count: matched.indexes.length,
    customers: result.customers.length,
    asOf: result.summary.facts.asOf,
    samples: matched.indexes.slice(0, SAMPLE_SIZE).map((index) => {
      const customer = result.customers[index]!;
      return customer.name || customer.code || customer.phone;
    }),
  };
}

/** What the filter fields read of a customer (src/core/filter/fields.ts): the columns of a FilterTable. */
export const FILTER_TABLE_FIELDS = [
  'code',
  'name',
  'phone',
  'email',
  'gender',
  'birthDay',
  'birthdayMonth',
  'age',
  'ageBand',
  'tier',
  'points',
  'channel',
  'city',
  'province',
  'region',
  'tags',
  'registeredDay',
  'tenureDays',
  'firstPurchaseDay',
  'lastPurchaseDay',
  'recencyDays',
  'frequency',
  'totalSpend',
  'averageOrder',
  'monetary',
  'lastStore',
  'lastCity',
  'r',
  'f',
  'm',
  'rfmCode',
  'segmentId',
] as const;

/**
 * The engine once on the selection, as countFilterSegment runs it, and every customer's filter fields: the
 * sidebar then counts each edit of a filter itself (the filter engine is pure core code), with no server call.
 */
export function getFilterTable(request: FilterDataRequest): FilterTable {
  const result = engineOnSelection(SpreadsheetApp.getActiveSpreadsheet(), request);
  const fields = [...FILTER_TABLE_FIELDS];
  return {
    asOf: result.summary.facts.asOf,
    asOfDay: result.summary.facts.asOfDay,
    fields,
    rows: result.customers.map((customer) => {
      const record = customer as unknown as Record<string, unknown>;
      return fields.map((name) => (record[name] ?? null) as string | number | string[] | null);
    }),
  };
}

/** Reads the tab, applies `change` to its rows, writes them back; all under the document lock. */
function editDefinitions(
  language: Language,
  change: (rows: SavedFilterSegment[]) => SavedFilterSegment[],
): FilterSegmentList {
  // getDocumentLock is null outside a bound document (LockService reference): say so rather than crash.
  const lock = LockService.getDocumentLock();
  if (!lock) {
    throw new UserError(
      say(
        language,
        'Không lấy được khóa của bảng tính này (hãy mở Segment Tabs từ trong bảng tính rồi thử lại).',
        "Could not get this spreadsheet's lock (open Segment Tabs from inside the spreadsheet, then try again).",
      ),
    );
  }
  if (!lock.tryLock(LOCK_WAIT_MS)) {
    throw new UserError(
      say(
        language,
        'Đang có một lần chạy khác trong bảng tính này. Hãy đợi nó xong rồi lưu lại.',
        'A run is in progress in this spreadsheet. Wait for it to finish, then save again.',
      ),
    );
  }
  try {
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    const stored = loadDefinitions(spreadsheet);
    const rows = change(currentRows(stored, language).map((row) => ({ ...row })));
    const tab = storeDefinitions(spreadsheet, stored, rows, language);
    return listOf(tab, rows, [], language);
  } finally {
    lock.releaseLock();
  }
}

function notFound(name: string, language: Language): UserError {
  return new UserError(
    say(language, `Không có phân khúc lọc nào tên "${name}".`, `There is no filter segment named "${name}".`),
  );
}

/** The draft as a row, or the first thing to fix in the user's words. */
function checkedDraft(draft: FilterSegmentDraft, language: Language): SavedFilterSegment {
  const t = (vi: string, en: string) => new UserError(say(language, vi, en));
  const name = tidyText(draft.name);
  if (name === '') throw t('Hãy đặt tên cho phân khúc.', 'Give the segment a name.');
  const colour = draft.colour.trim().toLowerCase();
  if (!HEX_COLOUR.test(colour))
    throw t(`Màu "${draft.colour}" không hợp lệ (cần #rrggbb).`, `Colour "${draft.colour}" is not #rrggbb.`);
  const parsed = parseFilter(draft.definition, language);
  if (!parsed.ok) {
    const { position, message } = parsed.error;
    throw t(
      `Điều kiện lỗi ở ký tự ${position}: ${message}`,
      `The definition breaks at character ${position}: ${message}`,
    );
  }
  const groups = draft.abGroups ?? null;
  if (groups !== null && !(Number.isInteger(groups) && groups >= MIN_AB_GROUPS && groups <= MAX_AB_GROUPS))
    throw t(
      `Số nhóm A/B phải từ ${MIN_AB_GROUPS} đến ${MAX_AB_GROUPS}.`,
      `A/B groups must be ${MIN_AB_GROUPS} to ${MAX_AB_GROUPS}.`,
    );
  return {
    name,
    colour,
    definition: draft.definition.trim(),
    enabled: draft.enabled,
    abGroups: groups ?? undefined,
  };
}

export function saveFilterSegment(
  draft: FilterSegmentDraft,
  originalName: string | null,
  language: Language,
): FilterSegmentList {
  const segment = checkedDraft(draft, language);
  return editDefinitions(language, (rows) => {
    const at = originalName === null ? -1 : findDefinition(rows, originalName);
    if (originalName !== null && at < 0) throw notFound(originalName, language);
    const clash = rows.findIndex(
      (row, index) => index !== at && segmentNameKey(row.name) === segmentNameKey(segment.name),
    );
    if (clash >= 0) {
      throw new UserError(
        say(
          language,
          `Đã có phân khúc tên "${rows[clash]!.name}". Hãy chọn tên khác (mỗi phân khúc là một tab).`,
          `A segment is already named "${rows[clash]!.name}". Choose another name (each segment is a tab).`,
        ),
      );
    }
    if (at >= 0) rows[at] = segment;
    else rows.push(segment);
    return rows;
  });
}

export function deleteFilterSegment(name: string, language: Language): FilterSegmentList {
  return editDefinitions(language, (rows) => {
    const at = findDefinition(rows, name);
    if (at < 0) throw notFound(name, language);
    rows.splice(at, 1);
    return rows;
  });
}

export function setFilterSegmentEnabled(
  name: string,
  enabled: boolean,
  language: Language,
): FilterSegmentList {
  return editDefinitions(language, (rows) => {
    const at = findDefinition(rows, name);
    if (at < 0) throw notFound(name, language);
    rows[at]!.enabled = enabled;
    return rows;
  });
}
