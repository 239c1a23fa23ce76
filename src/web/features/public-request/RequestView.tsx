import { Alert, Anchor, Box, Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useEffect, useRef, useState, type ChangeEvent, type FormEvent, type ReactNode, type Ref } from 'react';
import type { MessageKey } from '../../i18n/locale.tsx';
import { ApiError } from '../../api/client.ts';
import { errorText } from '../../components/ErrorAlert.tsx';
import { ChosenFiles, fileSizeText } from '../../components/ChosenFiles.tsx';
import { useT, type Translate } from '../../i18n/locale.tsx';
import { zonedFormat, zoneOf, type ZonedFormat } from '../../i18n/time-zone.ts';
import { STATUS_COLORS, StatusBadge } from '../../components/StatusBadge.tsx';
import { FilePicker } from './FilePicker.tsx';
import type { RequesterView, RequestStatus, ViewAttachment, ViewEvent } from './public-api.ts';
import { closeLosesDraft, requesterChoices } from './requester-actions.ts';

export { StatusBadge };

function Attachments({ items }: { items: ViewAttachment[] }) {
  const t = useT();
  if (items.length === 0) return null;
  return (
    <Box component="ul" m={0} mt={4} pl="md" aria-label={t('intake.status.attachments')}>
      {items.map((file) => (
        <li key={file.id}>
          <Anchor href={file.url} download={file.fileName}>
            {t('intake.status.download', { name: file.fileName, size: fileSizeText(file.sizeBytes, t) })}
          </Anchor>
        </li>
      ))}
    </Box>
  );
}

function eventTitle(event: ViewEvent, t: Translate, format: ZonedFormat): string {
  switch (event.type) {
    case 'created':
      return t('intake.status.event.created');
    case 'reply':
      return t('intake.status.event.reply');
    case 'requester_reply':
      return t('intake.status.event.requester_reply');
    case 'status_changed': {
      const action = event.metadata.action;
      if (action === 'request_clarification') return t('intake.status.event.clarification');
      if (action === 'resolve') return t('intake.status.event.resolved');
      if (action === 'reject') {
        const reason = event.metadata.reason;
        const reasonText = reason ? t(`requests.rejectReason.${reason}` as MessageKey) : '';
        return t('intake.status.event.rejected', { reason: reasonText });
      }
      const to = event.metadata.to as RequestStatus | undefined;
      return t('intake.status.event.status', { status: to ? t(`requests.status.${to}`) : '' });
    }
    case 'legal_term_extended':
      // The law asks that the requester be told of the new term and why (the reason is the body).
      return t('intake.status.event.legalExtended', { date: event.metadata.to ? format.date(event.metadata.to) : '' });
    default:
      return t('intake.status.event.status', { status: '' });
  }
}

function actorText(event: ViewEvent, t: Translate): string {
  if (event.actor.kind === 'requester') return t('intake.status.you');
  if (event.actor.kind === 'system') return t('intake.status.system');
  return event.actor.name ? `${t('intake.status.consultant')} · ${event.actor.name}` : t('intake.status.consultant');
}

function Timeline({ events, format }: { events: ViewEvent[]; format: ZonedFormat }) {
  const t = useT();
  const visible = events.filter(
    (e) =>
      e.type !== 'status_changed' ||
      e.body ||
      ['request_clarification', 'resolve', 'reject', 'close', 'auto_close', 'reopen'].includes(e.metadata.action ?? ''),
  );
  if (visible.length === 0) return <Text>{t('intake.status.noMessages')}</Text>;
  return (
    <ol className="timeline">
      {visible.map((event) => (
        <li key={event.id} data-actor={event.actor.kind}>
          <Text fw={600} component="h3" size="md" m={0}>
            {eventTitle(event, t, format)}
          </Text>
          <Text size="sm" c="dimmed">
            {actorText(event, t)}, <time dateTime={event.createdAt}>{format.dateTime(event.createdAt)}</time>
          </Text>
          {event.body ? <p className="message-body">{event.body}</p> : null}
          <Attachments items={event.attachments} />
        </li>
      ))}
    </ol>
  );
}

function Facts({ view, format }: { view: RequesterView; format: ZonedFormat }) {
  const t = useT();
  const open = ['new', 'in_progress', 'waiting_for_requester'].includes(view.status);
  const due = view.deadlines.dueAt
    ? format.date(view.deadlines.dueAt)
    : view.status === 'waiting_for_requester'
      ? t('intake.status.duePaused')
      : null;
  // The law's term, when the request has one; the review date is left out when it is the same day.
  const legalDue = view.deadlines.legalDueAt ? format.date(view.deadlines.legalDueAt) : null;
  const topic = view.category ? (view.category.parent ? `${view.category.parent.name} → ${view.category.name}` : view.category.name) : null;
  return (
    <dl className="request-facts">
      <dt>{t('intake.status.school')}</dt>
      <dd>{view.school?.name ?? view.organization.name}</dd>
      <dt>{t('intake.status.state')}</dt>
      <dd>
        <StatusBadge status={view.status} size="lg" />
      </dd>
      {open && due && due !== legalDue ? (
        <>
          <dt>{t('intake.status.due')}</dt>
          <dd data-testid="request-due">{due}</dd>
        </>
      ) : null}
      {open && legalDue ? (
        <>
          <dt>{t('intake.status.legalDue')}</dt>
          <dd data-testid="request-legal-due">
            {view.deadlines.legalExtendedAt ? t('intake.status.legalDueExtended', { date: legalDue }) : legalDue}
          </dd>
        </>
      ) : null}
      <dt>{t('intake.status.registered')}</dt>
      <dd>{format.dateTime(view.registeredAt)}</dd>
      {topic ? (
        <>
          <dt>{t('intake.status.topic')}</dt>
          <dd>{topic}</dd>
        </>
      ) : null}
    </dl>
  );
}

function Wording({ view }: { view: RequesterView }) {
  const t = useT();
  const parts: [string, string | null][] = [
    [t('intake.form.whatDid'), view.wording.whatDid],
    [t('intake.form.expected'), view.wording.expected],
    [t('intake.form.happened'), view.wording.happened],
    [t('intake.form.description'), view.wording.description],
  ];
  return (
    <Stack gap="xs">
      <Text fw={600}>{view.subject}</Text>
      {parts
        .filter(([, text]) => text)
        .map(([label, text]) => (
          <div key={label}>
            <Text fw={600} size="sm">
              {label}
            </Text>
            <p className="message-body" style={{ marginTop: 0 }}>
              {text}
            </p>
          </div>
        ))}
    </Stack>
  );
}

interface ReplyProps {
  view: RequesterView;
  onReply: (body: string, files: File[]) => Promise<RequesterView>;
  onAction: (action: 'reopen' | 'close') => Promise<RequesterView>;
  onUpdated: (view: RequesterView) => void;
  idPrefix: string;
}

type Pending = 'reply' | 'close' | 'reopen' | null;

function ReplyBox({
  view,
  onReply,
  onAction,
  onUpdated,
  focusStatusNext,
  idPrefix,
}: ReplyProps & {
  /** Before a reopen or close is shown: focus goes to the status message once it shows the new status. */
  focusStatusNext: () => void;
}) {
  const t = useT();
  const [body, setBody] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [pending, setPending] = useState<Pending>(null);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState('');
  const [confirmingClose, setConfirmingClose] = useState(false);
  const confirmRef = useRef<HTMLDivElement>(null);
  const { canReply, canClose, canReopen, finished } = requesterChoices(view);
  const fields = error instanceof ApiError ? error.fields : {};
  const bodyError = fields.body;

  useEffect(() => {
    if (confirmingClose) confirmRef.current?.focus();
  }, [confirmingClose]);

  if (finished) {
    return (
      <Alert variant="light" color="gray" role="note">
        {t('intake.status.closedNoReply')}
      </Alert>
    );
  }

  const send = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setNotice('');
    setConfirmingClose(false);
    setPending('reply');
    try {
      const updated = await onReply(body, files);
      setBody('');
      setFiles([]);
      setNotice(t('intake.status.replySent'));
      onUpdated(updated);
    } catch (failure) {
      setError(failure);
    } finally {
      setPending(null);
    }
  };
  const act = async (action: 'reopen' | 'close') => {
    setError(null);
    setNotice('');
    setConfirmingClose(false);
    setPending(action);
    try {
      const updated = await onAction(action);
      if (action === 'close') {
        // The request is closed: what was typed will not be sent any more.
        setBody('');
        setFiles([]);
      }
      setNotice(t(action === 'close' ? 'intake.status.closedDone' : 'intake.status.reopenedDone'));
      focusStatusNext();
      onUpdated(updated);
    } catch (failure) {
      setError(failure);
    } finally {
      setPending(null);
    }
  };
  // Closing would drop an unsent message: ask first.
  const close = () => {
    if (closeLosesDraft(body, files)) setConfirmingClose(true);
    else void act('close');
  };
  const backToMessage = () => {
    setConfirmingClose(false);
    document.getElementById(`${idPrefix}-reply`)?.focus();
  };
  const waiting = view.status === 'waiting_for_requester';
  const generalError = error && !fields.body ? errorText(error, t) : null;
  const errorAlert = generalError ? (
    <Alert color="red" variant="light" role="alert">
      {generalError}
    </Alert>
  ) : null;
  const reopenButton = canReopen ? (
    <Button variant="default" onClick={() => void act('reopen')} loading={pending === 'reopen'} disabled={pending !== null}>
      {t('intake.status.reopen')}
    </Button>
  ) : null;
  const closeButton = canClose ? (
    <Button variant="default" onClick={close} loading={pending === 'close'} disabled={pending !== null || confirmingClose}>
      {t('intake.status.confirm')}
    </Button>
  ) : null;
  const confirmId = `${idPrefix}-close-unsent`;
  const closeConfirmation = confirmingClose ? (
    <Alert
      variant="light"
      color="yellow"
      ref={confirmRef}
      tabIndex={-1}
      role="group"
      aria-labelledby={confirmId}
      data-testid="close-unsent"
    >
      <Stack gap="sm">
        <Text id={confirmId}>{t('intake.status.closeUnsent')}</Text>
        <Group gap="sm">
          <Button color="red" variant="light" onClick={() => void act('close')} loading={pending === 'close'}>
            {t('intake.status.closeAnyway')}
          </Button>
          <Button variant="default" onClick={backToMessage}>
            {t('intake.status.backToMessage')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  ) : null;
  const title = canReply
    ? waiting
      ? t('intake.status.replyTitleClarify')
      : t('intake.status.replyTitle')
    : t('intake.status.reopenTitle');
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby={`${idPrefix}-reply-title`}>
      <Title order={2} size="h3" id={`${idPrefix}-reply-title`} mb="sm">
        {title}
      </Title>
      {canReply ? (
        <form onSubmit={(event) => void send(event)} noValidate>
          <Stack gap="sm">
            <Textarea
              id={`${idPrefix}-reply`}
              label={t('intake.status.replyLabel')}
              description={t('intake.status.replyHelp')}
              autosize
              minRows={3}
              maxRows={12}
              maxLength={8000}
              value={body}
              onChange={(event) => setBody(event.currentTarget.value)}
              error={bodyError}
            />
            <Stack gap={4}>
              <Text component="label" htmlFor={`${idPrefix}-files`} fw={500} size="sm">
                {t('intake.form.files')}
              </Text>
              <FilePicker
                id={`${idPrefix}-files`}
                accept="image/png,image/jpeg,image/webp,image/gif,application/pdf,.png,.jpg,.jpeg,.webp,.gif,.pdf"
                onChange={(event: ChangeEvent<HTMLInputElement>) => {
                  const chosen = Array.from(event.currentTarget.files ?? []);
                  event.currentTarget.value = '';
                  setFiles((prev) => [...prev, ...chosen]);
                }}
              />
              <ChosenFiles
                files={files}
                label={t('intake.form.filesChosen')}
                onRemove={(index) => setFiles((prev) => prev.filter((_, i) => i !== index))}
              />
            </Stack>
            {errorAlert}
            <Group gap="sm">
              <Button type="submit" loading={pending === 'reply'} disabled={pending !== null}>
                {t('intake.status.replySend')}
              </Button>
              {reopenButton}
              {closeButton}
            </Group>
            {closeConfirmation}
          </Stack>
        </form>
      ) : (
        <Stack gap="sm">
          {errorAlert}
          <Group gap="sm">
            {reopenButton}
            {closeButton}
          </Group>
        </Stack>
      )}
      <Text role="status" aria-live="polite" mt="sm">
        {notice}
      </Text>
    </Paper>
  );
}

/** "Обращение 27-26-00042" with the number kept on one line (it must not break at a hyphen). */
function NumberTitle({ text, number }: { text: string; number: string }) {
  const [before = '', after = ''] = text.split('\u0000');
  return (
    <>
      {before}
      <span style={{ whiteSpace: 'nowrap' }}>{number}</span>
      {after}
    </>
  );
}

/** The requester's view of a request: facts, the request itself, the conversation and the reply box. */
export function RequestView({ headingRef, after, ...reply }: ReplyProps & { headingRef?: Ref<HTMLHeadingElement>; after?: ReactNode }) {
  const t = useT();
  const { view, idPrefix } = reply;
  const format = zonedFormat(zoneOf(view));
  const choices = requesterChoices(view);
  // After a reopen or close the button the person pressed may be gone: focus goes to the status
  // message once it shows the new status (the view has changed), not to the page's body.
  const statusRef = useRef<HTMLDivElement>(null);
  const focusStatus = useRef(false);
  useEffect(() => {
    if (!focusStatus.current) return;
    focusStatus.current = false;
    statusRef.current?.focus();
  }, [view]);
  return (
    <Stack gap="lg">
      <Title order={1} size="h2" ref={headingRef} tabIndex={-1}>
        <NumberTitle text={t('intake.status.title', { number: '\u0000' })} number={view.number} />
      </Title>
      <Facts view={view} format={format} />
      <Alert variant="light" color={STATUS_COLORS[view.status]} role="note" data-testid="status-explanation" ref={statusRef} tabIndex={-1}>
        {t(choices.explanation)}
      </Alert>
      <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby={`${idPrefix}-request-title`}>
        <Title order={2} size="h3" id={`${idPrefix}-request-title`} mb="sm">
          {t('intake.status.request')}
        </Title>
        <Wording view={view} />
      </Paper>
      <section aria-labelledby={`${idPrefix}-conversation-title`}>
        <Title order={2} size="h3" id={`${idPrefix}-conversation-title`} mb="sm">
          {t('intake.status.conversation')}
        </Title>
        <Timeline events={view.timeline} format={format} />
      </section>
      <ReplyBox
        {...reply}
        focusStatusNext={() => {
          focusStatus.current = true;
        }}
      />
      {after}
    </Stack>
  );
}
