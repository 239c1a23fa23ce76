import { Text } from '@mantine/core';
import type { KeyboardEvent, RefObject } from 'react';
import { Link } from 'react-router';
import { useT } from '../../i18n/locale.tsx';
import { zoneOf } from '../../i18n/time-zone.ts';
import { DeadlineBadge, StatusBadge, deadlineText } from './badges.tsx';
import type { QueueItem } from './requests-api.ts';

/**
 * The queue: one row per request, sorted by deadline by the server. A table-like grid where the
 * list is wide enough (container query in requests.css), cards on narrow screens. Every row is
 * one link (the whole row is clickable); ↑/↓ and j/k move between rows, Enter opens.
 */
export function QueueList({
  items,
  listRef,
  linkState,
}: {
  items: QueueItem[];
  listRef: RefObject<HTMLUListElement | null>;
  linkState: unknown;
}) {
  const t = useT();
  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    moveFocus(listRef.current, event.key === 'ArrowDown' ? 1 : -1);
  };
  return (
    <div className="rq-container">
      <div className="rq-head" aria-hidden="true">
        <span>{t('desk.col.request')}</span>
        <span>{t('desk.col.requester')}</span>
        <span>{t('desk.col.category')}</span>
        <span>{t('desk.col.status')}</span>
        <span>{t('desk.col.deadline')}</span>
        <span>{t('desk.col.assignee')}</span>
      </div>
      <ul className="rq-list" ref={listRef} aria-label={t('desk.queue.listLabel')} onKeyDown={onKeyDown}>
        {items.map((item) => (
          <QueueRow key={item.id} item={item} linkState={linkState} />
        ))}
      </ul>
    </div>
  );
}

function QueueRow({ item, linkState }: { item: QueueItem; linkState: unknown }) {
  const t = useT();
  const requesterKind = t(item.requester.kind === 'parent' ? 'desk.kind.parentShort' : 'desk.kind.staffShort');
  return (
    <li className="rq-row" data-testid="queue-row" data-deadline={item.badge.state}>
      <div className="rq-main">
        <Link className="rq-link" to={`/requests/${item.id}`} state={linkState} data-queue-link>
          <span className="rq-number">{item.number}</span>
          <span className="rq-subject">{item.anonymizedAt ? t('desk.anonymized.subject') : item.subject}</span>
        </Link>
      </div>
      <div className="rq-requester">
        <span className="rq-sr">{t('desk.col.requester')}: </span>
        {item.anonymizedAt ? (
          <Text component="span" size="sm" c="dimmed">
            {t('desk.anonymized.queue')}
          </Text>
        ) : (
          <span className="break-anywhere">{item.requester.name}</span>
        )}
        <Text component="span" size="xs" c="dimmed" display="block">
          {requesterKind}
          {item.requester.childClass ? ` · ${t('desk.childClassShort', { class: item.requester.childClass })}` : ''}
        </Text>
      </div>
      <div className="rq-category">
        <span className="rq-sr">{t('desk.col.category')}: </span>
        {item.category ? (
          <>
            <Text component="span" size="xs" c="dimmed" className="rq-code">
              {item.category.code}
            </Text>{' '}
            {item.category.name}
          </>
        ) : (
          <Text component="span" size="sm" c="dimmed">
            {t('desk.noCategory')}
          </Text>
        )}
      </div>
      <div className="rq-status">
        <span className="rq-sr">{t('desk.col.status')}: </span>
        <StatusBadge status={item.status} size="sm" />
      </div>
      <div className="rq-deadline">
        <span className="rq-sr">{t('desk.col.deadline')}: </span>
        <DeadlineBadge badge={item.badge} size="sm" />
        <Text component="span" size="xs" c="dimmed" display="block">
          {deadlineText(item.badge, t, zoneOf(item))}
        </Text>
      </div>
      <div className="rq-assignee">
        <span className="rq-card-label">{t('desk.col.assignee')}: </span>
        {item.assignee ? (
          <span className="break-anywhere">{item.assignee.name}</span>
        ) : (
          <Text component="span" size="sm" c="dimmed">
            {t('requests.unassigned')}
          </Text>
        )}
      </div>
    </li>
  );
}

/** Moves keyboard focus to the next (+1) or previous (−1) row link; from outside the list, to the first. */
export function moveFocus(list: HTMLUListElement | null, step: 1 | -1): void {
  if (!list) return;
  const links = [...list.querySelectorAll<HTMLAnchorElement>('a[data-queue-link]')];
  if (links.length === 0) return;
  const current = links.findIndex((link) => link === document.activeElement);
  const next = current === -1 ? (step === 1 ? 0 : links.length - 1) : Math.min(links.length - 1, Math.max(0, current + step));
  links[next]?.focus();
  links[next]?.closest('li')?.scrollIntoView({ block: 'nearest' });
}
