// Growable per-run buffers of a network run's streamed series (the network twin of the store's
// RunTrace): appending a chunk copies it once into doubling Float64Arrays. The store keeps one
// NetTrace per run and bumps a revision counter; the charts read [0, length).
import type { RunStop } from '../experiment/types';
import type { NetworkChunk } from '../nets/engine';
import { grow, runColor } from './traces';

export interface NetTrace {
  label: string;
  color: string;
  length: number;
  /** Training objective L(w_t) (mean logistic loss + Omega), full batch. */
  f: Float64Array;
  gradNorm: Float64Array;
  /** Evaluations spent before each step (RunResult.evals). */
  evals: Float64Array;
  heldOutLoss: Float64Array;
  accuracy: Float64Array;
  heldOutAccuracy: Float64Array;
  perturbations: number[];
  stop: RunStop | null;
}

export function emptyNetTrace(label: string, index: number, color = runColor(index)): NetTrace {
  const a = () => new Float64Array(128);
  return { label, color, length: 0, f: a(), gradNorm: a(), evals: a(), heldOutLoss: a(), accuracy: a(), heldOutAccuracy: a(), perturbations: [], stop: null };
}

const SERIES = ['f', 'gradNorm', 'evals', 'heldOutLoss', 'accuracy', 'heldOutAccuracy'] as const;

/** Appends a chunk in place (chunks must arrive in order); returns the same trace. */
export function appendNetChunk(t: NetTrace, chunk: NetworkChunk): NetTrace {
  if (chunk.start !== t.length) throw new Error(`chunk for run ${chunk.run} starts at ${chunk.start}, trace has ${t.length}`);
  const n = chunk.f.length;
  for (const key of SERIES) {
    t[key] = grow(t[key], t.length + n);
    t[key].set(chunk[key], t.length);
  }
  t.length += n;
  if (chunk.perturbations.length) t.perturbations.push(...chunk.perturbations);
  if (chunk.stop) t.stop = chunk.stop;
  return t;
}
