/**
 * The running Opora process: database (embedded or server), migrations, optional demo seed,
 * HTTP app and job runner, with one graceful stop.
 */
import type { Logger } from 'pino';
import { buildApp } from './app.ts';
import type { Config } from './config.ts';
import { connect, type Connection } from './db/connection.ts';
import { migrate } from './db/migrate.ts';
import type { Deps } from './deps.ts';
import type { App } from './http/types.ts';
import { scheduleHousekeeping } from './jobs/housekeeping.ts';
import { createJobRunner, type JobRunner } from './jobs/runner.ts';
import { CliError } from './lib/cli-locale.ts';
import { systemClock } from './lib/clock.ts';
import { registerJobs } from './jobs/registry.ts';
import { hasDemoSchool, isDatabaseEmpty, seedDemo } from './seed/demo.ts';
import { installShippedCalendars } from './modules/calendar/calendar.service.ts';

export interface RunningServer {
  app: App;
  connection: Connection;
  runner: JobRunner | null;
  url: string;
  /** The demo school is in the database (seeded now or before): its logins are worth printing. */
  demo: boolean;
  stop(): Promise<void>;
}

/** The HTTP port is taken by another program (a second Opora on another data folder, say). */
export class PortInUseError extends CliError {
  override readonly name = 'PortInUseError';
  constructor(host: string, port: number, options?: ErrorOptions) {
    super('cli.error.portInUse', { host, port }, options);
  }
}

export async function startServer(config: Config, log: Logger): Promise<RunningServer> {
  const connection = await connect(config, (line) => log.info(line));
  // What has started so far, stopped again if a later step fails: the runner holds a pool client
  // (LISTEN), and the pool does not end while a client is out.
  let app: App | null = null;
  let runner: JobRunner | null = null;
  /** Stops what has started: no new HTTP requests, no new jobs, then the database. Each step runs even if one before failed. */
  const stopStarted = async (): Promise<void> => {
    try {
      await app?.close();
    } finally {
      try {
        await runner?.stop();
      } finally {
        await connection.close();
      }
    }
  };
  try {
    const applied = await migrate(connection.pool);
    if (applied.length > 0) log.info({ applied }, 'migrations applied');
    await installShippedCalendars(connection.db);
    const deps: Deps = { db: connection.db, config, clock: systemClock, log };
    let seeded = false;
    if (connection.kind === 'embedded' && config.seedDemo && (await isDatabaseEmpty(connection.db))) {
      seeded = await seedDemo(deps);
      if (seeded) log.info('demo school seeded');
    }
    const demo = seeded || (await hasDemoSchool(connection.db));
    app = await buildApp(deps);
    runner = config.jobsEnabled ? createJobRunner({ db: connection.db, pool: connection.pool, log }) : null;
    if (runner) {
      registerJobs(runner, deps);
      await scheduleHousekeeping(connection.db, deps.clock.now());
      await runner.start();
    }
    await app.listen({ host: config.host, port: config.port }).catch((error: NodeJS.ErrnoException) => {
      throw error.code === 'EADDRINUSE' ? new PortInUseError(config.host, config.port, { cause: error }) : error;
    });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    let stopped: Promise<void> | null = null;
    return {
      app,
      connection,
      runner,
      url: `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`,
      demo,
      stop: () => (stopped ??= stopStarted()),
    };
  } catch (error) {
    await stopStarted().catch(() => {});
    throw error;
  }
}
