/**
 * Filling message templates and formatting dates — the part of i18n that needs no catalogue, so
 * the web app can use it with the catalogue of the one language it shows (web-ru.ts, web-en.ts).
 */
export type Locale = 'ru' | 'en';
export const LOCALES: readonly Locale[] = ['ru', 'en'];

export type MessageParams = Record<string, string | number>;

const pluralRules: Record<Locale, Intl.PluralRules> = {
  ru: new Intl.PluralRules('ru'),
  en: new Intl.PluralRules('en'),
};

/** Fills a template's {param}s and {n, plural, one {…} few {…} many {…} other {…}} forms. */
export function fillTemplate(locale: Locale, template: string, params: MessageParams = {}): string {
  const withPlurals = template.replace(/\{(\w+), plural, ((?:\w+ \{[^{}]*\}\s*)+)\}/g, (_match, name: string, forms: string) => {
    const count = Number(params[name] ?? 0);
    const category = pluralRules[locale].select(count);
    const options = new Map([...forms.matchAll(/(\w+) \{([^{}]*)\}/g)].map((m) => [m[1], m[2] ?? '']));
    const chosen = options.get(category) ?? options.get('other') ?? '';
    return chosen.replace(/#/g, String(count));
  });
  return withPlurals.replace(/\{(\w+)\}/g, (match, name: string) => (params[name] === undefined ? match : String(params[name])));
}

/** Picks the best supported locale from an Accept-Language header (ru by default). */
export function localeFromHeader(header: string | undefined | null): Locale {
  if (!header) return 'ru';
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', q] = part.trim().split(';q=');
      return { tag: tag.toLowerCase(), q: q === undefined ? 1 : Number(q) };
    })
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    const base = tag.split('-')[0];
    if (base === 'ru' || base === 'en') return base;
  }
  return 'ru';
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

/** One formatter per time zone and pattern: building an Intl.DateTimeFormat costs far more than using it. */
function formatterFor(cache: Map<string, Intl.DateTimeFormat>, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  let format = cache.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('ru-RU', { ...options, timeZone });
    cache.set(timeZone, format);
  }
  return format;
}

/** dd.MM.yyyy in the given time zone (Russian convention; used in both languages). */
export function formatDate(value: Date | string, timeZone = 'Europe/Moscow'): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  return formatterFor(dateFormats, timeZone, { day: '2-digit', month: '2-digit', year: 'numeric' }).format(date);
}

/** dd.MM.yyyy HH:mm in the given time zone. */
export function formatDateTime(value: Date | string, timeZone = 'Europe/Moscow'): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  return formatterFor(dateTimeFormats, timeZone, { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' })
    .format(date)
    .replace(',', '');
}
