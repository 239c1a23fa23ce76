import { ActionIcon, Alert, Badge, Button, Group, NativeSelect, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useCallback, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useSignedIn, useWorkspaceFormat } from '../../api/me.ts';
import { ErrorAlert, errorText } from '../../components/ErrorAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PageLoader } from '../../components/StatusPages.tsx';
import { useT } from '../../i18n/locale.tsx';
import {
  useCalendarYears,
  useSetCalendarDay,
  useYearGrid,
  WEEK_KINDS,
  type DaySetting,
  type WeekKind,
  type YearGrid,
} from './calendar-api.ts';
import { dayLabel, todayIso } from './calendar-format.ts';
import { parseYear, totalsOf, viewMonths, yearOptions, type ViewDay } from './calendar-view.ts';
import { CalendarLegend } from './CalendarLegend.tsx';
import { ImportDialog } from './ImportDialog.tsx';
import { MissingYearsBanner } from './MissingYearsBanner.tsx';
import { YearCalendar, type DayEditing } from './YearCalendar.tsx';
import { YearTotals } from './YearTotals.tsx';

/**
 * The production calendar of Russia for the five-day and the six-day week: 12 month tables of a
 * year with monthly and yearly figures. Admins of a top-level organisation change single days and
 * import years from files; other admins see it read-only.
 */
export default function CalendarPage() {
  const t = useT();
  const me = useSignedIn();
  const canEdit = me.membership?.role === 'admin' && me.membership.organizationPath.length === 1;
  const [params, setParams] = useSearchParams();
  const currentYear = Number(todayIso().slice(0, 4));
  const year = parseYear(params.get('year')) ?? currentYear;
  const weekKind: WeekKind = params.get('week') === 'six_day' ? 'six_day' : 'five_day';
  const [importing, setImporting] = useState(false);

  const years = useCalendarYears(weekKind);
  const grid = useYearGrid(weekKind, year);
  // The norm of hours is counted on the five-day calendar whatever the week kind.
  const fiveDay = useYearGrid('five_day', year, weekKind === 'six_day');
  const setDay = useSetCalendarDay();
  const mutateDay = setDay.mutate;

  const show = useCallback(
    (next: { year?: number; week?: WeekKind }) =>
      setParams({ year: String(next.year ?? year), week: next.week ?? weekKind }, { replace: true }),
    [setParams, year, weekKind],
  );

  const onSet = useCallback(
    (day: ViewDay, setting: DaySetting) =>
      mutateDay(
        { date: day.date, weekKind, setting },
        {
          onSuccess: (updated) => {
            const now = updated.months.flatMap((m) => m.days).find((d) => d.date === day.date);
            if (now) notifications.show({ color: 'green', message: t('calendar.edit.saved', { day: dayLabel(t, now.date, now.kind) }) });
          },
          onError: (error) => notifications.show({ color: 'red', message: errorText(error, t) }),
        },
      ),
    [mutateDay, weekKind, t],
  );
  const pendingDate = setDay.isPending ? (setDay.variables?.date ?? null) : null;
  const editable = canEdit && !grid.isPlaceholderData;
  const editing = useMemo<DayEditing | null>(() => (editable ? { onSet, pendingDate } : null), [editable, onSet, pendingDate]);

  // While another year loads, the previous one stays on screen (dimmed) instead of a spinner.
  const data = grid.data ?? null;
  const months = useMemo(() => (data ? viewMonths(data) : []), [data]);
  const hoursFor = [grid.data, fiveDay.data].find((g) => g && data && g.weekKind === 'five_day' && g.year === data.year) ?? null;
  const options = yearOptions(years.data ?? [], currentYear, year);
  const yearIndex = options.indexOf(year);

  return (
    <Stack gap="lg" maw={1400}>
      <PageHeader
        title={t('calendar.title')}
        lead={t('calendar.lead')}
        actions={
          canEdit ? (
            <Button onClick={() => setImporting(true)} data-testid="calendar-import-open">
              {t('calendar.import.open')}
            </Button>
          ) : null
        }
      />
      <MissingYearsBanner />

      <Paper withBorder p={{ base: 'sm', sm: 'md' }} component="section" aria-label={t('calendar.controls')}>
        <Group gap="md" align="flex-end" wrap="wrap">
          <div>
            <Text component="label" htmlFor="calendar-year" size="sm" fw={500} display="block" mb={4}>
              {t('calendar.year')}
            </Text>
            <Group gap={6} wrap="nowrap">
              <ActionIcon
                variant="default"
                size={36}
                aria-label={t('calendar.previousYear')}
                disabled={yearIndex <= 0}
                onClick={() => show({ year: options[yearIndex - 1] })}
              >
                <span aria-hidden="true">‹</span>
              </ActionIcon>
              <NativeSelect
                id="calendar-year"
                value={String(year)}
                onChange={(event) => show({ year: Number(event.currentTarget.value) })}
                data={options.map((y) => ({
                  value: String(y),
                  label: years.data && !years.data.some((info) => info.year === y) ? t('calendar.yearMissing', { year: y }) : String(y),
                }))}
                w={200}
              />
              <ActionIcon
                variant="default"
                size={36}
                aria-label={t('calendar.nextYear')}
                disabled={yearIndex < 0 || yearIndex >= options.length - 1}
                onClick={() => show({ year: options[yearIndex + 1] })}
              >
                <span aria-hidden="true">›</span>
              </ActionIcon>
            </Group>
          </div>
          <div>
            <Text component="span" id="calendar-week-label" size="sm" fw={500} display="block" mb={4}>
              {t('calendar.weekKindLabel')}
            </Text>
            <SegmentedControl
              aria-labelledby="calendar-week-label"
              value={weekKind}
              onChange={(value) => show({ week: value as WeekKind })}
              data={WEEK_KINDS.map((kind) => ({ value: kind, label: t(`calendar.weekKind.${kind}`) }))}
            />
          </div>
        </Group>
        {data ? <DataOrigin grid={data} /> : null}
      </Paper>

      <ErrorAlert error={grid.error} />
      {!data && grid.isPending ? <PageLoader /> : null}
      {data ? (
        <Stack gap="lg" style={{ opacity: grid.isPlaceholderData ? 0.6 : 1 }} aria-busy={grid.isPlaceholderData || undefined}>
          {data.missing ? (
            <Alert
              color="orange"
              variant="light"
              title={t('calendar.missing.title', { year: data.year })}
              data-testid="calendar-year-missing"
            >
              <Text size="sm">{t('calendar.missing.text')}</Text>
              {canEdit ? (
                <Button mt="sm" size="xs" variant="default" onClick={() => setImporting(true)}>
                  {t('calendar.import.open')}
                </Button>
              ) : null}
            </Alert>
          ) : null}

          <section aria-labelledby="calendar-totals-title">
            <Title order={2} size="h4" id="calendar-totals-title" mb="xs">
              {t('calendar.totals.title', { year: data.year, week: t(`calendar.weekKindOf.${data.weekKind}`) })}
            </Title>
            <YearTotals totals={totalsOf(months)} hoursBase={hoursFor} />
            {data.weekKind === 'six_day' ? (
              <Text size="xs" c="dimmed" mt={6}>
                {t('calendar.totals.hoursNote')}
              </Text>
            ) : null}
          </section>

          <section aria-labelledby="calendar-grid-title">
            <Group justify="space-between" align="flex-end" mb="sm" gap="xs">
              <Title order={2} size="h4" id="calendar-grid-title">
                {t('calendar.gridTitle', { year: data.year })}
              </Title>
              <Text size="sm" c="dimmed" maw={560}>
                {canEdit ? t('calendar.edit.hint') : t('calendar.readOnly')}
              </Text>
            </Group>
            <Stack gap="md">
              <CalendarLegend />
              <YearCalendar
                year={data.year}
                weekKind={data.weekKind}
                months={months}
                hours={hoursFor ? hoursFor.months.map((m) => m.hours40) : null}
                editing={editing}
              />
            </Stack>
          </section>
        </Stack>
      ) : null}

      {canEdit ? (
        <ImportDialog opened={importing} onClose={() => setImporting(false)} onImported={(imported) => show({ year: imported })} />
      ) : null}
    </Stack>
  );
}

const ORIGIN_COLOR = { shipped: 'gray', imported: 'blue', edited: 'grape' } as const;

/** Where the year's data came from: shipped with Opora, imported from a file or edited by hand. */
function DataOrigin({ grid }: { grid: YearGrid }) {
  const format = useWorkspaceFormat();
  const t = useT();
  if (!grid.origin) {
    return (
      <Text size="sm" mt="sm" data-testid="calendar-origin">
        <Badge color="orange" variant="light" mr="xs">
          {t('calendar.origin.missing')}
        </Badge>
      </Text>
    );
  }
  return (
    <Stack gap={2} mt="sm">
      <Group gap="xs" data-testid="calendar-origin">
        <Badge color={ORIGIN_COLOR[grid.origin]} variant="light">
          {t(`calendar.origin.${grid.origin}`)}
        </Badge>
        {grid.updatedAt ? (
          <Text size="sm" c="dimmed">
            {t('calendar.origin.updated', { date: format.date(grid.updatedAt) })}
          </Text>
        ) : null}
      </Group>
      {grid.source ? (
        <Text size="xs" c="dimmed" className="break-anywhere">
          {t('calendar.origin.source', { source: grid.source })}
        </Text>
      ) : null}
    </Stack>
  );
}
