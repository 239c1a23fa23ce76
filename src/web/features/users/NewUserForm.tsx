import { Button, Group, PasswordInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { Role } from '../../../domain/permissions.ts';
import { useSignedIn } from '../../api/me.ts';
import { useOrganizations } from '../../api/organizations.ts';
import { useCreateUser, type AdminUser } from '../../api/users.ts';
import { ErrorAlert, fieldErrors } from '../../components/ErrorAlert.tsx';
import { useT } from '../../i18n/locale.tsx';
import { organizationOptions, roleOptions } from './role-options.ts';

export function NewUserForm({ onCreated, onCancel }: { onCreated: (user: AdminUser) => void; onCancel: () => void }) {
  const t = useT();
  const me = useSignedIn();
  const organizations = useOrganizations();
  const create = useCreateUser();
  const [values, setValues] = useState({
    email: '',
    fullName: '',
    phone: '',
    password: '',
    organizationId: me.membership?.organizationId ?? '',
    role: 'staff' as Role,
  });
  const input = (name: 'email' | 'fullName' | 'phone' | 'password') => (event: { currentTarget: { value: string } }) => {
    const value = event.currentTarget.value;
    setValues((current) => ({ ...current, [name]: value }));
  };
  const fields = fieldErrors(create.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      {
        email: values.email.trim(),
        fullName: values.fullName.trim(),
        phone: values.phone.trim() || null,
        ...(values.password ? { password: values.password } : {}),
        organizationId: values.organizationId,
        role: values.role,
      },
      { onSuccess: onCreated },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ErrorAlert error={create.error} />
        <TextInput
          label={t('web.users.fullName')}
          required
          value={values.fullName}
          onChange={input('fullName')}
          error={fields.fullName}
          autoComplete="off"
          data-autofocus
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('web.login.email')}
            type="email"
            required
            value={values.email}
            onChange={input('email')}
            error={fields.email}
            autoComplete="off"
          />
          <TextInput
            label={t('web.users.phone')}
            type="tel"
            value={values.phone}
            onChange={input('phone')}
            error={fields.phone}
            autoComplete="off"
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('web.users.organization')}
            required
            searchable
            allowDeselect={false}
            data={organizationOptions(organizations.data, t)}
            value={values.organizationId || null}
            onChange={(value) => setValues((current) => ({ ...current, organizationId: value ?? '' }))}
            error={fields.organizationId}
          />
          <Select
            label={t('web.users.role')}
            required
            allowDeselect={false}
            data={roleOptions(t)}
            value={values.role}
            onChange={(value) => value && setValues((current) => ({ ...current, role: value as Role }))}
            error={fields.role}
          />
        </SimpleGrid>
        <PasswordInput
          label={t('web.users.password')}
          description={t('web.users.passwordHint')}
          value={values.password}
          onChange={input('password')}
          error={fields.password}
          autoComplete="new-password"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('web.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t('web.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
