// The figures in d dimensions in the app: escape time against d and rates against eps load from
// a link (`dimfig=`), run in workers with progress and Cancel, and show the command line's
// numbers (computed here in Node by the same core: escapeVsDim, ratesOf); bad settings get one
// line each.
import { expect, test, type Page } from '@playwright/test';
import { decodeExperiment } from '../src/experiment/link';
import { createEngine } from '../src/optim/engine';
import { escapeVsDim } from '../src/optim/escape';
import { ratesOf } from '../src/optim/rates';
import { watchConsole } from './helpers';

const ESCAPE = 'v=1&fn=saddleChain&dim=10&r0=sgd,lr:0.05,srad:0.001&r1=pgd,lr:0.05&steps=3000&tol=0&seed=0&dimfig=2;10;100,4,0.5,nearest';
const RATES = 'v=1&fn=strictSaddle&dim=20&fp=k:2&r0=sgd,lr:0.05&r1=pgd,lr:0.05,tThreshold:1000&r2=adam,lr:0.01&steps=6000&tol=0&seed=0';
// 8 x 1e5 steps of a crawl on rosenbrock at d = 1000 (none reaches 1e-8): long enough to cancel
const SLOW_RATES = `v=1&fn=rosenbrock&dim=1000&${Array.from({ length: 8 }, (_, i) => `r${i}=sgd,lr:0.00000${i + 1}`).join('&')}&steps=100000&tol=0&seed=0`;

async function setField(page: Page, testId: string, text: string): Promise<void> {
  const box = page.getByTestId(testId);
  await box.fill(text);
  await box.press('Enter');
}

test('escape time against d: the link\'s settings, one line per bad entry, progress and cancel, the CLI\'s numbers', async ({ page }) => {
  test.setTimeout(180_000); // the default grid at the end takes ~1 s of a core, much more on a loaded machine
  const errors = watchConsole(page);
  await page.goto(`/#${ESCAPE}`);
  const panel = page.getByTestId('escape-vs-dim');
  await expect(page.getByTestId('dimfig-dims')).toHaveValue('2, 10, 100');
  await expect(page.getByTestId('dimfig-seeds')).toHaveValue('4');

  // every bad entry: one line, nothing changes
  const bad: [string, string, string][] = [
    ['dimfig-dims', '1, 10', 'dimensions must be whole numbers from 2 to 1000 (got "1")'],
    ['dimfig-dims', '10, 1001', 'dimensions must be whole numbers from 2 to 1000 (got "1001")'],
    ['dimfig-seeds', '0', 'seeds must be a whole number from 1 to 1000 (got "0")'],
    ['dimfig-radius', '0', 'radius must be a number above 0, at most 1000000 (got "0")'],
    ['dimfig-radius', '-1', 'radius must be a number above 0, at most 1000000 (got "-1")'],
  ];
  for (const [testId, text, message] of bad) {
    await setField(page, testId, text);
    await expect(page.getByTestId(`${testId}-error`)).toHaveText(message);
  }
  await setField(page, 'dimfig-radius', '0.5');
  await expect(page.getByTestId('dimfig-radius-error')).toHaveCount(0);
  await expect(panel.getByRole('button', { name: 'Run 4 seeds × 3 dimensions' })).toBeVisible();

  // a large figure: progress shows, Cancel stops it
  await setField(page, 'dimfig-dims', '1000');
  await setField(page, 'dimfig-seeds', '1000');
  await panel.getByRole('button', { name: 'Run 1000 seeds × 1 dimension' }).click();
  await expect(page.getByTestId('dimfig-escape-status')).toHaveAttribute('data-state', 'running');
  await expect(panel.locator('progress')).toBeVisible();
  await expect.poll(async () => Number((await page.getByTestId('dimfig-escape-progress').textContent())?.replace('%', '')), { timeout: 30_000 }).toBeGreaterThan(0);
  await panel.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('dimfig-escape-status')).toHaveAttribute('data-state', 'cancelled');
  await expect(page.getByTestId('dimfig-escape-note')).toHaveText('cancelled');

  // the link's figure, and the settings back in the link
  await setField(page, 'dimfig-dims', '2, 10, 100');
  await setField(page, 'dimfig-seeds', '4');
  await expect.poll(() => page.evaluate(() => location.hash)).toContain('dimfig=2;10;100,4,0.5,nearest');
  const began = Date.now();
  await panel.getByRole('button', { name: 'Run 4 seeds × 3 dimensions' }).click();
  await expect(page.getByTestId('dimfig-escape-status')).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
  console.log(`escape figure (3 dims x 4 seeds x 2 runs): ${Date.now() - began} ms`);
  const cli = escapeVsDim(decodeExperiment(ESCAPE).experiment, { dims: [2, 10, 100], seeds: 4, radius: 0.5, saddle: 'nearest' });
  if (!cli.ok) throw new Error(cli.error);
  for (const [i, run] of cli.value.runs.entries()) {
    for (const [k, row] of run.rows.entries()) {
      const cell = page.getByTestId(`escape-cell-${i}-${k}`);
      await expect(cell).toHaveAttribute('data-median', String(row.median ?? 'null'));
      await expect(cell).toHaveAttribute('data-q1', String(row.q1 ?? 'null'));
      await expect(cell).toHaveAttribute('data-q3', String(row.q3 ?? 'null'));
      await expect(cell).toHaveAttribute('data-censored', String(row.times.length - row.escaped));
    }
  }
  await expect(page.getByTestId('escape-reference')).toContainText('∝ log d');
  await expect(page.getByTestId('escape-caption')).toContainText('Du et al. 2017');
  await expect(page.getByTestId('escape-caption')).toContainText('Jin et al. 2017');
  await expect(page.getByTestId('escape-caption')).toContainText(`Dashed: c·log d through ${cli.value.runs[0].label}'s median at d = 100.`);
  await panel.scrollIntoViewIfNeeded();
  await panel.screenshot({ path: 'test-results/dimfig-escape.png' });

  // the default grid, timed
  await setField(page, 'dimfig-dims', '2, 5, 10, 20, 50, 100, 200, 500, 1000');
  await setField(page, 'dimfig-seeds', '10');
  const t0 = Date.now();
  await panel.getByRole('button', { name: 'Run 10 seeds × 9 dimensions' }).click();
  await expect(page.getByTestId('dimfig-escape-status')).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
  console.log(`escape figure, the default grid (9 dims x 10 seeds x 2 runs): ${Date.now() - t0} ms`);
  await panel.screenshot({ path: 'test-results/dimfig-escape-default.png' });

  // GD started exactly at the saddle never leaves it: every seed censored, said so
  await page.goto('/#v=1&fn=strictSaddle&dim=10&fp=k:1&r0=sgd,lr:0.05&r1=pgd,lr:0.05&steps=400&tol=0&seed=0&dimfig=2;10;50,3,0.5,nearest');
  await page.reload();
  await panel.getByRole('button', { name: 'Run 3 seeds × 3 dimensions' }).click();
  await expect(page.getByTestId('dimfig-escape-status')).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
  for (const k of [0, 1, 2]) {
    await expect(page.getByTestId(`escape-cell-0-${k}`)).toHaveAttribute('data-censored', '3');
    await expect(page.getByTestId(`escape-cell-0-${k}`)).toContainText('censored');
    await expect(page.getByTestId(`escape-cell-1-${k}`)).toHaveAttribute('data-censored', '0');
  }
  await expect(page.getByTestId('escape-caption')).toContainText('9 (run, d, seed) never escaped');
  await panel.screenshot({ path: 'test-results/dimfig-escape-censored.png' });
  expect(errors).toEqual([]);
});

test('rates against eps: progress and cancel, the CLI\'s numbers, references labelled', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = watchConsole(page);
  await page.goto(`/#${SLOW_RATES}`);
  const panel = page.getByTestId('rates-vs-eps');
  await panel.getByRole('button', { name: 'Compute rates' }).click();
  await expect(page.getByTestId('dimfig-rates-status')).toHaveAttribute('data-state', 'running');
  await expect.poll(async () => Number((await page.getByTestId('dimfig-rates-progress').textContent())?.replace('%', '')), { timeout: 30_000 }).toBeGreaterThan(0);
  await panel.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('dimfig-rates-status')).toHaveAttribute('data-state', 'cancelled');

  await page.goto(`/#${RATES}`);
  await page.reload();
  const began = Date.now();
  await panel.getByRole('button', { name: 'Compute rates' }).click();
  await expect(page.getByTestId('dimfig-rates-status')).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
  console.log(`rates figure (3 runs, d = 20): ${Date.now() - began} ms`);
  const exp = decodeExperiment(RATES).experiment;
  const built = createEngine(exp);
  if (!built.ok) throw new Error('no engine');
  const cli = ratesOf(exp.runs.map((r) => r.optimizer), built.engine);
  for (const [i, run] of cli.runs.entries()) {
    for (const [k, t] of run.steps.entries()) await expect(page.getByTestId(`rates-cell-${i}-${k}`)).toHaveAttribute('data-step', String(t ?? 'null'));
    await expect(page.getByTestId(`rates-slope-${i}`)).toHaveAttribute('data-slope', String(run.fit?.slope ?? 'null'));
  }
  await expect(page.getByTestId('rates-reference-inverse-square')).toContainText('1/eps²');
  await expect(page.getByTestId('rates-reference-log')).toContainText('log(1/eps)');
  await panel.scrollIntoViewIfNeeded();
  await panel.screenshot({ path: 'test-results/dimfig-rates.png' });

  // a surface whose gradTol stops the runs early: eps below it are shown as not reached
  await page.goto('/#v=1&surface=doubleWell&r0=sgd,lr:0.1,start:1.5;0.1&r1=adam,lr:0.05,start:1;1&steps=3000&tol=0.0001&seed=0');
  await page.reload();
  await panel.getByRole('button', { name: 'Compute rates' }).click();
  await expect(page.getByTestId('dimfig-rates-status')).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
  await expect(page.getByTestId('rates-cell-0-7')).toHaveText('not reached');
  await expect(panel).toContainText('set the tolerance to 0 to see the whole grid');
  await panel.screenshot({ path: 'test-results/dimfig-rates-surface.png' });
  expect(errors).toEqual([]);
});
