/**
 * The installed command: scripts/build-cli.mjs bundles the CLI into dist-cli/, and bin/segment-tabs.js runs it
 * as `npx segment-tabs` would, in a child process (exit codes, stdout through a pipe).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from './helpers';
import { makeShop, toCsv } from './shop-fixture';

const root = join(__dirname, '..', '..');
const bin = join(root, 'bin', 'segment-tabs.js');

beforeAll(() => {
  execFileSync(process.execPath, [join(root, 'scripts', 'build-cli.mjs')], { stdio: 'pipe' });
});

function segmentTabs(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8' });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

describe('bin/segment-tabs.js', () => {
  const dir = tempDir('bin');
  writeFileSync(join(dir, 'hoa-don.csv'), toCsv(makeShop().invoices, ';'));

  it('prints the help', () => {
    const { code, out } = segmentTabs(['--help', '--lang', 'en'], dir);
    expect(code).toBe(0);
    expect(out).toContain(
      'Usage:\n  segment-tabs <input.xlsx | invoices.csv [customers.csv]> -o out.xlsx [options]',
    );
  });

  it('runs a shop file and prints its JSON summary through a pipe', () => {
    const { code, out, err } = segmentTabs(
      ['hoa-don.csv', '-o', 'ket-qua.xlsx', '--as-of', 'latest', '--json'],
      dir,
    );
    expect(err).toBe('hóa đơn: hoa-don.csv\n');
    expect(code).toBe(0);
    const summary = JSON.parse(out) as { output: string; customers: number; tabs: string[] };
    expect(summary.output).toBe(join(dir, 'ket-qua.xlsx'));
    expect(summary.customers).toBe(38);
    expect(summary.tabs[0]).toBe('Tổng quan RFM');
  });

  it('exits non-zero with the message on stderr', () => {
    expect(segmentTabs(['khong-co.csv', '-o', 'a.xlsx', '--lang', 'en'], dir)).toEqual({
      code: 1,
      out: '',
      err: `segment-tabs: File not found: ${join(dir, 'khong-co.csv')}\n`,
    });
    expect(segmentTabs(['hoa-don.csv'], dir).code).toBe(2);
  });
});
