import { Alert, Anchor, List, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useSignedIn } from '../../api/me.ts';
import { useT } from '../../i18n/locale.tsx';
import { useCalendarWarnings, WEEK_KINDS, type WeekKind } from './calendar-api.ts';

/**
 * Production-calendar years that are missing this year or next (GET /api/calendar/warnings):
 * without them deadlines in working days fall back to plain weekends, so admins must see it.
 * Rendered for roles with the 'calendar' section only; nothing when all years are there.
 * Meant for the calendar page and the home page.
 */
export function MissingYearsBanner() {
  const t = useT();
  const me = useSignedIn();
  const enabled = me.navigation.includes('calendar');
  const warnings = useCalendarWarnings(enabled);
  const list = warnings.data?.warnings ?? [];
  if (!enabled || list.length === 0) return null;

  const byYear = new Map<number, WeekKind[]>();
  for (const warning of list) byYear.set(warning.year, [...(byYear.get(warning.year) ?? []), warning.weekKind]);
  const years = [...byYear.keys()].sort((a, b) => a - b);

  return (
    <Alert color="orange" variant="light" title={t('calendar.warning.title')} data-testid="calendar-missing-years">
      <Text size="sm">{t('calendar.warning.text')}</Text>
      <List size="sm" mt="xs" spacing={4}>
        {years.map((year) => {
          const kinds = WEEK_KINDS.filter((kind) => byYear.get(year)?.includes(kind));
          return (
            <List.Item key={year}>
              <Anchor component={Link} to={`/calendar?year=${year}&week=${kinds[0] ?? 'five_day'}`} fw={600}>
                {t('calendar.warning.year', { year })}
              </Anchor>{' '}
              — {kinds.map((kind) => t(`calendar.weekKindOf.${kind}`)).join(t('calendar.warning.and'))}
            </List.Item>
          );
        })}
      </List>
    </Alert>
  );
}
