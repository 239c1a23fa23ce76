import { Anchor, Button, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMemo, type ReactNode } from 'react';
import { REQUEST_TYPES } from '../../../domain/requests/taxonomy.ts';
import { useSignedIn } from '../../api/me.ts';
import { ErrorAlert, fieldErrors } from '../../components/ErrorAlert.tsx';
import { useT } from '../../i18n/locale.tsx';
import { zonedFormat, zoneOf } from '../../i18n/time-zone.ts';
import { DeadlineBadge, remainingText } from './badges.tsx';
import { LegalExtension } from './LegalExtension.tsx';
import { categoryOptions } from './QueueFilters.tsx';
import { useAssign, useAssignees, useClassify, type CategoryNode, type RequestDetail, type RequestType } from './requests-api.ts';

function Card({ title, id, children }: { title: string; id: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id}>
      <Title order={2} size="h5" id={id} mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

export function DeadlinesCard({ request }: { request: RequestDetail }) {
  const t = useT();
  const d = request.deadlines;
  const remaining = remainingText(d.badge.remainingMs, t);
  const format = zonedFormat(zoneOf(request));
  return (
    <Card title={t('desk.deadlines.title')} id="card-deadlines">
      <Group gap="xs" mb="sm">
        <DeadlineBadge badge={d.badge} />
        {remaining ? <Text size="sm">{remaining}</Text> : null}
      </Group>
      <dl className="rq-facts">
        <Fact label={t('desk.deadlines.review')}>{format.dateTime(d.reviewDueAt)}</Fact>
        {d.legalDueAt ? (
          <Fact label={t('desk.deadlines.legal', { basis: d.legalBasis ?? '' })}>{format.dateTime(d.legalDueAt)}</Fact>
        ) : null}
        {d.legalExtendedAt ? <Fact label={t('desk.deadlines.extended')}>{format.dateTime(d.legalExtendedAt)}</Fact> : null}
        {d.registrationDueAt ? (
          <Fact label={t('desk.deadlines.registration', { basis: d.legalBasis ?? '' })}>{format.dateTime(d.registrationDueAt)}</Fact>
        ) : null}
        {request.pausedSince ? <Fact label={t('desk.deadlines.pausedSince')}>{format.dateTime(request.pausedSince)}</Fact> : null}
        <Fact label={t('desk.deadlines.registered')}>{format.dateTime(request.registeredAt)}</Fact>
        {request.receivedAt !== request.registeredAt ? (
          <Fact label={t('desk.deadlines.received')}>{format.dateTime(request.receivedAt)}</Fact>
        ) : null}
        <Fact label={t('desk.deadlines.firstResponse')}>
          {request.firstResponseAt ? format.dateTime(request.firstResponseAt) : t('desk.deadlines.noResponseYet')}
        </Fact>
        {request.resolvedAt ? <Fact label={t('desk.deadlines.resolved')}>{format.dateTime(request.resolvedAt)}</Fact> : null}
      </dl>
      <LegalExtension request={request} />
    </Card>
  );
}

export function RequesterCard({ request }: { request: RequestDetail }) {
  const t = useT();
  const r = request.requester;
  if (request.anonymizedAt) {
    // The name is the placeholder '—' and the contacts are gone: say so instead of empty facts.
    return (
      <Card title={t('desk.requester.title')} id="card-requester">
        <Text size="sm" mb="sm" data-testid="requester-anonymized">
          {t('desk.anonymized.contacts', { date: zonedFormat(zoneOf(request)).date(request.anonymizedAt) })}
        </Text>
        <dl className="rq-facts rq-facts--stacked">
          <Fact label={t('desk.requester.kind')}>{t(`requests.requesterKind.${r.kind}`)}</Fact>
          <Fact label={t('desk.requester.channel')}>{t(`requests.channel.${request.channel}`)}</Fact>
        </dl>
      </Card>
    );
  }
  return (
    <Card title={t('desk.requester.title')} id="card-requester">
      <dl className="rq-facts rq-facts--stacked">
        <Fact label={t('desk.requester.name')}>{r.name}</Fact>
        <Fact label={t('desk.requester.kind')}>{t(`requests.requesterKind.${r.kind}`)}</Fact>
        {r.childClass ? <Fact label={t('desk.requester.childClass')}>{r.childClass}</Fact> : null}
        <Fact label={t('desk.requester.email')}>
          {r.email ? (
            <Anchor inherit href={`mailto:${r.email}`}>
              {r.email}
            </Anchor>
          ) : (
            t('desk.none')
          )}
        </Fact>
        <Fact label={t('desk.requester.phone')}>
          {r.phone ? (
            <Anchor inherit href={`tel:${r.phone.replace(/[^\d+]/g, '')}`}>
              {r.phone}
            </Anchor>
          ) : (
            t('desk.none')
          )}
        </Fact>
        <Fact label={t('desk.requester.channel')}>{t(`requests.channel.${request.channel}`)}</Fact>
        <Fact label={t('desk.requester.account')}>{r.userId ? t('desk.requester.hasAccount') : t('desk.requester.noAccount')}</Fact>
      </dl>
    </Card>
  );
}

export function AssignmentCard({ request }: { request: RequestDetail }) {
  const t = useT();
  const me = useSignedIn();
  const assignees = useAssignees(request.organizationId);
  const assign = useAssign(request.id);
  const data = (assignees.data ?? []).map((a) => ({ value: a.id, label: a.fullName }));
  if (request.assignee && !data.some((o) => o.value === request.assignee?.id))
    data.push({ value: request.assignee.id, label: request.assignee.name });
  const canTakeMine = request.assignee?.id !== me.user.id && (assignees.data ?? []).some((a) => a.id === me.user.id);
  const done = (id: string | null) =>
    assign.mutate(id, {
      onSuccess: (view) =>
        notifications.show({
          color: 'green',
          message: view.assignee ? t('desk.assign.done', { name: view.assignee.name }) : t('desk.assign.removed'),
        }),
    });
  return (
    <Card title={t('desk.assign.title')} id="card-assignee">
      <Stack gap="sm">
        <ErrorAlert error={assign.error} />
        <Select
          label={t('desk.assign.label')}
          placeholder={t('requests.unassigned')}
          data={data}
          value={request.assignee?.id ?? null}
          onChange={(value) => done(value)}
          clearable
          clearButtonProps={{ 'aria-label': t('desk.assign.clear') }}
          searchable
          disabled={assign.isPending || request.anonymizedAt !== null}
          error={fieldErrors(assign.error).assigneeId}
        />
        {canTakeMine && !request.anonymizedAt ? (
          <Button variant="light" onClick={() => done(me.user.id)} loading={assign.isPending}>
            {t('desk.assign.me')}
          </Button>
        ) : null}
      </Stack>
    </Card>
  );
}

export function ClassificationCard({ request, categories }: { request: RequestDetail; categories: readonly CategoryNode[] | undefined }) {
  const t = useT();
  const classify = useClassify(request.id);
  const fields = fieldErrors(classify.error);
  const options = useMemo(() => {
    const grouped = categoryOptions(categories, t);
    const current = request.category;
    const known = grouped.some((g) => g.items.some((item) => item.value === current?.id));
    // A deactivated category stays visible on the requests that have it.
    return current && !known
      ? [...grouped, { group: t('desk.classify.inactive'), items: [{ value: current.id, label: `${current.code} ${current.name}` }] }]
      : grouped;
  }, [categories, request.category, t]);
  const save = (patch: { categoryId?: string | null; type?: RequestType }) =>
    classify.mutate(patch, { onSuccess: () => notifications.show({ color: 'green', message: t('web.saved') }) });
  return (
    <Card title={t('desk.classify.title')} id="card-classify">
      <Stack gap="sm">
        <ErrorAlert error={classify.error} />
        <Select
          label={t('desk.classify.category')}
          placeholder={t('desk.noCategory')}
          data={options}
          value={request.category?.id ?? null}
          onChange={(value) => save({ categoryId: value })}
          searchable
          clearable
          clearButtonProps={{ 'aria-label': t('desk.filter.clear') }}
          nothingFoundMessage={t('desk.filter.nothingFound')}
          disabled={classify.isPending || request.anonymizedAt !== null}
          error={fields.categoryId}
        />
        <Select
          label={t('desk.classify.type')}
          description={t('desk.classify.typeHint')}
          data={REQUEST_TYPES.map((value) => ({ value, label: t(`requests.type.${value}`) }))}
          value={request.type}
          onChange={(value) => value && save({ type: value as RequestType })}
          allowDeselect={false}
          disabled={classify.isPending || request.anonymizedAt !== null}
          error={fields.type}
        />
      </Stack>
    </Card>
  );
}
