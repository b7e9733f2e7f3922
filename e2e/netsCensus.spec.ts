// Issue 17 in the app: moons with a 2-4-1 tanh network shows the live Hessian spectrum of the
// selected run, runs a small census of critical points (points on the plot, the ordering claim on
// screen), and exports the run's weights and data and imports them back as the run's start.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { currentExperiment, results, watchConsole } from './helpers';

const experiment = {
  v: 1,
  problem: { kind: 'network', dataset: 'moons', samples: 120, noise: 0.15, hidden: [4], activation: 'tanh', batchSize: 0 },
  runs: [{ optimizer: 'adam', params: { lr: 0.05 } }],
  stop: { maxSteps: 300, gradTol: 0 },
  seed: 2,
};

test('2-4-1 on moons: spectrum, census, weights out and back in', async ({ page }) => {
  const errors = watchConsole(page);
  await page.goto('/');
  await page.waitForFunction(() => (window as unknown as { __saddlepoint?: unknown }).__saddlepoint !== undefined);
  const error = await page.evaluate((e) => (window as unknown as { __saddlepoint: { load(e: unknown, s: number): string | null } }).__saddlepoint.load(e, 10), experiment);
  expect(error).toBeNull();
  await expect(page.getByTestId('network-panel')).toBeVisible();

  // The spectrum follows the run (every 50 steps by default) and ends at its last step; 17 weights: exact.
  const spectrum = page.getByTestId('net-spectrum');
  await expect.poll(async () => Number(await spectrum.getAttribute('data-step')), { timeout: 60_000 }).toBe(300);
  await expect(spectrum).toHaveAttribute('data-exact', 'true');
  await expect(page.getByTestId('net-spectrum-method')).toContainText('Exact: all 17 eigenvalues');
  await expect(page.getByTestId('net-spectrum-summary')).toContainText(/index \d+ \/ 17 .*lambda_min = .*lambda_max = .*computed in [\d.]+ ms/);
  expect(await page.getByTestId('net-spectrum-histogram').locator('rect').count()).toBeGreaterThan(1);

  // A small census: points on both plots, the best loss marked, the claim and the method stated.
  await page.getByLabel('census starts').fill('30');
  await page.getByRole('button', { name: 'Census', exact: true }).click();
  const plot = page.getByTestId('census-index-plot');
  await expect(plot).toBeVisible({ timeout: 60_000 });
  const points = Number(await plot.getAttribute('data-points'));
  expect(points).toBeGreaterThan(3);
  expect(await plot.locator('circle.census-point').count()).toBe(points);
  expect(await page.getByTestId('census-grad-plot').locator('circle.census-point').count()).toBe(points);
  await expect(page.getByTestId('census-index-plot-best')).toContainText('lowest loss found');
  const claim = page.getByTestId('net-census-claim');
  await expect(claim).toHaveAttribute('data-holds', 'true');
  await expect(claim).toContainText(/Mean index of the top loss quartile [\d.]+% > bottom quartile [\d.]+%/);
  await expect(page.getByTestId('net-census-method')).toContainText('Levenberg');
  await page.getByTestId('net-census').screenshot({ path: 'docs/census.png' });

  // Weights out: the CLI's --with-data shapes.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export weights + data' }).click()]);
  const text = readFileSync((await download.path())!, 'utf8');
  const doc = JSON.parse(text) as { step: number; weights: { W: number[][]; b: number[] }[]; data: { x: number[][]; y: number[]; train: number[] } };
  expect(doc.step).toBe(300);
  expect(doc.weights.map((l) => [l.W.length, l.W[0].length, l.b.length])).toEqual([[4, 2, 4], [1, 4, 1]]);
  expect(doc.data.x).toHaveLength(120);
  expect(doc.data.y).toHaveLength(120);
  expect(doc.data.train.length).toBeGreaterThan(0);
  const lastLoss = (await results(page))[0].f.at(-1)!;

  // Weights back in as the run's start: the new run's L(w_0) is the old run's last loss, bit for bit.
  await page.getByTestId('net-weights-file').setInputFiles({ name: 'weights.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await expect(page.getByTestId('net-weights-message')).toHaveAttribute('data-ok', 'true');
  await expect.poll(async () => (await results(page))[0]?.f.length ?? 0, { timeout: 30_000 }).toBeGreaterThan(0);
  expect((await results(page))[0].f[0]).toBe(lastLoss);
  const exp = (await currentExperiment(page)) as { runs: { init?: unknown }[] };
  expect(exp.runs[0].init).toEqual(doc.weights);

  // Weights of another shape: one clear line, nothing restarted.
  const wrong = { weights: [{ W: [[1, 2]], b: [0] }, { W: [[1]], b: [0] }] };
  await page.getByTestId('net-weights-file').setInputFiles({ name: 'wrong.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(wrong)) });
  await expect(page.getByTestId('net-weights-message')).toHaveAttribute('data-ok', 'false');
  await expect(page.getByTestId('net-weights-message')).toContainText('wrong.json: these weights do not fit: layer 1: W must be 4 x 2 (outputs x inputs) for the network 2-4-1; W has 1 rows');
  expect(errors).toEqual([]);
});
