import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { encodeExperiment } from '../src/experiment/link';
import { CATALOGUE } from '../src/surfaces/catalogue';
import { results, watchConsole, OLD_DEFAULT, shareAction } from './helpers';

const status = (page: Page) => page.evaluate(() => (window as any).__saddlepoint.status());

async function waitFinished(page: Page) {
  await expect.poll(() => status(page), { timeout: 30_000 }).toBe('finished');
}

function cliForLink(link: string) {
  return JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', link], { encoding: 'utf8', maxBuffer: 1 << 28 }));
}

test('a link made in the UI opens the same experiment, with the same runs and verdicts, in a new page', async ({ page, context }) => {
  const errors = watchConsole(page);
  await page.goto(OLD_DEFAULT);
  await page.getByLabel('Surface').selectOption('himmelblau');
  await page.getByLabel('Steps per frame').selectOption('1000');
  await page.getByRole('button', { name: 'Add run' }).click();
  await page.getByLabel('Run 2 optimizer').selectOption('rmsprop');
  await page.getByRole('checkbox', { name: 'Run 2 centered' }).check();
  await page.getByLabel('Run 2 gradient noise').fill('0.3');
  await page.getByLabel('Run 2 gradient noise').press('Enter');
  await waitFinished(page);
  await page.getByRole('button', { name: 'Copy link', exact: true }).click();
  await expect(page.getByTestId('toast')).toBeVisible();
  const link = await page.getByLabel('Share link').inputValue();
  expect(link).toMatch(/#v=1&/);
  const original = await results(page);

  const other = await context.newPage();
  await other.goto(link);
  await other.getByLabel('Steps per frame').selectOption('1000');
  await waitFinished(other);
  await expect(other.getByLabel('Run 2 optimizer')).toHaveValue('rmsprop');
  expect(await results(other)).toEqual(original);
  for (const i of [0, 1]) await expect(other.getByTestId(`verdict-${i}`)).toHaveText(await page.getByTestId(`verdict-${i}`).innerText());
  expect(errors).toEqual([]);
});

test('links give bit-identical trajectories in the worker and in the CLI, seeded runs included', async ({ page }) => {
  const links = [
    'v=1&surface=doubleWell&r0=pgd,lr:0.05,radius:0.2&r1=noisySgd,sigma:0.05&r2=sgd,lr:0.1,noise:0.2&steps=600&tol=0.0001&seed=42',
    'v=1&surface=himmelblau&r0=adam,lr:0.05,amsgrad:true,clip:5&r1=sgd,lr:0.002,momentum:0.9,nesterov:true&steps=400&tol=0&seed=7',
    'v=1&surface=rastrigin&r0=nadam,lr:0.01&r1=radam,lr:0.05,noise:1&steps=300&tol=0&seed=3',
    encodeExperiment({
      v: 1,
      problem: { kind: 'surface', expr: 'sin(3*x)*cos(2*y) + 0.1*(x^2 + y^2) + exp(-x)/5' },
      runs: [
        { optimizer: 'adam', params: { lr: 0.05 }, gradNoise: 0.5, start: [1, 1], schedule: { kind: 'cosine', tMax: 200, etaMin: 0.001 } },
        { optimizer: 'cubic', params: { M: 5 }, start: [0.3, -0.2] },
      ],
      stop: { maxSteps: 300, gradTol: 0 },
      seed: 11,
    }),
    encodeExperiment({
      v: 1,
      problem: { kind: 'surface', id: 'ackley', regularization: { l1: 0.01, l2: 0.1 } },
      runs: [{ optimizer: 'noisySgd', params: { lr: 0.01, sigma: 0.3 }, start: [2.2, -1.7] }, { optimizer: 'rmsprop', params: { lr: 0.01, centered: true, momentum: 0.5 } }],
      stop: { maxSteps: 300, gradTol: 0 },
      seed: 5,
    }),
  ];
  for (const hash of links) {
    await page.goto(`/#${hash}`);
    await expect(page.getByTestId('link-notice')).toHaveCount(0);
    await page.getByLabel('Steps per frame').selectOption('1000');
    await waitFinished(page);
    const browser = await results(page);
    const cli = cliForLink(hash);
    expect(browser.length).toBe(cli.length);
    browser.forEach((run, i) => {
      expect(run.points).toEqual(cli[i].points);
      expect(run.f).toEqual(cli[i].f);
      expect(run.gradNorm).toEqual(cli[i].gradNorm);
      expect(run.stop).toEqual(cli[i].stop);
    });
  }
});

test('a corrupted link loads what it can, lists what was rejected, and the page works', async ({ page }) => {
  const errors = watchConsole(page);
  await page.goto('/#v=1&surface=himmelblau&r0=adam,lr:1e9,betas:0.9;7&r1=adamm,lr:0.1&r2=sgd,lr:0.01&steps=-5&seed=xyz');
  const notice = page.getByTestId('link-notice');
  await expect(notice).toBeVisible();
  // named by the link's own keys (r0 lr), not the Experiment's paths (runs[0].params.lr)
  await expect(notice).toContainText('r0 lr');
  await expect(notice).not.toContainText('runs[0]');
  await expect(notice).toContainText('must be at most 1e+6');
  await expect(notice).toContainText('run dropped');
  await expect(notice).toContainText('seed');
  // the valid parts loaded: Himmelblau, an Adam run at its default lr, the sgd run
  await expect(page.locator('.surface-info code')).toHaveText('(x^2 + y - 11)^2 + (x + y^2 - 7)^2');
  await expect(page.getByLabel('Run 1 optimizer')).toHaveValue('adam');
  await expect(page.getByLabel('Run 2 optimizer')).toHaveValue('sgd');
  await expect.poll(async () => (await results(page))[0]?.points.length ?? 0).toBeGreaterThan(5);
  await page.getByRole('button', { name: 'Dismiss notice' }).click();
  await expect(notice).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('"copy link at this step" opens paused at that step', async ({ page, context }) => {
  await page.goto('/#v=1&surface=doubleWell&r0=sgd,lr:0.1&steps=500&tol=0&seed=0');
  await page.getByLabel('Steps per frame').selectOption('1000');
  await waitFinished(page);
  await page.getByLabel('Scrub steps').fill('40');
  await shareAction(page, 'Copy link at this step');
  const link = await page.getByLabel('Share link').inputValue();
  expect(link).toContain('t=40');
  const other = await context.newPage();
  await other.goto(link);
  await expect.poll(async () => (await results(other))[0]?.points.length ?? 0).toBe(41);
  expect(await status(other)).toBe('paused');
});

test('JSON export and import round-trip the experiment; CSV export has a row per point', async ({ page }) => {
  await page.goto('/#v=1&surface=booth&r0=adagrad,lr:0.5&steps=50&tol=0&seed=0');
  await page.getByLabel('Steps per frame').selectOption('1000');
  await waitFinished(page);
  const [json] = await Promise.all([page.waitForEvent('download'), shareAction(page, 'Export JSON')]);
  const jsonPath = await json.path();
  const exported = JSON.parse(readFileSync(jsonPath, 'utf8'));
  expect(exported.problem).toEqual({ kind: 'surface', id: 'booth' });
  const [csv] = await Promise.all([page.waitForEvent('download'), shareAction(page, 'Export CSV')]);
  const rows = readFileSync(await csv.path(), 'utf8').trim().split('\n');
  expect(rows[0]).toBe('step,run,x,y,f,gradNorm,evals');
  expect(rows[51].endsWith(',50')).toBe(true); // one evaluation a step: 50 before x_50
  expect(rows).toHaveLength(52);
  const [svg] = await Promise.all([page.waitForEvent('download'), shareAction(page, 'Export SVG')]);
  expect(readFileSync(await svg.path(), 'utf8')).toContain('<image href="data:image/png');

  await page.goto(OLD_DEFAULT);
  await page.getByLabel('Import JSON file').setInputFiles(jsonPath);
  // the formula shown is the catalogue entry's expression (it was written here as it read before)
  await expect(page.locator('.surface-info code')).toHaveText(CATALOGUE.booth.expression);
  expect(await page.evaluate(() => (window as any).__saddlepoint.experiment())).toEqual(exported);
});
