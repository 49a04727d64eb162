import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** Where `npm run dev:web` sends API and WebSocket calls: the API started with `npm start`. */
const API = process.env.ZS_API_URL ?? 'http://localhost:8080';

// Built into web/dist, which the API serves with @fastify/static when the folder exists.
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  server: { proxy: { '/api': { target: API, ws: true, changeOrigin: false } } },
});
