// Steps per second of a network race with the live Hessian spectrum at its smallest stride
// against the spectrum off (stride 0: only on request), on the largest network whose spectrum is
// exact (2-29-29-1: 987 weights, EXACT_SPECTRUM_MAX_WEIGHTS = 1,000). Rounds alternate the two
// settings in one page so both see the same machine load; prints the medians with min-max. The
// clock starts once the race's first spectrum is shown, so 'off' has no spectrum in its window.
// Run: npx playwright test -c bench/browser/spectrumRace.config.ts
import { expect, type Page, test } from '@playwright/test';

const experiment = {
  v: 1,
  problem: { kind: 'network', dataset: 'moons', samples: 200, noise: 0.15, hidden: [29, 29], activation: 'tanh', batchSize: 0 },
  runs: [{ optimizer: 'adam', params: { lr: 0.01 } }],
  stop: { maxSteps: 100_000, gradTol: 0 },
  seed: 2,
};

type Hooks = { __saddlepoint: { load(e: unknown, speed: number): string | null; results(): { f: number[]; heldOutLoss?: number[] }[] } };

/** A few steps on a surface between two races: the page leaves network mode, so the next race's first steps are its own. */
const between = { v: 1, problem: { kind: 'surface', id: 'himmelblau' }, runs: [{ optimizer: 'sgd' }], stop: { maxSteps: 10, gradTol: 0 } };

const networkSteps = (page: Page) =>
  page.evaluate(() => {
    const r = (window as unknown as Hooks).__saddlepoint.results()[0];
    return r?.heldOutLoss ? r.f.length : -1;
  });

const WARM_MS = 1_000;
const MEASURE_MS = Number(process.env.SPECTRUM_BENCH_MS ?? 12_000);
const ROUNDS = Number(process.env.SPECTRUM_BENCH_ROUNDS ?? 3);

const steps = (page: Page) => page.evaluate(() => (window as unknown as Hooks).__saddlepoint.results()[0]?.f.length ?? 0);

/** Steps per second of a fresh race with the spectrum stride `stride`, and how many spectra arrived. */
async function rate(page: Page, stride: number): Promise<{ stepsPerSecond: number; spectrumSteps: number[] }> {
  const load = (e: unknown) => page.evaluate((e) => (window as unknown as Hooks).__saddlepoint.load(e, 1000), e);
  expect(await load(between)).toBeNull();
  await expect.poll(() => networkSteps(page), { timeout: 60_000 }).toBe(-1);
  expect(await load(experiment)).toBeNull();
  await expect.poll(() => networkSteps(page), { timeout: 60_000 }).toBeGreaterThan(0);
  await page.getByLabel('spectrum stride').selectOption(String(stride));
  // The race's first spectrum (asked for whatever the stride) is in before the clock starts: with
  // stride 0 none follows it, with stride 10 the next ones are computed back to back.
  await expect(page.getByTestId('net-spectrum')).not.toHaveAttribute('data-step', '', { timeout: 120_000 });
  await page.waitForTimeout(WARM_MS);
  const seen = new Set<number>();
  const s0 = await steps(page);
  const t0 = Date.now();
  while (Date.now() - t0 < MEASURE_MS) {
    await page.waitForTimeout(250);
    const at = Number(await page.getByTestId('net-spectrum').getAttribute('data-step'));
    if (Number.isFinite(at)) seen.add(at);
  }
  const s1 = await steps(page);
  return { stepsPerSecond: ((s1 - s0) * 1000) / (Date.now() - t0), spectrumSteps: [...seen] };
}

const summary = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return `median ${s[Math.floor(s.length / 2)].toFixed(1)} (min ${s[0].toFixed(1)}, max ${s[s.length - 1].toFixed(1)})`;
};

test('race steps/s: live spectrum at the smallest stride vs off, 2-29-29-1 (987 weights)', async ({ page }) => {
  await page.goto('/');
  await page.waitForFunction(() => (window as unknown as Hooks).__saddlepoint !== undefined);
  const on: number[] = [];
  const off: number[] = [];
  const smallest = 10; // SPECTRUM_STRIDES' smallest non-zero stride (src/state/spectrum.ts)
  for (let r = 0; r < ROUNDS; r++) {
    const a = await rate(page, smallest);
    const b = await rate(page, 0);
    on.push(a.stepsPerSecond);
    off.push(b.stepsPerSecond);
    console.log(`round ${r + 1}: stride ${smallest} ${a.stepsPerSecond.toFixed(1)} steps/s (spectra at steps ${a.spectrumSteps.join(', ')}); off ${b.stepsPerSecond.toFixed(1)} steps/s`);
  }
  console.log(`stride ${smallest}: ${summary(on)} steps/s; off: ${summary(off)} steps/s`);
});
