// Regenerates docs/workbook.png, the README's picture of the output workbook: the CLI segments the bundled sample
// shop (as `npm start` does), LibreOffice renders the Summary tab to PDF, poppler's pdftoppm turns the first page
// into a PNG.
//
// Needs Debian's libreoffice-calc and poppler-utils (`apt-get install libreoffice-calc poppler-utils`).
// The Summary is printed landscape and fitted to the page width in a copy of the workbook (the CLI's own file
// keeps its print settings), so the picture shows every column of the Summary as the sheet shows them.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const output = join(root, 'docs', 'workbook.png');
const LIBREOFFICE = '/usr/bin/libreoffice';
/** Pixels per inch of the PNG: a landscape letter page becomes about 1100 × 850 pixels. */
const RESOLUTION = 100;

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, encoding: 'utf8', timeout: 300_000 });
  if (result.status !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} failed (${result.status}): ${result.stderr || result.error}`,
    );
  }
  return result.stdout;
}

for (const [tool, hint] of [
  [LIBREOFFICE, 'libreoffice-calc'],
  ['/usr/bin/pdftoppm', 'poppler-utils'],
]) {
  if (!existsSync(tool)) throw new Error(`${tool} is missing: apt-get install ${hint}`);
}

const work = mkdtempSync(join(tmpdir(), 'segment-tabs-render-'));
try {
  run(process.execPath, [join(root, 'scripts', 'build-cli.mjs')]);
  const xlsx = join(work, 'segment-tabs.xlsx');
  run(process.execPath, [
    join(root, 'bin', 'segment-tabs.js'),
    join(root, 'sample', 'invoices.csv'),
    join(root, 'sample', 'customers.csv'),
    '-o',
    xlsx,
    '--as-of',
    '2026-11-22',
  ]);

  // Only the Summary is rendered: the first tab, printed landscape, one page wide.
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(xlsx);
  const [summary, ...others] = workbook.worksheets;
  for (const sheet of others) workbook.removeWorksheet(sheet.id);
  summary.pageSetup = {
    ...summary.pageSetup,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    margins: { left: 0.3, right: 0.3, top: 0.3, bottom: 0.3, header: 0, footer: 0 },
  };
  const summaryXlsx = join(work, 'summary.xlsx');
  await workbook.xlsx.writeFile(summaryXlsx);

  run(LIBREOFFICE, [
    `-env:UserInstallation=${pathToFileURL(join(work, 'profile')).href}`,
    '--headless',
    '--norestore',
    '--convert-to',
    'pdf',
    '--outdir',
    work,
    summaryXlsx,
  ]);
  const pdf = join(work, 'summary.pdf');
  run('/usr/bin/pdftoppm', [
    '-f',
    '1',
    '-l',
    '1',
    '-r',
    String(RESOLUTION),
    '-png',
    '-singlefile',
    pdf,
    join(work, 'page'),
  ]);
  mkdirSync(dirname(output), { recursive: true });
  copyFileSync(join(work, 'page.png'), output);
  console.log(`Wrote ${output}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
