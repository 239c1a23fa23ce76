import { describe, expect, it } from 'vitest';
import { shortcutKey } from './shortcut-key.ts';

const known = (key: string) => ['/', 'j', 'k', 'n', '?'].includes(key);

describe('the shortcut of a key press', () => {
  it('is the character on the Latin layout', () => {
    expect(shortcutKey({ key: 'j', code: 'KeyJ', shiftKey: false }, known)).toBe('j');
    expect(shortcutKey({ key: '?', code: 'Slash', shiftKey: true }, known)).toBe('?');
  });

  it('is the physical key on the Russian layout', () => {
    expect(shortcutKey({ key: 'о', code: 'KeyJ', shiftKey: false }, known)).toBe('j');
    expect(shortcutKey({ key: 'л', code: 'KeyK', shiftKey: false }, known)).toBe('k');
    expect(shortcutKey({ key: 'т', code: 'KeyN', shiftKey: false }, known)).toBe('n');
    expect(shortcutKey({ key: '.', code: 'Slash', shiftKey: false }, known)).toBe('/');
    expect(shortcutKey({ key: ',', code: 'Slash', shiftKey: true }, known)).toBe('?');
    // «?» is Shift+7 there: the character itself is the shortcut.
    expect(shortcutKey({ key: '?', code: 'Digit7', shiftKey: true }, known)).toBe('?');
  });

  it('leaves other keys alone', () => {
    expect(shortcutKey({ key: 'ф', code: 'KeyA', shiftKey: false }, known)).toBe('ф');
  });
});
