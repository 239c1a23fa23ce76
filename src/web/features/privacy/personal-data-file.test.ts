/** The personal-data export's pure helpers and its texts' Russian plural forms. */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadLocale, translate } from '../../i18n/locale.tsx';

beforeAll(() => loadLocale('en'));
import { defaultFileName, documentText, erasureOf, fileNameFromDisposition, summaryOf } from './personal-data-file.ts';

const FALLBACK = 'opora-personal-data-2026-01-01.json';

describe('fileNameFromDisposition', () => {
  it('reads the quoted file name the server sends', () => {
    expect(fileNameFromDisposition('attachment; filename="opora-personal-data-2026-03-14.json"', FALLBACK)).toBe(
      'opora-personal-data-2026-03-14.json',
    );
  });

  it('reads a bare file name and ignores the case of the parameter', () => {
    expect(fileNameFromDisposition('attachment; FileName=data.json; size=10', FALLBACK)).toBe('data.json');
  });

  it('prefers the RFC 5987 filename* (UTF-8, percent-encoded) over the plain one', () => {
    expect(
      fileNameFromDisposition(`attachment; filename="data.json"; filename*=UTF-8''%D0%B4%D0%B0%D0%BD%D0%BD%D1%8B%D0%B5.json`, FALLBACK),
    ).toBe('данные.json');
  });

  it('falls back to the plain name when filename* is broken', () => {
    expect(fileNameFromDisposition(`attachment; filename*=UTF-8''%E0%A4%A; filename="plain.json"`, FALLBACK)).toBe('plain.json');
  });

  it('unescapes quoted characters', () => {
    expect(fileNameFromDisposition('attachment; filename="a \\"b\\".json"', FALLBACK)).toBe('a b.json');
  });

  it('never lets a name reach outside the downloads folder', () => {
    expect(fileNameFromDisposition('attachment; filename="../../etc/passwd"', FALLBACK)).toBe('passwd');
    expect(fileNameFromDisposition('attachment; filename="C:\\\\Windows\\\\x.json"', FALLBACK)).toBe('x.json');
    expect(fileNameFromDisposition('attachment; filename=".."', FALLBACK)).toBe(FALLBACK);
  });

  it('uses the fallback without a header or without a file name in it', () => {
    expect(fileNameFromDisposition(null, FALLBACK)).toBe(FALLBACK);
    expect(fileNameFromDisposition(undefined, FALLBACK)).toBe(FALLBACK);
    expect(fileNameFromDisposition('', FALLBACK)).toBe(FALLBACK);
    expect(fileNameFromDisposition('attachment', FALLBACK)).toBe(FALLBACK);
    expect(fileNameFromDisposition('attachment; filename=""', FALLBACK)).toBe(FALLBACK);
  });
});

describe('defaultFileName', () => {
  it('names the file by the date in Moscow', () => {
    // 22:30 UTC on 31 December is already 1 January in Moscow (UTC+3).
    expect(defaultFileName(new Date('2025-12-31T22:30:00Z'))).toBe('opora-personal-data-2026-01-01.json');
    expect(defaultFileName(new Date('2026-03-14T09:00:00Z'))).toBe('opora-personal-data-2026-03-14.json');
  });
});

describe('summaryOf and documentText', () => {
  it('counts accounts and requests', () => {
    expect(summaryOf({ accounts: [], requests: [] })).toEqual({ accounts: 0, requests: 0 });
    const doc = { accounts: [{}], requests: [{}, {}, {}] } as unknown as Parameters<typeof summaryOf>[0];
    expect(summaryOf(doc)).toEqual({ accounts: 1, requests: 3 });
  });

  it('tells which requests a demand to destroy the data would erase now and which are still open', () => {
    const request = (status: string, anonymizedAt: string | null = null) => ({ status, anonymizedAt });
    const doc = {
      requests: [request('closed'), request('rejected'), request('closed', '2026-01-01T00:00:00Z'), request('new'), request('resolved')],
    } as unknown as Parameters<typeof erasureOf>[0];
    expect(erasureOf(doc)).toEqual({ finished: 2, open: 2 });
    expect(erasureOf({ requests: [] })).toEqual({ finished: 0, open: 0 });
  });

  it('writes indented JSON that reads back the same', () => {
    const doc = { format: 'opora.personal-data/1', requests: [{ subject: 'Оценки' }] };
    const text = documentText(doc);
    expect(text.endsWith('\n')).toBe(true);
    expect(text).toContain('\n  "requests": [');
    expect(JSON.parse(text)).toEqual(doc);
  });
});

describe('the personal-data texts', () => {
  it('says the summary with Russian plural forms', () => {
    const found = (accounts: number, requests: number) => translate('ru', 'privacy.export.found', { accounts, requests });
    expect(found(1, 1)).toBe('Найдено: 1 учётная запись и 1 обращение.');
    expect(found(2, 3)).toBe('Найдено: 2 учётные записи и 3 обращения.');
    expect(found(0, 5)).toBe('Найдено: 0 учётных записей и 5 обращений.');
    expect(found(21, 11)).toBe('Найдено: 21 учётная запись и 11 обращений.');
    expect(translate('en', 'privacy.export.found', { accounts: 1, requests: 2 })).toBe('Found: 1 account and 2 requests.');
  });

  it('says the retention term in days', () => {
    expect(translate('ru', 'privacy.retention.days', { days: 1825 })).toContain('через 1825 дней после закрытия');
    expect(translate('ru', 'privacy.retention.days', { days: 31 })).toContain('через 31 день');
  });
});
