// What the Experiment knows of the d-dimensional functions: each one's parameters with their
// limits (the schema's and the link's), written here because src/experiment imports nothing
// from src/functions. src/functions/limits.test.ts proves this table equal to the registry's
// parameter specs, key by key, so the two forms cannot drift.
import type { FunctionId, Run } from './types';

export interface FunctionParamLimit {
  key: string;
  min: number;
  max: number;
  integer: boolean;
}

export const FUNCTION_PARAM_LIMITS: Readonly<Record<FunctionId, readonly FunctionParamLimit[]>> = {
  rastrigin: [],
  rosenbrock: [],
  styblinskiTang: [],
  strictSaddle: [{ key: 'k', min: 1, max: 1000, integer: true }],
  saddleChain: [
    { key: 'tau', min: 0.1, max: 100, integer: false },
    { key: 'L', min: 0.01, max: 100, integer: false },
    { key: 'gamma', min: 0.01, max: 100, integer: false },
  ],
  matrixFactorization: [
    { key: 'r', min: 1, max: 31, integer: true },
    { key: 'seed', min: 0, max: 4294967295, integer: true },
  ],
};

/** A surface run's start as the pair it is (the cross-field rules give a surface run 2 numbers or none). */
export function planeStart(run: Pick<Run, 'start'>): [number, number] | undefined {
  const s = run.start;
  return s && s.length === 2 ? [s[0], s[1]] : undefined;
}
