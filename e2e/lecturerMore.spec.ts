// Issue 13, items 10, 11 and 13: each test fails on the code before them (the comment says what
// the old page did).
import { expect, test, type Page } from '@playwright/test';
import { encodeExperiment } from '../src/experiment/link';
import type { Experiment } from '../src/experiment/types';
import { results, watchConsole } from './helpers';

const status = (page: Page) => page.evaluate(() => (window as any).__saddlepoint.status() as string);
const experiment = (page: Page) => page.evaluate(() => (window as any).__saddlepoint.experiment() as Experiment);
const link = (exp: Experiment) => `/#${encodeExperiment(exp)}`;

async function waitFinished(page: Page) {
  await expect.poll(() => status(page), { timeout: 30_000 }).toBe('finished');
}

// Started just off the saddle's line y = 0: the run sits by the saddle (lambda_min ~ -1), then leaves for (0, +-1).
const NEAR_SADDLE: Experiment = { v: 1, problem: { kind: 'surface', id: 'doubleWell' }, runs: [{ optimizer: 'sgd', params: { lr: 0.1 }, start: [1.5, 0.001] }], stop: { maxSteps: 2000, gradTol: 1e-4 }, seed: 0 };

const pathPoints = async (page: Page, testId: string) => {
  const d = (await page.getByTestId(testId).getAttribute('d')) ?? '';
  return [...d.matchAll(/[ML](-?[\d.]+),(-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
};

test('item 10: a lambda_min chart shows the run below zero by the saddle and above it once it leaves', async ({ page }) => {
  // Old: only ||grad f|| and f were charted; nothing showed when a run sat near a saddle.
  const errors = watchConsole(page);
  await page.goto(link(NEAR_SADDLE));
  await page.getByLabel('Steps per frame').selectOption('1000');
  await waitFinished(page);
  const chart = page.getByTestId('lambda-chart');
  await expect(chart.locator('figcaption')).toContainText('lambda_min');
  await expect(chart.locator('figcaption')).toContainText('linear');
  await expect(chart.locator('svg')).toHaveAttribute('aria-label', /lambda_min/);
  const zero = chart.getByTestId('lambda-chart-reference').locator('line');
  await expect(zero).toHaveAttribute('stroke-dasharray', /\d/);
  const zeroY = Number(await zero.getAttribute('y1'));
  const steps = (await results(page))[0].f.length;
  await expect.poll(async () => new Set((await pathPoints(page, 'lambda-chart-series-0')).map((p) => p[0])).size).toBeGreaterThan(Math.min(steps, 400) - 1);
  const pts = await pathPoints(page, 'lambda-chart-series-0');
  expect(pts[0][1], 'at the start lambda_min < 0 (drawn below the zero line)').toBeGreaterThan(zeroY);
  expect(pts.at(-1)![1], 'at the end lambda_min > 0 (above it)').toBeLessThan(zeroY);
  expect(errors).toEqual([]);
});

test('item 13: the plot takes focus and the arrow keys move the start', async ({ page }) => {
  // Old: the plot could not be focused; the arrow keys only stepped and scrubbed.
  await page.goto(link({ ...NEAR_SADDLE, runs: [{ optimizer: 'sgd', params: { lr: 0.1 }, start: [1, 1] }], view: { x: [-2, 2], y: [-2, 2] } }));
  await page.getByTestId('plot').focus();
  await expect(page.getByTestId('plot')).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect.poll(async () => (await experiment(page)).runs[0].start).toEqual([1.08, 1]);
  await page.keyboard.press('Shift+ArrowDown');
  await expect.poll(async () => (await experiment(page)).runs[0].start).toEqual([1.08, 0.2]);
});

test('item 13: the eps line is a keyboard slider', async ({ page }) => {
  // Old: the eps line moved only by dragging.
  await page.goto(link(NEAR_SADDLE));
  const line = page.getByRole('slider', { name: /gradient tolerance eps/ });
  await expect(line).toHaveAttribute('aria-valuetext', 'eps = 0.0001');
  await line.focus();
  await page.keyboard.press('Shift+ArrowUp');
  await expect.poll(async () => (await experiment(page)).stop.gradTol).toBe(0.001);
  await page.keyboard.press('ArrowDown');
  await expect.poll(async () => (await experiment(page)).stop.gradTol).toBe(0.00056);
});

test('item 13: names for the charts, the Compute buttons and the lr slider; "?" opens the shortcut list', async ({ page }) => {
  // Old: three buttons all named "Compute"; the slider announced log10(lr) ("-1"); map canvases
  // had no name; the shortcuts were a tooltip on an icon.
  await page.goto(link({ ...NEAR_SADDLE, runs: [...NEAR_SADDLE.runs, { optimizer: 'pgd', params: { lr: 0.1 } }] }));
  await expect(page.getByRole('button', { name: 'Compute the basin map' })).toBeVisible();
  await page.getByRole('button', { name: 'Compare with another run' }).click();
  await expect(page.getByRole('button', { name: 'Compute the compared basin map' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Compute the sweep map' })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Compute$/ })).toHaveCount(0);
  await expect(page.getByRole('slider', { name: /lr slider/ }).first()).toHaveAttribute('aria-valuetext', 'lr 0.1');
  // every chart (svg or canvas a screen reader is not told to skip) has a name
  const unnamed = await page.evaluate(() =>
    [...document.querySelectorAll('svg, canvas')]
      .filter((el) => !el.closest('[aria-hidden="true"]') && el.getAttribute('aria-hidden') !== 'true' && !el.parentElement?.closest('svg'))
      .filter((el) => !(el.getAttribute('aria-label') ?? '').trim())
      .map((el) => el.outerHTML.slice(0, 120)),
  );
  expect(unnamed).toEqual([]);
  await page.locator('body').press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('play / pause');
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
});
