/**
 * Embedded charts and conditional-format rules: recorded, not drawn.
 * https://developers.google.com/apps-script/reference/spreadsheet/embedded-chart-builder
 * https://developers.google.com/apps-script/reference/spreadsheet/conditional-format-rule-builder
 */
import { instrument } from './core';
import { BooleanCriteria, ChartType, enumName } from './enums';
import { a1Notation, normaliseColour } from './a1';
import type { ChartRecord, RuleRecord, SheetState } from './grid';
import { EmuRange } from './range';
import type { World } from './world';

type Range = GoogleAppsScript.Spreadsheet.Range;

function rangeState(range: Range | EmuRange): EmuRange {
  if (!(range instanceof EmuRange)) throw new Error('The emulator only accepts ranges it created');
  return range;
}

let nextChartId = 1;

export class EmuEmbeddedChart {
  constructor(
    readonly core: World,
    readonly record: ChartRecord,
    /** The sheet the chart is on once inserted. */
    readonly sheet: SheetState,
  ) {}

  /** Null until the chart is inserted (EmbeddedChart.getChartId: "null if the chart is not embedded"). */
  getChartId(): number | null {
    return this.record.id ? Number(this.record.id.replace('chart-', '')) : null;
  }

  getId(): string {
    return this.record.id;
  }

  getRanges(): EmuRange[] {
    return this.record.ranges.map(
      (r) => new EmuRange(this.core, r.sheet, r.row, r.column, r.numRows, r.numColumns),
    );
  }

  getOptions(): { get(option: string): unknown } {
    const options = { ...this.record.options };
    return { get: (option: string) => options[option] ?? null };
  }

  getContainerInfo(): {
    getAnchorRow(): number;
    getAnchorColumn(): number;
    getOffsetX(): number;
    getOffsetY(): number;
  } {
    const anchor = { ...this.record.anchor };
    return {
      getAnchorRow: () => anchor.row,
      getAnchorColumn: () => anchor.column,
      getOffsetX: () => anchor.offsetX,
      getOffsetY: () => anchor.offsetY,
    };
  }

  modify(): EmuEmbeddedChartBuilder {
    return new EmuEmbeddedChartBuilder(this.core, this.sheet, structuredCloneRecord(this.record));
  }
}
instrument(EmuEmbeddedChart, 'EmbeddedChart');

function structuredCloneRecord(record: ChartRecord): ChartRecord {
  return {
    ...record,
    ranges: [...record.ranges],
    anchor: { ...record.anchor },
    options: { ...record.options },
  };
}

export class EmuEmbeddedChartBuilder {
  private readonly record: ChartRecord;

  constructor(
    readonly core: World,
    private readonly sheet: SheetState,
    record?: ChartRecord,
  ) {
    this.record = record ?? {
      id: '',
      type: ChartType.LINE,
      ranges: [],
      anchor: { row: 1, column: 1, offsetX: 0, offsetY: 0 },
      options: {},
      numHeaders: null,
    };
  }

  setChartType(type: GoogleAppsScript.Charts.ChartType): this {
    this.record.type = enumName(type);
    return this;
  }

  addRange(range: Range | EmuRange): this {
    const r = rangeState(range);
    this.record.ranges.push({
      sheet: r.sheet,
      a1: `${r.sheet.name}!${a1Notation(r.row, r.column, r.numRows, r.numColumns)}`,
      row: r.row,
      column: r.column,
      numRows: r.numRows,
      numColumns: r.numColumns,
    });
    return this;
  }

  removeRange(range: Range | EmuRange): this {
    const r = rangeState(range);
    this.record.ranges = this.record.ranges.filter(
      (x) =>
        !(
          x.sheet === r.sheet &&
          x.row === r.row &&
          x.column === r.column &&
          x.numRows === r.numRows &&
          x.numColumns === r.numColumns
        ),
    );
    return this;
  }

  clearRanges(): this {
    this.record.ranges = [];
    return this;
  }

  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): this {
    this.record.anchor = { row: anchorRowPos, column: anchorColPos, offsetX, offsetY };
    return this;
  }

  setOption(option: string, value: unknown): this {
    this.record.options[option] = value;
    return this;
  }

  setNumHeaders(headers: number): this {
    this.record.numHeaders = headers;
    return this;
  }

  getChartType(): string {
    return this.record.type;
  }

  build(): EmuEmbeddedChart {
    return new EmuEmbeddedChart(this.core, structuredCloneRecord(this.record), this.sheet);
  }
}
instrument(EmuEmbeddedChartBuilder, 'EmbeddedChartBuilder');

/** Gives an inserted chart its id. */
export function chartForInsert(chart: EmuEmbeddedChart): ChartRecord {
  const record = structuredCloneRecord(chart.record);
  if (!record.id) record.id = `chart-${nextChartId++}`;
  chart.record.id = record.id;
  return record;
}

function emptyRule(): RuleRecord {
  return { ranges: [], condition: null, format: {}, gradient: null };
}

function cloneRule(rule: RuleRecord): RuleRecord {
  return {
    ranges: [...rule.ranges],
    condition: rule.condition ? { type: rule.condition.type, values: [...rule.condition.values] } : null,
    format: { ...rule.format },
    gradient: rule.gradient ? { ...rule.gradient } : null,
  };
}

export class EmuConditionalFormatRule {
  constructor(
    readonly core: World,
    readonly record: RuleRecord,
  ) {}

  getRanges(): EmuRange[] {
    return this.record.ranges.map(
      (r) => new EmuRange(this.core, r.sheet, r.row, r.column, r.numRows, r.numColumns),
    );
  }

  /** Null for a gradient rule. */
  getBooleanCondition(): {
    getCriteriaType(): string;
    getCriteriaValues(): unknown[];
    getBackground(): string | null;
    getFontColor(): string | null;
    getBold(): boolean | null;
  } | null {
    const { condition, format } = this.record;
    if (!condition) return null;
    return {
      getCriteriaType: () => condition.type,
      getCriteriaValues: () => [...condition.values],
      getBackground: () => format.background ?? null,
      getFontColor: () => format.fontColor ?? null,
      getBold: () => format.bold ?? null,
    };
  }

  /** Null for a boolean rule. */
  getGradientCondition(): {
    getMinColor(): string | null;
    getMidColor(): string | null;
    getMaxColor(): string | null;
    getMinType(): string | null;
    getMinValue(): string | null;
    getMaxType(): string | null;
    getMaxValue(): string | null;
  } | null {
    const gradient = this.record.gradient;
    if (!gradient) return null;
    return {
      getMinColor: () => gradient.min?.colour ?? null,
      getMidColor: () => gradient.mid?.colour ?? null,
      getMaxColor: () => gradient.max?.colour ?? null,
      getMinType: () => gradient.min?.type ?? null,
      getMinValue: () => gradient.min?.value ?? null,
      getMaxType: () => gradient.max?.type ?? null,
      getMaxValue: () => gradient.max?.value ?? null,
    };
  }

  copy(): EmuConditionalFormatRuleBuilder {
    return new EmuConditionalFormatRuleBuilder(this.core, cloneRule(this.record));
  }
}
instrument(EmuConditionalFormatRule, 'ConditionalFormatRule');

/** A boolean condition replaces a gradient (a rule is one or the other). */
function setCondition(rule: RuleRecord, type: string, ...values: unknown[]): void {
  rule.condition = { type, values };
  rule.gradient = null;
}

/** Setting a gradient point turns the rule into a gradient rule. */
function setPoint(
  rule: RuleRecord,
  which: 'min' | 'mid' | 'max',
  colour: string,
  type: string,
  value: string,
): void {
  rule.condition = null;
  rule.gradient = { ...(rule.gradient ?? {}), [which]: { colour: normaliseColour(colour), type, value } };
}

export class EmuConditionalFormatRuleBuilder {
  readonly rule: RuleRecord;

  constructor(
    readonly core: World,
    rule?: RuleRecord,
  ) {
    this.rule = rule ?? emptyRule();
  }

  whenNumberBetween(start: number, end: number): this {
    setCondition(this.rule, BooleanCriteria.NUMBER_BETWEEN, start, end);
    return this;
  }
  whenNumberNotBetween(start: number, end: number): this {
    setCondition(this.rule, BooleanCriteria.NUMBER_NOT_BETWEEN, start, end);
    return this;
  }
  whenNumberEqualTo(number: number): this {
    setCondition(this.rule, BooleanCriteria.NUMBER_EQUAL_TO, number);
    return this;
  }
  whenNumberNotEqualTo(number: number): this {
    setCondition(this.rule, BooleanCriteria.NUMBER_NOT_EQUAL_TO, number);
    return this;
  }
  whenNumberGreaterThan(number: number): this {
    setCondition(this.rule, BooleanCriteria.NUMBER_GREATER_THAN, number);
    return this;
  }
  whenNumberGreaterThanOrEqualTo(number: number): this {
    setCondition(this.rule, BooleanCriteria.NUMBER_GREATER_THAN_OR_EQUAL_TO, number);
    return this;
  }
  whenNumberLessThan(number: number): this {
    setCondition(this.rule, BooleanCriteria.NUMBER_LESS_THAN, number);
    return this;
  }
  whenNumberLessThanOrEqualTo(number: number): this {
    setCondition(this.rule, BooleanCriteria.NUMBER_LESS_THAN_OR_EQUAL_TO, number);
    return this;
  }
  whenTextContains(text: string): this {
    setCondition(this.rule, BooleanCriteria.TEXT_CONTAINS, text);
    return this;
  }
  whenTextDoesNotContain(text: string): this {
    setCondition(this.rule, BooleanCriteria.TEXT_DOES_NOT_CONTAIN, text);
    return this;
  }
  whenTextEqualTo(text: string): this {
    setCondition(this.rule, BooleanCriteria.TEXT_EQUAL_TO, text);
    return this;
  }
  whenTextStartsWith(text: string): this {
    setCondition(this.rule, BooleanCriteria.TEXT_STARTS_WITH, text);
    return this;
  }
  whenTextEndsWith(text: string): this {
    setCondition(this.rule, BooleanCriteria.TEXT_ENDS_WITH, text);
    return this;
  }
  whenCellEmpty(): this {
    setCondition(this.rule, BooleanCriteria.CELL_EMPTY);
    return this;
  }
  whenCellNotEmpty(): this {
    setCondition(this.rule, BooleanCriteria.CELL_NOT_EMPTY);
    return this;
  }
  whenFormulaSatisfied(formula: string): this {
    setCondition(this.rule, BooleanCriteria.CUSTOM_FORMULA, formula);
    return this;
  }

  setBackground(color: string | null): this {
    this.rule.format.background = color === null ? null : normaliseColour(color);
    return this;
  }
  setFontColor(color: string | null): this {
    this.rule.format.fontColor = color === null ? null : normaliseColour(color);
    return this;
  }
  setBold(bold: boolean | null): this {
    this.rule.format.bold = bold;
    return this;
  }
  setItalic(italic: boolean | null): this {
    this.rule.format.italic = italic;
    return this;
  }

  setGradientMinpoint(color: string): this {
    setPoint(this.rule, 'min', color, 'MIN', '');
    return this;
  }
  setGradientMaxpoint(color: string): this {
    setPoint(this.rule, 'max', color, 'MAX', '');
    return this;
  }
  setGradientMinpointWithValue(
    color: string,
    type: GoogleAppsScript.Spreadsheet.InterpolationType,
    value: string,
  ): this {
    setPoint(this.rule, 'min', color, enumName(type), String(value));
    return this;
  }
  setGradientMidpointWithValue(
    color: string,
    type: GoogleAppsScript.Spreadsheet.InterpolationType,
    value: string,
  ): this {
    setPoint(this.rule, 'mid', color, enumName(type), String(value));
    return this;
  }
  setGradientMaxpointWithValue(
    color: string,
    type: GoogleAppsScript.Spreadsheet.InterpolationType,
    value: string,
  ): this {
    setPoint(this.rule, 'max', color, enumName(type), String(value));
    return this;
  }

  setRanges(ranges: (Range | EmuRange)[]): this {
    this.rule.ranges = ranges.map((range) => {
      const r = rangeState(range);
      return { sheet: r.sheet, row: r.row, column: r.column, numRows: r.numRows, numColumns: r.numColumns };
    });
    return this;
  }

  getRanges(): EmuRange[] {
    return this.rule.ranges.map(
      (r) => new EmuRange(this.core, r.sheet, r.row, r.column, r.numRows, r.numColumns),
    );
  }

  build(): EmuConditionalFormatRule {
    return new EmuConditionalFormatRule(this.core, cloneRule(this.rule));
  }

  copy(): EmuConditionalFormatRuleBuilder {
    return new EmuConditionalFormatRuleBuilder(this.core, cloneRule(this.rule));
  }
}
instrument(EmuConditionalFormatRuleBuilder, 'ConditionalFormatRuleBuilder');
