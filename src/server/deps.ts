import type { Logger } from 'pino';
import type { Config } from './config.ts';
import type { Database } from './db/database.ts';
import type { Clock } from './lib/clock.ts';

/** What services need from the outside world; built once in app.ts, replaced in tests. */
export interface Deps {
  db: Database;
  config: Config;
  clock: Clock;
  log: Logger;
}
