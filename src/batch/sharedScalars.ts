// A sweep runs one optimizer instance per pixel, and each instance would compute its step
// scalars (Adam's bias corrections: two deterministic pow per step) on its own: in a 128 x 128
// sweep that was most of the time. Pixels whose parameters give the same scalars share one
// sequence here, advanced once per lockstep step for all of them. Which parameters a sequence
// reads is observed, not declared: the sequence is started on a recording view of the
// parameters, so a new optimizer needs no extra table (a sweep of lr x beta1 shares per row,
// one of beta1 x beta2 still computes per pixel, since there every pixel's scalars differ).
import type { ParamValue } from '../experiment/types';
import type { StepScalars, StepScalarSequence } from '../optim/types';

/** The parameters `scalars` reads when started on `params` (and on its first step). */
export function scalarDeps(scalars: StepScalars, params: Record<string, ParamValue>): string[] {
  const read = new Set<string>();
  const recording = new Proxy(params, {
    get(target, key, receiver) {
      if (typeof key === 'string') read.add(key);
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
  scalars.start(recording).next();
  return [...read].sort();
}

/** Equal for two parameter sets exactly when `scalars` reads the same values from both. */
export function scalarKey(scalars: StepScalars, params: Record<string, ParamValue>): string {
  return keyOf(scalarDeps(scalars, params), params);
}

/** The names `deps` with their values in `params`, as one string. */
function keyOf(deps: readonly string[], params: Record<string, ParamValue>): string {
  let key = '';
  for (const name of deps) key += `${name}=${valueKey(params[name])};`;
  return key;
}

/** One value as text: distinct values give distinct texts (-0 and 0, 1 and '1', NaN and Infinity too). */
function valueKey(v: unknown): string {
  if (typeof v === 'number') return Object.is(v, -0) ? '-0' : String(v);
  if (Array.isArray(v)) return `[${v.map(valueKey).join(',')}]`;
  return JSON.stringify(v) ?? String(v);
}

/**
 * scalarKey for the many parameter sets of one map, observing the reads (scalarDeps: a Proxy and
 * a first step, with its pow calls) only for a set that no earlier observation covers: in a
 * 128 x 128 sweep the observation per pixel was 6 % of the map's time. Sound because a sequence
 * is a function of the values it reads: a set that agrees with an observed one on every
 * parameter that observation read makes the same reads, so its key is the same names with the
 * same values.
 */
export class ScalarKeys {
  /** The distinct lists of parameters the observations read. */
  private readonly observed: string[][] = [];
  /** The keys observed. */
  private readonly seen = new Set<string>();

  constructor(private readonly scalars: StepScalars) {}

  /** scalarKey(scalars, params). */
  of(params: Record<string, ParamValue>): string {
    for (const deps of this.observed) {
      const key = keyOf(deps, params);
      if (this.seen.has(key)) return key;
    }
    const deps = scalarDeps(this.scalars, params);
    const key = keyOf(deps, params);
    if (!this.observed.some((d) => d.join() === deps.join())) this.observed.push(deps);
    this.seen.add(key);
    return key;
  }
}

/** One sequence of step scalars read by several instances: next() returns this step's values. */
class SharedSequence implements StepScalarSequence {
  private values: Float64Array;

  constructor(private readonly source: StepScalarSequence) {
    this.values = new Float64Array(0);
  }

  /** Moves to the next step: called once per lockstep step, before the instances step. */
  advance(): void {
    this.values = this.source.next();
  }

  next(): Float64Array {
    return this.values;
  }
}

/** The shared sequences of a set of pixels, one per distinct value of the parameters the scalars read. */
export class SharedScalars {
  private readonly byKey = new Map<string, SharedSequence>();
  private readonly all: SharedSequence[] = [];
  private readonly keys: ScalarKeys;

  constructor(private readonly scalars: StepScalars) {
    this.keys = new ScalarKeys(scalars);
  }

  /** The sequence a pixel with these parameters reads. */
  sequenceFor(params: Record<string, ParamValue>): StepScalarSequence {
    const key = this.keys.of(params);
    let seq = this.byKey.get(key);
    if (!seq) {
      seq = new SharedSequence(this.scalars.start(params));
      this.byKey.set(key, seq);
      this.all.push(seq);
    }
    return seq;
  }

  /** Distinct sequences (for tests and the benchmark's notes). */
  get size(): number {
    return this.all.length;
  }

  /** Moves every sequence to the next step. */
  advance(): void {
    for (let k = 0; k < this.all.length; k++) this.all[k].advance();
  }
}
