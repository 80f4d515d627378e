/**
 * The command line's arguments, parsed without a dependency:
 *
 *   segment-tabs <input.xlsx | invoices.csv [customers.csv]> -o out.xlsx [options]
 *
 * Options take their value as the next argument or after `=` (`--levels 4`, `--levels=4`). A bad option stops
 * the run before any file is read, with a message saying which option and what it accepts.
 */
import {
  DEFAULT_HOLDOUT_PERCENT,
  MAX_HOLDOUT_PERCENT,
  MIN_HOLDOUT_PERCENT,
  validHoldoutPercent,
} from '../core/campaigns/campaigns';
import { DEFAULT_OPTIONS, type Language, type MetricSet, type ScoreLevels } from '../core/options';

export interface CliArgs {
  /** One `.xlsx`, or one or two `.csv` files (invoices first, then customers; detection may swap them). */
  inputs: string[];
  output: string;
  /** `today`, `latest` or `yyyy-mm-dd` (checked again by the engine, which knows the calendar). */
  asOf: string;
  timeZone: string;
  levels: ScoreLevels;
  metrics: MetricSet;
  breakpointsFile?: string;
  mapFile?: string;
  /** JSON list of filter segments, added after the RFM segment tabs. */
  segmentsFile?: string;
  /** An earlier output workbook: its History and snapshot carry on into this run's History and Movement. */
  previousFile?: string;
  dateOrder?: 'dmy' | 'mdy';
  monetary: 'total' | 'average';
  language: Language;
  json: boolean;
  /** Print, per sheet and field, the column chosen, its confidence, what it rests on and the runner-up. */
  explainColumns: boolean;
  /** One tab per segment (`--no-segment-tabs` turns them off; the Customers tab stands in for them). */
  segmentTabs: boolean;
  /** `--campaign "name:segment:holdout%"`, repeatable: campaigns to start at this run's as-of date. */
  campaigns: CampaignArg[];
  /** JSON list of campaigns to start, as `--campaign` values or `{ name, segment, holdoutPercent }`. */
  campaignsFile?: string;
}

/** A campaign as typed: the segment is resolved against this run's segments by the run (main.ts). */
export interface CampaignArg {
  name: string;
  segment: string;
  holdoutPercent: number;
}

export type ParsedArgs = { help: true; language: Language } | ({ help: false } & CliArgs);

/** A mistake in the command line itself: printed with a pointer to `--help`, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

const VALUE_OPTIONS = [
  '--output',
  '--as-of',
  '--tz',
  '--levels',
  '--metrics',
  '--breakpoints',
  '--map',
  '--segments',
  '--previous',
  '--campaigns',
  '--date-order',
  '--monetary',
  '--lang',
] as const;
type ValueOption = (typeof VALUE_OPTIONS)[number];

const FLAG_OPTIONS = ['--json', '--help', '--explain-columns', '--no-segment-tabs'] as const;

const SHORT_NAMES: Record<string, string> = { '-o': '--output', '-h': '--help' };

function isValueOption(name: string): name is ValueOption {
  return (VALUE_OPTIONS as readonly string[]).includes(name);
}

function oneOf<T extends string>(option: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${option}: "${value}" is not one of ${allowed.join(', ')}.`);
}

const AS_OF_PATTERN = /^(today|latest|\d{4}-\d{2}-\d{2})$/;

/** The language asked for, found before the rest is parsed so that help and messages can use it. */
function languageOf(argv: string[]): Language {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = arg === '--lang' ? argv[i + 1] : arg.startsWith('--lang=') ? arg.slice(7) : undefined;
    if (value === 'vi' || value === 'en') return value;
  }
  return DEFAULT_OPTIONS.language;
}

export function parseArgs(argv: string[]): ParsedArgs {
  const language = languageOf(argv);
  const values = new Map<ValueOption, string>();
  const inputs: string[] = [];
  let json = false;
  let help = false;
  let explainColumns = false;
  let segmentTabs = true;
  let onlyPositional = false;
  const campaigns: CampaignArg[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (onlyPositional || !arg.startsWith('-') || arg === '-') {
      inputs.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyPositional = true;
      continue;
    }
    const equals = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const given = equals > 0 ? arg.slice(0, equals) : arg;
    const name = SHORT_NAMES[given] ?? given;
    if ((FLAG_OPTIONS as readonly string[]).includes(name)) {
      if (equals > 0) throw new UsageError(`${name} takes no value.`);
      if (name === '--json') json = true;
      else if (name === '--explain-columns') explainColumns = true;
      else if (name === '--no-segment-tabs') segmentTabs = false;
      else help = true;
      continue;
    }
    if (name === '--campaign') {
      const value = equals > 0 ? arg.slice(equals + 1) : argv[++i];
      if (value === undefined) throw new UsageError('--campaign needs a value: "name:segment:holdout%".');
      campaigns.push(parseCampaign(value));
      continue;
    }
    if (!isValueOption(name)) throw new UsageError(`Unknown option ${given}.`);
    let value: string | undefined;
    if (equals > 0) value = arg.slice(equals + 1);
    else {
      value = argv[i + 1];
      if (value === undefined || (value.startsWith('-') && value !== '-')) {
        throw new UsageError(`${given} needs a value.`);
      }
      i++;
    }
    if (values.has(name)) throw new UsageError(`${given} is given twice.`);
    values.set(name, value);
  }
  if (help) return { help: true, language };

  if (inputs.length === 0)
    throw new UsageError('No input file: give an .xlsx file or one or two .csv files.');
  const extensions = inputs.map((input) => /\.([^./\\]+)$/.exec(input)?.[1]?.toLowerCase() ?? '');
  const unsupported = inputs.find((_, i) => extensions[i] !== 'xlsx' && extensions[i] !== 'csv');
  if (unsupported !== undefined) {
    const hint = /\.xls$/i.test(unsupported)
      ? ' Save it as .xlsx first (the old .xls format is not read).'
      : '';
    throw new UsageError(`"${unsupported}" is neither an .xlsx nor a .csv file.${hint}`);
  }
  if (extensions.includes('xlsx') && inputs.length > 1) {
    throw new UsageError('Give one .xlsx file (its sheets are read), or one or two .csv files, not both.');
  }
  if (inputs.length > 2) throw new UsageError('Give at most two .csv files: invoices, then customers.');

  const output = values.get('--output');
  if (output === undefined || output === '') throw new UsageError('No output file: pass -o out.xlsx.');
  if (!/\.xlsx$/i.test(output)) throw new UsageError(`-o: the output "${output}" must be an .xlsx file.`);

  const asOf = values.get('--as-of') ?? DEFAULT_OPTIONS.asOf;
  if (!AS_OF_PATTERN.test(asOf)) {
    throw new UsageError(`--as-of: "${asOf}" is not YYYY-MM-DD, "latest" or "today".`);
  }
  const timeZone = values.get('--tz') ?? DEFAULT_OPTIONS.timeZone;
  try {
    new Intl.DateTimeFormat('en', { timeZone });
  } catch {
    throw new UsageError(`--tz: "${timeZone}" is not a time zone (for example Asia/Ho_Chi_Minh).`);
  }
  const levelsText = values.get('--levels');
  const levels =
    levelsText === undefined
      ? DEFAULT_OPTIONS.levels
      : (Number(oneOf('--levels', levelsText, ['3', '4', '5'] as const)) as ScoreLevels);
  const metricsText = values.get('--metrics');
  const metrics =
    metricsText === undefined
      ? DEFAULT_OPTIONS.metrics
      : oneOf('--metrics', metricsText, ['rfm', 'rf', 'rm', 'fm'] as const);
  const dateOrderText = values.get('--date-order');
  const dateOrder =
    dateOrderText === undefined ? undefined : oneOf('--date-order', dateOrderText, ['dmy', 'mdy'] as const);
  const monetaryText = values.get('--monetary');
  const monetary =
    monetaryText === undefined
      ? DEFAULT_OPTIONS.monetary
      : oneOf('--monetary', monetaryText, ['total', 'average'] as const);
  const languageText = values.get('--lang');
  if (languageText !== undefined) oneOf('--lang', languageText, ['vi', 'en'] as const);
  for (const option of ['--breakpoints', '--map', '--segments', '--previous', '--campaigns'] as const) {
    if (values.get(option) === '') throw new UsageError(`${option} needs a file name.`);
  }
  return {
    help: false,
    inputs,
    output,
    asOf,
    timeZone,
    levels,
    metrics,
    breakpointsFile: values.get('--breakpoints'),
    mapFile: values.get('--map'),
    segmentsFile: values.get('--segments'),
    previousFile: values.get('--previous'),
    dateOrder,
    monetary,
    language,
    json,
    explainColumns,
    segmentTabs,
    campaigns,
    campaignsFile: values.get('--campaigns'),
  };
}

const HOLDOUT_TEXT = /^(\d+(?:[.,]\d+)?)\s*%?$/;

/**
 * `name:segment:holdout%`, or `name:segment` for the default holdout. The name may itself hold colons: the
 * segment and the share are read from the right.
 */
export function parseCampaign(value: string): CampaignArg {
  const parts = value.split(':');
  const holdout = parts.length >= 3 ? HOLDOUT_TEXT.exec(parts[parts.length - 1]!.trim()) : null;
  const percent = holdout ? Number(holdout[1]!.replace(',', '.')) : DEFAULT_HOLDOUT_PERCENT;
  const rest = holdout ? parts.slice(0, -1) : parts;
  const segment = rest.length >= 2 ? rest[rest.length - 1]!.trim() : '';
  const name = rest.slice(0, -1).join(':').trim();
  if (!name || !segment) {
    throw new UsageError(
      `--campaign: "${value}" is not "name:segment:holdout%" (for example "Win back:At Risk:15%").`,
    );
  }
  if (!validHoldoutPercent(percent)) {
    throw new UsageError(
      `--campaign: the holdout in "${value}" must be from ${MIN_HOLDOUT_PERCENT}% to ${MAX_HOLDOUT_PERCENT}%.`,
    );
  }
  return { name, segment, holdoutPercent: percent };
}

const HELP_EN = `segment-tabs: RFM scores and coloured customer-segment tabs from a shop's sales export.

Usage:
  segment-tabs <input.xlsx | invoices.csv [customers.csv]> -o out.xlsx [options]

An .xlsx input is read sheet by sheet; the invoice and customer sheets are found by their headers.
CSV files are read as UTF-8 (with or without BOM), separated by commas, semicolons or tabs.

Options:
  -o, --output FILE      the .xlsx to write (its folder is created; never one of the inputs)
  --as-of DATE           YYYY-MM-DD, "latest" (latest purchase in the data) or "today" (default today)
  --tz ZONE              the shop's time zone (default ${DEFAULT_OPTIONS.timeZone})
  --levels N             score levels: 3, 4 or 5 (default ${DEFAULT_OPTIONS.levels})
  --metrics SET          rfm, rf, rm or fm (default ${DEFAULT_OPTIONS.metrics})
  --breakpoints FILE     JSON thresholds instead of quintiles: {"r":[30,60,90,180],"f":[2,3,5,10],"m":[...]}
  --map FILE|JSON        column map, a file or inline: {"invoices":{"invoiceCode":"Mã hóa đơn","date":"C"},"customers":{...}}
  --explain-columns      list, per sheet and field, the column chosen, how sure, why, and the runner-up
  --no-segment-tabs      no tab per segment: the Customers tab (with its Segment column and filter) holds them
  --segments FILE        JSON filter segments, each a tab: [{"name":"VIP","definition":"total_spend >= 5000000",
                         "colour":"#f9a825","abGroups":2}] (colour and abGroups optional)
  --previous FILE        the .xlsx an earlier run wrote: History gets this run's rows with the change since
                         then, Movement and the previous-segment columns compare with it
  --campaign "N:S:H%"    start campaign N with segment S (an RFM segment's name or a --segments name),
                         holding out H% (default 15) to compare with; repeatable. Its members are frozen in
                         the output; later runs with --previous report its Campaign results
  --campaigns FILE       JSON list of campaigns: ["Win back:At Risk:15%", {"name":"Tết","segment":"Champions",
                         "holdoutPercent":10}]
  --date-order ORDER     dmy or mdy, for text dates that read either way
  --monetary WHAT        total (net spend, default) or average (order value)
  --lang LANG            vi or en: tab names, labels and messages (default ${DEFAULT_OPTIONS.language})
  --json                 print the summary as JSON instead of a table
  -h, --help             this help
`;

const HELP_VI = `segment-tabs: điểm RFM và các tab phân khúc khách hàng có màu từ dữ liệu bán hàng của shop.

Cách dùng:
  segment-tabs <tệp.xlsx | hoa-don.csv [khach-hang.csv]> -o ket-qua.xlsx [tùy chọn]

Tệp .xlsx được đọc từng sheet; sheet hóa đơn và sheet khách hàng được nhận ra theo dòng tiêu đề.
Tệp CSV được đọc theo UTF-8 (có hoặc không có BOM), phân cách bằng dấu phẩy, chấm phẩy hoặc tab.

Tùy chọn:
  -o, --output TỆP       tệp .xlsx kết quả (tạo thư mục nếu chưa có; không bao giờ ghi đè tệp đầu vào)
  --as-of NGÀY           YYYY-MM-DD, "latest" (ngày mua gần nhất trong dữ liệu) hoặc "today" (mặc định today)
  --tz MÚI_GIỜ           múi giờ của shop (mặc định ${DEFAULT_OPTIONS.timeZone})
  --levels N             số mức điểm: 3, 4 hoặc 5 (mặc định ${DEFAULT_OPTIONS.levels})
  --metrics BỘ           rfm, rf, rm hoặc fm (mặc định ${DEFAULT_OPTIONS.metrics})
  --breakpoints TỆP      ngưỡng cố định (JSON) thay cho ngũ phân vị: {"r":[30,60,90,180],"f":[2,3,5,10],"m":[...]}
  --map TỆP|JSON         bảng cột, một tệp hoặc viết thẳng: {"invoices":{"invoiceCode":"Mã hóa đơn","date":"C"},"customers":{...}}
  --explain-columns      liệt kê cột được chọn cho từng trường, độ chắc chắn, lý do và cột đứng thứ hai
  --no-segment-tabs      không tạo tab cho từng phân khúc: tab Khách hàng (cột Phân khúc và bộ lọc) thay thế
  --segments TỆP         phân khúc lọc (JSON), mỗi phân khúc một tab: [{"name":"VIP","definition":"total_spend >= 5000000",
                         "colour":"#f9a825","abGroups":2}] (colour và abGroups không bắt buộc)
  --previous TỆP         tệp .xlsx của lần chạy trước: Lịch sử thêm các dòng lần này với thay đổi so với lần đó,
                         Dịch chuyển và các cột phân khúc trước so với lần đó
  --campaign "T:P:H%"    bắt đầu chiến dịch T với phân khúc P (tên phân khúc RFM hoặc tên trong --segments),
                         giữ lại H% (mặc định 15) làm nhóm đối chứng; lặp lại được. Thành viên được lưu trong
                         tệp kết quả; các lần chạy sau với --previous báo Kết quả chiến dịch
  --campaigns TỆP        danh sách chiến dịch (JSON): ["Gọi lại:Có nguy cơ rời bỏ:15%", {"name":"Tết",
                         "segment":"Champions","holdoutPercent":10}]
  --date-order THỨ_TỰ    dmy hoặc mdy, cho ngày dạng chữ đọc được cả hai cách
  --monetary LOẠI        total (tổng chi, mặc định) hoặc average (giá trị đơn trung bình)
  --lang NGÔN_NGỮ        vi hoặc en: tên tab, nhãn và thông báo (mặc định ${DEFAULT_OPTIONS.language})
  --json                 in tóm tắt dạng JSON thay cho bảng
  -h, --help             trợ giúp này
`;

export function helpText(language: Language): string {
  return language === 'vi' ? HELP_VI : HELP_EN;
}
