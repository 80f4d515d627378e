/**
 * Reads a tab of the emulated spreadsheet the way a user would see it, without counting calls: cells, number
 * formats, backgrounds, frozen rows, filter, tab colour and the add-on's ownership mark.
 */
import { findSheet, metadataOf, sheetToDisplayValues, sheetToValues, type Emulator } from '../emulator';

export interface TabView {
  name: string;
  values: (string | number | boolean | Date)[][];
  display: string[][];
  /** Number format of a cell (0-based row and column); 'General' when none was set. */
  format(row: number, column: number): string;
  background(row: number, column: number): string | null;
  fontWeight(row: number, column: number): string | null;
  formula(row: number, column: number): string | null;
  frozenRows: number;
  filter: { row: number; column: number; numRows: number; numColumns: number } | null;
  tabColour: string | null;
  hidden: boolean;
  maxRows: number;
  /** The add-on's mark ({key, role, run}) or null for a tab that is not ours. */
  mark: { key: string; role: string; run: string } | null;
}

export function readTab(emulator: Emulator, name: string): TabView {
  const sheet = findSheet(emulator, name);
  if (!sheet) throw new Error(`No tab "${name}"`);
  const state = sheet.state;
  const marks = metadataOf(emulator).filter((meta) => meta.sheet === name && meta.key === 'segment-tabs');
  return {
    name,
    values: sheetToValues(sheet),
    display: sheetToDisplayValues(sheet),
    format: (row, column) => state.formats.get(row, column) ?? 'General',
    background: (row, column) => state.backgrounds.get(row, column) ?? null,
    fontWeight: (row, column) => state.fontWeights.get(row, column) ?? null,
    formula: (row, column) => state.formulas.get(row, column) ?? null,
    frozenRows: state.frozenRows,
    filter: state.filter,
    tabColour: state.tabColour,
    hidden: state.hidden,
    maxRows: state.maxRows,
    mark: marks.length === 1 ? (JSON.parse(marks[0]!.value!) as TabView['mark']) : null,
  };
}

/** Column index of a header in the tab's first row. */
export function columnOf(tab: TabView, header: string): number {
  const at = tab.display[0]!.indexOf(header);
  if (at < 0) throw new Error(`No column "${header}" in ${tab.name}: ${tab.display[0]!.join(' | ')}`);
  return at;
}

/** The data row whose `header` column displays `shown`. */
export function rowWhere(tab: TabView, header: string, shown: string): number {
  const column = columnOf(tab, header);
  const row = tab.display.findIndex((cells, r) => r > 0 && cells[column] === shown);
  if (row < 0) throw new Error(`No row of ${tab.name} with ${header} = ${shown}`);
  return row;
}
