/**
 * Bundles the server (src/server/main.ts and everything it imports from src/) into
 * dist/server/main.js with Rolldown (already installed as Vite's bundler). npm packages and Node
 * built-ins stay external; JSON data (the shipped calendars) is inlined. Migrations are read from
 * src/server/db/migrations at run time (see src/server/lib/paths.ts).
 */
import fs from 'node:fs';
import { build } from 'rolldown';

const OUT_DIR = 'dist/server';

fs.rmSync(OUT_DIR, { recursive: true, force: true });
await build({
  input: 'src/server/main.ts',
  platform: 'node',
  // Only our own files are bundled: a bare specifier is a package or a node: built-in.
  external: (id) => !id.startsWith('.') && !id.startsWith('/'),
  output: { dir: OUT_DIR, format: 'esm', sourcemap: true, entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
  logLevel: 'warn',
});
