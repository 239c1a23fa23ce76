/**
 * A freshly migrated database for one test file: cloned from the run's template (fast), on the
 * embedded PostgreSQL or on the server, whichever the run is testing.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { createDatabase, type DatabaseHandle } from '../../src/server/db/database.ts';
import { databaseUrlFor } from './urls.ts';

export interface TestDatabase extends DatabaseHandle {
  name: string;
  url: string;
  drop(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = inject('adminDatabaseUrl');
  const template = inject('templateDatabase');
  const name = `${template.replace(/_tpl$/, '')}_${randomBytes(4).toString('hex')}`;
  await adminQuery(adminUrl, `create database "${name}" template "${template}"`);
  const url = databaseUrlFor(adminUrl, name);
  const handle = createDatabase(url, { max: 5 });
  return {
    ...handle,
    name,
    url,
    drop: async () => {
      await handle.close();
      await adminQuery(adminUrl, `drop database if exists "${name}" with (force)`);
    },
  };
}

/** A new empty database (not migrated), for migration and restore tests. */
export async function createEmptyDatabase(): Promise<{ name: string; url: string; drop(): Promise<void> }> {
  const adminUrl = inject('adminDatabaseUrl');
  const name = `${inject('templateDatabase').replace(/_tpl$/, '')}_e${randomBytes(4).toString('hex')}`;
  await adminQuery(adminUrl, `create database "${name}"`);
  return { name, url: databaseUrlFor(adminUrl, name), drop: () => adminQuery(adminUrl, `drop database if exists "${name}" with (force)`) };
}

async function adminQuery(url: string, sql: string): Promise<void> {
  // CREATE DATABASE … TEMPLATE fails while another session clones the same template; retry briefly.
  for (let attempt = 0; ; attempt += 1) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(sql);
      return;
    } catch (error) {
      if (attempt >= 20 || !/being accessed by other users/.test((error as Error).message)) throw error;
    } finally {
      await client.end();
    }
    await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 200));
  }
}
