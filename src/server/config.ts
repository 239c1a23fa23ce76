/**
 * The only reader of the environment. Every variable is validated at start; all problems are
 * reported at once, in one message, and the process does not start.
 */
import { isIP } from 'node:net';
import path from 'node:path';
import type { MessageKey } from '../shared/i18n/index.ts';
import { cliLocale, cliText, CliError } from './lib/cli-locale.ts';

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
  /**
   * Which proxies' `X-Forwarded-For` to believe: none (false) or the listed addresses and networks
   * (`true` = a proxy on this machine). Never "all": a client could then name any address it likes
   * and walk around the per-address limits.
   */
  trustProxy: false | string[];
  smtp: { host: string; port: number; secure: boolean; user: string | null; password: string | null; from: string } | null;
  loginMaxFailures: number;
  loginLockMinutes: number;
  /** Sign-in and password-reset attempts per IP per minute. */
  authRateLimitPerMinute: number;
  jobsEnabled: boolean;
  /** Days a finished or failed job is kept before the daily housekeeping deletes it. */
  jobsRetentionDays: number;
  /** Days an audit row is kept before the daily housekeeping deletes it. */
  auditRetentionDays: number;
  preparedStatements: boolean;
}

export interface ConfigVariable {
  name: string;
  /** Catalogue key of its description; `opora config` prints it in the command's language. */
  description: MessageKey;
  /** The default as written in the environment, a worded default (`{ text }`), or null when unset by default. */
  default: string | { text: MessageKey } | null;
}

/** The documented table (README, `opora config`). */
export const CONFIG_VARIABLES: ConfigVariable[] = [
  { name: 'NODE_ENV', description: 'cli.config.var.NODE_ENV', default: 'development' },
  { name: 'HOST', description: 'cli.config.var.HOST', default: 'localhost' },
  { name: 'PORT', description: 'cli.config.var.PORT', default: '3000' },
  { name: 'PUBLIC_URL', description: 'cli.config.var.PUBLIC_URL', default: 'http://localhost:PORT' },
  { name: 'DATABASE_URL', description: 'cli.config.var.DATABASE_URL', default: null },
  { name: 'DATABASE_PREPARED_STATEMENTS', description: 'cli.config.var.DATABASE_PREPARED_STATEMENTS', default: 'true' },
  { name: 'OPORA_DATA_DIR', description: 'cli.config.var.OPORA_DATA_DIR', default: './data/pg' },
  { name: 'OPORA_PG_OS_USER', description: 'cli.config.var.OPORA_PG_OS_USER', default: 'postgres' },
  { name: 'OPORA_SEED_DEMO', description: 'cli.config.var.OPORA_SEED_DEMO', default: 'true' },
  // Read by lib/cli-locale.ts rather than loadConfig(): the configuration's own errors are worded in it.
  { name: 'OPORA_LOCALE', description: 'cli.config.var.OPORA_LOCALE', default: { text: 'cli.config.default.locale' } },
  { name: 'LOG_LEVEL', description: 'cli.config.var.LOG_LEVEL', default: 'info' },
  { name: 'SESSION_TTL_HOURS', description: 'cli.config.var.SESSION_TTL_HOURS', default: '12' },
  { name: 'SECURE_COOKIES', description: 'cli.config.var.SECURE_COOKIES', default: { text: 'cli.config.default.secureCookies' } },
  { name: 'TRUST_PROXY', description: 'cli.config.var.TRUST_PROXY', default: 'false' },
  { name: 'SMTP_HOST', description: 'cli.config.var.SMTP_HOST', default: null },
  { name: 'SMTP_PORT', description: 'cli.config.var.SMTP_PORT', default: '587' },
  { name: 'SMTP_SECURE', description: 'cli.config.var.SMTP_SECURE', default: 'false' },
  { name: 'SMTP_USER', description: 'cli.config.var.SMTP_USER', default: null },
  { name: 'SMTP_PASSWORD', description: 'cli.config.var.SMTP_PASSWORD', default: null },
  { name: 'SMTP_FROM', description: 'cli.config.var.SMTP_FROM', default: 'Opora <opora@localhost>' },
  { name: 'LOGIN_MAX_FAILURES', description: 'cli.config.var.LOGIN_MAX_FAILURES', default: '5' },
  { name: 'LOGIN_LOCK_MINUTES', description: 'cli.config.var.LOGIN_LOCK_MINUTES', default: '15' },
  { name: 'AUTH_RATE_LIMIT_PER_MINUTE', description: 'cli.config.var.AUTH_RATE_LIMIT_PER_MINUTE', default: '10' },
  { name: 'JOBS_ENABLED', description: 'cli.config.var.JOBS_ENABLED', default: 'true' },
  { name: 'JOBS_RETENTION_DAYS', description: 'cli.config.var.JOBS_RETENTION_DAYS', default: '30' },
  { name: 'AUDIT_RETENTION_DAYS', description: 'cli.config.var.AUDIT_RETENTION_DAYS', default: '1825' },
];

/** One or more invalid variables; the message lists every problem. */
export class ConfigError extends CliError {
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
    if (raw === undefined || raw.trim() === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(cliText('cli.error.config.wholeNumber', { name, value: raw, min, max }));
      return fallback;
    }
    return value;
  };
  const bool = (name: string, fallback: boolean): boolean => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    if (/^(1|true|yes|on)$/i.test(raw)) return true;
    if (/^(0|false|no|off)$/i.test(raw)) return false;
    problems.push(cliText('cli.error.config.boolean', { name, value: raw }));
    return fallback;
  };
  const oneOf = <T extends string>(name: string, fallback: T, allowed: readonly T[]): T => {
    const raw = str(name, fallback);
    if (!(allowed as readonly string[]).includes(raw)) {
      problems.push(cliText('cli.error.config.oneOf', { name, value: raw, allowed: allowed.join(', ') }));
      return fallback;
    }
    return raw as T;
  };
  /** TRUST_PROXY: false, true (a proxy on this machine), or the proxies' addresses/CIDRs. */
  const proxies = (name: string): false | string[] => {
    const raw = (env[name] ?? '').trim();
    if (raw === '' || /^(0|false|no|off)$/i.test(raw)) return false;
    if (/^(1|true|yes|on)$/i.test(raw)) return ['loopback'];
    const list = raw.split(',').map((item) => item.trim());
    const known = (item: string) => {
      if (['loopback', 'linklocal', 'uniquelocal'].includes(item)) return true;
      const [address = '', bits, ...rest] = item.split('/');
      const version = isIP(address);
      if (version === 0 || rest.length > 0) return false;
      return bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= (version === 4 ? 32 : 128));
    };
    if (list.every(known)) return list;
    problems.push(cliText('cli.error.config.trustProxy', { name, value: raw }));
    return false;
  };
  const url = (name: string, value: string, protocols: string[]): string => {
    try {
      const parsed = new URL(value);
      if (!protocols.includes(parsed.protocol)) {
        const starts = new Intl.ListFormat(cliLocale(), { type: 'disjunction' }).format(protocols.map((p) => `${p}//`));
        problems.push(cliText('cli.error.config.protocol', { name, protocols: starts }));
      }
    } catch {
      problems.push(cliText('cli.error.config.url', { name, value }));
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
    secureCookies: bool('SECURE_COOKIES', /^https:/i.test(publicUrl)),
    trustProxy: proxies('TRUST_PROXY'),
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
    auditRetentionDays: int('AUDIT_RETENTION_DAYS', 1825, 365, 3650),
    preparedStatements: bool('DATABASE_PREPARED_STATEMENTS', true),
  };
  if (problems.length > 0) {
    throw new ConfigError('cli.error.config', { problems: problems.map((problem) => `  - ${problem}`).join('\n') });
  }
  return config;
}
