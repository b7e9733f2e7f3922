import { defineConfig } from '@playwright/test';
import { chromiumLaunch } from '../../playwright.config';

// The explorer's frame-rate benchmark: Chromium against `vite preview` of the built app.
const PORT = 4174;
export default defineConfig({
  testDir: '.',
  testMatch: 'explorer.perf.ts',
  timeout: 180_000,
  workers: 1,
  reporter: [['list']],
  use: { baseURL: `http://127.0.0.1:${PORT}`, browserName: 'chromium', launchOptions: chromiumLaunch, viewport: { width: 1400, height: 900 } },
  webServer: { command: `npx vite preview --host 127.0.0.1 --port ${PORT} --strictPort`, url: `http://127.0.0.1:${PORT}`, reuseExistingServer: false, timeout: 60_000, cwd: '../..' },
});
