/**
 * The workbook the command line writes for the sample shop, opened by LibreOffice (Debian's libreoffice-calc)
 * headless: converted to PDF (it renders: a real, multi-page document) and to flat OpenDocument (every tab is
 * there under its name, each segment tab with its segment's tab colour, as LibreOffice itself read them).
 *
 * Skipped only when /usr/bin/libreoffice is absent AND the CI variable is unset: `npm test` installs the package
 * (scripts/setup-debian.sh) and CI installs it too, so there the test always runs and fails without it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { main } from '../../src/cli/main';
import type { CliSummaryJson } from '../../src/cli/summary-table';
import { SEGMENTS } from '../../src/core/rfm/segment-catalogue';
import { captureIo, readWorkbook, tempDir } from './helpers';

const LIBREOFFICE = '/usr/bin/libreoffice';
const runs = existsSync(LIBREOFFICE) || Boolean(process.env.CI);
const describeWithLibreOffice = runs ? describe : describe.skip;

const ROOT = join(__dirname, '..', '..');

/** Converts `file` with LibreOffice headless into `outDir`; a profile of its own so no running instance interferes. */
function convert(file: string, format: string, outDir: string, profile: string): string {
  const result = spawnSync(
    LIBREOFFICE,
    [
      `-env:UserInstallation=${pathToFileURL(profile).href}`,
      '--headless',
      '--norestore',
      '--convert-to',
      format,
      '--outdir',
      outDir,
      file,
    ],
    { encoding: 'utf8', timeout: 180_000 },
  );
  if (result.status !== 0) throw new Error(`libreoffice exited ${result.status}: ${result.stderr}`);
  const base = file.replace(/^.*\//, '').replace(/\.xlsx$/, '');
  return join(outDir, `${base}.${format.split(':')[0]}`);
}

/** Tab name → tab colour (`#rrggbb`, lower case) of every table in a flat ODS document. */
function odsTabColours(fods: string): Map<string, string | undefined> {
  const styleColour = new Map<string, string>();
  for (const match of fods.matchAll(
    /<style:style style:name="([^"]+)" style:family="table"[^>]*>\s*<style:table-properties[^>]*table:tab-color="(#[0-9a-fA-F]{6})"/g,
  )) {
    styleColour.set(match[1]!, match[2]!.toLowerCase());
  }
  const tabs = new Map<string, string | undefined>();
  for (const match of fods.matchAll(/<table:table table:name="([^"]+)" table:style-name="([^"]+)"/g)) {
    tabs.set(decodeXml(match[1]!), styleColour.get(match[2]!));
  }
  return tabs;
}

function decodeXml(text: string): string {
  return text
    .replace(/&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

describeWithLibreOffice('the sample workbook in LibreOffice', () => {
  const dir = tempDir('libreoffice');
  const profile = join(dir, 'lo-profile');
  const xlsx = join(dir, 'segment-tabs.xlsx');
  let summary: CliSummaryJson;

  beforeAll(async () => {
    const io = captureIo(dir);
    const code = await main(
      [
        join(ROOT, 'sample', 'invoices.csv'),
        join(ROOT, 'sample', 'customers.csv'),
        '-o',
        xlsx,
        '--as-of',
        '2026-11-22',
        '--json',
      ],
      io,
    );
    expect(code).toBe(0);
    summary = JSON.parse(io.out()) as CliSummaryJson;
  }, 120_000);

  it('renders to a multi-page PDF', () => {
    const pdf = convert(xlsx, 'pdf', join(dir, 'pdf'), profile);
    expect(existsSync(pdf)).toBe(true);
    const bytes = readFileSync(pdf);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // The Summary, the Customers tab (about a thousand rows) and the segment tabs: tens of pages, not a blank one.
    const pages = bytes.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages.length).toBeGreaterThan(20);
    expect(statSync(pdf).size).toBeGreaterThan(100_000);
  }, 180_000);

  it('reads every tab under its name, each segment tab with its segment colour', async () => {
    // The colours the CLI wrote, as the .xlsx holds them (ExcelJS reads tabColor back from the sheet XML).
    const workbook = await readWorkbook(xlsx);
    const written = new Map(
      workbook.worksheets.map((sheet) => [
        sheet.name,
        (sheet.properties.tabColor as { argb?: string } | undefined)?.argb?.slice(2).toLowerCase(),
      ]),
    );
    expect([...written.keys()]).toEqual(summary.tabs);

    const fods = readFileSync(convert(xlsx, 'fods', join(dir, 'fods'), profile), 'utf8');
    const read = odsTabColours(fods);
    expect([...read.keys()]).toEqual(summary.tabs);
    for (const [name, colour] of written) {
      expect({ name, colour: read.get(name) }).toEqual({ name, colour: colour ? `#${colour}` : undefined });
    }

    // Each RFM segment present in the run has its tab, in the segment's colour (Vietnamese names: --lang vi).
    const present = summary.segments.filter((segment) => segment.kind === 'rfm' && segment.customers > 0);
    expect(present.length).toBeGreaterThan(8);
    for (const segment of present) {
      const catalogue = SEGMENTS.find((entry) => entry.id === segment.id)!;
      expect({ tab: segment.name, colour: read.get(segment.name) }).toEqual({
        tab: catalogue.name.vi,
        colour: catalogue.colour.toLowerCase(),
      });
    }
    // Vietnamese text survives the round trip (the Summary names its segments).
    expect(fods).toContain('Khách hàng xuất sắc');
    // The Portraits tab, as LibreOffice read it: the champions' block title with its size from --json.
    expect(read.get('Chân dung phân khúc')).toBe('#8430ce');
    const champions = summary.portraits!.groups.find((group) => group.id === 'champions')!;
    expect(fods).toContain(`Khách hàng xuất sắc (${champions.customers} khách)`);
  }, 180_000);
});
