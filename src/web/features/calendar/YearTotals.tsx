import { useLocale, useT } from '../../i18n/locale.tsx';
import { hoursNorm, type ViewTotals } from './calendar-view.ts';
import './calendar.css';

interface YearTotalsProps {
  totals: ViewTotals;
  /** Five-day-week figures for the norms of hours (null: hours are not shown). */
  hoursBase?: { workingDays: number; shortDays: number } | null;
}

/** The year's figures: working days, days off, shortened days and the norms of hours. */
export function YearTotals({ totals, hoursBase }: YearTotalsProps) {
  const t = useT();
  const { locale } = useLocale();
  const number = (value: number) => value.toLocaleString(locale === 'en' ? 'en-GB' : 'ru-RU');
  const items: Array<{ id: string; label: string; value: string }> = [
    { id: 'working', label: t('calendar.totals.working'), value: number(totals.workingDays) },
    { id: 'off', label: t('calendar.totals.off'), value: number(totals.daysOff) },
    { id: 'short', label: t('calendar.totals.short'), value: number(totals.shortDays) },
  ];
  if (hoursBase) {
    for (const weekly of [40, 36, 24]) {
      items.push({ id: `hours${weekly}`, label: t('calendar.totals.hours', { weekly }), value: number(hoursNorm(weekly, hoursBase)) });
    }
  }
  return (
    <dl className="cal-totals">
      {items.map((item) => (
        <div key={item.id}>
          <dt>{item.label}</dt>
          <dd data-testid={`year-total-${item.id}`}>{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}
