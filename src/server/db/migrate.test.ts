/**
 * Migrations are plain SQL files applied in order, each in its own transaction, recorded with a
 * checksum; an edited applied file and a database from a newer Opora are refused.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createEmptyDatabase, createTestDatabase } from '../../../tests/helpers/db.ts';
import { listMigrations, migrate, MigrationError } from './migrate.ts';

const MAIN = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'main.ts');
const cleanups: Array<() => Promise<void> | void> = [];
// The messages are asserted in Russian, the default, whatever the locale of the machine running the tests.
beforeAll(() => {
  vi.stubEnv('OPORA_LOCALE', 'ru');
});
afterAll(async () => {
  vi.unstubAllEnvs();
  for (const cleanup of cleanups.reverse()) await cleanup();
});

function migrationsFolder(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opora-migrations-'));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  for (const [name, sql] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), sql);
  return dir;
}

async function emptyPool(): Promise<pg.Pool> {
  const database = await createEmptyDatabase();
  const pool = new pg.Pool({ connectionString: database.url, max: 3 });
  pool.on('error', () => {}); // an idle connection closed by the server must not fail the file
  cleanups.push(async () => {
    await pool.end();
    await database.drop();
  });
  return pool;
}

async function rejection(promise: Promise<unknown>): Promise<MigrationError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MigrationError);
  return error as MigrationError;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('migrate', () => {
  const files = {
    '0001_create.sql': 'create table mt_items (id int primary key);\n',
    '0002_label.sql': "alter table mt_items add column label text not null default 'none';\n",
    '0010_fill.sql': "insert into mt_items (id, label) values (1, 'first');\n",
    'notes.txt': 'not a migration',
    '0003_Bad-Name.sql': 'select 1/0;',
  };

  it('applies the SQL files in order and records each with its checksum, once', async () => {
    const dir = migrationsFolder(files);
    const pool = await emptyPool();
    // 0010 after 0002 (by number, not by length); files not named NNNN_snake.sql are ignored.
    expect(await migrate(pool, dir)).toEqual(['0001_create', '0002_label', '0010_fill']);
    const recorded = await pool.query<{ name: string; checksum: string }>(
      'select name, checksum from schema_migrations order by applied_at, name',
    );
    expect(recorded.rows).toEqual([
      { name: '0001_create', checksum: sha256(files['0001_create.sql']) },
      { name: '0002_label', checksum: sha256(files['0002_label.sql']) },
      { name: '0010_fill', checksum: sha256(files['0010_fill.sql']) },
    ]);
    expect((await pool.query('select id, label from mt_items')).rows).toEqual([{ id: 1, label: 'first' }]);
    expect(await migrate(pool, dir)).toEqual([]);

    // An applied file edited afterwards is refused, naming it.
    fs.appendFileSync(path.join(dir, '0002_label.sql'), '-- tidied up\n');
    const edited = await rejection(migrate(pool, dir));
    expect(edited).toMatchObject({ key: 'cli.error.migrate.changed', params: { name: '0002_label' } });
    expect(edited.message).toBe('Миграция 0002_label изменена после того, как её применили; верните исходный файл.');
  });

  it('refuses a database that a newer Opora migrated', async () => {
    const dir = migrationsFolder({ '0001_create.sql': files['0001_create.sql'] });
    const pool = await emptyPool();
    await migrate(pool, dir);
    await pool.query(`insert into schema_migrations (name, checksum) values ('0099_from_the_future', 'x')`);
    const error = await rejection(migrate(pool, dir));
    expect(error.key).toBe('cli.error.migrate.newerOpora');
    expect(error.message).toBe(
      'Базу данных обновила более новая версия Опоры (в ней есть миграции 0099_from_the_future, неизвестные этой версии); установите ту версию или восстановите резервную копию.',
    );
  });

  it('rolls a failing migration back completely and keeps the ones before it', async () => {
    const dir = migrationsFolder({
      '0001_create.sql': files['0001_create.sql'],
      '0002_broken.sql':
        'create table mt_half (x int);\ninsert into mt_half values (1);\nalter table mt_items add column extra int;\nselect 1/0;\n',
    });
    const pool = await emptyPool();
    const error = await rejection(migrate(pool, dir));
    expect(error.message).toBe('Миграция 0002_broken не выполнена, её изменения отменены: division by zero.');
    expect(error.cause).toBeInstanceOf(Error);
    const state = await pool.query<{ half: string | null; extra: number; names: string[] }>(
      `select to_regclass('mt_half')::text as half,
              (select count(*)::int from information_schema.columns where table_name = 'mt_items' and column_name = 'extra') as extra,
              (select array_agg(name order by name) from schema_migrations) as names`,
    );
    expect(state.rows[0]).toEqual({ half: null, extra: 0, names: ['0001_create'] });
    // Fixed, it applies on the next run.
    fs.writeFileSync(path.join(dir, '0002_broken.sql'), 'create table mt_half (x int);\n');
    expect(await migrate(pool, dir)).toEqual(['0002_broken']);
  });

  it('records a migration in the same transaction as its SQL', async () => {
    // This migration records itself, so recording it again fails after its SQL ran: all of it must go.
    const dir = migrationsFolder({
      '0001_sneaky.sql':
        "create table mt_sneaky (x int);\ninsert into schema_migrations (name, checksum) values ('0001_sneaky', 'forged');\n",
    });
    const pool = await emptyPool();
    const error = await rejection(migrate(pool, dir));
    expect(error.message).toMatch(/^Миграция 0001_sneaky не выполнена, её изменения отменены: duplicate key value/);
    const state = await pool.query<{ sneaky: string | null; recorded: number }>(
      `select to_regclass('mt_sneaky')::text as sneaky, (select count(*)::int from schema_migrations) as recorded`,
    );
    expect(state.rows[0]).toEqual({ sneaky: null, recorded: 0 });
  });

  it('lets two migrators race on a new database: each migration is applied exactly once', async () => {
    const dir = migrationsFolder({ '0001_create.sql': files['0001_create.sql'], '0002_label.sql': files['0002_label.sql'] });
    const pool = await emptyPool();
    const second = new pg.Pool({ connectionString: (pool.options as { connectionString: string }).connectionString, max: 1 });
    second.on('error', () => {});
    cleanups.push(() => second.end());
    const [a, b] = await Promise.all([migrate(pool, dir), migrate(second, dir)]);
    expect([...a, ...b].sort()).toEqual(['0001_create', '0002_label']);
  });

  it('applies Opora’s own migrations to an empty database', async () => {
    const pool = await emptyPool();
    expect(await migrate(pool)).toEqual(listMigrations().map((m) => m.name));
    expect(await migrate(pool)).toEqual([]);
  });

  it('0008 carries the destructions of personal data recorded before it from their audit rows', async () => {
    const pool = await emptyPool();
    await migrate(pool, undefined, { until: '0007_legal_extension' });
    const org = (
      await pool.query<{ id: string }>(
        `insert into organizations (path, kind, name, short_name, slug) values ('{}', 'school', 'Школа', 'Школа', 'mig-school') returning id`,
      )
    ).rows[0]!.id;
    const head = (
      await pool.query<{ id: string }>(`insert into users (email, full_name) values ('head@mig.test', 'Директор') returning id`)
    ).rows[0]!.id;
    const audit = (at: string, action: string, actor: string | null, role: string | null, after: unknown) =>
      pool.query(
        `insert into audit_log (organization_id, actor_user_id, actor_role, action, entity_type, after, created_at) values ($1, $2, $3, $4, 'x', $5, $6)`,
        [org, actor, role, action, JSON.stringify(after), at],
      );
    await audit('2026-11-01T00:30:00Z', 'request.anonymize', null, null, {
      requests: 2,
      numbers: ['27-26-00001', '27-26-00002'],
      emails: 3,
      anonymizeAfterDays: 365,
    });
    await audit('2026-11-02T09:00:00Z', 'personal_data.erase', head, 'head', {
      email: 'p@mail.example',
      numbers: ['27-26-00005'],
      emails: 1,
      open: [],
    });
    // A demand that found nothing finished, and another kind of row, are no destruction.
    await audit('2026-11-03T09:00:00Z', 'personal_data.erase', head, 'head', {
      email: 'q@mail.example',
      numbers: [],
      emails: 0,
      open: ['27-26-00007'],
    });
    await audit('2026-11-03T10:00:00Z', 'personal_data.export', head, 'head', { email: 'q@mail.example', numbers: ['27-26-00007'] });

    expect(await migrate(pool)).toContain('0008_request_erasures');
    const rows = await pool.query(
      `select organization_id, erased_at, reason, actor_user_id, actor_role, numbers, emails_deleted, retention_days from request_erasures order by id`,
    );
    expect(rows.rows).toEqual([
      {
        organization_id: org,
        erased_at: new Date('2026-11-01T00:30:00Z'),
        reason: 'retention',
        actor_user_id: null,
        actor_role: null,
        numbers: ['27-26-00001', '27-26-00002'],
        emails_deleted: 3,
        retention_days: 365,
      },
      {
        organization_id: org,
        erased_at: new Date('2026-11-02T09:00:00Z'),
        reason: 'subject_request',
        actor_user_id: head,
        actor_role: 'head',
        numbers: ['27-26-00005'],
        emails_deleted: 1,
        retention_days: null,
      },
    ]);
  });

  it('makes `opora start` exit with the "newer Opora" sentence instead of serving, in Russian by default', async () => {
    const database = await createTestDatabase();
    cleanups.push(() => database.drop());
    await database.pool.query(`insert into schema_migrations (name, checksum) values ('9999_from_a_newer_opora', 'x')`);
    const port = await freePort();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: database.url,
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'silent',
      JOBS_ENABLED: 'false',
      OPORA_LOCALE: '',
      LC_ALL: '',
      LC_MESSAGES: '',
      LANG: 'C.UTF-8',
    };
    const child = spawn(process.execPath, [MAIN, 'start'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.resume();
    // Should it serve instead of refusing, do not leave it running.
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    clearTimeout(timer);
    expect(code).toBe(1);
    expect(stderr).toBe(
      'Базу данных обновила более новая версия Опоры (в ней есть миграции 9999_from_a_newer_opora, неизвестные этой версии); установите ту версию или восстановите резервную копию.\n',
    );
  });
});

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof address === 'object' && address ? address.port : 0;
}
