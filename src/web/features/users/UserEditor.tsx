import { Alert, Button, Divider, Group, PasswordInput, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import type { Role } from '../../../domain/permissions.ts';
import { useOrganizations } from '../../api/organizations.ts';
import { useAddMembership, useRemoveMembership, useUpdateUser, type AdminUser } from '../../api/users.ts';
import { ErrorAlert, fieldErrors } from '../../components/ErrorAlert.tsx';
import { useT } from '../../i18n/locale.tsx';
import { organizationOptions, roleOptions } from './role-options.ts';

/** Edit one user: details and password, active or not, and roles in organisations. */
export function UserEditor({ user, onDone }: { user: AdminUser; onDone: () => void }) {
  return (
    <Stack gap="lg">
      <DetailsForm user={user} onDone={onDone} />
      <Divider />
      <ActiveSection user={user} />
      <Divider />
      <MembershipsSection user={user} />
    </Stack>
  );
}

function DetailsForm({ user, onDone }: { user: AdminUser; onDone: () => void }) {
  const t = useT();
  const update = useUpdateUser();
  const [fullName, setFullName] = useState(user.fullName);
  const [phone, setPhone] = useState(user.phone ?? '');
  const [password, setPassword] = useState('');
  const fields = fieldErrors(update.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate(
      { id: user.id, patch: { fullName: fullName.trim(), phone: phone.trim() || null, ...(password ? { password } : {}) } },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('web.saved') });
          onDone();
        },
      },
    );
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="user-details-title">
      <Stack>
        <Title order={2} size="h4" id="user-details-title">
          {t('web.users.details')}
        </Title>
        <Text size="sm" className="break-anywhere">
          {user.email}
        </Text>
        <ErrorAlert error={update.error} />
        <TextInput
          label={t('web.users.fullName')}
          required
          value={fullName}
          onChange={(e) => setFullName(e.currentTarget.value)}
          error={fields.fullName}
        />
        <TextInput
          label={t('web.users.phone')}
          type="tel"
          value={phone}
          onChange={(e) => setPhone(e.currentTarget.value)}
          error={fields.phone}
        />
        <PasswordInput
          label={t('web.users.newPassword')}
          description={t('web.users.newPasswordHint')}
          autoComplete="new-password"
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          error={fields.password}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={update.isPending}>
            {t('web.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function ActiveSection({ user }: { user: AdminUser }) {
  const t = useT();
  const update = useUpdateUser();
  const [confirming, setConfirming] = useState(false);
  const setActive = (isActive: boolean) =>
    update.mutate(
      { id: user.id, patch: { isActive } },
      {
        onSuccess: () => {
          setConfirming(false);
          notifications.show({ color: 'green', message: isActive ? t('web.users.activated') : t('web.users.deactivated') });
        },
      },
    );
  return (
    <Stack component="section" aria-labelledby="user-active-title">
      <Title order={2} size="h4" id="user-active-title">
        {t('web.users.access')}
      </Title>
      <Text>{user.isActive ? t('web.users.activeText') : t('web.users.inactiveText')}</Text>
      <ErrorAlert error={update.error} />
      {user.isActive && confirming ? (
        <Alert color="orange" variant="light" title={t('web.users.confirmDeactivateTitle')}>
          <Text size="sm" mb="sm">
            {t('web.users.confirmDeactivate', { name: user.fullName })}
          </Text>
          <Group>
            <Button color="red" onClick={() => setActive(false)} loading={update.isPending}>
              {t('web.users.deactivateConfirm')}
            </Button>
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('web.cancel')}
            </Button>
          </Group>
        </Alert>
      ) : (
        <Group>
          {user.isActive ? (
            <Button variant="outline" color="red" onClick={() => setConfirming(true)}>
              {t('web.users.deactivate')}
            </Button>
          ) : (
            <Button variant="outline" onClick={() => setActive(true)} loading={update.isPending}>
              {t('web.users.activate')}
            </Button>
          )}
        </Group>
      )}
    </Stack>
  );
}

function MembershipsSection({ user }: { user: AdminUser }) {
  const t = useT();
  const organizations = useOrganizations();
  const add = useAddMembership();
  const remove = useRemoveMembership();
  const [organizationId, setOrganizationId] = useState<string | null>(null);
  const [role, setRole] = useState<Role>('staff');
  const fields = fieldErrors(add.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!organizationId) return;
    add.mutate(
      { userId: user.id, organizationId, role },
      { onSuccess: () => notifications.show({ color: 'green', message: t('web.users.membershipAdded') }) },
    );
  };

  return (
    <Stack component="section" aria-labelledby="user-memberships-title">
      <Title order={2} size="h4" id="user-memberships-title">
        {t('web.users.memberships')}
      </Title>
      <ErrorAlert error={remove.error} />
      {user.memberships.length === 0 ? <Text>{t('web.users.noMemberships')}</Text> : null}
      <Stack component="ul" gap="xs" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {user.memberships.map((membership) => (
          <Group component="li" key={membership.id} justify="space-between" wrap="nowrap" gap="sm">
            <Text size="sm" className="break-anywhere" style={{ minWidth: 0, flex: 1 }}>
              <strong>{t(`role.${membership.role}`)}</strong> · {membership.organizationName}
            </Text>
            <Button
              variant="subtle"
              color="red"
              size="xs"
              style={{ flexShrink: 0 }}
              loading={remove.isPending && remove.variables === membership.id}
              onClick={() => remove.mutate(membership.id)}
              aria-label={t('web.users.removeMembership', {
                role: t(`role.${membership.role}`),
                organization: membership.organizationName,
              })}
            >
              {t('web.remove')}
            </Button>
          </Group>
        ))}
      </Stack>
      <form onSubmit={submit} noValidate aria-label={t('web.users.addMembership')}>
        <Stack gap="sm">
          <ErrorAlert error={add.error} />
          <Group align="flex-end" gap="sm">
            <Select
              label={t('web.users.organization')}
              searchable
              data={organizationOptions(organizations.data, t)}
              value={organizationId}
              onChange={setOrganizationId}
              error={fields.organizationId}
              style={{ flex: '1 1 14rem' }}
            />
            <Select
              label={t('web.users.role')}
              allowDeselect={false}
              data={roleOptions(t)}
              value={role}
              onChange={(value) => value && setRole(value as Role)}
              error={fields.role}
              style={{ flex: '1 1 10rem' }}
            />
            <Button type="submit" variant="default" loading={add.isPending} disabled={!organizationId}>
              {t('web.users.addMembership')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
