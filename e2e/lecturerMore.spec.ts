// Issue 13, items 10, 11 and 13: each test fails on the code before them (the comment says what
// the old page did).
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { encodeExperiment } from '../src/experiment/link';
import type { Experiment } from '../src/experiment/types';
import { parseXml, textContent, type XmlElement } from '../src/experiment/xml.testutil';
import { results, shareAction, watchConsole } from './helpers';

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

/** Every element of a parsed SVG, depth first. */
function allElements(e: XmlElement): XmlElement[] {
  return [e, ...e.children.flatMap((c) => (typeof c === 'string' ? [] : allElements(c)))];
}
const part = (root: XmlElement, name: string) => allElements(root).filter((e) => e.attributes['data-part'] === name);

async function exportFigure(page: Page, format: 'SVG' | 'PNG', name: string) {
  const [file] = await Promise.all([page.waitForEvent('download'), shareAction(page, `Export figure (${format}, 16:9)`)]);
  const path = test.info().outputPath(name);
  await file.saveAs(path);
  return path;
}

test('item 11: one figure for a slide, as SVG (vector contours, legend, formula, charts, verdicts) and PNG', async ({ page }) => {
  // Old: the plot alone, contours as an embedded raster, no charts, formula or verdicts; nothing in network mode.
  const errors = watchConsole(page);
  await page.goto(link({ ...NEAR_SADDLE, runs: [...NEAR_SADDLE.runs, { optimizer: 'cubic', params: {} }] }));
  await page.getByLabel('Steps per frame').selectOption('1000');
  await waitFinished(page);
  const svgText = readFileSync(await exportFigure(page, 'SVG', 'figure.svg'), 'utf8');
  const root = parseXml(svgText);
  expect(root.name).toBe('svg');
  expect([root.attributes.width, root.attributes.height]).toEqual(['1600', '900']);
  const main = part(root, 'main')[0];
  const contourPaths = allElements(main).filter((e) => e.name === 'g' && e.attributes.class === 'contours').flatMap((g) => allElements(g).filter((e) => e.name === 'path'));
  expect(contourPaths.length, 'contours as vector paths').toBeGreaterThan(5);
  expect(allElements(main).some((e) => e.name === 'image'), 'no raster contours').toBe(false);
  expect(allElements(main).filter((e) => e.attributes['data-testid']?.startsWith('trajectory-')).length, "the runs' paths").toBeGreaterThanOrEqual(2);
  expect(part(root, 'legend').map(textContent)).toEqual(['SGD lr=0.1', 'Cubic Newton lr=1']);
  expect(textContent(part(root, 'formula')[0])).toContain('f(x, y) = x^2/2');
  const charts = part(root, 'chart').map((c) => allElements(c).find((e) => e.name === 'svg')!);
  expect(charts.map((c) => c.attributes['aria-label'] ?? allElements(c).length)).toHaveLength(3);
  expect(charts.every((c) => allElements(c).some((e) => e.attributes['data-testid']?.includes('-series-0')))).toBe(true);
  expect(allElements(root).some((e) => e.attributes['data-testid'] === 'lambda-chart-series-0')).toBe(true);
  expect(allElements(root).some((e) => e.attributes['data-testid'] === 'grad-chart-series-0')).toBe(true);
  expect(part(root, 'verdict').length).toBe(2);

  const png = await exportFigure(page, 'PNG', 'figure.png');
  const bytes = readFileSync(png);
  expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)], 'PNG at 2x of 1600 x 900').toEqual([3200, 1800]);
  await page.goto('about:blank');
  await page.setViewportSize({ width: 1600, height: 900 });
  await page.setContent(`<img src="data:image/png;base64,${bytes.toString('base64')}" style="width:1600px;height:900px;display:block">`);
  await page.screenshot({ path: test.info().outputPath('figure-png.png') });
  expect(errors).toEqual([]);
});

test('item 11: the figure exports in network mode (decision boundary, loss charts)', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Surface').selectOption('__network__');
  await expect(page.getByTestId('network-panel')).toBeVisible();
  await expect(page.getByTestId('decision-boundary')).toBeVisible();
  const root = parseXml(readFileSync(await exportFigure(page, 'SVG', 'net.svg'), 'utf8'));
  const main = part(root, 'main')[0];
  expect(main.name).toBe('image');
  expect(main.attributes.href).toMatch(/^data:image\/png;base64,/);
  expect(part(root, 'chart').length).toBeGreaterThanOrEqual(2);
  expect(textContent(part(root, 'formula')[0])).toContain('dataset');
});
