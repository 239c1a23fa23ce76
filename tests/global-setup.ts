/**
 * Runs once per test run: picks the database under test — the embedded PostgreSQL (default) or
 * the server in TEST_DATABASE_URL — and migrates a template database that every test file clones.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { createDatabase } from '../src/server/db/database.ts';
import { startEmbeddedPostgres, type RunningEmbeddedPostgres } from '../src/server/db/embedded.ts';
import { migrate } from '../src/server/db/migrate.ts';
import { installShippedCalendars } from '../src/server/modules/calendar/calendar.service.ts';
import { databaseUrlFor } from './helpers/urls.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    adminDatabaseUrl: string;
    templateDatabase: string;
    databaseKind: 'embedded' | 'server';
  }
}

let embedded: RunningEmbeddedPostgres | null = null;
let adminUrl = '';
let runPrefix = '';

export async function setup(project: TestProject): Promise<void> {
  runPrefix = `opora_t${process.pid}_${Date.now().toString(36)}`;
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    adminUrl = serverUrl;
  } else {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'opora-test-pg-'));
    fs.chmodSync(dataDir, 0o755);
    embedded = await startEmbeddedPostgres({ dataDir: path.join(dataDir, 'pg'), maxConnections: 100 });
    adminUrl = embedded.connectionString();
  }
  const template = `${runPrefix}_tpl`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database "${template}"`);
  await admin.end();
  const handle = createDatabase(databaseUrlFor(adminUrl, template), { max: 2 });
  await migrate(handle.pool);
  await installShippedCalendars(handle.db);
  await handle.close();
  project.provide('adminDatabaseUrl', adminUrl);
  project.provide('templateDatabase', template);
  project.provide('databaseKind', serverUrl ? 'server' : 'embedded');
}

export async function teardown(): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const { rows } = await admin.query<{ datname: string }>('select datname from pg_database where datname like $1', [`${runPrefix}%`]);
  for (const { datname } of rows) await admin.query(`drop database if exists "${datname}" with (force)`);
  await admin.end();
  if (embedded) {
    const dataDir = path.dirname(embedded.dataDir);
    await embedded.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
