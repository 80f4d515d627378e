/**
 * Test helpers for the SQL face: load a CSV export into DuckDB as the raw table `bq load` would make (every
 * column VARCHAR named by its header, the rows down to the header skipped), run a generated script, read rows.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';

export async function openDuckDb(): Promise<{ connection: DuckDBConnection; close: () => void }> {
  const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
  const connection = await instance.connect();
  return {
    connection,
    close: () => {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

function quote(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/** Loads `csv` as `table`: header on `headerRow` (1-based), all columns VARCHAR, names exactly the headers. */
export async function loadRawCsv(
  connection: DuckDBConnection,
  table: string,
  csv: string,
  headerRow: number,
): Promise<void> {
  await connection.run(
    `CREATE OR REPLACE TABLE ${table} AS SELECT * FROM read_csv(${quote(csv)}, header = true, all_varchar = true, skip = ${headerRow - 1}, normalize_names = false, null_padding = true, strict_mode = false, auto_detect = true, delim = ',', quote = '"', escape = '"')`,
  );
}

export async function rows(connection: DuckDBConnection, query: string): Promise<Record<string, unknown>[]> {
  const reader = await connection.runAndReadAll(query);
  return reader.getRowObjectsJS() as Record<string, unknown>[];
}
