import { Alert, Button, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { errorText } from '../../components/ErrorAlert.tsx';
import { PageLoader } from '../../components/StatusPages.tsx';
import { useT } from '../../i18n/locale.tsx';
import { PublicFrame } from './PublicFrame.tsx';
import { publicApi, useStatusView, type RequesterView } from './public-api.ts';
import { RequestView } from './RequestView.tsx';
import { requesterChoices } from './requester-actions.ts';

/** /status/:token — the private status page of a request, without an account. */
export default function StatusPage() {
  const t = useT();
  const { token = '' } = useParams();
  const status = useStatusView(token);
  const queryClient = useQueryClient();
  const view = status.data;
  useDocumentTitle(
    view
      ? `${t('intake.status.title', { number: view.number })} — ${view.school?.shortName ?? t('app.name')}`
      : `${status.isPending ? t('web.loading') : t('intake.status.notFoundTitle')} — ${t('app.name')}`,
  );

  if (status.isPending) {
    return (
      <PublicFrame>
        <PageLoader />
      </PublicFrame>
    );
  }
  if (!view) {
    const notFound = status.error instanceof ApiError && (status.error.status === 404 || status.error.status === 400);
    return (
      <PublicFrame>
        <Stack gap="md">
          <Title order={1} size="h2">
            {notFound ? t('intake.status.notFoundTitle') : t('intake.page.loadFailed')}
          </Title>
          <Alert color="red" variant="light" role="alert">
            <Text>{notFound ? t('intake.error.statusNotFound') : errorText(status.error, t)}</Text>
          </Alert>
        </Stack>
      </PublicFrame>
    );
  }
  const update = (next: RequesterView) => queryClient.setQueryData(['public-status', token], next);
  return (
    <PublicFrame school={view.school ?? null}>
      <RequestView
        view={view}
        idPrefix="status"
        onReply={(body, files) => publicApi.reply(token, body, files)}
        onAction={(action) => publicApi.action(token, action)}
        onUpdated={update}
        after={
          view.school && requesterChoices(view).offerNewRequest ? (
            <div>
              <Button component={Link} to={`/s/${view.school.slug}/request`} variant="default">
                {t('intake.status.newRequest')}
              </Button>
            </div>
          ) : null
        }
      />
    </PublicFrame>
  );
}
