import { execFileSync } from 'node:child_process';
import { expect, type Page } from '@playwright/test';

export interface Snapshot {
  label: string;
  points: [number, number][];
  f: number[];
  gradNorm: number[];
  stop: { reason: string; kind: string | null; step: number } | null;
  perturbations: number[];
}

/** Fails the test on any console error or uncaught exception of the page. */
export function watchConsole(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  return errors;
}

export const results = (page: Page) =>
  page.evaluate(() => (window as unknown as { __saddlepoint: { results(): unknown } }).__saddlepoint.results()) as Promise<Snapshot[]>;

export const currentExperiment = (page: Page) =>
  page.evaluate(() => (window as unknown as { __saddlepoint: { experiment(): unknown } }).__saddlepoint.experiment());

export async function pointCount(page: Page, run = 0): Promise<number> {
  const v = await page.getByTestId(`trajectory-${run}`).getAttribute('data-points');
  return Number(v ?? 0);
}

export async function waitForPoints(page: Page, atLeast: number, run = 0): Promise<void> {
  await expect.poll(() => pointCount(page, run)).toBeGreaterThanOrEqual(atLeast);
}

/** The CLI's RunResult[] for an experiment (runs the same engine in Node). */
export function runCli(experiment: unknown): { points: [number, number][]; f: number[]; gradNorm: number[]; stop: { reason: string; kind: string | null } }[] {
  const out = execFileSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', JSON.stringify(experiment)], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return JSON.parse(out);
}
