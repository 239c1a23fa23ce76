import { Alert } from '@mantine/core';
import { ApiError, NETWORK_ERROR } from '../api/client.ts';
import { useT, type Translate } from '../i18n/locale.tsx';

/** The text to show for an error: the server's own localised message whenever there is one. */
export function errorText(error: unknown, t: Translate): string {
  if (error instanceof ApiError) {
    if (error.message) return error.message;
    if (error.code === NETWORK_ERROR) return t('web.error.network');
    return t('web.error.unexpected', { status: error.status });
  }
  return t('web.error.unknown');
}

/** Field messages from a failed request, for the `error` prop of inputs. */
export function fieldErrors(error: unknown): Record<string, string> {
  return error instanceof ApiError ? error.fields : {};
}

/** An alert announced to screen readers (role="alert"); nothing when there is no error. */
export function ErrorAlert({ error, title }: { error: unknown; title?: string }) {
  const t = useT();
  if (!error) return null;
  return (
    <Alert color="red" variant="light" role="alert" title={title}>
      {errorText(error, t)}
    </Alert>
  );
}
