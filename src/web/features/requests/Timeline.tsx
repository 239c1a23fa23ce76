import { Anchor, Badge, Box, Group, Text } from '@mantine/core';
import { formatDateTime } from '../../../shared/i18n/format.ts';
import { fileSizeText } from '../../components/ChosenFiles.tsx';
import { translateKnown, useT, type Translate } from '../../i18n/locale.tsx';
import type { Attachment, CategoryNode, Delivery, TimelineEvent } from './requests-api.ts';

const str = (value: unknown): string | null => (typeof value === 'string' && value.length > 0 ? value : null);

function statusName(value: unknown, t: Translate): string {
  const status = str(value);
  return status ? translateKnown(t, `requests.status.${status}`, status) : '—';
}

function categoryName(id: unknown, categories: Map<string, string>, t: Translate): string {
  const key = str(id);
  return key ? (categories.get(key) ?? t('desk.event.unknownCategory')) : t('desk.noCategory');
}

function dateOrPaused(value: unknown, t: Translate, timeZone: string): string {
  const iso = str(value);
  return iso ? formatDateTime(iso, timeZone) : t('requests.noDeadline');
}

/** The heading of a timeline entry, in the reader's language, from the event's type and metadata. */
function eventTitle(event: TimelineEvent, categories: Map<string, string>, t: Translate, timeZone: string): string {
  const m = event.metadata;
  switch (event.type) {
    case 'created': {
      const channel = str(m.channel);
      return channel
        ? `${t('requests.event.created')} · ${translateKnown(t, `requests.channel.${channel}`, channel)}`
        : t('requests.event.created');
    }
    case 'status_changed':
      return t('requests.event.status_changed', { from: statusName(m.from, t), to: statusName(m.to, t) });
    case 'assigned':
      return t('desk.event.assignedTo', { name: str(m.toName) ?? '—' });
    case 'classification_changed': {
      const before = (m.before ?? {}) as Record<string, unknown>;
      const after = (m.after ?? {}) as Record<string, unknown>;
      const parts: string[] = [];
      if ('type' in after)
        parts.push(
          t('desk.event.typeChange', {
            from: translateKnown(t, `requests.type.${String(before.type)}`, String(before.type)),
            to: translateKnown(t, `requests.type.${String(after.type)}`, String(after.type)),
          }),
        );
      if ('categoryId' in after)
        parts.push(
          t('desk.event.categoryChange', {
            from: categoryName(before.categoryId, categories, t),
            to: categoryName(after.categoryId, categories, t),
          }),
        );
      return parts.length > 0
        ? `${t('requests.event.classification_changed')}: ${parts.join('; ')}`
        : t('requests.event.classification_changed');
    }
    case 'deadline_changed':
      return t('desk.event.deadlineChanged', { from: dateOrPaused(m.from, t, timeZone), to: dateOrPaused(m.to, t, timeZone) });
    case 'legal_term_extended':
      return t('desk.event.legalExtended', { from: dateOrPaused(m.from, t, timeZone), to: dateOrPaused(m.to, t, timeZone) });
    case 'escalated': {
      const recipients = Array.isArray(m.recipients) ? (m.recipients as unknown[]).map(String).join(', ') : '';
      return recipients ? `${t('requests.event.escalated')} (${recipients})` : t('requests.event.escalated');
    }
    case 'anonymized': {
      // Why: the desk's retention period ended, or the person demanded it (152-FZ art. 21).
      const reason = str(m.reason);
      return reason
        ? `${t('requests.event.anonymized')}: ${translateKnown(t, `desk.anonymized.reason.${reason}`, reason)}`
        : t('requests.event.anonymized');
    }
    default:
      return translateKnown(t, `requests.event.${event.type}`, event.type);
  }
}

function actorText(event: TimelineEvent, t: Translate): string {
  if (event.actor.kind === 'system') return t('desk.actor.system');
  if (event.actor.kind === 'requester')
    return event.actor.name ? t('desk.actor.requesterNamed', { name: event.actor.name }) : t('desk.actor.requester');
  return event.actor.name ?? t('desk.actor.staff');
}

const DELIVERY_COLORS: Record<string, string> = { sent: 'green', failed: 'red', pending: 'gray' };

function Deliveries({ items, timeZone }: { items: Delivery[]; timeZone: string }) {
  const t = useT();
  if (items.length === 0) return null;
  return (
    <Box component="ul" m={0} mt="xs" p={0} style={{ listStyle: 'none' }} aria-label={t('desk.delivery.label')}>
      {items.map((delivery) => (
        <li key={delivery.id}>
          <Group gap={6} wrap="wrap">
            <Badge size="sm" variant="light" color={DELIVERY_COLORS[delivery.status] ?? 'gray'} radius="sm" data-delivery={delivery.status}>
              {translateKnown(t, `requests.delivery.${delivery.status}`, delivery.status)}
            </Badge>
            <Text size="xs" c="dimmed" className="break-anywhere">
              {delivery.sentAt
                ? t('desk.delivery.toAt', { to: delivery.to, at: formatDateTime(delivery.sentAt, timeZone) })
                : t(delivery.status === 'failed' ? 'desk.delivery.failedTo' : 'desk.delivery.to', { to: delivery.to })}
              {delivery.status === 'failed' && delivery.lastError ? ` — ${translateKnown(t, delivery.lastError, delivery.lastError)}` : ''}
            </Text>
          </Group>
        </li>
      ))}
    </Box>
  );
}

export function Attachments({ items }: { items: Attachment[] }) {
  const t = useT();
  if (items.length === 0) return null;
  return (
    <Box component="ul" m={0} mt="xs" pl="md" aria-label={t('desk.attachments')}>
      {items.map((file) => (
        <li key={file.id}>
          <Anchor href={file.url} download={file.fileName} size="sm" className="break-anywhere">
            {file.fileName} ({fileSizeText(file.sizeBytes, t)})
          </Anchor>
        </li>
      ))}
    </Box>
  );
}

function isMessage(event: TimelineEvent): boolean {
  return event.body !== null || event.attachments.length > 0 || ['reply', 'note', 'requester_reply'].includes(event.type);
}

/**
 * The history of a request, oldest first: messages as cards (the requester's, the desk's public
 * ones, and internal notes — marked and coloured differently, since the requester never sees
 * them), status changes, assignments and deadline events as short lines, with the e-mail
 * delivery of everything that was sent. Dates are on the organisation's clock (`timeZone`).
 */
export function Timeline({
  events,
  categories,
  timeZone,
}: {
  events: TimelineEvent[];
  categories: readonly CategoryNode[] | undefined;
  timeZone: string;
}) {
  const t = useT();
  const names = new Map<string, string>();
  for (const top of categories ?? []) {
    names.set(top.id, `${top.code} ${top.name}`);
    for (const child of top.children) names.set(child.id, `${child.code} ${child.name}`);
  }
  return (
    <ol className="rq-timeline" aria-label={t('desk.request.history')}>
      {events.map((event) => {
        const internal = event.visibility === 'internal';
        const title = eventTitle(event, names, t, timeZone);
        const meta = (
          <Text size="xs" c="dimmed">
            {actorText(event, t)} · <time dateTime={event.createdAt}>{formatDateTime(event.createdAt, timeZone)}</time>
          </Text>
        );
        if (!isMessage(event)) {
          return (
            <li key={event.id} className="rq-event-line" data-event={event.type}>
              <Text size="sm" component="span" fw={500}>
                {title}
              </Text>{' '}
              {meta}
              <Deliveries items={event.deliveries} timeZone={timeZone} />
            </li>
          );
        }
        const kind = internal ? 'internal' : event.actor.kind === 'requester' ? 'requester' : 'staff';
        const reason = str(event.metadata.reason);
        return (
          <li key={event.id} className="rq-event" data-kind={kind} data-event={event.type} data-testid="timeline-message">
            <Group justify="space-between" gap="xs" align="flex-start">
              <Text fw={600} size="sm" component="h3" m={0}>
                {title}
              </Text>
              {internal ? (
                <Badge color="yellow" variant="light" radius="sm" size="sm">
                  {t('desk.internalBadge')}
                </Badge>
              ) : kind === 'staff' ? (
                <Badge color="gray" variant="light" radius="sm" size="sm">
                  {t('desk.publicBadge')}
                </Badge>
              ) : null}
            </Group>
            {meta}
            {reason ? (
              <Text size="sm" mt={4}>
                <strong>{t('desk.event.reason')}:</strong> {translateKnown(t, `requests.rejectReason.${reason}`, reason)}
              </Text>
            ) : null}
            {event.body ? <p className="rq-body">{event.body}</p> : null}
            <Attachments items={event.attachments} />
            <Deliveries items={event.deliveries} timeZone={timeZone} />
          </li>
        );
      })}
    </ol>
  );
}
