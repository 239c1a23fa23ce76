/**
 * The web app's catalogue: every text of the one catalogue except the server's own (the `opora`
 * command, the act's PDF), in both languages; English only once it is loaded.
 */
import { describe, expect, it } from 'vitest';
import { en as allEn, ru as allRu } from '../../shared/i18n/catalogue.ts';
import { webEn } from '../../shared/i18n/web-en.ts';
import { webRu } from '../../shared/i18n/web-ru.ts';
import { hasMessage, loadLocale, translate } from './locale.tsx';

const SERVER_ONLY = /^(cli|act)\./;

describe('the web catalogue', () => {
  it('has every text of the one catalogue but the server’s own, the same in both', () => {
    const webKeys = Object.keys(webRu).sort();
    expect(webKeys).toEqual(
      Object.keys(allRu)
        .filter((key) => !SERVER_ONLY.test(key))
        .sort(),
    );
    expect(Object.keys(webEn).sort()).toEqual(webKeys);
    for (const key of webKeys as Array<keyof typeof webRu>) {
      expect(webRu[key]).toBe(allRu[key]);
      expect(webEn[key]).toBe(allEn[key]);
    }
    expect(Object.keys(allRu).filter((key) => SERVER_ONLY.test(key)).length).toBeGreaterThan(100);
    expect(hasMessage('cli.usage')).toBe(false);
    expect(hasMessage('web.nav.home')).toBe(true);
  });

  it('shows Russian until English is loaded, then English', async () => {
    expect(translate('ru', 'count.requests', { count: 3 })).toBe('3 обращения');
    expect(translate('en', 'web.nav.home')).toBe(webRu['web.nav.home']);
    await loadLocale('en');
    expect(translate('en', 'web.nav.home')).toBe('Home');
    expect(translate('en', 'count.requests', { count: 1 })).toBe('1 request');
    expect(translate('ru', 'web.nav.home')).toBe('Главная');
  });
});
