/**
 * The language of the workspace. Russian first, English second; every visible text goes through
 * the shared catalogue's web part (shared/i18n/web-ru.ts, web-en.ts). Russian comes with the first
 * page; English is loaded when it is chosen (`loadLocale`), so a parent on a phone does not
 * download a language they do not read. The choice is kept in the `opora_lang` cookie, which the
 * API reads too, so server messages (errors, e-mails) come in the same language before sign-in; a
 * signed-in user's own locale (PUT /api/me/locale) wins after sign-in.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { fillTemplate, localeFromHeader, type Locale, type MessageParams } from '../../shared/i18n/format.ts';
import { webRu as catalogue, type WebMessageKey } from '../../shared/i18n/web-ru.ts';

/** A key of a text the web app shows (the server's own texts are not in the web app). */
export type MessageKey = WebMessageKey;

const catalogues: Partial<Record<Locale, Readonly<Record<MessageKey, string>>>> = { ru: catalogue };

/** Loads a language's texts once; Russian is always there. */
export async function loadLocale(locale: Locale): Promise<void> {
  if (catalogues[locale]) return;
  if (locale === 'en') catalogues.en = (await import('../../shared/i18n/web-en.ts')).webEn;
}

/** The text of `key` in `locale` (Russian while a language is not loaded yet), params filled. */
export function translate(locale: Locale, key: MessageKey, params: MessageParams = {}): string {
  return fillTemplate(locale, catalogues[locale]?.[key] ?? catalogue[key] ?? key, params);
}

export const LOCALE_COOKIE = 'opora_lang';

export function readLocaleCookie(): Locale | null {
  const match = /(?:^|;\s*)opora_lang=(ru|en)(?:;|$)/.exec(document.cookie);
  return (match?.[1] as Locale | undefined) ?? null;
}

export function writeLocaleCookie(locale: Locale): void {
  document.cookie = `${LOCALE_COOKIE}=${locale}; path=/; max-age=${60 * 60 * 24 * 365}; samesite=lax`;
}

export function initialLocale(): Locale {
  return readLocaleCookie() ?? localeFromHeader(navigator.languages?.join(',') || navigator.language);
}

/** The language chosen on this page (set by LocaleProvider), for requests that cannot rely on the cookie. */
let shown: Locale | null = null;

/**
 * The language the page shows now. The public form inside a school's site runs in a third-party
 * iframe, where browsers may neither send nor keep the language cookie: its requests name the
 * language themselves, so the server's messages, the consent text and the e-mails follow the page.
 */
export function shownLocale(): Locale {
  return shown ?? initialLocale();
}

interface LocaleContextValue {
  locale: Locale;
  setLocale: (locale: Locale) => void;
}

const LocaleContext = createContext<LocaleContextValue | null>(null);

export function LocaleProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  const setLocale = useCallback((next: Locale) => {
    writeLocaleCookie(next);
    // Shown once its texts are here; a failed load (offline) keeps the current language.
    loadLocale(next).then(
      () => {
        shown = next;
        setLocaleState(next);
      },
      () => undefined,
    );
  }, []);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  const value = useMemo(() => ({ locale, setLocale }), [locale, setLocale]);
  return <LocaleContext.Provider value={value}>{children}</LocaleContext.Provider>;
}

export function useLocale(): LocaleContextValue {
  const value = useContext(LocaleContext);
  if (!value) throw new Error('useLocale() needs <LocaleProvider>');
  return value;
}

export type Translate = (key: MessageKey, params?: MessageParams) => string;

/** `const t = useT(); t('web.nav.home')` — the translation function of the current language. */
export function useT(): Translate {
  const { locale } = useLocale();
  return useCallback((key: MessageKey, params?: MessageParams) => translate(locale, key, params), [locale]);
}

/** True when the catalogue has this key (for codes coming from data, e.g. audit actions). */
export function hasMessage(key: string): key is MessageKey {
  return Object.hasOwn(catalogue, key);
}

/** The codes the catalogue labels under `prefix` (e.g. every audit action with a text), sorted. */
export function labelledCodes(prefix: string): string[] {
  return Object.keys(catalogue)
    .filter((key) => key.startsWith(prefix))
    .map((key) => key.slice(prefix.length))
    .sort();
}

/** Translates `key` when the catalogue has it, else returns `fallback` (codes from data). */
export function translateKnown(t: Translate, key: string, fallback: string): string {
  return hasMessage(key) ? t(key) : fallback;
}
