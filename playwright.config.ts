import { defineConfig } from '@playwright/test';

// End-to-end tests in Debian's Chromium (browsers cannot be downloaded here), against the built
// app served by `vite preview`.
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Plain software compositing: what pages without WebGL need, and fast. */
export const chromiumLaunch = { executablePath, args: ['--no-sandbox'] };

/**
 * WebGL2 without a GPU through SwiftShader (a CPU emulation of a GPU). Only for specs that need
 * WebGL: SwiftShader also rasterizes the page, which makes large SVGs paint very slowly.
 * Use in a spec with `test.use({ launchOptions: webglLaunch })`.
 */
export const webglLaunch = {
  executablePath,
  args: ['--use-gl=angle', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist', '--no-sandbox'],
};

// E2E_PORT lets several checkouts test at once without one reusing the other's server.
const PORT = Number(process.env.E2E_PORT ?? 4319);

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    browserName: 'chromium',
    launchOptions: chromiumLaunch,
    viewport: { width: 1400, height: 900 },
    trace: 'retain-on-failure',
  },
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${PORT} --strictPort`,
    url: `http://127.0.0.1:${PORT}`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
