/**
 * Repeated statements become prepared statements on their connection (prepared.ts): once the
 * threshold is reached, a bounded number per connection, the least recently used deallocated, a
 * table changing shape under a kept `select *`, and the switch that turns it off.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../tests/helpers/db.ts';
import { createDatabase, type DatabaseHandle, type DatabaseOptions } from './database.ts';

let t: TestDatabase;
const handles: DatabaseHandle[] = [];

beforeAll(async () => {
  t = await createTestDatabase();
});

afterAll(async () => {
  for (const handle of handles) await handle.close();
  await t.drop();
});

/** A handle of one connection, so that every statement meets the same server session. */
function oneConnection(preparedStatements: DatabaseOptions['preparedStatements']): DatabaseHandle {
  const handle = createDatabase(t.url, { max: 1, preparedStatements });
  handles.push(handle);
  return handle;
}

/** The statements prepared in the handle's one session (this read itself has no parameters, so it is never prepared). */
async function preparedTexts(handle: DatabaseHandle): Promise<string[]> {
  const { rows } = await sql<{ statement: string }>`select statement from pg_prepared_statements order by prepare_time`.execute(handle.db);
  return rows.map((row) => row.statement);
}

const byNumber = (handle: DatabaseHandle, table: 'a' | 'b' | 'c', value: number) =>
  sql<{ n: number }>`select ${value}::int as n, ${table}::text as t`.execute(handle.db);

describe('prepared statements', () => {
  it('prepares a statement on its second run and keeps answering with its values', async () => {
    const handle = oneConnection({ threshold: 2 });
    expect((await byNumber(handle, 'a', 1)).rows).toEqual([{ n: 1, t: 'a' }]);
    expect(await preparedTexts(handle)).toEqual([]);
    expect((await byNumber(handle, 'a', 2)).rows).toEqual([{ n: 2, t: 'a' }]);
    expect((await byNumber(handle, 'a', 3)).rows).toEqual([{ n: 3, t: 'a' }]);
    const texts = await preparedTexts(handle);
    expect(texts).toHaveLength(1);
    expect(texts[0]).toContain('::int as n');
  });

  it('keeps at most the configured number per connection and deallocates the least recently used', async () => {
    const handle = oneConnection({ threshold: 1, perConnection: 2 });
    // Three texts (the literal differs); the first is evicted when the third is prepared.
    await sql`select ${1}::int as first`.execute(handle.db);
    await sql`select ${1}::int as second`.execute(handle.db);
    await sql`select ${1}::int as first`.execute(handle.db); // used again: now the most recent
    await sql`select ${1}::int as third`.execute(handle.db); // evicts "second"
    const texts = await preparedTexts(handle);
    expect(texts).toHaveLength(2);
    expect(texts.some((text) => text.includes('as second'))).toBe(false);
    expect(texts.some((text) => text.includes('as first'))).toBe(true);
    expect(texts.some((text) => text.includes('as third'))).toBe(true);
    // The evicted text still runs (prepared anew under another name).
    expect((await sql<{ second: number }>`select ${7}::int as second`.execute(handle.db)).rows).toEqual([{ second: 7 }]);
  });

  it('prepares a kept statement anew after its table changed shape', async () => {
    const handle = oneConnection({ threshold: 1 });
    await sql`create table prepared_shape (id int primary key)`.execute(handle.db);
    await sql`insert into prepared_shape values (1)`.execute(handle.db);
    const read = () => sql<Record<string, unknown>>`select * from prepared_shape where id = ${1}`.execute(handle.db);
    expect((await read()).rows).toEqual([{ id: 1 }]);
    await sql`alter table prepared_shape add column note text default 'x'`.execute(handle.db);
    // PostgreSQL refuses a kept statement whose result columns changed; the next run prepares it again.
    await expect(read()).rejects.toThrow(/cached plan must not change result type/);
    expect((await read()).rows).toEqual([{ id: 1, note: 'x' }]);
  });

  it('prepares nothing when turned off', async () => {
    const handle = oneConnection(false);
    for (let i = 0; i < 4; i += 1) expect((await byNumber(handle, 'b', i)).rows).toEqual([{ n: i, t: 'b' }]);
    expect(await preparedTexts(handle)).toEqual([]);
  });
});
