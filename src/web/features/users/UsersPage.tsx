import { Badge, Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useUsers, type AdminUser } from '../../api/users.ts';
import { ResponsiveModal } from '../../components/ResponsiveModal.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PageLoader } from '../../components/StatusPages.tsx';
import { useT } from '../../i18n/locale.tsx';
import { NewUserForm } from './NewUserForm.tsx';
import { UserEditor } from './UserEditor.tsx';
import { useWorkspaceFormat } from '../../api/me.ts';

/** Users of the admin's subtree: search, create, edit, (de)activate, memberships. */
export function UsersPage() {
  const t = useT();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const users = useUsers(debounced);
  const [creating, setCreating] = useState(false);
  const [editingId, setEditingId] = useState<string | null>(null);
  const list = users.data?.pages.flat() ?? [];
  const editing = list.find((user) => user.id === editingId) ?? null;

  return (
    <Stack maw={1100}>
      <PageHeader
        title={t('web.nav.users')}
        lead={t('web.users.lead')}
        actions={<Button onClick={() => setCreating(true)}>{t('web.users.create')}</Button>}
      />
      <TextInput
        label={t('web.users.search')}
        type="search"
        value={search}
        onChange={(event) => setSearch(event.currentTarget.value)}
        maw={480}
      />
      <ErrorAlert error={users.error} />
      {users.isPending ? <PageLoader /> : null}
      {users.data ? (
        <>
          <Text size="sm" c="dimmed" role="status" aria-live="polite">
            {t('web.users.shown', { count: list.length })}
          </Text>
          {list.length === 0 ? <Text>{t('web.users.none')}</Text> : null}
          <Stack component="ul" gap="sm" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={t('web.nav.users')}>
            {list.map((user) => (
              <UserRow key={user.id} user={user} onEdit={() => setEditingId(user.id)} />
            ))}
          </Stack>
          {users.hasNextPage ? (
            <Group>
              <Button variant="default" onClick={() => void users.fetchNextPage()} loading={users.isFetchingNextPage}>
                {t('web.loadMore')}
              </Button>
            </Group>
          ) : null}
        </>
      ) : null}
      <ResponsiveModal opened={creating} onClose={() => setCreating(false)} title={t('web.users.create')}>
        <NewUserForm
          onCancel={() => setCreating(false)}
          onCreated={(user) => {
            setCreating(false);
            notifications.show({ color: 'green', message: t('web.users.created', { name: user.fullName }) });
          }}
        />
      </ResponsiveModal>
      <ResponsiveModal opened={editing !== null} onClose={() => setEditingId(null)} title={editing?.fullName ?? ''}>
        {editing ? <UserEditor key={editing.id} user={editing} onDone={() => setEditingId(null)} /> : null}
      </ResponsiveModal>
    </Stack>
  );
}

function UserRow({ user, onEdit }: { user: AdminUser; onEdit: () => void }) {
  const format = useWorkspaceFormat();
  const t = useT();
  return (
    <Paper component="li" withBorder p="md" data-testid="user-row">
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={4} style={{ minWidth: 0, flex: '1 1 18rem' }}>
          <Group gap="xs">
            <Text fw={700} className="break-anywhere">
              {user.fullName}
            </Text>
            {user.isActive ? null : (
              <Badge color="red" variant="light">
                {t('web.users.inactive')}
              </Badge>
            )}
          </Group>
          <Text size="sm" className="break-anywhere">
            {user.email}
            {user.phone ? ` · ${user.phone}` : ''}
          </Text>
          <Group gap={6}>
            {user.memberships.map((membership) => (
              <Badge
                key={membership.id}
                variant="light"
                color="opora"
                maw="100%"
                h="auto"
                styles={{ label: { whiteSpace: 'normal', overflow: 'visible', lineHeight: 1.4, paddingBlock: 2 } }}
              >
                {t(`role.${membership.role}`)} · {membership.organizationName}
              </Badge>
            ))}
          </Group>
          <Text size="xs" c="dimmed">
            {user.lastLoginAt ? t('web.users.lastLogin', { date: format.dateTime(user.lastLoginAt) }) : t('web.users.neverLoggedIn')}
          </Text>
        </Stack>
        <Button variant="default" onClick={onEdit} aria-label={t('web.users.editNamed', { name: user.fullName })}>
          {t('web.edit')}
        </Button>
      </Group>
    </Paper>
  );
}
