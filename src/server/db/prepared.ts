/**
 * Server-side prepared statements for the pool Kysely runs on.
 *
 * PostgreSQL parses, analyses and plans every unnamed statement it is sent. For the statements the
 * app repeats thousands of times — the session look-up of every API call, the writes of every
 * registration — that is a third of the server's CPU. So a statement text seen `threshold` times
 * (across connections) is sent as a named statement: each connection parses it once and keeps it,
 * and PostgreSQL's plan cache decides per statement between re-planning with the values (its first
 * five runs, and whenever that stays cheaper) and one generic plan. Nothing changes for the queries.
 *
 * Memory stays bounded: each connection keeps at most `perConnection` statements and drops the
 * least recently used first (deallocated when the connection is next checked out, outside any
 * transaction); the texts being counted are bounded too. A statement whose table changed shape (a
 * column added under `select *`) fails once with "cached plan must not change result type"; it is
 * then deallocated and prepared anew on its next use.
 *
 * Turn it off (`DATABASE_PREPARED_STATEMENTS=false`) behind a pooler in transaction mode, which
 * cannot keep named statements on one server connection.
 */
import type { PostgresPool, PostgresPoolClient } from 'kysely';
import type pg from 'pg';

export interface PreparedOptions {
  /** Runs of one text before it is prepared (1 = at once). */
  threshold?: number;
  /** Statements kept per connection. */
  perConnection?: number;
  /** Statement texts being counted towards the threshold. */
  candidates?: number;
}

/** One connection's statements, least recently used first (a Map keeps insertion order). */
interface Statements {
  byText: Map<string, string>;
  /** Names evicted or invalidated, deallocated at the connection's next check-out. */
  stale: string[];
}

const PLAN_CHANGED = '0A000';

let names = 0;

/** Wraps `pool` so that Kysely's repeated statements run as named prepared statements. */
export function preparingPool(pool: pg.Pool, options: PreparedOptions = {}): PostgresPool {
  const threshold = options.threshold ?? 2;
  const perConnection = options.perConnection ?? 100;
  const candidates = options.candidates ?? 1000;
  const seen = new Map<string, number>();
  const statementsOf = new WeakMap<pg.PoolClient, Statements>();

  /** Counts a run of `text`; true once it has been run `threshold` times (on any connection). */
  const frequent = (text: string): boolean => {
    const count = (seen.get(text) ?? 0) + 1;
    if (count >= threshold) return true;
    if (seen.size >= candidates && !seen.has(text)) seen.delete(seen.keys().next().value!);
    seen.set(text, count);
    return false;
  };

  const nameFor = (statements: Statements, text: string): string | undefined => {
    const known = statements.byText.get(text);
    if (known !== undefined) {
      statements.byText.delete(text);
      statements.byText.set(text, known);
      return known;
    }
    if (!frequent(text)) return undefined;
    if (statements.byText.size >= perConnection) {
      const [oldestText, oldestName] = statements.byText.entries().next().value!;
      statements.byText.delete(oldestText);
      statements.stale.push(oldestName);
    }
    const name = `opora_${(names += 1).toString(36)}`;
    statements.byText.set(text, name);
    return name;
  };

  /** Deallocates evicted statements; runs at check-out, when the connection is idle (no transaction). */
  const forget = async (client: pg.PoolClient, stale: readonly string[]): Promise<void> => {
    // pg remembers which names it has parsed on the connection; these are never used again.
    const parsed = (client as unknown as { connection?: { parsedStatements?: Record<string, string> } }).connection?.parsedStatements;
    for (const name of stale) {
      if (parsed) delete parsed[name];
      try {
        await client.query(`deallocate ${name}`);
      } catch {
        // Already gone (the server dropped it with the session); nothing to free.
      }
    }
  };

  return {
    // The dialect's client type also has a cursor overload, used only with its `cursor` option
    // (not set here), hence the cast of the client below.
    async connect(): Promise<PostgresPoolClient> {
      const client = await pool.connect();
      let statements = statementsOf.get(client);
      if (!statements) {
        statements = { byText: new Map(), stale: [] };
        statementsOf.set(client, statements);
      }
      const mine = statements;
      if (mine.stale.length > 0) await forget(client, mine.stale.splice(0));
      return {
        async query(text: string, values: readonly unknown[]): Promise<pg.QueryResult> {
          const name = values.length > 0 ? nameFor(mine, text) : undefined;
          if (name === undefined) return client.query(text, [...values]);
          try {
            return await client.query({ name, text, values: [...values] });
          } catch (error) {
            if ((error as { code?: string }).code === PLAN_CHANGED && mine.byText.get(text) === name) {
              mine.byText.delete(text);
              mine.stale.push(name);
            }
            throw error;
          }
        },
        release(destroy?: boolean) {
          client.release(destroy);
        },
      } as unknown as PostgresPoolClient;
    },
    end: () => pool.end(),
  };
}
