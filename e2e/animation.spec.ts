// Issue 13, item 11: the race as a WebM animation from the "Export / import" menu, with progress
// and Cancel.
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { shareAction, watchConsole } from './helpers';

async function raceFinished(page: import('@playwright/test').Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByTestId('verdict-0')).toContainText('at a saddle', { timeout: 30_000 });
  for (const i of [1, 2, 3]) await expect(page.getByTestId(`verdict-${i}`)).toContainText('at a minimum', { timeout: 30_000 });
}

test('exports the race as a WebM video with a frame-by-frame progress line', async ({ page }) => {
  const errors = watchConsole(page);
  await raceFinished(page);
  const downloading = page.waitForEvent('download', { timeout: 30_000 });
  await shareAction(page, 'Export animation (WebM)');
  await expect(page.getByTestId('animation-progress')).toContainText(/frame \d+ of 120/);
  const file = await downloading;
  expect(file.suggestedFilename()).toBe('saddlepoint-race.webm');
  const bytes = readFileSync((await file.path())!);
  expect(bytes.length).toBeGreaterThan(10_000);
  expect([...bytes.subarray(0, 4)]).toEqual([0x1a, 0x45, 0xdf, 0xa3]);
  await expect(page.getByTestId('animation-progress')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('Cancel stops the recording and downloads nothing', async ({ page }) => {
  const errors = watchConsole(page);
  await raceFinished(page);
  let downloads = 0;
  page.on('download', () => downloads++);
  await shareAction(page, 'Export animation (WebM)');
  const progress = page.getByTestId('animation-progress');
  await expect(progress).toContainText(/frame \d+ of 120/);
  await progress.getByRole('button', { name: 'Cancel' }).click();
  await expect(progress).toHaveCount(0);
  // Longer than the whole recording (120 frames at 30 fps): a download would have come by now.
  await page.waitForTimeout(5_000);
  expect(downloads).toBe(0);
  expect(errors).toEqual([]);
});
