/**
 * Resolves where the database lives — the embedded PostgreSQL (default) or a server given by
 * DATABASE_URL — and returns one handle. Everything after this point is the same code path.
 */
import type { Config } from '../config.ts';
import { createDatabase, type DatabaseHandle } from './database.ts';
import { startEmbeddedPostgres, type RunningEmbeddedPostgres } from './embedded.ts';

export interface Connection extends DatabaseHandle {
  kind: 'embedded' | 'server';
  connectionString: string;
  embedded: RunningEmbeddedPostgres | null;
}

export async function connect(config: Config, log: (line: string) => void): Promise<Connection> {
  let embedded: RunningEmbeddedPostgres | null = null;
  let connectionString = config.databaseUrl;
  if (!connectionString) {
    embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, osUser: config.pgOsUser, log });
    connectionString = embedded.connectionString();
  }
  const handle = createDatabase(connectionString, {
    onError: (error) => log(`database connection error: ${error.message}`),
    preparedStatements: config.preparedStatements,
  });
  return {
    ...handle,
    kind: embedded ? 'embedded' : 'server',
    connectionString,
    embedded,
    close: async () => {
      // End the pool before stopping PostgreSQL, or a late connection error would surface.
      await handle.close();
      await embedded?.stop();
    },
  };
}
