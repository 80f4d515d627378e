/** Shared by the CLI tests: a temporary folder per test file, captured stdout/stderr, and a workbook reader. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { CliIo } from '../../src/cli/main';

export function tempDir(label: string): string {
  return mkdtempSync(join(tmpdir(), `segment-tabs-${label}-`));
}

export interface CapturedIo extends CliIo {
  out: () => string;
  err: () => string;
}

export function captureIo(cwd: string, now = Date.UTC(2026, 10, 22, 3, 0)): CapturedIo {
  let out = '';
  let err = '';
  return {
    cwd,
    now: () => now,
    stdout: { write: (text: string) => (out += text) },
    stderr: { write: (text: string) => (err += text) },
    out: () => out,
    err: () => err,
  };
}

export async function readWorkbook(path: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook;
}
