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

/**
 * The experiment the app opened with before the double-well race became the opening one (issue
 * 13): specs written against it load it by link, so they test what they always tested.
 */
export const OLD_DEFAULT = '/#v=1&surface=rosenbrock&r0=sgd,lr:0.001,start:-1.5;1.5&steps=2000&tol=0.0001&seed=0';

/** Clicks an item of the header's "Export / import" menu (opening the menu first). */
export async function shareAction(page: Page, name: string): Promise<void> {
  const toggle = page.getByRole('button', { name: 'Share, export and import' });
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await page.getByRole('button', { name, exact: true }).click();
}
