/**
 * The language of the `opora` command: what it prints and the start-up errors it reports
 * (configuration, embedded PostgreSQL, migrations, backup, the HTTP port). Russian comes first:
 * English only when asked for — OPORA_LOCALE=en, or a system locale (LC_ALL, LC_MESSAGES, LANG,
 * the first one set) that is English. C, POSIX or no locale at all mean Russian.
 *
 * Read straight from the environment, not from loadConfig(): the configuration's own errors must
 * be worded before there is a configuration.
 */
import { translate, type Locale, type MessageKey, type MessageParams } from '../../shared/i18n/index.ts';

type Env = Record<string, string | undefined>;

export function cliLocale(env: Env = process.env): Locale {
  const chosen = env.OPORA_LOCALE?.trim().toLowerCase();
  if (chosen === 'ru' || chosen === 'en') return chosen;
  const system = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((value) => value !== undefined && value !== '') ?? '';
  return system.toLowerCase().startsWith('en') ? 'en' : 'ru';
}

/** A catalogue text in the command's language. */
export function cliText(key: MessageKey, params: MessageParams = {}, env: Env = process.env): string {
  return translate(cliLocale(env), key, params);
}

/**
 * An error the `opora` command reports to the person as it is (its message alone, no stack): the
 * message is the catalogue text of `key` in the command's language; key and params stay on the
 * error for tests and callers.
 */
export class CliError extends Error {
  readonly key: MessageKey;
  readonly params: Readonly<MessageParams>;

  constructor(key: MessageKey, params: MessageParams = {}, options?: ErrorOptions) {
    super(cliText(key, params), options);
    this.key = key;
    this.params = params;
  }
}
