import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

/** Where `npm run dev:web` sends API and WebSocket calls: the API started with `npm start`. */
const API = process.env.ZS_API_URL ?? 'http://localhost:8080';

// Built into web/dist, which the API serves with @fastify/static when the folder exists.
export default defineConfig({
  root: import.meta.dirname,
  plugins: [
    react(),
    // An installable console: the manifest and a service worker that keeps the app shell (HTML, JS,
    // CSS, icons) for weak signal. API answers are never cached: they go to the network every time.
    VitePWA({
      strategies: 'generateSW',
      registerType: 'autoUpdate',
      // Registered by web/src/offline/registerServiceWorker.ts with workbox-window.
      injectRegister: false,
      includeAssets: ['icon.svg'],
      manifest: {
        name: '中枢 · 集成指挥中心',
        short_name: '中枢',
        description: '街道集成指挥中心：工单、网格与外勤',
        lang: 'zh-CN',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#1f4e8c',
        icons: [
          { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,mjs,css,html,svg,png,webmanifest}'],
        // The map library's chunks are large; the shell is worth keeping whole.
        maximumFileSizeToCacheInBytes: 5 * 1024 * 1024,
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/api\//, /^\/docs/, /^\/metrics/],
        runtimeCaching: [],
        cleanupOutdatedCaches: true,
        clientsClaim: true,
        skipWaiting: true,
      },
    }),
  ],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  server: { proxy: { '/api': { target: API, ws: true, changeOrigin: false } } },
});
