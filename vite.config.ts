import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Pre-bundle the heavy dependencies up front: otherwise the dev server discovers them on the
// first page load and reloads mid-test.
export default defineConfig({
  plugins: [react()],
  worker: { format: 'es' },
  optimizeDeps: {
    include: [
      'react',
      'react-dom/client',
      'zustand',
      'd3',
      'comlink',
      'valibot',
      'pure-rand',
      '@tensorflow/tfjs-core',
      '@tensorflow/tfjs-backend-webgl',
      '@tensorflow/tfjs-backend-cpu',
    ],
  },
  server: { port: 5173 },
  preview: { port: 5173 },
});
