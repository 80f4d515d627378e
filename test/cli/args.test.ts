import { helpText, parseArgs, UsageError } from '../../src/cli/args';

function parsed(argv: string[]) {
  const result = parseArgs(argv);
  if (result.help) throw new Error('expected a run, got help');
  return result;
}

function usageError(argv: string[]): string {
  try {
    parseArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) return error.message;
    throw error;
  }
  throw new Error(`no usage error for ${argv.join(' ')}`);
}

describe('parseArgs', () => {
  it('takes the defaults of the add-on when only input and output are given', () => {
    expect(parsed(['hoa-don.csv', '-o', 'out/ket-qua.xlsx'])).toEqual({
      help: false,
      inputs: ['hoa-don.csv'],
      output: 'out/ket-qua.xlsx',
      asOf: 'today',
      timeZone: 'Asia/Ho_Chi_Minh',
      levels: 5,
      metrics: 'rfm',
      breakpointsFile: undefined,
      mapFile: undefined,
      segmentsFile: undefined,
      dateOrder: undefined,
      monetary: 'total',
      language: 'vi',
      json: false,
      explainColumns: false,
      segmentTabs: true,
      campaigns: [],
    });
  });

  it('reads every option, in either the spaced or the = form', () => {
    const args = parsed([
      'invoices.csv',
      'customers.csv',
      '--output=shop.xlsx',
      '--as-of',
      '2026-10-31',
      '--tz=Asia/Bangkok',
      '--levels',
      '3',
      '--metrics=rf',
      '--breakpoints',
      'bp.json',
      '--map=columns.json',
      '--segments',
      'segments.json',
      '--previous=last.xlsx',
      '--date-order',
      'mdy',
      '--monetary',
      'average',
      '--lang',
      'en',
      '--json',
    ]);
    expect(args).toMatchObject({
      inputs: ['invoices.csv', 'customers.csv'],
      output: 'shop.xlsx',
      asOf: '2026-10-31',
      timeZone: 'Asia/Bangkok',
      levels: 3,
      metrics: 'rf',
      breakpointsFile: 'bp.json',
      mapFile: 'columns.json',
      segmentsFile: 'segments.json',
      previousFile: 'last.xlsx',
      dateOrder: 'mdy',
      monetary: 'average',
      language: 'en',
      json: true,
    });
  });

  it('accepts latest and today as the as-of day, and files after --', () => {
    expect(parsed(['a.xlsx', '-o', 'b.xlsx', '--as-of', 'latest']).asOf).toBe('latest');
    expect(parsed(['-o', 'b.xlsx', '--', '-dash.csv']).inputs).toEqual(['-dash.csv']);
  });

  it('answers --help and -h in the language asked for', () => {
    expect(parseArgs(['--help'])).toEqual({ help: true, language: 'vi' });
    expect(parseArgs(['-h', '--lang', 'en'])).toEqual({ help: true, language: 'en' });
    expect(helpText('en')).toContain('--date-order ORDER');
    expect(helpText('vi')).toContain('không bao giờ ghi đè');
  });

  it.each([
    [['a.csv', '-o', 'b.xlsx', '--levels', '7'], '--levels: "7" is not one of 3, 4, 5.'],
    [['a.csv', '-o', 'b.xlsx', '--metrics', 'rfmx'], '--metrics: "rfmx" is not one of rfm, rf, rm, fm.'],
    [['a.csv', '-o', 'b.xlsx', '--date-order', 'ymd'], '--date-order: "ymd" is not one of dmy, mdy.'],
    [['a.csv', '-o', 'b.xlsx', '--monetary', 'sum'], '--monetary: "sum" is not one of total, average.'],
    [['a.csv', '-o', 'b.xlsx', '--lang', 'fr'], '--lang: "fr" is not one of vi, en.'],
    [
      ['a.csv', '-o', 'b.xlsx', '--as-of', '31/10/2026'],
      '--as-of: "31/10/2026" is not YYYY-MM-DD, "latest" or "today".',
    ],
    [
      ['a.csv', '-o', 'b.xlsx', '--tz', 'Saigon'],
      '--tz: "Saigon" is not a time zone (for example Asia/Ho_Chi_Minh).',
    ],
    [['a.csv', '-o', 'b.xlsx', '--colour'], 'Unknown option --colour.'],
    [['a.csv', '-o', 'b.xlsx', '--levels'], '--levels needs a value.'],
    [['a.csv', '-o', '--json'], '-o needs a value.'],
    [['a.csv', '-o', 'b.xlsx', '--json=yes'], '--json takes no value.'],
    [['a.csv', '-o', 'b.xlsx', '--levels', '4', '--levels', '5'], '--levels is given twice.'],
    [['-o', 'b.xlsx'], 'No input file: give an .xlsx file or one or two .csv files.'],
    [['a.csv'], 'No output file: pass -o out.xlsx.'],
    [['a.csv', '-o', 'b.csv'], '-o: the output "b.csv" must be an .xlsx file.'],
    [
      ['a.xls', '-o', 'b.xlsx'],
      '"a.xls" is neither an .xlsx nor a .csv file. Save it as .xlsx first (the old .xls format is not read).',
    ],
    [['a.txt', '-o', 'b.xlsx'], '"a.txt" is neither an .xlsx nor a .csv file.'],
    [
      ['a.xlsx', 'b.csv', '-o', 'c.xlsx'],
      'Give one .xlsx file (its sheets are read), or one or two .csv files, not both.',
    ],
    [['a.csv', 'b.csv', 'c.csv', '-o', 'd.xlsx'], 'Give at most two .csv files: invoices, then customers.'],
    [['a.csv', '-o', 'b.xlsx', '--map='], '--map needs a file name.'],
    [['a.csv', '-o', 'b.xlsx', '--previous='], '--previous needs a file name.'],
  ])('refuses %j with a message naming the problem', (argv, message) => {
    expect(usageError(argv)).toBe(message);
  });
});
