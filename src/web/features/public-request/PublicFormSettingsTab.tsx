import { Anchor, Badge, Button, Code, CopyButton, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api } from '../../api/client.ts';
import { ErrorAlert, fieldErrors } from '../../components/ErrorAlert.tsx';
import { PageLoader } from '../../components/StatusPages.tsx';
import { useT } from '../../i18n/locale.tsx';
import { useWorkspaceFormat } from '../../api/me.ts';

interface ConsentSettings {
  organization: { id: string; slug: string; name: string };
  formPath: string;
  formUrl: string;
  current: { version: string; text: string; custom: boolean; createdAt: string | null };
  history: { version: string; text: string; createdAt: string }[];
}

/** The iframe a school pastes into its own site (one line). */
export function embedSnippet(formUrl: string, title: string): string {
  return `<iframe src="${formUrl}?embed=1" title="${title}" style="width:100%;min-height:1600px;border:0" loading="lazy"></iframe>`;
}

/** Settings → «Форма на сайте»: the link and embed code of the public form, and the 152-FZ consent text. */
export default function PublicFormSettingsTab({ organizationId }: { organizationId: string }) {
  const format = useWorkspaceFormat();
  const t = useT();
  const queryClient = useQueryClient();
  const key = ['intake-consent', organizationId];
  const settings = useQuery({
    queryKey: key,
    queryFn: () => api.get<ConsentSettings>(`/api/organizations/${organizationId}/intake/consent`),
  });
  const [draft, setDraft] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (text: string) => api.put<ConsentSettings['current']>(`/api/organizations/${organizationId}/intake/consent`, { text }),
    onSuccess: (current) => {
      setDraft(null);
      void queryClient.invalidateQueries({ queryKey: key });
      notifications.show({ color: 'green', message: t('intake.settings.consentSaved', { version: current.version }) });
    },
  });
  if (settings.isPending) return <PageLoader />;
  if (!settings.data) return <ErrorAlert error={settings.error} />;
  const data = settings.data;
  const snippet = embedSnippet(data.formUrl, t('intake.page.title'));
  const text = draft ?? data.current.text;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(text);
  };
  return (
    <Stack gap="lg">
      <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="intake-form-title">
        <Title order={2} size="h4" id="intake-form-title" mb="xs">
          {t('intake.settings.formTitle')}
        </Title>
        <Stack gap="sm">
          <Text>{t('intake.settings.formLead')}</Text>
          <Anchor href={data.formPath} target="_blank" rel="noopener" className="break-anywhere">
            {data.formUrl}
          </Anchor>
          <Text fw={600} id="intake-embed-label">
            {t('intake.settings.embedTitle')}
          </Text>
          <Text size="sm">{t('intake.settings.embedLead')}</Text>
          <Code block aria-labelledby="intake-embed-label" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
            {snippet}
          </Code>
          <CopyButton value={snippet}>
            {({ copied, copy }) => (
              <Button variant="default" onClick={copy} style={{ alignSelf: 'flex-start' }}>
                {copied ? t('intake.settings.copied') : t('intake.settings.copy')}
              </Button>
            )}
          </CopyButton>
        </Stack>
      </Paper>
      <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="intake-consent-title">
        <Title order={2} size="h4" id="intake-consent-title" mb="xs">
          {t('intake.form.consentLegend')}
        </Title>
        <form onSubmit={submit}>
          <Stack gap="sm">
            <Group gap="xs">
              <Text>{t('intake.settings.consentCurrent')}</Text>
              <Badge variant="light">{data.current.version}</Badge>
              {data.current.custom ? null : (
                <Text size="sm" c="dimmed">
                  {t('intake.settings.consentDefault')}
                </Text>
              )}
            </Group>
            <Textarea
              label={t('intake.settings.consentText')}
              description={t('intake.settings.consentHelp')}
              autosize
              minRows={6}
              maxRows={20}
              maxLength={20000}
              value={text}
              onChange={(event) => setDraft(event.currentTarget.value)}
              error={fieldErrors(save.error).text}
            />
            <ErrorAlert error={save.error && !fieldErrors(save.error).text ? save.error : null} />
            <Button
              type="submit"
              loading={save.isPending}
              disabled={draft === null || draft.trim() === data.current.text}
              style={{ alignSelf: 'flex-start' }}
            >
              {t('intake.settings.consentSave')}
            </Button>
          </Stack>
        </form>
        {data.history.length > 0 ? (
          <Stack gap={4} mt="md">
            <Text fw={600}>{t('intake.settings.consentHistory')}</Text>
            <ul style={{ margin: 0, paddingLeft: '1.25rem' }}>
              {data.history.map((row) => (
                <li key={row.version}>
                  {row.version} — {format.dateTime(row.createdAt)}
                </li>
              ))}
            </ul>
          </Stack>
        ) : null}
      </Paper>
    </Stack>
  );
}
