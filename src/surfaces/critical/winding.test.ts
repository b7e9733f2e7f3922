// Winding numbers of grad f around boxes, on surfaces whose indices are known by hand.
import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../catalogue';
import { GradientField } from './winding';

describe('GradientField.winding', () => {
  it('counts +1 around a minimum and a maximum, -1 around a saddle, -2 around the monkey saddle', () => {
    const doubleWell = new GradientField(CATALOGUE.doubleWell);
    expect(doubleWell.winding(-0.3, 0.7, 0.2, 1.4)).toBe(1); // minimum (0, 1)
    expect(doubleWell.winding(-0.3, -0.2, 0.4, 0.3)).toBe(-1); // saddle (0, 0)
    expect(doubleWell.winding(-1, -2, 1, 2)).toBe(1); // all three: 1 + 1 - 1
    expect(new GradientField(CATALOGUE.himmelblau).winding(-1, -1.5, 0.5, 0)).toBe(1); // maximum
    expect(new GradientField(CATALOGUE.monkeySaddle).winding(-0.7, -0.4, 0.3, 0.9)).toBe(-2);
  });

  it('counts 0 around a box without critical points', () => {
    expect(new GradientField(CATALOGUE.doubleWell).winding(0.5, 0.5, 1.5, 1.5)).toBe(0);
  });

  it('says null when the gradient vanishes on the edge', () => {
    expect(new GradientField(CATALOGUE.saddle).winding(0, -1, 1, 1)).toBeNull();
  });
});
