/**
 * Rows and lists as one JSON parameter (json-params.ts): what goes in comes back with its types —
 * timestamps, JSON documents, nulls, column defaults — and a list of any length finds its rows.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../tests/helpers/db.ts';
import { createOrganization } from '../../../tests/helpers/factories.ts';
import { anyOf, jsonItems, jsonRows } from './json-params.ts';

let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
});

afterAll(async () => {
  await t.drop();
});

describe('jsonRows', () => {
  it('inserts every row with its types, nulls and the defaults of the columns left out', async () => {
    const columns = ['kind', 'payload', 'organizationId', 'dedupeKey', 'runAt', 'maxAttempts'] as const;
    const runAt = new Date('2026-11-27T08:15:30.123Z');
    const inserted = await t.db
      .insertInto('jobs')
      .columns(columns)
      .expression(
        jsonRows('jobs', columns, [
          {
            kind: 'json.a',
            payload: { nested: { list: [1, 'два'] }, quote: 'a "b" \\ c' },
            organizationId: null,
            dedupeKey: 'json-a',
            runAt,
            maxAttempts: 3,
          },
          { kind: 'json.b', payload: {}, organizationId: null, dedupeKey: null, runAt, maxAttempts: 8 },
        ]),
      )
      .returning(['kind', 'payload', 'dedupeKey', 'runAt', 'maxAttempts', 'attempts', 'createdAt'])
      .execute();
    expect(inserted.map(({ createdAt: _createdAt, ...row }) => row)).toEqual([
      {
        kind: 'json.a',
        payload: { nested: { list: [1, 'два'] }, quote: 'a "b" \\ c' },
        dedupeKey: 'json-a',
        runAt,
        maxAttempts: 3,
        attempts: 0,
      },
      { kind: 'json.b', payload: {}, dedupeKey: null, runAt, maxAttempts: 8, attempts: 0 },
    ]);
    // created_at was not listed: its default (now) applies.
    for (const row of inserted) expect(Math.abs(row.createdAt.getTime() - Date.now())).toBeLessThan(60_000);
  });

  it('inserts nothing for no rows', async () => {
    const columns = ['action', 'entityType'] as const;
    const result = await t.db
      .insertInto('auditLog')
      .columns(columns)
      .expression(jsonRows('auditLog', columns, []))
      .executeTakeFirst();
    expect(Number(result.numInsertedOrUpdatedRows ?? 0)).toBe(0);
  });
});

describe('anyOf and jsonItems', () => {
  it('finds the rows of a list of any length, none for an empty list', async () => {
    const region = await createOrganization(t.db, 'region', null, 'JSON region');
    const schools = [
      await createOrganization(t.db, 'school', region, 'JSON a'),
      await createOrganization(t.db, 'school', region, 'JSON b'),
    ];
    const find = (list: string[]) =>
      t.db.selectFrom('organizations').select('name').where('id', '=', anyOf(list)).orderBy('name').execute();
    expect(await find([])).toEqual([]);
    expect(await find([schools[1]!.id])).toEqual([{ name: 'JSON b' }]);
    expect(await find([region.id, ...schools.map((s) => s.id)])).toEqual([{ name: 'JSON a' }, { name: 'JSON b' }, { name: 'JSON region' }]);
  });

  it('gives the items of a list as rows of the type asked', async () => {
    const items = (values: Array<string | number>, type: 'text' | 'bigint') =>
      sql<{ v: string | number }>`select v from (${jsonItems(values, type)}) as j(v) order by v`.execute(t.db);
    expect((await items(['b', 'a "quoted"', 'в'], 'text')).rows).toEqual([{ v: 'a "quoted"' }, { v: 'b' }, { v: 'в' }]);
    expect((await items([10, 9007199254740991, 2], 'bigint')).rows).toEqual([{ v: 2 }, { v: 10 }, { v: 9007199254740991 }]);
  });
});
