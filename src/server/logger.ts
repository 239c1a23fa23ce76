import pino, { type Logger } from 'pino';
import type { Config } from './config.ts';

/** Structured JSON logs; request bodies and cookies are never logged. */
export function createLogger(config: Pick<Config, 'logLevel'>): Logger {
  return pino({
    level: config.logLevel,
    base: { app: 'opora' },
    redact: { paths: ['req.headers.cookie', 'req.headers["x-csrf-token"]', 'password', '*.password'], remove: true },
  });
}
