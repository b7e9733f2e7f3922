// The table of the run rules (runRules.ts, experiment-v1.md "Semantics of one run"): each row is
// one rule, a run that exercises it, and the stop every engine must report. Plain data, so the
// Node semantics test (runRules.semantics.test.ts) and the Chromium agreement spec of the fused
// WebGL engine (bench/browser/agreement.spec.ts) apply the same rows.
//
// Most surface rows run gradient descent on x^2 + y^2 from (1, 0): x_{t+1} = (1 - 2 lr) x_t, so
// lr = 0.25 halves x each step (||g_t|| = 2^(1-t), exact in float64 and float32), lr = 0.5 lands
// on the minimum exactly, and the home window [-2, 2]^2 gives a box of half-width 400.
import type { FunctionProblem, NetworkProblem, Run, SecondOrderRule, StopReason, SurfaceProblem } from '../experiment/types';

export interface SurfaceRuleCase {
  problem: SurfaceProblem;
  run: Run & { start: [number, number] };
  maxSteps: number;
  gradTol: number;
  /** stop.secondOrder: the second-order stopping rule. */
  secondOrder?: SecondOrderRule;
  /** stop.maxEvals, where the row has a budget. */
  maxEvals?: number;
}

export interface NetworkRuleCase {
  problem: NetworkProblem;
  run: Run;
  maxSteps: number;
  gradTol: number;
  maxEvals?: number;
  /** Initial weights other than the engine's Glorot draw: all 0 (a critical point here), or NaN. */
  init?: 'zeros' | 'nan';
  secondOrder?: SecondOrderRule;
}

export interface RunRuleCase {
  rule: string;
  surface: SurfaceRuleCase;
  /** The same rule on a network, where one makes sense. */
  network: NetworkRuleCase | null;
  /** Whether float32 arithmetic (the fused WebGL engine) reaches the same stop. */
  float32: boolean;
  expect: { reason: StopReason; steps: number };
  /** How many points the engines that record them record, when not steps + 1 (a start that is not finite: 0). */
  points?: number;
}

export const RULE_SEED = 3;

const BOWL: SurfaceProblem = { kind: 'surface', expr: 'x^2 + y^2' };
/** -exp(x^2) overflows to -Infinity past |x| = 26.6 (float64) and 9.4 (float32). */
const CLIFF: SurfaceProblem = { kind: 'surface', expr: '-exp(x^2) + y^2' };
const ROOT: SurfaceProblem = { kind: 'surface', expr: 'sqrt(x) + y^2' };
/**
 * XOR, 40 samples: 32 training points, 16 of each class at this seed. At weights all 0 every
 * hidden unit is 0 and the output is sigmoid(0) = 1/2, so the gradient is exactly 0: the mean of
 * +-1/2 over balanced classes, times zero weights and activations.
 */
const XOR_NET: NetworkProblem = { kind: 'network', dataset: 'xor', samples: 40, noise: 0.1, hidden: [6], activation: 'tanh', batchSize: 0 };

const sgd = (lr: number, extra: Partial<Run> = {}): Run => ({ optimizer: 'sgd', params: { lr }, ...extra });
const bowl = (lr: number, maxSteps: number, gradTol: number, extra: Partial<Run> = {}): SurfaceRuleCase => ({
  problem: BOWL,
  run: { ...sgd(lr, extra), start: [1, 0] },
  maxSteps,
  gradTol,
});
const net = (run: Run, maxSteps: number, gradTol: number, init?: NetworkRuleCase['init']): NetworkRuleCase => ({
  problem: XOR_NET,
  run,
  maxSteps,
  gradTol,
  ...(init ? { init } : {}),
});

export const RUN_RULE_CASES: RunRuleCase[] = [
  {
    rule: 'gradTol: stops at the first t with ||g_t|| <= gradTol (here equal: 2^-9 at t = 10)',
    surface: bowl(0.25, 100, 2 ** -9),
    network: null,
    float32: true,
    expect: { reason: 'gradTol', steps: 10 },
  },
  {
    rule: 'gradTol is tested before maxSteps (both met at the start)',
    surface: bowl(0.25, 0, 2),
    network: net(sgd(0.1), 0, 1e3),
    float32: true,
    expect: { reason: 'gradTol', steps: 0 },
  },
  {
    rule: 'gradTol 0 disables the test: an exact critical point at the start runs maxSteps',
    surface: { problem: { kind: 'surface', id: 'doubleWell' }, run: { ...sgd(0.1), start: [0, 0] }, maxSteps: 50, gradTol: 0 },
    network: net(sgd(0.1), 50, 0, 'zeros'),
    float32: true,
    expect: { reason: 'maxSteps', steps: 50 },
  },
  {
    rule: 'gradTol 0 disables the test: an exact critical point reached at step 1 runs maxSteps',
    surface: bowl(0.5, 8, 0),
    network: null,
    float32: true,
    expect: { reason: 'maxSteps', steps: 8 },
  },
  {
    rule: 'maxSteps: the run records x_0 .. x_maxSteps and stops',
    surface: bowl(0.25, 7, 0),
    network: net({ optimizer: 'adam', params: { lr: 0.02 } }, 7, 0),
    float32: true,
    expect: { reason: 'maxSteps', steps: 7 },
  },
  {
    rule: 'maxSteps 0: only the start',
    surface: bowl(0.25, 0, 0),
    network: net(sgd(0.1), 0, 0),
    float32: true,
    expect: { reason: 'maxSteps', steps: 0 },
  },
  {
    rule: 'a start where f or the gradient is not finite diverges at step 0, before gradTol and maxSteps',
    surface: { problem: CLIFF, run: { ...sgd(0.1), start: [30, 0] }, maxSteps: 0, gradTol: 1e30 },
    network: net(sgd(0.1), 0, 1e30, 'nan'),
    float32: true,
    expect: { reason: 'diverged', steps: 0 },
    points: 0,
  },
  {
    rule: 'divergence: a step out of the box (surface) or past the weight bound (network)',
    surface: bowl(1e6, 10, 0),
    network: net(sgd(1e12), 10, 0),
    float32: true,
    expect: { reason: 'diverged', steps: 0 },
  },
  {
    rule: 'divergence: the box edge is inside (x_1 = -400 on a box of half-width 400)',
    surface: bowl(200.5, 10, 0),
    network: null,
    float32: true,
    expect: { reason: 'diverged', steps: 1 },
  },
  {
    rule: 'divergence: a far start has START_ROOM times its distance to move (x_1 = 5000)',
    surface: { problem: BOWL, run: { ...sgd(0.25), start: [1e4, 0] }, maxSteps: 5, gradTol: 0 },
    network: null,
    float32: true,
    expect: { reason: 'maxSteps', steps: 5 },
  },
  {
    rule: 'divergence: f(x_1) = -Infinity inside the box',
    surface: { problem: CLIFF, run: { ...sgd(5), start: [1, 0] }, maxSteps: 10, gradTol: 0 },
    network: null,
    float32: true,
    expect: { reason: 'diverged', steps: 0 },
  },
  {
    // GLSL leaves sqrt of a negative number undefined: not a float32 row.
    rule: 'divergence: f(x_1) = NaN inside the box',
    surface: { problem: ROOT, run: { ...sgd(4), start: [1, 0] }, maxSteps: 10, gradTol: 0 },
    network: null,
    float32: false,
    expect: { reason: 'diverged', steps: 0 },
  },
  {
    rule: 'divergence: f(x_1) finite but the gradient there is not (sqrt at 0)',
    surface: { problem: ROOT, run: { ...sgd(2), start: [1, 0] }, maxSteps: 10, gradTol: 0 },
    network: null,
    float32: false,
    expect: { reason: 'diverged', steps: 0 },
  },
  {
    rule: 'the step gradient carries the noise (sigma 1e6 throws x_1 out of the box)',
    surface: bowl(1, 3, 0, { gradNoise: 1e6 }),
    network: net(sgd(1, { gradNoise: 1e9 }), 3, 0),
    float32: true,
    expect: { reason: 'diverged', steps: 0 },
  },
  {
    rule: 'noise, then clipping: the clip bounds the noisy step (clipping first would not)',
    surface: bowl(1, 3, 0, { gradNoise: 1e6, clip: 1e-3 }),
    network: net(sgd(1, { gradNoise: 1e9, clip: 1e-3 }), 3, 0),
    float32: true,
    expect: { reason: 'maxSteps', steps: 3 },
  },
  // maxEvals (runRules.ts stopCodeWithEvals): the fused WebGL path counts steps only, so these
  // rows are not float32 rows (glslSupports leaves a job with maxEvals to the JS path).
  {
    rule: 'maxEvals: one evaluation a step for a first-order method (5 evaluations: stops at step 5)',
    surface: { ...bowl(0.25, 100, 0), maxEvals: 5 },
    network: { ...net(sgd(0.1), 100, 0), maxEvals: 5 },
    float32: false,
    expect: { reason: 'maxEvals', steps: 5 },
  },
  {
    rule: 'maxSteps is tested before maxEvals (both met at step 5)',
    surface: { ...bowl(0.25, 5, 0), maxEvals: 5 },
    network: { ...net(sgd(0.1), 5, 0), maxEvals: 5 },
    float32: false,
    expect: { reason: 'maxSteps', steps: 5 },
  },
  {
    rule: 'gradTol is tested before maxEvals (both met at step 10)',
    surface: { ...bowl(0.25, 100, 2 ** -9), maxEvals: 10 },
    network: null,
    float32: false,
    expect: { reason: 'gradTol', steps: 10 },
  },
  {
    // BFGS's first trial step min(1, 1/||g||_1) lr = 1/2 along -g = (-2, 0) lands on the minimum;
    // its line search evaluates there once and accepts (g.d = 0): 1 + 1 evaluations.
    rule: 'maxEvals counts a line search: BFGS spends 2 evaluations on step 0, so maxEvals 2 stops at step 1',
    surface: { problem: BOWL, run: { optimizer: 'bfgs', params: { lr: 1 }, start: [1, 0] }, maxSteps: 100, gradTol: 0, maxEvals: 2 },
    network: null,
    float32: false,
    expect: { reason: 'maxEvals', steps: 1 },
  },
  {
    rule: 'a step is never cut short: at 1 evaluation left, BFGS still takes its step of 2',
    surface: { problem: BOWL, run: { optimizer: 'bfgs', params: { lr: 1 }, start: [1, 0] }, maxSteps: 100, gradTol: 0, maxEvals: 1 },
    network: { ...net({ optimizer: 'bfgs' }, 100, 0), maxEvals: 1 },
    float32: false,
    expect: { reason: 'maxEvals', steps: 1 },
  },
  {
    rule: 'schedule: step t uses the rate for t (StepLR x gamma after 5 steps: the 6th step diverges)',
    surface: bowl(0.01, 20, 0, { schedule: { kind: 'step', stepSize: 5, gamma: 1e6 } }),
    network: net(sgd(0.01, { schedule: { kind: 'step', stepSize: 5, gamma: 1e12 } }), 20, 0),
    float32: true,
    expect: { reason: 'diverged', steps: 5 },
  },
  // The second-order rule (stop.secondOrder). The fused WebGL engine has no Hessian and refuses
  // it (glslSupports): no float32 rows. At XOR_NET's zero weights lambda_min = -0.035.
  {
    rule: 'second-order rule: an exact critical point with lambda_min < -sqrt(rho eps) does not stop (gradient test alone: step 0)',
    surface: { problem: { kind: 'surface', id: 'doubleWell' }, run: { ...sgd(0.1), start: [0, 0] }, maxSteps: 50, gradTol: 1e-3, secondOrder: { rho: 0.1 } },
    network: { ...net(sgd(0.1), 50, 1e-3, 'zeros'), secondOrder: { rho: 0.1 } },
    float32: false,
    expect: { reason: 'maxSteps', steps: 50 },
  },
  {
    // lambda_min = -1 = -sqrt(1 x 1) at the double well's saddle (the test is >=: the edge
    // passes), -0.088 at XOR_NET's initial weights, well inside -sqrt(1 x 1000)
    rule: 'second-order rule: stops where ||g|| <= eps and lambda_min >= -sqrt(rho eps), a negative lambda_min included',
    surface: { problem: { kind: 'surface', id: 'doubleWell' }, run: { ...sgd(0.1), start: [0, 0] }, maxSteps: 50, gradTol: 1, secondOrder: { rho: 1 } },
    network: { ...net(sgd(0.1), 50, 1e3), secondOrder: { rho: 1 } },
    float32: false,
    expect: { reason: 'gradTol', steps: 0 },
  },
  {
    // From (1, 2^-20) gradient descent nears the saddle at the origin (||g|| <= 1e-3 at step 10,
    // where the gradient test alone stops: lambda_min = -1) and escapes along y to the minimum (0, 1).
    rule: 'second-order rule: a run passes the saddle where the gradient test alone stops, and stops at the minimum',
    surface: { problem: { kind: 'surface', id: 'doubleWell' }, run: { ...sgd(0.5), start: [1, 2 ** -20] }, maxSteps: 200, gradTol: 1e-3, secondOrder: { rho: 1 } },
    network: null,
    float32: false,
    expect: { reason: 'gradTol', steps: 37 },
  },
];

/**
 * The rules on a function problem (the d-dimensional engine, vectorRun.ts), keyed by the rule
 * they exercise; null where no test function can show the rule (none has a cliff or a NaN
 * inside its box). strictSaddle with k = 1 in d = 5: coordinate 0 is a double well, whose slope
 * is exactly 0 at 0, and the others are bowls t^2/2, so from (0, 1, 0, 0, 0) gradient descent
 * moves coordinate 1 alone: x_{t+1} = (1 - lr) x_t, exact in float64 (lr = 0.5 halves it, lr = 1
 * lands on the saddle). Its window is [-1.6, 1.6]^2 on coordinates 0 and 1: the box has
 * half-width 320 around the origin.
 */
export interface VectorRuleCase {
  problem: FunctionProblem;
  run: Run & { start: number[] };
  maxSteps: number;
  gradTol: number;
  maxEvals?: number;
  secondOrder?: SecondOrderRule;
}

const SADDLE5: FunctionProblem = { kind: 'function', id: 'strictSaddle', dim: 5, params: { k: 1 } };
const e1 = (scale = 1) => [0, scale, 0, 0, 0];
const line = (lr: number, maxSteps: number, gradTol: number, extra: Partial<Run> = {}, start = e1()): VectorRuleCase => ({
  problem: SADDLE5,
  run: { ...sgd(lr, extra), start },
  maxSteps,
  gradTol,
});

const bfgsLine: VectorRuleCase = { problem: SADDLE5, run: { optimizer: 'bfgs', params: { lr: 1 }, start: e1() }, maxSteps: 100, gradTol: 0 };

export const VECTOR_RULE_CASES: ReadonlyMap<string, VectorRuleCase | null> = new Map([
  // ||g_t|| = 2^-t with lr = 0.5: 2^-10 at t = 10
  ['gradTol: stops at the first t with ||g_t|| <= gradTol (here equal: 2^-9 at t = 10)', line(0.5, 100, 2 ** -10)],
  ['gradTol is tested before maxSteps (both met at the start)', line(0.5, 0, 2)],
  ['gradTol 0 disables the test: an exact critical point at the start runs maxSteps', line(0.1, 50, 0, {}, [0, 0, 0, 0, 0])],
  ['gradTol 0 disables the test: an exact critical point reached at step 1 runs maxSteps', line(1, 8, 0)],
  ['maxSteps: the run records x_0 .. x_maxSteps and stops', line(0.5, 7, 0)],
  ['maxSteps 0: only the start', line(0.5, 0, 0)],
  // x_0^4 overflows: f(x_0) = Infinity
  ['a start where f or the gradient is not finite diverges at step 0, before gradTol and maxSteps', line(0.1, 0, 1e30, {}, [1e100, 0, 0, 0, 0])],
  ['divergence: a step out of the box (surface) or past the weight bound (network)', line(1e6, 10, 0)],
  // x_1 = (1 - 321) = -320 (on the edge, inside), x_2 = 102400 (out)
  ['divergence: the box edge is inside (x_1 = -400 on a box of half-width 400)', line(321, 10, 0)],
  ['divergence: a far start has START_ROOM times its distance to move (x_1 = 5000)', line(0.5, 5, 0, {}, e1(1e4))],
  ['divergence: f(x_1) = -Infinity inside the box', null],
  ['divergence: f(x_1) = NaN inside the box', null],
  ['divergence: f(x_1) finite but the gradient there is not (sqrt at 0)', null],
  ['the step gradient carries the noise (sigma 1e6 throws x_1 out of the box)', line(1, 3, 0, { gradNoise: 1e6 })],
  ['noise, then clipping: the clip bounds the noisy step (clipping first would not)', line(1, 3, 0, { gradNoise: 1e6, clip: 1e-3 })],
  // lr 0.01 for 5 steps, then 1e4: x_6 = (1 - 1e4) x_5, far out of the box
  ['schedule: step t uses the rate for t (StepLR x gamma after 5 steps: the 6th step diverges)', line(0.01, 20, 0, { schedule: { kind: 'step', stepSize: 5, gamma: 1e6 } })],
  // maxEvals: gradient descent spends one evaluation a step
  ['maxEvals: one evaluation a step for a first-order method (5 evaluations: stops at step 5)', { ...line(0.5, 100, 0), maxEvals: 5 }],
  ['maxSteps is tested before maxEvals (both met at step 5)', { ...line(0.5, 5, 0), maxEvals: 5 }],
  ['gradTol is tested before maxEvals (both met at step 10)', { ...line(0.5, 100, 2 ** -10), maxEvals: 10 }],
  // BFGS's first trial step min(1, 1/||g||_1) lr = 1 along -g = (0, -1, 0, 0, 0) lands on the
  // saddle at the origin; its line search evaluates there once and accepts (g.d = 0): 1 + 1 evaluations.
  ['maxEvals counts a line search: BFGS spends 2 evaluations on step 0, so maxEvals 2 stops at step 1', { ...bfgsLine, maxEvals: 2 }],
  ['a step is never cut short: at 1 evaluation left, BFGS still takes its step of 2', { ...bfgsLine, maxEvals: 1 }],
  // The second-order rule: at the origin, an exact critical point, lambda_min = -1 (the double well's w''(0)).
  ['second-order rule: an exact critical point with lambda_min < -sqrt(rho eps) does not stop (gradient test alone: step 0)', { ...line(0.1, 50, 1e-3, {}, [0, 0, 0, 0, 0]), secondOrder: { rho: 0.1 } }],
  ['second-order rule: stops where ||g|| <= eps and lambda_min >= -sqrt(rho eps), a negative lambda_min included', { ...line(0.1, 50, 1, {}, [0, 0, 0, 0, 0]), secondOrder: { rho: 1 } }],
  // The double well's run with its coordinates swapped (x_0 the well, x_1 the bowl): the same
  // numbers, so the same saddle passed at step 10 and the same minimum (1, 0, 0, 0, 0) at step 37.
  ['second-order rule: a run passes the saddle where the gradient test alone stops, and stops at the minimum', { ...line(0.5, 200, 1e-3, {}, [2 ** -20, 1, 0, 0, 0]), secondOrder: { rho: 1 } }],
]);
