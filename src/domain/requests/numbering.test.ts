import { describe, expect, it } from 'vitest';
import { formatRequestNumber, isValidNumberPrefix, normalizeRequestNumber, parseRequestNumber } from './numbering.ts';
import { defaultNumberPrefix } from './taxonomy.ts';

describe('request numbers', () => {
  it.each([
    ['27', 2026, 42, '27-26-00042'],
    ['27', 2027, 1, '27-27-00001'],
    ['ШП', 2026, 99_999, 'ШП-26-99999'],
    ['SUP', 2030, 123_456, 'SUP-30-123456'],
    ['A1', 2000, 7, 'A1-00-00007'],
  ])('%s / %i / %i → %s', (prefix, year, sequence, expected) => {
    expect(formatRequestNumber(prefix, year, sequence)).toBe(expected);
  });

  it.each([
    ['', 2026, 1],
    ['27-', 2026, 1],
    ['ОЧЕНЬДЛИННЫЙП', 2026, 1],
    ['27', 1999, 1],
    ['27', 2026, 0],
    ['27', 2026, 1.5],
  ])('refuses prefix "%s", year %i, sequence %d', (prefix, year, sequence) => {
    expect(() => formatRequestNumber(prefix, year, sequence)).toThrow(RangeError);
  });

  it('validates prefixes', () => {
    expect(isValidNumberPrefix('27')).toBe(true);
    expect(isValidNumberPrefix('Шк27')).toBe(true);
    expect(isValidNumberPrefix('27 ')).toBe(false);
    expect(isValidNumberPrefix('a/b')).toBe(false);
  });

  it('parses and normalises typed numbers for search', () => {
    expect(parseRequestNumber('27-26-00042')).toEqual({ prefix: '27', yearTwoDigits: 26, sequence: 42 });
    expect(normalizeRequestNumber(' 27 - 26 - 42 ')).toBe('27-26-00042');
    expect(normalizeRequestNumber('шп-26-7')).toBe('ШП-26-00007');
    expect(normalizeRequestNumber('Иванова')).toBeNull();
    expect(normalizeRequestNumber('27-26-0')).toBeNull();
    expect(normalizeRequestNumber('27-2026-1')).toBeNull();
  });

  it('takes the default prefix from the digits of the school name', () => {
    expect(defaultNumberPrefix('МБОУ СОШ №27')).toBe('27');
    expect(defaultNumberPrefix('Гимназия 1 им. Пушкина')).toBe('1');
    expect(defaultNumberPrefix('Служба поддержки Школьного портала')).toBe('R');
  });
});
