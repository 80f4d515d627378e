/**
 * The filter builder's reference: every field, the operators each takes and how values are written, in the
 * sidebar's language. Fields, aliases, choices and operators come from the catalogue the parser reads
 * (core/filter/fields.ts), and each example is run through the parser before it is shown, so the reference
 * cannot promise what the parser refuses (test/browser/sidebar-logic.test.ts checks that none is dropped).
 */
import {
  FILTER_FIELDS,
  OPERATORS_BY_TYPE,
  type FilterField,
  type FilterFieldType,
} from '../core/filter/fields';
import { parseFilter } from '../core/filter/parse';
import type { Language } from '../shared/api';
import { el } from './dom';
import { strings } from './i18n';

const TYPES: readonly FilterFieldType[] = ['number', 'date', 'month', 'text', 'enum', 'list'];

/**
 * Example definitions per type: the field a shop would use (the first field of the type when that one is gone)
 * and values as the parser reads them; enum values come from the field's own choices.
 */
const SAMPLES: Readonly<
  Record<FilterFieldType, { field: string; values: (field: FilterField) => string[] }>
> = {
  number: { field: 'invoices', values: () => ['>= 3', 'BETWEEN 2 AND 5'] },
  date: { field: 'last_purchase', values: () => ['>= -30d', '< 2026-01-01', '<= today'] },
  month: { field: 'birthday_month', values: () => ['= this_month', 'IN (jan, 2, next_month)'] },
  text: { field: 'city', values: () => ['= "Hà Nội"', 'CONTAINS "Ba Đình"', 'IS EMPTY'] },
  enum: {
    field: 'gender',
    values: (field) =>
      field.type === 'enum' && field.values.length > 0
        ? [
            `= ${field.values[0]!.id}`,
            `IN (${field.values
              .slice(0, 2)
              .map((value) => value.id)
              .join(', ')})`,
          ]
        : [],
  },
  list: { field: 'tags', values: () => ['CONTAINS "vip"', 'IN ("vip", "sinh viên")', 'IS NOT EMPTY'] },
};

function exampleField(type: FilterFieldType): FilterField | undefined {
  return (
    FILTER_FIELDS.find((field) => field.type === type && field.id === SAMPLES[type].field) ??
    FILTER_FIELDS.find((field) => field.type === type)
  );
}

function candidates(type: FilterFieldType): string[] {
  const field = exampleField(type);
  return field ? SAMPLES[type].values(field).map((value) => `${field.id} ${value}`) : [];
}

export interface ReferenceField {
  id: string;
  label: string;
  type: FilterFieldType;
  aliases: readonly string[];
  /** Enum choices as stored (`female`) with their label. */
  choices: readonly { id: string; label: string }[];
}

export interface ReferenceType {
  type: FilterFieldType;
  operators: readonly string[];
  /** Definitions the parser accepts, for the first field of this type. */
  examples: string[];
}

/** The reference's content; also what the test checks. */
export function referenceData(language: Language): { fields: ReferenceField[]; types: ReferenceType[] } {
  const fields = FILTER_FIELDS.map((field) => ({
    id: field.id,
    label: field.label[language],
    type: field.type,
    aliases: field.aliases,
    choices: field.type === 'enum' ? field.values.map((v) => ({ id: v.id, label: v.label[language] })) : [],
  }));
  const types = TYPES.filter((type) => exampleField(type) !== undefined).map((type) => ({
    type,
    operators: OPERATORS_BY_TYPE[type],
    examples: candidates(type).filter((example) => parseFilter(example, language).ok),
  }));
  return { fields, types };
}

/** The examples before the parser's check: what `referenceData` would show if the parser took them all. */
export function referenceCandidates(): string[] {
  return TYPES.flatMap(candidates);
}

/**
 * A `<details>` the user opens when they need it (it takes no room otherwise); `open` keeps it open across the
 * builder's re-renders.
 */
export function filterReference(
  language: Language,
  open: boolean,
  onToggle: (open: boolean) => void,
): HTMLElement {
  const t = strings(language);
  const { fields, types } = referenceData(language);
  const operatorWord = (operator: string) => {
    const word = t.operatorWords[operator];
    return word ? `${operator} (${word})` : operator;
  };
  const details = el(
    'details',
    { class: 'filter-reference', 'data-testid': 'filter-reference' },
    el('summary', {}, t.referenceTitle),
    el('h5', {}, t.referenceFields),
    el(
      'ul',
      { class: 'reference-fields', 'data-testid': 'reference-fields' },
      ...fields.map((field) =>
        el(
          'li',
          { 'data-field': field.id },
          el('code', {}, field.id),
          ` ${field.label} · ${t.typeNames[field.type] ?? field.type}`,
          field.aliases.length ? ` · ${t.referenceAliases(field.aliases.join(', '))}` : null,
          field.choices.length
            ? el(
                'span',
                { class: 'reference-choices' },
                t.referenceChoices(
                  field.choices.map((choice) => `${choice.id} (${choice.label})`).join(', '),
                ),
              )
            : null,
        ),
      ),
    ),
    el('h5', {}, `${t.referenceOperators} · ${t.referenceValues}`),
    el(
      'dl',
      { class: 'reference-types', 'data-testid': 'reference-types' },
      ...types.flatMap((entry) => [
        el('dt', { 'data-key': entry.type }, t.typeNames[entry.type] ?? entry.type),
        el(
          'dd',
          {},
          el('span', { class: 'reference-operators' }, entry.operators.map(operatorWord).join(' · ')),
          el('span', { class: 'reference-values' }, t.valueForms[entry.type] ?? ''),
          ...entry.examples.map((example) => el('code', { class: 'reference-example' }, example)),
        ),
      ]),
    ),
    el('p', { class: 'hint' }, t.referenceCombine),
    el('p', { class: 'hint' }, t.referenceEmpty),
  );
  details.open = open;
  details.addEventListener('toggle', () => onToggle(details.open));
  return details;
}
