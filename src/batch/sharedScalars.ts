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
  // -0 is its own key (JSON would write it as 0).
  return JSON.stringify(scalarDeps(scalars, params).map((name) => [name, params[name]]), (_, v: unknown) => (Object.is(v, -0) ? '-0' : v));
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

  constructor(private readonly scalars: StepScalars) {}

  /** The sequence a pixel with these parameters reads. */
  sequenceFor(params: Record<string, ParamValue>): StepScalarSequence {
    const key = scalarKey(this.scalars, params);
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
