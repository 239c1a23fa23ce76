/**
 * `opora backup FILE` / `opora restore FILE`: a consistent logical copy of every table that
 * restores into an empty database with the same rows, sequences that continue, and clear refusals.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import pg from 'pg';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { createEmptyDatabase, createTestDatabase, type TestDatabase } from '../../../tests/helpers/db.ts';
import { runOpora } from '../../../tests/helpers/cli.ts';
import { databaseUrlFor } from '../../../tests/helpers/urls.ts';
import { loadConfig } from '../config.ts';
import { systemClock } from '../lib/clock.ts';
import { seedDemo } from '../seed/demo.ts';
import { backupDatabase, BackupError, loadOrder, restoreDatabase } from './backup.ts';
import { MIGRATIONS_DIR } from '../lib/paths.ts';

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'opora-backup-'));
const cleanups: Array<() => Promise<void> | void> = [];
let source: TestDatabase;
let backupFile: string;
/** A text that COPY must escape: backslash, the end-of-data marker, newline, tab, carriage return. */
const AWKWARD = 'строка \\. с «кавычками»\n\\.\nтаб\tи\rвозврат \\N';

beforeAll(async () => {
  // The messages are asserted in Russian, the default, whatever the locale of the machine running the tests.
  vi.stubEnv('OPORA_LOCALE', 'ru');
  source = await createTestDatabase();
  cleanups.push(() => source.drop());
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' });
  expect(await seedDemo({ db: source.db, config, clock: systemClock, log: pino({ level: 'silent' }) })).toBe(true);
  // Rows in the identity-keyed tables, one of them awkward, with a gap left by a deleted row.
  await source.pool.query(
    `insert into audit_log (action, entity_type, entity_id, after) select 'test.' || g, 'test', $1, jsonb_build_object('n', g, 'text', $1::text) from generate_series(1, 30) g`,
    [AWKWARD],
  );
  await source.pool.query(`delete from audit_log where id = (select max(id) from audit_log)`);
  await source.pool.query(`insert into jobs (kind, payload) values ('test.backup', '{"a": [1, 2]}'), ('test.backup', '{}')`);
  backupFile = path.join(folder, 'opora.backup');
  await backupDatabase(source.pool, backupFile);
});

afterAll(async () => {
  vi.unstubAllEnvs();
  for (const cleanup of cleanups.reverse()) await cleanup();
  fs.rmSync(folder, { recursive: true, force: true });
});

async function emptyDatabase(): Promise<{ url: string; pool: pg.Pool }> {
  const database = await createEmptyDatabase();
  const pool = new pg.Pool({ connectionString: database.url, max: 3 });
  pool.on('error', () => {}); // an idle connection closed by the server must not fail the file
  cleanups.push(async () => {
    await pool.end();
    await database.drop();
  });
  return { url: database.url, pool };
}

/**
 * A new empty database owned by a new role that is not a superuser — how a region's DBA sets Opora
 * up on a shared PostgreSQL server.
 */
async function databaseOfPlainRole(): Promise<{ role: string; pool: pg.Pool }> {
  const adminUrl = inject('adminDatabaseUrl');
  const suffix = randomBytes(4).toString('hex');
  const role = `opora_owner_${suffix}`;
  const name = `${inject('templateDatabase').replace(/_tpl$/, '')}_o${suffix}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`create role ${role} login nosuperuser nocreatedb nocreaterole`);
  await admin(`create database "${name}" owner ${role}`);
  const url = new URL(databaseUrlFor(adminUrl, name));
  url.username = role;
  url.password = '';
  const pool = new pg.Pool({ connectionString: url.toString(), max: 3 });
  pool.on('error', () => {});
  cleanups.push(async () => {
    await pool.end();
    await admin(`drop database if exists "${name}" with (force)`);
    await admin(`drop role if exists ${role}`);
  });
  return { role, pool };
}

/** The backup's header line. */
function headerOf(file: string): { tables: string[] } {
  return JSON.parse(gunzipSync(fs.readFileSync(file)).toString('utf8').split('\n', 1)[0]!) as { tables: string[] };
}

/** Per table: its row count and a hash of all its rows, in a stable order. */
async function fingerprint(pool: pg.Pool): Promise<Record<string, { rows: number; hash: string }>> {
  const tables = await pool.query<{ name: string }>(
    `select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
  );
  const result: Record<string, { rows: number; hash: string }> = {};
  for (const { name } of tables.rows) {
    if (name === 'schema_migrations') continue;
    const row = await pool.query<{ rows: number; hash: string }>(
      `select count(*)::int as rows, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as hash from "${name}" t`,
    );
    result[name] = row.rows[0]!;
  }
  return result;
}

async function backupError(promise: Promise<unknown>): Promise<BackupError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(BackupError);
  expect((error as BackupError).key).toMatch(/^cli\.error\.backup\./);
  expect((error as Error).message).not.toMatch(/undefined|\n/);
  expect((error as Error).message).toMatch(/^[A-ZА-ЯЁ].*\.$/);
  return error as BackupError;
}

describe('backup and restore', () => {
  it('restores every row of every table into an empty database', async () => {
    const target = await emptyDatabase();
    const summary = await restoreDatabase(target.pool, backupFile);
    const before = await fingerprint(source.pool);
    const after = await fingerprint(target.pool);
    expect(after).toEqual(before);
    expect(summary.tables).toBe(Object.keys(before).length);
    expect(summary.rows).toBe(Object.values(before).reduce((sum, table) => sum + table.rows, 0));
    expect(before.organizations!.rows).toBeGreaterThanOrEqual(4);
    expect(before.users!.rows).toBeGreaterThanOrEqual(6);

    // A few rows, field by field.
    const schools = `select id, parent_id, path, name, slug from organizations where slug = 'school-27'`;
    expect((await target.pool.query(schools)).rows).toEqual((await source.pool.query(schools)).rows);
    const users = 'select email, full_name, password_hash, created_at from users order by email';
    expect((await target.pool.query(users)).rows).toEqual((await source.pool.query(users)).rows);
    const awkward = await target.pool.query<{ entity_id: string; text: string }>(
      `select entity_id, after->>'text' as text from audit_log where action = 'test.7'`,
    );
    expect(awkward.rows).toEqual([{ entity_id: AWKWARD, text: AWKWARD }]);
    const migrations = 'select name, checksum from schema_migrations order by name';
    expect((await target.pool.query(migrations)).rows).toEqual((await source.pool.query(migrations)).rows);

    // Identity sequences continue after the restored rows.
    for (const table of ['audit_log', 'jobs']) {
      const max = await source.pool.query<{ max: number }>(`select max(id)::int as max from ${table}`);
      const insert =
        table === 'jobs'
          ? `insert into jobs (kind) values ('test.after') returning id::int as id`
          : `insert into audit_log (action, entity_type) values ('test.after', 'test') returning id::int as id`;
      const inserted = await target.pool.query<{ id: number }>(insert);
      expect(inserted.rows[0]!.id).toBeGreaterThan(max.rows[0]!.max);
    }

    // A second restore into the now non-empty database is refused and changes nothing.
    const before2 = await fingerprint(target.pool);
    const refused = await backupError(restoreDatabase(target.pool, backupFile));
    expect(refused.key).toBe('cli.error.backup.targetNotEmpty');
    expect(refused.message).toBe('Целевая база данных не пуста; восстанавливайте в новую, пустую базу данных.');
    expect(await fingerprint(target.pool)).toEqual(before2);
  });

  it('refuses a damaged or foreign file with a sentence naming it, and loads nothing', async () => {
    const target = await emptyDatabase();
    const original = fs.readFileSync(backupFile);

    const missing = path.join(folder, 'missing.backup');
    expect((await backupError(restoreDatabase(target.pool, missing))).message).toBe(`Файл резервной копии ${missing} не найден.`);

    const notGzip = path.join(folder, 'not-gzip.backup');
    fs.writeFileSync(notGzip, 'PGDMP this is a pg_dump file, not ours');
    const notGzipError = await backupError(restoreDatabase(target.pool, notGzip));
    expect(notGzipError.key).toBe('cli.error.backup.restoreDamaged');
    expect(notGzipError.message).toContain(notGzip);
    expect(notGzipError.message).toContain('файл повреждён');
    expect(notGzipError.cause).toBeInstanceOf(Error);

    const truncated = path.join(folder, 'truncated.backup');
    fs.writeFileSync(truncated, original.subarray(0, Math.floor(original.length / 2)));
    const truncatedError = await backupError(restoreDatabase(target.pool, truncated));
    expect(truncatedError.message).toContain(truncated);

    const foreign = path.join(folder, 'foreign.backup');
    fs.writeFileSync(foreign, gzipSync('{"format":"something-else"}\n'));
    expect((await backupError(restoreDatabase(target.pool, foreign))).message).toBe(`Файл ${foreign} не является резервной копией Опоры.`);

    // Intact gzip, but a row that no longer fits its table.
    const text = (await import('node:zlib')).gunzipSync(original).toString('utf8');
    const badRow = path.join(folder, 'bad-row.backup');
    fs.writeFileSync(badRow, gzipSync(text.replace(/(@table organizations\n)/, '$1not\ta\tvalid\trow\n')));
    const badRowError = await backupError(restoreDatabase(target.pool, badRow));
    expect(badRowError).toMatchObject({ key: 'cli.error.backup.restoreFailedInTable', params: { file: badRow, table: 'organizations' } });
    expect(badRowError.message).toContain(badRow);
    expect(badRowError.message).toContain('(таблица «organizations»)');

    // Nothing was loaded by any of these attempts: a good restore still works afterwards.
    expect((await target.pool.query('select count(*)::int as n from organizations')).rows[0]).toEqual({ n: 0 });
    await restoreDatabase(target.pool, backupFile);
    expect(await fingerprint(target.pool)).toEqual(await fingerprint(source.pool));
  });

  it('writes each table after the tables it refers to', async () => {
    const { tables } = headerOf(backupFile);
    const references = await source.pool.query<{ table: string; parent: string }>(
      `select distinct child.relname as table, parent.relname as parent from pg_constraint c
       join pg_class child on child.oid = c.conrelid join pg_class parent on parent.oid = c.confrelid
       where c.contype = 'f' and c.conrelid <> c.confrelid`,
    );
    expect(references.rows.length).toBeGreaterThan(20);
    for (const { table, parent } of references.rows) {
      expect(tables.indexOf(parent), `${parent} before ${table}`).toBeLessThan(tables.indexOf(table));
    }
    expect(tables.indexOf('organizations')).toBeLessThan(tables.indexOf('requests'));
    expect(new Set(tables).size).toBe(tables.length);
  });

  it('orders tables parents first, alphabetically where free, a cycle last', () => {
    const references = [
      { table: 'requests', parent: 'organizations' },
      { table: 'requests', parent: 'users' },
      { table: 'memberships', parent: 'users' },
      { table: 'organizations', parent: 'organizations' },
      { table: 'memberships', parent: 'organizations' },
      { table: 'elsewhere', parent: 'not_in_the_backup' },
    ];
    expect(loadOrder(['requests', 'users', 'memberships', 'organizations', 'elsewhere'], references)).toEqual([
      'elsewhere',
      'organizations',
      'users',
      'memberships',
      'requests',
    ]);
    expect(
      loadOrder(
        ['b', 'a', 'c'],
        [
          { table: 'a', parent: 'b' },
          { table: 'b', parent: 'a' },
        ],
      ),
    ).toEqual(['c', 'a', 'b']);
  });

  it('restores as the database’s owner without superuser rights, foreign keys checked', async () => {
    const target = await databaseOfPlainRole();
    const rights = await target.pool.query<{ super: boolean }>('select rolsuper as super from pg_roles where rolname = current_user');
    expect(rights.rows).toEqual([{ super: false }]);
    await expect(target.pool.query('set session_replication_role = replica')).rejects.toMatchObject({ code: '42501' });
    const summary = await restoreDatabase(target.pool, backupFile);
    expect(await fingerprint(target.pool)).toEqual(await fingerprint(source.pool));
    expect(summary.rows).toBeGreaterThan(100);
  });

  it('tells a role without superuser rights that a backup in the old table order needs a superuser, and loads nothing', async () => {
    // Backups of earlier versions list their tables alphabetically: memberships before users.
    const text = gunzipSync(fs.readFileSync(backupFile)).toString('utf8');
    const headerEnd = text.indexOf('\n');
    const header = JSON.parse(text.slice(0, headerEnd)) as { tables: string[] };
    const blocks = text
      .slice(headerEnd + 1)
      .split(/(?=^@table )/m)
      .filter((block) => block.startsWith('@table '));
    const alphabetical = [...header.tables].sort();
    const byName = new Map(blocks.map((block) => [block.slice(7, block.indexOf('\n')), block]));
    const oldFile = path.join(folder, 'alphabetical.backup');
    fs.writeFileSync(
      oldFile,
      gzipSync(`${JSON.stringify({ ...header, tables: alphabetical })}\n${alphabetical.map((table) => byName.get(table)!).join('')}`),
    );

    const plain = await databaseOfPlainRole();
    const error = await backupError(restoreDatabase(plain.pool, oldFile));
    expect(error.key).toBe('cli.error.backup.needsSuperuser');
    expect(error.message).toContain(oldFile);
    expect(error.message).toContain('суперпользователь PostgreSQL');
    expect((await plain.pool.query('select count(*)::int as n from organizations')).rows[0]).toEqual({ n: 0 });

    // A superuser loads it with the checks off.
    const superuser = await emptyDatabase();
    await restoreDatabase(superuser.pool, oldFile);
    expect(await fingerprint(superuser.pool)).toEqual(await fingerprint(source.pool));
  });

  it('restores a backup of an older schema into a newer Opora, migrating after the load', async () => {
    // "Newer Opora": today's migrations plus one that adds a column with a default.
    const newer = fs.mkdtempSync(path.join(folder, 'migrations-'));
    for (const file of fs.readdirSync(MIGRATIONS_DIR)) fs.copyFileSync(path.join(MIGRATIONS_DIR, file), path.join(newer, file));
    fs.writeFileSync(
      path.join(newer, '9000_organization_motto.sql'),
      "alter table organizations add column motto text not null default 'Учиться!';\n",
    );
    const target = await emptyDatabase();
    await restoreDatabase(target.pool, backupFile, { migrationsDir: newer });
    const mottos = await target.pool.query<{ motto: string; n: number }>(
      'select motto, count(*)::int as n from organizations group by motto',
    );
    expect(mottos.rows).toEqual([{ motto: 'Учиться!', n: (await fingerprint(source.pool)).organizations!.rows }]);
    expect((await target.pool.query(`select 1 from schema_migrations where name = '9000_organization_motto'`)).rowCount).toBe(1);

    // And the other way round: a backup from that newer Opora is refused by this one.
    const newerBackup = path.join(folder, 'newer.backup');
    await backupDatabase(target.pool, newerBackup);
    const older = await emptyDatabase();
    const error = await backupError(restoreDatabase(older.pool, newerBackup));
    expect(error.message).toBe(
      `Резервная копия ${newerBackup} сделана более новой версией Опоры (миграции 9000_organization_motto); восстановите её в той версии.`,
    );
  });

  it('copies every table from one snapshot while the app keeps writing', async () => {
    const busy = await createTestDatabase();
    cleanups.push(() => busy.drop());
    // Enough rows between audit_log and jobs (copied in name order) that the copy takes a while.
    await busy.pool.query(
      `insert into email_outbox (to_address, subject, text_body, template) select 'parent@example.test', 'Тема', repeat('текст ', 40), 'test' from generate_series(1, 20000)`,
    );
    // Each transaction writes one row to audit_log and one to jobs: a consistent copy has as many of each.
    let stop = false;
    let pairs = 0;
    const writer = (async () => {
      const client = await busy.pool.connect();
      try {
        while (!stop) {
          await client.query('begin');
          await client.query(`insert into audit_log (action, entity_type) values ('test.pair', 'test')`);
          await client.query(`insert into jobs (kind) values ('test.pair')`);
          await client.query('commit');
          pairs += 1;
        }
      } finally {
        client.release();
      }
    })();
    writer.catch(() => {}); // awaited below; do not let a failure surface as an unhandled rejection first
    while (pairs < 5) await new Promise((resolve) => setTimeout(resolve, 5));
    const before = pairs;
    const file = path.join(folder, 'busy.backup');
    await backupDatabase(busy.pool, file);
    const during = pairs - before;
    stop = true;
    await writer;
    expect(during).toBeGreaterThan(0); // the writes really overlapped the backup
    const target = await emptyDatabase();
    await restoreDatabase(target.pool, file);
    const counts = await target.pool.query<{ audit: number; jobs: number }>(
      `select (select count(*)::int from audit_log where action = 'test.pair') as audit, (select count(*)::int from jobs where kind = 'test.pair') as jobs`,
    );
    expect(counts.rows[0]!.audit).toBe(counts.rows[0]!.jobs);
  });

  it('reports a backup it cannot write as one sentence and leaves no partial file', async () => {
    const file = path.join(folder, 'no-such-folder', 'opora.backup');
    const error = await backupError(backupDatabase(source.pool, file));
    expect(error.key).toBe('cli.error.backup.writeFailed');
    expect(error.message).toContain(file);
    expect(error.cause).toBeInstanceOf(Error);
    expect(fs.existsSync(`${file}.partial`)).toBe(false);
  });
});

describe('the opora command on a database given by DATABASE_URL', () => {
  const opora = (databaseUrl: string, args: string[], locale: 'ru' | 'en' = 'ru') => runOpora(databaseUrl, args, { OPORA_LOCALE: locale });

  it('seed-demo, backup, restore and migrate', async () => {
    const first = await emptyDatabase();
    const second = await emptyDatabase();
    const file = path.join(folder, 'cli.backup');

    expect(await opora(first.url, ['seed-demo'])).toEqual({ code: 0, stdout: 'Демо-школа добавлена.\n', stderr: '' });
    expect(await opora(first.url, ['seed-demo'])).toEqual({ code: 0, stdout: 'Демо-школа уже есть.\n', stderr: '' });
    const backup = await opora(first.url, ['backup', file]);
    expect(backup).toMatchObject({ code: 0, stderr: '' });
    expect(backup.stdout).toMatch(new RegExp(`^Резервная копия записана в ${file} \\(таблиц: \\d+, строк: \\d+\\)\\.\\n$`));
    const restore = await opora(second.url, ['restore', file]);
    expect(restore).toMatchObject({ code: 0, stderr: '' });
    expect(restore.stdout).toMatch(new RegExp(`^Данные восстановлены из ${file} \\(таблиц: \\d+, строк: \\d+\\)\\.\\n$`));
    expect(await opora(second.url, ['migrate'])).toEqual({ code: 0, stdout: 'База данных уже в актуальном состоянии.\n', stderr: '' });
    expect(await fingerprint(second.pool)).toEqual(await fingerprint(first.pool));

    expect(await opora(second.url, ['restore', file])).toEqual({
      code: 1,
      stdout: '',
      stderr: 'Целевая база данных не пуста; восстанавливайте в новую, пустую базу данных.\n',
    });
    // OPORA_LOCALE=en: the same refusal in English.
    expect(await opora(second.url, ['restore', file], 'en')).toEqual({
      code: 1,
      stdout: '',
      stderr: 'The target database is not empty; restore into a new, empty database.\n',
    });
  });
});
