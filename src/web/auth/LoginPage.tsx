import { Anchor, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useState, type FormEvent } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { useLogin, useMe } from '../api/me.ts';
import { ErrorAlert, fieldErrors } from '../components/ErrorAlert.tsx';
import { useT } from '../i18n/locale.tsx';
import { CardTitle } from './PublicLayout.tsx';
import { safeNext } from './RequireAuth.tsx';

export function LoginPage() {
  const t = useT();
  useDocumentTitle(`${t('web.login.title')} — ${t('app.name')}`);
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const me = useMe();
  const login = useLogin();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const next = safeNext(params.get('next'));

  if (me.data && !login.isPending) return <Navigate to={next} replace />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate({ email: email.trim(), password }, { onSuccess: () => void navigate(next, { replace: true }) });
  };
  const fields = fieldErrors(login.error);

  return (
    <form onSubmit={submit} noValidate>
      <CardTitle>{t('web.login.title')}</CardTitle>
      <Stack>
        <ErrorAlert error={login.error} />
        <TextInput
          label={t('web.login.email')}
          type="email"
          autoComplete="username"
          required
          value={email}
          onChange={(event) => setEmail(event.currentTarget.value)}
          error={fields.email}
          autoFocus
        />
        <PasswordInput
          label={t('web.login.password')}
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.currentTarget.value)}
          error={fields.password}
        />
        <Button type="submit" loading={login.isPending} fullWidth>
          {t('web.login.submit')}
        </Button>
        <Anchor component={Link} to="/forgot-password" ta="center">
          {t('web.login.forgot')}
        </Anchor>
      </Stack>
    </form>
  );
}
