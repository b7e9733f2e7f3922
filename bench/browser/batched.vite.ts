// Builds the benchmark and test harness page (bench/browser/harness): a production bundle of
// the batch engines, served by `vite preview` for Playwright. Built outside dist/ (a cache
// folder, ignored by git) so that building the app, which empties dist/, never removes it.
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('./harness', import.meta.url));
const outDir = fileURLToPath(new URL('../../node_modules/.cache/saddlepoint-batch-harness', import.meta.url));

export default defineConfig({
  root,
  base: './',
  plugins: [react()],
  worker: { format: 'es' },
  build: {
    outDir,
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    rollupOptions: { input: { index: `${root}/index.html` } },
  },
  logLevel: 'warn',
});
