/**
 * Renders the known purchases (purchases.ts) as one export's 2-D array of cells, as pasted into Sheets or read
 * from its CSV: title rows, the full header row, then data rows per line or per order in the export's style.
 */
import type { FieldId } from '../../src/core/table/fields';
import type { Cell, Column, ExportSpec, RowContext } from './export-specs';
import { buildSales, CUSTOMERS, type Sale } from './purchases';

export function salesFor(spec: ExportSpec): Sale[] {
  return buildSales({ cancelled: spec.cancelled, walkIn: spec.walkIn });
}

function row(columns: Column[], ctx: RowContext, followOn: boolean): Cell[] {
  return columns.map((column) => {
    if (followOn && column.order) return '';
    return column.value ? column.value(ctx) : '';
  });
}

function dataRows(spec: ExportSpec): Cell[][] {
  const { columns } = spec;
  const rows: Cell[][] = [];
  if (spec.grain === 'customer') {
    for (const customer of CUSTOMERS) rows.push(row(columns, { customer, lineIndex: 0 }, false));
    return rows;
  }
  for (const sale of salesFor(spec)) {
    const base = { sale, customer: sale.customer };
    switch (spec.grain) {
      case 'customerPerOrder':
      case 'order':
        rows.push(row(columns, { ...base, lineIndex: 0 }, false));
        break;
      case 'order+lines':
        rows.push(row(columns, { ...base, lineIndex: 0 }, false));
        sale.lines.forEach((line, lineIndex) => rows.push(row(columns, { ...base, line, lineIndex }, false)));
        break;
      case 'line':
        sale.lines.forEach((line, lineIndex) =>
          rows.push(row(columns, { ...base, line, lineIndex }, lineIndex > 0 && spec.followOn === 'blank')),
        );
        break;
    }
  }
  return rows;
}

/** The whole sheet: title rows, header, rows under the header, data, footer; every row as wide as the header. */
export function generateExport(spec: ExportSpec): Cell[][] {
  const width = spec.columns.length;
  const pad = (cells: Cell[]) => [...cells, ...Array<Cell>(Math.max(0, width - cells.length)).fill('')];
  return [
    ...(spec.titleRows ?? []).map(pad),
    spec.columns.map((column) => column.header),
    ...(spec.afterHeader ?? []).map(pad),
    ...dataRows(spec),
    ...(spec.footerRows ?? []).map(pad),
  ];
}

/** 0-based row of the header in the generated sheet. */
export function headerRowOf(spec: ExportSpec): number {
  return spec.titleRows?.length ?? 0;
}

/** The map detection must produce: each field the export really has → `column:header`. */
export function expectedMap(spec: ExportSpec): Partial<Record<FieldId, string>> {
  const map: Partial<Record<FieldId, string>> = {};
  spec.columns.forEach((column, index) => {
    if (!column.field) return;
    if (map[column.field]) throw new Error(`${spec.id}: two columns for ${column.field}`);
    map[column.field] = `${index}:${column.header}`;
  });
  return map;
}

/** The same map as column indexes, for `SheetInput.columnMap`; every other field refused (−1). */
export function explicitColumnMap(
  spec: ExportSpec,
  allFields: readonly FieldId[],
): Partial<Record<FieldId, number>> {
  const map: Partial<Record<FieldId, number>> = {};
  for (const field of allFields) map[field] = -1;
  spec.columns.forEach((column, index) => {
    if (column.field) map[column.field] = index;
  });
  return map;
}
