// The Experiment's view of the functions (src/experiment: FUNCTION_IDS, FUNCTION_PARAM_LIMITS,
// LIMITS.functionDim), written there because src/experiment imports nothing from here, is the
// registry's, id by id and parameter by parameter.
import { describe, expect, it } from 'vitest';
import { FUNCTION_PARAM_LIMITS } from '../experiment/functions';
import { LIMITS } from '../experiment/limits';
import { FUNCTION_IDS } from '../experiment/types';
import { D_FUNCTION_IDS, D_FUNCTIONS } from './index';

describe('the experiment agrees with the function registry', () => {
  it('has the same ids', () => {
    expect([...FUNCTION_IDS].sort()).toEqual([...D_FUNCTION_IDS].sort());
  });

  it.each(FUNCTION_IDS.map((id) => [id]))('%s: the same parameters with the same limits, and the same dimensions', (id) => {
    const fn = D_FUNCTIONS[id];
    expect(FUNCTION_PARAM_LIMITS[id]).toEqual(fn.params.map(({ key, min, max, integer }) => ({ key, min, max, integer })));
    expect([fn.minDim, fn.maxDim]).toEqual([LIMITS.functionDim.min, LIMITS.functionDim.max]);
  });

});
