// The optimizers' updates in GLSL, line for line the float64 definitions of
// src/optim/optimizers/*.ts (the same operations in the same order; float32 arithmetic), so a
// reader can hold each against its source. The Chromium tests (bench/browser/agreement.spec.ts)
// prove agreement with the scalar engine within float32 tolerance.
//
// In scope when a snippet runs: `x` (vec2, updated in place), `g` (vec2, the step's gradient),
// `lr` (this step's rate), `t` (int, step index; the optimizer's step count is s = t + 1),
// state `a`, `b`, `c` (vec2) and `aux` (float), all 0 before the first step, one float
// `p_<name>` per parameter, and `$Ki$` for the step constants of stepConstants.ts (bias
// corrections and the like, computed in float64 per step). Booleans are baked into the text. newton and cubic need the Hessian
// and are left to the JS engine.
import type { OptimizerId, ParamValue } from '../../experiment/types';

export const GLSL_OPTIMIZERS: ReadonlySet<OptimizerId> = new Set<OptimizerId>([
  'sgd', 'adagrad', 'rmsprop', 'adadelta', 'adam', 'adamw', 'adamax', 'nadam', 'radam', 'noisySgd', 'pgd',
]);

/** Helpers shared by the snippets. */
export const OPTIMIZER_PRELUDE = `
// ATen's lerp (see src/optim/optimizers/lerp.ts): two formulas, picked by the weight.
vec2 spLerp(vec2 s, vec2 e, float w) { return abs(w) < 0.5 ? s + w * (e - s) : e - (e - s) * (1.0 - w); }
// beta^s for a step count s; 0^s = 0.
float spPowStep(float beta, float s) { return beta == 0.0 ? 0.0 : pow(beta, s); }
// log(1 + x) and exp(x) - 1 for small x by their series: GLSL's log is accurate only to an
// absolute 2^-21 near 1, which is a relative 1e-3 of log(1 - 1e-4).
float spLog1p(float x) {
  if (abs(x) >= 0.1) return log(1.0 + x);
  float sum = 0.0;
  for (int n = 9; n >= 1; n--) sum = 1.0 / float(n) - x * sum;
  return x * sum;
}
float spExpm1(float x) {
  if (abs(x) >= 0.1) return exp(x) - 1.0;
  float sum = 1.0;
  for (int n = 8; n >= 2; n--) sum = 1.0 + x * sum / float(n);
  return x * sum;
}
float spBiasCorrection(float c, float s) { return c >= 1.0 ? 1.0 : -spExpm1(s * spLog1p(-c)); }
`;

/**
 * Numeric parameter names each snippet reads (as p_<name>); betas become beta1 and beta2, which
 * also come as their complements p_beta1c = 1 - beta1 and p_beta2c (see COMPLEMENTED).
 */
export function glslParamNames(optimizer: OptimizerId): string[] {
  switch (optimizer) {
    case 'sgd':
      return ['momentum', 'dampening', 'weightDecay'];
    case 'adagrad':
      return ['lrDecay', 'initialAccumulatorValue', 'eps', 'weightDecay'];
    case 'rmsprop':
      return ['alpha', 'eps', 'momentum', 'weightDecay'];
    case 'adadelta':
      return ['rho', 'eps', 'weightDecay'];
    case 'adam':
    case 'adamw':
    case 'adamax':
    case 'radam':
      return ['beta1', 'beta2', 'beta1c', 'beta2c', 'eps', 'weightDecay'];
    case 'nadam':
      return ['beta1', 'beta2', 'beta1c', 'beta2c', 'eps', 'momentumDecay', 'weightDecay'];
    case 'noisySgd':
      return ['sigma'];
    case 'pgd':
      return ['radius', 'gThreshold', 'tThreshold'];
    default:
      return [];
  }
}

/** Parameters whose complement 1 - v the shader needs exactly: a swept cell stores 1 - v. */
export const COMPLEMENTED: ReadonlySet<string> = new Set(['beta1', 'beta2']);

/** The step's gradient with (coupled) weight decay: d = g + weightDecay * x. */
const DECAYED = 'vec2 d = p_weightDecay != 0.0 ? g + p_weightDecay * x : g;';

/** GLSL statements of one step of `optimizer`; `flags` holds its boolean parameters. */
export function optimizerGlsl(optimizer: OptimizerId, flags: Record<string, ParamValue>): string {
  switch (optimizer) {
    case 'sgd':
      return `
    vec2 d = g;
    if (p_weightDecay != 0.0) d += p_weightDecay * x;
    if (p_momentum != 0.0) {
      a = t == 0 ? d : p_momentum * a + (1.0 - p_dampening) * d;
      d = ${flags.nesterov ? 'd + p_momentum * a' : 'a'};
    }
    x -= lr * d;`;
    case 'adam':
    case 'adamw': {
      const decay = optimizer === 'adamw' ? 'x *= 1.0 - lr * p_weightDecay;' : 'd += p_weightDecay * x;';
      return `
    float s = float(t + 1);
    float stepSize = lr / $K0$;
    float bc2Sqrt = $K1$;
    vec2 d = g;
    if (p_weightDecay != 0.0) { ${decay} }
    a = spLerp(a, d, p_beta1c);
    b = b * p_beta2 + p_beta2c * d * d;
    ${flags.amsgrad ? 'c = max(c, b);\n    vec2 v = c;' : 'vec2 v = b;'}
    vec2 denom = sqrt(v) / bc2Sqrt + p_eps;
    x += (-stepSize * a) / denom;`;
    }
    case 'adamax':
      return `
    float s = float(t + 1);
    float clr = lr / $K0$;
    ${DECAYED}
    a = spLerp(a, d, p_beta1c);
    b = max(b * p_beta2, abs(d) + p_eps);
    x += (-clr * a) / b;`;
    case 'nadam':
      return `
    // aux: the running product of mu (used by the in-shader formulas when a sweep varies beta1)
    float s = float(t + 1);
    if (t == 0) aux = 1.0;
    float bc2 = $K0$;
    float mu = p_beta1 * (1.0 - 0.5 * pow(0.96, s * p_momentumDecay));
    float muNext = p_beta1 * (1.0 - 0.5 * pow(0.96, (s + 1.0) * p_momentumDecay));
    aux *= mu;
    float gradScale = -lr * $K1$;
    float avgScale = -lr * $K2$;
    ${DECAYED}
    a = spLerp(a, d, p_beta1c);
    b = b * p_beta2 + p_beta2c * d * d;
    vec2 denom = sqrt(b / bc2) + p_eps;
    x += (gradScale * d) / denom;
    x += (avgScale * a) / denom;`;
    case 'radam':
      return `
    // rect: the rectification factor, 0 while rho_t <= 5 (see stepConstants.ts)
    float s = float(t + 1);
    ${DECAYED}
    a = spLerp(a, d, p_beta1c);
    b = b * p_beta2 + p_beta2c * d * d;
    vec2 corrected = a / $K0$;
    float rect = $K2$;
    if (rect > 0.0) {
      vec2 adaptiveLr = $K1$ / (sqrt(b) + p_eps);
      x += -(corrected * lr * adaptiveLr * rect);
    } else {
      x += -(corrected * lr);
    }`;
    case 'rmsprop':
      return `
    ${DECAYED}
    a = a * p_alpha + (1.0 - p_alpha) * d * d;
    ${flags.centered ? 'b = spLerp(b, d, 1.0 - p_alpha);\n    vec2 avg = sqrt(a + -b * b) + p_eps;' : 'vec2 avg = sqrt(a) + p_eps;'}
    if (p_momentum > 0.0) {
      c = c * p_momentum + d / avg;
      x += -lr * c;
    } else {
      x += (-lr * d) / avg;
    }`;
    case 'adagrad':
      return `
    if (t == 0) a = vec2(p_initialAccumulatorValue);
    float clr = lr / (1.0 + float(t) * p_lrDecay);
    ${DECAYED}
    a += d * d;
    vec2 std = sqrt(a) + p_eps;
    x += (-clr * d) / std;`;
    case 'adadelta':
      return `
    ${DECAYED}
    a = a * p_rho + (1.0 - p_rho) * d * d;
    vec2 std = sqrt(a + p_eps);
    vec2 delta = (sqrt(b + p_eps) / std) * d;
    b = b * p_rho + (1.0 - p_rho) * delta * delta;
    x += -lr * delta;`;
    case 'noisySgd':
      return `
    x -= lr * (g + p_sigma * spNormal2(pixel, t, 2u));`;
    case 'pgd':
      // aux: the step of the last perturbation (-1e30: none yet); the ball has radius r U^(1/2).
      return `
    if (t == 0) aux = -1.0e30;
    if (length(g) <= p_gThreshold && float(t) - aux > p_tThreshold) {
      aux = float(t);
      vec2 dir = spNormal2(pixel, t, 3u);
      float r = p_radius * sqrt(spUniform(pixel, t, 4u));
      x += (r / length(dir)) * dir;
    } else {
      x -= lr * g;
    }`;
    default:
      throw new Error(`optimizer "${optimizer}" has no GLSL update (it needs the Hessian): use the JS engine`);
  }
}
