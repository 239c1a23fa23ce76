import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { roleHas } from '../../../domain/permissions.ts';
import { useSignedIn } from '../../api/me.ts';
import { ErrorAlert, fieldErrors } from '../../components/ErrorAlert.tsx';
import { ResponsiveModal } from '../../components/ResponsiveModal.tsx';
import { useT } from '../../i18n/locale.tsx';
import { zonedFormat, zoneOf } from '../../i18n/time-zone.ts';
import { useExtendLegalTerm, type RequestDetail } from './requests-api.ts';
import { RequesterMailNotice } from './StatusActions.tsx';

/** The longest reason the server takes. */
const REASON_MAX = 2000;

/**
 * Extension of the legal answer term of a 59-FZ appeal or a 152-FZ request: offered to the head
 * and admins while the server says the term may be extended. The dialog explains the law's limit
 * and asks for the reason, which the requester reads with the new term. A refusal (409) shows the
 * server's message in the dialog.
 */
export function LegalExtension({ request }: { request: RequestDetail }) {
  const t = useT();
  const me = useSignedIn();
  const [opened, setOpened] = useState(false);
  const basis = request.deadlines.legalBasis;
  const allowed = me.membership !== null && roleHas(me.membership.role, 'request.extendLegalTerm');
  if (!allowed || !request.deadlines.legalExtensible || (basis !== '59-FZ' && basis !== '152-FZ')) return null;
  return (
    <>
      <Button variant="default" size="xs" mt="sm" onClick={() => setOpened(true)} data-testid="legal-extension-open">
        {t('desk.legalExtension.open')}
      </Button>
      <ResponsiveModal opened={opened} onClose={() => setOpened(false)} title={t('desk.legalExtension.title')}>
        {opened ? <ExtensionForm request={request} basis={basis} onClose={() => setOpened(false)} /> : null}
      </ResponsiveModal>
    </>
  );
}

function ExtensionForm({ request, basis, onClose }: { request: RequestDetail; basis: '59-FZ' | '152-FZ'; onClose: () => void }) {
  const t = useT();
  const extend = useExtendLegalTerm(request.id);
  const [reason, setReason] = useState('');
  const fields = fieldErrors(extend.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    extend.mutate(reason, {
      onSuccess: (view) => {
        notifications.show({
          color: 'green',
          message: t('desk.legalExtension.done', {
            date: view.deadlines.legalDueAt ? zonedFormat(zoneOf(view)).dateTime(view.deadlines.legalDueAt) : '',
          }),
        });
        onClose();
      },
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm">{t(`desk.legalExtension.explain.${basis}`)}</Text>
        <RequesterMailNotice request={request} />
        {extend.error && !fields.reason ? <ErrorAlert error={extend.error} /> : null}
        <Textarea
          label={t('desk.legalExtension.reason')}
          // Without an address the reason reaches the requester on the request's page only.
          description={t(request.requester.email ? 'desk.legalExtension.reasonHint' : 'desk.legalExtension.reasonHintNoEmail')}
          required
          autosize
          minRows={3}
          maxRows={10}
          maxLength={REASON_MAX}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          error={fields.reason}
          data-autofocus
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('web.cancel')}
          </Button>
          <Button type="submit" loading={extend.isPending}>
            {t('desk.legalExtension.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
