// Issue 17's workers: the census shared out over a pool of census workers (progress over the
// pool, cancel, and the result the CLI's --census prints, point for point), and the live Hessian
// spectrum computed in a worker of its own while the race keeps running.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { results, watchConsole } from './helpers';

interface CensusPoint {
  loss: number;
  gradNorm: number;
  index: { count: number };
  kind: string;
  hits: number;
  firstStart: number;
}
interface Census {
  distinct: number;
  starts: { random: number; path: number };
  outcomes: Record<string, number>;
  points: CensusPoint[];
}
type Hooks = { __saddlepoint: { load(e: unknown, speed?: number): string | null; status(): string; census(): Census | null } };

const hooks = <T>(page: Page, f: (h: Hooks['__saddlepoint']) => T) => page.evaluate(`(${f.toString()})(window.__saddlepoint)`) as Promise<T>;

async function open(page: Page, experiment: unknown): Promise<void> {
  await page.goto('/');
  await page.waitForFunction(() => (window as unknown as Partial<Hooks>).__saddlepoint !== undefined);
  expect(await page.evaluate((e) => (window as unknown as Hooks).__saddlepoint.load(e, 200), experiment)).toBeNull();
  await expect(page.getByTestId('network-panel')).toBeVisible();
}

/** The census's numbers that the app and the CLI must share. */
const numbers = (c: Census) => ({
  distinct: c.distinct,
  starts: c.starts,
  outcomes: c.outcomes,
  points: c.points.map((p) => ({ loss: p.loss, gradNorm: p.gradNorm, index: p.index.count, kind: p.kind, hits: p.hits, firstStart: p.firstStart })),
});

test('the census on a pool of 3 workers: progress, cancel, and the CLI --census numbers', async ({ page }) => {
  test.setTimeout(180_000);
  // hardwareConcurrency 4: a pool of 3 census workers (one core left to the race).
  await page.addInitScript(() => Object.defineProperty(navigator, 'hardwareConcurrency', { get: () => 4 }));
  const errors = watchConsole(page);
  const experimentText = readFileSync('fixtures/census/moons-2-4-1.experiment.json', 'utf8');
  await open(page, JSON.parse(experimentText));
  await expect.poll(() => hooks(page, (h) => h.status()), { timeout: 60_000 }).toBe('finished');

  // A long census: progress over the pool, then Cancel ends it and nothing is shown.
  const starts = page.getByLabel('census starts');
  await starts.fill('2000');
  await page.getByRole('button', { name: 'Census', exact: true }).click();
  const progress = page.getByTestId('net-census-progress');
  await expect(progress).toContainText(/\/ 2008 starts/);
  await expect.poll(async () => Number((await progress.textContent())?.match(/(\d+) \//)?.[1] ?? 0), { timeout: 60_000 }).toBeGreaterThan(10);
  await page.getByTestId('net-census').screenshot({ path: 'test-results/census-progress.png' });
  await page.getByRole('button', { name: 'Cancel census' }).click();
  await expect(progress).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Census', exact: true })).toBeVisible();
  expect(await hooks(page, (h) => h.census())).toBeNull();

  // The CLI's census of the same experiment, 40 random starts + its runs' path points.
  await starts.fill('40');
  await page.getByRole('button', { name: 'Census', exact: true }).click();
  await expect(page.getByTestId('census-index-plot')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('net-census-summary')).toContainText('on 3 workers');
  const app = (await hooks(page, (h) => h.census()))!;
  const cli = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', experimentText, '--census', '40'], { encoding: 'utf8' });
  expect(cli.stderr).toBe('');
  const expected = JSON.parse(cli.stdout) as Census;
  expect(expected.distinct).toBeGreaterThan(3);
  expect(numbers(app)).toEqual(numbers(expected));
  expect(await page.getByTestId('census-index-plot').getAttribute('data-points')).toBe(String(expected.distinct));

  // A second long census, cancelled: the last census stays on screen.
  await starts.fill('2000');
  await page.getByRole('button', { name: 'Census', exact: true }).click();
  await expect(progress).toBeVisible();
  await page.getByRole('button', { name: 'Cancel census' }).click();
  await expect(progress).toHaveCount(0);
  expect(numbers((await hooks(page, (h) => h.census()))!)).toEqual(numbers(expected));
  await expect(page.getByTestId('census-index-plot')).toHaveAttribute('data-points', String(expected.distinct));
  await page.getByTestId('net-census').screenshot({ path: 'test-results/census-pool.png' });
  expect(errors).toEqual([]);
});

test('the live spectrum of a 987-weight network follows the race, which does not wait for it', async ({ page }) => {
  test.setTimeout(180_000);
  const errors = watchConsole(page);
  await open(page, {
    v: 1,
    problem: { kind: 'network', dataset: 'moons', samples: 200, noise: 0.15, hidden: [29, 29], activation: 'tanh', batchSize: 0 },
    runs: [{ optimizer: 'adam', params: { lr: 0.01 } }],
    stop: { maxSteps: 100_000, gradTol: 0 },
    seed: 2,
  });
  await page.getByLabel('spectrum stride').selectOption('10');
  const spectrum = page.getByTestId('net-spectrum');
  const spectrumStep = async () => Number((await spectrum.getAttribute('data-step')) || -1);
  const runStep = async () => ((await results(page))[0]?.f.length ?? 0) - 1;
  await expect(page.getByTestId('net-spectrum-method')).toContainText('Exact: all 987 eigenvalues', { timeout: 60_000 });
  // Two spectra in a row: between them the race moved on by many strides (a spectrum at 987
  // weights takes seconds; computed between the engine's ticks, the race would stall for it).
  const first = await spectrumStep();
  const atFirst = await runStep();
  await expect.poll(spectrumStep, { timeout: 90_000 }).toBeGreaterThan(first);
  const second = await spectrumStep();
  const atSecond = await runStep();
  expect(atSecond - atFirst).toBeGreaterThan(3 * 10);
  // The title says the spectrum is of an older step than the run's.
  await expect(page.getByTestId('net-spectrum-age')).toContainText(/the run is now at step \d+/);
  expect(await runStep()).toBeGreaterThan(second);
  await expect(page.getByTestId('net-spectrum-summary')).toContainText(/index \d+ \/ 987/);
  await page.getByTestId('net-spectrum').screenshot({ path: 'test-results/spectrum-live.png' });
  expect(errors).toEqual([]);
});
