/**
 * Vite builds the web workspace (src/web) from the repo-root index.html into dist/web, which the
 * Fastify server serves, with Brotli and gzip copies of its text files (src/server/lib/precompress.ts).
 * In development (`npm run dev`) the dev server proxies the API to :3000.
 */
import react from '@vitejs/plugin-react';
import mantinePreset from 'postcss-preset-mantine';
import { defineConfig, type Plugin } from 'vite';
import { precompress } from './src/server/lib/precompress.ts';

const OUT_DIR = 'dist/web';

/** After the build: `<file>.br` and `<file>.gz` next to each text file, sent by the server as they are. */
function precompressed(): Plugin {
  return {
    name: 'opora-precompress',
    apply: 'build',
    closeBundle() {
      const done = precompress(OUT_DIR);
      const kB = (bytes: number) => `${Math.round(bytes / 1024)} kB`;
      this.info(`precompressed ${done.files} files: ${kB(done.bytes)} → Brotli ${kB(done.brotliBytes)}, gzip ${kB(done.gzipBytes)}`);
    },
  };
}

const api = process.env.OPORA_API_URL ?? 'http://localhost:3000';

export default defineConfig({
  root: '.',
  publicDir: false,
  plugins: [react(), precompressed()],
  css: { postcss: { plugins: [mantinePreset()] } },
  build: { outDir: OUT_DIR, emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 1200 },
  server: {
    port: Number(process.env.VITE_PORT ?? 5173),
    proxy: {
      '/api': { target: api, changeOrigin: false },
      '/healthz': { target: api },
      '/readyz': { target: api },
    },
  },
});
