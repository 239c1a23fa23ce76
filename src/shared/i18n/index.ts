/**
 * The server's i18n: `translate` over the whole catalogue (both languages, every area), plus the
 * template and date helpers of format.ts. The web app uses format.ts with its own catalogue
 * (src/web/i18n/locale.tsx) and must not import this module.
 */
import { en, ru, type MessageKey } from './catalogue.ts';
import { fillTemplate, type Locale, type MessageParams } from './format.ts';

export { fillTemplate, formatDate, formatDateTime, localeFromHeader, LOCALES } from './format.ts';
export type { Locale, MessageParams } from './format.ts';
export type { MessageKey };

const catalogues: Record<Locale, Record<MessageKey, string>> = { ru, en };

/** Translates a key, filling {param}s and {n, plural, one {…} few {…} many {…} other {…}} forms. */
export function translate(locale: Locale, key: MessageKey, params: MessageParams = {}): string {
  const template = catalogues[locale][key] ?? ru[key] ?? key;
  return fillTemplate(locale, template, params);
}
