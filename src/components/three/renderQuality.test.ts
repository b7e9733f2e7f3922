import { describe, expect, it } from 'vitest';
import { BUSY_SCALE, pixelRatio } from './renderQuality';

describe('pixelRatio', () => {
  it('draws at the device ratio (at most 2) with a GPU, busy or not', () => {
    expect(pixelRatio(1, false, true)).toBe(1);
    expect(pixelRatio(3, false, false)).toBe(2);
    expect(pixelRatio(0, false, false)).toBe(1);
  });
  it('drops to the busy scale only in software and only while busy', () => {
    expect(pixelRatio(1, true, false)).toBe(1);
    expect(pixelRatio(1, true, true)).toBe(BUSY_SCALE);
    expect(pixelRatio(2, true, true, 0.25)).toBe(0.5);
  });
});
