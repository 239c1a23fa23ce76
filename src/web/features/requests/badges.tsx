import { Badge, type MantineSize } from '@mantine/core';
import { formatDateTime } from '../../../shared/i18n/format.ts';
import { useT, type Translate } from '../../i18n/locale.tsx';
import type { BadgeState, DeadlineBadgeView } from './requests-api.ts';

const LABEL_STYLES = { label: { overflow: 'visible' } };

/** Colour and a mark, so the state does not rest on colour alone. */
const BADGE_LOOK: Record<BadgeState, { color: string; variant: 'light' | 'filled' | 'outline'; mark: string }> = {
  on_track: { color: 'green', variant: 'light', mark: '●' },
  due_soon: { color: 'orange', variant: 'light', mark: '◐' },
  overdue: { color: 'red', variant: 'filled', mark: '!' },
  paused: { color: 'gray', variant: 'light', mark: '❚❚' },
  met: { color: 'teal', variant: 'outline', mark: '✓' },
  missed: { color: 'red', variant: 'outline', mark: '✗' },
};

export { StatusBadge } from '../../components/StatusBadge.tsx';

export function DeadlineBadge({ badge, size = 'md' }: { badge: DeadlineBadgeView; size?: MantineSize }) {
  const t = useT();
  const look = BADGE_LOOK[badge.state];
  return (
    <Badge
      color={look.color}
      variant={look.variant}
      size={size}
      radius="sm"
      styles={LABEL_STYLES}
      data-deadline={badge.state}
      leftSection={<span aria-hidden="true">{look.mark}</span>}
    >
      {t(`requests.badge.${badge.state}`)}
    </Badge>
  );
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** "осталось 2 дня" / "просрочено на 5 ч" — how far the deadline is, in days or hours. */
export function remainingText(remainingMs: number | null, t: Translate): string | null {
  if (remainingMs === null) return null;
  const span = Math.abs(remainingMs);
  const amount =
    span >= DAY ? t('desk.span.days', { n: Math.floor(span / DAY) }) : t('desk.span.hours', { n: Math.max(1, Math.floor(span / HOUR)) });
  return remainingMs < 0 ? t('desk.deadline.overdueBy', { span: amount }) : t('desk.deadline.left', { span: amount });
}

/** The deadline a queue row shows: the date on the organisation's clock (`timeZone`), and how far it is. */
export function deadlineText(badge: DeadlineBadgeView, t: Translate, timeZone: string): string {
  // The badge already says the clock is stopped; the line says until when.
  if (!badge.dueAt) return badge.state === 'paused' ? t('desk.deadline.untilReply') : t('requests.noDeadline');
  const remaining = remainingText(badge.remainingMs, t);
  const date = formatDateTime(badge.dueAt, timeZone);
  return remaining ? `${date} · ${remaining}` : date;
}
