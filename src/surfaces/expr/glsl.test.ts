import { describe, expect, it } from 'vitest';
import { GLSL_PRELUDE, glslFloat } from './glsl';
import { MAX_MULTIPLIED_EXPONENT } from './power';

describe('glslFloat', () => {
  it('writes float literals GLSL accepts', () => {
    expect([0, 1, 2.5, 1e-7, 1e21, -3, -0].map(glslFloat)).toEqual(['0.0', '1.0', '2.5', '1e-7', '1e+21', '(-3.0)', '(-0.0)']);
  });

  it('writes values beyond float range as infinities, and NaN by its bits', () => {
    expect([1e300, -1e300, Infinity, NaN].map(glslFloat)).toEqual([
      'uintBitsToFloat(0x7f800000u)',
      '(-uintBitsToFloat(0x7f800000u))',
      'uintBitsToFloat(0x7f800000u)',
      'uintBitsToFloat(0x7fc00000u)',
    ]);
  });
});

describe('GLSL_PRELUDE', () => {
  it('declares spPowi, with a loop bound GLSL ES accepts that covers every exponent it is given', () => {
    expect(GLSL_PRELUDE).toContain('float spPowi(float x, int n)');
    const bits = Number(/for \(int i = 0; i < (\d+); i\+\+\)/.exec(GLSL_PRELUDE)?.[1]);
    expect(2 ** bits).toBeGreaterThan(MAX_MULTIPLIED_EXPONENT);
  });
});
