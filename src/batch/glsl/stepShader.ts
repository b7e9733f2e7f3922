// The fused step program: one fragment per start (or per sweep setting) advances its run by up
// to u_k optimizer steps per draw, by the run rules of src/optim/runRules.ts, whose GLSL form
// (RUN_RULES_GLSL) it includes: the stop test (not finite, then gradTol > 0, then maxSteps), noise
// then clipping, the scheduled rate, and on divergence (non-finite point, f or gradient, or
// outside the start's divergence box) keep the last finite point.
//
// State lives in three RGBA32F textures, written at once through multiple render targets:
//   s0 = (x, y, status, stop step), s1 = (a.x, a.y, b.x, b.y), s2 = (c.x, c.y, f, aux)
// status: the run rules' stop codes (STOP: 0 running, 1 gradTol, 2 maxSteps, 3 diverged).
// A fourth texture holds per-pixel inputs u_p = (px, py, sx, sy): the two parameters a sweep
// varies and the start, whose distance from the surface's home window sizes the divergence box
// (runRulesDivergence.ts: half-width max(R0, START_ROOM |start - c|), centre c of the home window).
import type { BatchJob } from '../batchJob';
import { STOP } from '../../optim/runRules';
import { homeBox } from '../../optim/runRulesDivergence';
import { glslStopCode, RUN_RULES_GLSL } from '../../optim/runRulesGlsl';
import { parseExpression } from '../../surfaces/expr/parse';
import { CATALOGUE_EXPRESSIONS } from '../../surfaces/catalogue';
import { glslFloat } from '../../surfaces/expr/glsl';
import { DUAL_PRELUDE, dualToGlsl } from './dualGlsl';
import { dualProgram } from './dualIr';
import type { ParamValue, ViewWindow } from '../../experiment/types';
import { COMPLEMENTED, GLSL_OPTIMIZERS, glslParamNames, OPTIMIZER_PRELUDE, optimizerGlsl } from './optimizerGlsl';
import { constantSources, RADAM_PRELUDE, stepConstantSpecs } from './stepConstants';

/** Steps per draw at most (the length of the per-step schedule uniform). */
export const MAX_STEPS_PER_DRAW = 64;

export const VERTEX_SHADER = `#version 300 es
// One triangle that covers the viewport; no vertex buffers.
void main() {
  vec2 p = vec2(float((gl_VertexID << 1) & 2), float(gl_VertexID & 2));
  gl_Position = vec4(p * 2.0 - 1.0, 0.0, 1.0);
}
`;

/** Hash-based normal deviates: one independent pair per (pixel, step, stream). */
const NOISE_PRELUDE = `
uvec3 spPcg3d(uvec3 v) {
  v = v * 1664525u + 1013904223u;
  v.x += v.y * v.z; v.y += v.z * v.x; v.z += v.x * v.y;
  v ^= v >> 16u;
  v.x += v.y * v.z; v.y += v.z * v.x; v.z += v.x * v.y;
  return v;
}
float spUniform(uint pixel, int t, uint stream) {
  return float(spPcg3d(uvec3(pixel, uint(t), u_seed ^ (stream * 0x9e3779b9u))).x >> 8u) / 16777216.0;
}
vec2 spNormal2(uint pixel, int t, uint stream) {
  uvec3 h = spPcg3d(uvec3(pixel, uint(t), u_seed ^ (stream * 0x9e3779b9u)));
  float u1 = (float(h.x >> 8u) + 1.0) / 16777216.0;
  float u2 = float(h.y >> 8u) / 16777216.0;
  return sqrt(-2.0 * log(u1)) * vec2(cos(6.283185307 * u2), sin(6.283185307 * u2));
}
`;

/** The expression behind a job's surface: the typed one, or the catalogue surface's own. */
export function jobExpression(job: Pick<BatchJob, 'problem'>): string {
  const p = job.problem;
  return 'expr' in p ? p.expr : CATALOGUE_EXPRESSIONS[p.id];
}

/**
 * Whether the fused program can run the job: the optimizer has a GLSL update (not the line
 * searches or the Hessian methods: glsl null), the stop test needs no Hessian (the program
 * computes f and the gradient only, as dual numbers of order 1, so the second-order stopping
 * rule's lambda_min is out of its reach: pathChoice.ts says so), and there is no evaluation
 * budget (the shader counts steps).
 */
export function glslSupports(job: BatchJob): boolean {
  return GLSL_OPTIMIZERS.has(job.optimizer) && job.secondOrder === undefined && job.maxEvals === undefined;
}

/** The value of a parameter (or 'gradNoise', 'beta1', 'beta2') in a setting, as JS numbers. */
export function settingValue(params: Record<string, ParamValue>, gradNoise: number, name: string): number | undefined {
  if (name === 'gradNoise') return gradNoise;
  if (name === 'beta1' || name === 'beta2') return (params.betas as number[] | undefined)?.[name === 'beta1' ? 0 : 1];
  const v = params[name];
  return typeof v === 'number' ? v : undefined;
}

/** What the pixel-input texture stores for a swept parameter: 1 - v for COMPLEMENTED ones. */
export function storedSweepValue(param: string, value: number): number {
  return COMPLEMENTED.has(param) ? 1 - value : value;
}

/**
 * p_<name> as a literal, or read from u_p when a sweep varies it. `beta1c` and `beta2c` are
 * the complements 1 - beta, computed in float64 (or stored as such in u_p).
 */
function paramValue(job: BatchJob, name: string): string {
  const base = name.endsWith('c') && COMPLEMENTED.has(name.slice(0, -1)) ? name.slice(0, -1) : name;
  const complement = base !== name;
  const g = job.grid;
  if (g.kind === 'sweep' && (g.x.param === base || g.y.param === base)) {
    const stored = g.x.param === base ? 'P.x' : 'P.y';
    return COMPLEMENTED.has(base) && !complement ? `(1.0 - ${stored})` : stored;
  }
  const value = settingValue(job.params, job.gradNoise, base);
  if (value === undefined) throw new Error(`${job.optimizer}: parameter "${base}" is missing from the job (resolve the defaults first)`);
  return glslFloat(complement ? 1 - value : value);
}

/** f plus the problem's regularization, and its gradient (the L1 subgradient at 0 is 0). */
function regularizedObjective(job: BatchJob): string {
  const l1 = job.problem.regularization?.l1 ?? 0;
  const l2 = job.problem.regularization?.l2 ?? 0;
  const terms: string[] = [];
  if (l1 !== 0) terms.push(`j += ${glslFloat(l1)} * vec3(abs(p.x) + abs(p.y), sign(p.x), sign(p.y));`);
  if (l2 !== 0) terms.push(`j += ${glslFloat(l2)} * vec3(0.5 * (p.x * p.x + p.y * p.y), p.x, p.y);`);
  return `vec3 spObjectiveReg(vec2 p) {\n  vec3 j = spObjective(p);\n  ${terms.join('\n  ')}\n  return j;\n}\n`;
}

/** The optimizer's snippet with each step constant read from u_stepc, or computed in place. */
function optimizerStep(job: BatchJob): string {
  let code = optimizerGlsl(job.optimizer, job.params);
  const specs = stepConstantSpecs(job.optimizer);
  constantSources(job).forEach((source, i) => {
    const c = 'xyzw'[i];
    const value =
      source === 'uniform' ? `u_stepc[k].${c}`
        : source === 'x' ? `texelFetch(u_kx, ivec2(k, ij.x), 0).${c}`
          : source === 'y' ? `texelFetch(u_ky, ivec2(k, ij.y), 0).${c}`
            : `(${specs[i].glsl})`;
    code = code.replaceAll(`$K${i}$`, value);
  });
  return code;
}

/** `home`: the surface's default window (Surface.view), the centre of every divergence box. */
export function stepFragmentShader(job: BatchJob, home: ViewWindow): string {
  if (!glslSupports(job)) throw new Error(`optimizer "${job.optimizer}" has no GLSL update`);
  const parsed = parseExpression(jobExpression(job));
  if (!parsed.ok) throw new Error(`expression: ${parsed.message}`);
  // the centre and the spans term of every box, in float64; each start's term is the shader's
  const box = homeBox(home);
  const running = glslStopCode(STOP.running);
  const diverged = glslStopCode(STOP.diverged);
  const params = ['lr', 'gradNoise', ...glslParamNames(job.optimizer)]
    .map((name) => `  float p_${name} = ${paramValue(job, name)};`)
    .join('\n');
  const clip = job.clip === null ? '' : `
    float gn = length(g);
    float coef = ${glslFloat(job.clip)} / (gn + 1e-6);
    if (coef < 1.0) g *= coef;`;
  return `#version 300 es
precision highp float;
precision highp int;
precision highp sampler2D;
uniform sampler2D u_s0;
uniform sampler2D u_s1;
uniform sampler2D u_s2;
uniform sampler2D u_p;
// step constants per column (u_kx) or row (u_ky) of a sweep: texel (k, i) for step u_t0 + k
uniform sampler2D u_kx;
uniform sampler2D u_ky;
uniform int u_t0;
uniform int u_k;
uniform uint u_seed;
uniform int u_nx;
// lr at step u_t0 + k is u_sched[k].x * lr + u_sched[k].y (every schedule is affine in lr).
uniform vec2 u_sched[${MAX_STEPS_PER_DRAW}];
// the optimizer's step constants of step u_t0 + k (stepConstants.ts), computed in float64
uniform vec4 u_stepc[${MAX_STEPS_PER_DRAW}];
layout(location = 0) out vec4 o0;
layout(location = 1) out vec4 o1;
layout(location = 2) out vec4 o2;
${DUAL_PRELUDE}
${NOISE_PRELUDE}
${OPTIMIZER_PRELUDE}
${RADAM_PRELUDE}
${dualToGlsl(dualProgram(parsed.tree))}
${regularizedObjective(job)}
${RUN_RULES_GLSL}
const vec2 SP_CENTRE = vec2(${glslFloat(box.cx)}, ${glslFloat(box.cy)});
float spNorm(vec2 v) {
  float n = length(v);
  if (spFinite(n)) return n;
  float m = max(abs(v.x), abs(v.y));
  return m * length(v / m);
}

void main() {
  ivec2 ij = ivec2(gl_FragCoord.xy);
  vec4 s0 = texelFetch(u_s0, ij, 0);
  vec4 s1 = texelFetch(u_s1, ij, 0);
  vec4 s2 = texelFetch(u_s2, ij, 0);
  vec4 P = texelFetch(u_p, ij, 0);
  float boxR = spBoxHalfWidth(P.z, P.w, SP_CENTRE.x, SP_CENTRE.y, ${glslFloat(box.r)});
${params}
  vec2 x = s0.xy;
  float status = s0.z;
  float stopStep = s0.w;
  vec2 a = s1.xy;
  vec2 b = s1.zw;
  vec2 c = s2.xy;
  float fx = s2.z;
  float aux = s2.w;
  uint pixel = uint(ij.y * u_nx + ij.x);
  if (status == ${running}) {
    vec3 J = spObjectiveReg(x);
    fx = J.x;
    for (int k = 0; k < u_k; k++) {
      int t = u_t0 + k;
      status = spStopCode(J.x, spNorm(J.yz), t, ${glslFloat(job.gradTol)}, ${job.maxSteps});
      if (status != ${running}) { stopStep = float(t); break; }
      vec2 g = J.yz;
      if (p_gradNoise != 0.0) g += p_gradNoise * spNormal2(pixel, t, 1u);${clip}
      float lr = u_sched[k].x * p_lr + u_sched[k].y;
      vec2 xPrev = x;
${optimizerStep(job)}
      bool ok = !spOutsideBox(x.x, x.y, SP_CENTRE.x, SP_CENTRE.y, boxR);
      if (ok) {
        J = spObjectiveReg(x);
        ok = spFinite(J.x) && spFinite(J.y) && spFinite(J.z);
      }
      if (!ok) { x = xPrev; status = ${diverged}; stopStep = float(t); break; }
      fx = J.x;
    }
  }
  o0 = vec4(x, status, stopStep);
  o1 = vec4(a, b);
  o2 = vec4(c, fx, aux);
}
`;
}
