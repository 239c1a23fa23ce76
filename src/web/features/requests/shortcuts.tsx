import { Button, Kbd, Popover, Text } from '@mantine/core';
import { useEffect, useRef } from 'react';
import type { MessageKey } from '../../i18n/locale.tsx';
import { useT } from '../../i18n/locale.tsx';
import { shortcutKey } from './shortcut-key.ts';

/** True while the person types (inputs, text areas, editable content): single-key shortcuts stay off then. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  const type = (target as HTMLInputElement).type;
  return !['checkbox', 'radio', 'button', 'submit', 'reset', 'file'].includes(type);
}

/** A dialog or a drop-down is open: its own keys win. */
function overlayOpen(): boolean {
  // Mantine keeps closed drop-downs in the document, hidden: only a visible one counts.
  const candidates = document.querySelectorAll<HTMLElement>('[role="dialog"][aria-modal="true"], [role="listbox"]');
  return [...candidates].some((element) => element.getClientRects().length > 0);
}

/**
 * Single-key shortcuts of a page (`/`, `j`, `k`, `n`, `?`): ignored with modifiers, while typing
 * and while a dialog is open. Handlers are read at key time, so they may change on every render.
 */
export function usePageShortcuts(handlers: Partial<Record<string, (event: KeyboardEvent) => void>>): void {
  const ref = useRef(handlers);
  useEffect(() => {
    ref.current = handlers;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      if (isTypingTarget(event.target) || overlayOpen()) return;
      const handler = ref.current[shortcutKey(event, (key) => ref.current[key] !== undefined)];
      if (!handler) return;
      event.preventDefault();
      handler(event);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
}

export interface Shortcut {
  keys: string[];
  labelKey: MessageKey;
}

/** The «Клавиши» button with the page's shortcuts in a popover (also opened with `?`). */
export function ShortcutsHelp({
  shortcuts,
  opened,
  onChange,
}: {
  shortcuts: Shortcut[];
  opened: boolean;
  onChange: (opened: boolean) => void;
}) {
  const t = useT();
  return (
    <Popover opened={opened} onChange={onChange} position="bottom-end" width={340} shadow="md" withArrow trapFocus returnFocus>
      <Popover.Target>
        <Button variant="default" onClick={() => onChange(!opened)} aria-expanded={opened} aria-haspopup="dialog">
          {t('desk.shortcuts.button')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown aria-label={t('desk.shortcuts.title')}>
        <Text fw={700} mb="xs">
          {t('desk.shortcuts.title')}
        </Text>
        <dl className="rq-kbd-list">
          {shortcuts.map((shortcut) => (
            <div key={shortcut.labelKey} style={{ display: 'contents' }}>
              <dt>
                {shortcut.keys.map((key, index) => (
                  <span key={key}>
                    {index > 0 ? ' / ' : null}
                    <Kbd>{key}</Kbd>
                  </span>
                ))}
              </dt>
              <dd>{t(shortcut.labelKey)}</dd>
            </div>
          ))}
        </dl>
        <Button variant="subtle" size="xs" mt="sm" onClick={() => onChange(false)}>
          {t('web.close')}
        </Button>
      </Popover.Dropdown>
    </Popover>
  );
}
