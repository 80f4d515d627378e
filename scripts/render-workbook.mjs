// Regenerates docs/workbook.png, the README's picture of the output workbook: the CLI segments the bundled sample
// shop (as `npm start` does), LibreOffice prints the workbook to PDF as it is (the Summary's own page setup:
// landscape, one page wide; its native charts), and poppler's pdftoppm turns the Summary's first page into a PNG.
//
// Needs Debian's libreoffice-calc and poppler-utils (`apt-get install libreoffice-calc poppler-utils`).
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const output = join(root, 'docs', 'workbook.png');
const LIBREOFFICE = '/usr/bin/libreoffice';
/** Pixels per inch of the PNG: a landscape A4 page becomes about 1400 × 990 pixels. */
const RESOLUTION = 120;

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

  // The Summary is the first tab: its pages come first in the PDF (page 1 is the picture).
  run(LIBREOFFICE, [
    `-env:UserInstallation=${pathToFileURL(join(work, 'profile')).href}`,
    '--headless',
    '--norestore',
    '--convert-to',
    'pdf:calc_pdf_Export:{"PageRange":{"type":"string","value":"1"}}',
    '--outdir',
    work,
    xlsx,
  ]);
  const pdf = join(work, 'segment-tabs.pdf');
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
