// --census N: the census of critical points of a network experiment's training objective
// (src/nets/census), from N seeded random starts plus points along the experiment's own runs
// (up to PATH_POINTS_PER_RUN of each run's kept path, evenly spaced, its stop included). Prints
// one JSON object: the census's method, rules and counts, the mean index by loss quartile, and
// every distinct point with its weights as layers ([{ W, b }, ...], as --with-data). The starts
// are solved as one share and merged (criticalPointCensus: solveStarts, then mergeCensus) as the
// app's pool of workers does with several, so the two give the same census.
import { criticalPointCensus } from '../nets/census/census';
import { censusPathStarts, censusStarts, PATH_STARTS, RANDOM_STARTS } from '../nets/census/starts';
import type { Experiment } from '../experiment/types';
import { layerWeights, type Output, runNetwork } from './netData';

export function censusOutput(exp: Experiment, count: number): Output {
  const ran = runNetwork(exp);
  if (!ran.ok) return ran;
  const { engine } = ran;
  const starts = censusStarts(engine.net, engine.seed, count, censusPathStarts(engine.labels.map((_, i) => engine.path(i))));
  const found = criticalPointCensus(engine.objective, starts);
  if (!found.ok) return { ok: false, message: found.error };
  const c = found.value;
  const out = {
    ...c,
    randomStarts: RANDOM_STARTS,
    pathStarts: PATH_STARTS,
    weightsLayout: 'per point: layers [{ W: outputs x inputs, b }], hidden units in canonical order',
    points: c.points.map((p) => ({ ...p, weights: layerWeights(engine.net, p.weights) })),
  };
  return { ok: true, value: JSON.stringify(out) + '\n' };
}
