import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

// Pre-bundle the heavy dependencies up front: otherwise the dev server discovers them on the
// first page load and reloads mid-test.
export default defineConfig({
  plugins: [
    react(),
    // Offline and installable: a service worker (Workbox) precaches the whole build, workers and
    // lazy chunks included, so the lab runs with no network after one visit. 'prompt': a new
    // version waits until the page says so and the user reloads (src/state/appUpdate.ts), never
    // swapping code under a running experiment.
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      // The glob below takes the icons already.
      includeManifestIcons: false,
      manifest: {
        name: 'Saddlepoint: where optimizers stop',
        short_name: 'Saddlepoint',
        description: 'A browser lab for non-convex optimization: optimizers on 2D surfaces and small networks, critical points, and where eps-stationary points stop.',
        start_url: '.',
        scope: '.',
        display: 'standalone',
        background_color: '#fafafa',
        theme_color: '#3b6fd8',
        icons: [
          { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          { src: 'icon.svg', sizes: 'any', type: 'image/svg+xml' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,mjs,css,html,svg,png,wasm,webmanifest}'],
        // The network engine's TensorFlow.js chunks are a few MB.
        maximumFileSizeToCacheInBytes: 16 * 1024 * 1024,
        // The first visit's worker takes the page at once (nothing older to replace); later
        // versions wait for the reload the page offers.
        clientsClaim: true,
        cleanupOutdatedCaches: true,
        navigateFallback: 'index.html',
      },
    }),
  ],
  worker: { format: 'es' },
  // The manifest lists the first page's chunks: bench/size.bench.ts sums their gzip size.
  build: { manifest: true },
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
      'three',
    ],
  },
  server: { port: 5173 },
  preview: { port: 5173 },
});
