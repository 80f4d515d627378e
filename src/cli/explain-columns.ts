/**
 * `--explain-columns`: per sheet and field, the column chosen, how sure detection is, what the choice rests on,
 * and the runner-up; and, for a doubtful choice (also without the flag, as a note on stderr), the `--map` entry
 * that would settle it.
 */
import { columnLetter } from '../core/cell';
import type { ColumnFix } from '../core/errors';
import { say } from '../core/i18n';
import type { Language, SheetColumns } from '../core/options';
import { fieldLabel, type ColumnMatch, type MatchBasis } from '../core/table/header';

/** Below this confidence a choice is doubtful: the user is told how to settle it. */
export const DOUBTFUL_BELOW = 0.8;

const BASIS: Record<MatchBasis, { vi: string; en: string }> = {
  name: { vi: 'tên cột quen thuộc', en: 'known header' },
  contains: { vi: 'tên cột chứa tên quen thuộc', en: 'header contains a known name' },
  similar: { vi: 'tên cột gần giống', en: 'header close to a known name' },
  words: { vi: 'từ trong tên cột', en: 'words in the header' },
  content: { vi: 'nội dung các ô', en: 'what the cells hold' },
  user: { vi: 'bạn chọn', en: 'your map' },
};

/** The `--map` argument that names one column for one field, as a shell would take it. */
export function mapArgument(fix: ColumnFix): string {
  const json = JSON.stringify({ [fix.kind]: { [fix.field]: fix.header } });
  return `--map '${json.replace(/'/g, "'\\''")}'`;
}

function percent(confidence: number): string {
  return `${Math.round(confidence * 100)}%`;
}

function describe(match: ColumnMatch, language: Language): string {
  const basis = BASIS[match.basis ?? 'name'][language];
  const runner = match.runnerUp
    ? say(
        language,
        `; thứ hai: ${columnLetter(match.runnerUp.column)} "${match.runnerUp.header}" ${percent(match.runnerUp.confidence)}`,
        `; runner-up: ${columnLetter(match.runnerUp.column)} "${match.runnerUp.header}" ${percent(match.runnerUp.confidence)}`,
      )
    : '';
  return `  ${fieldLabel(match.field, language).padEnd(20)} ${columnLetter(match.column)} "${match.header}"  ${percent(match.confidence)} (${basis}${runner})`;
}

export function explainColumns(columns: readonly SheetColumns[], language: Language): string {
  const lines: string[] = [];
  for (const sheet of columns) {
    lines.push(
      say(
        language,
        `Sheet "${sheet.sheet}" (${sheet.kind === 'invoices' ? 'hóa đơn' : 'khách hàng'}), tiêu đề ở dòng ${sheet.headerRow + 1}:`,
        `Sheet "${sheet.sheet}" (${sheet.kind}), header on row ${sheet.headerRow + 1}:`,
      ),
    );
    for (const match of sheet.matches) lines.push(describe(match, language));
  }
  return `${lines.join('\n')}\n\n`;
}

/** One note per doubtful choice, naming the runner-up and the `--map` entry for each. */
export function doubtfulNotes(columns: readonly SheetColumns[], language: Language): string[] {
  const notes: string[] = [];
  for (const sheet of columns) {
    for (const match of sheet.matches) {
      if (match.basis === 'user' || match.confidence >= DOUBTFUL_BELOW) continue;
      const label = fieldLabel(match.field, language);
      const other = match.runnerUp
        ? say(
            language,
            ` Nếu sai, có thể là "${match.runnerUp.header}": ${mapArgument({ kind: sheet.kind, field: match.field, header: match.runnerUp.header })}`,
            ` If wrong, it may be "${match.runnerUp.header}": ${mapArgument({ kind: sheet.kind, field: match.field, header: match.runnerUp.header })}`,
          )
        : '';
      notes.push(
        say(
          language,
          `${sheet.sheet}: ${label} đọc từ cột ${columnLetter(match.column)} "${match.header}" (chắc ${percent(match.confidence)}).${other}`,
          `${sheet.sheet}: ${label} read from column ${columnLetter(match.column)} "${match.header}" (${percent(match.confidence)} sure).${other}`,
        ),
      );
    }
  }
  return notes;
}
