// The runtime schema of an Experiment (valibot), generated from the type tables and LIMITS,
// so that types, limits and error messages come from one place.
import * as v from 'valibot';
import { LIMITS } from './limits';
import { quote } from './printable';
import { OPTIMIZER_SPECS, type ParamSpec } from '../optim/optimizers/params';
import { FUNCTION_PARAM_LIMITS } from './functions';
import { ACTIVATION_IDS, DATASET_IDS, FUNCTION_IDS, OPTIMIZER_IDS, SURFACE_IDS, type FunctionId, type OptimizerId } from './types';

const fmt = (n: number): string => (Math.abs(n) >= 1e5 || (n !== 0 && Math.abs(n) < 1e-3) ? n.toExponential() : String(n));

export const num = (min: number, max: number, opts: { integer?: boolean; exclusiveMin?: boolean } = {}) =>
  v.pipe(
    v.number('must be a number'),
    v.finite('must be a finite number'),
    v.check((x: number) => !opts.integer || Number.isInteger(x), 'must be a whole number'),
    v.check(
      (x: number) => (opts.exclusiveMin ? x > min : x >= min),
      (i) => `must be ${opts.exclusiveMin ? 'greater than' : 'at least'} ${fmt(min)} (got ${fmt(i.input as number)})`,
    ),
    v.check((x: number) => x <= max, (i) => `must be at most ${fmt(max)} (got ${fmt(i.input as number)})`),
  );

const coord = num(LIMITS.coordinate.min, LIMITS.coordinate.max);
const interval = v.pipe(
  v.strictTuple([coord, coord], 'must be a pair [low, high] of numbers'),
  v.check(([a, b]: [number, number]) => b - a >= LIMITS.viewSpan.min, 'must have low < high'),
);

function paramSchema(spec: ParamSpec) {
  switch (spec.type) {
    case 'number':
      return num(spec.min, spec.max, { integer: spec.integer });
    case 'boolean':
      return v.boolean('must be true or false');
    case 'pair':
      return v.strictTuple([num(spec.min, spec.max), num(spec.min, spec.max)], 'must be a pair of numbers');
    case 'choice':
      return v.picklist(spec.options, oneOf(spec.options));
  }
}

/**
 * A list of at most `max` items, its length checked before its items: a hostile list of 100,000
 * bad items is one issue, not 100,000 (each with its path and message, hundreds of megabytes).
 * A pipe stops at its first issue before a schema, so the items are only read once it is short.
 */
const boundedList = <T>(item: v.GenericSchema<unknown, T>, max: number, notList: string, tooLong: string) =>
  v.pipe(v.array(v.unknown(), notList), v.maxLength(max, tooLong), v.array(item, notList));

/** A start: 2 numbers on a surface, dim on a function problem (consistency.ts checks the count against the problem). */
const startList = v.pipe(
  boundedList(coord, LIMITS.functionDim.max, 'must be a list of numbers', `at most ${LIMITS.functionDim.max} numbers`),
  v.minLength(2, 'must have at least 2 numbers'),
);

const oneOf = (ids: readonly string[]) => (i: v.BaseIssue<unknown>) =>
  `unknown value ${quote(i.input)}; expected one of ${ids.join(', ')}`;

const regularization = v.strictObject({
  l1: v.optional(num(LIMITS.regularization.min, LIMITS.regularization.max)),
  l2: v.optional(num(LIMITS.regularization.min, LIMITS.regularization.max)),
});

export const SurfaceProblemSchema = v.pipe(
  v.strictObject({
    kind: v.literal('surface'),
    id: v.optional(v.picklist(SURFACE_IDS, oneOf(SURFACE_IDS))),
    expr: v.optional(
      v.pipe(
        v.string('must be a string'),
        v.minLength(1, 'must not be empty'),
        v.maxLength(LIMITS.exprLength.max, `expression too long (max ${LIMITS.exprLength.max} characters)`),
      ),
    ),
    regularization: v.optional(regularization),
  }),
  v.check((p) => (p.id === undefined) !== (p.expr === undefined), 'a surface problem needs exactly one of "id" or "expr"'),
);

const n = LIMITS.network;
export const NetworkProblemSchema = v.strictObject({
  kind: v.literal('network'),
  dataset: v.picklist(DATASET_IDS, oneOf(DATASET_IDS)),
  samples: num(n.samples.min, n.samples.max, { integer: true }),
  noise: num(n.noise.min, n.noise.max),
  hidden: boundedList(num(n.units.min, n.units.max, { integer: true }), n.hiddenLayers.max, 'must be a list of layer widths', `at most ${n.hiddenLayers.max} hidden layers`),
  activation: v.picklist(ACTIVATION_IDS, oneOf(ACTIVATION_IDS)),
  batchSize: num(n.batchSize.min, n.batchSize.max, { integer: true }),
  regularization: v.optional(regularization),
});

function functionProblemSchema(id: FunctionId) {
  const params = Object.fromEntries(FUNCTION_PARAM_LIMITS[id].map((p) => [p.key, v.optional(num(p.min, p.max, { integer: p.integer }))]));
  return v.strictObject({
    kind: v.literal('function'),
    id: v.literal(id),
    dim: num(LIMITS.functionDim.min, LIMITS.functionDim.max, { integer: true }),
    params: v.optional(v.strictObject(params)),
  });
}

export const FunctionProblemSchema = v.variant(
  'id',
  FUNCTION_IDS.map(functionProblemSchema) as [ReturnType<typeof functionProblemSchema>, ...ReturnType<typeof functionProblemSchema>[]],
  oneOf(FUNCTION_IDS),
);

// valibot reports a function problem's unknown id with this outer message (the issue's path ends in "id").
export const ProblemSchema = v.variant('kind', [SurfaceProblemSchema, NetworkProblemSchema, FunctionProblemSchema], (i) =>
  i.path?.at(-1)?.key === 'id' ? oneOf(FUNCTION_IDS)(i) : `unknown problem kind ${quote(i.input)}; expected "surface", "network" or "function"`,
);

const S = LIMITS;
export const ScheduleSchema = v.variant(
  'kind',
  [
    v.strictObject({ kind: v.literal('constant') }),
    v.strictObject({
      kind: v.literal('step'),
      stepSize: num(S.scheduleSteps.min, S.scheduleSteps.max, { integer: true }),
      gamma: num(S.scheduleGamma.min, S.scheduleGamma.max),
    }),
    v.strictObject({ kind: v.literal('exponential'), gamma: num(S.scheduleGamma.min, S.scheduleGamma.max) }),
    v.strictObject({ kind: v.literal('inverseTime'), decay: num(S.scheduleDecay.min, S.scheduleDecay.max) }),
    v.strictObject({
      kind: v.literal('cosine'),
      tMax: num(S.scheduleSteps.min, S.scheduleSteps.max, { integer: true }),
      etaMin: num(S.scheduleEtaMin.min, S.scheduleEtaMin.max),
    }),
  ],
  (i) => `unknown schedule ${quote(i.input)}; expected constant, step, exponential, inverseTime or cosine`,
);

// A run's initial weights: at most hiddenLayers + 1 layers of at most units x units numbers (the
// shapes against the architecture are checked by ./netInit.ts, which knows the problem).
const initWeight = num(LIMITS.network.initWeight.min, LIMITS.network.initWeight.max);
const initRow = boundedList(initWeight, LIMITS.network.units.max, 'must be a list of numbers', `at most ${LIMITS.network.units.max} numbers`);
const InitSchema = boundedList(
  v.strictObject({
    W: boundedList(initRow, LIMITS.network.units.max, 'must be a list of rows', `at most ${LIMITS.network.units.max} rows`),
    b: initRow,
  }),
  LIMITS.network.hiddenLayers.max + 1,
  'must be a list of layers [{ W, b }, ...]',
  `at most ${LIMITS.network.hiddenLayers.max + 1} layers`,
);

function runSchema(id: OptimizerId) {
  const params = Object.fromEntries(
    Object.entries(OPTIMIZER_SPECS[id].params).map(([name, spec]) => [name, v.optional(paramSchema(spec))]),
  );
  return v.strictObject({
    optimizer: v.literal(id),
    params: v.optional(v.strictObject(params)),
    start: v.optional(startList),
    startRadius: v.optional(num(S.startRadius.min, S.startRadius.max)),
    gradNoise: v.optional(num(S.gradNoise.min, S.gradNoise.max)),
    clip: v.optional(num(S.clip.min, S.clip.max)),
    schedule: v.optional(ScheduleSchema),
    label: v.optional(v.pipe(v.string('must be a string'), v.maxLength(S.labelLength.max, `at most ${S.labelLength.max} characters`))),
    stream: v.optional(num(S.stream.min, S.stream.max, { integer: true })),
    init: v.optional(InitSchema),
  });
}

export const RunSchema = v.pipe(
  v.variant('optimizer', OPTIMIZER_IDS.map(runSchema) as [ReturnType<typeof runSchema>, ...ReturnType<typeof runSchema>[]], oneOf(OPTIMIZER_IDS)),
  v.check(
    (r) => r.optimizer !== 'sgd' || r.params?.nesterov !== true || (Number(r.params.momentum ?? 0) > 0 && Number(r.params.dampening ?? 0) === 0),
    'nesterov needs momentum > 0 and dampening = 0 (as torch.optim.SGD)',
  ),
);

export const StopSchema = v.strictObject({
  maxSteps: num(S.maxSteps.min, S.maxSteps.max, { integer: true }),
  gradTol: num(S.gradTol.min, S.gradTol.max),
  secondOrder: v.optional(v.strictObject({ rho: num(S.rho.min, S.rho.max, { exclusiveMin: true }) })),
  maxEvals: v.optional(num(S.maxEvals.min, S.maxEvals.max, { integer: true })),
});

export const ViewSchema = v.strictObject({ x: interval, y: interval });

export const ExperimentSchema = v.strictObject({
  v: v.literal(1, (i) => `unsupported version ${quote(i.input)}; this build reads version 1`),
  problem: ProblemSchema,
  runs: v.pipe(
    boundedList(RunSchema, S.runs.max, 'must be a list of runs', `at most ${S.runs.max} runs`),
    v.minLength(S.runs.min, `at least ${S.runs.min} run is needed`),
  ),
  stop: v.optional(StopSchema),
  seed: v.optional(num(S.seed.min, S.seed.max, { integer: true })),
  view: v.optional(ViewSchema),
});
