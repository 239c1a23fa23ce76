import { Button, Group, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { ORGANIZATION_KINDS, type Organization, type OrganizationFields, type OrganizationKind } from '../../api/organizations.ts';
import { ErrorAlert, fieldErrors } from '../../components/ErrorAlert.tsx';
import { useT } from '../../i18n/locale.tsx';
import { flattenTree, RUSSIAN_TIME_ZONES, type TreeNode } from './organization-tree.ts';

export interface OrganizationFormValues extends OrganizationFields {
  kind: OrganizationKind;
  parentId: string | null;
}

interface Props {
  /** Edit this organisation; without it the form creates a new one. */
  organization?: Organization;
  /** For a new organisation: the tree to pick the parent from, and the preselected parent. */
  tree?: TreeNode[];
  defaultParentId?: string | null;
  pending: boolean;
  error: unknown;
  onSubmit: (values: OrganizationFormValues) => void;
  onCancel?: () => void;
}

const emptyToNull = (value: string): string | null => (value.trim() === '' ? null : value.trim());

export function OrganizationForm({ organization, tree = [], defaultParentId = null, pending, error, onSubmit, onCancel }: Props) {
  const t = useT();
  const creating = !organization;
  const [values, setValues] = useState({
    kind: organization?.kind ?? ('school' as OrganizationKind),
    parentId: organization?.parentId ?? defaultParentId,
    name: organization?.name ?? '',
    shortName: organization?.shortName ?? '',
    slug: organization?.slug ?? '',
    phone: organization?.phone ?? '',
    email: organization?.email ?? '',
    website: organization?.website ?? '',
    address: organization?.address ?? '',
    timezone: organization?.timezone ?? 'Europe/Moscow',
  });
  const set = (name: keyof typeof values) => (value: string | null) => setValues((current) => ({ ...current, [name]: value ?? '' }));
  const input = (name: keyof typeof values) => (event: { currentTarget: { value: string } }) => set(name)(event.currentTarget.value);
  const fields = fieldErrors(error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit({
      kind: values.kind,
      parentId: values.parentId || null,
      name: values.name.trim(),
      shortName: values.shortName.trim(),
      slug: values.slug.trim(),
      phone: emptyToNull(values.phone),
      email: emptyToNull(values.email),
      website: emptyToNull(values.website),
      address: emptyToNull(values.address),
      timezone: values.timezone,
    });
  };

  const zones = RUSSIAN_TIME_ZONES.map(([zone, offset]) => ({ value: zone, label: `${zone} (UTC+${offset})` }));
  if (!zones.some((z) => z.value === values.timezone)) zones.push({ value: values.timezone, label: values.timezone });
  const idPrefix = organization ? `org-${organization.id}` : 'org-new';

  return (
    <form onSubmit={submit} noValidate aria-describedby={error ? `${idPrefix}-error` : undefined}>
      <Stack>
        <div id={`${idPrefix}-error`}>
          <ErrorAlert error={error} />
        </div>
        {creating ? (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('web.orgs.kind')}
              required
              allowDeselect={false}
              data={ORGANIZATION_KINDS.map((kind) => ({ value: kind, label: t(`orgKind.${kind}`) }))}
              value={values.kind}
              onChange={(value) => value && setValues((current) => ({ ...current, kind: value as OrganizationKind }))}
              error={fields.kind}
            />
            <Select
              label={t('web.orgs.parent')}
              data={[
                { value: '', label: t('web.orgs.noParent') },
                ...flattenTree(tree).map((node) => ({
                  value: node.organization.id,
                  label: `${'· '.repeat(node.depth)}${node.organization.shortName}`,
                })),
              ]}
              value={values.parentId ?? ''}
              onChange={(value) => setValues((current) => ({ ...current, parentId: value || null }))}
              allowDeselect={false}
              searchable
              error={fields.parentId}
            />
          </SimpleGrid>
        ) : null}
        <TextInput label={t('web.orgs.name')} required value={values.name} onChange={input('name')} error={fields.name} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('web.orgs.shortName')}
            required
            value={values.shortName}
            onChange={input('shortName')}
            error={fields.shortName}
          />
          <TextInput
            label={t('web.orgs.slug')}
            description={t('web.orgs.slugHint')}
            required
            value={values.slug}
            onChange={input('slug')}
            error={fields.slug}
            autoCapitalize="none"
            spellCheck={false}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('web.orgs.phone')}
            type="tel"
            autoComplete="off"
            value={values.phone}
            onChange={input('phone')}
            error={fields.phone}
          />
          <TextInput
            label={t('web.orgs.email')}
            type="email"
            autoComplete="off"
            value={values.email}
            onChange={input('email')}
            error={fields.email}
          />
        </SimpleGrid>
        <TextInput
          label={t('web.orgs.website')}
          description={t('web.orgs.websiteHint')}
          type="url"
          value={values.website}
          onChange={input('website')}
          error={fields.website}
        />
        <TextInput label={t('web.orgs.address')} value={values.address} onChange={input('address')} error={fields.address} />
        <Select
          label={t('web.orgs.timezone')}
          data={zones}
          value={values.timezone}
          onChange={(value) => value && setValues((current) => ({ ...current, timezone: value }))}
          allowDeselect={false}
          error={fields.timezone}
        />
        <Group justify="flex-end">
          {onCancel ? (
            <Button variant="default" onClick={onCancel}>
              {t('web.cancel')}
            </Button>
          ) : null}
          <Button type="submit" loading={pending}>
            {creating ? t('web.create') : t('web.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
