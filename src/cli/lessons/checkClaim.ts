// The one checker of lesson claims: a step's recorded runs in, for one claim a verdict and a
// sentence that says what was measured. Pure: the runs come from the engines (runLesson.ts).
import type { PointKind, RunStop } from '../../experiment/types';
import { fmtNum } from '../../optim/verdict';
import type { Claim, Expectation } from '../../lessons/types';

/** What the checker reads of one run: RunResult's series, and the held-out loss of a network run. */
export interface LessonRun {
  points: number[][];
  f: number[];
  gradNorm: number[];
  stop: RunStop;
  heldOutLoss?: number[];
  /** Steps at which a perturbation was applied (pgd). */
  perturbations?: number[];
}

/** The runs of one step, and the critical points of its objective when a claim needs them. */
export interface LessonStepResult {
  runs: LessonRun[];
  criticalPoints?: { kind: PointKind }[];
}

export interface ClaimCheck {
  ok: boolean;
  detail: string;
}

type Checker<K extends keyof Expectation> = (run: LessonRun, want: NonNullable<Expectation[K]>, step: LessonStepResult, expect: Expectation) => ClaimCheck;

const pass = (ok: boolean, detail: string): ClaimCheck => ({ ok, detail });
const fmtPoint = (p: readonly number[]) => `(${fmtNum(p[0])}, ${fmtNum(p[1])})`;
const inRange = (v: number, min?: number, max?: number) => (min === undefined || v >= min) && (max === undefined || v <= max);
const rangeText = (min?: number, max?: number) =>
  min !== undefined && max !== undefined ? `${fmtNum(min)}..${fmtNum(max)}` : min !== undefined ? `>= ${fmtNum(min)}` : `<= ${fmtNum(max ?? NaN)}`;
const lastOf = (a: number[]) => a[a.length - 1];

/** The distance travelled by step t, ||x_(t+1) - x_t||, or NaN where the run has no such step. */
function stepLength(run: LessonRun, t: number): number {
  const p = run.points[t];
  const q = run.points[t + 1];
  return p && q ? Math.hypot(q[0] - p[0], q[1] - p[1]) : NaN;
}

const CHECKS: { [K in keyof Expectation]-?: Checker<K> } = {
  reason: (run, want) => pass(run.stop.reason === want, `stopped by ${run.stop.reason} (expected ${want})`),
  kind: (run, want) => pass(run.stop.kind === want, `the stop's kind is ${String(run.stop.kind)} (expected ${want})`),
  minSteps: (run, want) => pass(run.stop.step >= want, `stopped at step ${run.stop.step} (expected >= ${want})`),
  maxSteps: (run, want) => pass(run.stop.step <= want, `stopped at step ${run.stop.step} (expected <= ${want})`),
  fBelow: (run, want) => pass(lastOf(run.f) < want, `f = ${fmtNum(lastOf(run.f))} at the stop (expected < ${fmtNum(want)})`),
  fAbove: (run, want) => pass(lastOf(run.f) > want, `f = ${fmtNum(lastOf(run.f))} at the stop (expected > ${fmtNum(want)})`),
  endsNear(run, want, _step, expect) {
    const end = run.points[run.points.length - 1];
    if (!end) return pass(false, 'the run has no points (not a surface run)');
    const within = expect.within ?? 1e-3;
    const d = Math.hypot(end[0] - want[0], end[1] - want[1]);
    return pass(d <= within, `ends at ${fmtPoint(end)}, ${fmtNum(d)} from ${fmtPoint(want)} (expected within ${fmtNum(within)})`);
  },
  within: (_run, _want, _step, expect) =>
    expect.endsNear ? pass(true, '') : pass(false, '"within" qualifies "endsNear", which is missing'),
  fasterThan(run, want, step) {
    const other = step.runs[want.run];
    if (!other) return pass(false, `there is no run ${want.run}`);
    const said = `eps-stationary: this run ${stopText(run.stop)}, run ${want.run} ${stopText(other.stop)}`;
    const ok = run.stop.reason === 'gradTol' && (other.stop.reason !== 'gradTol' || run.stop.step < other.stop.step);
    return pass(ok, said);
  },
  perturbations(run, want) {
    const n = run.perturbations?.length ?? 0;
    return pass(inRange(n, want.min, want.max), `${n} perturbations (expected ${rangeText(want.min, want.max)})`);
  },
  xAbove(run, want) {
    const most = run.points.reduce((m, p) => Math.max(m, p[0]), -Infinity);
    return pass(most > want, `the path's largest x is ${fmtNum(most)} (expected > ${fmtNum(want)})`);
  },
  fRises(run, want) {
    let rises = 0;
    for (let t = 1; t < run.f.length; t++) if (run.f[t] > run.f[t - 1]) rises++;
    return pass(inRange(rises, want.min, want.max), `f rose at ${rises} steps (expected ${rangeText(want.min, want.max)})`);
  },
  leavesBall(run, want) {
    const inside = (p: readonly number[]) => Math.hypot(p[0] - want.center[0], p[1] - want.center[1]) <= want.radius;
    let last = run.points.length - 1;
    while (last >= 0 && !inside(run.points[last])) last--;
    const ball = `the ball of radius ${fmtNum(want.radius)} around ${fmtPoint(want.center)}`;
    if (last < 0) return pass(false, `never entered ${ball}`);
    if (last === run.points.length - 1) return pass(false, `ends inside ${ball} at step ${last}`);
    const escape = last + 1;
    return pass(inRange(escape, want.minStep, want.maxStep), `left ${ball} at step ${escape} (expected ${want.minStep}..${want.maxStep})`);
  },
  stepLengthRatio(run, want) {
    const ratio = stepLength(run, want.to) / stepLength(run, want.from);
    const ok = Number.isFinite(ratio) && inRange(ratio, want.min, want.max);
    return pass(ok, `length of step ${want.to} / length of step ${want.from} = ${fmtNum(ratio)} (expected ${rangeText(want.min, want.max)})`);
  },
  gradNormRises(run, want) {
    // Witness s for each t: the step of least gradient norm before t. Sound (every pair it
    // reports is one), and it finds the largest rise whenever the loss fell over it.
    let best = { ratio: 1, s: 0, t: 0 }; // only a rise (ratio > 1) is recorded
    let least = 0;
    for (let t = 1; t < run.gradNorm.length; t++) {
      if (run.gradNorm[t - 1] < run.gradNorm[least]) least = t - 1;
      const ratio = run.gradNorm[t] / run.gradNorm[least];
      if (run.f[t] < run.f[least] && ratio > best.ratio) best = { ratio, s: least, t };
    }
    const { ratio, s, t } = best;
    const said = t > 0
      ? `||grad|| grew ${fmtNum(ratio)}x from step ${s} to ${t} (${fmtNum(run.gradNorm[s])} -> ${fmtNum(run.gradNorm[t])}) while the loss fell ${fmtNum(run.f[s])} -> ${fmtNum(run.f[t])}`
      : '||grad|| never grew while the loss fell';
    return pass(t > 0 && ratio >= want.factor, `${said} (expected a rise >= ${fmtNum(want.factor)}x)`);
  },
  heldOutTurnsUp(run, want) {
    const held = run.heldOutLoss;
    if (!held || held.length === 0) return pass(false, 'the run has no held-out loss (not a network run)');
    let k = 0;
    for (let t = 1; t < held.length; t++) if (held[t] < held[k]) k = t;
    const end = held.length - 1;
    const rise = held[end] / held[k] - 1;
    const ok = k < end && rise >= want.minRise && run.f[end] < run.f[k] && inRange(k, want.minStep, want.maxStep);
    const where = want.minStep !== undefined || want.maxStep !== undefined ? `, step ${rangeText(want.minStep, want.maxStep)}` : '';
    return pass(
      ok,
      `held-out loss least at step ${k} (${fmtNum(held[k])}), ${fmtNum(held[end])} at step ${end} (+${fmtNum(100 * rise)}%); ` +
        `training loss ${fmtNum(run.f[k])} -> ${fmtNum(run.f[end])} (expected +${fmtNum(100 * want.minRise)}% or more${where})`,
    );
  },
  criticalPointCounts(_run, want, step) {
    const points = step.criticalPoints;
    if (!points) return pass(false, 'no critical points were searched for this step');
    const counts: Partial<Record<PointKind, number>> = {};
    for (const p of points) counts[p.kind] = (counts[p.kind] ?? 0) + 1;
    const kinds = Object.keys(want) as PointKind[];
    const ok = kinds.every((kind) => (counts[kind] ?? 0) === want[kind]);
    const found = kinds.map((kind) => `${counts[kind] ?? 0} ${kind}`).join(', ');
    const expected = kinds.map((kind) => `${want[kind]} ${kind}`).join(', ');
    return pass(ok, `found ${found} (expected ${expected})`);
  },
};

function stopText(stop: RunStop): string {
  return `${stop.reason} at step ${stop.step}`;
}

/** Whether a step's results bear out one claim, and what was measured. Every expectation given must hold. */
export function checkClaim(step: LessonStepResult, claim: Claim): ClaimCheck {
  const run = step.runs[claim.run];
  if (!run) return pass(false, `step ${claim.step} has no run ${claim.run}`);
  const keys = Object.keys(claim.expect);
  if (keys.length === 0) return pass(false, 'the claim expects nothing');
  const checks = keys.map((key) => {
    if (!Object.hasOwn(CHECKS, key)) return pass(false, `unknown expectation "${key}"`);
    const k = key as keyof Expectation;
    const want = claim.expect[k];
    if (want === undefined) return pass(false, `"${key}" has no value`);
    return (CHECKS[k] as Checker<typeof k>)(run, want as never, step, claim.expect);
  });
  return { ok: checks.every((c) => c.ok), detail: checks.map((c) => c.detail).filter(Boolean).join('; ') };
}

/** Whether any claim on a step needs its critical points searched (a costly search, done only then). */
export const needsCriticalPoints = (claims: Claim[]): boolean => claims.some((c) => c.expect.criticalPointCounts !== undefined);
