import { Alert, Anchor, Badge, Button, Group, Kbd, Pagination, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useSignedIn } from '../../api/me.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PageLoader } from '../../components/StatusPages.tsx';
import { useT } from '../../i18n/locale.tsx';
import { IntakeDialog } from './IntakeDialog.tsx';
import { QueueFilters } from './QueueFilters.tsx';
import { moveFocus, QueueList } from './QueueList.tsx';
import { activeFilterCount, FILTER_KEYS, readQueueState, viewForFilter, withParams } from './queue-params.ts';
import { useDeskScope } from './desk-scope.ts';
import { needsAttention, QUEUE_PAGE_SIZE, QUEUE_VIEWS, useQueue, useQueueCounts, type QueueView } from './requests-api.ts';
import { ShortcutsHelp, usePageShortcuts, type Shortcut } from './shortcuts.tsx';
import './requests.css';

const SHORTCUTS: Shortcut[] = [
  { keys: ['/'], labelKey: 'desk.shortcuts.search' },
  { keys: ['j', '↓'], labelKey: 'desk.shortcuts.next' },
  { keys: ['k', '↑'], labelKey: 'desk.shortcuts.previous' },
  { keys: ['Enter'], labelKey: 'desk.shortcuts.open' },
  { keys: ['n'], labelKey: 'desk.shortcuts.new' },
  { keys: ['?'], labelKey: 'desk.shortcuts.help' },
  { keys: ['Ctrl+Enter'], labelKey: 'desk.shortcuts.send' },
];

/** The desk's queue (/requests): views with counts, filters, search, sorted by deadline. */
export function QueuePage() {
  const t = useT();
  const me = useSignedIn();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const scope = useDeskScope();
  const state = readQueueState(params, 'open');
  const [search, setSearch] = useState(state.filters.q ?? '');
  const [helpOpen, setHelpOpen] = useState(false);
  const [intakeOpen, setIntakeOpen] = useState(false);
  const [filtersOpen, setFiltersOpen] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const organizationId = scope.organizationId ?? '';
  const queue = useQueue(organizationId, state.view, state.filters, state.page);
  const counts = useQueueCounts(organizationId);

  const update = (changes: Record<string, string | null | undefined>) => setParams(withParams(params, changes), { replace: true });
  const applySearch = useDebouncedCallback((value: string) => update({ q: value.trim() || null }), 300);

  // The address changed from outside (back button, a link): show its search text.
  // Adjusting state while rendering (not in an effect) avoids a second render pass.
  const urlQ = state.filters.q ?? '';
  const [shownQ, setShownQ] = useState(urlQ);
  if (shownQ !== urlQ) {
    setShownQ(urlQ);
    if (search.trim() !== urlQ) setSearch(urlQ);
  }

  // A page past the end (the last request of page 2 was taken, colleagues resolved some): go to
  // the last page instead of saying the queue is empty.
  const lastPage = queue.data ? Math.max(1, Math.ceil(queue.data.total / QUEUE_PAGE_SIZE)) : null;
  useEffect(() => {
    if (lastPage !== null && state.page > lastPage)
      setParams(withParams(params, { page: lastPage > 1 ? String(lastPage) : null }), { replace: true });
  }, [lastPage, state.page, params, setParams]);

  usePageShortcuts({
    '/': () => searchRef.current?.focus(),
    j: () => moveFocus(listRef.current, 1),
    k: () => moveFocus(listRef.current, -1),
    n: () => setIntakeOpen(true),
    '?': () => setHelpOpen(true),
  });

  if (!scope.organizationId) return scope.loading ? <PageLoader /> : <Alert color="orange">{t('desk.queue.noDesk')}</Alert>;

  const data = queue.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / QUEUE_PAGE_SIZE)) : 1;
  const filterCount = activeFilterCount(state.filters);
  const linkState = { queueSearch: params.toString() };

  return (
    <Stack gap="md" maw={1400}>
      <PageHeader
        title={t('web.nav.requests')}
        lead={t('desk.queue.lead')}
        actions={
          <>
            <ShortcutsHelp shortcuts={SHORTCUTS} opened={helpOpen} onChange={setHelpOpen} />
            <Button onClick={() => setIntakeOpen(true)}>{t('desk.intake.open')}</Button>
          </>
        }
      />
      {scope.desks.length > 1 ? (
        <Select
          label={t('desk.queue.desk')}
          data={scope.desks.map((desk) => ({ value: desk.id, label: desk.shortName }))}
          value={organizationId}
          onChange={(value) => value && setParams(value === me.membership?.organizationId ? {} : { org: value })}
          searchable
          allowDeselect={false}
          maw={480}
        />
      ) : null}
      <nav aria-label={t('desk.queue.views')}>
        <ul className="rq-views">
          {QUEUE_VIEWS.map((view) => (
            <li key={view}>
              <ViewLink
                view={view}
                active={view === state.view}
                count={counts.data?.[view]}
                to={`?${withParams(params, { view: view === 'open' ? null : view }).toString()}`}
              />
            </li>
          ))}
        </ul>
      </nav>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <TextInput
          ref={searchRef}
          type="search"
          label={t('desk.queue.search')}
          description={t('desk.queue.searchHint')}
          value={search}
          onChange={(event) => {
            setSearch(event.currentTarget.value);
            applySearch(event.currentTarget.value);
          }}
          onKeyDown={(event) => {
            if (event.key === 'ArrowDown') {
              event.preventDefault();
              moveFocus(listRef.current, 1);
            }
            if (event.key === 'Enter') update({ q: search.trim() || null });
          }}
          style={{ flex: '1 1 18rem', maxWidth: 520 }}
          rightSection={<Kbd aria-hidden="true">/</Kbd>}
        />
        <Button
          variant="default"
          hiddenFrom="sm"
          onClick={() => setFiltersOpen((open) => !open)}
          aria-expanded={filtersOpen}
          aria-controls="queue-filters"
        >
          {filterCount > 0 ? t('desk.filter.toggleCount', { n: filterCount }) : t('desk.filter.toggle')}
        </Button>
      </Group>
      <QueueFilters
        id="queue-filters"
        collapsed={!filtersOpen}
        organizationId={organizationId}
        filters={state.filters}
        onChange={(key, value) => {
          const view = viewForFilter(state.view, key, value);
          update({ [key]: value, page: null, ...(view !== state.view ? { view } : {}) });
        }}
        onReset={() => update(Object.fromEntries(FILTER_KEYS.map((key) => [key, null])))}
      />
      <ErrorAlert error={queue.error} />
      {queue.isPending ? <PageLoader /> : null}
      {data ? (
        <>
          <Group justify="space-between" gap="xs">
            <Text size="sm" c="dimmed" role="status" aria-live="polite">
              {t('desk.queue.shown', { count: data.total })} ·{' '}
              {state.view === 'all' ? t('desk.queue.sortedNewest') : t('desk.queue.sortedByDeadline')}
            </Text>
            {state.filters.q && state.view !== 'all' ? (
              <Anchor component={Link} size="sm" to={`?${withParams(params, { view: 'all' }).toString()}`}>
                {t('desk.queue.searchEverywhere')}
              </Anchor>
            ) : null}
          </Group>
          {data.items.length === 0 ? (
            <Text py="lg">{filterCount > 0 || state.filters.q ? t('desk.queue.noneFiltered') : t(`desk.queue.empty.${state.view}`)}</Text>
          ) : (
            <QueueList items={data.items} listRef={listRef} linkState={linkState} />
          )}
          {pages > 1 ? (
            <Pagination
              total={pages}
              value={state.page}
              onChange={(page) => update({ page: page > 1 ? String(page) : null })}
              getItemProps={(page) => ({ 'aria-label': t('desk.queue.page', { n: page }) })}
              getControlProps={(control) => ({ 'aria-label': t(`desk.queue.pageControl.${control}`) })}
              withEdges={false}
            />
          ) : null}
        </>
      ) : null}
      <IntakeDialog
        opened={intakeOpen}
        organizationId={organizationId}
        onClose={() => setIntakeOpen(false)}
        onCreated={(id) => {
          setIntakeOpen(false);
          void navigate(`/requests/${id}`, { state: linkState });
        }}
      />
    </Stack>
  );
}

function ViewLink({ view, active, count, to }: { view: QueueView; active: boolean; count: number | undefined; to: string }) {
  const t = useT();

  const alert = needsAttention(view, count);
  return (
    <Button
      component={Link}
      to={to}
      replace
      variant={active ? 'filled' : 'default'}
      aria-current={active ? 'page' : undefined}
      rightSection={
        count === undefined ? null : (
          <Badge
            size="sm"
            circle={count < 10}
            color={alert ? 'red' : active ? 'opora' : 'gray'}
            variant={alert ? 'filled' : active ? 'white' : 'light'}
          >
            {count}
          </Badge>
        )
      }
      data-view={view}
    >
      {t(`requests.view.${view}`)}
    </Button>
  );
}
