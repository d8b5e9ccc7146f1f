import { describe, expect, it } from 'vitest';
import { numberToClips } from '../../../../renderer/audio/number-clips';

describe('numberToClips (Ukrainian numbers from clips)', () => {
  it('reads hand-picked numbers as people say them', () => {
    expect(numberToClips(1)).toEqual(['num-1']);
    expect(numberToClips(12)).toEqual(['num-12']);
    expect(numberToClips(19)).toEqual(['num-19']);
    expect(numberToClips(20)).toEqual(['num-20']);
    expect(numberToClips(21)).toEqual(['num-20', 'num-1']);
    expect(numberToClips(100)).toEqual(['num-100']);
    expect(numberToClips(110)).toEqual(['num-100', 'num-10']);
    expect(numberToClips(115)).toEqual(['num-100', 'num-15']);
    expect(numberToClips(345)).toEqual(['num-300', 'num-40', 'num-5']);
    expect(numberToClips(909)).toEqual(['num-900', 'num-9']);
    expect(numberToClips(999)).toEqual(['num-900', 'num-90', 'num-9']);
  });

  it('covers 1–999 with only the clips that exist, in falling order of magnitude', () => {
    const existing = new Set(['num-0', ...Array.from({ length: 19 }, (_, i) => `num-${i + 1}`),
      ...[20, 30, 40, 50, 60, 70, 80, 90, 100, 200, 300, 400, 500, 600, 700, 800, 900].map((n) => `num-${n}`)]);
    for (let n = 1; n <= 999; n += 1) {
      const clips = numberToClips(n);
      expect(clips.length).toBeGreaterThan(0);
      for (const clip of clips) expect(existing.has(clip), `${n}: ${clip}`).toBe(true);
      // The clip values add up to the number.
      expect(clips.reduce((sum, clip) => sum + Number(clip.slice(4)), 0)).toBe(n);
    }
  });

  it('reads numbers past 999 digit by digit and refuses nonsense', () => {
    expect(numberToClips(1000)).toEqual(['num-1', 'num-0', 'num-0', 'num-0']);
    expect(numberToClips(0)).toEqual(['num-0']);
    expect(numberToClips(-1)).toEqual([]);
    expect(numberToClips(1.5)).toEqual([]);
  });
});
