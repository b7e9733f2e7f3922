// The d-dimensional test functions: one registry, keyed by id, complete (a test iterates it).
import { matrixFactorization } from './matrixFactorization';
import { rastrigin } from './rastrigin';
import { rosenbrock } from './rosenbrock';
import { saddleChain } from './saddleChain';
import { strictSaddle } from './strictSaddle';
import { styblinskiTang } from './styblinskiTang';
import type { CreateResult, DFunction, DFunctionId } from './types';

export const D_FUNCTIONS: Readonly<Record<DFunctionId, DFunction>> = {
  rastrigin,
  rosenbrock,
  styblinskiTang,
  strictSaddle,
  saddleChain,
  matrixFactorization,
};

export const D_FUNCTION_IDS = Object.keys(D_FUNCTIONS) as DFunctionId[];

/** The instance of function `id` at `dim` with `params`, or one printable line saying why not. */
export function createInstance(id: string, dim: number, params?: Readonly<Record<string, number | undefined>>): CreateResult {
  if (!Object.hasOwn(D_FUNCTIONS, id)) return { ok: false, error: `unknown function ${id}; one of ${D_FUNCTION_IDS.join(', ')}` };
  return D_FUNCTIONS[id as DFunctionId].create(dim, params);
}

export { separablePoint } from './separable';
export * from './types';
