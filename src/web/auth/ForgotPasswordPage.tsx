import { Alert, Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { api } from '../api/client.ts';
import { ErrorAlert, fieldErrors } from '../components/ErrorAlert.tsx';
import { useT } from '../i18n/locale.tsx';
import { CardTitle } from './PublicLayout.tsx';

export function ForgotPasswordPage() {
  const t = useT();
  useDocumentTitle(`${t('web.forgot.title')} — ${t('app.name')}`);
  const [email, setEmail] = useState('');
  const send = useMutation({ mutationFn: (address: string) => api.post<{ ok: true }>('/api/auth/password-reset', { email: address }) });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    send.mutate(email.trim());
  };

  return (
    <form onSubmit={submit} noValidate>
      <CardTitle>{t('web.forgot.title')}</CardTitle>
      <Stack>
        {send.isSuccess ? (
          <Alert color="green" variant="light" role="status">
            {t('web.forgot.sent')}
          </Alert>
        ) : (
          <>
            <Text>{t('web.forgot.text')}</Text>
            <ErrorAlert error={send.error} />
            <TextInput
              label={t('web.login.email')}
              type="email"
              autoComplete="email"
              required
              value={email}
              onChange={(event) => setEmail(event.currentTarget.value)}
              error={fieldErrors(send.error).email}
              autoFocus
            />
            <Button type="submit" loading={send.isPending} fullWidth>
              {t('web.forgot.submit')}
            </Button>
          </>
        )}
        <Anchor component={Link} to="/login" ta="center">
          {t('web.forgot.back')}
        </Anchor>
      </Stack>
    </form>
  );
}
