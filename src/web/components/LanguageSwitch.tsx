import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useChangeLocale } from '../api/me.ts';
import { useLocale, useT } from '../i18n/locale.tsx';
import { errorText } from './ErrorAlert.tsx';

/**
 * Offers the other language by its own name ("English" / "Русский"), marked with its `lang` so
 * screen readers pronounce it right.
 */
export function LanguageSwitch({ fullWidth = false }: { fullWidth?: boolean }) {
  const t = useT();
  const { locale } = useLocale();
  const change = useChangeLocale();
  const other = locale === 'ru' ? 'en' : 'ru';
  return (
    <Button
      variant="default"
      size="sm"
      fullWidth={fullWidth}
      lang={other}
      title={t('web.lang.switchTitle')}
      loading={change.isPending}
      onClick={() =>
        change.mutate(other, {
          onError: (error) => notifications.show({ color: 'red', message: errorText(error, t) }),
        })
      }
    >
      {other === 'en' ? 'English' : 'Русский'}
    </Button>
  );
}
