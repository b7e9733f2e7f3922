// The basin and sweep maps in the explorer. Himmelblau under gradient descent: four basins
// whose colours are those of the four minima; a click on a pixel starts the explorer's run
// there, and that run ends at the pixel's minimum. A click on a sweep cell sets the run's
// parameters.
import { expect, type Page, test } from '@playwright/test';
import { OLD_DEFAULT, results, watchConsole } from './helpers';

// The old opening experiment (gradient descent on Rosenbrock), which these steps start from.
const PAGE = OLD_DEFAULT;

const HIMMELBLAU_MINIMA: [number, number][] = [
  [3, 2],
  [-2.805118, 3.131312],
  [-3.77931, -3.283186],
  [3.584428, -1.848126],
];

async function setNumber(page: Page, label: string, value: string) {
  const box = page.getByRole('textbox', { name: label, exact: true });
  await box.fill(value);
  await box.press('Enter');
}

const rgbOf = (css: string): number[] => (css.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);

/** The canvas's RGB at the cell holding (x, y) of the view [-5, 5]^2. */
function cellColor(page: Page, x: number, y: number): Promise<number[]> {
  return page.getByTestId('basin-canvas').evaluate(
    (c: HTMLCanvasElement, [x, y]) => {
      const i = Math.floor(((x + 5) / 10) * c.width);
      const j = Math.floor(((5 - y) / 10) * c.height);
      return Array.from(c.getContext('2d')!.getImageData(i, j, 1, 1).data.slice(0, 3));
    },
    [x, y] as const,
  );
}

/**
 * Pixels are a legend colour c blended toward white (paler = slower): 255 - pixel is parallel
 * to 255 - c. The swatch whose direction is closest names the pixel's colour.
 */
function nearestSwatch(pixel: number[], swatches: number[][]): number {
  const unit = (v: number[]) => {
    const d = v.map((c) => 255 - c);
    const n = Math.hypot(...d) || 1;
    return d.map((c) => c / n);
  };
  const p = unit(pixel);
  let best = -1;
  let bestDot = -Infinity;
  swatches.forEach((s, k) => {
    const dot = unit(s).reduce((acc, c, i) => acc + c * p[i], 0);
    if (dot > bestDot) {
      bestDot = dot;
      best = k;
    }
  });
  return best;
}

test('Himmelblau under gradient descent: four basins coloured as the four minima; a click runs from the pixel to its minimum', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = watchConsole(page);
  await page.goto(PAGE);
  await page.getByLabel('Surface').selectOption('himmelblau');
  await page.getByLabel('Steps per frame').selectOption('1000');
  await setNumber(page, 'Run 1 lr', '0.01');

  const map = page.getByTestId('basin-map');
  await map.getByRole('button', { name: /^(Re)?[Cc]ompute the (compared )?(basin|sweep) map$/ }).click();
  await expect(page.getByTestId('basin-status')).toHaveAttribute('data-state', 'done', { timeout: 90_000 });
  await expect(page.getByTestId('basin-status-path')).toContainText(/computed on (fused WebGL2|JS)/);

  // four basins, one per minimum, and nothing else
  const items = page.getByTestId('basin-legend-item');
  await expect(items).toHaveCount(4);
  const legend = await items.evaluateAll((els) =>
    els.map((e) => ({ kind: e.dataset.kind!, x: Number(e.dataset.x), y: Number(e.dataset.y), color: e.dataset.color!, count: Number(e.dataset.count) })),
  );
  expect(legend.every((l) => l.kind === 'minimum')).toBe(true);
  for (const [mx, my] of HIMMELBLAU_MINIMA) {
    expect(legend.some((l) => Math.hypot(l.x - mx, l.y - my) < 1e-4), `a basin of the minimum (${mx}, ${my})`).toBe(true);
  }
  // each basin holds a fair share of the 128 x 128 starts
  for (const l of legend) expect(l.count).toBeGreaterThan(0.15 * 128 * 128);
  // the pixels at each minimum have that minimum's colour
  const swatches = legend.map((l) => rgbOf(l.color));
  expect(new Set(legend.map((l) => l.color)).size).toBe(4);
  for (const [k, l] of legend.entries()) expect(nearestSwatch(await cellColor(page, l.x, l.y), swatches), `colour at (${l.x}, ${l.y})`).toBe(k);

  // click two pixels in different basins: the explorer's run starts there and ends at that pixel's minimum
  const canvas = page.getByTestId('basin-canvas');
  const box = (await canvas.boundingBox())!;
  for (const [fx, fy] of [
    [0.52, 0.62],
    [0.2, 0.3],
  ]) {
    await canvas.hover({ position: { x: fx * box.width, y: fy * box.height } });
    const readout = page.getByTestId('basin-readout').locator('[data-class]');
    const start = (await readout.getAttribute('data-start'))!.split(',').map(Number);
    const target = (await readout.getAttribute('data-target'))!.split(',').map(Number);
    expect(target).toHaveLength(2);
    await canvas.click({ position: { x: fx * box.width, y: fy * box.height } });
    await expect(page.getByLabel('Run 1 start x')).toHaveValue(String(start[0]));
    await expect.poll(async () => (await results(page))[0]?.stop?.kind ?? null, { timeout: 30_000 }).toBe('minimum');
    const run = (await results(page))[0];
    expect(run.points[0][0]).toBeCloseTo(start[0], 12);
    expect(run.points[0][1]).toBeCloseTo(start[1], 12);
    const [ex, ey] = run.points[run.points.length - 1];
    expect(Math.hypot(ex - target[0], ey - target[1]), `run from (${start}) ends at (${ex}, ${ey}), the pixel says (${target})`).toBeLessThan(1e-3);
  }
  expect(errors).toEqual([]);
});

test('the sweep map: a click on a cell gives the run that setting', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(PAGE);
  await page.getByLabel('Surface').selectOption('himmelblau');
  const sweep = page.getByTestId('sweep-map');
  await page.getByLabel('Sweep resolution').selectOption('16');
  await sweep.getByRole('button', { name: /^(Re)?[Cc]ompute the (compared )?(basin|sweep) map$/ }).click();
  await expect(page.getByTestId('sweep-status')).toHaveAttribute('data-state', 'done', { timeout: 90_000 });
  await expect(page.getByTestId('sweep-legend')).toBeVisible();
  const canvas = page.getByTestId('sweep-canvas');
  const box = (await canvas.boundingBox())!;
  const at = { x: 0.4 * box.width, y: 0.7 * box.height };
  await canvas.hover({ position: at });
  const values = (await page.getByTestId('sweep-readout').locator('[data-values]').getAttribute('data-values'))!.split(',').map(Number);
  await canvas.click({ position: at });
  // default axes: lr (x, log scale) and momentum (y, log1m scale); the run gets the cell's
  // values rounded to 3 significant digits (of 1 - momentum on the log1m axis)
  const lr = Number(values[0].toPrecision(3));
  const momentum = 1 - Number((1 - values[1]).toPrecision(3));
  await expect.poll(async () => Number(await page.getByRole('textbox', { name: 'Run 1 lr', exact: true }).inputValue())).toBe(lr);
  await expect.poll(async () => Number(await page.getByRole('textbox', { name: 'Run 1 momentum', exact: true }).inputValue())).toBe(momentum);
  expect(String(lr).replace(/^0\.0*|\./g, '').length).toBeLessThanOrEqual(3);
});

test('two runs\' basin maps side by side', async ({ page }) => {
  await page.goto('/#v=1&surface=himmelblau&r0=sgd,lr:0.01&r1=adam,lr:0.1&steps=1000&tol=0.0001&seed=0');
  await page.getByRole('button', { name: 'Compare with another run' }).click();
  await expect(page.getByTestId('basin-map')).toHaveCount(2);
  await expect(page.getByTestId('compare-map')).toBeVisible();
  await expect.poll(() => page.evaluate(() => location.hash)).toContain('maps=');
  await page.getByRole('button', { name: 'Close comparison' }).click();
  await expect(page.getByTestId('basin-map')).toHaveCount(1);
});
