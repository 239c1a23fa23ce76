/**
 * Applies plain-SQL migrations (src/server/db/migrations/NNNN_name.sql) in order, each in its own
 * transaction, recording name and checksum. Refuses to run when an applied file was edited, and
 * refuses a database that has migrations this build does not know (a newer Opora applied them).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type pg from 'pg';

import { CliError } from '../lib/cli-locale.ts';
import { MIGRATIONS_DIR } from '../lib/paths.ts';

export class MigrationError extends CliError {
  override readonly name = 'MigrationError';
}

interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

export function listMigrations(dir = MIGRATIONS_DIR): MigrationFile[] {
  return fs
    .readdirSync(dir)
    .filter((file) => /^\d{4}_[a-z0-9_]+\.sql$/.test(file))
    .sort()
    .map((file) => {
      const sql = fs.readFileSync(path.join(dir, file), 'utf8');
      return { name: file.replace(/\.sql$/, ''), sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

/**
 * Applies the pending migrations of `dir` and returns their names. `until` stops after that
 * migration (a restore loads a backup into the schema version it was taken from).
 */
export async function migrate(pool: pg.Pool, dir = MIGRATIONS_DIR, options: { until?: string } = {}): Promise<string[]> {
  const client = await pool.connect();
  try {
    // One migrator at a time, across processes (taken before the table exists, so two first runs
    // do not race on creating it).
    await client.query('select pg_advisory_lock(7243001)');
    try {
      await client.query(`create table if not exists schema_migrations (
        name text primary key, checksum text not null, applied_at timestamptz not null default now())`);
      const all = listMigrations(dir);
      const until = options.until;
      const files = all.filter((file) => until === undefined || file.name <= until);
      const applied = new Map(
        (await client.query<{ name: string; checksum: string }>('select name, checksum from schema_migrations')).rows.map((row) => [
          row.name,
          row.checksum,
        ]),
      );
      const known = new Set(all.map((file) => file.name));
      const unknown = [...applied.keys()].filter((name) => !known.has(name)).sort();
      if (unknown.length > 0) {
        throw new MigrationError('cli.error.migrate.newerOpora', { names: unknown.join(', ') });
      }
      const done: string[] = [];
      for (const file of files) {
        const checksum = applied.get(file.name);
        if (checksum !== undefined) {
          if (checksum !== file.checksum) {
            throw new MigrationError('cli.error.migrate.changed', { name: file.name });
          }
          continue;
        }
        await client.query('begin');
        try {
          await client.query(file.sql);
          await client.query('insert into schema_migrations (name, checksum) values ($1, $2)', [file.name, file.checksum]);
          await client.query('commit');
        } catch (error) {
          await client.query('rollback');
          throw new MigrationError('cli.error.migrate.failed', { name: file.name, detail: (error as Error).message }, { cause: error });
        }
        done.push(file.name);
      }
      return done;
    } finally {
      await client.query('select pg_advisory_unlock(7243001)');
    }
  } finally {
    client.release();
  }
}
