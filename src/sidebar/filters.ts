/**
 * The "Filter segments" panel (issue 6): the saved segments of the definitions tab with their on/off switches,
 * and a builder. The builder has condition rows (field, operator, value) in OR-groups and the definition as
 * text, kept in step (filter-model.ts); the text is parsed here with the core parser, so a mistake is named with
 * its position as it is typed, and counted once it parses: the live member count. The count runs here, on the
 * customers' filter fields fetched from the server once per opening of the panel and data choice
 * (getFilterTable), so an edit costs no server call.
 * Opened from the settings and the result screens; Back returns there. Deleting a segment asks first, on its
 * own row: a click on Delete alone cannot lose a segment.
 */
import { filterReference } from './filter-reference';
import { FILTER_FIELDS, OPERATORS_BY_TYPE, findFilterField, type FilterField } from '../core/filter/fields';
import { parseFilter } from '../core/filter/parse';
import type { FilterDataRequest, FilterSegmentInfo, FilterSegmentList, FilterTable } from '../shared/api';
import { sheetSelection } from './confirm-columns';
import { el, select, type Child } from './dom';
import {
  countOnTable,
  groupsToText,
  newCondition,
  textToGroups,
  withField,
  type ConditionRow,
} from './filter-model';
import { formatNumber } from './i18n';
import { callServer } from './server';
import { toRunSettings } from './settings';
import type { Context, FilterDraft, Step } from './state';
import { actions, busyLine, field, hint, notice, primaryButton, screen, textButton } from './ui';

/** Typing pauses this long before the server counts: one count per pause, not one per key. */
export const COUNT_DELAY_MS = 500;
const NEW_SEGMENT_COLOUR = '#1e88e5';
/** The field a new condition row starts with. */
const FIRST_FIELD = 'city';
const AB_CHOICES = [2, 3, 4, 5];

/** The data and settings a count runs on, as a run would get them; null until they are chosen and valid. */
export function filterData(context: Context): FilterDataRequest | null {
  const { state, t } = context;
  const { invoices, customers } = state.mappings;
  if (!invoices && !customers) return null;
  const checked = toRunSettings(state.settings, t);
  if ('error' in checked) return null;
  return {
    invoices: invoices ? sheetSelection(invoices) : undefined,
    customers: customers ? sheetSelection(customers) : undefined,
    settings: checked.settings,
    language: state.language,
  };
}

function failed(context: Context) {
  return (error: Error) =>
    context.update((s) => {
      s.filters.busy = false;
      s.error = error.message;
    });
}

function showList(context: Context, message: string | null = null) {
  return (list: FilterSegmentList) =>
    context.update((s) => {
      // A fresh list (after any change on the server) forgets a pending delete question.
      s.filters.list = list;
      s.filters.busy = false;
      s.filters.message = message;
      s.filters.confirmingDelete = null;
    });
}

export function openFilters(context: Context, returnTo: Step): void {
  // The data may have changed since the panel was last open (a run, an edit of the sheet): fetch it afresh.
  table = null;
  context.update((s) => {
    s.step = 'filters';
    s.error = null;
    s.filters = {
      returnTo,
      list: s.filters.list,
      busy: true,
      draft: null,
      count: null,
      message: null,
      confirmingDelete: null,
      referenceOpen: s.filters.referenceOpen,
    };
  });
  callServer('listFilterSegments', context.state.language, filterData(context)).then(
    showList(context),
    failed(context),
  );
}

let countTimer: ReturnType<typeof setTimeout> | undefined;
/** The filter table of one data choice (its request as JSON), fetched once; forgotten when the panel opens. */
let table: { key: string; promise: Promise<FilterTable> } | null = null;

function filterTable(data: FilterDataRequest): Promise<FilterTable> {
  const key = JSON.stringify(data);
  if (!table || table.key !== key) {
    const promise = callServer('getFilterTable', data);
    table = { key, promise };
    // A failed fetch is asked again at the next edit.
    promise.catch(() => {
      if (table?.promise === promise) table = null;
    });
  }
  return table.promise;
}

/** Counts the draft's text after a pause; an answer for a text that has since changed is dropped. */
function scheduleCount(context: Context): void {
  clearTimeout(countTimer);
  const text = context.state.filters.draft?.text ?? '';
  if (text.trim() === '' || !parseFilter(text).ok) return;
  countTimer = setTimeout(() => {
    const current = () => context.state.filters.draft?.text === text;
    if (!current()) return;
    const data = filterData(context);
    context.update((s) => {
      s.filters.count = { text, answer: null, failure: data ? null : context.t.filterCountNeedsData };
    });
    if (!data) return;
    filterTable(data)
      .then((fetched) => countOnTable(fetched, text, data.language))
      .then(
        (answer) =>
          context.update((s) => {
            if (current() && s.filters.count?.text === text) s.filters.count.answer = answer;
          }),
        (error: Error) =>
          context.update((s) => {
            if (current() && s.filters.count?.text === text) s.filters.count.failure = error.message;
          }),
      );
  }, COUNT_DELAY_MS);
}

/** Applies a change to the draft: rows rewrite the text; text rewrites the rows when it parses. */
function changeDraft(context: Context, change: (draft: FilterDraft) => void, from: 'rows' | 'text'): void {
  context.update((s) => {
    const draft = s.filters.draft;
    if (!draft) return;
    change(draft);
    if (from === 'rows') draft.text = groupsToText(draft.groups ?? []);
    // A text that does not parse (yet) leaves the rows as they were; the message says what is wrong.
    else if (parseFilter(draft.text).ok || draft.text.trim() === '') draft.groups = textToGroups(draft.text);
    s.filters.count = null;
    s.filters.message = null;
    s.error = null;
  });
  scheduleCount(context);
}

function startDraft(context: Context, segment: FilterSegmentInfo | null): void {
  context.update((s) => {
    s.filters.message = null;
    s.error = null;
    s.filters.count = null;
    s.filters.draft = segment
      ? {
          originalName: segment.name,
          name: segment.name,
          colour: segment.colour,
          enabled: segment.enabled,
          abGroups: segment.abGroups,
          text: segment.definition,
          groups: textToGroups(segment.definition),
        }
      : {
          originalName: null,
          name: '',
          colour: NEW_SEGMENT_COLOUR,
          enabled: true,
          abGroups: null,
          text: '',
          groups: [],
        };
  });
  scheduleCount(context);
}

function save(context: Context): void {
  const { state, t } = context;
  const draft = state.filters.draft;
  if (!draft) return;
  const problem =
    draft.name.trim() === ''
      ? t.filterNeedsName
      : draft.text.trim() === ''
        ? t.filterNeedsText
        : parseFilter(draft.text).ok
          ? null
          : '';
  if (problem !== null) {
    // A parse error is on screen already, under the text.
    if (problem) context.update((s) => void (s.error = problem));
    return;
  }
  const name = draft.name.trim();
  context.update((s) => void ((s.filters.busy = true), (s.error = null)));
  callServer(
    'saveFilterSegment',
    {
      name,
      colour: draft.colour,
      definition: draft.text,
      enabled: draft.enabled,
      abGroups: draft.abGroups,
    },
    draft.originalName,
    state.language,
  ).then((list) => {
    context.update((s) => void (s.filters.draft = null), false);
    showList(context, t.filterSaved(name))(list);
  }, failed(context));
}

/** Deletes on the server; the list comes back without the segment. */
function deleteSegment(context: Context, name: string): void {
  const { t, state, update } = context;
  update((s) => void ((s.filters.busy = true), (s.error = null), (s.filters.confirmingDelete = null)));
  callServer('deleteFilterSegment', name, state.language).then(
    showList(context, t.filterDeleted(name)),
    failed(context),
  );
}

/**
 * The row's "Delete “name”? Delete / Cancel", in place of its Edit and Delete buttons. Cancel shares the Delete
 * button's `data-key`, so focus moves to it when the question appears, and back to Delete when it goes: Enter
 * pressed twice on Delete keeps the segment.
 */
function deleteQuestion(context: Context, segment: FilterSegmentInfo, deleteKey: string): HTMLElement {
  const { t, state, update } = context;
  const question = t.filterDeleteQuestion(segment.name);
  return el(
    'div',
    {
      class: 'filter-confirm',
      role: 'group',
      'aria-label': question,
      'data-testid': 'filter-delete-question',
    },
    el('span', { class: 'filter-confirm-question' }, question),
    el(
      'span',
      { class: 'filter-confirm-buttons' },
      textButton(t.filterDeleteKeep, {
        disabled: state.filters.busy,
        'data-key': deleteKey,
        'data-testid': 'filter-delete-cancel',
        onClick: () => update((s) => void (s.filters.confirmingDelete = null)),
      }),
      el(
        'button',
        {
          class: 'button danger',
          disabled: state.filters.busy,
          'data-testid': 'filter-delete-confirm',
          onClick: () => deleteSegment(context, segment.name),
        },
        t.filterDeleteConfirm,
      ),
    ),
  );
}

function segmentItem(context: Context, segment: FilterSegmentInfo, index: number): HTMLElement {
  const { t, state, update } = context;
  const busy = state.filters.busy;
  const confirming = state.filters.confirmingDelete === segment.name;
  // By position, not by name: a name may hold quotes, and the key goes into a selector.
  const deleteKey = `filter-delete-${index}`;
  return el(
    'li',
    { class: 'filter-item', 'data-testid': 'filter-segment' },
    el(
      'div',
      { class: 'filter-item-head' },
      el('input', {
        type: 'checkbox',
        checked: segment.enabled,
        disabled: busy,
        'aria-label': t.filterEnabled(segment.name),
        'data-testid': 'filter-enabled',
        onChange: (event) => {
          const enabled = (event.target as HTMLInputElement).checked;
          update((s) => void ((s.filters.busy = true), (s.error = null)));
          callServer('setFilterSegmentEnabled', segment.name, enabled, state.language).then(
            showList(context),
            failed(context),
          );
        },
      }),
      el('span', { class: 'swatch', background: segment.colour, 'aria-hidden': 'true' }),
      el('span', { class: 'filter-item-name', 'data-testid': 'filter-segment-name' }, segment.name),
      confirming
        ? null
        : textButton(t.filterEdit, {
            disabled: busy,
            'data-testid': 'filter-edit',
            onClick: () => startDraft(context, segment),
          }),
      confirming
        ? null
        : textButton(t.filterDelete, {
            disabled: busy,
            'data-key': deleteKey,
            'data-testid': 'filter-delete',
            onClick: () =>
              update((s) => void ((s.filters.confirmingDelete = segment.name), (s.error = null))),
          }),
    ),
    confirming ? deleteQuestion(context, segment, deleteKey) : null,
    el('code', { class: 'filter-definition' }, segment.definition),
    segment.problem
      ? el(
          'p',
          { class: 'filter-problem', 'data-testid': 'filter-segment-problem' },
          `${t.filterBroken(segment.problem.position)}: ${segment.problem.message}`,
        )
      : null,
  );
}

function placeholderFor(field: FilterField): string {
  switch (field.type) {
    case 'number':
      return '3';
    case 'date':
      return '2026-11-01 · -30d';
    case 'month':
      return '11 · this_month';
    case 'list':
      return 'vip';
    default:
      return '';
  }
}

function conditionItem(
  context: Context,
  row: ConditionRow,
  groupIndex: number,
  rowIndex: number,
): HTMLElement {
  const { t, state } = context;
  const language = state.language;
  const field = findFilterField(row.field)!;
  const key = `cond-${groupIndex}-${rowIndex}`;
  const setRow = (change: (row: ConditionRow) => ConditionRow) =>
    changeDraft(
      context,
      (draft) => {
        const group = draft.groups?.[groupIndex];
        if (group) group[rowIndex] = change(group[rowIndex]!);
      },
      'rows',
    );
  const valueInput = (which: 'value' | 'value2', label: string) =>
    field.type === 'enum' && which === 'value' && (row.op === '=' || row.op === '!=')
      ? select(
          {
            'aria-label': label,
            'data-testid': 'cond-value',
            'data-key': `${key}-${which}`,
            onChange: (event) => setRow((r) => ({ ...r, value: (event.target as HTMLSelectElement).value })),
          },
          field.values.map((choice) => [choice.id, choice.label[language]] as const),
          row.value,
        )
      : el('input', {
          type: 'text',
          value: row[which],
          placeholder: placeholderFor(field),
          'aria-label': label,
          'data-testid': which === 'value' ? 'cond-value' : 'cond-value2',
          'data-key': `${key}-${which}`,
          onInput: (event) => setRow((r) => ({ ...r, [which]: (event.target as HTMLInputElement).value })),
        });
  const noValue = row.op === 'IS EMPTY' || row.op === 'IS NOT EMPTY';
  const between = row.op === 'BETWEEN' || row.op === 'NOT BETWEEN';
  return el(
    'div',
    { class: 'condition', 'data-testid': 'condition' },
    el(
      'div',
      { class: 'condition-line' },
      select(
        {
          'aria-label': t.filterField,
          'data-testid': 'cond-field',
          'data-key': `${key}-field`,
          onChange: (event) => setRow((r) => withField(r, (event.target as HTMLSelectElement).value)),
        },
        FILTER_FIELDS.map((choice) => [choice.id, choice.label[language]] as const),
        row.field,
      ),
      el(
        'button',
        {
          class: 'button text remove',
          title: t.filterRemove,
          'aria-label': t.filterRemove,
          'data-testid': 'cond-remove',
          onClick: () =>
            changeDraft(
              context,
              (draft) => {
                const groups = draft.groups ?? [];
                groups[groupIndex]?.splice(rowIndex, 1);
                draft.groups = groups.filter((group) => group.length > 0);
              },
              'rows',
            ),
        },
        '×',
      ),
    ),
    el(
      'div',
      { class: 'condition-line' },
      select(
        {
          'aria-label': t.filterOperator,
          'data-testid': 'cond-op',
          'data-key': `${key}-op`,
          onChange: (event) =>
            setRow((r) => ({ ...r, op: (event.target as HTMLSelectElement).value as ConditionRow['op'] })),
        },
        OPERATORS_BY_TYPE[field.type].map((op) => [op, t.operatorWords[op] ?? op] as const),
        row.op,
      ),
      noValue ? null : valueInput('value', t.filterValue),
      between ? el('span', { class: 'between-to' }, t.filterValueTo) : null,
      between ? valueInput('value2', t.filterValueTo) : null,
    ),
  );
}

function conditionRows(context: Context, draft: FilterDraft): Child[] {
  const { t } = context;
  if (!draft.groups) {
    return [
      notice('info', t.filterTooComplex),
      textButton(t.filterRestartRows, {
        onClick: () => changeDraft(context, (d) => void (d.groups = []), 'rows'),
      }),
    ];
  }
  const addRow = (groupIndex: number) =>
    changeDraft(
      context,
      (d) => {
        const groups = d.groups ?? [];
        if (!groups[groupIndex]) groups[groupIndex] = [];
        groups[groupIndex]!.push(newCondition(FIRST_FIELD));
        d.groups = groups;
      },
      'rows',
    );
  const groups = draft.groups;
  return [
    ...groups.flatMap((group, groupIndex) => [
      groupIndex > 0 ? el('div', { class: 'or-divider' }, t.filterOr) : null,
      el(
        'fieldset',
        { class: 'filter-group', 'data-testid': 'filter-group' },
        el('legend', {}, t.filterGroupCaption(groupIndex + 1)),
        ...group.flatMap((row, rowIndex) => [
          rowIndex > 0 ? el('div', { class: 'and-divider' }, t.filterAnd) : null,
          conditionItem(context, row, groupIndex, rowIndex),
        ]),
        textButton(t.filterAddCondition, {
          'data-testid': 'cond-add',
          onClick: () => addRow(groupIndex),
        }),
      ),
    ]),
    groups.length === 0
      ? textButton(t.filterAddCondition, { 'data-testid': 'cond-add', onClick: () => addRow(0) })
      : textButton(t.filterAddGroup, { 'data-testid': 'group-add', onClick: () => addRow(groups.length) }),
  ];
}

function countLine(context: Context, draft: FilterDraft): HTMLElement | null {
  const { t, state } = context;
  const count = state.filters.count;
  if (!count || count.text !== draft.text) return null;
  const language = state.language;
  const answer = count.answer;
  if (count.failure) return notice('warning', el('span', { 'data-testid': 'filter-count' }, count.failure));
  if (!answer) return busyLine(t.filterCounting);
  if (!answer.ok)
    return notice(
      'error',
      el(
        'span',
        { 'data-testid': 'filter-error' },
        t.filterProblem(answer.problem.position, answer.problem.message),
      ),
    );
  return el(
    'div',
    { class: 'filter-count' },
    el(
      'strong',
      { 'data-testid': 'filter-count' },
      t.filterCount(
        formatNumber(language, answer.count),
        formatNumber(language, answer.customers),
        answer.asOf,
      ),
    ),
    answer.samples.length ? hint(t.filterSamples(answer.samples.join(', '))) : null,
  );
}

function builder(context: Context, draft: FilterDraft): HTMLElement {
  const { t, state } = context;
  const list = state.filters.list;
  const parsed = draft.text.trim() === '' ? null : parseFilter(draft.text, state.language);
  const setDraft = (change: (d: FilterDraft) => void, render = true) =>
    context.update((s) => {
      if (s.filters.draft) change(s.filters.draft);
    }, render);
  return el(
    'section',
    { class: 'filter-builder', 'data-testid': 'filter-builder' },
    el('h3', {}, draft.originalName ? t.filterBuilderEdit(draft.originalName) : t.filterBuilderNew),
    list && list.starters.length
      ? field(
          t.filterStarter,
          select(
            {
              'data-testid': 'filter-starter',
              onChange: (event) => {
                const starter = list.starters.find(
                  (candidate) => candidate.id === (event.target as HTMLSelectElement).value,
                );
                if (!starter) return;
                changeDraft(
                  context,
                  (d) => {
                    if (d.name.trim() === '') d.name = starter.name;
                    d.colour = starter.colour;
                    d.text = starter.definition;
                  },
                  'text',
                );
              },
            },
            [['', t.filterStarterNone], ...list.starters.map((s) => [s.id, s.name] as const)],
            '',
          ),
        )
      : null,
    field(
      t.filterName,
      el('input', {
        type: 'text',
        value: draft.name,
        'data-testid': 'filter-name',
        // Stored without a re-render: nothing else on screen shows the name, and a re-render on leaving the box
        // would replace the button being clicked.
        onInput: (event) => setDraft((d) => void (d.name = (event.target as HTMLInputElement).value), false),
      }),
    ),
    el(
      'div',
      { class: 'filter-options' },
      field(
        t.filterColour,
        el('input', {
          type: 'color',
          value: draft.colour,
          'data-testid': 'filter-colour',
          onChange: (event) => setDraft((d) => void (d.colour = (event.target as HTMLInputElement).value)),
        }),
      ),
      field(
        t.filterAb,
        select(
          {
            'data-testid': 'filter-ab',
            onChange: (event) => {
              const value = Number((event.target as HTMLSelectElement).value);
              setDraft((d) => void (d.abGroups = value >= 2 ? value : null));
            },
          },
          [['', t.filterAbNone], ...AB_CHOICES.map((n) => [String(n), t.filterAbGroups(n)] as const)],
          draft.abGroups ? String(draft.abGroups) : '',
        ),
      ),
    ),
    el('h4', {}, t.filterConditions),
    ...conditionRows(context, draft),
    field(
      t.filterText,
      el('textarea', {
        class: 'filter-text',
        rows: 3,
        spellcheck: 'false',
        'aria-invalid': parsed && !parsed.ok ? 'true' : 'false',
        'data-testid': 'filter-text',
        'data-key': 'filter-text',
        value: draft.text,
        onInput: (event) =>
          changeDraft(context, (d) => void (d.text = (event.target as HTMLTextAreaElement).value), 'text'),
      }),
      hint(t.filterTextHelp),
    ),
    filterReference(state.language, state.filters.referenceOpen, (open) =>
      context.update((s) => void (s.filters.referenceOpen = open), false),
    ),
    parsed && !parsed.ok
      ? notice(
          'error',
          el(
            'span',
            { 'data-testid': 'filter-error' },
            t.filterProblem(parsed.error.position, parsed.error.message),
          ),
        )
      : countLine(context, draft),
    actions(
      textButton(t.filterCancel, {
        onClick: () => context.update((s) => void ((s.filters.draft = null), (s.error = null))),
      }),
      primaryButton(t.filterSave, {
        disabled: state.filters.busy,
        'data-testid': 'filter-save',
        onClick: () => save(context),
      }),
    ),
  );
}

export function renderFilters(context: Context): HTMLElement {
  const { t, state, update } = context;
  const { list, draft, busy, message, returnTo } = state.filters;
  return screen(
    'step-filters',
    t.filtersTitle,
    hint(t.filtersIntro),
    message ? notice('info', el('span', { 'data-testid': 'filter-message' }, message)) : null,
    !draft && state.error ? notice('error', state.error) : null,
    !list
      ? busyLine(t.filtersLoading)
      : el(
          'div',
          {},
          list.tab === null ? hint(t.filtersUnsaved) : null,
          list.segments.length === 0
            ? hint(t.filtersNone)
            : el(
                'ul',
                { class: 'filter-list', 'data-testid': 'filter-list' },
                ...list.segments.map((segment, index) => segmentItem(context, segment, index)),
              ),
        ),
    draft
      ? builder(context, draft)
      : textButton(t.filterNew, {
          disabled: busy || !list,
          'data-testid': 'filter-new',
          onClick: () => startDraft(context, null),
        }),
    draft && state.error ? notice('error', state.error) : null,
    actions(
      textButton(t.back, {
        'data-testid': 'filters-back',
        onClick: () => update((s) => void ((s.step = returnTo), (s.error = null), (s.filters.draft = null))),
      }),
    ),
  );
}
