/**
 * The `opora` command speaks Russian unless told otherwise: OPORA_LOCALE, else the system locale
 * (LC_ALL, LC_MESSAGES, LANG — the first one set) when it is English. Its errors carry the
 * catalogue key and params they were worded from.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConfigError, loadConfig } from '../config.ts';
import { BackupError } from '../db/backup.ts';
import { EmbeddedPostgresError } from '../db/embedded.ts';
import { MigrationError } from '../db/migrate.ts';
import { PortInUseError } from '../server.ts';
import { CliError, cliLocale, cliText } from './cli-locale.ts';

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('cliLocale', () => {
  it('is Russian with no locale at all, and for C and POSIX', () => {
    expect(cliLocale({})).toBe('ru');
    expect(cliLocale({ LANG: 'C' })).toBe('ru');
    expect(cliLocale({ LANG: 'C.UTF-8' })).toBe('ru');
    expect(cliLocale({ LC_ALL: 'POSIX' })).toBe('ru');
    expect(cliLocale({ LANG: 'ru_RU.UTF-8' })).toBe('ru');
    expect(cliLocale({ LANG: 'de_DE.UTF-8' })).toBe('ru');
  });

  it('is English for an English system locale', () => {
    expect(cliLocale({ LANG: 'en_US.UTF-8' })).toBe('en');
    expect(cliLocale({ LANG: 'en_GB' })).toBe('en');
    expect(cliLocale({ LC_MESSAGES: 'en_US.UTF-8', LANG: 'ru_RU.UTF-8' })).toBe('en');
  });

  it('takes LC_ALL over LC_MESSAGES over LANG, skipping empty ones', () => {
    expect(cliLocale({ LC_ALL: 'ru_RU.UTF-8', LANG: 'en_US.UTF-8' })).toBe('ru');
    expect(cliLocale({ LC_ALL: 'en_US.UTF-8', LANG: 'ru_RU.UTF-8' })).toBe('en');
    expect(cliLocale({ LC_ALL: 'C', LC_MESSAGES: 'en_US.UTF-8' })).toBe('ru');
    expect(cliLocale({ LC_ALL: '', LC_MESSAGES: '', LANG: 'en_US.UTF-8' })).toBe('en');
  });

  it('takes OPORA_LOCALE (ru or en) over the system locale, and ignores any other value', () => {
    expect(cliLocale({ OPORA_LOCALE: 'en', LANG: 'ru_RU.UTF-8' })).toBe('en');
    expect(cliLocale({ OPORA_LOCALE: 'ru', LC_ALL: 'en_US.UTF-8' })).toBe('ru');
    expect(cliLocale({ OPORA_LOCALE: 'EN' })).toBe('en');
    expect(cliLocale({ OPORA_LOCALE: 'de', LANG: 'en_US.UTF-8' })).toBe('en');
    expect(cliLocale({ OPORA_LOCALE: '', LANG: 'C' })).toBe('ru');
  });

  it('reads process.env by default', () => {
    vi.stubEnv('OPORA_LOCALE', 'en');
    expect(cliLocale()).toBe('en');
    expect(cliText('cli.migrate.upToDate')).toBe('The database is up to date.');
    vi.stubEnv('OPORA_LOCALE', 'ru');
    expect(cliText('cli.migrate.upToDate')).toBe('База данных уже в актуальном состоянии.');
  });
});

describe('the errors the opora command reports', () => {
  it('word their message in the command language and keep key, params and cause', () => {
    vi.stubEnv('OPORA_LOCALE', 'ru');
    const cause = new Error('EACCES');
    const error = new EmbeddedPostgresError('cli.error.embedded.prepareDataDir', { dataDir: '/srv/pg', detail: 'EACCES' }, { cause });
    expect(error).toBeInstanceOf(CliError);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('EmbeddedPostgresError');
    expect(error.key).toBe('cli.error.embedded.prepareDataDir');
    expect(error.params).toEqual({ dataDir: '/srv/pg', detail: 'EACCES' });
    expect(error.cause).toBe(cause);
    expect(error.message).toBe('Не удалось подготовить папку данных /srv/pg: EACCES.');

    vi.stubEnv('OPORA_LOCALE', 'en');
    expect(new EmbeddedPostgresError('cli.error.embedded.prepareDataDir', { dataDir: '/srv/pg', detail: 'EACCES' }).message).toBe(
      'Could not prepare the data folder /srv/pg: EACCES.',
    );
  });

  it('keep their names and classes', () => {
    vi.stubEnv('OPORA_LOCALE', 'ru');
    const port = new PortInUseError('127.0.0.1', 3000);
    expect(port).toMatchObject({ name: 'PortInUseError', key: 'cli.error.portInUse', params: { host: '127.0.0.1', port: 3000 } });
    expect(port.message).toBe('Порт 3000 на 127.0.0.1 уже занят другой программой; остановите её или укажите другой порт в PORT.');
    const migration = new MigrationError('cli.error.migrate.changed', { name: '0002_x' });
    expect(migration).toBeInstanceOf(MigrationError);
    expect(migration.name).toBe('MigrationError');
    const backup = new BackupError('cli.error.backup.fileMissing', { file: '/tmp/x.backup' });
    expect(backup).toBeInstanceOf(BackupError);
    expect(backup.name).toBe('BackupError');
    for (const error of [port, migration, backup]) expect(error).toBeInstanceOf(CliError);
  });

  it('list every configuration problem in one message, in Russian or in English', () => {
    const bad = { PORT: 'eighty', DATABASE_URL: 'mysql://user:secret@db/opora', SECURE_COOKIES: 'maybe' };
    vi.stubEnv('OPORA_LOCALE', 'ru');
    const russian = catchConfigError(() => loadConfig(bad));
    expect(russian.key).toBe('cli.error.config');
    expect(russian.message).toBe(
      [
        'Опора не может запуститься — в настройках есть ошибки:',
        '  - PORT="eighty": нужно целое число от 0 до 65535',
        '  - DATABASE_URL: адрес должен начинаться с postgres:// или postgresql://',
        '  - SECURE_COOKIES="maybe": нужно true или false',
      ].join('\n'),
    );
    vi.stubEnv('OPORA_LOCALE', 'en');
    expect(catchConfigError(() => loadConfig(bad)).message).toBe(
      [
        'Opora cannot start, the configuration has errors:',
        '  - PORT="eighty" must be a whole number from 0 to 65535',
        '  - DATABASE_URL must start with postgres:// or postgresql://',
        '  - SECURE_COOKIES="maybe" must be true or false',
      ].join('\n'),
    );
  });
});

function catchConfigError(attempt: () => unknown): ConfigError {
  try {
    attempt();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error('no ConfigError');
}
