// --census N: the census of critical points of a network experiment's training objective
// (src/nets/census), from N seeded random starts plus points along the experiment's own runs
// (up to PATH_POINTS_PER_RUN of each run's kept path, evenly spaced, its stop included). Prints
// one JSON object: the census's method, rules and counts, the mean index by loss quartile, and
// every distinct point with its weights as layers ([{ W, b }, ...], as --with-data).
import { criticalPointCensus } from '../nets/census/census';
import { pathStarts, RANDOM_STARTS, randomStarts } from '../nets/census/starts';
import type { Experiment } from '../experiment/types';
import { layerWeights, type Output, runNetwork } from './netData';

export const PATH_POINTS_PER_RUN = 8;

export function censusOutput(exp: Experiment, count: number): Output {
  const ran = runNetwork(exp);
  if (!ran.ok) return ran;
  const { engine } = ran;
  const paths = engine.labels.map((_, i) => engine.path(i));
  const starts = [...randomStarts(engine.net, engine.seed, count), ...pathStarts(paths, PATH_POINTS_PER_RUN)];
  const found = criticalPointCensus(engine.objective, starts);
  if (!found.ok) return { ok: false, message: found.error };
  const c = found.value;
  const out = {
    ...c,
    randomStarts: RANDOM_STARTS,
    pathStarts: `up to ${PATH_POINTS_PER_RUN} points of each run's kept path, evenly spaced, the stop included`,
    weightsLayout: 'per point: layers [{ W: outputs x inputs, b }], hidden units in canonical order',
    points: c.points.map((p) => ({ ...p, weights: layerWeights(engine.net, p.weights) })),
  };
  return { ok: true, value: JSON.stringify(out) + '\n' };
}
