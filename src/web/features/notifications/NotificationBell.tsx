import { ActionIcon, Box, Button, Group, Loader, Popover, ScrollArea, Text, UnstyledButton } from '@mantine/core';
import { useState, type MouseEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useT } from '../../i18n/locale.tsx';
import { useMarkAllRead, useMarkRead, useNotificationList, useUnreadCount, type AppNotification } from './notifications-api.ts';
import './notifications.css';
import { useSignedIn, useSwitchMembership, useWorkspaceFormat } from '../../api/me.ts';

function BellIcon() {
  return (
    <svg
      width="20"
      height="20"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
      <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
    </svg>
  );
}

/**
 * The bell in the workspace header: the number of unread notifications (new requests,
 * assignments, replies of requesters, deadline reminders, breach escalations) and, on click,
 * the latest ones; each links to its request and is marked read when opened.
 */
export function NotificationBell() {
  const t = useT();
  const [opened, setOpened] = useState(false);
  const unread = useUnreadCount();
  const list = useNotificationList(opened);
  const markAll = useMarkAllRead();
  const count = unread.data?.unread ?? 0;
  const shown = count > 99 ? '99+' : String(count);

  return (
    <Box pos="relative" style={{ display: 'inline-flex' }}>
      <Popover opened={opened} onChange={setOpened} position="bottom-end" width={380} shadow="md" withArrow trapFocus returnFocus>
        <Popover.Target>
          <ActionIcon
            variant="default"
            size="lg"
            radius="xl"
            onClick={() => setOpened((o) => !o)}
            aria-label={count > 0 ? t('desk.notify.bellUnread', { count }) : t('desk.notify.bell')}
            aria-haspopup="dialog"
            data-testid="notification-bell"
          >
            <BellIcon />
          </ActionIcon>
        </Popover.Target>
        <Popover.Dropdown p={0} aria-label={t('desk.notify.title')} maw="calc(100vw - 16px)">
          <Group justify="space-between" px="md" py="sm" gap="xs" className="nt-header">
            <Text fw={700}>{t('desk.notify.title')}</Text>
            <Button variant="subtle" size="xs" onClick={() => markAll.mutate()} disabled={count === 0} loading={markAll.isPending}>
              {t('desk.notify.readAll')}
            </Button>
          </Group>
          <ErrorAlert error={list.error ?? markAll.error} />
          {list.isPending ? (
            <Group justify="center" p="md">
              <Loader size="sm" aria-label={t('web.loading')} />
            </Group>
          ) : null}
          {list.data && list.data.items.length === 0 ? (
            <Text px="md" py="lg" c="dimmed" size="sm">
              {t('desk.notify.empty')}
            </Text>
          ) : null}
          {list.data && list.data.items.length > 0 ? (
            <ScrollArea.Autosize mah={440} type="auto">
              <ul className="nt-list" aria-label={t('desk.notify.title')}>
                {list.data.items.map((item) => (
                  <NotificationItem key={item.id} item={item} onOpen={() => setOpened(false)} />
                ))}
              </ul>
            </ScrollArea.Autosize>
          ) : null}
        </Popover.Dropdown>
      </Popover>
      {count > 0 ? (
        <span className="nt-count" aria-hidden="true">
          {shown}
        </span>
      ) : null}
    </Box>
  );
}

function NotificationItem({ item, onOpen }: { item: AppNotification; onOpen: () => void }) {
  const format = useWorkspaceFormat();
  const t = useT();
  const me = useSignedIn();
  const navigate = useNavigate();
  const switchMembership = useSwitchMembership();
  const markRead = useMarkRead();
  const unread = item.readAt === null;
  // A notice of another organisation the user belongs to (a consultant at two schools): its
  // request opens as a member there, so the membership is switched first.
  const elsewhere =
    item.organizationId !== null && item.organizationId !== me.membership?.organizationId
      ? (me.memberships.find((m) => m.organizationId === item.organizationId) ?? null)
      : null;
  const open = (event?: MouseEvent) => {
    if (unread) markRead.mutate(item.id);
    onOpen();
    if (elsewhere && item.link?.startsWith('/')) {
      event?.preventDefault();
      const link = item.link;
      switchMembership.mutate(elsewhere.id, { onSuccess: () => void navigate(link) });
    }
  };
  const content = (
    <>
      <Text size="sm" fw={unread ? 700 : 400} className="break-anywhere">
        {unread ? <span className="nt-dot" aria-hidden="true" /> : null}
        {unread ? <span className="nt-sr">{t('desk.notify.unread')}: </span> : null}
        {item.title}
      </Text>
      {item.body ? (
        <Text size="xs" c="dimmed" className="break-anywhere">
          {item.body}
        </Text>
      ) : null}
      <Text size="xs" c="dimmed">
        <time dateTime={item.createdAt}>{format.dateTime(item.createdAt)}</time>
        {elsewhere ? ` · ${elsewhere.organizationShortName}` : null}
      </Text>
    </>
  );
  return (
    <li className="nt-item" data-unread={unread || undefined} data-testid="notification-item">
      {item.link?.startsWith('/') ? (
        <UnstyledButton component={Link} to={item.link} onClick={open} className="nt-link">
          {content}
        </UnstyledButton>
      ) : (
        <UnstyledButton onClick={open} className="nt-link">
          {content}
        </UnstyledButton>
      )}
    </li>
  );
}
