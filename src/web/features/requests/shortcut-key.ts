/**
 * The shortcut a key press names, whatever the keyboard layout: on the Russian layout (ЙЦУКЕН),
 * which a consultant has on while writing replies, the J, K and N keys type «о», «л», «т» and the
 * slash key types «.», so the physical key (`code`) decides when the character is not a shortcut.
 */
const BY_CODE: Readonly<Record<string, string>> = { KeyJ: 'j', KeyK: 'k', KeyN: 'n' };

export function shortcutKey(event: { key: string; code: string; shiftKey: boolean }, known: (key: string) => boolean): string {
  if (known(event.key)) return event.key;
  if (event.code === 'Slash') return event.shiftKey ? '?' : '/';
  return BY_CODE[event.code] ?? event.key;
}
