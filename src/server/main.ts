/**
 * The `opora` command: start (migrate, seed the demo on an empty embedded database, serve),
 * migrate, init (the region and its first administrator), password-link EMAIL, seed-demo,
 * backup FILE, restore FILE, config. Everything it prints to a person comes
 * from the message catalogue (cli.*), in Russian unless OPORA_LOCALE=en or an English LANG
 * (lib/cli-locale.ts); the logs stay English.
 */
import { parseArgs } from 'node:util';
import { CONFIG_VARIABLES, loadConfig, type Config } from './config.ts';
import type { Deps } from './deps.ts';
import { connect } from './db/connection.ts';
import { migrate } from './db/migrate.ts';
import { EmbeddedPostgresError, oporaUsing } from './db/embedded.ts';
import { createLogger } from './logger.ts';
import { CliError, cliText } from './lib/cli-locale.ts';
import { systemClock } from './lib/clock.ts';
import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from './seed/demo.ts';
import { startServer } from './server.ts';
import { installShippedCalendars } from './modules/calendar/calendar.service.ts';

async function main(argv: string[]): Promise<number> {
  const [command = 'start', ...args] = argv;
  if (command === 'help' || command === '--help') {
    process.stdout.write(`${cliText('cli.usage')}\n`);
    return 0;
  }
  if (command === 'config') {
    const width = Math.max(...CONFIG_VARIABLES.map((v) => v.name.length));
    for (const v of CONFIG_VARIABLES) {
      const params = { name: v.name.padEnd(width), description: cliText(v.description) };
      const line =
        v.default === null
          ? cliText('cli.config.variableUnset', params)
          : cliText('cli.config.variable', { ...params, default: typeof v.default === 'string' ? v.default : cliText(v.default.text) });
      process.stdout.write(`${line}\n`);
    }
    return 0;
  }
  const config = loadConfig();
  const log = createLogger(config);
  switch (command) {
    case 'start':
      return serve(config, log);
    case 'migrate':
      return withConnection(config, log, async (connection) => {
        const applied = await upToDate(connection);
        const report = applied.length ? cliText('cli.migrate.applied', { names: applied.join(', ') }) : cliText('cli.migrate.upToDate');
        process.stdout.write(`${report}\n`);
      });
    case 'init': {
      const options = initOptions(command, args);
      return withConnection(config, log, async (connection, deps) => {
        await upToDate(connection);
        const { initInstallation } = await import('./setup/first-run.ts');
        const done = await initInstallation(deps, options);
        process.stdout.write(`${cliText('cli.init.done', { region: options.region ?? '', ...done })}\n`);
      });
    }
    case 'password-link':
      return withConnection(config, log, async (_connection, deps) => {
        const { passwordLink } = await import('./setup/first-run.ts');
        const done = await passwordLink(deps, args[0]);
        process.stdout.write(`${cliText('cli.passwordLink.done', { ...done })}\n`);
      });
    case 'seed-demo':
      return withConnection(config, log, async (connection, deps) => {
        await upToDate(connection);
        const seeded = await seedDemo(deps);
        process.stdout.write(`${cliText(seeded ? 'cli.seed.added' : 'cli.seed.exists')}\n`);
      });
    case 'backup':
    case 'restore': {
      const file = args[0];
      if (!file) throw new UsageError('cli.usage.needsFile', { command });
      return withConnection(config, log, async (connection) => {
        if (command === 'backup') {
          const { backupDatabase } = await import('./db/backup.ts');
          const summary = await backupDatabase(connection.pool, file);
          process.stdout.write(`${cliText('cli.backup.written', { file, tables: summary.tables, rows: summary.rows })}\n`);
        } else {
          const { restoreDatabase } = await import('./db/backup.ts');
          const summary = await restoreDatabase(connection.pool, file);
          process.stdout.write(`${cliText('cli.restore.done', { file, tables: summary.tables, rows: summary.rows })}\n`);
        }
      });
    }
    default:
      throw new UsageError('cli.usage.unknownCommand', { command, usage: cliText('cli.usage') });
  }
}

class UsageError extends CliError {
  override readonly name = 'UsageError';
}

/** `init --region … --email … --name … [--timezone …] [--slug …]`; anything else is a usage error. */
function initOptions(command: string, args: string[]) {
  try {
    const { values } = parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: {
        region: { type: 'string' },
        email: { type: 'string' },
        name: { type: 'string' },
        timezone: { type: 'string' },
        slug: { type: 'string' },
      },
    });
    return { region: values.region, email: values.email, fullName: values.name, timezone: values.timezone, slug: values.slug };
  } catch (error) {
    throw new UsageError(
      'cli.usage.badOptions',
      { command, detail: (error as Error).message, usage: cliText('cli.usage') },
      { cause: error },
    );
  }
}

type Connection = Awaited<ReturnType<typeof connect>>;

/** Migrations and the shipped production calendars, before a command that writes; returns the migrations applied. */
async function upToDate(connection: Connection): Promise<string[]> {
  const applied = await migrate(connection.pool);
  await installShippedCalendars(connection.db);
  return applied;
}

/** Runs `work` on the configured database with the dependencies a service call needs, then closes it. */
async function withConnection(
  config: Config,
  log: ReturnType<typeof createLogger>,
  work: (connection: Connection, deps: Deps) => Promise<void>,
): Promise<number> {
  const connection = await connect(config, (line) => log.debug(line));
  try {
    await work(connection, { db: connection.db, config, clock: systemClock, log });
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
    throw new EmbeddedPostgresError('cli.error.alreadyRunning', { dataDir: config.dataDir, pid: running });
  }
  const server = await startServer(config, log);
  const banner =
    server.connection.kind === 'embedded'
      ? cliText('cli.start.runningEmbedded', { url: server.url, dataDir: config.dataDir })
      : cliText('cli.start.runningServer', { url: server.url });
  // The demo's logins, when the demo school is there (not after `opora init` of a real installation).
  const logins =
    server.connection.kind === 'embedded' && server.demo
      ? `${cliText('cli.start.demoLogins', { password: DEMO_PASSWORD, emails: DEMO_USERS.map((u) => u.email).join(', ') })}\n\n`
      : '';
  // One write, so that no log line lands between the two.
  process.stdout.write(`\n${banner}\n${logins}`);
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
    // Configuration, embedded PostgreSQL, migration, backup, port and usage errors are worded for
    // the person (CliError: catalogue text in the command's language); anything else is unexpected.
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`${error instanceof CliError ? message : cliText('cli.error.unexpected', { message })}\n`);
    process.exit(1);
  },
);
