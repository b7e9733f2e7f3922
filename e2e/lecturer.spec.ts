// Issue 13, "the explorer as a lecturer finds it": each test is one item, written to fail on the
// code before the fix (the comment says what the old page did).
import { expect, test, type Locator, type Page } from '@playwright/test';
import { encodeExperiment } from '../src/experiment/link';
import type { Experiment } from '../src/experiment/types';
import { watchConsole } from './helpers';

const status = (page: Page) => page.evaluate(() => (window as any).__saddlepoint.status() as string);
const experiment = (page: Page) => page.evaluate(() => (window as any).__saddlepoint.experiment() as Experiment);
const link = (exp: Experiment, atStep?: number) => `/#${encodeExperiment(exp, atStep === undefined ? undefined : { atStep })}`;

async function waitFinished(page: Page) {
  await expect.poll(() => status(page), { timeout: 30_000 }).toBe('finished');
}

type Box = { x: number; y: number; width: number; height: number };
const overlap = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Each tick label of an axis lies inside the plot's SVG and no two of them overlap. */
async function expectReadableTicks(page: Page, axis: Locator): Promise<string[]> {
  const svg = (await page.getByTestId('plot').boundingBox())!;
  const labels = axis.locator('.tick text');
  const texts = await labels.allTextContents();
  const boxes: Box[] = [];
  for (let i = 0; i < texts.length; i++) boxes.push((await labels.nth(i).boundingBox())!);
  for (const [i, b] of boxes.entries()) {
    expect(b.x, `"${texts[i]}" starts inside the plot`).toBeGreaterThanOrEqual(svg.x - 0.5);
    expect(b.x + b.width, `"${texts[i]}" ends inside the plot`).toBeLessThanOrEqual(svg.x + svg.width + 0.5);
    for (let j = i + 1; j < boxes.length; j++) expect(overlap(b, boxes[j]), `"${texts[i]}" and "${texts[j]}" overlap`).toBe(false);
  }
  expect(new Set(texts).size).toBe(texts.length);
  return texts;
}

const DOUBLE_WELL: Experiment = { v: 1, problem: { kind: 'surface', id: 'doubleWell' }, runs: [{ optimizer: 'sgd', params: { lr: 0.1 } }], stop: { maxSteps: 2000, gradTol: 1e-4 }, seed: 0 };

// The opening race, as a link, so that the checks below do not depend on what the app opens with.
const RACE: Experiment = {
  ...DOUBLE_WELL,
  runs: [
    { optimizer: 'sgd', params: { lr: 0.1 } },
    { optimizer: 'pgd', params: { lr: 0.1 } },
    { optimizer: 'noisySgd', params: { lr: 0.1 } },
    { optimizer: 'cubic', params: {} },
  ],
};

test('item 2: zoomed out to +-6,000 the double well keeps one saddle and no degenerate point; ticks stay readable at any zoom', async ({ page }) => {
  // Old: the legend read "degenerate (3)" and the saddle's hover "degenerate ... λ = -1, 1";
  // y ticks read "00,000" (clipped); deep in, x ticks "−0.1291530−0.1291528…" ran together.
  await page.goto(link({ ...DOUBLE_WELL, view: { x: [-6000, 6000], y: [-6000, 6000] } }));
  await expect(page.getByTestId('legend-saddle')).toHaveAttribute('data-count', '1');
  await expect(page.getByTestId('legend-degenerate')).toHaveAttribute('data-count', '0');
  await page.getByTestId('cp-saddle').hover({ force: true });
  await expect(page.getByTestId('readout')).toContainText('saddle at');
  await expectReadableTicks(page, page.getByTestId('x-axis'));
  await expectReadableTicks(page, page.getByTestId('y-axis'));

  await page.goto(link({ ...DOUBLE_WELL, view: { x: [-600000, 600000], y: [-600000, 600000] } }));
  await expect(page.getByTestId('contours')).toBeVisible();
  await expectReadableTicks(page, page.getByTestId('y-axis'));

  await page.goto(link({ ...DOUBLE_WELL, view: { x: [-0.129154, -0.129152], y: [-0.001, 0.001] } }));
  await expect(page.getByTestId('contours')).toBeVisible();
  await expectReadableTicks(page, page.getByTestId('x-axis'));
  // the labels are offsets from one value, which the axis title carries
  await expect(page.getByTestId('x-title')).toHaveText(/^x \+ 0\.12915/);
});

test('item 3: a link with an expression that does not compile falls back to the default surface and keeps the text for editing', async ({ page }) => {
  // Old: the error, a blank plot, "Finding critical points…" forever, Play disabled, no maps,
  // and "Copy link" copied the broken link.
  const errors = watchConsole(page);
  await page.goto('/#v=1&expr=__proto__(x)&r0=sgd');
  const notice = page.getByTestId('link-notice');
  await expect(notice).toContainText('expr');
  await expect(notice).toContainText('using the default surface');
  await expect(page.getByTestId('contours')).toBeVisible();
  await expect(page.getByTestId('legend')).toBeVisible();
  await expect(page.getByTestId('basin-map')).toBeVisible();
  await expect(page.getByLabel('Custom expression')).toHaveValue('__proto__(x)');
  await expect(page.getByTestId('expr-error')).toBeVisible();
  await expect.poll(() => status(page)).toMatch(/playing|finished/);
  expect((await experiment(page)).problem).toEqual({ kind: 'surface', id: 'rosenbrock' });
  // item 8: the address bar shows the corrected link
  await expect.poll(() => page.evaluate(() => location.hash)).toContain('surface=rosenbrock');
  expect(await page.evaluate(() => location.hash)).not.toContain('expr=');
  await page.getByRole('button', { name: 'Copy link', exact: true }).click();
  expect(await page.getByLabel('Share link').inputValue()).not.toContain('expr=');
  // fixing the expression in the box applies it
  const box = page.getByLabel('Custom expression');
  await box.fill('x^2 + y^2');
  await box.press('Enter');
  await expect.poll(async () => (await experiment(page)).problem).toEqual({ kind: 'surface', expr: 'x^2 + y^2' });
  expect(errors).toEqual([]);
});

test('item 4: importing a file that is no experiment changes nothing and says why', async ({ page }) => {
  // Old: "hello world" replaced a 4-run set-up with the default Rosenbrock run, calling the file a "link".
  await page.goto(link(RACE));
  await expect.poll(async () => (await experiment(page)).runs.length).toBe(4);
  const before = await experiment(page);
  await page.getByLabel('Import JSON file').setInputFiles({ name: 'hello.txt', mimeType: 'text/plain', buffer: Buffer.from('hello world') });
  await expect(page.getByTestId('error')).toContainText('not a Saddlepoint experiment');
  await expect(page.getByTestId('error')).toContainText('not valid JSON');
  expect(await experiment(page)).toEqual(before);
  await expect(page.getByTestId('link-notice')).toHaveCount(0);
  // a file that is partly wrong loads what it can, and the notice calls it a file
  const partly = { ...before, seed: 'x' };
  await page.getByLabel('Import JSON file').setInputFiles({ name: 'partly.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(partly)) });
  await expect(page.getByTestId('link-notice')).toContainText('Some of this file could not be used');
});

test('item 5: the run summary follows the scrubber', async ({ page }) => {
  // Old: scrubbed to step 60 the summary still said step 92, with the verdict.
  await page.goto(link(RACE));
  await page.getByLabel('Steps per frame').selectOption('1000');
  await waitFinished(page);
  await page.getByLabel('Scrub steps').fill('60');
  await expect(page.getByTestId('run-0')).toContainText('step 60,');
  await expect(page.getByTestId('verdict-0')).toHaveCount(0);
  await expect(page.getByTestId('verdict-later-0')).toContainText('stops at step 92');
  await expect(page.getByTestId('verdict-3')).toContainText('at a minimum'); // cubic Newton stopped at step 10
});

test('item 5: where f* is unknown the f chart does not drop to the floor at the current step', async ({ page }) => {
  // Old: "f - min f seen" fell to the axis floor at the current step, the current point being the minimum seen.
  const custom: Experiment = { ...DOUBLE_WELL, problem: { kind: 'surface', expr: 'x^2 + 3*y^2' }, runs: [{ optimizer: 'sgd', params: { lr: 0.01 }, start: [1.5, 1] }] };
  await page.goto(link(custom, 30));
  await expect.poll(async () => (await page.evaluate(() => (window as any).__saddlepoint.results()))[0]?.points.length ?? 0).toBe(31);
  const chart = page.getByTestId('f-chart');
  const points = async () => {
    const d = (await page.getByTestId('f-chart-series-0').getAttribute('d')) ?? '';
    return [...d.matchAll(/[ML](-?[\d.]+),(-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
  };
  // the chart redraws at most ten times a second: wait until it shows all 31 steps
  await expect.poll(async () => new Set((await points()).map((p) => p[0])).size).toBe(31);
  const pts = await points();
  const columns = [...new Set(pts.map((p) => p[0]))];
  const lastY = (col: number) => pts.filter((p) => p[0] === col).at(-1)![1];
  const h = (await chart.locator('svg').boundingBox())!.height;
  const drop = lastY(columns.at(-1)!) - lastY(columns.at(-2)!);
  expect(drop, 'the last step is drawn next to the one before it').toBeLessThan(0.15 * h);
  await expect(chart.locator('figcaption')).not.toContainText('min f seen');
});

test('item 6: contour bands darken toward the minimum, a colour bar gives their values, undefined regions are hatched', async ({ page }) => {
  // Old: the lowest band, painted once with alpha, was lighter than the bands above it; no colour
  // bar; log(x) for x < 0 took the colour of the highest f.
  await page.goto('/#v=1&surface=rosenbrock&r0=sgd,lr:0.001,start:-1.5;1.5&steps=2000&tol=0.0001&seed=0');
  await expect(page.getByTestId('contours')).toBeVisible();
  // the maximum luminance in a small block (contour strokes only darken), along the valley wall
  const lum = async (x: number, y: number, view = { x: [-2, 2], y: [-1, 3] }) =>
    page.evaluate(
      ({ x, y, view }) => {
        const canvas = document.querySelector('[data-testid="contours"]') as HTMLCanvasElement;
        const target = document.querySelector('[data-testid="plot-click-target"]')!.getBoundingClientRect();
        const c = canvas.getBoundingClientRect();
        const k = canvas.width / c.width;
        const px = Math.round((target.left - c.left + ((x - view.x[0]) / (view.x[1] - view.x[0])) * target.width) * k);
        const py = Math.round((target.top - c.top + ((view.y[1] - y) / (view.y[1] - view.y[0])) * target.height) * k);
        const data = canvas.getContext('2d')!.getImageData(px - 2, py - 2, 5, 5).data;
        let best = 0;
        // as seen: composited over the white panel under the canvas
        const seen = (i: number, c: number) => (data[i + c] * data[i + 3] + 255 * (255 - data[i + 3])) / 255;
        for (let i = 0; i < data.length; i += 4) best = Math.max(best, 0.2126 * seen(i, 0) + 0.7152 * seen(i, 1) + 0.0722 * seen(i, 2));
        return best;
      },
      { x, y, view },
    );
  const along = [await lum(1, 1), await lum(1, 1.2), await lum(1, 1.5), await lum(1, 2.2)];
  for (let i = 1; i < along.length; i++) expect(along[i], `luminance ${along.join(', ')}`).toBeGreaterThanOrEqual(along[i - 1]);
  await expect(page.getByTestId('color-bar')).toBeVisible();
  expect(await page.getByTestId('color-bar-label').count()).toBeGreaterThanOrEqual(3);

  await page.goto('/#v=1&expr=log(x)&r0=sgd,lr:0.01,start:1;1&steps=100&tol=0.0001&seed=0');
  await expect(page.getByTestId('contours')).toBeVisible();
  await expect(page.getByTestId('color-bar-undefined')).toBeVisible();
  const view = (await experiment(page)).view ?? null;
  expect(view).toBeNull();
  // x < 0 is where log(x) is undefined: a block at the left edge shows the hatch's stripes
  const colours = await page.evaluate(() => {
    const canvas = document.querySelector('[data-testid="contours"]') as HTMLCanvasElement;
    const target = document.querySelector('[data-testid="plot-click-target"]')!.getBoundingClientRect();
    const c = canvas.getBoundingClientRect();
    const k = canvas.width / c.width;
    const data = canvas.getContext('2d')!.getImageData(Math.round((target.left - c.left + 6) * k), Math.round((target.top - c.top + target.height / 2) * k), 16, 16).data;
    const seen = new Set<string>();
    for (let i = 0; i < data.length; i += 4) seen.add(`${data[i]},${data[i + 1]},${data[i + 2]},${data[i + 3]}`);
    return seen.size;
  });
  expect(colours).toBeGreaterThan(2);
});

test('item 7: the app opens on the double-well race, with the tagline and the verdicts on the first screen at 1,024 px', async ({ page }) => {
  // Old: a lone SGD run on Rosenbrock; the tagline hidden below 1,500 px; verdicts below the fold.
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.goto('/');
  const exp = await experiment(page);
  expect(exp.problem).toEqual({ kind: 'surface', id: 'doubleWell' });
  expect(exp.runs.map((r) => r.optimizer)).toEqual(['sgd', 'pgd', 'noisySgd', 'cubic']);
  await expect(page.getByTestId('verdict-0')).toContainText('at a saddle', { timeout: 30_000 });
  for (const i of [1, 2, 3]) await expect(page.getByTestId(`verdict-${i}`)).toContainText('at a minimum', { timeout: 30_000 });
  const tagline = page.locator('.tagline');
  await expect(tagline).toBeVisible();
  expect(await tagline.evaluate((e) => e.scrollWidth <= e.clientWidth)).toBe(true);
  for (const id of ['verdict-0', 'verdict-3', 'grad-chart']) {
    const b = (await page.getByTestId(id).boundingBox())!;
    expect(b.y + b.height, `${id} is above the fold`).toBeLessThanOrEqual(768);
    expect(b.x + b.width, `${id} is within the width`).toBeLessThanOrEqual(1024);
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1024);

  // Switching surface keeps each optimizer; gradient descent on a default lr takes the surface's.
  await page.getByLabel('Surface').selectOption('rosenbrock');
  await expect(page.getByRole('textbox', { name: 'Run 1 lr', exact: true })).toHaveValue('0.001');
  await page.getByLabel('Surface').selectOption('doubleWell');
  await expect(page.getByRole('textbox', { name: 'Run 1 lr', exact: true })).toHaveValue('0.1');
  expect((await experiment(page)).runs.map((r) => r.optimizer)).toEqual(['sgd', 'pgd', 'noisySgd', 'cubic']);
  await expect(page.getByTestId('verdict-0')).toContainText('at a saddle', { timeout: 30_000 });
});

test('item 8: the address bar holds the full link from the first paint, and the corrected link after a bad one', async ({ page }) => {
  // Old: the address bar stayed bare until an edit, and kept a bad link as it was.
  await page.goto('/');
  expect(new URL(page.url()).hash).toMatch(/^#v=1&surface=doubleWell&r0=sgd/);
  await page.goto('/#v=1&surface=nowhere&r0=sgd,lr:abc&steps=100');
  await expect.poll(() => page.evaluate(() => location.hash)).toContain('surface=rosenbrock');
  const hash = await page.evaluate(() => location.hash);
  expect(hash).not.toContain('nowhere');
  expect(hash).not.toContain('abc');
  expect(hash).toContain('steps=100');
});

test('item 9: two different runs never share a label; notices name the link\'s own keys', async ({ page }) => {
  // Old: both runs read "SGD lr=0.05"; notices said runs[0].params.lr, stop.gradTol, atStep.
  await page.goto('/#v=1&surface=himmelblau&r0=sgd,lr:0.05&r1=sgd,lr:0.05,momentum:0.9&steps=100&tol=-1&seed=0&t=-3');
  await expect(page.getByTestId('run-0')).toContainText('SGD lr=0.05');
  await expect(page.getByTestId('run-1')).toContainText('SGD lr=0.05 momentum=0.9');
  const legends = await page.locator('.run-editor legend').allInnerTexts();
  expect(new Set(legends.map((l) => l.trim())).size).toBe(2);
  const options = await page.getByLabel('Basin map run').locator('option').allInnerTexts();
  expect(new Set(options.map((o) => o.replace(/^\d+: /, ''))).size).toBe(2);
  const notice = page.getByTestId('link-notice');
  await expect(notice).toBeVisible();
  expect((await notice.locator('code').allInnerTexts()).sort()).toEqual(['t', 'tol']);
});

test.describe('item 12', () => {
  test.beforeEach(async ({ page }) => page.setViewportSize({ width: 1024, height: 768 }));

  test('at 1,024 x 768 the verdicts and the ||grad f|| chart are above the fold', async ({ page }) => {
    // Old: below 1,360 px the runs and charts went under the plot, off the first screen.
    await page.goto(link(RACE));
    await expect(page.getByTestId('verdict-0')).toContainText('at a saddle', { timeout: 30_000 });
    for (const id of ['verdict-0', 'verdict-3', 'grad-chart']) {
      const b = (await page.getByTestId(id).boundingBox())!;
      expect(b.y + b.height, `${id} is above the fold`).toBeLessThanOrEqual(768);
    }
  });

  test('fast wheel-zooming over the plot, glyphs and margins included, never scrolls the page', async ({ page }) => {
    // Old: a wheel over a critical point's glyph or the axes scrolled the page.
    await page.goto(link(RACE));
    await expect(page.getByTestId('cp-saddle')).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollHeight > innerHeight)).toBe(true);
    const saddle = (await page.getByTestId('cp-saddle').boundingBox())!;
    const plot = (await page.getByTestId('plot').boundingBox())!;
    for (const [x, y] of [
      [saddle.x + saddle.width / 2, saddle.y + saddle.height / 2],
      [plot.x + 10, plot.y + plot.height - 10],
    ]) {
      await page.mouse.move(x, y);
      for (let i = 0; i < 12; i++) await page.mouse.wheel(0, i % 2 ? -120 : 160);
    }
    await page.waitForTimeout(200);
    expect(await page.evaluate(() => scrollY)).toBe(0);
  });

  test('the theme persists', async ({ page }) => {
    await page.goto(link(RACE));
    const dark = (await page.locator('html').getAttribute('data-theme')) !== 'dark';
    await page.getByRole('button', { name: `Switch to ${dark ? 'dark' : 'light'} theme` }).click();
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-theme', dark ? 'dark' : 'light');
  });

  test('"1 step", not "1 steps"', async ({ page }) => {
    await page.goto('/#v=1&surface=himmelblau&r0=sgd,lr:0.01&steps=1&tol=0.0001&seed=0');
    await expect(page.getByTestId('basin-map')).toContainText('1 step,');
  });

  test('a big map shows progress from the first second, with a time estimate', async ({ page }) => {
    // Old: "0%" and nothing else while the engine was chosen, and never an estimate.
    await page.goto('/#v=1&surface=himmelblau&r0=sgd,lr:0.01&steps=100000&tol=0&seed=0');
    await page.getByLabel('Basin map resolution').selectOption('512');
    await page.getByTestId('basin-map').getByRole('button', { name: /^(Re)?[Cc]ompute the (compared )?(basin|sweep) map$/ }).click();
    await expect(page.getByTestId('basin-status-progress')).toContainText(/\d s/, { timeout: 1500 });
    await expect(page.getByTestId('basin-status-progress')).toContainText('left', { timeout: 30_000 });
    await page.getByTestId('basin-status').getByRole('button', { name: 'Cancel' }).click();
  });

  test('with 8 runs Play/Pause stays in view while the run editors scroll', async ({ page }) => {
    const eight: Experiment = { ...DOUBLE_WELL, runs: Array.from({ length: 8 }, (_, i) => ({ optimizer: 'sgd' as const, params: { lr: 0.01 * (i + 1) } })) };
    await page.goto(link(eight));
    await expect(page.getByTestId('run-7')).toBeVisible();
    await page.locator('.controls').evaluate((e) => e.scrollTo(0, e.scrollHeight));
    const play = page.getByRole('button', { name: /^(Play|Pause)$/ });
    const b = (await play.boundingBox())!;
    expect(b.y).toBeGreaterThanOrEqual(0);
    expect(b.y + b.height).toBeLessThanOrEqual(768);
    expect(
      await play.evaluate((el) => {
        const r = el.getBoundingClientRect();
        return el.contains(document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2));
      }),
    ).toBe(true);
  });

  test('network charts keep their titles whole; the spiral shows a spiral; a surface and back keeps the network set-up', async ({ page }) => {
    // Old: titles cut at the chart's edge; the moons' noise on the spiral; the default race on return.
    await page.goto(link(RACE));
    await page.getByLabel('Surface').selectOption('__network__');
    await expect(page.getByTestId('network-panel')).toBeVisible();
    for (const id of ['net-grad-chart', 'net-loss-chart', 'net-accuracy-chart']) {
      const title = page.getByTestId(`${id}-title`);
      await expect(title).toBeVisible();
      expect(await title.evaluate((e) => e.scrollWidth <= e.clientWidth + 1)).toBe(true);
    }
    await page.getByLabel('Dataset', { exact: true }).selectOption('spiral');
    await expect(page.getByLabel('Dataset noise')).toHaveValue('0.03');
    await page.getByLabel('Hidden layers').fill('16, 16');
    await page.getByLabel('Hidden layers').press('Enter');
    await expect.poll(async () => ((await experiment(page)).problem as { hidden: number[] }).hidden).toEqual([16, 16]);
    await page.getByLabel('Surface').selectOption('himmelblau');
    await expect(page.getByTestId('contours')).toBeVisible();
    await page.getByLabel('Surface').selectOption('__network__');
    await expect.poll(async () => (await experiment(page)).problem).toMatchObject({ kind: 'network', dataset: 'spiral', noise: 0.03, hidden: [16, 16] });
  });
});

// The first screen as a lecturer sees it, at two window sizes and in both themes (copied into
// docs/first-screen-*.png; docs/explorer-light.png is the 1,440 x 900 light one).
for (const [width, height] of [
  [1024, 768],
  [1440, 900],
] as const) {
  for (const theme of ['light', 'dark'] as const) {
    test(`first screen at ${width} x ${height}, ${theme}`, async ({ page }) => {
      await page.setViewportSize({ width, height });
      await page.emulateMedia({ colorScheme: theme });
      await page.goto('/');
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      for (const i of [0, 1, 2, 3]) await expect(page.getByTestId(`verdict-${i}`)).toBeVisible({ timeout: 30_000 });
      await expect(page.getByTestId('legend')).toBeVisible();
      await page.mouse.move(0, 0);
      await page.screenshot({ path: `test-results/first-screen-${width}-${theme}.png` });
    });
  }
}
