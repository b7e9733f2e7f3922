// `--lessons` prints exactly LESSONS; `--lessons --check` one result per claim, exit 1 on a failed
// claim; `--escape-times` prints the app's escape job, which agrees with the lesson checker's
// leavesBall on the same runs.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { LESSONS } from '../lessons';
import type { Lesson } from '../lessons/types';
import { escapeCsv, escapeSettings, escapeTimes } from './escapeTimes';
import { checkClaim } from './lessons/checkClaim';
import { runLessonStep } from './lessons/runLesson';
import { readLessonsArgs, writeLessonChecks, type ClaimResult } from './lessonsCli';
import { decodeExperiment } from '../experiment/link';

const cli = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], { encoding: 'utf8' });

describe('--lessons', () => {
  it('prints LESSONS as JSON, nothing more', () => {
    const r = cli('--lessons');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(LESSONS);
    expect(r.stderr).toBe('');
  });

  it('--check: every claim of every lesson holds, one result each, exit 0', () => {
    const r = cli('--lessons', '--check');
    expect(r.status).toBe(0);
    const results = JSON.parse(r.stdout) as ClaimResult[];
    expect(results).toHaveLength(LESSONS.reduce((n, l) => n + l.claims.length, 0));
    expect(results.filter((c) => !c.ok)).toEqual([]);
    expect(results[0]).toMatchObject({ lesson: LESSONS[0].id, step: 0, run: 0, expect: LESSONS[0].claims[0].expect, ok: true });
  });

  it('a false claim is reported with what was measured, and fails the check', () => {
    const lesson: Lesson = {
      id: 'false',
      title: 'false',
      steps: [{ link: 'v=1&surface=doubleWell&r0=sgd,lr:0.1,start:1.5;0&steps=2000&tol=0.0001&seed=0', text: '' }],
      claims: [
        { step: 0, run: 0, expect: { kind: 'saddle', reason: 'gradTol' } },
        { step: 0, run: 0, expect: { kind: 'minimum' } },
      ],
    };
    let text = '';
    const heard: string[] = [];
    const ok = writeLessonChecks((t) => (text += t), (id, i, n) => heard.push(`${id} ${i}/${n}`), [lesson]);
    expect(ok).toBe(false);
    expect(heard).toEqual(['false 0/1']);
    const results = JSON.parse(text) as ClaimResult[];
    expect(results.map((r) => r.ok)).toEqual([true, false]);
    expect(results[1].detail).toBe("the stop's kind is saddle (expected minimum)");
  });

  it.each([
    [['--lessons', 'v=1&surface=booth'], /takes no experiment/],
    [['--lessons', '--format', 'csv'], /no option but --check \(got "--format"\)/],
  ])('%j: one line on stderr, exit 2', (args, message) => {
    expect(readLessonsArgs(args)?.ok).toBe(false);
    const r = cli(...args);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
  });
});

// The perturbations lesson's runs: GD, pgd, noisySgd, GD + gradient noise from (1.5, 0) on the double well.
const LINK =
  'v=1&surface=doubleWell&r0=sgd,lr:0.1,start:1.5;0&r1=pgd,lr:0.1,radius:0.1,gThreshold:0.001,tThreshold:200,start:1.5;0' +
  '&r2=noisySgd,lr:0.1,sigma:0.01,start:1.5;0&r3=sgd,lr:0.1,start:1.5;0,noise:0.01&steps=3000&tol=0.0001&seed=3';

describe('--escape-times', () => {
  it('prints each seed with its escape and stop step, the ball and the quartiles', () => {
    const r = cli(LINK, '--escape-times', '4', '--run', '2', '--radius', '0.5');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ kind: 'escapeTimes', run: 2, randomness: { param: 'sigma', value: 0.01 }, center: { x: 0, y: 0, kind: 'saddle' }, radius: 0.5, radiusFrom: 'given' });
    expect(out.seeds.map((s: { seed: number }) => s.seed)).toEqual([3, 4, 5, 6]);
    expect(out.summary.seeds).toBe(4);
  });

  it("takes the link's escape= settings under the flags; CSV has one row per seed", () => {
    const r = cli(`${LINK}&escape=3,3,0.3`, '--escape-times', '2', '--format', 'csv');
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe('seed,escape,entered,stop,reason');
    expect(lines).toHaveLength(3);
    const exp = decodeExperiment(LINK).experiment;
    const direct = escapeTimes(exp, { run: 3, seeds: 2, radius: 0.3 });
    if (!direct.ok) throw new Error(direct.message);
    expect(r.stdout).toBe(escapeCsv(direct.value));
    expect(escapeSettings({ escapeTimes: 9 }, { run: 1, seeds: 100, radius: null })).toEqual({ run: 1, seeds: 9, radius: null });
  });

  const BAD: [string[], RegExp][] = [
    [[LINK, '--escape-times', '4', '--run', '0'], /run 1 has no randomness .* runs 2, 3, 4 have randomness/],
    [[LINK, '--escape-times', '0'], /--escape-times must be an integer from 1 to 1000/],
    [[LINK, '--escape-times', '1001'], /from 1 to 1000/],
    [[LINK, '--radius', '0.5'], /--radius needs --escape-times/],
    [[LINK, '--escape-times', '5', '--radius', '-1'], /--radius must be a number above 0/],
    [[LINK, '--escape-times', '5', '--map', 'basins'], /does not go with --map/],
  ];
  it.each(BAD.map(([args, message]) => [args.join(' ').replace(LINK, '<link>'), args, message] as const))('%s: one line on stderr, exit 2', (_name, args, message) => {
    const r = cli(...args);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
  });

  it.each([1, 2, 3])("run %i: each seed's escape step is the lesson checker's leavesBall step on the same run", (run) => {
    const found = escapeTimes(decodeExperiment(LINK).experiment, { run, seeds: 3, radius: null });
    if (!found.ok) throw new Error(found.message);
    const { center, radius } = found.value;
    for (const seed of found.value.seeds) {
      const step = runLessonStep(LINK.replace('seed=3', `seed=${seed.seed}`), { criticalPoints: false });
      if (!step.ok) throw new Error(step.error);
      const check = checkClaim(step.value, { step: 0, run, expect: { leavesBall: { center: [center.x, center.y], radius, minStep: 0, maxStep: 1e9 } } });
      expect(check.detail).toMatch(new RegExp(`at step ${seed.escape}\\b`));
      expect(check.ok).toBe(true);
    }
  });
});
