/**
 * Vite builds the web workspace (src/web) from the repo-root index.html into dist/web, which the
 * Fastify server serves. In development (`npm run dev`) the dev server proxies the API to :3000.
 */
import react from '@vitejs/plugin-react';
import mantinePreset from 'postcss-preset-mantine';
import { defineConfig } from 'vite';

const api = process.env.OPORA_API_URL ?? 'http://localhost:3000';

export default defineConfig({
  root: '.',
  publicDir: false,
  plugins: [react()],
  css: { postcss: { plugins: [mantinePreset()] } },
  build: { outDir: 'dist/web', emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 1200 },
  server: {
    port: Number(process.env.VITE_PORT ?? 5173),
    proxy: {
      '/api': { target: api, changeOrigin: false },
      '/healthz': { target: api },
      '/readyz': { target: api },
    },
  },
});
