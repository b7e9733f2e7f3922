import { defineConfig } from '@playwright/test';
import { chromiumLaunch } from '../../playwright.config';

// The live spectrum's cost to the race (spectrumRace.perf.ts): the app's production build in
// SPECTRUM_BENCH_DIST (default dist/, made by `npx vite build`; a build of another commit to
// compare: `npx vite build --outDir /tmp/x` there) served by `vite preview` on E2E_PORT.
const PORT = Number(process.env.E2E_PORT ?? 4319);
const DIST = process.env.SPECTRUM_BENCH_DIST ?? 'dist';
export default defineConfig({
  testDir: '.',
  testMatch: 'spectrumRace.perf.ts',
  timeout: 600_000,
  workers: 1,
  reporter: [['list']],
  use: { baseURL: `http://127.0.0.1:${PORT}`, browserName: 'chromium', launchOptions: chromiumLaunch, viewport: { width: 1400, height: 900 } },
  webServer: {
    command: `npx vite preview --outDir ${DIST} --host 127.0.0.1 --port ${PORT} --strictPort`,
    cwd: '../..',
    url: `http://127.0.0.1:${PORT}`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
