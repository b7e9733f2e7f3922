// A function in d dimensions on the plane of its path's two principal components: the PCA
// plane with the variance it explains, axis titles that say what the axes are, the point of R^d
// under the pointer, the plane in the link, and the CSV with every coordinate (the CLI's bytes).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { shareAction, watchConsole } from './helpers';

const HASH = 'v=1&fn=strictSaddle&dim=10&fp=k:2&r0=sgd,lr:0.05&r1=pgd,lr:0.05,tThreshold:1000&steps=3000&tol=0.000001&seed=0';

async function finished(page: import('@playwright/test').Page): Promise<void> {
  for (const i of [0, 1]) await expect(page.getByTestId(`verdict-${i}`)).toBeVisible({ timeout: 30_000 });
}

test('the PCA plane: axis titles PC1 (..%), PC2 (..%), the variance explained, hover in R^d, the link, the CSV', async ({ page }) => {
  const errors = watchConsole(page);
  await page.goto(`/#${HASH}`);
  await finished(page);
  await expect(page.getByTestId('x-title')).toHaveText('x1');
  await expect(page.getByTestId('y-title')).toHaveText('x3');
  // on the coordinate plane the readout names the coordinates held
  await page.locator('svg.plot').hover({ position: { x: 250, y: 200 } });
  await expect(page.getByTestId('readout')).toContainText('the other 8 coordinates held at run 1\'s point');
  await expect(page.getByTestId('readout')).toContainText('||grad f|| =');

  await page.getByRole('combobox', { name: 'Plane', exact: true }).selectOption('pca');
  await expect(page.getByTestId('x-title')).toHaveText(/^PC1 \((>99|\d{1,2})%\)$/);
  await expect(page.getByTestId('y-title')).toHaveText(/^PC2 \((<1|\d{1,2})%\)$/);
  await expect(page.getByTestId('plane-legend')).toContainText("of the path's variance");
  await expect(page.getByTestId('plane-legend')).toContainText("run 1's path");
  await expect.poll(() => page.evaluate(() => location.hash)).toContain('plane=pca');
  await page.locator('svg.plot').hover({ position: { x: 260, y: 210 } });
  await expect(page.getByTestId('readout')).toContainText('PC1 =');
  await expect(page.getByTestId('readout')).toContainText('its part off the plane held');
  await expect(page.getByTestId('readout-point')).toContainText('… 10 coordinates');
  await page.waitForTimeout(1500); // the new plane's contours
  await page.screenshot({ path: 'test-results/dims-plane-pca.png' });

  // the plane follows the selected run: PGD's path
  await page.getByRole('combobox', { name: 'Run of the plane' }).selectOption('1');
  await expect(page.getByTestId('plane-legend')).toContainText("run 2's path");
  await page.waitForTimeout(1500);
  await page.screenshot({ path: 'test-results/dims-plane-pca-run2.png' });

  // the exported figure carries the axis titles
  const [figure] = await Promise.all([page.waitForEvent('download'), shareAction(page, 'Export figure (SVG, 16:9)')]);
  expect(readFileSync(await figure.path(), 'utf8')).toMatch(/PC1 \(/);

  // the CSV has every coordinate: the CLI's bytes for the same experiment
  const [csv] = await Promise.all([page.waitForEvent('download'), shareAction(page, 'Export CSV')]);
  const text = readFileSync(await csv.path(), 'utf8');
  expect(text.split('\n')[0]).toBe('step,run,x1,x2,x3,x4,x5,x6,x7,x8,x9,x10,f,gradNorm,evals');
  const cli = execFileSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', HASH, '--format', 'csv'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  expect(text === cli).toBe(true);
  expect(errors).toEqual([]);
});

test('the plane travels in the link; a coordinate the problem lacks is reported and the function\'s own plane drawn', async ({ page }) => {
  const errors = watchConsole(page);
  await page.goto(`/#${HASH}&plane=pca`);
  await finished(page);
  await expect(page.getByRole('combobox', { name: 'Plane', exact: true })).toHaveValue('pca');
  await expect(page.getByTestId('x-title')).toHaveText(/^PC1 \(/);
  await page.goto(`/#${HASH}&plane=2;10`);
  await finished(page);
  await expect(page.getByTestId('x-title')).toHaveText('x2');
  await expect(page.getByTestId('y-title')).toHaveText('x10');
  await page.waitForTimeout(1500);
  await page.screenshot({ path: 'test-results/dims-plane-2-10.png' });
  await page.goto(`/#${HASH}&plane=1;11`);
  await expect(page.getByText('coordinate x11 does not exist in dimension 10')).toBeVisible();
  await finished(page);
  await expect(page.getByTestId('x-title')).toHaveText('x1');
  expect(errors).toEqual([]);
});
