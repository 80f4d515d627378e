import { SEGMENTS } from '../../../src/core/rfm/segment-catalogue';
import {
  DEFAULT_SEGMENT_MAP,
  describeSegmentMapError,
  segmentResolver,
  validateSegmentMap,
} from '../../../src/core/rfm/segment-map';

describe('the 125-code map', () => {
  test('puts every code from 111 to 555 in exactly one segment', () => {
    expect(validateSegmentMap(DEFAULT_SEGMENT_MAP)).toBeNull();
    const all = Object.values(DEFAULT_SEGMENT_MAP).flat();
    expect(all).toHaveLength(125);
    expect(new Set(all).size).toBe(125);
  });

  test('names the missing and doubled codes of an edited map', () => {
    const edited = {
      ...DEFAULT_SEGMENT_MAP,
      lost: ['111', '112', '121', '131', '141'],
      loyal: [...DEFAULT_SEGMENT_MAP.loyal, '555'],
    };
    const error = validateSegmentMap(edited)!;
    expect(error.missing).toEqual(['151']);
    expect(error.doubled).toEqual([{ code: '555', segments: ['champions', 'loyal'] }]);
    expect(describeSegmentMapError(error)).toBe(
      'The segment map must put each of the 125 codes in exactly one segment; codes in no segment: 151; ' +
        'codes in more than one segment: 555 (champions, loyal).',
    );
    expect(() => segmentResolver(5, 'rfm', edited)).toThrow('codes in no segment: 151');
  });

  test('resolves codes, and R0F0M0 to Prospect', () => {
    const resolve = segmentResolver(5, 'rfm');
    expect(resolve(5, 5, 5)).toBe('champions');
    expect(resolve(1, 5, 5)).toBe('cant-lose-them');
    expect(resolve(5, 1, 1)).toBe('new-customers');
    expect(resolve(1, 1, 1)).toBe('lost');
    expect(resolve(0, 0, 0)).toBe('prospect');
  });

  test('every segment has a colour, two names and an action', () => {
    for (const segment of SEGMENTS) {
      expect(segment.colour).toMatch(/^#[0-9a-f]{6}$/);
      expect(segment.name.vi && segment.name.en && segment.action.vi && segment.action.en).toBeTruthy();
    }
  });
});

describe('R×F grid for fewer levels or two metrics', () => {
  test('two metrics on five levels', () => {
    const resolve = segmentResolver(5, 'rf');
    expect(resolve(5, 5, 0)).toBe('champions');
    expect(resolve(5, 1, 0)).toBe('new-customers');
    expect(resolve(2, 5, 0)).toBe('cant-lose-them');
    expect(resolve(1, 1, 0)).toBe('lost');
  });

  test('three levels are placed on the five-level scale (1, 3, 5)', () => {
    const resolve = segmentResolver(3, 'rfm');
    expect(resolve(3, 3, 1)).toBe('champions');
    expect(resolve(2, 2, 2)).toBe('need-attention');
    expect(resolve(1, 3, 3)).toBe('cant-lose-them');
    expect(resolve(0, 0, 0)).toBe('prospect');
  });

  test('every cell of every grid names a known segment', () => {
    const known = new Set(SEGMENTS.map((segment) => segment.id));
    for (const levels of [3, 4, 5] as const) {
      for (const metrics of ['rf', 'rm', 'fm'] as const) {
        const resolve = segmentResolver(levels, metrics);
        for (let x = 1; x <= levels; x++)
          for (let y = 1; y <= levels; y++) expect(known.has(resolve(x, y, y))).toBe(true);
      }
    }
  });
});
