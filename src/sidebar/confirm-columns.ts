/**
 * Step 2: the detected column map of each chosen sheet, field by field. A field the server is not sure of
 * (confidence below 1) or a required field with no column is highlighted; every field can be pointed at
 * another column. Three data rows show what the engine understood.
 */
import { columnLetter } from '../core/cell';
import { REQUIRED_FIELDS, type FieldId } from '../core/table/fields';
import type { ColumnDetection, FieldMatchInfo, SheetKind, SheetSelection } from '../shared/api';
import { el, radio, select } from './dom';
import type { Context, SheetMapping } from './state';
import { actions, hint, notice, primaryButton, screen, textButton } from './ui';

const KINDS: readonly SheetKind[] = ['invoices', 'customers'];

/** A mapping for a fresh detection; the user's changes to the same sheet carry over (e.g. after a language switch). */
export function mappingFrom(detection: ColumnDetection, previous?: SheetMapping): SheetMapping {
  const columnMap: Record<string, number> = {};
  for (const info of detection.fields) columnMap[info.field] = info.column;
  const changed = previous ? [...previous.changed] : [];
  for (const fieldId of changed) columnMap[fieldId] = previous!.columnMap[fieldId] ?? -1;
  return {
    detection,
    columnMap,
    changed,
    dateOrder: detection.dateOrder === 'ambiguous' ? (previous?.dateOrder ?? null) : detection.dateOrder,
    showAllFields: previous?.showAllFields ?? false,
  };
}

/** The labels of each required group with no column (`Amount / Line total / Unit price`). */
export function missingGroups(mapping: SheetMapping): string[] {
  const label = (fieldId: string) =>
    mapping.detection.fields.find((info) => info.field === fieldId)?.label ?? fieldId;
  return REQUIRED_FIELDS[mapping.detection.kind]
    .filter((group) => group.every((fieldId) => (mapping.columnMap[fieldId] ?? -1) < 0))
    .map((group) => group.map(label).join(' / '));
}

/** What the run request carries for this sheet: the confirmed map (−1: the field has no column). */
export function sheetSelection(mapping: SheetMapping): SheetSelection {
  return {
    name: mapping.detection.sheet,
    columnMap: { ...mapping.columnMap },
    headerRow: mapping.detection.headerRow,
    dateOrder: mapping.dateOrder ?? undefined,
  };
}

/** Points a field at a column; a column holds one field, so a field that had it loses it. */
export function assignColumn(mapping: SheetMapping, fieldId: string, column: number): void {
  if (column >= 0) {
    for (const [other, at] of Object.entries(mapping.columnMap)) {
      if (other !== fieldId && at === column) {
        mapping.columnMap[other] = -1;
        if (!mapping.changed.includes(other)) mapping.changed.push(other);
      }
    }
  }
  mapping.columnMap[fieldId] = column;
  if (!mapping.changed.includes(fieldId)) mapping.changed.push(fieldId);
}

/** The required group a field belongs to, when one of several fields is enough (member code, phone, email). */
function oneOfGroup(kind: SheetKind, fieldId: string): readonly FieldId[] | null {
  const group = REQUIRED_FIELDS[kind].find((candidate) => candidate.includes(fieldId as FieldId));
  return group && group.length > 1 ? group : null;
}

/**
 * The field's state in words. A field with no column is "Missing" (red) only when the run needs it, that is
 * when it is required and no other field of its group has a column; an optional one is "Not used".
 */
function chip(context: Context, mapping: SheetMapping, info: FieldMatchInfo, missing: boolean): HTMLElement {
  const { t } = context;
  const column = mapping.columnMap[info.field] ?? -1;
  if (mapping.changed.includes(info.field) && column >= 0) {
    return el('span', { class: 'chip chosen', 'data-testid': 'chip' }, t.chipChosen);
  }
  if (column < 0)
    return missing
      ? el('span', { class: 'chip missing', 'data-testid': 'chip' }, t.chipMissing)
      : el('span', { class: 'chip unused', 'data-testid': 'chip' }, t.chipUnused);
  if (info.confidence >= 1) return el('span', { class: 'chip sure', 'data-testid': 'chip' }, t.chipSure);
  return el(
    'span',
    { class: 'chip check', 'data-testid': 'chip' },
    t.chipCheck(Math.round(info.confidence * 100)),
  );
}

function fieldRow(
  context: Context,
  kind: SheetKind,
  mapping: SheetMapping,
  info: FieldMatchInfo,
): HTMLElement {
  const { t, update, state } = context;
  const column = mapping.columnMap[info.field] ?? -1;
  const changed = mapping.changed.includes(info.field);
  const inMissingGroup = REQUIRED_FIELDS[kind].some(
    (group) =>
      group.includes(info.field as FieldId) &&
      group.every((fieldId) => (mapping.columnMap[fieldId] ?? -1) < 0),
  );
  const state_ = inMissingGroup ? 'missing' : column >= 0 && info.confidence < 1 && !changed ? 'check' : 'ok';
  const group = oneOfGroup(kind, info.field);
  const label = (fieldId: string) =>
    mapping.detection.fields.find((candidate) => candidate.field === fieldId)?.label ?? fieldId;
  const choices = [
    ['-1', t.notInSheet] as const,
    ...mapping.detection.headers.map(
      (header, index) =>
        [String(index), header ? `${columnLetter(index)} · ${header}` : columnLetter(index)] as const,
    ),
  ];
  return el(
    'div',
    { class: `map-row ${state_}`, 'data-field': info.field, 'data-state': state_, 'data-testid': 'map-row' },
    el(
      'span',
      { class: 'map-label' },
      info.label,
      info.required && group
        ? el(
            'span',
            { class: 'one-of', title: t.oneOfTitle(group.map(label).join(' / ')), 'data-testid': 'one-of' },
            t.oneOfMark,
          )
        : info.required
          ? el('span', { class: 'required', title: t.requiredMark, 'aria-label': t.requiredMark }, ' *')
          : null,
    ),
    select(
      {
        'aria-label': info.label,
        // A long header is cut in the closed box: its full text shows on hover.
        title: choices.find(([value]) => value === String(column))?.[1],
        'data-testid': `map-${kind}-${info.field}`,
        disabled: state.busy !== null,
        onChange: (event) =>
          update((s) => {
            const target = s.mappings[kind];
            if (target) assignColumn(target, info.field, Number((event.target as HTMLSelectElement).value));
            s.error = null;
          }),
      },
      choices,
      String(column),
    ),
    chip(context, mapping, info, inMissingGroup),
  );
}

function previewTable(context: Context, mapping: SheetMapping): HTMLElement {
  const { t } = context;
  const rows = mapping.detection.preview;
  if (rows.length === 0) return notice('info', t.previewEmpty);
  const columns = Object.keys(rows[0]!);
  return el(
    'div',
    { class: 'preview' },
    el('h4', {}, t.previewTitle),
    mapping.changed.length > 0 ? hint(t.previewStale) : null,
    el(
      'div',
      { class: 'table-scroll' },
      el(
        'table',
        { 'data-testid': 'preview-table' },
        el('thead', {}, el('tr', {}, ...columns.map((name) => el('th', {}, name)))),
        el(
          'tbody',
          {},
          ...rows.map((row) =>
            el(
              'tr',
              {},
              ...columns.map((name) => {
                const value = row[name] ?? '';
                return el('td', { class: value.startsWith('⚠') ? 'bad' : undefined }, value);
              }),
            ),
          ),
        ),
      ),
    ),
  );
}

function dateOrderChoice(context: Context, kind: SheetKind, mapping: SheetMapping): HTMLElement | null {
  if (mapping.detection.dateOrder !== 'ambiguous') return null;
  const { t, update } = context;
  const pick = (order: 'dmy' | 'mdy') =>
    update((s) => {
      const target = s.mappings[kind];
      if (target) target.dateOrder = order;
      s.error = null;
    });
  return el(
    'fieldset',
    { class: `date-order${mapping.dateOrder ? '' : ' attention'}`, 'data-testid': `date-order-${kind}` },
    el('legend', {}, t.dateOrderQuestion),
    radio(`order-${kind}`, 'dmy', t.dateOrderDmy, mapping.dateOrder === 'dmy', () => pick('dmy')),
    radio(`order-${kind}`, 'mdy', t.dateOrderMdy, mapping.dateOrder === 'mdy', () => pick('mdy')),
  );
}

function sheetSection(context: Context, kind: SheetKind, mapping: SheetMapping): HTMLElement {
  const { t, update } = context;
  const { detection } = mapping;
  const shown = (info: FieldMatchInfo) =>
    info.required || (mapping.columnMap[info.field] ?? -1) >= 0 || mapping.changed.includes(info.field);
  const visible = detection.fields.filter((info) => mapping.showAllFields || shown(info));
  const hidden = detection.fields.length - detection.fields.filter(shown).length;
  return el(
    'div',
    { class: 'sheet-map', 'data-testid': `columns-${kind}` },
    el('h3', {}, t.sheetHeading(kind, detection.sheet)),
    hint(t.headerRowAt(detection.headerRow + 1), ' · ', t.requiredLegend),
    detection.remembered ? notice('info', t.remembered) : null,
    ...missingGroups(mapping).map((labels) => notice('warning', t.missingGroup(labels))),
    el('div', { class: 'map-list' }, ...visible.map((info) => fieldRow(context, kind, mapping, info))),
    hidden > 0
      ? textButton(mapping.showAllFields ? t.fewerFields : t.moreFields(hidden), {
          'aria-expanded': mapping.showAllFields ? 'true' : 'false',
          onClick: () =>
            update((s) => {
              const target = s.mappings[kind];
              if (target) target.showAllFields = !target.showAllFields;
            }),
        })
      : null,
    dateOrderChoice(context, kind, mapping),
    previewTable(context, mapping),
  );
}

export function renderConfirmColumns(context: Context): HTMLElement {
  const { t, state, update } = context;
  const mappings = KINDS.map((kind) => [kind, state.mappings[kind]] as const).filter(
    (entry): entry is readonly [SheetKind, SheetMapping] => entry[1] !== undefined,
  );
  const next = () =>
    update((s) => {
      const list = Object.values(s.mappings);
      if (list.some((mapping) => missingGroups(mapping).length > 0)) s.error = t.fixMissing;
      else if (list.some((mapping) => mapping.dateOrder === null)) s.error = t.chooseDateOrder;
      else {
        s.error = null;
        s.step = 'settings';
      }
    });
  return screen(
    'step-columns',
    t.columnsTitle,
    hint(t.columnsIntro),
    ...mappings.map(([kind, mapping]) => sheetSection(context, kind, mapping)),
    state.error ? notice('error', state.error) : null,
    actions(
      textButton(t.back, { onClick: () => update((s) => void ((s.step = 'data'), (s.error = null))) }),
      primaryButton(t.next, { 'data-testid': 'columns-next', onClick: next }),
    ),
  );
}
