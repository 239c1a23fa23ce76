import { ActionIcon, Badge, Button, Group, Paper, Select, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { REQUEST_TYPES } from '../../../domain/requests/taxonomy.ts';
import { ErrorAlert, fieldErrors } from '../../components/ErrorAlert.tsx';
import { PageLoader } from '../../components/StatusPages.tsx';
import { useT } from '../../i18n/locale.tsx';
import { useAllCategories, useCreateCategory, useSwapCategories, useUpdateCategory, type CategoryNode } from './desk-settings-api.ts';
import type { RequestType } from '../../../domain/requests/taxonomy.ts';

/**
 * The desk's two-level topics (категории и подкатегории): rename, reorder, set the default
 * request type, switch off (requests keep a switched-off topic; new ones cannot choose it), add.
 */
export function CategoryEditor({ organizationId }: { organizationId: string }) {
  const t = useT();
  const categories = useAllCategories(organizationId);
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="desk-categories-title">
      <Title order={2} size="h4" id="desk-categories-title" mb={4}>
        {t('desk.categories.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('desk.categories.lead')}
      </Text>
      <ErrorAlert error={categories.error} />
      {categories.isPending ? <PageLoader /> : null}
      {categories.data ? (
        <Stack gap="md">
          <Stack component="ul" gap="sm" m={0} p={0} style={{ listStyle: 'none' }} aria-label={t('desk.categories.title')}>
            {categories.data.map((top, index, all) => (
              <Paper component="li" key={top.id} withBorder p="sm" bg={top.isActive ? undefined : 'gray.0'} data-testid="category-top">
                <CategoryRow organizationId={organizationId} node={top} previous={all[index - 1]} next={all[index + 1]} level={1} />
                <Stack
                  component="ul"
                  gap={4}
                  mt="xs"
                  ml={{ base: 'sm', sm: 'xl' }}
                  p={0}
                  style={{ listStyle: 'none' }}
                  aria-label={t('desk.categories.childrenOf', { name: top.name })}
                >
                  {top.children.map((child, childIndex, siblings) => (
                    <li key={child.id}>
                      <CategoryRow
                        organizationId={organizationId}
                        node={child}
                        previous={siblings[childIndex - 1]}
                        next={siblings[childIndex + 1]}
                        level={2}
                        parentActive={top.isActive}
                      />
                    </li>
                  ))}
                </Stack>
                <AddCategory organizationId={organizationId} parent={top} />
              </Paper>
            ))}
          </Stack>
          <AddCategory organizationId={organizationId} parent={null} />
        </Stack>
      ) : null}
    </Paper>
  );
}

function CategoryRow({
  organizationId,
  node,
  previous,
  next,
  level,
  parentActive = true,
}: {
  organizationId: string;
  node: CategoryNode;
  previous: CategoryNode | undefined;
  next: CategoryNode | undefined;
  level: 1 | 2;
  parentActive?: boolean;
}) {
  const t = useT();
  const update = useUpdateCategory(organizationId);
  const swap = useSwapCategories(organizationId);
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(node.name);
  const fields = fieldErrors(update.error);

  const rename = (event: FormEvent) => {
    event.preventDefault();
    update.mutate({ id: node.id, patch: { name: name.trim() } }, { onSuccess: () => setEditing(false) });
  };
  const typeLabel = (value: RequestType) => t(`requests.type.${value}`);

  return (
    <Stack gap={4}>
      <Group gap="xs" wrap="wrap" justify="space-between" align="center">
        {editing ? (
          <form onSubmit={rename} style={{ flex: '1 1 16rem' }}>
            <Group gap="xs" align="flex-start" wrap="nowrap">
              <TextInput
                aria-label={t('desk.categories.nameOf', { code: node.code })}
                value={name}
                onChange={(event) => setName(event.currentTarget.value)}
                error={fields.name}
                size="xs"
                style={{ flex: 1 }}
                data-autofocus
                autoFocus
                onKeyDown={(event) => {
                  if (event.key === 'Escape') {
                    setEditing(false);
                    setName(node.name);
                  }
                }}
              />
              <Button type="submit" size="xs" loading={update.isPending}>
                {t('web.save')}
              </Button>
              <Button size="xs" variant="default" onClick={() => (setEditing(false), setName(node.name))}>
                {t('web.cancel')}
              </Button>
            </Group>
          </form>
        ) : (
          <Text
            fw={level === 1 ? 700 : 400}
            size="sm"
            c={node.isActive && parentActive ? undefined : 'dimmed'}
            style={{ flex: '1 1 14rem', minWidth: 0 }}
            className="break-anywhere"
          >
            <Text span ff="monospace" size="xs" c="dimmed" mr={6}>
              {node.code}
            </Text>
            {node.name}
            {node.isActive ? null : (
              <Badge ml="xs" size="xs" color="gray" variant="light">
                {t('desk.categories.off')}
              </Badge>
            )}
          </Text>
        )}
        <Group gap={6} wrap="wrap">
          <Select
            aria-label={t('desk.categories.defaultTypeOf', { name: node.name })}
            size="xs"
            w={190}
            placeholder={t('desk.categories.noDefaultType')}
            data={REQUEST_TYPES.map((value) => ({ value, label: typeLabel(value) }))}
            value={node.defaultType}
            clearable
            clearButtonProps={{ 'aria-label': t('desk.categories.clearDefaultType') }}
            onChange={(value) => update.mutate({ id: node.id, patch: { defaultType: (value as RequestType | null) ?? null } })}
            comboboxProps={{ withinPortal: true }}
          />
          <Switch
            size="sm"
            label={t('desk.categories.active')}
            checked={node.isActive}
            onChange={(event) => {
              const isActive = event.currentTarget.checked;
              update.mutate(
                { id: node.id, patch: { isActive } },
                {
                  onSuccess: () =>
                    notifications.show({
                      color: 'green',
                      message: t(isActive ? 'desk.categories.turnedOn' : 'desk.categories.turnedOff', { name: node.name }),
                    }),
                },
              );
            }}
            aria-label={t('desk.categories.activeOf', { name: node.name })}
          />
          {editing ? null : (
            <Button
              size="xs"
              variant="subtle"
              onClick={() => setEditing(true)}
              aria-label={t('desk.categories.renameOf', { name: node.name })}
            >
              {t('desk.categories.rename')}
            </Button>
          )}
          <ActionIcon
            variant="default"
            size="md"
            disabled={!previous || swap.isPending}
            onClick={() => previous && swap.mutate({ a: node, b: previous })}
            aria-label={t('desk.categories.moveUp', { name: node.name })}
          >
            <span aria-hidden="true">↑</span>
          </ActionIcon>
          <ActionIcon
            variant="default"
            size="md"
            disabled={!next || swap.isPending}
            onClick={() => next && swap.mutate({ a: next, b: node })}
            aria-label={t('desk.categories.moveDown', { name: node.name })}
          >
            <span aria-hidden="true">↓</span>
          </ActionIcon>
        </Group>
      </Group>
      <ErrorAlert error={update.error ?? swap.error} />
    </Stack>
  );
}

function AddCategory({ organizationId, parent }: { organizationId: string; parent: CategoryNode | null }) {
  const t = useT();
  const create = useCreateCategory(organizationId);
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const fields = fieldErrors(create.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { parentId: parent?.id ?? null, name: name.trim() },
      {
        onSuccess: (created) => {
          notifications.show({ color: 'green', message: t('desk.categories.added', { name: created.name, code: created.code }) });
          setName('');
          setOpen(false);
        },
      },
    );
  };
  if (!open) {
    return (
      <Button size="xs" variant={parent ? 'subtle' : 'light'} mt={parent ? 'xs' : 0} onClick={() => setOpen(true)} w="fit-content">
        {parent ? t('desk.categories.addChild') : t('desk.categories.addTop')}
      </Button>
    );
  }
  return (
    <form onSubmit={submit} noValidate>
      <Group gap="xs" align="flex-start" mt="xs" wrap="wrap">
        <TextInput
          label={parent ? t('desk.categories.newChildOf', { name: parent.name }) : t('desk.categories.newTop')}
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={fields.name ?? fields.parentId ?? fields.code}
          size="sm"
          style={{ flex: '1 1 16rem' }}
          autoFocus
          maxLength={200}
        />
        <Group gap="xs" mt={26}>
          <Button type="submit" size="sm" loading={create.isPending}>
            {t('web.create')}
          </Button>
          <Button size="sm" variant="default" onClick={() => setOpen(false)}>
            {t('web.cancel')}
          </Button>
        </Group>
      </Group>
      {create.error && Object.keys(fields).length === 0 ? <ErrorAlert error={create.error} /> : null}
    </form>
  );
}
