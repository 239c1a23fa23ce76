/**
 * Lists and rows passed as one JSON parameter.
 *
 * A multi-row `VALUES` list or an `= any($1)` array makes the statement's text or its plan depend
 * on how many items a call has, so PostgreSQL parses and plans it again on every call. With the
 * items in one JSON parameter the text is always the same, PostgreSQL's estimate does not depend on
 * the count, and the statement is prepared once per connection and keeps one plan (prepared.ts).
 */
import { sql, type RawBuilder } from 'kysely';
import { columnNaming } from './database.ts';
import type { DB } from './schema.ts';

/**
 * `select <columns> from json_populate_recordset(null::<table>, $1)` for
 * `db.insertInto(table).columns(columns).expression(jsonRows(table, columns, rows))`. Every row
 * names every column (null where it has no value); columns left out of the list get their
 * defaults. Dates travel as ISO strings and objects as JSON, for `jsonb` columns.
 */
export function jsonRows<T extends keyof DB & string, C extends keyof DB[T] & string>(
  table: T,
  columns: readonly C[],
  rows: ReadonlyArray<Readonly<Record<C, unknown>>>,
): RawBuilder<unknown> {
  const keys = columns.map((column) => columnNaming.sqlName(column));
  const records = rows.map((row) => {
    const record: Record<string, unknown> = {};
    for (const [index, column] of columns.entries()) record[keys[index]!] = row[column] ?? null;
    return record;
  });
  return sql`select ${sql.join(columns.map((column) => sql.ref(column)))} from json_populate_recordset(null::${sql.table(table)}, ${JSON.stringify(records)}::json)`;
}

/** `select <item>::<type> from <the list>`: a list's items as rows. */
export function jsonItems<V extends string | number>(values: readonly V[], type: 'uuid' | 'text' | 'bigint' = 'uuid'): RawBuilder<V> {
  return sql<V>`select json_array_elements_text(${JSON.stringify(values)}::json)::${sql.raw(type)}`;
}

/**
 * `any(array(select …))` of a list's items, for `where(column, '=', anyOf(values))`. PostgreSQL
 * estimates such an array at ten items whatever its length, so its one plan looks the keys up in
 * the column's index (a list as rows would be estimated at a hundred and hashed against a scan).
 */
export function anyOf<V extends string | number>(values: readonly V[], type: 'uuid' | 'text' | 'bigint' = 'uuid'): RawBuilder<V> {
  return sql<V>`any(array(${jsonItems(values, type)}))`;
}
