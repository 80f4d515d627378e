/** Runs the command line in process on the bad-input corpus and reads back what it wrote. */
import ExcelJS from 'exceljs';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../src/cli/main';
import { ISSUE_LABELS } from '../../src/core/plan/labels';
import { captureIo } from '../cli/helpers';

/** 2026-05-02 10:00 in Ho Chi Minh City: "today" of every corpus run. */
export const NOW = Date.UTC(2026, 4, 2, 3, 0);

/** What must never reach the user: a stack frame, an exception's name or its `Error:` prefix. */
export const LEAKED_EXCEPTION =
  /\n\s+at |\bat .+:\d+:\d+|TypeError|RangeError|ReferenceError|SyntaxError|Error:/;

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

export async function runCli(argv: string[], cwd: string): Promise<CliRun> {
  const io = captureIo(cwd, NOW);
  const code = await main(argv, io);
  return { code, out: io.out(), err: io.err() };
}

/** The `-o` of an argv, resolved in `cwd`, when the file was written. */
export function outputOf(argv: string[], cwd: string): string | undefined {
  const at = argv.indexOf('-o');
  if (at < 0) return undefined;
  const path = join(cwd, argv[at + 1]!);
  return existsSync(path) ? path : undefined;
}

export interface IssueRow {
  sheet: string;
  cell: string;
  problem: string;
  details: string;
}

/** The Data-issues rows of a workbook written with `--lang en`. */
export async function readIssues(path: string): Promise<{ workbook: ExcelJS.Workbook; issues: IssueRow[] }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const sheet = workbook.getWorksheet('Data issues');
  const issues: IssueRow[] = [];
  sheet?.eachRow((row, number) => {
    if (number === 1) return;
    const text = (column: number) => {
      const value = row.getCell(column).value;
      return value === null || value === undefined ? '' : String(value);
    };
    issues.push({ sheet: text(1), cell: text(2), problem: text(5), details: text(6) });
  });
  return { workbook, issues };
}

/** English label of an issue code on the Data-issues tab (codes the lead is adding have no label here yet). */
export function issueLabel(code: string): string {
  return (ISSUE_LABELS as Record<string, { en: string } | undefined>)[code]?.en ?? code;
}
