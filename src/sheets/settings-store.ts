/**
 * What the add-on remembers in the document (so it travels with a copy of the file): the confirmed column map
 * of each input sheet, and the last run's settings. Document properties hold at most 9 KB per value.
 */
import type { RunSettings, SheetSelection } from '../shared/api';

const MAP_PREFIX = 'segment-tabs:columns:';
const SETTINGS_KEY = 'segment-tabs:settings';

export interface RememberedMap {
  columnMap: Record<string, number>;
  headerRow: number;
  dateOrder?: 'dmy' | 'mdy';
}

function properties(): GoogleAppsScript.Properties.Properties {
  return PropertiesService.getDocumentProperties();
}

/**
 * Remembers the confirmed column map of each selected sheet (those that have one) and the run's settings, in
 * one write to the document properties.
 */
export function rememberRun(selections: (SheetSelection | undefined)[], settings: RunSettings): void {
  const entries: Record<string, string> = { [SETTINGS_KEY]: JSON.stringify(settings) };
  for (const selection of selections) {
    if (!selection?.columnMap) continue;
    const remembered: RememberedMap = {
      columnMap: selection.columnMap,
      headerRow: selection.headerRow ?? 0,
      dateOrder: selection.dateOrder,
    };
    entries[MAP_PREFIX + selection.name] = JSON.stringify(remembered);
  }
  properties().setProperties(entries);
}

export function rememberedMap(sheet: string): RememberedMap | null {
  const text = properties().getProperty(MAP_PREFIX + sheet);
  if (!text) return null;
  try {
    return JSON.parse(text) as RememberedMap;
  } catch {
    return null;
  }
}

export function lastSettings(): RunSettings | null {
  const text = properties().getProperty(SETTINGS_KEY);
  return text ? (JSON.parse(text) as RunSettings) : null;
}
