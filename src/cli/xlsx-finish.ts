/**
 * What ExcelJS's streaming writer cannot write, added to its finished file: native charts (xlsx-charts.ts), the
 * header rows repeated on every printed page (`_xlnm.Print_Titles`), and our ownership marks as custom document
 * properties, so a later run's `--previous` finds our tabs by mark, never by name (read-previous.ts).
 *
 * The zip is opened with JSZip, which copies every entry it does not change as it was compressed: the big
 * worksheets are neither inflated nor deflated again, only the few small parts below are rewritten.
 */
import { createWriteStream, readFileSync } from 'node:fs';
import JSZip from 'jszip';
import type { TabPlan } from '../core/plan/types';
import { chartXml, drawingXml, escapeXml } from './xlsx-charts';

/** The custom document property naming our workbook; one `segment-tabs/<sheetId>` property per owned tab. */
export const MARK_PROPERTY = 'segment-tabs';
export const MARK_VERSION = '1';
/** The format id every custom property carries (the OOXML spec's user-defined property set). */
const CUSTOM_FMTID = '{D5CDD505-2E9C-101B-9397-08002B2CF9AE}';

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const CHART_TYPE = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';
const DRAWING_TYPE = 'application/vnd.openxmlformats-officedocument.drawing+xml';
const CUSTOM_TYPE = 'application/vnd.openxmlformats-officedocument.custom-properties+xml';

export interface FinishedSheet {
  tab: TabPlan;
  /** The sheet's name in the workbook. */
  name: string;
  /** ExcelJS's worksheet id: its sheetId in workbook.xml and the N of `xl/worksheets/sheetN.xml`. */
  id: number;
  /** Last row repeated at the top of every printed page (1-based), or 0 for none. */
  printTitleRows: number;
}

/** Adds or replaces a part; no folder entries (Excel's own files have none). */
function put(zip: JSZip, path: string, content: string): void {
  zip.file(path, content, { createFolders: false });
}

function text(zip: JSZip, path: string): Promise<string> {
  const file = zip.file(path);
  if (!file) throw new Error(`the written workbook has no ${path}`);
  return file.async('string');
}

function relationships(entries: { id: string; type: string; target: string }[]): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    entries
      .map((entry) => `<Relationship Id="${entry.id}" Type="${entry.type}" Target="${entry.target}"/>`)
      .join('') +
    '</Relationships>'
  );
}

function quotedSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

function customProperties(sheets: FinishedSheet[]): string {
  const properties: [string, string][] = [
    [MARK_PROPERTY, MARK_VERSION],
    ...sheets.map((sheet): [string, string] => [
      `${MARK_PROPERTY}/${sheet.id}`,
      `${sheet.tab.role} ${sheet.tab.key}`,
    ]),
  ];
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
    properties
      .map(
        ([name, value], i) =>
          `<property fmtid="${CUSTOM_FMTID}" pid="${i + 2}" name="${escapeXml(name)}"><vt:lpwstr>${escapeXml(value)}</vt:lpwstr></property>`,
      )
      .join('') +
    '</Properties>'
  );
}

/** Adds charts, print titles and marks to the workbook at `source`, writing the result to `target`. */
export async function finishWorkbook(source: string, target: string, sheets: FinishedSheet[]): Promise<void> {
  const zip = await JSZip.loadAsync(readFileSync(source));
  const overrides: string[] = [];
  let chartNumber = 0;
  let drawingNumber = 0;
  for (const sheet of sheets) {
    const charts = sheet.tab.charts
      .map((chart) => ({ chart, xml: chartXml(sheet.tab, chart, sheet.name) }))
      .filter(
        (made): made is { chart: (typeof sheet.tab.charts)[number]; xml: string } => made.xml !== undefined,
      );
    if (charts.length === 0) continue;
    drawingNumber++;
    const relIds: string[] = [];
    const drawingRels = charts.map((made, i) => {
      chartNumber++;
      put(zip, `xl/charts/chart${chartNumber}.xml`, made.xml);
      overrides.push(`<Override PartName="/xl/charts/chart${chartNumber}.xml" ContentType="${CHART_TYPE}"/>`);
      relIds.push(`rId${i + 1}`);
      return { id: `rId${i + 1}`, type: `${REL}/chart`, target: `../charts/chart${chartNumber}.xml` };
    });
    put(
      zip,
      `xl/drawings/drawing${drawingNumber}.xml`,
      drawingXml(
        charts.map((made) => made.chart.anchor),
        relIds,
      ),
    );
    put(zip, `xl/drawings/_rels/drawing${drawingNumber}.xml.rels`, relationships(drawingRels));
    overrides.push(
      `<Override PartName="/xl/drawings/drawing${drawingNumber}.xml" ContentType="${DRAWING_TYPE}"/>`,
    );

    const sheetPath = `xl/worksheets/sheet${sheet.id}.xml`;
    const relsPath = `xl/worksheets/_rels/sheet${sheet.id}.xml.rels`;
    const existing = zip.file(relsPath) ? await text(zip, relsPath) : undefined;
    const drawingRelId = 'rIdSegmentTabsDrawing';
    const drawingRel = `<Relationship Id="${drawingRelId}" Type="${REL}/drawing" Target="../drawings/drawing${drawingNumber}.xml"/>`;
    put(
      zip,
      relsPath,
      existing
        ? existing.replace('</Relationships>', `${drawingRel}</Relationships>`)
        : relationships([
            { id: drawingRelId, type: `${REL}/drawing`, target: `../drawings/drawing${drawingNumber}.xml` },
          ]),
    );
    // <drawing> follows pageSetup and headerFooter in the schema's order; our sheets have nothing after them.
    const xml = await text(zip, sheetPath);
    put(zip, sheetPath, xml.replace('</worksheet>', `<drawing r:id="${drawingRelId}"/></worksheet>`));
  }

  const titles = sheets
    .map((sheet, index) => ({ sheet, index }))
    .filter(({ sheet }) => sheet.printTitleRows > 0)
    .map(
      ({ sheet, index }) =>
        `<definedName name="_xlnm.Print_Titles" localSheetId="${index}">${escapeXml(quotedSheet(sheet.name))}!$1:$${sheet.printTitleRows}</definedName>`,
    );
  if (titles.length) {
    const workbook = await text(zip, 'xl/workbook.xml');
    put(
      zip,
      'xl/workbook.xml',
      workbook.includes('</definedNames>')
        ? workbook.replace('</definedNames>', `${titles.join('')}</definedNames>`)
        : workbook.replace('</sheets>', `</sheets><definedNames>${titles.join('')}</definedNames>`),
    );
  }

  put(zip, 'docProps/custom.xml', customProperties(sheets));
  overrides.push(`<Override PartName="/docProps/custom.xml" ContentType="${CUSTOM_TYPE}"/>`);
  const rootRels = await text(zip, '_rels/.rels');
  put(
    zip,
    '_rels/.rels',
    rootRels.replace(
      '</Relationships>',
      `<Relationship Id="rIdSegmentTabsCustom" Type="${REL}/custom-properties" Target="docProps/custom.xml"/></Relationships>`,
    ),
  );
  const types = await text(zip, '[Content_Types].xml');
  put(zip, '[Content_Types].xml', types.replace('</Types>', `${overrides.join('')}</Types>`));

  await new Promise<void>((resolve, reject) => {
    zip
      .generateNodeStream({ type: 'nodebuffer', compression: 'DEFLATE', streamFiles: true })
      .on('error', reject)
      .pipe(createWriteStream(target))
      .on('error', reject)
      .on('finish', resolve);
  });
}
