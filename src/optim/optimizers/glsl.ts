// What the optimizers' GLSL forms share: the helper functions every step program includes, the
// coupled weight-decay line, and the parameters of the Adam family. Each optimizer's own GLSL
// sits in its module, beside the float64 update it mirrors operation for operation.
import type { StepConstant } from '../types';

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

/** Parameters whose complement 1 - v the shader needs exactly: a swept cell stores 1 - v. */
export const COMPLEMENTED: ReadonlySet<string> = new Set(['beta1', 'beta2']);

/** The step's gradient with (coupled) weight decay: d = g + weightDecay * x. */
export const DECAYED = 'vec2 d = p_weightDecay != 0.0 ? g + p_weightDecay * x : g;';

/** What the Adam family's snippets read: the betas (and complements), eps and weightDecay. */
export const MOMENT_PARAMS = ['beta1', 'beta2', 'beta1c', 'beta2c', 'eps', 'weightDecay'] as const;

/** The bias correction 1 - beta^s (or its square root), which is the step's scalar number `at`. */
export function biasCorrectionConstant(beta: 'beta1' | 'beta2', at: number, root: boolean): StepConstant {
  const c = `spBiasCorrection(p_${beta}c, s)`;
  return { deps: [beta], value: (v) => v[at], glsl: root ? `sqrt(${c})` : c };
}
