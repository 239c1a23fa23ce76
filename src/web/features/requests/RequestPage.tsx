import { Alert, Anchor, Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { formatDate } from '../../../shared/i18n/format.ts';
import { ApiError } from '../../api/client.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { NotFoundPage, PageLoader } from '../../components/StatusPages.tsx';
import { useT } from '../../i18n/locale.tsx';
import { zoneOf } from '../../i18n/time-zone.ts';
import { DeadlineBadge, StatusBadge } from './badges.tsx';
import { Composer } from './Composer.tsx';
import { AssignmentCard, ClassificationCard, DeadlinesCard, RequesterCard } from './RequestSidebar.tsx';
import { useCategories, useRequestDetail, type RequestDetail } from './requests-api.ts';
import { StatusActions } from './StatusActions.tsx';
import { Attachments, Timeline } from './Timeline.tsx';
import './requests.css';

/** One request for the desk (/requests/:id): header, actions, the wording, the history and the composer. */
export function RequestPage() {
  const t = useT();
  const { id = '' } = useParams();
  const location = useLocation();
  const detail = useRequestDetail(id);
  const queueSearch = (location.state as { queueSearch?: string } | null)?.queueSearch;
  const back = queueSearch ? `/requests?${queueSearch}` : '/requests';
  useDocumentTitle(
    detail.data
      ? `${detail.data.number} ${detail.data.anonymizedAt ? t('desk.anonymized.subject') : detail.data.subject} — ${t('app.name')}`
      : `${t('web.nav.requests')} — ${t('app.name')}`,
  );

  if (detail.error instanceof ApiError && detail.error.status === 404) return <NotFoundPage />;
  return (
    <Stack gap="md" maw={1400}>
      <Anchor component={Link} to={back} size="sm" w="fit-content">
        ← {t('desk.request.back')}
      </Anchor>
      <ErrorAlert error={detail.error} />
      {detail.isPending ? <PageLoader /> : null}
      {detail.data ? <RequestView key={detail.data.id} request={detail.data} /> : null}
    </Stack>
  );
}

function RequestView({ request }: { request: RequestDetail }) {
  const t = useT();
  const categories = useCategories(request.organizationId);
  const [actionError, setActionError] = useState<unknown>(null);
  const w = request.wording;
  const structured = [
    ['desk.wording.whatDid', w.whatDid],
    ['desk.wording.expected', w.expected],
    ['desk.wording.happened', w.happened],
    ['desk.wording.description', w.description],
  ] as const;
  const originalFiles = request.timeline.find((event) => event.type === 'created')?.attachments ?? [];

  return (
    <>
      <header>
        <Group gap="xs" mb={6} wrap="wrap">
          <Text ff="monospace" size="sm" c="dimmed" data-testid="request-number">
            {request.number}
          </Text>
          <StatusBadge status={request.status} />
          <DeadlineBadge badge={request.deadlines.badge} />
        </Group>
        <Title order={1} size="h2" className="break-anywhere" c={request.anonymizedAt ? 'dimmed' : undefined}>
          {/* A de-personalised request's subject is the placeholder '—'. */}
          {request.anonymizedAt ? t('desk.anonymized.subject') : request.subject}
        </Title>
      </header>
      <div aria-live="polite">{actionError ? <ErrorAlert error={actionError} /> : null}</div>
      <StatusActions request={request} onError={setActionError} />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="md">
            {request.anonymizedAt ? (
              <AnonymizedNotice at={request.anonymizedAt} timeZone={zoneOf(request)} />
            ) : (
              <Paper withBorder p="md" component="section" aria-labelledby="wording-title">
                <Title order={2} size="h4" id="wording-title" mb="xs">
                  {t('desk.wording.title')}
                </Title>
                <dl className="rq-facts">
                  {structured.map(([key, value]) =>
                    value ? (
                      <div key={key} style={{ display: 'contents' }}>
                        <dt>{t(key)}</dt>
                        <dd style={{ whiteSpace: 'pre-wrap' }}>{value}</dd>
                      </div>
                    ) : null,
                  )}
                </dl>
                {structured.every(([, value]) => !value) ? <Text c="dimmed">{t('desk.wording.empty')}</Text> : null}
                <Attachments items={originalFiles} />
              </Paper>
            )}
            {request.rejection ? (
              <Alert color="red" variant="light" title={t('desk.request.rejected')}>
                <Text size="sm">
                  <strong>{t('desk.event.reason')}:</strong> {t(`requests.rejectReason.${request.rejection.reason}`)}
                </Text>
                {request.rejection.comment ? (
                  <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }}>
                    {request.rejection.comment}
                  </Text>
                ) : null}
              </Alert>
            ) : null}
            {request.resolution && request.status !== 'rejected' ? (
              <Alert color="green" variant="light" title={t('desk.request.resolution')}>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {request.resolution}
                </Text>
              </Alert>
            ) : null}
            <section aria-labelledby="history-title">
              <Title order={2} size="h4" id="history-title" mb="sm">
                {t('desk.request.history')}
              </Title>
              <Timeline events={request.timeline} categories={categories.data} timeZone={zoneOf(request)} />
            </section>
            {/* A de-personalised request has nobody to answer and nothing to change. */}
            {request.anonymizedAt ? null : <Composer request={request} />}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="md">
            <DeadlinesCard request={request} />
            <RequesterCard request={request} />
            <AssignmentCard request={request} />
            <ClassificationCard request={request} categories={categories.data} />
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}

/**
 * In place of the wording on a de-personalised request (retention term over, or the person's
 * demand): the requester's data, the wording, the conversation and the files are gone for good.
 */
function AnonymizedNotice({ at, timeZone }: { at: string; timeZone: string }) {
  const t = useT();
  return (
    <Alert
      color="gray"
      variant="light"
      role="note"
      title={t('desk.anonymized.title', { date: formatDate(at, timeZone) })}
      data-testid="anonymized-notice"
    >
      <Text size="sm">{t('desk.anonymized.text')}</Text>
    </Alert>
  );
}
