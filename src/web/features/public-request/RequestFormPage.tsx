import { Alert, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { errorText } from '../../components/ErrorAlert.tsx';
import { PageLoader } from '../../components/StatusPages.tsx';
import { useT } from '../../i18n/locale.tsx';
import { zoneOf } from '../../i18n/time-zone.ts';
import { PublicFrame } from './PublicFrame.tsx';
import { useFormInfo, type SubmissionResult } from './public-api.ts';
import { FormIntro, RequestForm } from './RequestForm.tsx';
import { SuccessPanel } from './SuccessPanel.tsx';

/** /s/:slug/request — the school's public request form (`?embed=1` inside the school's own site). */
export default function RequestFormPage() {
  const t = useT();
  const { slug = '' } = useParams();
  const [params] = useSearchParams();
  const embed = params.get('embed') === '1';
  const info = useFormInfo(slug);
  const [done, setDone] = useState<{ result: SubmissionResult; email: string } | null>(null);
  const [round, setRound] = useState(0);
  const title = done ? t('intake.done.title') : t('intake.page.title');
  useDocumentTitle(info.data ? `${title} — ${info.data.school.shortName}` : `${title} — ${t('app.name')}`);

  if (info.isPending) {
    return (
      <PublicFrame embed={embed}>
        <PageLoader />
      </PublicFrame>
    );
  }
  if (!info.data) {
    const notFound = info.error instanceof ApiError && info.error.status === 404;
    return (
      <PublicFrame embed={embed}>
        <Stack gap="md">
          <Title order={1} size="h2">
            {notFound ? t('intake.page.notFoundTitle') : t('intake.page.loadFailed')}
          </Title>
          <Alert color="red" variant="light" role="alert">
            <Text>{errorText(info.error, t)}</Text>
          </Alert>
        </Stack>
      </PublicFrame>
    );
  }
  return (
    <PublicFrame school={info.data.school} embed={embed}>
      {done ? (
        <SuccessPanel
          result={done.result}
          email={done.email}
          embed={embed}
          timeZone={zoneOf(info.data.school)}
          onAnother={() => {
            setDone(null);
            setRound((n) => n + 1);
          }}
        />
      ) : (
        <>
          <FormIntro info={info.data} />
          <RequestForm key={round} slug={slug} info={info.data} onDone={(result, email) => setDone({ result, email })} />
        </>
      )}
    </PublicFrame>
  );
}
