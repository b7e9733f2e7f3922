// The optimizers' updates in GLSL, as the WebGL step program needs them: every form comes from
// the optimizer's own module (src/optim/optimizers/<id>.ts), beside the float64 update it
// mirrors operation for operation (float32 arithmetic). The Chromium tests
// (bench/browser/agreement.spec.ts) prove agreement with the scalar engine within float32
// tolerance; src/optim/optimizers/registry.test.ts checks each form against its definition.
import type { OptimizerId, ParamValue } from '../../experiment/types';
import { OPTIMIZERS, optimizersWhere } from '../../optim/optimizers';

export { COMPLEMENTED, OPTIMIZER_PRELUDE } from '../../optim/optimizers/glsl';

/** The optimizers with a GLSL form; the others (newton, cubic: they need the Hessian) run in JS. */
export const GLSL_OPTIMIZERS: ReadonlySet<OptimizerId> = optimizersWhere((def) => def.glsl !== null);

/**
 * Numeric parameter names the snippet reads (as p_<name>); betas become beta1 and beta2, which
 * also come as their complements p_beta1c = 1 - beta1 and p_beta2c (see COMPLEMENTED). None
 * for an optimizer without a GLSL form.
 */
export function glslParamNames(optimizer: OptimizerId): string[] {
  return [...(OPTIMIZERS[optimizer].glsl?.params ?? [])];
}

/** GLSL statements of one step of `optimizer`; `flags` holds its boolean parameters. */
export function optimizerGlsl(optimizer: OptimizerId, flags: Record<string, ParamValue>): string {
  const glsl = OPTIMIZERS[optimizer].glsl;
  if (!glsl) throw new Error(`optimizer "${optimizer}" has no GLSL update (it needs the Hessian): use the JS engine`);
  return glsl.step(flags);
}
