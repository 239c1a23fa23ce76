/**
 * PostgreSQL refuses to run as root. When Opora itself runs as root, the embedded cluster runs as
 * a dedicated OS user (default "postgres", created when missing); every path PostgreSQL touches
 * must then be reachable by that user, which is checked up front with a clear message.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EmbeddedPostgresError } from './embedded-error.ts';

export interface OsUser {
  name: string;
  uid: number;
  gid: number;
}

/** Returns the user to run PostgreSQL as, or null when Opora does not run as root. */
export function osUserFor(name = 'postgres'): OsUser | null {
  if (os.userInfo().uid !== 0) return null;
  const existing = lookup(name);
  if (existing) return existing;
  const created = spawnSync('useradd', ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', name]);
  const user = lookup(name);
  if (created.status !== 0 || !user) {
    throw new EmbeddedPostgresError('cli.error.embedded.osUserNotCreated', { user: name });
  }
  return user;
}

function lookup(name: string): OsUser | null {
  const result = spawnSync('id', ['-u', name], { encoding: 'utf8' });
  if (result.status !== 0) return null;
  const gid = spawnSync('id', ['-g', name], { encoding: 'utf8' });
  return { name, uid: Number(result.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

/** Whether `user` can traverse every parent of `target` and has `mode` on the target itself. */
export function canReach(user: OsUser, target: string, mode: 'x' | 'rwx'): boolean {
  return blockingPath(user, target, mode) === null;
}

/** Refuses a data folder `user` cannot reach, naming the folder that blocks it. */
export function assertReachable(user: OsUser, dataDir: string): void {
  const blocked = blockingPath(user, dataDir, 'rwx');
  if (blocked) {
    throw new EmbeddedPostgresError('cli.error.embedded.dataDirUnreachable', { user: user.name, dataDir, blocked });
  }
}

function blockingPath(user: OsUser, target: string, mode: 'x' | 'rwx'): string | null {
  const resolved = path.resolve(target);
  const parts = resolved.split(path.sep).filter(Boolean);
  let current: string = path.sep;
  for (const part of parts.slice(0, -1)) {
    current = path.join(current, part);
    if (!allows(user, current, 1)) return current;
  }
  const needed = mode === 'x' ? 1 : 7;
  return allows(user, resolved, needed) ? null : resolved;
}

/** Checks the permission bits for `user` (owner, group or other) on an existing path. */
function allows(user: OsUser, file: string, bits: number): boolean {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    return true; // does not exist yet: it will be created for the user
  }
  const shift = stat.uid === user.uid ? 6 : stat.gid === user.gid ? 3 : 0;
  return ((stat.mode >> shift) & bits) === bits;
}
