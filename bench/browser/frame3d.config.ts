import { defineConfig } from '@playwright/test';
import { webglLaunch } from '../../playwright.config';

// The 3D view's frame-rate benchmark: Chromium with SwiftShader's WebGL (software rendering, no
// GPU) against `vite preview` of the built app.
// E2E_PORT: several checkouts may measure at once, each against its own server.
const PORT = Number(process.env.E2E_PORT ?? 4175);
export const BASE_URL = `http://127.0.0.1:${PORT}`;
export default defineConfig({
  testDir: '.',
  testMatch: 'frame3d.perf.ts',
  timeout: 180_000,
  workers: 1,
  reporter: [['list']],
  use: { baseURL: `http://127.0.0.1:${PORT}`, browserName: 'chromium', launchOptions: webglLaunch, viewport: { width: 1400, height: 900 }, serviceWorkers: 'block' },
  webServer: { command: `npx vite preview --host 127.0.0.1 --port ${PORT} --strictPort`, url: `http://127.0.0.1:${PORT}`, reuseExistingServer: false, timeout: 60_000, cwd: '../..' },
});
