/**
 * `segment-tabs sql INVOICES.csv [CUSTOMERS.csv] --dialect bigquery|duckdb [run options] -o rfm.sql` (issue 21):
 * reads the header and a sample of each export, as a run reads them (the core's openSheet: header row, field
 * columns, date order, money decimals), and writes the SQL script of src/sql/build-sql.ts. Prints the `bq load`
 * commands for the two exports (all columns STRING, the title rows above the header skipped).
 */
import { closeSync, openSync, readFileSync, readSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { say } from '../core/i18n';
import type { Language, SheetInput } from '../core/options';
import { openSheet, type SheetTable } from '../core/table/sheet-table';
import type { FieldId } from '../core/table/fields';
import { buildSql, RAW_TABLES, type RawSheet, type SqlOptions } from '../sql/build-sql';
import { parseArgs, UsageError } from './args';
import { applyColumnMap, checkColumnMap, type ColumnMapFile } from './load-input';
import { readCsvBytes } from './read-csv';
import { checkBreakpoints, checkFilterSegments, type CliIo } from './main';

/** Bytes read from the start of each export: the header and enough rows to decide date order and decimals. */
export const SAMPLE_BYTES = 4 * 1024 * 1024;

function readSample(path: string): Uint8Array {
  const buffer = Buffer.alloc(SAMPLE_BYTES);
  const fd = openSync(path, 'r');
  let length: number;
  try {
    length = readSync(fd, buffer, 0, SAMPLE_BYTES, 0);
  } finally {
    closeSync(fd);
  }
  if (length < SAMPLE_BYTES) return buffer.subarray(0, length);
  // A sample cut mid-file ends at its last full line, never inside a character or a row.
  return buffer.subarray(0, buffer.lastIndexOf(10, length - 1) + 1);
}

/** One export as the run reads it, from its sample. */
export function sampleTable(
  path: string,
  kind: 'invoices' | 'customers',
  options: { map?: ColumnMapFile; dateOrder?: 'dmy' | 'mdy'; language: Language },
): SheetTable {
  const name = basename(path);
  const values = readCsvBytes(readSample(path), name).rows;
  let sheet: SheetInput = { name, values, ...(options.dateOrder ? { dateOrder: options.dateOrder } : {}) };
  const map = options.map?.[kind];
  if (map) sheet = applyColumnMap(sheet, kind, map, options.language);
  return openSheet(sheet, kind, options.language);
}

/** What the script needs of a table: field → header, every header, the header's row, the date order. */
export function rawSheet(table: SheetTable): RawSheet {
  const columns: Partial<Record<FieldId, string>> = {};
  for (const match of table.matches) {
    const header = table.headers[match.column];
    if (header !== undefined && match.column >= 0) columns[match.field] = header;
  }
  return {
    columns,
    headers: table.headers,
    headerRow: table.headerRow + 1,
    dateOrder: table.dateOrder.date ?? table.dateOrder.lastPurchaseDate ?? 'dmy',
    ...(table.layout ? { layout: table.layout } : {}),
  };
}

/** The `bq load` command of one export: its columns as STRING, the rows down to its header skipped. */
export function bqLoadCommand(
  table: string,
  csv: string,
  sheet: RawSheet,
): { command: string; schema: string } {
  const schema = JSON.stringify(
    sheet.headers.map((header) => ({ name: header, type: 'STRING', mode: 'NULLABLE' })),
    null,
    1,
  );
  const command = `bq load --source_format=CSV --skip_leading_rows=${sheet.headerRow} --allow_quoted_newlines --preserve_ascii_control_characters --column_name_character_map=V2 shop.${table} ${csv} ${table}.schema.json`;
  return { command, schema };
}

function take(argv: string[], names: string[]): { value?: string; rest: string[] } {
  const rest: string[] = [];
  let value: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const name = names.find((n) => arg === n || arg.startsWith(`${n}=`));
    if (!name) {
      rest.push(arg);
      continue;
    }
    value = arg === name ? argv[++i] : arg.slice(name.length + 1);
  }
  return { value, rest };
}

export async function sqlMain(argv: string[], io: CliIo): Promise<number> {
  try {
    const dialect = take(argv, ['--dialect']);
    const output = take(dialect.rest, ['-o', '--output']);
    if (dialect.value !== 'bigquery' && dialect.value !== 'duckdb')
      throw new UsageError(
        `--dialect: give bigquery or duckdb${dialect.value ? `, not "${dialect.value}"` : ''}.`,
      );
    if (!output.value) throw new UsageError('No output file: pass -o rfm.sql.');
    // The run's options are parsed by the run's parser; its .xlsx output check is not this command's.
    const args = parseArgs([...output.rest, '-o', 'unused.xlsx']);
    if (args.help) {
      io.stdout.write(
        'segment-tabs sql INVOICES.csv [CUSTOMERS.csv] --dialect bigquery|duckdb [--as-of, --tz, --levels, --metrics, --breakpoints, --monetary, --segments, --map, --date-order] -o rfm.sql\n',
      );
      return 0;
    }
    const language = args.language;
    const inputs = args.inputs.map((input) => resolve(io.cwd, input));
    if (inputs.some((input) => !/\.csv$/i.test(input)))
      throw new UsageError('sql reads .csv exports (what bq load loads): save each sheet as CSV.');
    const readJson = (file: string) => JSON.parse(readFileSync(resolve(io.cwd, file), 'utf8')) as unknown;
    const map = args.mapFile
      ? checkColumnMap(
          args.mapFile.trim().startsWith('{') ? JSON.parse(args.mapFile) : readJson(args.mapFile),
          args.mapFile,
        )
      : undefined;
    const read = { map, dateOrder: args.dateOrder, language };
    const invoiceTable = sampleTable(inputs[0]!, 'invoices', read);
    const customerTable = inputs[1] ? sampleTable(inputs[1], 'customers', read) : undefined;
    const options: SqlOptions = {
      dialect: dialect.value,
      invoices: rawSheet(invoiceTable),
      ...(customerTable ? { customers: rawSheet(customerTable) } : {}),
      moneyDigits: Math.max(invoiceTable.moneyDigits, customerTable?.moneyDigits ?? 0),
      asOf: args.asOf,
      timeZone: args.timeZone,
      levels: args.levels,
      metrics: args.metrics,
      monetary: args.monetary,
      ...(args.breakpointsFile
        ? { breakpoints: checkBreakpoints(readJson(args.breakpointsFile), args.breakpointsFile, args.levels) }
        : {}),
      ...(args.segmentsFile
        ? { filterSegments: checkFilterSegments(readJson(args.segmentsFile), args.segmentsFile) }
        : {}),
      language,
    };
    writeFileSync(resolve(io.cwd, output.value), buildSql(options));
    const lines = [
      say(
        language,
        `Đã ghi ${output.value}. Nạp dữ liệu vào BigQuery:`,
        `Wrote ${output.value}. Load the exports into BigQuery:`,
      ),
    ];
    const loads: [string, string, RawSheet][] = [[RAW_TABLES.invoices, args.inputs[0]!, options.invoices]];
    if (options.customers) loads.push([RAW_TABLES.customers, args.inputs[1]!, options.customers]);
    for (const [table, csv, sheet] of loads) {
      const { command, schema } = bqLoadCommand(table, csv, sheet);
      writeFileSync(resolve(io.cwd, `${table}.schema.json`), schema + '\n');
      lines.push(`  ${command}`);
    }
    lines.push(`  bq query --use_legacy_sql=false --dataset_id=shop < ${output.value}`);
    io.stdout.write(lines.join('\n') + '\n');
    return 0;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`segment-tabs sql: ${message}\n`);
    return error instanceof UsageError ? 2 : 1;
  }
}
