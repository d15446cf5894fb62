import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Resolved from this file so `vite build` gives the same result from the repo root or from apps/web.
const root = decodeURIComponent(new URL('.', import.meta.url).pathname);

export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir: `${root}dist`,
    emptyOutDir: true,
    sourcemap: true,
  },
  server: {
    proxy: {
      // The Kontor node serves the API and the live-events WebSocket; the Host header is kept so that its
      // same-origin check on the WebSocket upgrade sees the dev server's origin as its own.
      '/api': { target: 'http://127.0.0.1:3000', ws: true, changeOrigin: false },
    },
  },
});
