// The run rules in GLSL ES 3.00, for the fused WebGL step program (src/batch/glsl/stepShader.ts):
// the same tests as runRules.ts and runRulesDivergence.ts, in the same order, with the same
// comparisons and constants, printed here beside them rather than copied into the shader. A test
// (runRulesGlsl.test.ts) evaluates this text and the TS functions on a table of cases.
//
// Finiteness is spFinite (src/batch/glsl/dualGlsl.ts: the exponent bits), not a comparison:
// GLSL compilers may assume no NaN and fold `!(v <= r)`, so NaN is tested explicitly, where the
// TS functions rely on Number.isFinite, which decides the same thing.
import { glslFloat } from '../surfaces/expr/glsl';
import { STOP, type StopCode } from './runRules';
import { START_ROOM } from './runRulesDivergence';

/** A stop code as a GLSL float literal (the fused program keeps codes in a float texture). */
export function glslStopCode(code: StopCode): string {
  return glslFloat(code);
}

/** spStopCode = stopCodeAt, spBoxHalfWidth = boxHalfWidth, spOutsideBox = isOutsideBox. */
export const RUN_RULES_GLSL = `
// The run rules (src/optim/runRules.ts, runRulesDivergence.ts), printed from that module.
float spStopCode(float f, float gradNorm, int t, float gradTol, int maxSteps) {
  if (!(spFinite(f) && spFinite(gradNorm))) return ${glslStopCode(STOP.diverged)};
  if (gradTol > 0.0 && gradNorm <= gradTol) return ${glslStopCode(STOP.gradTol)};
  if (t >= maxSteps) return ${glslStopCode(STOP.maxSteps)};
  return ${glslStopCode(STOP.running)};
}
float spBoxHalfWidth(float sx, float sy, float cx, float cy, float r0) {
  return max(r0, ${glslFloat(START_ROOM)} * max(abs(sx - cx), abs(sy - cy)));
}
bool spOutsideBox(float x, float y, float cx, float cy, float r) {
  return !(spFinite(x) && spFinite(y) && abs(x - cx) <= r && abs(y - cy) <= r);
}
`;
