/**
 * The CSV reader works from the file's bytes, cell by cell, for UTF-8 files with LF or CRLF line ends (so a big
 * export is never one decoded string): it must read every file exactly as the text reader reads the decoded
 * text: the same rows, separator, problems (unclosed quotes, joined lines) and errors. Checked on every CSV of
 * the bad-input corpus, the sample shop, and seeded random files built from the pieces that trip CSV readers:
 * quotes (doubled, unclosed, in the middle of a field, over several lines), CRLF, lone CRs, separators inside
 * quotes, semicolons and tabs, blank lines, Vietnamese letters and emoji, and big cells that cross the reader's
 * windows.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CsvReadError, decodeCsv, readCsvBytes, readCsvText, type CsvReading } from '../../src/cli/read-csv';
import { writeCorpus } from '../bad-inputs/corpus';
import { random } from '../seeded-random';
import { tempDir } from './helpers';

/** The text reader's result, or its error message. */
function byText(bytes: Buffer): CsvReading | string {
  try {
    return readCsvText(decodeCsv(bytes, 'f.csv'), 'f.csv');
  } catch (error) {
    return (error as Error).message;
  }
}

function byBytes(bytes: Buffer): CsvReading | string {
  try {
    return readCsvBytes(bytes, 'f.csv');
  } catch (error) {
    if (!(error instanceof CsvReadError)) throw error;
    return error.message;
  }
}

const PIECES = [
  'HD0001',
  'Nguyễn Thị Ánh',
  '1.250.000 ₫',
  '22/11/2026 14:05',
  '',
  '"quoted, with comma"',
  '"say ""hi"""',
  '"two\nlines"',
  '"three\r\nlines, here\r\nok"',
  'mid"quote',
  '"unclosed',
  '"a"b',
  '🙂 emoji',
  ' spaced ',
  '0901234567',
  'x'.repeat(5000),
  `"${'long quoted '.repeat(600)}"`,
];

function randomFile(next: () => number): Buffer {
  const separator = [',', ';', '\t'][Math.floor(next() * 3)]!;
  const lineEnd = next() < 0.3 ? '\r\n' : '\n';
  const width = 2 + Math.floor(next() * 8);
  const lines: string[] = [];
  const rows = 1 + Math.floor(next() * 60);
  for (let r = 0; r < rows; r++) {
    if (next() < 0.05) {
      lines.push('');
      continue;
    }
    const cells = Array.from({ length: width }, () =>
      next() < 0.7 ? `v${Math.floor(next() * 1000)}` : PIECES[Math.floor(next() * PIECES.length)]!,
    );
    if (next() < 0.05) cells.push(...cells, ...cells, ...cells); // joined lines
    let line = cells.join(separator);
    if (next() < 0.03) line += '\r'; // a stray CR
    lines.push(line);
  }
  const text = lines.join(lineEnd) + (next() < 0.5 ? lineEnd : '');
  return Buffer.from((next() < 0.3 ? '\uFEFF' : '') + text, 'utf8');
}

test('seeded random files read alike from bytes and from text', () => {
  const next = random(20261201);
  for (let i = 0; i < 400; i++) {
    const bytes = randomFile(next);
    expect({ i, reading: byBytes(bytes) }).toEqual({ i, reading: byText(bytes) });
  }
});

test('every CSV of the bad-input corpus and the sample shop reads alike from bytes and from text', async () => {
  const dir = tempDir('csv-bytes');
  await writeCorpus(dir).ready;
  const files: string[] = [];
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(at, entry.name));
      else if (/\.(csv|tsv|txt)$/i.test(entry.name)) files.push(join(at, entry.name));
    }
  };
  walk(dir);
  files.push(join(__dirname, '../../sample/invoices.csv'), join(__dirname, '../../sample/customers.csv'));
  expect(files.length).toBeGreaterThan(20);
  for (const file of files) {
    const bytes = readFileSync(file);
    const text = byText(bytes);
    // Files the text reader refuses as not UTF-8 are outside the bytes reader (it hands them back).
    expect({ file, reading: byBytes(bytes) }).toEqual({ file, reading: text });
  }
});
