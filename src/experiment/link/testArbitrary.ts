// fast-check arbitraries of valid Experiments, covering every field and the extremes of every
// limit, for the codec's property and fuzz tests. Test-only: nothing in the app imports it.
import fc from 'fast-check';
import { crossFieldIssues } from '../consistency';
import { FUNCTION_PARAM_LIMITS } from '../functions';
import { LIMITS } from '../limits';
import { OPTIMIZER_SPECS, type ParamSpec } from '../../optim/optimizers/params';
import {
  ACTIVATION_IDS, CHART_X_AXES, DATASET_IDS, FUNCTION_IDS, OPTIMIZER_IDS, SURFACE_IDS,
  type Experiment, type OptimizerId, type ParamValue, type Problem, type Regularization, type Run, type Schedule,
} from '../types';

// Any double in range, subnormals and -0 included, so exactness is tested where it is hardest.
// Round decimals too (0.001, 2.5), the values people type.
const real = (min: number, max: number) =>
  fc.oneof(
    fc.double({ min, max, noNaN: true }),
    fc.integer({ min: Math.ceil(Math.max(min, -1e6) * 1000), max: Math.floor(Math.min(max, 1e6) * 1000) }).map((n) => n / 1000),
  );
const int = (min: number, max: number) => fc.integer({ min, max });

// Text that stresses the escaping: the link's delimiters, '%' and '#', spaces, non-ASCII,
// astral characters and lone surrogates, mixed with arbitrary code points.
const nasty = fc.constantFrom('&', '#', '=', ',', ':', ';', '%', '%2', '%zz', ' ', '+', '(', ')', '^', '/', '?', 'é', '€', '😀', '\uD800', '\uDC00', 'x', '1');
const text = (maxLength: number) =>
  fc
    .oneof(fc.string({ maxLength, unit: 'binary' }), fc.string({ maxLength, unit: nasty }), fc.string({ maxLength }))
    .filter((s) => s.length <= maxLength);

function paramArb(spec: ParamSpec): fc.Arbitrary<ParamValue> {
  switch (spec.type) {
    case 'boolean':
      return fc.boolean();
    case 'pair':
      return fc.tuple(real(spec.min, spec.max), real(spec.min, spec.max));
    case 'number':
      return spec.integer ? int(spec.min, spec.max) : real(spec.min, spec.max);
    case 'choice':
      return fc.constantFrom(...spec.options);
  }
}

function paramsArb(id: OptimizerId): fc.Arbitrary<Record<string, ParamValue>> {
  const shape = Object.fromEntries(Object.entries(OPTIMIZER_SPECS[id].params).map(([name, spec]) => [name, paramArb(spec)]));
  return fc.record(shape, { requiredKeys: [], noNullPrototype: true }).map((p) => {
    // torch's rule (and the schema's): nesterov needs momentum > 0 and dampening = 0.
    if (p.nesterov === true) {
      if (!((p.momentum as number) > 0)) p.momentum = 0.9;
      if (p.dampening !== undefined) p.dampening = 0;
    }
    return p as Record<string, ParamValue>;
  });
}

const L = LIMITS;
// fast-check may build records without a prototype; decoded experiments are plain objects.
const NN = { noNullPrototype: true } as const;
const coord = real(L.coordinate.min, L.coordinate.max);
const gamma = real(L.scheduleGamma.min, L.scheduleGamma.max);
const steps = int(L.scheduleSteps.min, L.scheduleSteps.max);
export const scheduleArb: fc.Arbitrary<Schedule> = fc.oneof(
  fc.constant({ kind: 'constant' as const }),
  fc.record({ kind: fc.constant('step' as const), stepSize: steps, gamma }, NN),
  fc.record({ kind: fc.constant('exponential' as const), gamma }, NN),
  fc.record({ kind: fc.constant('inverseTime' as const), decay: real(L.scheduleDecay.min, L.scheduleDecay.max) }, NN),
  fc.record({ kind: fc.constant('cosine' as const), tMax: steps, etaMin: real(L.scheduleEtaMin.min, L.scheduleEtaMin.max) }, NN),
);

export const runArb: fc.Arbitrary<Run> = fc.constantFrom(...OPTIMIZER_IDS).chain((optimizer) =>
  fc.record(
    {
      optimizer: fc.constant(optimizer),
      params: paramsArb(optimizer),
      start: fc.tuple(coord, coord),
      startRadius: real(L.startRadius.min, L.startRadius.max),
      gradNoise: real(L.gradNoise.min, L.gradNoise.max),
      clip: real(L.clip.min, L.clip.max),
      schedule: scheduleArb,
      label: text(L.labelLength.max),
      stream: int(L.stream.min, L.stream.max),
    },
    { requiredKeys: ['optimizer'], noNullPrototype: true },
  ),
);

const reg = real(L.regularization.min, L.regularization.max);
const regularizationArb: fc.Arbitrary<Regularization> = fc.record({ l1: reg, l2: reg }, { requiredKeys: [], noNullPrototype: true });

const functionArb = fc.constantFrom(...FUNCTION_IDS).chain((id) =>
  fc.record(
    {
      kind: fc.constant('function' as const),
      id: fc.constant(id),
      dim: fc.oneof(int(L.functionDim.min, 16), int(L.functionDim.min, L.functionDim.max)),
      params: fc.record(
        Object.fromEntries(FUNCTION_PARAM_LIMITS[id].map((p) => [p.key, p.integer ? int(p.min, p.max) : real(p.min, p.max)])),
        { requiredKeys: [], noNullPrototype: true },
      ),
    },
    { requiredKeys: ['kind', 'id', 'dim'], noNullPrototype: true },
  ),
) as fc.Arbitrary<Problem>;

export const problemArb: fc.Arbitrary<Problem> = fc.oneof(
  functionArb,
  fc.record({ kind: fc.constant('surface' as const), id: fc.constantFrom(...SURFACE_IDS), regularization: regularizationArb }, { requiredKeys: ['kind', 'id'], noNullPrototype: true }),
  fc.record(
    { kind: fc.constant('surface' as const), expr: text(L.exprLength.max).filter((s) => s.length >= 1), regularization: regularizationArb },
    { requiredKeys: ['kind', 'expr'], noNullPrototype: true },
  ),
  fc.record(
    {
      kind: fc.constant('network' as const),
      dataset: fc.constantFrom(...DATASET_IDS),
      samples: int(L.network.samples.min, L.network.samples.max),
      noise: real(L.network.noise.min, L.network.noise.max),
      hidden: fc.array(int(L.network.units.min, L.network.units.max), { maxLength: L.network.hiddenLayers.max }),
      activation: fc.constantFrom(...ACTIVATION_IDS),
      batchSize: int(L.network.batchSize.min, L.network.batchSize.max),
      regularization: regularizationArb,
    },
    { requiredKeys: ['kind', 'dataset', 'samples', 'noise', 'hidden', 'activation', 'batchSize'], noNullPrototype: true },
  ),
);

const interval = fc
  .tuple(coord, coord)
  .map(([a, b]): [number, number] => (a <= b ? [a, b] : [b, a]))
  .filter(([a, b]) => b - a >= L.viewSpan.min);

/**
 * A function problem's runs get starts of `dim` numbers, up to 16 of them: longer starts make
 * links longer than MAX_LINK_LENGTH (such experiments travel as JSON: roundtrip.test.ts).
 */
function withFunctionStarts(exp: Experiment): fc.Arbitrary<Experiment> {
  const p = exp.problem;
  if (p.kind !== 'function' || p.dim > 16) return fc.constant(exp);
  const start = fc.option(fc.array(coord, { minLength: p.dim, maxLength: p.dim }), { nil: undefined });
  return fc.tuple(...exp.runs.map(() => start)).map((starts) => {
    const out = structuredClone(exp);
    starts.forEach((s, i) => {
      if (s !== undefined) out.runs[i].start = s;
    });
    return out;
  });
}

/** Valid across parts too (consistency.ts): a network experiment has no start or view, batchSize <= its training set. */
export const experimentArb: fc.Arbitrary<Experiment> = fc.record(
  {
    v: fc.constant(1 as const),
    problem: problemArb,
    runs: fc.array(runArb, { minLength: L.runs.min, maxLength: L.runs.max }),
    stop: fc.record(
      { maxSteps: int(L.maxSteps.min, L.maxSteps.max), gradTol: real(L.gradTol.min, L.gradTol.max), secondOrder: fc.record({ rho: real(L.rho.min, L.rho.max).filter((r) => r > 0) }, NN), maxEvals: int(L.maxEvals.min, L.maxEvals.max) },
      { requiredKeys: ['maxSteps', 'gradTol'], noNullPrototype: true },
    ),
    seed: int(L.seed.min, L.seed.max),
    view: fc.record({ x: interval, y: interval }, NN),
  },
  { requiredKeys: ['v', 'problem', 'runs', 'stop', 'seed'], noNullPrototype: true },
).map((generated) => {
  const exp = structuredClone(generated);
  for (const issue of crossFieldIssues(exp)) issue.repair(exp);
  return exp;
}).chain(withFunctionStarts);

export const atStepArb = fc.option(int(0, L.maxSteps.max), { nil: undefined });

export const chartXArb = fc.option(fc.constantFrom(...CHART_X_AXES), { nil: undefined });
