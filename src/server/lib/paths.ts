/**
 * Folders of the installation, found from this file's location whether Opora runs from its
 * TypeScript sources (src/server/…) or from the bundled build (dist/server/main.js): the project
 * root is the nearest folder above with Opora's package.json.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function findProjectRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest)) {
      const { name } = JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name?: string };
      if (name === 'opora') return dir;
    }
    if (path.dirname(dir) === dir) throw new Error(`Opora's package.json was not found above ${start}`);
  }
}

export const PROJECT_ROOT = findProjectRoot(path.dirname(fileURLToPath(import.meta.url)));
/** The built web app (vite build). */
export const WEB_DIST = path.join(PROJECT_ROOT, 'dist/web');
/** Plain SQL migrations, applied in name order. */
export const MIGRATIONS_DIR = path.join(PROJECT_ROOT, 'src/server/db/migrations');
