/**
 * `--campaign` on the command line with `--previous` (issue 19): the tea shop of campaign-shop.ts starts its
 * campaign on 30 September, then runs on 29 November with the first output as `--previous`. The groups are
 * those the add-on froze (same hash of name and key), and the results are the numbers worked out by hand in
 * test/history/campaign-runs.test.ts.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCampaign, UsageError } from '../../src/cli/args';
import { checkCampaigns, main } from '../../src/cli/main';
import type { CliSummaryJson } from '../../src/cli/summary-table';
import { CAMPAIGN, CUSTOMERS, GROUPS, KHANH, NOVEMBER, SPRING } from '../history/campaign-shop';
import { CUSTOMER_HEADER, INVOICE_HEADER } from '../history/small-shop';
import { captureIo, readWorkbook, tempDir } from './helpers';
import { toCsv } from './shop-fixture';

const dir = tempDir('campaign');
writeFileSync(join(dir, 'khach-hang.csv'), toCsv([CUSTOMER_HEADER, ...CUSTOMERS], ','));
writeFileSync(join(dir, 'thang-9.csv'), toCsv([INVOICE_HEADER, ...SPRING, ...KHANH], ','));
writeFileSync(join(dir, 'thang-11.csv'), toCsv([INVOICE_HEADER, ...NOVEMBER], ','));
writeFileSync(join(dir, 'nguong.json'), JSON.stringify({ r: [30, 90], f: [2, 4] }));
const SCORING = ['--levels', '3', '--metrics', 'rf', '--breakpoints', 'nguong.json', '--date-order', 'dmy'];

async function run(argv: string[]) {
  const io = captureIo(dir);
  const code = await main(argv, io);
  return { code, out: io.out(), err: io.err() };
}

describe('--campaign "name:segment:holdout%"', () => {
  test('reads the name, the segment and the share from the right; the share defaults to 15%', () => {
    expect(parseCampaign('Gọi lại khách cũ:At Risk:40%')).toEqual({
      name: 'Gọi lại khách cũ',
      segment: 'At Risk',
      holdoutPercent: 40,
    });
    expect(parseCampaign('Tết: lì xì:Champions')).toEqual({
      name: 'Tết: lì xì',
      segment: 'Champions',
      holdoutPercent: 15,
    });
    expect(() => parseCampaign('Champions')).toThrow(UsageError);
    expect(() => parseCampaign('Tết:Champions:80%')).toThrow('must be from 1% to 50%');
  });

  test('--campaigns FILE: a list of the same texts, or objects; a bad entry is named', async () => {
    writeFileSync(
      join(dir, 'chien-dich.json'),
      JSON.stringify([`${CAMPAIGN}:at-risk:40%`, { name: 'Tết', segment: 'Khách hàng xuất sắc' }]),
    );
    const result = await run([
      'thang-9.csv',
      'khach-hang.csv',
      '-o',
      'file.xlsx',
      '--as-of',
      '2026-09-30',
      ...SCORING,
      '--campaigns',
      'chien-dich.json',
      '--json',
    ]);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.out) as CliSummaryJson;
    expect(
      json.campaigns!.map((c) => [
        c.name,
        c.segment,
        c.holdoutPercent,
        c.treated.customers + c.holdout.customers,
      ]),
    ).toEqual([
      [CAMPAIGN, 'at-risk', 40, 8],
      // Khánh alone is a Champion on 30 September.
      ['Tết', 'champions', 15, 1],
    ]);
    expect(() => checkCampaigns([{ name: 'Tết' }], 'x.json')).toThrow(
      '--campaigns x.json: entry 1 needs a "name" and a "segment".',
    );
    expect(() => checkCampaigns(['Tết:Champions:70%'], 'x.json')).toThrow(
      '--campaigns x.json: entry 1: the holdout in "Tết:Champions:70%" must be from 1% to 50%.',
    );
  });

  test('an unknown segment stops the run with the segments it knows', async () => {
    const result = await run([
      'thang-9.csv',
      'khach-hang.csv',
      '-o',
      'x.xlsx',
      '--as-of',
      '2026-09-30',
      '--lang',
      'en',
      '--campaign',
      'Win back:Sleepers:10',
    ]);
    expect(result.code).toBe(2);
    expect(result.err).toContain(
      '--campaign "Win back": there is no segment "Sleepers". Segments: Champions,',
    );
  });

  test('start, then 60 days later with --previous: same groups as the add-on, hand-checked results', async () => {
    const start = await run([
      'thang-9.csv',
      'khach-hang.csv',
      '-o',
      'thang-9.xlsx',
      '--as-of',
      '2026-09-30',
      ...SCORING,
      '--campaign',
      `${CAMPAIGN}:Có nguy cơ rời bỏ:40%`,
    ]);
    expect(start.err).not.toContain('segment-tabs:');
    expect(start.code).toBe(0);
    const first = await readWorkbook(join(dir, 'thang-9.xlsx'));
    const members = first.getWorksheet('segment-tabs campaign members')!;
    expect(members.state).toBe('hidden');
    const groups: Record<string, string> = {};
    members.eachRow((row, r) => {
      if (r > 1) groups[String(row.getCell(2).value)] = String(row.getCell(3).value);
    });
    expect(groups).toEqual(GROUPS);

    const later = await run([
      'thang-11.csv',
      'khach-hang.csv',
      '-o',
      'thang-11.xlsx',
      '--as-of',
      '2026-11-29',
      ...SCORING,
      '--previous',
      'thang-9.xlsx',
      // Given again, as a shop re-running its command would: the campaign is not started a second time.
      '--campaign',
      `${CAMPAIGN}:Có nguy cơ rời bỏ:40%`,
      '--json',
    ]);
    expect(later.code).toBe(0);
    const json = JSON.parse(later.out) as CliSummaryJson;
    expect(json.campaigns).toHaveLength(1);
    const campaign = json.campaigns![0]!;
    expect(campaign).toMatchObject({
      name: CAMPAIGN,
      start: '2026-09-30',
      segment: 'at-risk',
      daysSince: 60,
    });
    expect(campaign.treated).toEqual({
      customers: 5,
      boughtWithin: [2, 3, 4],
      boughtSince: 4,
      rate: 0.8,
      revenue: 2_200_000,
      revenuePerCustomer: 440_000,
      movedToBetterSegment: 4,
    });
    expect(campaign.holdout).toMatchObject({ customers: 3, boughtSince: 2, revenue: 400_000 });
    expect(campaign.sentence).toBe('Quá ít khách để kết luận: cần khoảng 315 khách mỗi nhóm.');
    const results = (await readWorkbook(join(dir, 'thang-11.xlsx'))).getWorksheet('Kết quả chiến dịch')!;
    expect(results.getCell('D2').value).toBe('Nhận ưu đãi');
    expect(results.getCell('I2').value).toBe(4);

    const table = await run([
      'thang-11.csv',
      'khach-hang.csv',
      '-o',
      't.xlsx',
      '--as-of',
      '2026-11-29',
      ...SCORING,
      '--previous',
      'thang-11.xlsx',
    ]);
    expect(table.out).toContain(`Kết quả chiến dịch:\n  ${CAMPAIGN} (2026-09-30): Quá ít khách`);
  });
});
