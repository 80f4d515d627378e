/**
 * What the sidebar shows before a run: which tabs look like invoices or customers, and for a chosen tab the
 * detected column map with confidences and three rows as the engine understood them.
 */
import { cellText, type CellValue } from '../core/cell';
import { say } from '../core/i18n';
import type { Language } from '../core/options';
import { decideDateOrder, parseDateCell } from '../core/parse/date';
import { parseMoney, parseQuantity } from '../core/parse/money';
import { normalisePhone } from '../core/parse/phone';
import { formatDay, dayNumber, zoneClock } from '../core/parse/time-zone';
import { FIELDS, REQUIRED_FIELDS, type FieldId, type SheetKind } from '../core/table/fields';
import { detectHeader, detectSheetKind, fieldLabel } from '../core/table/header';
import { findDataRows } from '../core/table/rows';
import type { ColumnDetection, FieldMatchInfo } from '../shared/api';
import { findSheet, readValues } from './read-input';
import { rememberedMap } from './settings-store';
import { UserError } from './user-error';

const PREVIEW_ROWS = 3;
/** Rows read to guess a tab's kind when listing tabs: the header is near the top. */
export const KIND_SNIFF_ROWS = 30;

export function sniffKind(values: CellValue[][]): SheetKind | null {
  return detectSheetKind(values);
}

function shown(field: FieldId, value: CellValue, order: 'dmy' | 'mdy', timeZone: string): string {
  if (value === '' || value === null || value === undefined) return '';
  const type = FIELDS.find((spec) => spec.id === field)?.type;
  if (type === 'date') {
    const parsed = parseDateCell(value, order, zoneClock(timeZone));
    return parsed.ok
      ? `${formatDay(dayNumber(parsed.value))} ${new Date(parsed.value).toISOString().slice(11, 16)}`
      : `⚠ ${cellText(value)}`;
  }
  if (type === 'money') {
    const parsed = parseMoney(value);
    return parsed.ok ? parsed.value.toLocaleString('vi-VN') : `⚠ ${cellText(value)}`;
  }
  if (type === 'number') {
    const parsed = parseQuantity(value);
    return parsed.ok ? String(parsed.value) : `⚠ ${cellText(value)}`;
  }
  if (type === 'phone') {
    const parsed = normalisePhone(value);
    return parsed.ok ? parsed.value.canonical : `⚠ ${cellText(value)}`;
  }
  return cellText(value);
}

export function detectColumns(sheetName: string, kind: SheetKind, language: Language): ColumnDetection {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const values = readValues(findSheet(spreadsheet, sheetName, language));
  const timeZone = spreadsheet.getSpreadsheetTimeZone();
  const remembered = rememberedMap(sheetName);
  const detection = detectHeader(values, kind, {
    headerRow: remembered?.headerRow,
    overrides: remembered?.columnMap as Partial<Record<FieldId, number>> | undefined,
  });
  if (!detection) {
    throw new UserError(
      say(
        language,
        `Không tìm thấy dòng tiêu đề trong sheet "${sheetName}". Cần các cột như Mã hóa đơn, Thời gian, Khách cần trả (hoặc Mã khách hàng, Điện thoại).`,
        `No header row found in sheet "${sheetName}". Expected columns such as Invoice code, Date, Total (or Customer code, Phone).`,
      ),
    );
  }
  const required = new Set(REQUIRED_FIELDS[kind].flat());
  const byField = new Map(detection.matches.map((match) => [match.field, match]));
  const fields: FieldMatchInfo[] = FIELDS.filter((spec) => spec.names[kind]).map((spec) => {
    const match = byField.get(spec.id);
    return {
      field: spec.id,
      label: fieldLabel(spec.id, language),
      column: match?.column ?? -1,
      header: match?.header ?? '',
      confidence: match?.confidence ?? 0,
      required: required.has(spec.id),
    };
  });
  const { rows } = findDataRows(values, detection.headerRow, detection.matches, sheetName);
  const dateColumn = byField.get('date') ?? byField.get('lastPurchaseDate') ?? byField.get('birthDate');
  const decision = remembered?.dateOrder
    ? { order: remembered.dateOrder }
    : dateColumn
      ? decideDateOrder(rows.map((row) => values[row]![dateColumn.column]))
      : { order: 'dmy' as const };
  const order = decision.order === 'ambiguous' ? 'dmy' : decision.order;
  const preview = rows.slice(0, PREVIEW_ROWS).map((row) => {
    const shownRow: Record<string, string> = {};
    for (const match of detection.matches)
      shownRow[fieldLabel(match.field, language)] = shown(
        match.field,
        values[row]![match.column],
        order,
        timeZone,
      );
    return shownRow;
  });
  return {
    sheet: sheetName,
    kind,
    headerRow: detection.headerRow,
    headers: detection.headers,
    fields,
    missing: detection.missing.map((group) => group.map((field) => fieldLabel(field, language)).join(' / ')),
    preview,
    dateOrder: decision.order,
    remembered: remembered !== null,
  };
}
