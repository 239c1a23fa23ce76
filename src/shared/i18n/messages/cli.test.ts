/**
 * The `opora` command's messages: an area of their own in the one catalogue (whose test checks
 * that every message has both languages with the same params), filled in as the command prints them.
 */
import { describe, expect, it } from 'vitest';
import { en as allEn, ru as allRu } from '../catalogue.ts';
import { translate, type MessageKey } from '../index.ts';
import { en } from './en/cli.ts';
import { ru } from './cli.ts';

const keys = Object.keys(ru) as Array<keyof typeof ru>;

describe('the cli.* messages', () => {
  it('live under cli. and are all in the one catalogue, taken by no other area', () => {
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) expect(key.startsWith('cli.')).toBe(true);
    expect(
      Object.keys(allRu)
        .filter((key) => key.startsWith('cli.'))
        .sort(),
    ).toEqual([...keys].sort());
    for (const key of keys) {
      expect(allRu[key]).toBe(ru[key]);
      expect(allEn[key]).toBe(en[key]);
    }
  });

  it('fills the params', () => {
    const params = { host: '127.0.0.1', port: 3000 };
    expect(translate('ru', 'cli.error.portInUse' satisfies MessageKey, params)).toBe(
      'Порт 3000 на 127.0.0.1 уже занят другой программой; остановите её или укажите другой порт в PORT.',
    );
    expect(translate('en', 'cli.error.portInUse', params)).toBe(
      'Port 3000 on 127.0.0.1 is already in use by another program; stop that program or set PORT to another port.',
    );
  });
});
