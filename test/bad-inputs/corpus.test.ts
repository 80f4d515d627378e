/**
 * Every case of the bad-input corpus through the command line's `main()`: the exit code, the message fragments,
 * the Data-issues rows (code and cell) and the totals it expects; and, for every case, no stack trace or
 * exception text on stdout or stderr.
 *
 * Cases marked `contract` depend on the lead engineer's concurrent work (money parsing, invoice reading, the
 * engine's run-level checks, the walk-in facts): they fail until that work is merged.
 */
import * as fs from 'node:fs';
import type { CliSummaryJson } from '../../src/cli/summary-table';
import { tempDir } from '../cli/helpers';
import { writeCorpus, type BadCase } from './corpus';
import { issueLabel, LEAKED_EXCEPTION, outputOf, readIssues, runCli } from './run-cli';

const dir = tempDir('bad-inputs');
const { cases, ready } = writeCorpus(dir);
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

beforeAll(() => ready);

/**
 * Root writes into a read-only folder anyway (permissions do not stop it), so when the tests run as root the
 * write check of that one folder answers as it does for a user: EACCES. Everything else is the real file system.
 */
let denyReadOnly = false;
jest.mock('node:fs', () => {
  const real = jest.requireActual<typeof fs>('node:fs');
  return {
    ...real,
    accessSync: (path: fs.PathLike, mode?: number) => {
      if (denyReadOnly && String(path).endsWith('read-only') && mode === real.constants.W_OK) {
        throw Object.assign(new Error(`EACCES: permission denied, access '${String(path)}'`), {
          code: 'EACCES',
        });
      }
      return real.accessSync(path, mode);
    },
  };
});

function asNonRoot<T>(testCase: BadCase, run: () => Promise<T>): Promise<T> {
  if (!isRoot || !testCase.argv.some((arg) => arg.startsWith('read-only/'))) return run();
  denyReadOnly = true;
  return run().finally(() => (denyReadOnly = false));
}

it('holds at least 80 cases, in groups', () => {
  expect(cases.length).toBeGreaterThanOrEqual(80);
  expect(new Set(cases.map((c) => c.group)).size).toBeGreaterThanOrEqual(15);
  expect(new Set(cases.map((c) => `${c.group}: ${c.name}`)).size).toBe(cases.length);
});

describe.each([...new Set(cases.map((c) => c.group))])('%s', (group) => {
  const inGroup = cases.filter((c) => c.group === group);
  it.each(inGroup.map((c) => [c.name + (c.contract ? ' [lead contract]' : ''), c] as const))(
    '%s',
    async (_, testCase) => {
      const argv = testCase.plain ? testCase.argv : [...testCase.argv, '--lang', 'en', '--json'];
      const { code, out, err } = await asNonRoot(testCase, () => runCli(argv, dir));
      const expected = testCase.expected;
      const context = `stderr: ${err.slice(0, 1500)}\nstdout: ${out.slice(0, 300)}`;
      expect(`${code} ${context}`).toBe(`${expected.code} ${context}`);
      expect(err).not.toMatch(LEAKED_EXCEPTION);
      expect(out).not.toMatch(LEAKED_EXCEPTION);
      const holds = (text: string, fragment: string | RegExp) =>
        typeof fragment === 'string' ? expect(text).toContain(fragment) : expect(text).toMatch(fragment);
      for (const fragment of expected.stderr ?? []) holds(err, fragment);
      for (const fragment of expected.stdout ?? []) holds(out, fragment);
      if (expected.stderrMax !== undefined) expect(err.length).toBeLessThanOrEqual(expected.stderrMax);
      if (code !== 0) return;

      if (!testCase.plain) {
        const json = JSON.parse(out) as CliSummaryJson;
        const totals = expected.totals ?? {};
        if (totals.invoices !== undefined) expect(json.invoices).toBe(totals.invoices);
        if (totals.customers !== undefined) expect(json.customers).toBe(totals.customers);
        if (totals.revenue !== undefined) expect(json.revenue).toBe(totals.revenue);
        expected.json?.(json as unknown as Record<string, unknown>);
      }
      const output = outputOf(argv, dir);
      expect(output).toBeDefined();
      if (!expected.issues && !expected.noIssues && !expected.workbook) return;
      const { workbook, issues } = await readIssues(output!);
      for (const issue of expected.issues ?? []) {
        const found = issues.filter(
          (row) =>
            row.problem === issueLabel(issue.code) &&
            (issue.cell === undefined || row.cell === issue.cell) &&
            (issue.sheet === undefined || row.sheet === issue.sheet),
        );
        if (found.length === 0) {
          const listed = issues
            .slice(0, 15)
            .map((row) => `${row.sheet}!${row.cell} ${row.problem}: ${row.details}`);
          throw new Error(
            `No ${issue.code} issue at "${issue.cell ?? 'any cell'}". Listed:\n${listed.join('\n')}`,
          );
        }
      }
      for (const codeNot of expected.noIssues ?? []) {
        expect(issues.filter((row) => row.problem === issueLabel(codeNot))).toEqual([]);
      }
      // A cell of `0` never names a real cell (rows are 1-based): the C0 bug.
      expect(issues.filter((row) => /^[A-Z]*0$/.test(row.cell))).toEqual([]);
      expected.workbook?.(workbook);
    },
  );
});
