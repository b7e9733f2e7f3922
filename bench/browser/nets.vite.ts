// Builds the network benchmark page (nets.html + nets.page.ts) into dist/bench-nets.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  root: here('.'),
  base: './',
  plugins: [react()],
  build: { outDir: here('../../dist/bench-nets'), emptyOutDir: true, chunkSizeWarningLimit: 4000, rollupOptions: { input: { nets: here('./nets.html') } } },
  logLevel: 'warn',
});
