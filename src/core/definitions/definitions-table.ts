/**
 * The shop's saved filter segments live in a tab the add-on owns, one segment per row, readable and editable as
 * text (design.md §4): they travel with a copy of the file. Columns are read by position (A–E), so a header
 * retyped in another language still works.
 */
import { cellText, type CellValue } from '../cell';
import type { SavedFilterSegment } from '../filter/run';
import type { StarterSegment } from '../filter/starters';
import type { Language } from '../options';
import { foldText, tidyText } from '../text';

export const DEFINITIONS_HEADER = [
  'Tên (Name)',
  'Màu (Colour)',
  'Điều kiện (Definition)',
  'Bật (Enabled)',
  'Nhóm A/B (A/B groups)',
];

/** `TRUE` cells, and what people type: x, có, yes, 1, bật, on. */
const ENABLED_WORDS = new Set(['true', 'x', 'co', 'yes', 'y', '1', 'bat', 'on']);

function enabled(value: CellValue): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  return ENABLED_WORDS.has(foldText(cellText(value)));
}

export interface DefinitionRow extends SavedFilterSegment {
  /** 1-based row in the tab. */
  row: number;
}

export function readDefinitions(values: CellValue[][] | undefined): DefinitionRow[] {
  if (!values) return [];
  const rows: DefinitionRow[] = [];
  for (let i = 1; i < values.length; i++) {
    const row = values[i]!;
    const name = cellText(row[0]);
    const definition = cellText(row[2]);
    if (!name && !definition) continue;
    const groups = Number(cellText(row[4]) || 0);
    rows.push({
      row: i + 1,
      name,
      colour: cellText(row[1]),
      definition,
      enabled: enabled(row[3]),
      abGroups: Number.isFinite(groups) ? groups : NaN,
    });
  }
  return rows;
}

/** The starters as definitions-tab rows, named in the shop's language and disabled until the shop turns one on. */
export function starterRows(starters: readonly StarterSegment[], language: Language): SavedFilterSegment[] {
  return starters.map((starter) => ({
    name: starter.name[language],
    colour: starter.colour,
    definition: starter.definition,
    enabled: false,
  }));
}

/**
 * Rows are found by name, as the run finds them: tidied (NFC, single spaces, trimmed) and case-insensitive,
 * because each segment becomes a tab and tab names are unique regardless of case.
 */
export function segmentNameKey(name: string): string {
  return tidyText(name).toLowerCase();
}

/** The row named `name`, or -1. */
export function findDefinition(rows: readonly SavedFilterSegment[], name: string): number {
  const key = segmentNameKey(name);
  return rows.findIndex((row) => segmentNameKey(row.name) === key);
}
