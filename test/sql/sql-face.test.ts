/**
 * The SQL face (issue 21) against the engine: the DuckDB dialect of the generated script, run on
 * `@duckdb/node-api` over the exports loaded as `bq load` loads them (every column VARCHAR, named by its header),
 * must give every customer the engine's R, F, M, segment, filter memberships and A/B groups; the BigQuery
 * dialect of the same builder must parse as BigQuery.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { generateShop, writeShopCsv } from '../../scripts/shop-generator.cjs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Parser } from 'node-sql-parser';
import { sampleTable, rawSheet, sqlMain } from '../../src/cli/sql-command';
import { readCsvFile } from '../../src/cli/read-csv';
import { runEngine } from '../../src/core/engine';
import { evaluateFilterSegments, type SavedFilterSegment } from '../../src/core/filter/run';
import { DEFAULT_OPTIONS, type EngineOptions } from '../../src/core/options';
import { buildSql, segmentColumn, type SqlOptions } from '../../src/sql/build-sql';
import { loadRawCsv, openDuckDb, rows } from './duckdb-run';

const AS_OF = '2026-11-22';
const ZONE = 'Asia/Ho_Chi_Minh';

const SEGMENTS: SavedFilterSegment[] = [
  {
    name: 'Khách  VIP gần đây',
    colour: '#d81b60',
    definition: 'total_spend >= 500.000 AND last_purchase >= -90d',
    enabled: true,
    abGroups: 3,
  },
  {
    name: 'Mới hoặc một lần',
    colour: '#1e88e5',
    definition: 'segment IN (new-customers, promising) OR invoices = 1',
    enabled: true,
    abGroups: 2,
  },
  {
    name: 'HCM sắp mất',
    colour: '#fb8c00',
    definition: 'city = "Hồ Chí Minh" AND NOT (r >= 4) AND first_purchase < -6m',
    enabled: true,
  },
  {
    name: 'Quận 1 trung bình',
    colour: '#43a047',
    definition: 'last_store CONTAINS "quan 1" AND average_order BETWEEN 40000 AND 90000 AND rfm != "111"',
    enabled: true,
    abGroups: 5,
  },
  { name: 'Off', colour: '#000000', definition: 'invoices > 3', enabled: false },
];

function sqlOptions(invoices: string, customers: string, dialect: SqlOptions['dialect']): SqlOptions {
  const invoiceTable = sampleTable(invoices, 'invoices', { language: 'en' });
  const customerTable = sampleTable(customers, 'customers', { language: 'en' });
  return {
    dialect,
    invoices: rawSheet(invoiceTable),
    customers: rawSheet(customerTable),
    moneyDigits: Math.max(invoiceTable.moneyDigits, customerTable.moneyDigits),
    asOf: AS_OF,
    timeZone: ZONE,
    levels: 5,
    metrics: 'rfm',
    monetary: 'total',
    filterSegments: SEGMENTS,
    language: 'vi',
  };
}

interface Comparison {
  customers: number;
  differences: string[];
  members: number[];
  issues: Record<string, number>;
}

/** Runs the engine and the DuckDB script on one shop; lists every customer whose results differ. */
async function compareShop(invoices: string, customers: string): Promise<Comparison> {
  const options = sqlOptions(invoices, customers, 'duckdb');
  const db = await openDuckDb();
  try {
    await loadRawCsv(db.connection, 'invoices_raw', invoices, options.invoices.headerRow);
    await loadRawCsv(db.connection, 'customers_raw', customers, options.customers!.headerRow);
    await db.connection.run(buildSql(options));
    const enabled = SEGMENTS.filter((segment) => segment.enabled);
    const filterColumns = enabled.flatMap((segment) => {
      const name = segment.name.replace(/\s+/g, ' ').trim();
      return [segmentColumn('segment', name), ...(segment.abGroups ? [segmentColumn('ab', name)] : [])];
    });
    const sqlRows = await rows(
      db.connection,
      `SELECT customer_key, r, f, m, segment_id, ${filterColumns.map((c) => `"${c}"`).join(', ')} FROM rfm_customers`,
    );
    const issueRows = await rows(
      db.connection,
      'SELECT problem, COUNT(*) AS n FROM rfm_issues GROUP BY problem',
    );
    const engineOptions: EngineOptions = {
      ...DEFAULT_OPTIONS,
      asOf: AS_OF,
      timeZone: ZONE,
      now: Date.parse('2026-11-22T12:00:00Z'),
      language: 'vi',
    };
    const result = runEngine(
      {
        invoices: { name: 'invoices.csv', values: readCsvFile(invoices) },
        customers: { name: 'customers.csv', values: readCsvFile(customers) },
      },
      engineOptions,
    );
    const filters = evaluateFilterSegments(SEGMENTS, result.customers, {
      asOfDay: result.summary.facts.asOfDay,
    });
    expect(filters.errors).toEqual([]);
    const bySql = new Map(sqlRows.map((row) => [String(row.customer_key), row]));
    const differences: string[] = [];
    result.customers.forEach((customer, index) => {
      const row = bySql.get(customer.key);
      const expected: Record<string, unknown> = {
        r: customer.r,
        f: customer.f,
        m: customer.m,
        segment_id: customer.segmentId,
      };
      enabled.forEach((segment, s) => {
        const filter = filters.results[s]!;
        const at = filter.memberIndexes.indexOf(index);
        const name = filter.name;
        expected[segmentColumn('segment', name)] = at >= 0;
        if (segment.abGroups) expected[segmentColumn('ab', name)] = at >= 0 ? filter.groups![at] : null;
      });
      const got =
        row &&
        Object.fromEntries(
          Object.keys(expected).map((key) => [
            key,
            typeof row[key] === 'bigint' ? Number(row[key]) : row[key],
          ]),
        );
      if (JSON.stringify(got) !== JSON.stringify(expected))
        differences.push(`${customer.key}: engine ${JSON.stringify(expected)}, SQL ${JSON.stringify(got)}`);
    });
    if (sqlRows.length !== result.customers.length)
      differences.push(`customers: engine ${result.customers.length}, SQL ${sqlRows.length}`);
    return {
      customers: result.customers.length,
      differences,
      members: filters.results.map((filter) => filter.memberIndexes.length),
      issues: Object.fromEntries(issueRows.map((row) => [String(row.problem), Number(row.n)])),
    };
  } finally {
    db.close();
  }
}

/** The 100k bench shop (bench/shops.mjs's seed), generated once into .cache/sql-test/. */
function benchShop(): { invoices: string; customers: string } {
  const dir = join(__dirname, '..', '..', '.cache', 'sql-test', '100k');
  const files = { invoices: join(dir, 'invoices.csv'), customers: join(dir, 'customers.csv') };
  const stamp = join(dir, 'generator.txt');
  const version = readFileSync(join(__dirname, '..', '..', 'scripts', 'shop-generator.cjs'), 'utf8').length;
  if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== String(version)) {
    rmSync(dir, { recursive: true, force: true });
    const shop = generateShop({ seed: 'segment-tabs-bench', invoiceRows: 100_000, asOf: AS_OF });
    writeShopCsv(shop, dir);
    writeFileSync(stamp, String(version));
  }
  return files;
}

describe('the SQL script on DuckDB gives every customer the engine’s results', () => {
  test('the sample shop: R, F, M, segment, four filter segments and their A/B groups, all 100% equal', async () => {
    const comparison = await compareShop('sample/invoices.csv', 'sample/customers.csv');
    expect(comparison.differences).toEqual([]);
    expect(comparison.customers).toBeGreaterThan(900);
    // Every filter has members, so the memberships compared are not all "no".
    for (const members of comparison.members) expect(members).toBeGreaterThan(5);
    // The pasted-twice block, the cancelled invoices and the spoiled dates are listed as the engine lists them.
    expect(comparison.issues['duplicate-row']).toBeGreaterThan(0);
    expect(comparison.issues['cancelled-invoice']).toBeGreaterThan(0);
    expect(comparison.issues['missing-date']).toBe(2);
  }, 60_000);

  test('the 100k bench shop: 100% equal', async () => {
    const shop = benchShop();
    const comparison = await compareShop(shop.invoices, shop.customers);
    expect(comparison.differences.slice(0, 10)).toEqual([]);
    expect(comparison.customers).toBeGreaterThan(9000);
  }, 120_000);
});

describe('the BigQuery dialect', () => {
  const script = buildSql(sqlOptions('sample/invoices.csv', 'sample/customers.csv', 'bigquery'));
  const statements = script
    .split(/;\n/)
    .map((statement) => statement.replace(/^(--[^\n]*\n|\s)+/, '').trim())
    .filter(Boolean);

  test('every statement parses as BigQuery SQL', () => {
    const parser = new Parser();
    expect(statements.length).toBeGreaterThanOrEqual(8);
    for (const statement of statements) {
      expect(() => parser.astify(statement, { database: 'BigQuery' })).not.toThrow();
    }
  });

  test('is written in BigQuery’s spellings: backquoted headers, SAFE_CAST, DATE_DIFF(to, from, DAY), MD5 hex', () => {
    expect(script).toContain('`Mã hóa đơn`');
    expect(script).toContain('SAFE_CAST(');
    expect(script).not.toContain('TRY_CAST(');
    expect(script).toMatch(/DATE_DIFF\(a\.day, t\.last_purchase, DAY\)/);
    expect(script).toContain("CAST(CONCAT('0x', SUBSTR(TO_HEX(MD5(");
    expect(script).toContain('CREATE OR REPLACE TABLE rfm_customers');
    // The A/B hash's separator U+001F is written as an escape, never as a raw control character.
    expect(script).toContain("'Khách VIP gần đây\\x1f' || NORMALIZE(p.customer_key, NFC)");
    // eslint-disable-next-line no-control-regex
    expect(script).not.toMatch(/[\u0000-\u0008\u000b-\u001f]/);
  });
});

describe('segment-tabs sql', () => {
  test('writes the script and prints the bq load commands, skipping the title rows above the header', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'segment-tabs-sql-'));
    let stdout = '';
    let stderr = '';
    const io = {
      stdout: { write: (text: string) => (stdout += text) },
      stderr: { write: (text: string) => (stderr += text) },
      cwd: process.cwd(),
    };
    const output = join(dir, 'rfm.sql');
    const code = await sqlMain(
      [
        join(process.cwd(), 'sample/invoices.csv'),
        join(process.cwd(), 'sample/customers.csv'),
        '--dialect',
        'bigquery',
        '--as-of',
        AS_OF,
        '-o',
        output,
      ],
      { ...io, cwd: dir },
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(readFileSync(output, 'utf8')).toContain('`Khách cần trả`');
    expect(stdout).toContain('bq load --source_format=CSV --skip_leading_rows=4');
    expect(stdout).toContain('bq load --source_format=CSV --skip_leading_rows=1');
    const schema = JSON.parse(readFileSync(join(dir, 'invoices_raw.schema.json'), 'utf8')) as {
      name: string;
      type: string;
    }[];
    expect(schema.map((column) => column.name)).toContain('Mã hóa đơn');
    expect(new Set(schema.map((column) => column.type))).toEqual(new Set(['STRING']));
    rmSync(dir, { recursive: true, force: true });
  });

  test('a filter field the script does not compute is refused, naming the segment and the field', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'segment-tabs-sql-'));
    writeFileSync(
      join(dir, 'segments.json'),
      JSON.stringify([{ name: 'Young', colour: '#ff0000', definition: 'age < 30', enabled: true }]),
    );
    let stderr = '';
    const code = await sqlMain(
      [
        join(process.cwd(), 'sample/invoices.csv'),
        '--dialect',
        'duckdb',
        '--segments',
        'segments.json',
        '-o',
        'rfm.sql',
      ],
      { stdout: { write: () => undefined }, stderr: { write: (text: string) => (stderr += text) }, cwd: dir },
    );
    expect(code).toBe(1);
    expect(stderr).toContain('Filter segment "Young": the field "age" is not computed by the SQL script');
    rmSync(dir, { recursive: true, force: true });
  });
});
