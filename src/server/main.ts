/**
 * The `opora` command: start (migrate, seed the demo on an empty embedded database, serve),
 * migrate, seed-demo, backup FILE, restore FILE, config.
 */
import { CONFIG_VARIABLES, ConfigError, loadConfig, type Config } from './config.ts';
import { connect } from './db/connection.ts';
import { migrate, MigrationError } from './db/migrate.ts';
import { EmbeddedPostgresError, oporaUsing } from './db/embedded.ts';
import { createLogger } from './logger.ts';
import { systemClock } from './lib/clock.ts';
import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from './seed/demo.ts';
import { PortInUseError, startServer } from './server.ts';
import { installShippedCalendars } from './modules/calendar/calendar.service.ts';

const USAGE = `Usage: opora <command>
  start            migrate, seed the demo (embedded database only, when empty) and serve
  migrate          apply database migrations
  seed-demo        add the demo school (also on a PostgreSQL server)
  backup FILE      write a consistent backup of the database to FILE
  restore FILE     restore FILE into an empty database
  config           print the configuration variables`;

async function main(argv: string[]): Promise<number> {
  const [command = 'start', ...args] = argv;
  if (command === 'help' || command === '--help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (command === 'config') {
    for (const v of CONFIG_VARIABLES) process.stdout.write(`${v.name.padEnd(20)} ${v.description} (default: ${v.default})\n`);
    return 0;
  }
  const config = loadConfig();
  const log = createLogger(config);
  switch (command) {
    case 'start':
      return serve(config, log);
    case 'migrate':
      return withConnection(config, log, async (connection) => {
        const applied = await migrate(connection.pool);
        await installShippedCalendars(connection.db);
        process.stdout.write(applied.length ? `Applied: ${applied.join(', ')}\n` : 'The database is up to date.\n');
      });
    case 'seed-demo':
      return withConnection(config, log, async (connection) => {
        await migrate(connection.pool);
        await installShippedCalendars(connection.db);
        const seeded = await seedDemo({ db: connection.db, config, clock: systemClock, log });
        process.stdout.write(seeded ? 'Demo school added.\n' : 'The demo school already exists.\n');
      });
    case 'backup':
    case 'restore': {
      const file = args[0];
      if (!file) throw new UsageError(`opora ${command} needs a file name.`);
      return withConnection(config, log, async (connection) => {
        if (command === 'backup') {
          const { backupDatabase } = await import('./db/backup.ts');
          const summary = await backupDatabase(connection.pool, file);
          process.stdout.write(`Backup written to ${file}: ${summary.tables} tables, ${summary.rows} rows.\n`);
        } else {
          const { restoreDatabase } = await import('./db/backup.ts');
          const summary = await restoreDatabase(connection.pool, file);
          process.stdout.write(`Restored ${summary.rows} rows into ${summary.tables} tables from ${file}.\n`);
        }
      });
    }
    default:
      throw new UsageError(`Unknown command "${command}".\n${USAGE}`);
  }
}

class UsageError extends Error {}

async function withConnection(
  config: Config,
  log: ReturnType<typeof createLogger>,
  work: (connection: Awaited<ReturnType<typeof connect>>) => Promise<void>,
): Promise<number> {
  const connection = await connect(config, (line) => log.debug(line));
  try {
    await work(connection);
    return 0;
  } finally {
    await connection.close();
  }
}

async function serve(config: Config, log: ReturnType<typeof createLogger>): Promise<number> {
  // Listen for the stop signal before starting: a SIGTERM during a (slow, first) start then still
  // stops PostgreSQL once the start is done, instead of killing node and leaving PostgreSQL behind.
  const signalled = new Promise<string>((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'));
    process.once('SIGTERM', () => resolve('SIGTERM'));
  });
  const running = config.databaseUrl ? null : oporaUsing(config.dataDir);
  if (running !== null) {
    throw new EmbeddedPostgresError(
      `Opora is already running with the data folder ${config.dataDir} (process ${running}); stop it before starting another.`,
    );
  }
  const server = await startServer(config, log);
  const where = server.connection.kind === 'embedded' ? `embedded PostgreSQL in ${config.dataDir}` : 'PostgreSQL server (DATABASE_URL)';
  process.stdout.write(`\nОпора запущена: ${server.url}  (${where})\n`);
  if (server.connection.kind === 'embedded') {
    process.stdout.write(`Демо-входы (пароль ${DEMO_PASSWORD}): ${DEMO_USERS.map((u) => u.email).join(', ')}\n\n`);
  }
  const signal = await signalled;
  log.info({ signal }, 'shutting down');
  try {
    await server.stop();
  } catch (error) {
    log.error({ err: error }, 'error during shutdown');
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    const known =
      error instanceof ConfigError ||
      error instanceof EmbeddedPostgresError ||
      error instanceof MigrationError ||
      (error instanceof Error && error.name === 'BackupError') ||
      error instanceof UsageError ||
      error instanceof PortInUseError;
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`${known ? '' : 'Opora stopped: '}${message}\n`);
    process.exit(1);
  },
);
