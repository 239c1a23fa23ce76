import { Button, Group, Select, SimpleGrid } from '@mantine/core';
import { useMemo } from 'react';
import { STATUSES } from '../../../domain/requests/lifecycle.ts';
import { CHANNELS, REQUEST_TYPES, REQUESTER_KINDS } from '../../../domain/requests/taxonomy.ts';
import { useT, type Translate } from '../../i18n/locale.tsx';
import { activeFilterCount, type FilterKey } from './queue-params.ts';
import { useAssignees, useCategories, type CategoryNode, type QueueFilters as Filters } from './requests-api.ts';

/** Category options grouped by their top-level category; a top-level entry also matches its subcategories. */
export function categoryOptions(tree: readonly CategoryNode[] | undefined, t: Translate) {
  return (tree ?? []).map((top) => ({
    group: top.name,
    items: [
      { value: top.id, label: t('desk.filter.wholeCategory', { code: top.code, name: top.name }) },
      ...top.children.map((child) => ({ value: child.id, label: `${child.code} ${child.name}` })),
    ],
  }));
}

export function QueueFilters({
  organizationId,
  filters,
  onChange,
  onReset,
  id,
  collapsed,
}: {
  organizationId: string;
  filters: Filters;
  onChange: (key: FilterKey, value: string | null) => void;
  onReset: () => void;
  id: string;
  collapsed: boolean;
}) {
  const t = useT();
  const categories = useCategories(organizationId);
  const assignees = useAssignees(organizationId);
  const categoryData = useMemo(() => categoryOptions(categories.data, t), [categories.data, t]);
  const common = {
    clearable: true,
    size: 'sm' as const,
    comboboxProps: { withinPortal: true },
    clearButtonProps: { 'aria-label': t('desk.filter.clear') },
  };
  return (
    <div id={id} className={collapsed ? 'rq-filters rq-filters-collapsed' : 'rq-filters'}>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3, xl: 6 }} spacing="sm" verticalSpacing="xs">
        <Select
          {...common}
          label={t('desk.filter.category')}
          placeholder={t('desk.filter.any')}
          searchable
          data={categoryData}
          value={filters.categoryId ?? null}
          onChange={(value) => onChange('categoryId', value)}
          nothingFoundMessage={t('desk.filter.nothingFound')}
        />
        <Select
          {...common}
          label={t('desk.filter.channel')}
          placeholder={t('desk.filter.any')}
          data={CHANNELS.map((value) => ({ value, label: t(`requests.channel.${value}`) }))}
          value={filters.channel ?? null}
          onChange={(value) => onChange('channel', value)}
        />
        <Select
          {...common}
          label={t('desk.filter.requesterKind')}
          placeholder={t('desk.filter.any')}
          data={REQUESTER_KINDS.map((value) => ({ value, label: t(`requests.requesterKind.${value}`) }))}
          value={filters.requesterKind ?? null}
          onChange={(value) => onChange('requesterKind', value)}
        />
        <Select
          {...common}
          label={t('desk.filter.status')}
          placeholder={t('desk.filter.any')}
          data={STATUSES.map((value) => ({ value, label: t(`requests.status.${value}`) }))}
          value={filters.status ?? null}
          onChange={(value) => onChange('status', value)}
        />
        <Select
          {...common}
          label={t('desk.filter.assignee')}
          placeholder={t('desk.filter.any')}
          searchable
          data={(assignees.data ?? []).map((a) => ({ value: a.id, label: a.fullName }))}
          value={filters.assigneeId ?? null}
          onChange={(value) => onChange('assigneeId', value)}
          nothingFoundMessage={t('desk.filter.nothingFound')}
        />
        <Select
          {...common}
          label={t('desk.filter.type')}
          placeholder={t('desk.filter.any')}
          data={REQUEST_TYPES.map((value) => ({ value, label: t(`requests.type.${value}`) }))}
          value={filters.type ?? null}
          onChange={(value) => onChange('type', value)}
        />
      </SimpleGrid>
      {activeFilterCount(filters) > 0 ? (
        <Group mt="xs">
          <Button variant="subtle" size="xs" onClick={onReset}>
            {t('desk.filter.reset')}
          </Button>
        </Group>
      ) : null}
    </div>
  );
}
