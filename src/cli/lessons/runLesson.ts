// Runs a lesson's steps through the CLI's engines and checks every claim (checkClaim.ts). The
// lessons' data imports only src/experiment; this module is where they meet the engines.
import { criticalPointsOf } from '../criticalPoints';
import { decodeExperimentDetailed } from '../../experiment/link';
import { formatErrors } from '../../experiment/parse';
import { collectNetworkResults, createNetworkEngine } from '../../nets/engine';
import { collectResults, createEngine } from '../../optim/engine';
import { checkClaim, needsCriticalPoints, type LessonStepResult } from './checkClaim';
import type { Claim, Lesson } from '../../lessons/types';

export type StepRun = { ok: true; value: LessonStepResult } | { ok: false; error: string };

/**
 * Decodes a step's link (refused if any field is rejected: a lesson must run what it says), runs
 * it to the end, and searches the critical points when asked.
 */
export function runLessonStep(link: string, options: { criticalPoints: boolean }): StepRun {
  const decoded = decodeExperimentDetailed(link);
  if (decoded.problems.length) {
    return { ok: false, error: `the link has rejected fields: ${decoded.problems.map((p) => `${p.field}: ${p.message}`).join('; ')}` };
  }
  const exp = decoded.experiment;
  const value: LessonStepResult = { runs: [] };
  if (exp.problem.kind === 'network') {
    const built = createNetworkEngine(exp);
    if (!built.ok) return { ok: false, error: formatErrors(built.errors) };
    value.runs = collectNetworkResults(exp, built.engine);
  } else {
    const built = createEngine(exp);
    if (!built.ok) return { ok: false, error: formatErrors(built.errors) };
    value.runs = collectResults(exp, built.engine);
  }
  if (options.criticalPoints) {
    const found = criticalPointsOf(exp);
    if (!found.ok) return { ok: false, error: found.message };
    value.criticalPoints = found.points;
  }
  return { ok: true, value };
}

export interface ClaimOutcome {
  claim: Claim;
  ok: boolean;
  detail: string;
}

/** Every claim of a lesson, checked on fresh runs of its steps (each step run once). */
export function checkLesson(lesson: Lesson): ClaimOutcome[] {
  const runs = lesson.steps.map((step, i): StepRun => {
    const claims = lesson.claims.filter((c) => c.step === i);
    return claims.length ? runLessonStep(step.link, { criticalPoints: needsCriticalPoints(claims) }) : { ok: false, error: 'not run: no claim' };
  });
  return lesson.claims.map((claim) => {
    const run = runs[claim.step];
    if (!run) return { claim, ok: false, detail: `the lesson has no step ${claim.step}` };
    if (!run.ok) return { claim, ok: false, detail: run.error };
    return { claim, ...checkClaim(run.value, claim) };
  });
}
