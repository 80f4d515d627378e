/**
 * Compares a written workbook, read back with ExcelJS, with the plan it was rendered from: sheet names and
 * order, tab colours, hidden state, frozen rows, autofilter, and every cell of every block (value, number
 * format, header and cell colours). Expected formats are spelled out here, not taken from the renderer.
 */
import type ExcelJS from 'exceljs';
import type { Language } from '../../src/core/options';
import type { ColumnKind, OutputPlan, PlanValue } from '../../src/core/plan/types';

const FORMATS: Record<Language, Record<ColumnKind, string>> = {
  vi: {
    text: '@',
    code: '@',
    phone: '@',
    colour: '@',
    integer: '#,##0',
    number: '#,##0.0',
    money: '#,##0 ₫',
    percent: '0.0%',
    date: 'dd/mm/yyyy',
  },
  en: {
    text: '@',
    code: '@',
    phone: '@',
    colour: '@',
    integer: '#,##0',
    number: '#,##0.0',
    money: '#,##0',
    percent: '0.0%',
    date: 'dd/mm/yyyy',
  },
};

function argb(colour: string): string {
  return `FF${colour.slice(1).toUpperCase()}`;
}

function fillOf(cell: ExcelJS.Cell): string | undefined {
  const fill = cell.fill as ExcelJS.FillPattern | undefined;
  return fill?.type === 'pattern' ? fill.fgColor?.argb : undefined;
}

function expectedValue(value: PlanValue, kind: ColumnKind): unknown {
  if (value === null || value === '') return null;
  if (kind === 'date' && typeof value === 'number') return new Date(value * 86_400_000);
  if ((kind === 'text' || kind === 'code' || kind === 'phone') && typeof value === 'number')
    return String(value);
  return value;
}

function columnName(column: number): string {
  let name = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** Returns the number of data cells compared, so a test can check the comparison was not empty. */
export function expectWorkbookToMatchPlan(
  workbook: ExcelJS.Workbook,
  plan: OutputPlan,
  language: Language,
): number {
  expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(
    plan.tabs.map((tab) => tab.name.slice(0, 31)),
  );
  let compared = 0;
  plan.tabs.forEach((tab, t) => {
    const sheet = workbook.worksheets[t]!;
    const where = `tab "${tab.name}"`;
    expect([where, sheet.properties.tabColor?.argb]).toEqual([where, argb(tab.tabColour)]);
    expect([where, sheet.state]).toEqual([where, tab.hidden ? 'hidden' : 'visible']);
    const frozen = (sheet.views ?? []).find((view) => view.state === 'frozen') as
      ExcelJS.WorksheetViewFrozen | undefined;
    const first = tab.blocks[0]!;
    const header = first.anchor.row + (first.title ? 1 : 0);
    // The Summary's stacked blocks freeze nothing in the plan; the .xlsx freezes its first block's header.
    const frozenRows = tab.frozenRows || (tab.role === 'summary' ? header : 0);
    expect([where, frozen?.ySplit ?? 0]).toEqual([where, frozenRows]);
    const filter = tab.filter
      ? `${columnName(first.anchor.column)}${header}:${columnName(first.anchor.column + first.columns.length - 1)}${header + first.rows.length}`
      : undefined;
    expect([where, sheet.autoFilter]).toEqual([where, filter]);
    for (const block of tab.blocks) {
      const headerRow = block.anchor.row + (block.title ? 1 : 0);
      if (block.title) expect(sheet.getCell(block.anchor.row, block.anchor.column).value).toBe(block.title);
      block.columns.forEach((column, c) => {
        const cell = sheet.getCell(headerRow, block.anchor.column + c);
        expect([where, cell.address, cell.value, fillOf(cell), cell.font?.color?.argb]).toEqual([
          where,
          cell.address,
          column.header,
          argb(block.headerColour),
          argb(block.headerFontColour),
        ]);
      });
      block.rows.forEach((row, r) => {
        const colours = block.cellColours?.colours[r];
        block.columns.forEach((column, c) => {
          const cell = sheet.getCell(headerRow + 1 + r, block.anchor.column + c);
          const colour =
            colours && c >= block.cellColours!.fromColumn ? colours[c - block.cellColours!.fromColumn] : null;
          const kind = block.cellKinds?.[r]?.[c] ?? column.kind;
          const value = expectedValue(row[c] ?? null, kind);
          expect([where, cell.address, cell.value]).toEqual([where, cell.address, value]);
          if (value !== null) {
            expect([where, cell.address, cell.numFmt]).toEqual([
              where,
              cell.address,
              FORMATS[language][kind],
            ]);
          }
          expect([where, cell.address, fillOf(cell)]).toEqual([
            where,
            cell.address,
            colour ? argb(colour) : undefined,
          ]);
          compared++;
        });
      });
    }
  });
  return compared;
}
