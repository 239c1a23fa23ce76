import { Alert, Anchor, Button, PasswordInput, Stack } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api } from '../api/client.ts';
import { ErrorAlert, fieldErrors } from '../components/ErrorAlert.tsx';
import { useT } from '../i18n/locale.tsx';
import { CardTitle } from './PublicLayout.tsx';

/** Opened from the e-mail link `/reset-password?token=…`. */
export function ResetPasswordPage() {
  const t = useT();
  useDocumentTitle(`${t('web.reset.title')} — ${t('app.name')}`);
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const reset = useMutation({ mutationFn: (input: { token: string; password: string }) => api.post<{ ok: true }>('/api/auth/password-reset/confirm', input) });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setMismatch(password !== repeat);
    if (password === repeat) reset.mutate({ token, password });
  };
  const fields = fieldErrors(reset.error);

  if (!token) {
    return (
      <Stack>
        <CardTitle>{t('web.reset.title')}</CardTitle>
        <Alert color="red" variant="light" role="alert">
          {t('web.reset.noToken')}
        </Alert>
        <Anchor component={Link} to="/forgot-password">
          {t('web.forgot.title')}
        </Anchor>
      </Stack>
    );
  }

  if (reset.isSuccess) {
    return (
      <Stack>
        <CardTitle>{t('web.reset.title')}</CardTitle>
        <Alert color="green" variant="light" role="status">
          {t('web.reset.done')}
        </Alert>
        <Button component={Link} to="/login">
          {t('web.login.submit')}
        </Button>
      </Stack>
    );
  }

  return (
    <form onSubmit={submit} noValidate>
      <CardTitle>{t('web.reset.title')}</CardTitle>
      <Stack>
        <ErrorAlert error={reset.error} />
        <PasswordInput
          label={t('web.reset.password')}
          description={t('web.reset.hint')}
          autoComplete="new-password"
          required
          value={password}
          onChange={(event) => setPassword(event.currentTarget.value)}
          error={fields.password}
          autoFocus
        />
        <PasswordInput
          label={t('web.reset.repeat')}
          autoComplete="new-password"
          required
          value={repeat}
          onChange={(event) => setRepeat(event.currentTarget.value)}
          error={mismatch ? t('web.reset.mismatch') : undefined}
        />
        <Button type="submit" loading={reset.isPending} fullWidth>
          {t('web.reset.submit')}
        </Button>
        {reset.error ? (
          <Anchor component={Link} to="/forgot-password" ta="center">
            {t('web.reset.requestNew')}
          </Anchor>
        ) : null}
      </Stack>
    </form>
  );
}
