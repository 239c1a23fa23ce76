/**
 * The one catalogue: every message has a Russian and an English text, and both use the same
 * {params} (a param missing from one language would show as "{name}" there, or not at all).
 */
import { describe, expect, it } from 'vitest';
import { en, ru, type MessageKey } from './catalogue.ts';

/** The names of a template's {param}s and {param, plural, …} forms. */
function paramsOf(template: string): string[] {
  const names = new Set<string>();
  const withoutPlurals = template.replace(/\{(\w+), plural, ((?:\w+ \{[^{}]*\}\s*)+)\}/g, (_match, name: string) => {
    names.add(name);
    return '';
  });
  for (const match of withoutPlurals.matchAll(/\{(\w+)\}/g)) names.add(match[1]!);
  return [...names].sort();
}

describe('the message catalogue', () => {
  it('reads the params of plain and plural templates', () => {
    expect(paramsOf('Найдено: {n, plural, one {# обращение} other {# обращений}} у {name}')).toEqual(['n', 'name']);
    expect(paramsOf('Без параметров')).toEqual([]);
  });

  it.each(Object.keys(ru) as MessageKey[])('%s has non-empty Russian and English texts with the same params', (key) => {
    expect(ru[key].trim()).not.toBe('');
    expect(en[key].trim()).not.toBe('');
    expect(paramsOf(en[key])).toEqual(paramsOf(ru[key]));
  });
});
