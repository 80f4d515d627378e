/**
 * The command line, end to end: arguments → input files → engine → .xlsx and a summary on stdout.
 *
 * Exit codes: 0 done; 1 the run could not be made (missing or unreadable file, no header, ambiguous dates, an
 * engine error); 2 the command line is wrong (unknown option, bad value, `-o` onto an input).
 * Notes (which sheet was read as what) and progress go to stderr, so stdout holds only the summary or its JSON.
 */
import { accessSync, constants, existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { EngineError } from '../core/errors';
import { runEngine } from '../core/engine';
import { say } from '../core/i18n';
import {
  DEFAULT_OPTIONS,
  type Breakpoints,
  type EngineOptions,
  type Language,
  type SavedState,
} from '../core/options';
import type { SavedFilterSegment } from '../core/filter/run';
import { describeSanitised, EXCEL_CELL_LIMIT } from '../core/plan/cell-limits';
import { checkThresholds, type Metric } from '../core/rfm/score';
import { excerpt } from '../core/text';
import { helpText, parseArgs, parseCampaign, UsageError, type CampaignArg, type CliArgs } from './args';
import { DEFAULT_HOLDOUT_PERCENT, type CampaignStart } from '../core/campaigns/campaigns';
import { resolveSegmentKey } from '../core/plan/campaign-tabs';
import { SEGMENTS } from '../core/rfm/segment-catalogue';
import { checkColumnMap, InputError, loadInput, type ColumnMapFile } from './load-input';
import { CsvReadError } from './read-csv';
import { WorkbookReadError } from './read-xlsx';
import { PreviousWorkbookError, readPreviousWorkbook } from './read-previous';
import { summaryJson, summaryTable } from './summary-table';
import { doubtfulNotes, explainColumns, mapArgument } from './explain-columns';
import { writePlanXlsx } from './write-xlsx';
import { sqlMain } from './sql-command';

export interface CliIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  /** Folder relative paths are resolved against. */
  cwd: string;
  /** The clock `--as-of today` reads (ms); the real one when absent. */
  now?: () => number;
}

/** Inputs above this many rows show progress on stderr (a few seconds of work on this machine). */
export const PROGRESS_ROWS = 50_000;
/** Inputs above this size show progress while they are read, before their rows are counted. */
const PROGRESS_BYTES = 5_000_000;

/** A failure reported as its message alone, with an exit code. */
class CliFailure extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

/** JSON.parse's complaint, without the exception's name, shortened. */
function jsonProblem(error: unknown): string {
  return excerpt(error instanceof Error ? error.message : 'unreadable', 120);
}

function readJsonFile(option: string, path: string, language: Language): unknown {
  if (!existsSync(path)) {
    throw new CliFailure(
      say(language, `${option}: không thấy tệp ${path}`, `${option}: file not found: ${path}`),
      1,
    );
  }
  try {
    return JSON.parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new CliFailure(
      say(
        language,
        `${option} ${path}: không phải JSON hợp lệ (${jsonProblem(error)})`,
        `${option} ${path}: not valid JSON (${jsonProblem(error)})`,
      ),
      1,
    );
  }
}

/** `--map` takes a file, or the JSON itself (`--map '{"invoices":{"date":"Ngày"}}'`). */
function readMap(value: string, cwd: string, language: Language): unknown {
  if (!value.trim().startsWith('{')) return readJsonFile('--map', resolve(cwd, value), language);
  try {
    return JSON.parse(value);
  } catch (error) {
    throw new CliFailure(
      say(
        language,
        `--map: không phải JSON hợp lệ (${String(error)})`,
        `--map: not valid JSON (${String(error)})`,
      ),
      2,
    );
  }
}

/** Checks the `--breakpoints` JSON: per metric, `levels − 1` rising numbers (the engine's own check). */
export function checkBreakpoints(json: unknown, file: string, levels: CliArgs['levels']): Breakpoints {
  const fail = (what: string): never => {
    throw new CliFailure(`--breakpoints ${file}: ${what}`, 1);
  };
  if (!json || typeof json !== 'object' || Array.isArray(json)) {
    fail('expected an object such as {"r": [30, 60, 90, 180], "f": [2, 3, 5, 10], "m": [...]}.');
  }
  const breakpoints: Breakpoints = {};
  for (const [metric, thresholds] of Object.entries(json as Record<string, unknown>)) {
    if (metric !== 'r' && metric !== 'f' && metric !== 'm')
      fail(`"${metric}" is not a metric; use "r", "f" and "m".`);
    if (!Array.isArray(thresholds) || thresholds.some((value) => typeof value !== 'number')) {
      fail(`"${metric}" must be a list of numbers.`);
    }
    const problem = checkThresholds(metric as Metric, thresholds as number[], levels);
    if (problem) fail(problem);
    breakpoints[metric as Metric] = thresholds as number[];
  }
  return breakpoints;
}

/** Tab colour of a filter segment whose entry gives none. */
const DEFAULT_SEGMENT_COLOUR = '#6a1b9a';
const HEX_COLOUR = /^#[0-9a-fA-F]{6}$/;

/**
 * Checks the `--segments` JSON: a list of `{ name, definition, colour?, abGroups?, enabled? }`. Definitions are
 * compiled by the engine; one that does not compile becomes a data issue and the other segments still run.
 */
export function checkFilterSegments(json: unknown, file: string): SavedFilterSegment[] {
  const fail = (what: string): never => {
    throw new CliFailure(`--segments ${file}: ${what}`, 1);
  };
  if (!Array.isArray(json))
    fail('expected a list such as [{"name": "VIP", "definition": "total_spend >= 5000000"}].');
  const names = new Set<string>();
  return (json as unknown[]).map((entry, i) => {
    const at = `entry ${i + 1}`;
    if (!entry || typeof entry !== 'object' || Array.isArray(entry)) fail(`${at} is not an object.`);
    const { name, definition, colour, abGroups, enabled } = entry as Record<string, unknown>;
    if (typeof name !== 'string' || name.trim() === '') fail(`${at} needs a "name".`);
    if (typeof definition !== 'string' || definition.trim() === '')
      fail(`${at} ("${name}") needs a "definition".`);
    if (colour !== undefined && (typeof colour !== 'string' || !HEX_COLOUR.test(colour))) {
      fail(`${at} ("${name}"): "colour" must look like #f9a825.`);
    }
    if (
      abGroups !== undefined &&
      (!Number.isInteger(abGroups) || (abGroups as number) < 0 || (abGroups as number) > 5)
    ) {
      fail(`${at} ("${name}"): "abGroups" must be a whole number from 2 to 5 (0 or 1: no split).`);
    }
    if (enabled !== undefined && typeof enabled !== 'boolean')
      fail(`${at} ("${name}"): "enabled" must be true or false.`);
    const key = (name as string).trim().toLowerCase();
    if (names.has(key)) fail(`"${name}" is given twice.`);
    names.add(key);
    return {
      name: (name as string).trim(),
      definition: definition as string,
      colour: (colour as string | undefined) ?? DEFAULT_SEGMENT_COLOUR,
      enabled: (enabled as boolean | undefined) ?? true,
      ...(abGroups !== undefined ? { abGroups: abGroups as number } : {}),
    };
  });
}

/** Real path of a file that may not exist yet: its folder's real path (when the folder exists) and its name. */
function realTarget(path: string): string {
  if (existsSync(path)) return realpathSync(path);
  const folder = dirname(path);
  return existsSync(folder) ? resolve(realpathSync(folder), basename(path)) : path;
}

/** Where bugs are reported, named in the message of an unexpected failure. */
const REPORT_TO = "the Segment Tabs maintainers (the project's issue tracker)";
/** Characters of one message line written to stderr: input quoted in a message never floods the terminal. */
const MESSAGE_LINE_LIMIT = 400;

/** Node's error code (`EACCES`, `ENOTDIR`…) of a file-system error, if it is one. */
function fsCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^E[A-Z]+$/.test(code) ? code : undefined;
}

/** A file-system error met writing the output, as a sentence (exit 1), or undefined for another error. */
export function outputFailure(error: unknown, given: string, language: Language): CliFailure | undefined {
  const code = fsCode(error);
  if (!code) return undefined;
  const reasons: Record<string, [string, string]> = {
    EACCES: ['không có quyền ghi vào thư mục đó', 'no permission to write in that folder'],
    EPERM: ['không có quyền ghi vào thư mục đó', 'no permission to write in that folder'],
    EROFS: ['thư mục đó chỉ đọc', 'that folder is read-only'],
    ENOSPC: ['đĩa đã đầy', 'the disk is full'],
    EDQUOT: ['đã hết hạn mức đĩa', 'the disk quota is used up'],
    ENOTDIR: [
      'một phần của đường dẫn là tệp, không phải thư mục',
      'part of the path is a file, not a folder',
    ],
    EISDIR: ['đó là một thư mục', 'it is a folder'],
    ENAMETOOLONG: ['tên quá dài', 'the name is too long'],
    ENOENT: ['không tạo được thư mục của nó', 'its folder could not be created'],
  };
  const [vi, en] = reasons[code] ?? ['lỗi hệ thống tệp ' + code, 'file-system error ' + code];
  return new CliFailure(
    say(language, `Không ghi được -o ${given}: ${vi}.`, `Cannot write -o ${given}: ${en}.`),
    1,
  );
}

/**
 * Checks the output path before anything is read: not a folder, not under a file, in a folder that exists (or
 * can be made) and can be written. A wrong path is a command-line mistake (exit 2); a folder that cannot be
 * written is a problem of the machine (exit 1).
 */
function checkOutputPath(output: string, given: string, language: Language): void {
  if (existsSync(output) && statSync(output).isDirectory()) {
    throw new CliFailure(
      say(
        language,
        `-o ${given} là một thư mục: hãy cho tên tệp, ví dụ ${given.replace(/[\\/]$/, '')}/segment-tabs.xlsx.`,
        `-o ${given} is a folder: give a file name, e.g. ${given.replace(/[\\/]$/, '')}/segment-tabs.xlsx.`,
      ),
      2,
    );
  }
  // The nearest folder of the path that exists: it must be a folder, and writable.
  let folder = dirname(output);
  while (!existsSync(folder) && dirname(folder) !== folder) folder = dirname(folder);
  if (!statSync(folder).isDirectory()) {
    throw new CliFailure(
      say(
        language,
        `-o ${given}: "${basename(folder)}" là một tệp, không phải thư mục, nên không thể ghi vào trong nó.`,
        `-o ${given}: "${basename(folder)}" is a file, not a folder, so nothing can be written inside it.`,
      ),
      2,
    );
  }
  try {
    accessSync(folder, constants.W_OK);
  } catch (error) {
    throw outputFailure(error, given, language) ?? error;
  }
}

/** Refuses an output that is one of the inputs: same real path, or the same file under another name (link). */
function checkOutput(output: string, given: string, inputs: string[], language: Language): void {
  const target = realTarget(output);
  const stat = existsSync(output) ? statSync(output) : undefined;
  for (const input of inputs) {
    const inputStat = statSync(input);
    const same =
      realpathSync(input) === target ||
      (stat !== undefined && stat.ino === inputStat.ino && stat.dev === inputStat.dev);
    if (same) {
      throw new CliFailure(
        say(
          language,
          `-o ${given} là tệp đầu vào: chọn tên khác cho tệp kết quả (đầu vào không bao giờ bị ghi đè).`,
          `-o ${given} is an input file: choose another output name (inputs are never overwritten).`,
        ),
        2,
      );
    }
  }
}

function checkInputs(inputs: string[], language: Language): void {
  for (const input of inputs) {
    if (!existsSync(input)) {
      throw new CliFailure(say(language, `Không thấy tệp: ${input}`, `File not found: ${input}`), 1);
    }
    if (!statSync(input).isFile()) {
      throw new CliFailure(say(language, `Không phải tệp: ${input}`, `Not a file: ${input}`), 1);
    }
  }
}

const STEP_NAMES: Record<Language, Record<string, string>> = {
  en: {
    reading: 'reading sheets',
    parsing: 'parsing rows',
    matching: 'matching invoices to customers',
    scoring: 'scoring',
    planning: 'planning tabs',
  },
  vi: {
    reading: 'đọc sheet',
    parsing: 'đọc dòng',
    matching: 'ghép hóa đơn với khách hàng',
    scoring: 'tính điểm',
    planning: 'lập các tab',
  },
};

/** Step names with elapsed seconds on stderr, for runs long enough to wonder about. */
class Progress {
  private readonly started = Date.now();
  private last = '';
  enabled = false;

  constructor(private readonly stderr: CliIo['stderr']) {}

  step(text: string): void {
    if (!this.enabled || text === this.last) return;
    this.last = text;
    const seconds = ((Date.now() - this.started) / 1000).toFixed(1);
    this.stderr.write(`[${seconds}s] ${text}\n`);
  }
}

function engineFailure(error: EngineError, language: Language): CliFailure {
  if (error.code === 'ambiguous-date-order') {
    return new CliFailure(
      `${error.message}\n${say(
        language,
        'Thêm --date-order dmy (ngày trước: 05/03 là 5 tháng 3) hoặc --date-order mdy (tháng trước).',
        'Pass --date-order dmy (day first: 05/03 is 5 March) or --date-order mdy (month first).',
      )}`,
      1,
    );
  }
  if (error.code === 'nothing-understood') {
    const fix = error.fix
      ? say(language, `Dùng ${mapArgument(error.fix)}`, `Use ${mapArgument(error.fix)}`)
      : say(
          language,
          'Xem các cột đã chọn với --explain-columns, rồi chỉ ra cột đúng bằng --map.',
          'See the columns chosen with --explain-columns, then name the right one with --map.',
        );
    return new CliFailure(`${error.message}\n${fix}`, 1);
  }
  if (error.code === 'missing-columns' || error.code === 'no-header') {
    return new CliFailure(
      `${error.message}\n${say(
        language,
        'Nếu tiêu đề cột khác thường, dùng --map columns.json để chỉ ra từng cột.',
        'If the headers are unusual, name the columns with --map columns.json.',
      )}`,
      1,
    );
  }
  return new CliFailure(error.message, error.code === 'bad-option' || error.code === 'bad-time-zone' ? 2 : 1);
}

async function run(args: CliArgs, io: CliIo): Promise<void> {
  const language = args.language;
  const inputs = args.inputs.map((input) => resolve(io.cwd, input));
  const output = resolve(io.cwd, args.output);
  checkInputs(inputs, language);
  checkOutput(output, args.output, inputs, language);
  checkOutputPath(output, args.output, language);
  const map: ColumnMapFile | undefined = args.mapFile
    ? checkColumnMap(readMap(args.mapFile, io.cwd, language), args.mapFile)
    : undefined;
  const breakpoints = args.breakpointsFile
    ? checkBreakpoints(
        readJsonFile('--breakpoints', resolve(io.cwd, args.breakpointsFile), language),
        args.breakpointsFile,
        args.levels,
      )
    : undefined;

  const filterSegments = args.segmentsFile
    ? checkFilterSegments(
        readJsonFile('--segments', resolve(io.cwd, args.segmentsFile), language),
        args.segmentsFile,
      )
    : undefined;

  const campaigns = [
    ...args.campaigns,
    ...(args.campaignsFile
      ? checkCampaigns(
          readJsonFile('--campaigns', resolve(io.cwd, args.campaignsFile), language),
          args.campaignsFile,
        )
      : []),
  ];

  // What an earlier run left, as the add-on reads it from its owned tabs. Without --previous the run is a first
  // run: History starts, Movement says it appears from the next run, and the hidden snapshot is written so that
  // this workbook can be the next run's --previous. Filter segments come from --segments only (an empty
  // definitions list: no definitions tab is written, and the previous workbook's is not read back).
  let saved: SavedState = { definitions: [] };
  if (args.previousFile) {
    try {
      const previous = await readPreviousWorkbook(
        resolve(io.cwd, args.previousFile),
        args.previousFile,
        language,
      );
      saved = {
        history: previous.history,
        snapshot: previous.snapshot,
        definitions: [],
        campaigns: previous.campaigns,
        campaignMembers: previous['campaign-members'],
      };
    } catch (error) {
      if (error instanceof PreviousWorkbookError) throw new CliFailure(error.message, 1);
      throw error;
    }
    if (!saved.snapshot) {
      throw new CliFailure(
        say(
          language,
          `--previous ${args.previousFile}: không có tab ảnh chụp phân khúc (ẩn) mang dấu của segment-tabs (đã bị xóa?); cần tệp .xlsx mà một lần chạy trước đã ghi bằng -o.`,
          `--previous ${args.previousFile}: has no segment snapshot tab (hidden) carrying segment-tabs' mark (deleted?); expected the .xlsx an earlier segment-tabs run wrote with -o.`,
        ),
        1,
      );
    }
  }

  const progress = new Progress(io.stderr);
  progress.enabled = inputs.reduce((sum, input) => sum + statSync(input).size, 0) > PROGRESS_BYTES;
  progress.step(say(language, `đọc ${args.inputs.join(', ')}`, `reading ${args.inputs.join(', ')}`));
  let loaded;
  try {
    loaded = await loadInput(inputs, { map, dateOrder: args.dateOrder, language });
  } catch (error) {
    if (error instanceof WorkbookReadError) {
      throw new CliFailure(
        say(
          language,
          `Không đọc được "${args.inputs[0]}" như một workbook Excel (.xlsx): ${error.message}`,
          `Cannot read "${args.inputs[0]}" as an Excel (.xlsx) workbook: ${error.message}`,
        ),
        1,
      );
    }
    if (error instanceof CsvReadError || error instanceof InputError) throw new CliFailure(error.message, 1);
    throw error;
  }
  progress.enabled ||= loaded.rows > PROGRESS_ROWS;
  for (const note of loaded.notes) io.stderr.write(`${limitLines(note)}\n`);

  const options: EngineOptions = {
    ...DEFAULT_OPTIONS,
    asOf: args.asOf,
    now: io.now ? io.now() : Date.now(),
    timeZone: args.timeZone,
    // ExcelJS gives date cells as Dates whose UTC fields are the wall clock written in the cell.
    dateCellZone: 'UTC',
    levels: args.levels,
    metrics: args.metrics,
    monetary: args.monetary,
    segmentTabs: args.segmentTabs,
    language,
    saved,
    ...(breakpoints ? { breakpoints } : {}),
    ...(filterSegments ? { filterSegments } : {}),
    ...(campaigns.length
      ? { startCampaigns: campaignStarts(campaigns, filterSegments ?? [], language) }
      : {}),
    onProgress: (step) => progress.step(STEP_NAMES[language][step] ?? step),
  };
  let result;
  try {
    result = runEngine(loaded.input, options);
  } catch (error) {
    if (error instanceof EngineError) throw engineFailure(error, language);
    // Anything else is a bug (options were checked above): reported as an unexpected failure, without its text.
    throw error;
  }
  // The input's cells are not needed once the plan is made: let the collector have them before the write (at 1M
  // rows they are half a gigabyte, and the write is where the plan peaks).
  // eslint-disable-next-line no-useless-assignment -- the assignment is the point: it drops the last reference
  loaded = undefined;

  for (const note of doubtfulNotes(result.columns, language)) io.stderr.write(`${note}\n`);
  if (args.explainColumns && !args.json) io.stdout.write(explainColumns(result.columns, language));
  progress.step(say(language, `ghi ${args.output}`, `writing ${args.output}`));
  let written;
  try {
    written = await writePlanXlsx(result.plan, output, language);
  } catch (error) {
    throw outputFailure(error, args.output, language) ?? error;
  }
  const { names: tabs, sanitised } = written;
  const changed = describeSanitised(sanitised, EXCEL_CELL_LIMIT);
  if (changed)
    io.stderr.write(`${say(language, 'Ghi chú khi ghi tệp', 'Written with changes')}: ${changed}\n`);
  progress.step(say(language, 'xong', 'done'));

  if (args.json) {
    io.stdout.write(`${JSON.stringify(summaryJson(result, output, tabs, language), null, 2)}\n`);
  } else {
    const issuesIndex = result.plan.tabs.findIndex((tab) => tab.role === 'issues');
    io.stdout.write(summaryTable(result, output, language, issuesIndex >= 0 ? tabs[issuesIndex] : undefined));
  }
}

/** Checks the `--campaigns` JSON: a list of `--campaign` values or `{ name, segment, holdoutPercent? }`. */
export function checkCampaigns(json: unknown, file: string): CampaignArg[] {
  const fail = (what: string): never => {
    throw new CliFailure(`--campaigns ${file}: ${what}`, 1);
  };
  if (!Array.isArray(json))
    fail('expected a list such as ["Win back:At Risk:15%"] or [{"name": "Win back", "segment": "At Risk"}].');
  return (json as unknown[]).map((entry, i) => {
    const at = `entry ${i + 1}`;
    try {
      if (typeof entry === 'string') return parseCampaign(entry);
      if (!entry || typeof entry !== 'object' || Array.isArray(entry))
        return fail(`${at} is not a text or an object.`);
      const { name, segment, holdoutPercent } = entry as Record<string, unknown>;
      if (typeof name !== 'string' || typeof segment !== 'string')
        return fail(`${at} needs a "name" and a "segment".`);
      if (holdoutPercent !== undefined && typeof holdoutPercent !== 'number')
        return fail(`${at} ("${name}"): "holdoutPercent" must be a number from 1 to 50.`);
      return parseCampaign(`${name}:${segment}:${holdoutPercent ?? DEFAULT_HOLDOUT_PERCENT}`);
    } catch (error) {
      if (error instanceof UsageError) return fail(`${at}: ${error.message.replace(/^--campaign: /, '')}`);
      throw error;
    }
  });
}

/**
 * `--campaign` segments resolved: an RFM segment's id or name in either language, or a `--segments` name. The
 * same customer lands in the same group as in the add-on: the holdout hashes the campaign name and the key.
 */
function campaignStarts(
  campaigns: readonly CampaignArg[],
  filterSegments: readonly SavedFilterSegment[],
  language: Language,
): CampaignStart[] {
  const filterNames = filterSegments.map((segment) => segment.name.trim());
  return campaigns.map((campaign) => {
    const segmentKey = resolveSegmentKey(campaign.segment, filterNames);
    if (!segmentKey) {
      const known = [...SEGMENTS.map((segment) => segment.name[language]), ...filterNames].join(', ');
      throw new CliFailure(
        say(
          language,
          `--campaign "${campaign.name}": không có phân khúc "${campaign.segment}". Các phân khúc: ${known}.`,
          `--campaign "${campaign.name}": there is no segment "${campaign.segment}". Segments: ${known}.`,
        ),
        2,
      );
    }
    return { name: campaign.name, segmentKey, holdoutPercent: campaign.holdoutPercent };
  });
}

/** Each line of a message cut to a short excerpt: a 5 MB header line quoted in an error stays a line. */
function limitLines(message: string): string {
  return message
    .split('\n')
    .map((line) => (line.length > MESSAGE_LINE_LIMIT ? excerpt(line, MESSAGE_LINE_LIMIT) : line))
    .join('\n');
}

/**
 * What the user reads about a failure nobody foresaw: one sentence saying what failed and where to report it,
 * never a stack trace or an exception's text (which may quote the input at length).
 */
function unexpectedFailure(language: Language): string {
  return say(
    language,
    `Lần chạy dừng vì một lỗi không lường trước trong segment-tabs (không phải do tệp của bạn có thể sửa được). Hãy báo cho ${REPORT_TO}, kèm lệnh đã chạy; tệp đầu vào không bị thay đổi.`,
    `The run stopped on an unexpected failure inside segment-tabs (not something in your files you could fix). Please report it to ${REPORT_TO}, with the command you ran; your input files were not changed.`,
  );
}

/** Runs the command line with `argv` (the arguments after the program name); resolves to the exit code. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  // `segment-tabs sql …` writes a BigQuery or DuckDB script instead of a workbook (sql-command.ts).
  if (argv[0] === 'sql') return sqlMain(argv.slice(1), io);
  let args;
  try {
    args = parseArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) {
      io.stderr.write(`segment-tabs: ${unexpectedFailure('en')}\n`);
      return 1;
    }
    io.stderr.write(`segment-tabs: ${limitLines(error.message)}\nRun segment-tabs --help for the options.\n`);
    return 2;
  }
  if (args.help) {
    io.stdout.write(helpText(args.language));
    return 0;
  }
  try {
    await run(args, io);
    return 0;
  } catch (error) {
    if (error instanceof CliFailure) {
      io.stderr.write(`segment-tabs: ${limitLines(error.message)}\n`);
      return error.exitCode;
    }
    if (error instanceof InputError || error instanceof CsvReadError) {
      io.stderr.write(`segment-tabs: ${limitLines(error.message)}\n`);
      return 1;
    }
    const failure = outputFailure(error, args.output, args.language);
    io.stderr.write(`segment-tabs: ${failure ? failure.message : unexpectedFailure(args.language)}\n`);
    return 1;
  }
}
