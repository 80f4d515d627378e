/**
 * The workbook the command line writes for the sample shop, opened by LibreOffice (Debian's libreoffice-calc)
 * headless: converted to PDF (it renders: a real, multi-page document) and to flat OpenDocument (every tab is
 * there under its name, each segment tab with its segment's tab colour, the native charts plotting the tabs'
 * cells and the print setup, as LibreOffice itself read them).
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

/** The XML of one table (tab) of a flat ODS document, its drawings and embedded charts included. */
function odsTable(fods: string, name: string): string {
  const start = fods.indexOf(`<table:table table:name="${name}"`);
  if (start < 0) return '';
  // Embedded charts hold tables of their own ("local-table"): the tab ends at the next top-level tab.
  const next = fods.slice(start + 1).search(/<table:table table:name="(?!local-table)/);
  return next < 0 ? fods.slice(start) : fods.slice(start, start + 1 + next);
}

/** The page layout LibreOffice prints a tab with: its table style → master page → page-layout properties. */
function odsPageLayout(fods: string, name: string): string {
  const style = new RegExp(`<table:table table:name="${name}" table:style-name="([^"]+)"`).exec(fods)?.[1];
  const master = new RegExp(
    `<style:style style:name="${style}" style:family="table" style:master-page-name="([^"]+)"`,
  ).exec(fods)?.[1];
  const layout = new RegExp(
    `<style:master-page style:name="${master}"[^>]*style:page-layout-name="([^"]+)"`,
  ).exec(fods)?.[1];
  return (
    new RegExp(
      `<style:page-layout style:name="${layout}"[^>]*>\\s*<style:page-layout-properties([^>]*)>`,
    ).exec(fods)?.[1] ?? ''
  );
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

  it('reads every tab under its name, each segment tab with its segment colour, the charts and print setup', async () => {
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

    // The native charts, as LibreOffice read them: customers per segment from the Summary's own cells (one bar
    // per segment, rows 3 onwards), the predictions' check, and the History's counts over time.
    const summaryTab = odsTable(fods, 'Tổng quan RFM');
    const segmentRows = summary.segments.filter((segment) => segment.kind === 'rfm').length;
    expect(summaryTab.match(/chart:class="chart:bar"/g)?.length).toBeGreaterThanOrEqual(2);
    expect(summaryTab).toContain('<text:p>Khách hàng theo phân khúc</text:p>');
    expect(summaryTab).toContain(
      `chart:values-cell-range-address="&apos;Tổng quan RFM&apos;.B3:&apos;Tổng quan RFM&apos;.B${2 + segmentRows}"`,
    );
    const historyTab = odsTable(fods, 'Lịch sử phân khúc');
    expect(historyTab).toContain('chart:class="chart:line"');
    expect(historyTab).toContain('<text:p>Khách hàng theo phân khúc qua các lần chạy</text:p>');

    // Print setup: the Summary landscape, one page wide and at most two pages tall; the Customers tab one page
    // wide with its header row repeated on every page.
    expect(odsPageLayout(fods, 'Tổng quan RFM')).toMatch(
      /style:print-orientation="landscape".*style:scale-to-X="1" style:scale-to-Y="2"/,
    );
    expect(odsPageLayout(fods, 'Khách hàng RFM')).toContain('style:scale-to-X="1"');
    expect(odsTable(fods, 'Khách hàng RFM')).toContain('<table:table-header-rows>');

    // The Portraits tab, as LibreOffice read it: the champions' block title with its size from --json.
    expect(read.get('Chân dung phân khúc')).toBe('#8430ce');
    const champions = summary.portraits!.groups.find((group) => group.id === 'champions')!;
    expect(fods).toContain(`Khách hàng xuất sắc (${champions.customers} khách)`);
  }, 180_000);

  it('still serves as --previous once LibreOffice has saved it again: marks, sheet ids and snapshot kept', async () => {
    const resaved = convert(xlsx, 'xlsx:Calc MS Excel 2007 XML', join(dir, 'resaved'), profile);
    const io = captureIo(dir);
    const next = join(dir, 'next.xlsx');
    const code = await main(
      [
        join(ROOT, 'sample', 'invoices.csv'),
        join(ROOT, 'sample', 'customers.csv'),
        '-o',
        next,
        '--as-of',
        '2026-12-22',
        '--previous',
        resaved,
        '--json',
      ],
      io,
    );
    expect([code, io.err()]).toEqual([0, 'hóa đơn: invoices.csv; khách hàng: customers.csv\n']);
    const movement = (await readWorkbook(next)).getWorksheet('Dịch chuyển phân khúc')!;
    expect(movement.getCell('A1').value).toBe('Từ 2026-11-22 (hàng) sang lần này (cột)');
  }, 180_000);
});
