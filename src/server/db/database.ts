import { CamelCasePlugin, Kysely, PostgresDialect, type Transaction } from 'kysely';
import pg from 'pg';
import { preparingPool, type PreparedOptions } from './prepared.ts';
import type { DB } from './schema.ts';

export type Database = Kysely<DB>;
export type Tx = Transaction<DB>;
/** What a repository accepts: the database or an open transaction. */
export type Executor = Kysely<DB>;

// Return BIGINT/NUMERIC counts as numbers and DATE columns as 'YYYY-MM-DD' strings, never Date objects
// shifted by the server's time zone.
pg.types.setTypeParser(20, (value) => Number(value));
pg.types.setTypeParser(1082, (value) => value);
// date[]: elements are plain YYYY-MM-DD, never quoted.
pg.types.setTypeParser(1182 as typeof pg.types.builtins.DATE, (value: string) => (value === '{}' ? [] : value.slice(1, -1).split(',')));

/** Kysely's CamelCasePlugin, its naming also open to SQL the plugin does not see (json-params.ts). */
class ColumnNaming extends CamelCasePlugin {
  /** `organizationId` → `organization_id`, exactly as the plugin writes it in SQL. */
  sqlName(name: string): string {
    return this.snakeCase(name);
  }
}

/** The naming every database handle uses (stateless apart from its memo of names). */
export const columnNaming = new ColumnNaming();

export interface DatabaseHandle {
  db: Database;
  pool: pg.Pool;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  max?: number;
  onError?: (e: Error) => void;
  /** Repeated statements as server-side prepared statements (prepared.ts); default on. */
  preparedStatements?: boolean | PreparedOptions;
}

export function createDatabase(connectionString: string, options: DatabaseOptions = {}): DatabaseHandle {
  const pool = new pg.Pool({ connectionString, max: options.max ?? 10, application_name: 'opora' });
  // A connection dropped by the server (e.g. during shutdown) must not crash the process.
  pool.on('error', (error) => options.onError?.(error));
  const prepared = options.preparedStatements ?? true;
  const dialectPool = prepared === false ? pool : preparingPool(pool, prepared === true ? {} : prepared);
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: dialectPool }), plugins: [columnNaming] });
  return {
    db,
    pool,
    close: async () => {
      await db.destroy();
    },
  };
}
