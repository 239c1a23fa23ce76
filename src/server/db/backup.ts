/**
 * Logical backup and restore with pg_dump's guarantees for Opora's own schema, and no external
 * binary (the embedded PostgreSQL ships no pg_dump): every table is copied with COPY inside one
 * REPEATABLE READ snapshot, into a gzip file; restore migrates an empty database to the same
 * schema version and copies the rows back in one transaction.
 */
import fs from 'node:fs';
import readline from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import type pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { listMigrations, migrate } from './migrate.ts';

const FORMAT = 'opora-backup/1';
const END_OF_DATA = '\\.';

export class BackupError extends Error {
  override readonly name = 'BackupError';
}

export interface BackupSummary {
  tables: number;
  rows: number;
}

async function userTables(client: pg.PoolClient): Promise<string[]> {
  const result = await client.query<{ name: string }>(
    `select table_name as name from information_schema.tables
     where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> 'schema_migrations'
     order by table_name`,
  );
  return result.rows.map((row) => row.name);
}

export async function backupDatabase(pool: pg.Pool, file: string): Promise<BackupSummary> {
  const client = await pool.connect();
  const gzip = createGzip();
  const out = fs.createWriteStream(`${file}.partial`);
  const written = pipeline(gzip, out);
  let rows = 0;
  try {
    await client.query('begin isolation level repeatable read read only');
    const migrations = (await client.query<{ name: string }>('select name from schema_migrations order by name')).rows.map((r) => r.name);
    const tables = await userTables(client);
    gzip.write(`${JSON.stringify({ format: FORMAT, createdAt: new Date().toISOString(), migrations, tables })}\n`);
    for (const table of tables) {
      gzip.write(`@table ${table}\n`);
      const stream = client.query(copyTo(`copy "${table}" to stdout`));
      for await (const chunk of stream) {
        gzip.write(chunk);
        rows += countNewlines(chunk as Buffer);
      }
      gzip.write(`${END_OF_DATA}\n`);
    }
    await client.query('commit');
    gzip.end();
    await written;
    fs.renameSync(`${file}.partial`, file);
    return { tables: tables.length, rows };
  } catch (error) {
    await client.query('rollback').catch(() => {});
    gzip.destroy();
    fs.rmSync(`${file}.partial`, { force: true });
    throw error;
  } finally {
    client.release();
  }
}

export async function restoreDatabase(pool: pg.Pool, file: string): Promise<BackupSummary> {
  if (!fs.existsSync(file)) throw new BackupError(`The backup file ${file} does not exist.`);
  const lines = readline.createInterface({ input: fs.createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  const iterator = lines[Symbol.asyncIterator]();
  const first = await iterator.next();
  const header = parseHeader(first.done ? '' : first.value);
  const known = new Set(listMigrations().map((m) => m.name));
  const unknown = header.migrations.filter((name) => !known.has(name));
  if (unknown.length > 0) throw new BackupError(`The backup comes from a newer Opora (migrations ${unknown.join(', ')}); restore it with that version.`);
  await migrate(pool);
  const client = await pool.connect();
  let rows = 0;
  let tables = 0;
  try {
    const existing = await userTables(client);
    const count = await client.query<{ n: number }>(`select count(*)::int as n from organizations`);
    if ((count.rows[0]?.n ?? 0) > 0) throw new BackupError('The target database is not empty; restore into a new, empty database.');
    await client.query('begin');
    await client.query('set local session_replication_role = replica');
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      const line = next.value;
      if (!line.startsWith('@table ')) throw new BackupError('The backup file is damaged (unexpected line).');
      const table = line.slice(7);
      if (!existing.includes(table)) throw new BackupError(`The backup has an unknown table "${table}".`);
      const copy = client.query(copyFrom(`copy "${table}" from stdin`));
      const done = new Promise<void>((resolve, reject) => {
        copy.on('finish', resolve);
        copy.on('error', reject);
      });
      for (let data = await iterator.next(); ; data = await iterator.next()) {
        if (data.done) throw new BackupError(`The backup file is truncated inside table "${table}".`);
        if (data.value === END_OF_DATA) break;
        if (!copy.write(`${data.value}\n`)) await new Promise((resolve) => copy.once('drain', resolve));
        rows += 1;
      }
      copy.end();
      await done;
      tables += 1;
    }
    await resetIdentitySequences(client);
    await client.query('commit');
    return { tables, rows };
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw error;
  } finally {
    client.release();
    lines.close();
  }
}

function parseHeader(line: string): { migrations: string[] } {
  try {
    const header = JSON.parse(line) as { format?: string; migrations?: string[] };
    if (header.format === FORMAT && Array.isArray(header.migrations)) return { migrations: header.migrations };
  } catch {
    // fall through
  }
  throw new BackupError('This file is not an Opora backup.');
}

async function resetIdentitySequences(client: pg.PoolClient): Promise<void> {
  const identities = await client.query<{ table: string; column: string }>(
    `select table_name as table, column_name as column from information_schema.columns
     where table_schema = 'public' and is_identity = 'YES'`,
  );
  for (const { table, column } of identities.rows) {
    await client.query(
      `select setval(pg_get_serial_sequence($1, $2), greatest(coalesce((select max("${column}") from "${table}"), 0), 1), (select count(*) > 0 from "${table}"))`,
      [table, column],
    );
  }
}

function countNewlines(chunk: Buffer): number {
  let n = 0;
  for (const byte of chunk) if (byte === 10) n += 1;
  return n;
}
