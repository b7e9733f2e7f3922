// Where the census starts its searches: seeded random weights, and points along training paths.
// Random starts come from one stream of their own (CENSUS_STREAM, far from the runs' 0..7 and the
// network's 1000+ of ../streams.ts), start k drawn after start k-1, so N + 1 starts begin with the
// same N. Each is Glorot-uniform as the engine's initialization (../mlp.ts, glorotInit) times a
// scale s, log-uniform in [1/4, 4], with biases uniform in [-s/2, s/2]: small scales start near
// the symmetric point w = 0, large ones among saturated units, where high-loss critical points lie.
import { runStream } from '../../optim/rng';
import { pow } from '../../numeric';
import type { Mlp } from '../mlp';
import type { NetObjective } from '../objective';

export const CENSUS_STREAM = 1100;

export const RANDOM_STARTS =
  'Glorot-uniform weights times s, s log-uniform in [1/4, 4], biases uniform in [-s/2, s/2] (stream (seed, 1100), one start after another)';

/** Path starts per run: the CLI's --census and the app's census take the same. */
export const PATH_POINTS_PER_RUN = 8;

export const PATH_STARTS = `up to ${PATH_POINTS_PER_RUN} points of each run's kept path, evenly spaced, the stop included`;

export interface CensusStart {
  source: 'random' | 'path';
  /** path starts: the run and the step of its path. */
  run?: number;
  step?: number;
  w: Float64Array;
}

export function randomStarts(net: Mlp, seed: number, count: number): CensusStart[] {
  const rng = runStream(seed, CENSUS_STREAM);
  const starts: CensusStart[] = [];
  for (let k = 0; k < count; k++) {
    const s = pow(2, 4 * rng.uniform() - 2);
    const w = new Float64Array(net.weightCount);
    for (const { fanIn, fanOut, wOffset, bOffset } of net.layers) {
      const a = s * Math.sqrt(6 / (fanIn + fanOut));
      for (let i = 0; i < fanIn * fanOut; i++) w[wOffset + i] = a * (2 * rng.uniform() - 1);
      for (let o = 0; o < fanOut; o++) w[bOffset + o] = s * (rng.uniform() - 0.5);
    }
    starts.push({ source: 'random', w });
  }
  return starts;
}

/** Up to perRun points of each path (steps and weights as the engine keeps them), evenly spaced, the last one included. */
export function pathStarts(paths: readonly { steps: number[]; weights: Float64Array[] }[], perRun: number): CensusStart[] {
  const starts: CensusStart[] = [];
  paths.forEach((path, run) => {
    const n = path.steps.length;
    const take = Math.min(n, perRun);
    const picked = new Set<number>();
    for (let k = 0; k < take; k++) picked.add(take === 1 ? n - 1 : Math.round((k * (n - 1)) / (take - 1)));
    for (const i of picked) starts.push({ source: 'path', run, step: path.steps[i], w: path.weights[i] });
  });
  return starts;
}

/** The census's path starts: PATH_POINTS_PER_RUN of each run's path, as the engine keeps it (../engine.ts, path()). */
export function censusPathStarts(paths: readonly { steps: number[]; weights: Float64Array[] }[]): CensusStart[] {
  return pathStarts(paths, PATH_POINTS_PER_RUN);
}

/** The census's starts, in the order the merge counts them: `count` random ones, then the path starts. */
export function censusStarts(net: Mlp, seed: number, count: number, path: readonly CensusStart[]): CensusStart[] {
  return [...randomStarts(net, seed, count), ...path];
}

/**
 * Paths of plain full-batch gradient descent, w <- w - lr grad L(w), from each init, recorded at
 * `record` evenly spaced steps from 0 to `steps` (the shape of the engine's NetworkPath), for
 * census starts along training paths when no experiment's runs are at hand. A path that stops
 * being finite ends at its last finite point.
 */
export function descentPaths(objective: NetObjective, inits: readonly Float64Array[], lr: number, steps: number, record: number): { steps: number[]; weights: Float64Array[] }[] {
  const g = new Float64Array(objective.dim);
  return inits.map((init) => {
    const w = init.slice();
    const path = { steps: [0], weights: [w.slice()] };
    for (let t = 1; t <= steps; t++) {
      objective.lossGrad(w, g);
      if (!g.every(Number.isFinite)) break;
      for (let i = 0; i < w.length; i++) w[i] -= lr * g[i];
      if (Math.round((t * (record - 1)) / steps) !== Math.round(((t - 1) * (record - 1)) / steps)) {
        path.steps.push(t);
        path.weights.push(w.slice());
      }
    }
    return path;
  });
}
