/**
 * A sheet opened as invoices or customers: its header row, column map, data rows and the day/month order of
 * each date column. Problems that make the whole sheet unreadable stop the run with a message naming the sheet;
 * problems with single rows become data issues.
 */
import { cellText, columnLetter, type CellValue } from '../cell';
import { EngineError } from '../errors';
import { excerpt } from '../text';
import { say } from '../i18n';
import type { DataIssue } from '../issues';
import type { Language, SheetInput } from '../options';
import { decideDateOrder, type DateOrder } from '../parse/date';
import { FIELD_BY_ID, type FieldId, type SheetKind } from './fields';
import { detectHeader, fieldLabel, type ColumnMatch } from './header';
import type { ColumnProfile } from './column-profile';
import type { PosLayout } from './layouts';
import { MAX_MONEY_DIGITS } from '../money';
import { findDataRows } from './rows';

/** Rows read to decide a date column's order: enough to meet a day above 12 in any real export. */
const DATE_ORDER_SAMPLE = 50_000;
/** Non-blank rows listed when no header is found, so the user sees what was read. */
const ROWS_SHOWN_WITHOUT_HEADER = 3;

export interface SheetTable {
  name: string;
  kind: SheetKind;
  values: CellValue[][];
  headerRow: number;
  headers: string[];
  matches: ColumnMatch[];
  /** Field → 0-based column; -1 when the sheet has no such column. */
  columnOf: (field: FieldId) => number;
  dataRows: number[];
  dateOrder: Partial<Record<FieldId, DateOrder>>;
  issues: DataIssue[];
  /** What each column's sampled cells hold (header.ts uses them to choose; messages use them to suggest). */
  profiles: ColumnProfile[];
  /** Most decimals the sheet's money columns write (0–4): the sheet's minor unit (money.ts). */
  moneyDigits: number;
  /** The known export layout recognised from the header row (its status words apply). */
  layout?: PosLayout;
}

function firstFilledRows(values: CellValue[][]): string[] {
  const shown: string[] = [];
  for (const row of values) {
    const cells = row.map(cellText).filter((text) => text !== '');
    if (cells.length) shown.push(cells.join(' | '));
    if (shown.length === ROWS_SHOWN_WITHOUT_HEADER) break;
  }
  return shown;
}

/**
 * The same sheet read with some fields on other columns (a rule that looked at values across sheets chose them,
 * aliases.ts): each change is a match of basis `content`, and the column it takes is taken from any other field.
 */
export function remapColumns(table: SheetTable, changes: Partial<Record<FieldId, number>>): SheetTable {
  const changed = new Set(Object.values(changes));
  const matches: ColumnMatch[] = table.matches.filter(
    (match) => !(match.field in changes) && !changed.has(match.column),
  );
  for (const [field, column] of Object.entries(changes) as [FieldId, number][]) {
    matches.push({ field, column, header: table.headers[column] ?? '', confidence: 0.8, basis: 'content' });
  }
  matches.sort((a, b) => a.column - b.column);
  const columns: Partial<Record<FieldId, number>> = {};
  for (const match of matches) columns[match.field] ??= match.column;
  return { ...table, matches, columnOf: (field: FieldId) => columns[field] ?? -1 };
}

/** How much of the input a message quotes: enough to recognise the rows, never a whole pasted file. */
const SHOWN_LENGTH = 400;

/** The header row's names for a message, each cut short, the list too. */
function columnsFound(headers: readonly string[]): string {
  return excerpt(
    headers
      .filter(Boolean)
      .map((header) => excerpt(header, 60))
      .join(', '),
    SHOWN_LENGTH,
  );
}

export function openSheet(input: SheetInput, kind: SheetKind, language: Language): SheetTable {
  const detection = detectHeader(input.values, kind, {
    headerRow: input.headerRow,
    overrides: input.columnMap,
  });
  const what =
    kind === 'invoices' ? say(language, 'hóa đơn', 'invoices') : say(language, 'khách hàng', 'customers');
  if (!detection) {
    const seen = firstFilledRows(input.values);
    throw new EngineError(
      'no-header',
      say(
        language,
        `Không tìm thấy dòng tiêu đề của bảng ${what} trong sheet "${input.name}". Đã thấy: ${excerpt(seen.join(' / '), SHOWN_LENGTH) || '(trống)'}.`,
        `No ${what} header row found in sheet "${input.name}". Rows seen: ${excerpt(seen.join(' / '), SHOWN_LENGTH) || '(empty)'}.`,
      ),
      { sheet: input.name, details: seen },
    );
  }
  if (detection.missing.length) {
    const needed = detection.missing.map((group) =>
      group.map((field) => `"${fieldLabel(field, language)}"`).join(say(language, ' hoặc ', ' or ')),
    );
    throw new EngineError(
      'missing-columns',
      say(
        language,
        `Sheet "${input.name}" (dòng tiêu đề ${detection.headerRow + 1}) thiếu cột ${needed.join(', ')}. Các cột có: ${columnsFound(detection.headers)}.`,
        `Sheet "${input.name}" (header on row ${detection.headerRow + 1}) has no ${needed.join(', ')} column. Columns found: ${columnsFound(detection.headers)}.`,
      ),
      { sheet: input.name, details: detection.headers },
    );
  }
  // A plain object rather than a Map: columnOf runs for every field of every row, and a property read at a
  // call site that always reads the same field is cheaper than hashing the field's name.
  const columns: Partial<Record<FieldId, number>> = {};
  for (const match of detection.matches) columns[match.field] ??= match.column;
  const columnOf = (field: FieldId) => columns[field] ?? -1;
  const { rows, issues } = findDataRows(input.values, detection.headerRow, detection.matches, input.name);
  const dateOrder: Partial<Record<FieldId, DateOrder>> = {};
  for (const match of detection.matches) {
    if (FIELD_BY_ID.get(match.field)?.type !== 'date') continue;
    if (input.dateOrder) {
      dateOrder[match.field] = input.dateOrder;
      continue;
    }
    const sample: CellValue[] = [];
    for (let i = 0; i < rows.length && sample.length < DATE_ORDER_SAMPLE; i++)
      sample.push(input.values[rows[i]!]![match.column]);
    const decision = decideDateOrder(sample);
    if (decision.order === 'ambiguous') {
      const column = columnLetter(match.column);
      throw new EngineError(
        'ambiguous-date-order',
        say(
          language,
          `Không rõ thứ tự ngày/tháng ở cột ${column} ("${match.header}") của sheet "${input.name}": ví dụ ${decision.samples.slice(0, 3).join(', ')} có thể là ngày/tháng hoặc tháng/ngày. Hãy chọn thứ tự ngày.`,
          `Cannot tell day/month order in column ${column} ("${match.header}") of sheet "${input.name}": values such as ${decision.samples.slice(0, 3).join(', ')} read either way. Choose the date order.`,
        ),
        { sheet: input.name, column, details: decision.samples },
      );
    }
    dateOrder[match.field] = decision.order;
  }
  let moneyDigits = 0;
  for (const match of detection.matches) {
    if (FIELD_BY_ID.get(match.field)?.type !== 'money') continue;
    moneyDigits = Math.max(moneyDigits, detection.profiles[match.column]?.decimals ?? 0);
  }
  return {
    name: input.name,
    kind,
    values: input.values,
    profiles: detection.profiles,
    ...(detection.layout ? { layout: detection.layout } : {}),
    moneyDigits: Math.min(MAX_MONEY_DIGITS, moneyDigits),
    headerRow: detection.headerRow,
    headers: detection.headers,
    matches: detection.matches,
    columnOf,
    dataRows: rows,
    dateOrder,
    issues,
  };
}
