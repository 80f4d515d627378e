/**
 * Native Excel charts (DrawingML) for the plan's `ChartPlan`s: the XML of one chart part and of the drawing that
 * places a sheet's charts. write-xlsx.ts adds them beside the sheets they sit on.
 *
 * Each series refers to the block's cells (`'RFM Summary'!$B$3:$B$14`), so Excel and LibreOffice redraw a chart
 * when the shop edits a number, and carries a cache of the plotted values, so a viewer that does not recalculate
 * still draws it. A bar or column chart of one series paints each bar in the colour of its label cell (the
 * segment chips); the lines of a chart over time take their segment's colour when the series is named after one.
 */
import { columnLetter } from '../core/cell';
import type { BlockPlan, ChartPlan, PlanValue, TabPlan } from '../core/plan/types';
import { SEGMENTS } from '../core/rfm/segment-catalogue';
import { xmlText } from './xlsx-stream';

/** English Metric Units per pixel at 96 dpi. */
const EMU_PER_PIXEL = 9525;
export const CHART_WIDTH_PIXELS = 560;
export const CHART_HEIGHT_PIXELS = 340;
/** Series colours when neither a chip nor a segment name gives one (Google Sheets' default palette). */
const PALETTE = ['4285F4', 'DB4437', 'F4B400', '0F9D58', 'AB47BC', '00ACC1', 'FF7043', '9E9D24', '5C6BC0'];

const SEGMENT_COLOUR_BY_NAME = new Map<string, string>(
  SEGMENTS.flatMap((segment) => [
    [segment.name.vi, segment.colour],
    [segment.name.en, segment.colour],
  ]),
);

/** `'Sheet name'!$A$3:$A$14`, quotes doubled as Excel wants. */
function rangeReference(sheet: string, column: number, fromRow: number, toRow: number): string {
  const letters = columnLetter(column - 1);
  const quoted = `'${sheet.replace(/'/g, "''")}'`;
  return fromRow === toRow
    ? `${quoted}!$${letters}$${fromRow}`
    : `${quoted}!$${letters}$${fromRow}:$${letters}$${toRow}`;
}

function hex(colour: string): string {
  return colour.replace('#', '').toUpperCase();
}

function fill(colour: string): string {
  return `<c:spPr><a:solidFill><a:srgbClr val="${colour}"/></a:solidFill></c:spPr>`;
}

function lineFill(colour: string): string {
  return `<c:spPr><a:ln w="28575" cap="rnd"><a:solidFill><a:srgbClr val="${colour}"/></a:solidFill><a:round/></a:ln></c:spPr>`;
}

function stringCache(values: string[]): string {
  const points = values.map((value, i) => `<c:pt idx="${i}"><c:v>${xmlText(value)}</c:v></c:pt>`).join('');
  return `<c:strCache><c:ptCount val="${values.length}"/>${points}</c:strCache>`;
}

function numberCache(values: PlanValue[]): string {
  const points = values
    .map((value, i) =>
      typeof value === 'number' && Number.isFinite(value)
        ? `<c:pt idx="${i}"><c:v>${value}</c:v></c:pt>`
        : '',
    )
    .join('');
  return `<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${values.length}"/>${points}</c:numCache>`;
}

function titleXml(title: string): string {
  return (
    '<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1200" b="1"/></a:pPr>' +
    `<a:r><a:rPr lang="en-US" sz="1200" b="1"/><a:t>${xmlText(title)}</a:t></a:r></a:p></c:rich></c:tx>` +
    '<c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>'
  );
}

const CATEGORY_AXIS = 500100;
const VALUE_AXIS = 500200;

function axes(kind: ChartPlan['kind']): string {
  // A horizontal bar chart lists its categories top to bottom in the table's order (reversed axis), with the
  // value axis kept at the bottom.
  const horizontal = kind === 'bar';
  const common = '<c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>';
  return (
    `<c:catAx><c:axId val="${CATEGORY_AXIS}"/><c:scaling><c:orientation val="${horizontal ? 'maxMin' : 'minMax'}"/></c:scaling>` +
    `<c:delete val="0"/><c:axPos val="${horizontal ? 'l' : 'b'}"/><c:numFmt formatCode="General" sourceLinked="1"/>${common}` +
    `<c:crossAx val="${VALUE_AXIS}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="${VALUE_AXIS}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="${horizontal ? 'b' : 'l'}"/><c:majorGridlines><c:spPr><a:ln w="6350"><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>` +
    `<c:numFmt formatCode="#,##0" sourceLinked="0"/>${common}<c:crossAx val="${CATEGORY_AXIS}"/>` +
    `<c:crosses val="${horizontal ? 'max' : 'autoZero'}"/><c:crossBetween val="between"/></c:valAx>`
  );
}

/** Where a block's header and data rows sit on the sheet (1-based rows and columns). */
function blockCells(block: BlockPlan): {
  headerRow: number;
  firstRow: number;
  lastRow: number;
  left: number;
} {
  const headerRow = block.anchor.row + (block.title ? 1 : 0);
  return {
    headerRow,
    firstRow: headerRow + 1,
    lastRow: headerRow + block.rows.length,
    left: block.anchor.column,
  };
}

/** The chart part's XML for `chart` on `tab` (written as sheet `sheetName`), or undefined when it plots nothing. */
export function chartXml(tab: TabPlan, chart: ChartPlan, sheetName: string): string | undefined {
  const block = tab.blocks.find((candidate) => candidate.id === chart.blockId);
  if (!block || block.rows.length === 0 || chart.valueColumns.length === 0) return undefined;
  const { headerRow, firstRow, lastRow, left } = blockCells(block);
  const labels = block.rows.map((row) => String(row[chart.labelColumn] ?? ''));
  const categories =
    `<c:cat><c:strRef><c:f>${xmlText(rangeReference(sheetName, left + chart.labelColumn, firstRow, lastRow))}</c:f>` +
    `${stringCache(labels)}</c:strRef></c:cat>`;
  const chips = block.cellColours;
  const labelChips =
    chips && chart.labelColumn >= chips.fromColumn
      ? chips.colours.map((row) => row[chart.labelColumn - chips.fromColumn] ?? null)
      : undefined;
  const single = chart.valueColumns.length === 1;
  const series = chart.valueColumns.map((column, i) => {
    const name = block.columns[column]?.header ?? '';
    const colour = hex(SEGMENT_COLOUR_BY_NAME.get(name) ?? `#${PALETTE[i % PALETTE.length]!}`);
    const head =
      `<c:idx val="${i}"/><c:order val="${i}"/><c:tx><c:strRef><c:f>${xmlText(rangeReference(sheetName, left + column, headerRow, headerRow))}</c:f>` +
      `${stringCache([name])}</c:strRef></c:tx>`;
    const values =
      `<c:val><c:numRef><c:f>${xmlText(rangeReference(sheetName, left + column, firstRow, lastRow))}</c:f>` +
      `${numberCache(block.rows.map((row) => row[column] ?? null))}</c:numRef></c:val>`;
    const points =
      single && labelChips && chart.kind !== 'line'
        ? labelChips
            .map((chip, p) =>
              chip
                ? `<c:dPt><c:idx val="${p}"/>${chart.kind === 'pie' ? '' : '<c:invertIfNegative val="0"/>'}<c:bubble3D val="0"/>${fill(hex(chip))}</c:dPt>`
                : '',
            )
            .join('')
        : '';
    if (chart.kind === 'line') {
      return `<c:ser>${head}${lineFill(colour)}<c:marker><c:symbol val="circle"/><c:size val="5"/>${fill(colour)}</c:marker>${categories}${values}<c:smooth val="0"/></c:ser>`;
    }
    if (chart.kind === 'pie') return `<c:ser>${head}${points}${categories}${values}</c:ser>`;
    return `<c:ser>${head}${fill(colour)}<c:invertIfNegative val="0"/>${points}${categories}${values}</c:ser>`;
  });
  const axisIds = `<c:axId val="${CATEGORY_AXIS}"/><c:axId val="${VALUE_AXIS}"/>`;
  let plot: string;
  if (chart.kind === 'pie') {
    plot = `<c:pieChart><c:varyColors val="1"/>${series.join('')}<c:firstSliceAng val="0"/></c:pieChart>`;
  } else if (chart.kind === 'line') {
    plot = `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${series.join('')}<c:marker val="1"/>${axisIds}</c:lineChart>${axes(chart.kind)}`;
  } else {
    plot =
      `<c:barChart><c:barDir val="${chart.kind === 'bar' ? 'bar' : 'col'}"/><c:grouping val="clustered"/><c:varyColors val="0"/>` +
      `${series.join('')}<c:gapWidth val="50"/>${axisIds}</c:barChart>${axes(chart.kind)}`;
  }
  // One series needs no legend (the title names it), as the add-on's charts have none.
  const legend =
    single && chart.kind !== 'pie' ? '' : '<c:legend><c:legendPos val="r"/><c:overlay val="0"/></c:legend>';
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    '<c:roundedCorners val="0"/><c:chart>' +
    titleXml(chart.title) +
    `<c:plotArea><c:layout/>${plot}</c:plotArea>${legend}<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    '<c:spPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:ln><a:noFill/></a:ln></c:spPr></c:chartSpace>'
  );
}

/** The drawing part placing charts (`relIds[i]` is chart i's relationship id) at their plan anchors. */
export function drawingXml(anchors: ChartPlan['anchor'][], relIds: string[]): string {
  const frames = anchors.map(
    (anchor, i) =>
      `<xdr:oneCellAnchor><xdr:from><xdr:col>${anchor.column - 1}</xdr:col><xdr:colOff>0</xdr:colOff>` +
      `<xdr:row>${anchor.row - 1}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
      `<xdr:ext cx="${CHART_WIDTH_PIXELS * EMU_PER_PIXEL}" cy="${CHART_HEIGHT_PIXELS * EMU_PER_PIXEL}"/>` +
      `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="Chart ${i + 1}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
      '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">' +
      `<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="${relIds[i]!}"/></a:graphicData></a:graphic></xdr:graphicFrame>` +
      '<xdr:clientData/></xdr:oneCellAnchor>',
  );
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    frames.join('') +
    '</xdr:wsDr>'
  );
}
