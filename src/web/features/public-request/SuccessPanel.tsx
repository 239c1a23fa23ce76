import { Alert, Anchor, Button, CopyButton, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { formatDate } from '../../../shared/i18n/format.ts';
import { useT } from '../../i18n/locale.tsx';
import type { SubmissionResult } from './public-api.ts';

/** What the person sees after sending: the number, the deadline (on the school's clock), the private status link. */
export function SuccessPanel({
  result,
  email,
  embed,
  timeZone,
  onAnother,
}: {
  result: SubmissionResult;
  email: string;
  embed: boolean;
  /** The school's time zone. */
  timeZone: string;
  onAnother: () => void;
}) {
  const t = useT();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
    window.scrollTo({ top: 0 });
  }, []);
  const link = result.statusPath ? `${window.location.origin}${result.statusPath}` : null;
  return (
    <Stack gap="lg">
      <Title order={1} size="h2" ref={heading} tabIndex={-1}>
        {t('intake.done.title')}
      </Title>
      <Paper withBorder p={{ base: 'md', sm: 'lg' }}>
        <Stack gap="xs">
          <Text fw={600} id="done-number-label">
            {t('intake.done.number')}
          </Text>
          <Text className="request-number" aria-labelledby="done-number-label" data-testid="request-number">
            {result.number}
          </Text>
          <Text>{t('intake.done.due', { date: formatDate(result.dueAt, timeZone) })}</Text>
        </Stack>
      </Paper>
      {!result.created ? (
        <Alert color="opora" variant="light" role="note">
          {t('intake.done.duplicate')}
        </Alert>
      ) : null}
      {result.emailed ? (
        <Text>{result.created ? t('intake.done.emailed', { email }) : t('intake.done.duplicateEmailed')}</Text>
      ) : result.created ? (
        <Text>{t('intake.done.noEmail')}</Text>
      ) : null}
      {link && result.statusPath ? (
        <Paper withBorder p={{ base: 'md', sm: 'lg' }}>
          <Stack gap="sm">
            <Text fw={600}>{t('intake.done.statusLink')}</Text>
            <Anchor href={link} className="status-link" target={embed ? '_blank' : undefined} rel={embed ? 'noopener' : undefined}>
              {link}
            </Anchor>
            <Text size="sm" c="dimmed">
              {t('intake.done.statusLinkHelp')}
            </Text>
            <Group gap="sm">
              {embed ? (
                <Button component="a" href={result.statusPath} target="_blank" rel="noopener">
                  {t('intake.done.open')}
                </Button>
              ) : (
                <Button component={Link} to={result.statusPath}>
                  {t('intake.done.open')}
                </Button>
              )}
              <CopyButton value={link}>
                {({ copied, copy }) => (
                  <Button variant="default" onClick={copy} aria-live="polite">
                    {copied ? t('intake.done.copied') : t('intake.done.copy')}
                  </Button>
                )}
              </CopyButton>
            </Group>
          </Stack>
        </Paper>
      ) : null}
      <div>
        <Button variant="default" onClick={onAnother}>
          {t('intake.done.another')}
        </Button>
      </div>
    </Stack>
  );
}
