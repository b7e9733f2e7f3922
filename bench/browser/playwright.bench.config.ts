import { defineConfig } from '@playwright/test';

// The browser benchmarks and the engines' agreement tests (npm run bench), in Debian's Chromium
// with SwiftShader's WebGL2, against a production build of the harness page
// (batched.vite.ts) served by `vite preview`.
const PORT = 4181;

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  outputDir: '../../test-results/bench',
  timeout: 300_000,
  fullyParallel: false,
  workers: 1,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--use-gl=angle', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist', '--no-sandbox'],
    },
  },
  webServer: {
    command:
      'npx vite build -c bench/browser/batched.vite.ts && ' +
      `npx vite preview -c bench/browser/batched.vite.ts --host 127.0.0.1 --port ${PORT} --strictPort`,
    cwd: '../..',
    url: `http://127.0.0.1:${PORT}`,
    reuseExistingServer: !process.env.CI,
    timeout: 180_000,
  },
});
