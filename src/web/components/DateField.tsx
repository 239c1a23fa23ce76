import { DateInput, type DateInputProps } from '@mantine/dates';
import { useT } from '../i18n/locale.tsx';

/** `dd.MM.yyyy` typed by hand → `YYYY-MM-DD`, the value format of @mantine/dates. */
export function parseRussianDate(text: string): string | null {
  const match = /^\s*(\d{1,2})\.(\d{1,2})\.(\d{4})\s*$/.exec(text);
  if (!match) return null;
  const [, d, m, y] = match;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  if (date.getUTCDate() !== Number(d) || date.getUTCMonth() !== Number(m) - 1) return null;
  return date.toISOString().slice(0, 10);
}

/**
 * A date input shown and typed as dd.MM.yyyy (in both languages), with a calendar drop-down.
 * The value is a `YYYY-MM-DD` string or null.
 */
export function DateField(props: Omit<DateInputProps, 'valueFormat' | 'dateParser'>) {
  const t = useT();
  return (
    <DateInput
      valueFormat="DD.MM.YYYY"
      dateParser={parseRussianDate}
      placeholder={t('web.date.placeholder')}
      clearable
      clearButtonProps={{ 'aria-label': t('web.date.clear') }}
      ariaLabels={{
        monthLevelControl: t('web.date.chooseMonth'),
        yearLevelControl: t('web.date.chooseYear'),
        nextMonth: t('web.date.nextMonth'),
        previousMonth: t('web.date.previousMonth'),
        nextYear: t('web.date.nextYear'),
        previousYear: t('web.date.previousYear'),
        nextDecade: t('web.date.nextDecade'),
        previousDecade: t('web.date.previousDecade'),
      }}
      {...props}
    />
  );
}
