/**
 * Logical backup and restore with pg_dump's guarantees for Opora's own schema, and no external
 * binary (the embedded PostgreSQL ships no pg_dump): every table is copied with COPY inside one
 * REPEATABLE READ snapshot, into a gzip file; restore migrates an empty database to the schema
 * version the backup was taken at, copies the rows back in one transaction, then migrates the
 * rest of the way.
 *
 * Tables are written parents first (a table after every table its foreign keys point to), so the
 * rows can be loaded with their foreign keys checked as they come: a role that owns the database
 * restores without being a superuser. A superuser's restore turns the checks off for the load
 * (`session_replication_role = replica`), which also loads backups of older versions, written in
 * alphabetical order.
 */
import { once } from 'node:events';
import fs from 'node:fs';
import readline from 'node:readline';
import { pipeline as pipelineCallback, Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import type pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { CliError } from '../lib/cli-locale.ts';
import { MIGRATIONS_DIR } from '../lib/paths.ts';
import { listMigrations, migrate, MigrationError } from './migrate.ts';

const FORMAT = 'opora-backup/1';
const END_OF_DATA = '\\.';

export class BackupError extends CliError {
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

/** A foreign key between two tables: `table` refers to `parent`. */
export interface TableReference {
  table: string;
  parent: string;
}

async function tableReferences(client: pg.PoolClient): Promise<TableReference[]> {
  const result = await client.query<TableReference>(
    `select distinct child.relname as table, parent.relname as parent
     from pg_constraint c
     join pg_class child on child.oid = c.conrelid
     join pg_class parent on parent.oid = c.confrelid
     join pg_namespace n on n.oid = child.relnamespace
     where c.contype = 'f' and n.nspname = 'public' and c.conrelid <> c.confrelid`,
  );
  return result.rows;
}

/**
 * The tables in an order to load them with foreign keys checked: each after the tables it refers
 * to (a table's references to itself are checked at the end of its COPY, so they need no order),
 * alphabetical where the references leave a choice. Tables in a cycle, which the schema does not
 * have, come last.
 */
export function loadOrder(tables: readonly string[], references: readonly TableReference[]): string[] {
  const known = new Set(tables);
  const waitingFor = new Map(tables.map((table) => [table, new Set<string>()]));
  for (const { table, parent } of references) {
    if (table !== parent && known.has(table) && known.has(parent)) waitingFor.get(table)!.add(parent);
  }
  const order: string[] = [];
  const left = [...tables].sort();
  while (left.length > 0) {
    const ready = left.findIndex((table) => [...waitingFor.get(table)!].every((parent) => order.includes(parent)));
    if (ready < 0) return [...order, ...left];
    order.push(...left.splice(ready, 1));
  }
  return order;
}

/** The first table of `order` that comes before a table it refers to, if any. */
function outOfOrder(order: readonly string[], references: readonly TableReference[]): TableReference | null {
  const position = new Map(order.map((table, index) => [table, index]));
  for (const reference of references) {
    const table = position.get(reference.table);
    const parent = position.get(reference.parent);
    if (table !== undefined && parent !== undefined && parent > table) return reference;
  }
  return null;
}

/** Turns foreign-key and other triggers off for the transaction, where the role may (a superuser). */
async function checksOff(client: pg.PoolClient): Promise<boolean> {
  await client.query('savepoint checks_off');
  try {
    await client.query('set local session_replication_role = replica');
    await client.query('release savepoint checks_off');
    return true;
  } catch (error) {
    if ((error as { code?: string }).code !== '42501') throw error; // insufficient_privilege
    await client.query('rollback to savepoint checks_off');
    return false;
  }
}

export async function backupDatabase(pool: pg.Pool, file: string): Promise<BackupSummary> {
  let fd: number;
  try {
    fd = fs.openSync(`${file}.partial`, 'w');
  } catch (error) {
    throw new BackupError('cli.error.backup.writeFailed', { file, detail: (error as Error).message }, { cause: error });
  }
  const client = await pool.connect();
  const gzip = createGzip();
  const written = pipeline(gzip, fs.createWriteStream('', { fd }));
  written.catch(() => {}); // a failure (e.g. a full disk) is raised by the next write()
  const write = async (data: string | Buffer): Promise<void> => {
    // Respect back-pressure: a large table must not pile up in memory ahead of a slow disk.
    if (!gzip.write(data)) await Promise.race([once(gzip, 'drain'), written]);
    if (gzip.destroyed) await written;
  };
  let rows = 0;
  let failed = false;
  try {
    await client.query('begin isolation level repeatable read read only');
    const migrations = (await client.query<{ name: string }>('select name from schema_migrations order by name')).rows.map((r) => r.name);
    const tables = loadOrder(await userTables(client), await tableReferences(client));
    await write(`${JSON.stringify({ format: FORMAT, createdAt: new Date().toISOString(), migrations, tables })}\n`);
    for (const table of tables) {
      await write(`@table ${table}\n`);
      const stream = client.query(copyTo(`copy "${table}" to stdout`));
      for await (const chunk of stream) {
        await write(chunk as Buffer);
        rows += countNewlines(chunk as Buffer);
      }
      await write(`${END_OF_DATA}\n`);
    }
    await client.query('commit');
    gzip.end();
    await written;
    fs.renameSync(`${file}.partial`, file);
    return { tables: tables.length, rows };
  } catch (error) {
    failed = true;
    gzip.destroy();
    fs.rmSync(`${file}.partial`, { force: true });
    throw new BackupError('cli.error.backup.writeFailed', { file, detail: (error as Error).message }, { cause: error });
  } finally {
    // After a failure the connection may be in the middle of a COPY: discard it.
    client.release(failed);
  }
}

export async function restoreDatabase(pool: pg.Pool, file: string, options: { migrationsDir?: string } = {}): Promise<BackupSummary> {
  if (!fs.existsSync(file)) throw new BackupError('cli.error.backup.fileMissing', { file });
  const dir = options.migrationsDir ?? MIGRATIONS_DIR;
  // The callback pipeline forwards a read error to the gunzip stream, which readline reports.
  const input = pipelineCallback(fs.createReadStream(file), createGunzip(), () => {});
  const lines = readline.createInterface({ input, crlfDelay: Infinity });
  const iterator = lines[Symbol.asyncIterator]();
  let table: string | null = null;
  let client: pg.PoolClient | null = null;
  try {
    const first = await iterator.next();
    const header = parseHeader(file, first.done ? '' : first.value);
    const known = listMigrations(dir).map((m) => m.name);
    const unknown = header.migrations.filter((name) => !known.includes(name));
    if (unknown.length > 0) throw new BackupError('cli.error.backup.fromNewerOpora', { file, names: unknown.join(', ') });
    if (header.migrations.some((name, i) => known[i] !== name)) {
      throw new BackupError('cli.error.backup.unknownSchema', { file, names: header.migrations.join(', ') });
    }
    // Load the rows into the schema they were taken from; later migrations run after the load.
    const until = header.migrations.at(-1);
    if (until) await migrate(pool, dir, { until });
    client = await pool.connect();
    const ahead = await client.query<{ name: string }>('select name from schema_migrations where name > $1 order by name limit 1', [
      until ?? '',
    ]);
    if (ahead.rows[0]) {
      throw new BackupError('cli.error.backup.targetNewer', { name: ahead.rows[0].name, file });
    }
    const existing = await userTables(client);
    const count = await client.query<{ n: number }>(`select (select count(*) from organizations) + (select count(*) from users) as n`);
    if (Number(count.rows[0]?.n ?? 0) > 0) throw new BackupError('cli.error.backup.targetNotEmpty');
    let rows = 0;
    let tables = 0;
    await client.query('begin');
    if (!(await checksOff(client))) {
      const problem = outOfOrder(header.tables, await tableReferences(client));
      if (problem) throw new BackupError('cli.error.backup.needsSuperuser', { file, table: problem.table, parent: problem.parent });
    }
    // Reference rows that migrations or the start-up inserted are replaced by the backup's own.
    if (existing.length > 0) await client.query(`truncate ${existing.map((name) => `"${name}"`).join(', ')}`);
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      const line = next.value;
      if (!line.startsWith('@table ')) {
        throw table === null
          ? new BackupError('cli.error.backup.damagedAtStart', { file })
          : new BackupError('cli.error.backup.damagedAfterTable', { file, table });
      }
      table = line.slice(7);
      if (!existing.includes(table)) throw new BackupError('cli.error.backup.unknownTable', { file, table });
      const name = table;
      const batches = async function* (): AsyncGenerator<string> {
        let batch = '';
        for (;;) {
          const data = await iterator.next();
          if (data.done) throw new BackupError('cli.error.backup.truncated', { file, table: name });
          if (data.value === END_OF_DATA) break;
          batch += `${data.value}\n`;
          rows += 1;
          if (batch.length >= 65_536) {
            yield batch;
            batch = '';
          }
        }
        if (batch) yield batch;
      };
      await pipeline(Readable.from(batches()), client.query(copyFrom(`copy "${table}" from stdin`)));
      tables += 1;
    }
    table = null;
    await resetIdentitySequences(client);
    await client.query('commit');
    client.release();
    client = null;
    await migrate(pool, dir);
    return { tables, rows };
  } catch (error) {
    if (error instanceof BackupError || error instanceof MigrationError) throw error;
    const damaged = typeof (error as NodeJS.ErrnoException).code === 'string' && (error as NodeJS.ErrnoException).code!.startsWith('Z_');
    const detail = (error as Error).message;
    const options = { cause: error };
    if (!table) {
      throw new BackupError(damaged ? 'cli.error.backup.restoreDamaged' : 'cli.error.backup.restoreFailed', { file, detail }, options);
    }
    throw new BackupError(
      damaged ? 'cli.error.backup.restoreDamagedInTable' : 'cli.error.backup.restoreFailedInTable',
      { file, table, detail },
      options,
    );
  } finally {
    if (client) {
      await client.query('rollback').catch(() => {});
      client.release();
    }
    lines.close();
    input.destroy();
  }
}

function parseHeader(file: string, line: string): { migrations: string[]; tables: string[] } {
  try {
    const header = JSON.parse(line) as { format?: string; migrations?: string[]; tables?: string[] };
    if (header.format === FORMAT && Array.isArray(header.migrations) && Array.isArray(header.tables)) {
      return { migrations: header.migrations, tables: header.tables };
    }
  } catch {
    // fall through
  }
  throw new BackupError('cli.error.backup.notBackup', { file });
}

async function resetIdentitySequences(client: pg.PoolClient): Promise<void> {
  const identities = await client.query<{ table: string; column: string }>(
    `select table_name as table, column_name as column from information_schema.columns
     where table_schema = 'public' and is_identity = 'YES'`,
  );
  for (const { table, column } of identities.rows) {
    await client.query(
      `select setval(pg_get_serial_sequence($1, $2), greatest(coalesce((select max("${column}") from "${table}"), 0), 1), (select count(*) > 0 from "${table}"))`,
      [`"${table}"`, column],
    );
  }
}

function countNewlines(chunk: Buffer): number {
  let n = 0;
  for (const byte of chunk) if (byte === 10) n += 1;
  return n;
}
