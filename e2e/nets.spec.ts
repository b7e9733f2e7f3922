// Networks in the app: Adam trains a small network on moons until the decision boundary separates
// the classes, the landscape slice shows up with its projection error, and the worker's numbers
// equal the CLI's. Needs the network panel mounted by the app for problem.kind === 'network'
// (src/components/nets/NetworkPanel.tsx; test ids below) and window.__saddlepoint.load.
import { expect, test } from '@playwright/test';
import { results, runCli, watchConsole } from './helpers';

const moons = (runs: unknown[], maxSteps: number) => ({
  v: 1,
  problem: { kind: 'network', dataset: 'moons', samples: 300, noise: 0.15, hidden: [8, 8], activation: 'tanh', batchSize: 0 },
  runs,
  stop: { maxSteps, gradTol: 1e-4 },
  seed: 1,
});

async function load(page: import('@playwright/test').Page, experiment: unknown, speed = 20): Promise<void> {
  await page.goto('/');
  await page.waitForFunction(() => (window as unknown as { __saddlepoint?: unknown }).__saddlepoint !== undefined);
  const error = await page.evaluate(([e, s]) => (window as unknown as { __saddlepoint: { load(e: unknown, s: number): string | null } }).__saddlepoint.load(e, s), [experiment, speed] as const);
  expect(error).toBeNull();
  await expect(page.getByTestId('network-panel')).toBeVisible();
}

test('Adam on moons: a visible decision boundary, the loss charts, the verdict and the landscape slice', async ({ page }) => {
  const errors = watchConsole(page);
  const maxSteps = 400;
  await load(page, moons([{ optimizer: 'adam', params: { lr: 0.02 } }], maxSteps));
  const boundary = page.getByTestId('decision-boundary');
  // The grid follows the training: wait for the end of the run.
  await expect.poll(async () => Number(await boundary.getAttribute('data-step')), { timeout: 60_000 }).toBe(maxSteps);
  // Both classes own a good part of the view: a boundary crosses it.
  const share = Number(await boundary.getAttribute('data-class-one-share'));
  expect(share).toBeGreaterThan(0.2);
  expect(share).toBeLessThan(0.8);
  const [run] = await results(page);
  expect(run.f).toHaveLength(maxSteps + 1);
  expect(run.f.at(-1)!).toBeLessThan(0.3 * run.f[0]);
  await expect(page.getByTestId('net-grad-chart-eps')).toBeVisible();
  await expect(page.getByTestId('net-verdict-0')).toHaveAttribute('data-reason', 'maxSteps');
  await expect(page.getByTestId('net-verdict-0')).toContainText(/lambda_min = .*lambda_max = /);

  await page.getByRole('button', { name: 'Compute slice' }).click();
  const slice = page.getByTestId('landscape');
  await expect(slice).toBeVisible({ timeout: 30_000 });
  expect(Number(await slice.getAttribute('data-levels'))).toBeGreaterThan(10);
  expect(Number(await slice.getAttribute('data-step'))).toBe(maxSteps);
  // The slice at (0, 0) is the run's last recorded loss, bit for bit (same float64 code).
  expect(Number(await slice.getAttribute('data-center'))).toBe(run.f.at(-1));
  await expect(page.getByTestId('projection-error')).toContainText(/Projection error: the paths lie up to [\d.]+% /);
  await expect(page.getByTestId('landscape-path-0').locator('path')).toHaveAttribute('d', /^M[\d.-]+,[\d.-]+L/);
  await page.screenshot({ path: 'e2e/artifacts/nets.png', fullPage: true });
  expect(errors).toEqual([]);
});

test("the worker's network losses equal the CLI's, bit for bit", async ({ page }) => {
  // Minibatches (the shared order stream) and Adam (src/numeric's pow): a race of two.
  const runs = [{ optimizer: 'adam', params: { lr: 0.02 } }, { optimizer: 'sgd', params: { lr: 0.2, momentum: 0.9 } }];
  const experiment = { ...moons(runs, 150), problem: { ...moons([], 0).problem, batchSize: 32 } };
  await load(page, experiment, 50);
  await expect.poll(async () => (await results(page)).map((r) => r.f.length), { timeout: 60_000 }).toEqual([151, 151]);
  const browser = await results(page);
  const cli = runCli(experiment);
  for (const i of [0, 1]) {
    expect(browser[i].f).toEqual(cli[i].f);
    expect(browser[i].gradNorm).toEqual(cli[i].gradNorm);
  }
});
