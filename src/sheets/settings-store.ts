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

export function rememberSelection(selection: SheetSelection): void {
  if (!selection.columnMap) return;
  const remembered: RememberedMap = {
    columnMap: selection.columnMap,
    headerRow: selection.headerRow ?? 0,
    dateOrder: selection.dateOrder,
  };
  properties().setProperty(MAP_PREFIX + selection.name, JSON.stringify(remembered));
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

export function rememberSettings(settings: RunSettings): void {
  properties().setProperty(SETTINGS_KEY, JSON.stringify(settings));
}

export function lastSettings(): RunSettings | null {
  const text = properties().getProperty(SETTINGS_KEY);
  return text ? (JSON.parse(text) as RunSettings) : null;
}
