import { Button, Group, Radio, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { REJECT_REASONS } from '../../../domain/requests/taxonomy.ts';
import { ErrorAlert, fieldErrors } from '../../components/ErrorAlert.tsx';
import { ResponsiveModal } from '../../components/ResponsiveModal.tsx';
import { useT } from '../../i18n/locale.tsx';
import { useTransition, type DeskAction, type RejectReason, type RequestDetail } from './requests-api.ts';

/** Actions that ask for a text first: it goes to the requester (by e-mail and on the status page). */
type TextAction = 'request_clarification' | 'resolve' | 'reject';
const isTextAction = (action: DeskAction): action is TextAction =>
  action === 'request_clarification' || action === 'resolve' || action === 'reject';
const ORDER: readonly DeskAction[] = ['start', 'request_clarification', 'resolve', 'reopen', 'close', 'reject'];

/**
 * The status actions the request allows now (from the server's `allowedActions`). Start, close
 * and reopen act at once; asking for clarification, resolving and rejecting open a dialog for the
 * text the requester will read. A refused action (409) shows the server's message and the fresh
 * state of the request.
 */
export function StatusActions({ request, onError }: { request: RequestDetail; onError: (error: unknown) => void }) {
  const t = useT();
  const transition = useTransition(request.id);
  const [dialog, setDialog] = useState<TextAction | null>(null);
  const actions = ORDER.filter((action) => request.allowedActions.includes(action));
  // An open dialog stays even when a colleague's change left no action: its text is not lost.
  if (actions.length === 0 && dialog === null) return null;

  const run = (action: DeskAction) => {
    onError(null);
    transition.mutate(
      { action },
      {
        onSuccess: () => notifications.show({ color: 'green', message: t(`desk.action.done.${action}`) }),
        onError,
      },
    );
  };

  return (
    <>
      {actions.length > 0 ? (
        <Group gap="xs" role="group" aria-label={t('desk.request.actions')}>
          {actions.map((action, index) => (
            <Button
              key={action}
              variant={action === 'reject' ? 'outline' : index === 0 ? 'filled' : 'default'}
              color={action === 'reject' ? 'red' : undefined}
              loading={transition.isPending && transition.variables?.action === action}
              onClick={() => (isTextAction(action) ? setDialog(action) : run(action))}
              data-action={action}
            >
              {t(`requests.action.${action}`)}
            </Button>
          ))}
        </Group>
      ) : null}
      <ResponsiveModal opened={dialog !== null} onClose={() => setDialog(null)} title={dialog ? t(`desk.action.title.${dialog}`) : ''}>
        {dialog ? (
          <ActionForm
            action={dialog}
            request={request}
            onCancel={() => setDialog(null)}
            onDone={() => setDialog(null)}
            // A colleague acted first (409): the page shows the request as it is now, and the
            // dialog stays open with the text typed, to be copied into a reply or a note.
            onConflict={onError}
          />
        ) : null}
      </ResponsiveModal>
    </>
  );
}

/** Where the text of a dialog goes: the requester's e-mail, or only the request's page when there is none. */
export function RequesterMailNotice({ request }: { request: RequestDetail }) {
  const t = useT();
  return (
    <Text size="sm">
      {request.requester.email ? t('desk.action.mailed', { email: request.requester.email }) : t('desk.action.noEmail')}
    </Text>
  );
}

function ActionForm({
  action,
  request,
  onCancel,
  onDone,
  onConflict,
}: {
  action: TextAction;
  request: RequestDetail;
  onCancel: () => void;
  onDone: () => void;
  onConflict: (error: unknown) => void;
}) {
  const t = useT();
  const transition = useTransition(request.id);
  const [body, setBody] = useState('');
  const [reason, setReason] = useState<RejectReason | null>(null);
  const fields = fieldErrors(transition.error);
  const reject = action === 'reject';

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    // A second Ctrl+Enter while the first is on its way would be refused (409) and hide the success.
    if (transition.isPending) return;
    transition.mutate(
      { action, body: body.trim() || null, ...(reject ? { reason } : {}) },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t(`desk.action.done.${action}`) });
          onDone();
        },
        onError: (error) => {
          if ((error as { status?: number }).status === 409) onConflict(error);
        },
      },
    );
  };

  return (
    <form
      onSubmit={submit}
      noValidate
      onKeyDown={(event) => {
        if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
          event.preventDefault();
          submit();
        }
      }}
    >
      <Stack gap="sm">
        <RequesterMailNotice request={request} />
        <ErrorAlert error={transition.error} />
        {reject ? (
          <Radio.Group
            label={t('desk.action.reason')}
            description={t('desk.action.reasonHint')}
            required
            value={reason}
            onChange={(value) => setReason(value as RejectReason)}
            error={fields.reason}
          >
            <Stack gap="xs" mt="xs">
              {REJECT_REASONS.map((value) => (
                <Radio key={value} value={value} label={t(`requests.rejectReason.${value}`)} />
              ))}
            </Stack>
          </Radio.Group>
        ) : null}
        <Textarea
          label={t(`desk.action.bodyLabel.${action}`)}
          description={t('desk.action.bodyHint')}
          required
          autosize
          minRows={4}
          maxRows={12}
          value={body}
          onChange={(event) => setBody(event.currentTarget.value)}
          error={fields.body}
          data-autofocus
        />
        <Group justify="space-between" gap="sm">
          <Text size="xs" c="dimmed">
            {t('desk.composer.ctrlEnter')}
          </Text>
          <Group gap="sm">
            <Button variant="default" onClick={onCancel}>
              {t('web.cancel')}
            </Button>
            <Button type="submit" color={reject ? 'red' : undefined} loading={transition.isPending}>
              {t(`requests.action.${action}`)}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
