/**
 * The only reader of the environment. Every variable is validated at start; all problems are
 * reported at once, in one message, and the process does not start.
 */
import path from 'node:path';

export interface Config {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  /** Public base URL used in e-mailed links. */
  publicUrl: string;
  /** PostgreSQL server; when null the embedded PostgreSQL in `dataDir` is used. */
  databaseUrl: string | null;
  dataDir: string;
  pgOsUser: string;
  /** Seed the demo school on an empty embedded database. */
  seedDemo: boolean;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  sessionTtlHours: number;
  /** Secure cookies (set when served over HTTPS). */
  secureCookies: boolean;
  trustProxy: boolean;
  smtp: { host: string; port: number; secure: boolean; user: string | null; password: string | null; from: string } | null;
  loginMaxFailures: number;
  loginLockMinutes: number;
  /** Sign-in and password-reset attempts per IP per minute. */
  authRateLimitPerMinute: number;
  jobsEnabled: boolean;
  /** Days a finished or failed job is kept before the daily housekeeping deletes it. */
  jobsRetentionDays: number;
  preparedStatements: boolean;
}

export interface ConfigVariable {
  name: string;
  description: string;
  default: string;
}

/** The documented table (README, `opora config`). */
export const CONFIG_VARIABLES: ConfigVariable[] = [
  { name: 'NODE_ENV', description: 'development | production | test', default: 'development' },
  { name: 'HOST', description: 'Address to listen on', default: 'localhost' },
  { name: 'PORT', description: 'HTTP port', default: '3000' },
  { name: 'PUBLIC_URL', description: 'Public base URL for links in e-mails', default: 'http://localhost:PORT' },
  { name: 'DATABASE_URL', description: 'PostgreSQL ≥ 15 server; unset = embedded PostgreSQL', default: '(embedded)' },
  {
    name: 'DATABASE_PREPARED_STATEMENTS',
    description: 'Keep repeated statements prepared on each connection (false behind a pooler in transaction mode)',
    default: 'true',
  },
  { name: 'OPORA_DATA_DIR', description: 'Folder of the embedded PostgreSQL cluster', default: './data/pg' },
  { name: 'OPORA_PG_OS_USER', description: 'OS user that runs the embedded PostgreSQL when Opora runs as root', default: 'postgres' },
  { name: 'OPORA_SEED_DEMO', description: 'Seed the demo school when the embedded database is empty (true/false)', default: 'true' },
  { name: 'LOG_LEVEL', description: 'fatal | error | warn | info | debug | trace | silent', default: 'info' },
  { name: 'SESSION_TTL_HOURS', description: 'Session lifetime in hours', default: '12' },
  { name: 'SECURE_COOKIES', description: 'Mark cookies Secure (true behind HTTPS)', default: 'true if PUBLIC_URL is https' },
  { name: 'TRUST_PROXY', description: 'Trust X-Forwarded-* headers from a reverse proxy', default: 'false' },
  { name: 'SMTP_HOST', description: 'SMTP server for outgoing mail; unset = mail is kept in the outbox', default: '' },
  { name: 'SMTP_PORT', description: 'SMTP port', default: '587' },
  { name: 'SMTP_SECURE', description: 'Use implicit TLS (port 465)', default: 'false' },
  { name: 'SMTP_USER', description: 'SMTP login', default: '' },
  { name: 'SMTP_PASSWORD', description: 'SMTP password', default: '' },
  { name: 'SMTP_FROM', description: 'Sender address', default: 'Opora <opora@localhost>' },
  { name: 'LOGIN_MAX_FAILURES', description: 'Failed logins before the account is locked', default: '5' },
  { name: 'LOGIN_LOCK_MINUTES', description: 'Lock-out duration in minutes', default: '15' },
  { name: 'AUTH_RATE_LIMIT_PER_MINUTE', description: 'Sign-in and password-reset attempts per IP address per minute', default: '10' },
  { name: 'JOBS_ENABLED', description: 'Run the background job runner in this process', default: 'true' },
  { name: 'JOBS_RETENTION_DAYS', description: 'Days finished and failed jobs are kept before the nightly housekeeping deletes them', default: '30' },
];

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

type Env = Record<string, string | undefined>;

export function loadConfig(env: Env = process.env, cwd = process.cwd()): Config {
  const problems: string[] = [];
  const str = (name: string, fallback: string): string => {
    const value = env[name];
    return value === undefined || value === '' ? fallback : value;
  };
  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${name}="${raw}" must be a whole number from ${min} to ${max}`);
      return fallback;
    }
    return value;
  };
  const bool = (name: string, fallback: boolean): boolean => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    if (/^(1|true|yes|on)$/i.test(raw)) return true;
    if (/^(0|false|no|off)$/i.test(raw)) return false;
    problems.push(`${name}="${raw}" must be true or false`);
    return fallback;
  };
  const oneOf = <T extends string>(name: string, fallback: T, allowed: readonly T[]): T => {
    const raw = str(name, fallback);
    if (!(allowed as readonly string[]).includes(raw)) {
      problems.push(`${name}="${raw}" must be one of ${allowed.join(', ')}`);
      return fallback;
    }
    return raw as T;
  };
  const url = (name: string, value: string, protocols: string[]): string => {
    try {
      const parsed = new URL(value);
      if (!protocols.includes(parsed.protocol)) problems.push(`${name} must start with ${protocols.join(' or ')}//`);
    } catch {
      problems.push(`${name}="${value}" is not a valid URL`);
    }
    return value;
  };

  const nodeEnv = oneOf('NODE_ENV', 'development', ['development', 'production', 'test'] as const);
  const port = int('PORT', 3000, 0, 65535);
  const publicUrl = url('PUBLIC_URL', str('PUBLIC_URL', `http://localhost:${port}`), ['http:', 'https:']).replace(/\/$/, '');
  const databaseUrl = env.DATABASE_URL ? url('DATABASE_URL', env.DATABASE_URL, ['postgres:', 'postgresql:']) : null;
  const smtpHost = str('SMTP_HOST', '');
  const config: Config = {
    env: nodeEnv,
    host: str('HOST', 'localhost'),
    port,
    publicUrl,
    databaseUrl,
    dataDir: path.resolve(cwd, str('OPORA_DATA_DIR', './data/pg')),
    pgOsUser: str('OPORA_PG_OS_USER', 'postgres'),
    seedDemo: bool('OPORA_SEED_DEMO', true),
    logLevel: oneOf('LOG_LEVEL', 'info', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const),
    sessionTtlHours: int('SESSION_TTL_HOURS', 12, 1, 24 * 90),
    secureCookies: bool('SECURE_COOKIES', publicUrl.startsWith('https:')),
    trustProxy: bool('TRUST_PROXY', false),
    smtp: smtpHost
      ? {
          host: smtpHost,
          port: int('SMTP_PORT', 587, 1, 65535),
          secure: bool('SMTP_SECURE', false),
          user: env.SMTP_USER || null,
          password: env.SMTP_PASSWORD || null,
          from: str('SMTP_FROM', 'Opora <opora@localhost>'),
        }
      : null,
    loginMaxFailures: int('LOGIN_MAX_FAILURES', 5, 1, 100),
    loginLockMinutes: int('LOGIN_LOCK_MINUTES', 15, 1, 24 * 60),
    authRateLimitPerMinute: int('AUTH_RATE_LIMIT_PER_MINUTE', 10, 1, 100_000),
    jobsEnabled: bool('JOBS_ENABLED', true),
    jobsRetentionDays: int('JOBS_RETENTION_DAYS', 30, 1, 3650),
    preparedStatements: bool('DATABASE_PREPARED_STATEMENTS', true),
  };
  if (problems.length > 0) {
    throw new ConfigError(`Opora cannot start, the configuration has errors:\n  - ${problems.join('\n  - ')}`);
  }
  return config;
}
