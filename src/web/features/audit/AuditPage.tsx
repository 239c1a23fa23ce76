import { Anchor, Autocomplete, Badge, Button, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useMemo, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useAudit, type AuditFilter, type AuditItem } from '../../api/audit.ts';
import { useSignedIn, useWorkspaceFormat } from '../../api/me.ts';
import { DateField } from '../../components/DateField.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PageLoader } from '../../components/StatusPages.tsx';
import { hasMessage, labelledCodes, translateKnown, useT } from '../../i18n/locale.tsx';
import { AuditChanges } from './AuditChanges.tsx';

/**
 * Actions and entity types offered as suggestions: every one the catalogue has a label for. The
 * filter also accepts any other (prefix) text.
 */
const KNOWN_ACTIONS = labelledCodes('audit.action.');
const KNOWN_ENTITY_TYPES = labelledCodes('audit.entity.');

interface FilterForm {
  action: string;
  entityType: string;
  from: string | null;
  to: string | null;
}

const EMPTY: FilterForm = { action: '', entityType: '', from: null, to: null };

/** Local calendar days → the API's instants; `to` is exclusive, so the whole "to" day is included. */
function toQuery(form: FilterForm): AuditFilter {
  const startOf = (day: string) => new Date(`${day}T00:00:00`);
  const filter: AuditFilter = {};
  if (form.action.trim()) filter.action = form.action.trim();
  if (form.entityType.trim()) filter.entityType = form.entityType.trim();
  if (form.from) filter.from = startOf(form.from).toISOString();
  if (form.to) {
    const end = startOf(form.to);
    end.setDate(end.getDate() + 1);
    filter.to = end.toISOString();
  }
  return filter;
}

/** The applied filter lives in the address (?action=…&from=YYYY-MM-DD…), so it survives reloads and can be shared. */
function formFromParams(params: URLSearchParams): FilterForm {
  const day = (name: string) => (/^\d{4}-\d{2}-\d{2}$/.test(params.get(name) ?? '') ? params.get(name) : null);
  return { action: params.get('action') ?? '', entityType: params.get('entityType') ?? '', from: day('from'), to: day('to') };
}

function paramsFromForm(form: FilterForm): Record<string, string> {
  const entries = Object.entries({
    action: form.action.trim(),
    entityType: form.entityType.trim(),
    from: form.from ?? '',
    to: form.to ?? '',
  });
  return Object.fromEntries(entries.filter(([, value]) => value !== ''));
}

export function AuditPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const applied = useMemo(() => formFromParams(params), [params]);
  const [form, setForm] = useState<FilterForm>(applied);
  const filter = useMemo(() => toQuery(applied), [applied]);
  const audit = useAudit(filter);
  const items = audit.data?.pages.flatMap((page) => page.items) ?? [];

  const apply = (event: FormEvent) => {
    event.preventDefault();
    setParams(paramsFromForm(form));
  };
  const reset = () => {
    setForm(EMPTY);
    setParams({});
  };
  const actionLabel = (action: string) =>
    hasMessage(`audit.action.${action}`) ? `${translateKnown(t, `audit.action.${action}`, action)} (${action})` : action;

  return (
    <Stack maw={1100}>
      <PageHeader title={t('web.nav.audit')} lead={t('web.audit.lead')} />
      <Paper withBorder p="md" component="form" onSubmit={apply} aria-label={t('web.audit.filters')} role="search">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
          <Autocomplete
            label={t('web.audit.action')}
            description={t('web.audit.actionHint')}
            data={KNOWN_ACTIONS.map((value) => ({ value, label: actionLabel(value) }))}
            value={form.action}
            onChange={(action) => setForm((current) => ({ ...current, action }))}
          />
          <Autocomplete
            label={t('web.audit.entityType')}
            description={t('web.audit.entityTypeHint')}
            data={KNOWN_ENTITY_TYPES}
            value={form.entityType}
            onChange={(entityType) => setForm((current) => ({ ...current, entityType }))}
          />
          <DateField
            label={t('web.audit.from')}
            description={t('web.date.format')}
            value={form.from}
            onChange={(from) => setForm((current) => ({ ...current, from }))}
          />
          <DateField
            label={t('web.audit.to')}
            description={t('web.date.format')}
            value={form.to}
            onChange={(to) => setForm((current) => ({ ...current, to }))}
          />
        </SimpleGrid>
        <Group mt="md" gap="sm">
          <Button type="submit">{t('web.audit.apply')}</Button>
          <Button variant="default" onClick={reset}>
            {t('web.audit.reset')}
          </Button>
        </Group>
      </Paper>
      <ErrorAlert error={audit.error} />
      {audit.isPending ? <PageLoader /> : null}
      {audit.data ? (
        <>
          <Text size="sm" c="dimmed" role="status" aria-live="polite">
            {t('web.audit.shown', { count: items.length })}
          </Text>
          {items.length === 0 ? <Text>{t('web.audit.none')}</Text> : null}
          <Stack component="ol" gap="sm" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={t('web.audit.entries')}>
            {items.map((item) => (
              <AuditEntry key={item.id} item={item} actionLabel={actionLabel(item.action)} />
            ))}
          </Stack>
          {audit.hasNextPage ? (
            <Group>
              <Button variant="default" onClick={() => void audit.fetchNextPage()} loading={audit.isFetchingNextPage}>
                {t('web.loadMore')}
              </Button>
            </Group>
          ) : null}
        </>
      ) : null}
    </Stack>
  );
}

function AuditEntry({ item, actionLabel }: { item: AuditItem; actionLabel: string }) {
  const format = useWorkspaceFormat();
  const t = useT();
  const entity = translateKnown(t, `audit.entity.${item.entityType}`, item.entityType);
  // A request's entry leads to the request, for those who may open the desk's requests.
  const canOpenRequests = useSignedIn().navigation.includes('requests');
  const requestLink = item.entityType === 'request' && item.entityId && canOpenRequests ? item.entityId : null;
  return (
    <Paper component="li" withBorder p="md" data-testid="audit-entry" data-action={item.action}>
      <Group justify="space-between" align="flex-start" gap="xs">
        <Text fw={700} className="break-anywhere" style={{ flex: '1 1 16rem' }}>
          {actionLabel}
        </Text>
        <Text size="sm" c="dimmed">
          <time dateTime={item.createdAt}>{format.dateTime(item.createdAt)}</time>
        </Text>
      </Group>
      <Text size="sm" mt={4} className="break-anywhere">
        {item.actorName ? (
          <>
            {item.actorName}
            {item.actorRole ? ` (${translateKnown(t, `role.${item.actorRole}`, item.actorRole)})` : ''}
            {item.actorEmail ? ` · ${item.actorEmail}` : ''}
          </>
        ) : (
          t('web.audit.system')
        )}
      </Text>
      <Group gap="xs" mt={6}>
        <Badge variant="light" color="gray" style={{ textTransform: 'none' }}>
          {entity}
        </Badge>
        {requestLink ? (
          <Anchor component={Link} to={`/requests/${requestLink}`} size="sm">
            {t('web.audit.openRequest')}
          </Anchor>
        ) : null}
        {item.organizationName ? (
          <Text size="sm" className="break-anywhere">
            {item.organizationName}
          </Text>
        ) : null}
        {item.ip ? (
          <Text size="xs" c="dimmed">
            {t('web.audit.ip', { ip: item.ip })}
          </Text>
        ) : null}
      </Group>
      <AuditChanges before={item.before} after={item.after} />
    </Paper>
  );
}
