import { Badge, Button, Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useCreateOrganization, useOrganizations, useUpdateOrganization, type Organization } from '../../api/organizations.ts';
import { ResponsiveModal } from '../../components/ResponsiveModal.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PageLoader } from '../../components/StatusPages.tsx';
import { useT } from '../../i18n/locale.tsx';
import { buildTree } from './organization-tree.ts';
import { OrganizationForm, type OrganizationFormValues } from './OrganizationForm.tsx';
import { OrganizationTree } from './OrganizationTree.tsx';

/** Organisations of the admin's subtree: the tree on the left, the selected one's card on the right. */
export function OrganizationsPage() {
  const t = useT();
  const organizations = useOrganizations();
  const [params, setParams] = useSearchParams();
  const [creating, setCreating] = useState(false);
  const create = useCreateOrganization();
  const tree = useMemo(() => buildTree(organizations.data ?? []), [organizations.data]);
  const selectedId = params.get('id') ?? tree[0]?.organization.id ?? null;
  const selected = organizations.data?.find((o) => o.id === selectedId) ?? null;

  const select = (id: string) => setParams({ id }, { replace: true });
  const submitNew = (values: OrganizationFormValues) =>
    create.mutate(values, {
      onSuccess: (created) => {
        setCreating(false);
        select(created.id);
        notifications.show({ color: 'green', message: t('web.orgs.created', { name: created.shortName }) });
      },
    });
  const openCreate = () => {
    create.reset();
    setCreating(true);
  };

  return (
    <Stack maw={1200}>
      <PageHeader
        title={t('web.nav.organizations')}
        lead={t('web.orgs.lead')}
        actions={<Button onClick={openCreate}>{t('web.orgs.create')}</Button>}
      />
      {organizations.isPending ? <PageLoader /> : null}
      <ErrorAlert error={organizations.error} />
      {organizations.data ? (
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Paper withBorder p="sm" component="section" aria-labelledby="org-tree-title">
              <Title order={2} size="h4" id="org-tree-title" px="xs" mb="xs">
                {t('web.orgs.tree')}
              </Title>
              {tree.length === 0 ? <Text>{t('web.orgs.none')}</Text> : <OrganizationTree nodes={tree} selectedId={selectedId} onSelect={select} />}
            </Paper>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 7 }}>
            {selected ? <OrganizationCard key={selected.id} organization={selected} onAddChild={openCreate} /> : <Text>{t('web.orgs.select')}</Text>}
          </Grid.Col>
        </Grid>
      ) : null}
      <ResponsiveModal opened={creating} onClose={() => setCreating(false)} title={t('web.orgs.create')}>
        <OrganizationForm tree={tree} defaultParentId={selected?.id ?? null} pending={create.isPending} error={create.error} onSubmit={submitNew} onCancel={() => setCreating(false)} />
      </ResponsiveModal>
    </Stack>
  );
}

function OrganizationCard({ organization, onAddChild }: { organization: Organization; onAddChild: () => void }) {
  const t = useT();
  const update = useUpdateOrganization(organization.id);
  const save = (values: OrganizationFormValues) => {
    const { kind: _kind, parentId: _parentId, ...patch } = values;
    update.mutate(patch, { onSuccess: () => notifications.show({ color: 'green', message: t('web.saved') }) });
  };
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="org-card-title">
      <Group justify="space-between" align="flex-start" mb="md" gap="sm">
        <div style={{ minWidth: 0, flex: '1 1 14rem' }}>
          <Title order={2} size="h3" id="org-card-title" className="break-anywhere">
            {organization.shortName}
          </Title>
          <Group gap="xs" mt={4}>
            <Badge variant="light">{t(`orgKind.${organization.kind}`)}</Badge>
            <Text size="sm" c="dimmed">
              {organization.slug}
            </Text>
          </Group>
        </div>
        <Button variant="default" onClick={onAddChild}>
          {t('web.orgs.addChild')}
        </Button>
      </Group>
      <OrganizationForm organization={organization} pending={update.isPending} error={update.error} onSubmit={save} />
    </Paper>
  );
}
