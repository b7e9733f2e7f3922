import { defineConfig } from '@playwright/test';
import { chromiumLaunch } from '../../playwright.config';

// The network benchmark in Chromium (SwiftShader's WebGL2, no GPU here): a production build of
// the page nets.html (nets.vite.ts) served by `vite preview`.
const PORT = 4183;
export default defineConfig({
  testDir: '.',
  testMatch: 'nets.perf.ts',
  timeout: 600_000,
  workers: 1,
  reporter: [['list']],
  use: { baseURL: `http://127.0.0.1:${PORT}`, browserName: 'chromium', launchOptions: chromiumLaunch },
  webServer: {
    command:
      'npx vite build -c bench/browser/nets.vite.ts && ' +
      `npx vite preview -c bench/browser/nets.vite.ts --host 127.0.0.1 --port ${PORT} --strictPort`,
    cwd: '../..',
    url: `http://127.0.0.1:${PORT}/nets.html`,
    reuseExistingServer: false,
    timeout: 180_000,
  },
});
