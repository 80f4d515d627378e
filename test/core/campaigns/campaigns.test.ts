/** The holdout split and the campaign tabs read back (campaigns.ts). */
import {
  campaignRows,
  freezeCampaign,
  holdoutGroup,
  readCampaigns,
  CAMPAIGNS_HEADER,
  MEMBERS_HEADER,
} from '../../../src/core/campaigns/campaigns';
import { splitHashText } from '../../../src/core/filter/ab-split';
import type { CustomerRecord } from '../../../src/core/model';
import { dayNumberFromYmd } from '../../../src/core/parse/time-zone';
import { stableHash32 } from '../../../src/core/stable-hash';

describe('holdoutGroup', () => {
  test('is the stable hash of name ␟ key below share × 10 000, whatever the spacing of the name', () => {
    const key = 'phone:0912345678';
    const bucket = stableHash32(splitHashText('Tri ân', key)) % 10_000;
    expect(holdoutGroup('Tri ân', key, bucket / 100 + 0.01)).toBe('holdout');
    expect(holdoutGroup('Tri ân', key, bucket / 100)).toBe('treated');
    expect(holdoutGroup('  Tri   ân ', key, 15)).toBe(holdoutGroup('Tri ân', key, 15));
  });

  test('holds out close to the share asked for over many customers', () => {
    const keys = Array.from({ length: 20_000 }, (_, i) => `code:KH${i}`);
    const share = keys.filter((key) => holdoutGroup('Khuyến mãi Tết', key, 15) === 'holdout').length;
    // 15% of 20 000 = 3 000; the binomial standard deviation is √(20 000 × 0.15 × 0.85) ≈ 50.
    expect(share).toBeGreaterThan(2_850);
    expect(share).toBeLessThan(3_150);
  });
});

describe('readCampaigns', () => {
  const customer = (key: string, segmentId: string) => ({ key, segmentId }) as CustomerRecord;
  const start = dayNumberFromYmd(2026, 9, 30);
  const frozen = freezeCampaign(
    { name: 'Gọi lại', segmentKey: 'at-risk', holdoutPercent: 20 },
    'Có nguy cơ rời bỏ',
    [customer('code:KH1', 'at-risk'), customer('code:KH2', 'at-risk')],
    start,
  );
  const rows = campaignRows(frozen);

  test('reads back what it wrote', () => {
    const read = readCampaigns(
      [[...CAMPAIGNS_HEADER], ...rows.campaigns],
      [[...MEMBERS_HEADER], ...rows.members],
    );
    expect(read).toEqual(frozen);
  });

  test('skips rows a person broke, and members of campaigns it does not know', () => {
    const read = readCampaigns(
      [
        [...CAMPAIGNS_HEADER],
        ...rows.campaigns,
        ['', '2026-10-01', 'x', 'lost', '10'],
        ['No date', '1/10/2026', 'x', 'lost', '10'],
        ['Too big', '2026-10-01', 'x', 'lost', '90'],
        // The same name twice: the first row counts.
        ['Gọi lại', '2026-12-01', 'x', 'lost', '10'],
      ],
      [
        [...MEMBERS_HEADER],
        ...rows.members,
        ['Unknown', 'code:KH9', 'treated', 'lost'],
        ['Gọi lại', 'code:KH8', 'maybe', 'lost'],
      ],
    );
    expect(read).toEqual(frozen);
  });

  test('a tab not in our layout reads as no campaign', () => {
    expect(readCampaigns([['Tên', 'Ngày']], undefined)).toEqual({ records: [], members: [] });
  });
});
