import { Alert, Button, FileButton, Group, Paper, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS_PER_MESSAGE } from '../../../domain/requests/attachments.ts';
import { ErrorAlert, fieldErrors } from '../../components/ErrorAlert.tsx';
import { ChosenFiles } from '../../components/ChosenFiles.tsx';
import { useT } from '../../i18n/locale.tsx';
import { useSendMessage, type RequestDetail } from './requests-api.ts';

const MAX_FILES = MAX_ATTACHMENTS_PER_MESSAGE;
const ACCEPT = 'image/png,image/jpeg,image/webp,image/gif,application/pdf';

/**
 * The reply / internal-note composer. A reply is public: it is e-mailed to the requester and
 * shown on their status page; a note is for colleagues only (the box turns yellow, like the
 * notes in the timeline). Ctrl+Enter (⌘+Enter) sends. Up to 5 images or PDFs attach.
 */
export function Composer({ request }: { request: RequestDetail }) {
  const t = useT();
  const send = useSendMessage(request.id);
  const [mode, setMode] = useState<'reply' | 'note'>('reply');
  const [body, setBody] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  /** What was chosen but not attached, and why (too many, too big): said, never dropped silently. */
  const [leftOut, setLeftOut] = useState<string | null>(null);
  const resetPicker = useRef<() => void>(null);
  const fields = fieldErrors(send.error);
  const closed = request.status === 'closed' || request.status === 'rejected';

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (send.isPending) return;
    send.mutate(
      { kind: mode, body: body.trim(), files },
      {
        onSuccess: () => {
          setBody('');
          setFiles([]);
          setLeftOut(null);
          notifications.show({ color: 'green', message: mode === 'reply' ? t('desk.composer.replySent') : t('desk.composer.noteAdded') });
        },
      },
    );
  };

  const attach = (chosen: File[]) => {
    // The picker forgets its choice, so the same file can be picked again after it was removed.
    resetPicker.current?.();
    const tooBig = chosen.filter((file) => file.size > MAX_ATTACHMENT_BYTES);
    const fitting = chosen.filter((file) => file.size <= MAX_ATTACHMENT_BYTES);
    const room = Math.max(0, MAX_FILES - files.length);
    const notes = [
      ...tooBig.map((file) => t('desk.composer.fileTooBig', { name: file.name, maxMb: MAX_ATTACHMENT_BYTES / 1024 / 1024 })),
      ...(fitting.length > room ? [t('desk.composer.tooManyFiles', { attached: room, chosen: fitting.length, max: MAX_FILES })] : []),
    ];
    setLeftOut(notes.length > 0 ? notes.join(' ') : null);
    setFiles((current) => [...current, ...fitting.slice(0, room)]);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      submit();
    }
  };

  return (
    <Paper withBorder p="md" className="rq-composer" data-mode={mode} component="section" aria-labelledby="composer-title">
      <form onSubmit={submit} noValidate onKeyDown={onKeyDown}>
        <Stack gap="sm">
          <Group justify="space-between" gap="sm" wrap="wrap">
            <Text component="h2" fw={700} size="lg" m={0} id="composer-title">
              {t('desk.composer.title')}
            </Text>
            <SegmentedControl
              aria-label={t('desk.composer.mode')}
              value={mode}
              onChange={(value) => setMode(value as 'reply' | 'note')}
              // On a phone the two labels wrap inside the card instead of being cut off.
              styles={{ root: { maxWidth: '100%' }, label: { whiteSpace: 'normal' } }}
              data={[
                { value: 'reply', label: t('desk.composer.reply') },
                { value: 'note', label: t('desk.composer.note') },
              ]}
            />
          </Group>
          {mode === 'reply' && !request.requester.email ? (
            <Alert color="orange" variant="light">
              {request.requester.phone ? t('desk.composer.noEmailPhone', { phone: request.requester.phone }) : t('desk.composer.noEmail')}
            </Alert>
          ) : null}
          {mode === 'reply' && closed ? (
            <Alert color="gray" variant="light">
              {t('desk.composer.closedHint')}
            </Alert>
          ) : null}
          <ErrorAlert error={send.error} />
          <Textarea
            label={mode === 'reply' ? t('desk.composer.replyLabel') : t('desk.composer.noteLabel')}
            description={mode === 'reply' ? t('desk.composer.replyHint') : t('desk.composer.noteHint')}
            autosize
            minRows={4}
            maxRows={14}
            value={body}
            onChange={(event) => setBody(event.currentTarget.value)}
            error={fields.body}
          />
          <ChosenFiles
            files={files}
            label={t('desk.composer.files')}
            onRemove={(index) => setFiles((current) => current.filter((_, i) => i !== index))}
          />
          {leftOut ? (
            <Text size="sm" c="orange.9" role="status">
              {leftOut}
            </Text>
          ) : null}
          <Group justify="space-between" gap="sm" wrap="wrap">
            <FileButton multiple accept={ACCEPT} resetRef={resetPicker} onChange={attach}>
              {(props) => (
                <Button variant="default" size="sm" {...props} disabled={files.length >= MAX_FILES}>
                  {t('desk.composer.attach')}
                </Button>
              )}
            </FileButton>
            <Group gap="sm" wrap="wrap">
              <Text size="xs" c="dimmed">
                {t('desk.composer.ctrlEnter')}
              </Text>
              <Button type="submit" loading={send.isPending}>
                {mode === 'reply' ? t('desk.composer.sendReply') : t('desk.composer.addNote')}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
