// The lessons in the browser: every lesson opened from the menu and stepped through with Next,
// every step opened from its link, and at every step every claim of the lesson asserted on what
// the page ran and shows: the claim checker (src/cli/lessons/checkClaim.ts) on the browser's own
// numbers (window.__saddlepoint.results()), the verdict line on screen for each claimed stop
// reason and kind, and the plot's legend for each claimed count of critical points. Then "try it
// yourself", a bad lesson link, and the escape-time distribution against the CLI's numbers.
import { execFileSync } from 'node:child_process';
import { expect, test, type Page } from '@playwright/test';
import { checkClaim, type LessonRun, type LessonStepResult } from '../src/cli/lessons/checkClaim';
import { decodeExperiment } from '../src/experiment/link';
import type { PointKind } from '../src/experiment/types';
import { LESSONS } from '../src/lessons';
import type { Lesson } from '../src/lessons/types';
import { describeStop } from '../src/optim/verdict';
import { currentExperiment, results, watchConsole } from './helpers';

const KINDS: PointKind[] = ['minimum', 'saddle', 'maximum', 'degenerate'];
const ARTICLE: Record<PointKind, string> = { minimum: 'at a minimum', saddle: 'at a saddle', maximum: 'at a maximum', degenerate: 'at a degenerate point' };
const lessonHash = (id: string, step: number) => `#lesson=${id}&step=${step + 1}`;

const status = (page: Page) => page.evaluate(() => (window as unknown as { __saddlepoint: { status(): string } }).__saddlepoint.status());

/** Playback at the fastest speed: lessons run up to 5,000 steps. */
async function fastest(page: Page): Promise<void> {
  await page.getByLabel('Steps per frame').selectOption('1000');
}

/** The step's critical points as the legend counts them (once the worker has searched). */
async function legendPoints(page: Page): Promise<{ kind: PointKind }[]> {
  await expect(page.getByTestId('legend')).toBeVisible({ timeout: 30_000 });
  const points: { kind: PointKind }[] = [];
  for (const kind of KINDS) {
    const n = Number(await page.getByTestId(`legend-${kind}`).getAttribute('data-count'));
    for (let i = 0; i < n; i++) points.push({ kind });
  }
  return points;
}

/** The page shows step `k` of `lesson`: the panel, the step's experiment in the lab, the step's link in the address bar. */
async function assertShown(page: Page, lesson: Lesson, k: number): Promise<void> {
  const where = `${lesson.id} step ${k + 1}`;
  const panel = page.getByTestId('lesson-panel');
  await expect(panel, where).toHaveAttribute('data-lesson', lesson.id);
  await expect(panel, where).toHaveAttribute('data-step', String(k));
  await expect(page.getByTestId('lesson-text')).toHaveText(lesson.steps[k].text);
  await expect(panel.getByText(`Step ${k + 1} of ${lesson.steps.length}`)).toBeVisible();
  const expected = decodeExperiment(lesson.steps[k].link).experiment;
  await expect.poll(() => currentExperiment(page), { message: where }).toEqual(expected);
  await expect.poll(() => page.evaluate(() => location.hash), { message: where }).toBe(lessonHash(lesson.id, k));
}

/** The page shows step `k` of `lesson`, has run it to the end, and bears out every claim on it. */
async function assertStep(page: Page, lesson: Lesson, k: number): Promise<void> {
  const where = `${lesson.id} step ${k + 1}`;
  await assertShown(page, lesson, k);
  const expected = decodeExperiment(lesson.steps[k].link).experiment;
  await expect.poll(() => status(page), { message: `${where} runs to the end`, timeout: 60_000 }).toBe('finished');
  const claims = lesson.claims.filter((c) => c.step === k);
  expect(claims.length, `${where} has claims`).toBeGreaterThan(0);
  const runs = (await results(page)) as unknown as LessonRun[];
  const step: LessonStepResult = { runs };
  if (claims.some((c) => c.expect.criticalPointCounts)) step.criticalPoints = await legendPoints(page);
  const network = expected.problem.kind === 'network';
  for (const claim of claims) {
    const said = `${where}, run ${claim.run + 1}: ${JSON.stringify(claim.expect)}`;
    const check = checkClaim(step, claim);
    expect(check.ok, `${said}: ${check.detail}`).toBe(true);
    const { reason, kind } = claim.expect;
    if (reason === undefined && kind === undefined) continue;
    const run = runs[claim.run];
    if (network) {
      const verdict = page.getByTestId(`net-verdict-${claim.run}`);
      if (reason) await expect(verdict, said).toHaveAttribute('data-reason', reason);
      if (kind) await expect(verdict, said).toHaveAttribute('data-kind', kind);
    } else {
      // The verdict line on screen is the verdict of the run the page made, word for word.
      const verdict = page.getByTestId(`verdict-${claim.run}`);
      await expect(verdict, said).toHaveText(describeStop(run.stop, expected.stop.gradTol, run.gradNorm[run.gradNorm.length - 1]));
      const text = (await verdict.textContent()) ?? '';
      if (reason === 'gradTol') expect(text, said).toContain(`at step ${run.stop.step}`);
      if (reason === 'maxSteps') expect(text, said).toContain('no eps-stationary point within');
      if (reason === 'diverged') expect(text, said).toContain('diverged at step');
      if (kind) expect(text, said).toContain(ARTICLE[kind]);
    }
  }
}

test.describe.configure({ timeout: 600_000 });

test('every lesson from the menu, every step through Next, every claim on screen', async ({ page }) => {
  const errors = watchConsole(page);
  await page.goto('/');
  await fastest(page);
  for (const lesson of LESSONS) {
    await page.getByTestId('lessons-button').click();
    const list = page.getByTestId('lessons-list');
    await expect(list.locator('a')).toHaveCount(LESSONS.length);
    await list.locator(`a[data-lesson="${lesson.id}"]`).click();
    await expect(list).toBeHidden();
    await assertStep(page, lesson, 0);
    for (let k = 1; k < lesson.steps.length; k++) {
      await page.getByTestId('lesson-panel').getByRole('button', { name: 'Next' }).click();
      await assertStep(page, lesson, k);
    }
    await expect(page.getByTestId('lesson-panel').getByRole('button', { name: 'Next' })).toBeDisabled();
  }
  expect(errors).toEqual([]);
});

test('every step from its link, and back through the history', async ({ page }) => {
  const errors = watchConsole(page);
  // A cold start on a lesson link (claims and all), then every step by its link as a visitor
  // would follow it. The claims of every step were asserted above, on the same experiments.
  await page.goto(`/${lessonHash(LESSONS[0].id, 0)}`);
  await assertStep(page, LESSONS[0], 0);
  await fastest(page);
  for (const lesson of LESSONS) {
    for (let k = 0; k < lesson.steps.length; k++) {
      await page.evaluate((h) => (location.hash = h), lessonHash(lesson.id, k));
      await assertShown(page, lesson, k);
    }
  }
  // The step links are history entries: back returns to the previous step.
  const visited = LESSONS.flatMap((lesson) => lesson.steps.map((_, k) => ({ lesson, k })));
  const [before, last] = visited.slice(-2);
  await page.goBack();
  await assertStep(page, before.lesson, before.k);
  await page.goForward();
  await assertStep(page, last.lesson, last.k);
  expect(errors).toEqual([]);
});

test('"try it yourself" leaves the lab in the step\'s state with its own link; an edit is noticed', async ({ page }) => {
  const lesson = LESSONS.find((l) => l.id === 'slow-escape') as Lesson;
  await page.goto(`/${lessonHash(lesson.id, 1)}`);
  await expect(page.getByTestId('lesson-panel')).toHaveAttribute('data-step', '1');
  const expected = decodeExperiment(lesson.steps[1].link).experiment;
  await expect.poll(() => currentExperiment(page)).toEqual(expected);
  // An edit: the panel says so, the address bar gets the edited experiment's link, and "back to the step" restores it.
  await page.getByRole('textbox', { name: 'maximum steps' }).fill('4000');
  await page.getByRole('textbox', { name: 'maximum steps' }).press('Enter');
  await expect(page.getByText('You changed the experiment since this step.')).toBeVisible();
  await expect.poll(() => page.evaluate(() => location.hash)).toContain('steps=4000');
  await page.getByRole('button', { name: 'Back to the step' }).click();
  await expect.poll(() => currentExperiment(page)).toEqual(expected);
  await expect.poll(() => page.evaluate(() => location.hash)).toBe(lessonHash(lesson.id, 1));
  // Try it yourself: the lesson closes, the experiment stays, the link becomes the experiment's.
  await page.getByRole('button', { name: 'Try it yourself' }).click();
  await expect(page.getByTestId('lesson-panel')).toBeHidden();
  expect(await currentExperiment(page)).toEqual(expected);
  await expect.poll(() => page.evaluate(() => location.hash)).toBe(`#${lesson.steps[1].link}`);
});

test('a bad lesson link says why and opens the menu', async ({ page }) => {
  await page.goto('/#lesson=no-such-lesson&step=1');
  await expect(page.getByTestId('link-notice')).toContainText('no lesson "no-such-lesson"');
  await expect(page.getByTestId('lessons-list')).toBeVisible();
  await expect(page.getByTestId('lesson-panel')).toBeHidden();
  await page.goto('/#lesson=basins&step=9');
  await expect(page.getByTestId('lesson-panel')).toHaveAttribute('data-step', '0');
  await expect(page.getByTestId('link-notice')).toContainText('the lesson has 1 steps; showing the last');
});

const ESCAPE_LINK = LESSONS.find((l) => l.id === 'perturbations-escape')?.steps[0].link as string;

test('escape times: the histogram has the CLI\'s numbers; the settings travel in the link; cancel stops a run', async ({ page }) => {
  const errors = watchConsole(page);
  await page.goto(`/#${ESCAPE_LINK}&escape=2,120,0.3`);
  const section = page.getByTestId('escape-section');
  await expect(section.getByLabel('Run to repeat')).toHaveValue('2');
  await expect(section.getByRole('textbox', { name: 'Seeds' })).toHaveValue('120');
  await expect(section.getByRole('textbox', { name: 'Ball radius' })).toHaveValue('0.3');
  await section.getByRole('button', { name: 'Run 120 seeds' }).click();
  await expect(page.getByTestId('escape-distribution-status')).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
  const cli = JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', `${ESCAPE_LINK}&escape=2,120,0.3`, '--escape-times', '120'], { encoding: 'utf8' }));
  const { escape, stop, escaped } = cli.summary;
  const summary = page.getByTestId('escape-summary');
  await expect(summary).toHaveAttribute('data-escaped', String(escaped));
  await expect(summary).toContainText(`Escape step: median ${escape.median} (quartiles ${escape.q1} to ${escape.q3}, range ${escape.min} to ${escape.max})`);
  await expect(summary).toContainText(`Stop step: median ${stop.median} (quartiles ${stop.q1} to ${stop.q3}, range ${stop.min} to ${stop.max})`);
  await expect(summary).toContainText('the ball of radius 0.3 around the saddle at (0, 0)');
  await expect(page.getByTestId('escape-histogram')).toHaveAttribute('data-median', String(escape.median));
  // the sweep of the median: seven values of noisySgd's sigma
  await section.getByRole('button', { name: /Sweep the median over noisySgd's sigma/ }).click();
  await expect(page.getByTestId('escape-sweep-status')).toHaveAttribute('data-state', 'done', { timeout: 120_000 });
  await expect(page.getByTestId('escape-sweep-chart')).toHaveAttribute('data-points', '7');
  // A change of settings goes into the link.
  await section.getByRole('textbox', { name: 'Seeds' }).fill('1000');
  await section.getByRole('textbox', { name: 'Seeds' }).press('Enter');
  await expect.poll(() => page.evaluate(() => location.hash)).toContain('escape=2,1000,0.3');
  // A long job (eps = 0: every seed runs all 100,000 steps) is cancelled mid-way.
  await page.getByRole('textbox', { name: 'gradient tolerance eps' }).fill('0');
  await page.getByRole('textbox', { name: 'gradient tolerance eps' }).press('Enter');
  await page.getByRole('textbox', { name: 'maximum steps' }).fill('100000');
  await page.getByRole('textbox', { name: 'maximum steps' }).press('Enter');
  await section.getByRole('button', { name: 'Run 1000 seeds' }).click();
  const running = page.getByTestId('escape-distribution-status');
  await expect(running).toHaveAttribute('data-state', 'running');
  await running.getByRole('button', { name: 'Cancel' }).click();
  await expect(running).toHaveAttribute('data-state', 'cancelled');
  expect(errors).toEqual([]);
});

// The README's pictures: DOCS_SCREENSHOTS=1 writes docs/lesson-<id>.png.
test('screenshots of three lessons', async ({ page }) => {
  test.skip(!process.env.DOCS_SCREENSHOTS, 'set DOCS_SCREENSHOTS=1 to write docs/lesson-*.png');
  await page.goto('/');
  await fastest(page);
  for (const [id, step] of [['stationary-is-not-minimum', 0], ['slow-escape', 0], ['newton-and-saddles', 1]] as const) {
    await page.evaluate((h) => (location.hash = h), lessonHash(id, step));
    await expect.poll(() => status(page), { timeout: 60_000 }).toBe('finished');
    await expect(page.getByTestId('legend')).toBeVisible();
    await page.waitForTimeout(500);
    await page.screenshot({ path: `docs/lesson-${id}.png` });
  }
});
