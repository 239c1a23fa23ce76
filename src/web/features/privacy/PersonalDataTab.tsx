import { Alert, Anchor, Button, Group, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useRef, useState, type ChangeEvent, type FormEvent, type ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { formatDateTime } from '../../../shared/i18n/format.ts';
import { ErrorAlert, fieldErrors } from '../../components/ErrorAlert.tsx';
import { useT, type Translate } from '../../i18n/locale.tsx';
import { useDeskPolicy } from '../desk-settings/desk-settings-api.ts';
import { isRole, roleHas } from '../../../domain/permissions.ts';
import { useSignedIn } from '../../api/me.ts';
import { ResponsiveModal } from '../../components/ResponsiveModal.tsx';
import type { PersonalDataDocument } from '../../../shared/personal-data-document.ts';
import { erasureOf, summaryOf } from './personal-data-file.ts';
import {
  saveDocument,
  useErasureAct,
  useErasureLog,
  usePersonalDataErasure,
  usePersonalDataExport,
  type ActPeriod,
  type ErasureEntry,
  type PersonalDataFile,
} from './privacy-api.ts';

/**
 * Settings → «Персональные данные»: the answer to a data subject's request (152-FZ art. 14). The
 * head or an admin finds a person by e-mail or phone, sees how much Opora keeps about them and
 * downloads it as one JSON file; below, the retention term of the desk's finished requests and
 * the record of what was destroyed, with the act of destruction of a period (RKN order No. 179).
 */
export default function PersonalDataTab({ organizationId }: { organizationId: string }) {
  const me = useSignedIn();
  const mayErase = Boolean(me.membership && roleHas(me.membership.role, 'personalData.erase'));
  return (
    <Stack gap="lg">
      <ExportSection organizationId={organizationId} />
      <RetentionSection organizationId={organizationId} />
      {mayErase ? <ActsSection organizationId={organizationId} /> : null}
    </Stack>
  );
}

function ExportSection({ organizationId }: { organizationId: string }) {
  const t = useT();
  const [email, setEmail] = useState('');
  const [phone, setPhone] = useState('');
  const [missing, setMissing] = useState(false);
  const emailRef = useRef<HTMLInputElement>(null);
  const exported = usePersonalDataExport(organizationId);
  const fields = fieldErrors(exported.error);
  const fieldError = Boolean(fields.email || fields.phone);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!email.trim() && !phone.trim()) {
      exported.reset();
      setMissing(true);
      emailRef.current?.focus();
      return;
    }
    setMissing(false);
    exported.mutate({ email, phone });
  };

  return (
    <TabSection id="privacy-export-title" title={t('privacy.export.title')} lead={t('privacy.export.lead')}>
      <form onSubmit={submit} noValidate aria-labelledby="privacy-export-title">
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" maw="48rem">
            <TextInput
              ref={emailRef}
              type="email"
              label={t('privacy.export.email')}
              description={t('privacy.export.emailHint')}
              value={email}
              onChange={(event) => {
                setEmail(event.currentTarget.value);
                setMissing(false);
              }}
              error={missing ? t('privacy.export.needOne') : fields.email}
              maxLength={254}
              autoComplete="off"
              spellCheck={false}
              inputWrapperOrder={['label', 'description', 'input', 'error']}
            />
            <TextInput
              type="tel"
              label={t('privacy.export.phone')}
              description={t('privacy.export.phoneHint')}
              value={phone}
              onChange={(event) => {
                setPhone(event.currentTarget.value);
                setMissing(false);
              }}
              error={missing ? true : fields.phone}
              maxLength={40}
              autoComplete="off"
              inputWrapperOrder={['label', 'description', 'input', 'error']}
            />
          </SimpleGrid>
          {fieldError ? null : <ErrorAlert error={exported.error} />}
          <Group>
            <Button type="submit" loading={exported.isPending}>
              {t('privacy.export.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
      <div aria-live="polite">{exported.data ? <ExportResult file={exported.data} /> : null}</div>
      {exported.data ? (
        <ErasureSection key={exported.data.document.generatedAt} organizationId={organizationId} document={exported.data.document} />
      ) : null}
    </TabSection>
  );
}

/** "e-mail a@b.ru, телефон +7…": what the export was made for. */
function queryText(document: PersonalDataDocument, t: Translate): string {
  const query = document.query;
  if (!('email' in query)) return '';
  const parts: string[] = [];
  if (query.email) parts.push(t('privacy.export.queryEmail', { email: query.email }));
  if (query.phone) parts.push(t('privacy.export.queryPhone', { phone: query.phone }));
  return parts.join(', ');
}

function ExportResult({ file }: { file: PersonalDataFile }) {
  const t = useT();
  const { accounts, requests } = summaryOf(file.document);
  const anonymized = file.document.requests.filter((request) => request.anonymizedAt).length;
  const query = queryText(file.document, t);
  return (
    <Alert
      color={accounts + requests > 0 ? 'green' : 'gray'}
      variant="light"
      mt="lg"
      maw="48rem"
      title={t('privacy.export.resultTitle')}
      data-testid="privacy-result"
    >
      <Stack gap="xs">
        <Text size="sm" fw={600}>
          {t('privacy.export.found', { accounts, requests })}
        </Text>
        {anonymized > 0 ? <Text size="sm">{t('privacy.export.anonymized', { n: anonymized })}</Text> : null}
        {accounts + requests === 0 ? <Text size="sm">{t('privacy.export.nothing')}</Text> : null}
        {query ? (
          <Text size="sm" className="break-anywhere">
            {t('privacy.export.generated', { date: formatDateTime(file.document.generatedAt, file.document.timeZone), query })}
          </Text>
        ) : null}
        <Group gap="sm" mt={4}>
          <Button variant="filled" onClick={() => saveDocument(file)}>
            {t('privacy.export.download')}
          </Button>
        </Group>
        <Text size="xs" className="break-anywhere">
          {t('privacy.export.downloadHint', { name: file.fileName })}
        </Text>
      </Stack>
    </Alert>
  );
}

/**
 * The person's demand to destroy their data (152-FZ art. 21): after the export, their finished
 * requests can be de-personalised at once; a dialog asks first, the answer lists what was erased
 * and what is still open. Shown to roles with `personalData.erase`.
 */
function ErasureSection({ organizationId, document }: { organizationId: string; document: PersonalDataDocument }) {
  const t = useT();
  const me = useSignedIn();
  const [confirming, setConfirming] = useState(false);
  const erasure = usePersonalDataErasure(organizationId);
  if (!me.membership || !roleHas(me.membership.role, 'personalData.erase') || !('email' in document.query)) return null;
  const query = { email: document.query.email ?? '', phone: document.query.phone ?? '' };
  const { finished, open } = erasureOf(document);
  if (finished + open === 0 && !erasure.data) return null;
  const confirm = () =>
    erasure.mutate(query, {
      onSettled: () => setConfirming(false),
    });
  return (
    <Stack gap="xs" mt="lg" maw="48rem" component="section" aria-labelledby="privacy-erasure-title" data-testid="privacy-erasure">
      <Title order={3} size="h5" id="privacy-erasure-title">
        {t('privacy.erase.title')}
      </Title>
      <Text size="sm">{t('privacy.erase.lead')}</Text>
      {erasure.data ? (
        <Alert color="green" variant="outline" role="status">
          <Text size="sm" className="break-anywhere">
            {erasure.data.erased.length > 0
              ? t('privacy.erase.done', { n: erasure.data.erased.length, numbers: erasure.data.erased.map((r) => r.number).join(', ') })
              : t('privacy.erase.none')}
          </Text>
          {erasure.data.open.length > 0 ? (
            <Text size="sm" className="break-anywhere">
              {t('privacy.erase.stillOpen', { numbers: erasure.data.open.map((r) => r.number).join(', ') })}
            </Text>
          ) : null}
        </Alert>
      ) : (
        <>
          {open > 0 ? <Text size="sm">{t('privacy.erase.openFirst', { n: open })}</Text> : null}
          <Group>
            {/* The label wraps on a phone instead of being cut off. */}
            <Button
              color="red"
              variant="light"
              disabled={finished === 0}
              onClick={() => setConfirming(true)}
              h="auto"
              py={8}
              styles={{ label: { whiteSpace: 'normal', textAlign: 'left' } }}
            >
              {t('privacy.erase.button', { n: finished })}
            </Button>
          </Group>
        </>
      )}
      <ErrorAlert error={erasure.error} />
      <ResponsiveModal opened={confirming} onClose={() => setConfirming(false)} title={t('privacy.erase.confirmTitle')}>
        <Stack gap="md">
          <Text size="sm">{t('privacy.erase.confirmText', { n: finished })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('web.cancel')}
            </Button>
            <Button color="red" loading={erasure.isPending} onClick={confirm}>
              {t('privacy.erase.confirm')}
            </Button>
          </Group>
        </Stack>
      </ResponsiveModal>
    </Stack>
  );
}

function RetentionSection({ organizationId }: { organizationId: string }) {
  const t = useT();
  const location = useLocation();
  const policy = useDeskPolicy(organizationId);
  const days = policy.data?.anonymizeAfterDays;
  return (
    <TabSection id="privacy-retention-title" title={t('privacy.retention.title')}>
      <Stack gap="xs" maw="48rem">
        <Text size="sm" data-testid="privacy-retention">
          {typeof days === 'number' ? t('privacy.retention.days', { days }) : t('privacy.retention.unknown')}
        </Text>
        {policy.data ? (
          <Anchor component={Link} to={{ pathname: '/settings/requests', search: location.search }} size="sm" w="fit-content">
            {t('privacy.retention.link')}
          </Anchor>
        ) : null}
      </Stack>
    </TabSection>
  );
}

/** How many numbers of one entry are shown before «и ещё N». */
const NUMBERS_SHOWN = 6;

function ActsSection({ organizationId }: { organizationId: string }) {
  const t = useT();
  // The first answer (no period asked) is this month so far where the school is; its days fill the form.
  const [period, setPeriod] = useState<ActPeriod | null>(null);
  const log = useErasureLog(organizationId, period);
  const [edited, setEdited] = useState<ActPeriod | null>(null);
  const draft = edited ?? log.data?.period ?? { from: '', to: '' };
  const act = useErasureAct(organizationId);
  const fields = { ...fieldErrors(log.error), ...fieldErrors(act.error) };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    act.reset();
    setPeriod({ ...draft });
  };
  const edit = (key: keyof ActPeriod) => (event: ChangeEvent<HTMLInputElement>) => {
    setEdited({ ...draft, [key]: event.currentTarget.value });
  };

  return (
    <TabSection id="privacy-acts-title" title={t('privacy.acts.title')} lead={t('privacy.acts.lead')}>
      <form onSubmit={submit} noValidate aria-labelledby="privacy-acts-title">
        <Group align="flex-start" gap="md" wrap="wrap">
          <TextInput
            type="date"
            label={t('privacy.acts.from')}
            value={draft.from}
            onChange={edit('from')}
            error={fields.from}
            required
            w={180}
          />
          <TextInput type="date" label={t('privacy.acts.to')} value={draft.to} onChange={edit('to')} error={fields.to} required w={180} />
          <Button type="submit" variant="default" mt={{ base: 0, xs: 25 }} loading={log.isFetching}>
            {t('privacy.acts.show')}
          </Button>
        </Group>
      </form>
      <ErrorAlert error={fields.from || fields.to ? null : (log.error ?? act.error)} />
      {log.data ? (
        <Stack gap="sm" mt="md" data-testid="privacy-acts">
          <Text size="sm" fw={500}>
            {log.data.entries.length === 0
              ? t('privacy.acts.none')
              : t('privacy.acts.found', { n: log.data.entries.length, requests: log.data.requests })}
          </Text>
          {log.data.entries.length > 0 ? (
            <>
              <Stack gap={6} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
                {log.data.entries.map((entry) => (
                  <ErasureItem key={entry.id} entry={entry} timeZone={log.data.timeZone} t={t} />
                ))}
              </Stack>
              <Group>
                <Button onClick={() => act.mutate(log.data.period)} loading={act.isPending}>
                  {t('privacy.acts.download')}
                </Button>
              </Group>
            </>
          ) : null}
        </Stack>
      ) : null}
    </TabSection>
  );
}

function ErasureItem({ entry, timeZone, t }: { entry: ErasureEntry; timeZone: string; t: Translate }) {
  const role = entry.actor && isRole(entry.actor.role) ? t(`role.${entry.actor.role}`) : null;
  const who = entry.actor ? (role ? `${entry.actor.name} (${role})` : entry.actor.name) : t('privacy.acts.who.system');
  const hidden = entry.numbers.length - NUMBERS_SHOWN;
  return (
    <Paper component="li" withBorder p="xs" radius="sm">
      <Text size="sm" fw={500}>
        {formatDateTime(entry.erasedAt, timeZone)} · {t(`privacy.acts.reason.${entry.reason}`)} · {who}
      </Text>
      <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
        {t('privacy.acts.requests')}: {entry.numbers.slice(0, NUMBERS_SHOWN).join(', ')}
        {hidden > 0 ? ` ${t('privacy.acts.more', { n: hidden })}` : ''}
      </Text>
    </Paper>
  );
}

/** One section of the tab: a bordered block named by its heading, with an optional lead paragraph. */
function TabSection({ id, title, lead, children }: { id: string; title: string; lead?: string; children: ReactNode }) {
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby={id}>
      <Title order={2} size="h4" id={id} mb="xs">
        {title}
      </Title>
      {lead ? (
        <Text size="sm" mb="md" maw="48rem">
          {lead}
        </Text>
      ) : null}
      {children}
    </Paper>
  );
}
