// The checks every function's `create` shares: the dimension and each parameter against its
// spec (defaults filled in, unknown keys refused), as errors-as-values with one printable line.
import type { CreateResult, DFunction, FunctionParams, Instance, ParamSpec } from './types';

export interface FunctionSpec extends Omit<DFunction, 'create'> {
  /** Builds the instance from checked inputs; returns a string for a relation that fails (k > dim, ...). */
  build(dim: number, params: FunctionParams): Instance | string;
}

function checkParam(spec: ParamSpec, value: number): string | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return `${spec.key} must be a finite number`;
  if (spec.integer && !Number.isInteger(value)) return `${spec.key} must be an integer`;
  if (value < spec.min || value > spec.max) return `${spec.key} must lie in [${spec.min}, ${spec.max}], got ${value}`;
  return null;
}

export function defineFunction(spec: FunctionSpec): DFunction {
  const { build, ...rest } = spec;
  const create = (dim: number, given: Readonly<Record<string, number | undefined>> = {}): CreateResult => {
    const fail = (error: string): CreateResult => ({ ok: false, error: `${spec.id}: ${error}` });
    if (!Number.isInteger(dim) || dim < spec.minDim || dim > spec.maxDim) return fail(`dimension must be an integer in [${spec.minDim}, ${spec.maxDim}], got ${dim}`);
    const known = new Set(spec.params.map((p) => p.key));
    for (const key of Object.keys(given)) if (!known.has(key) && given[key] !== undefined) return fail(`unknown parameter ${key}`);
    const params: Record<string, number> = {};
    for (const p of spec.params) {
      const value = given[p.key] ?? p.default;
      const error = checkParam(p, value);
      if (error) return fail(error);
      params[p.key] = value;
    }
    const built = build(dim, params);
    return typeof built === 'string' ? fail(built) : { ok: true, value: built };
  };
  return { ...rest, create };
}
