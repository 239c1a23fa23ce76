import { Alert, Badge, Button, Group, NativeSelect, Paper, Radio, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useId, useMemo, useState, type FormEvent } from 'react';
import { DateField } from '../../components/DateField.tsx';
import { ErrorAlert, errorText } from '../../components/ErrorAlert.tsx';
import { PageLoader } from '../../components/StatusPages.tsx';
import { useT } from '../../i18n/locale.tsx';
import { useCalendarYears, useYearGrid, WEEK_KINDS, type WeekKind } from '../calendar/calendar-api.ts';
import { addDays, isoToRu, isoWeekdayOf, todayIso, weekdayLong } from '../calendar/calendar-format.ts';
import { totalsOf, viewMonths, yearOptions } from '../calendar/calendar-view.ts';
import { CalendarLegend } from '../calendar/CalendarLegend.tsx';
import { YearCalendar } from '../calendar/YearCalendar.tsx';
import { YearTotals } from '../calendar/YearTotals.tsx';
import {
  useAddClosures,
  useOrganizationCalendar,
  useRemoveClosure,
  useSetWeekKind,
  type Closure,
  type OrganizationCalendar,
} from './settings-api.ts';
import './settings.css';

/** A quarantine rarely lasts longer; longer periods are entered in parts. */
const MAX_PERIOD_DAYS = 92;

/** The organisation's calendar: week kind, closure days, and its year with both laid over it. */
export default function CalendarSettingsTab({ organizationId }: { organizationId: string }) {
  const settings = useOrganizationCalendar(organizationId);
  if (settings.isPending) return <PageLoader />;
  if (!settings.data) return <ErrorAlert error={settings.error} />;
  return (
    <Stack gap="lg">
      <WeekKindSection settings={settings.data} />
      <ClosuresSection settings={settings.data} />
      <SchoolYearSection settings={settings.data} />
    </Stack>
  );
}

function WeekKindSection({ settings }: { settings: OrganizationCalendar }) {
  const t = useT();
  const [chosen, setChosen] = useState<WeekKind | null>(null);
  const save = useSetWeekKind(settings.organizationId);
  const value = chosen ?? settings.weekKind;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(value, {
      onSuccess: () => {
        setChosen(null);
        notifications.show({ color: 'green', message: t('settings.weekKind.saved', { week: t(`calendar.weekKindOf.${value}`) }) });
      },
    });
  };
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="settings-week-title">
      <Title order={2} size="h4" id="settings-week-title" mb="xs">
        {t('settings.weekKind.title')}
      </Title>
      <form onSubmit={submit}>
        <Radio.Group
          value={value}
          onChange={(next) => setChosen(next as WeekKind)}
          label={t('settings.weekKind.label')}
          description={t('settings.weekKind.hint')}
          inputWrapperOrder={['label', 'description', 'input', 'error']}
        >
          <Stack gap="sm" mt="sm">
            {WEEK_KINDS.map((kind) => (
              <Radio key={kind} value={kind} label={t(`settings.weekKind.${kind}`)} description={t(`settings.weekKind.${kind}.hint`)} />
            ))}
          </Stack>
        </Radio.Group>
        <ErrorAlert error={save.error} />
        <Group mt="md">
          <Button type="submit" disabled={value === settings.weekKind} loading={save.isPending}>
            {t('web.save')}
          </Button>
        </Group>
      </form>
    </Paper>
  );
}

interface ClosureForm {
  from: string | null;
  to: string | null;
  reason: string;
}

function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = from; day <= to && days.length <= MAX_PERIOD_DAYS; day = addDays(day, 1)) days.push(day);
  return days;
}

function ClosuresSection({ settings }: { settings: OrganizationCalendar }) {
  const t = useT();
  const [form, setForm] = useState<ClosureForm>({ from: null, to: null, reason: '' });
  const [problems, setProblems] = useState<Partial<Record<keyof ClosureForm, string>>>({});
  const add = useAddClosures(settings.organizationId);
  const remove = useRemoveClosure(settings.organizationId);
  const today = todayIso(settings.timeZone);
  const upcoming = settings.closures.filter((c) => c.day >= today);
  const past = settings.closures.filter((c) => c.day < today).reverse();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: typeof problems = {};
    const reason = form.reason.trim();
    if (!form.from) found.from = t('settings.closures.dateRequired');
    if (!reason) found.reason = t('settings.closures.reasonRequired');
    if (form.from && form.to && form.to < form.from) found.to = t('settings.closures.rangeOrder');
    const dates = form.from ? daysBetween(form.from, form.to ?? form.from) : [];
    if (dates.length > MAX_PERIOD_DAYS) found.to = t('settings.closures.rangeTooLong', { max: MAX_PERIOD_DAYS });
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    add.mutate(
      { dates, reason },
      {
        onSuccess: ({ added, existing }) => {
          setForm({ from: null, to: null, reason: '' });
          notifications.show({
            color: added > 0 ? 'green' : 'yellow',
            message: existing > 0 ? t('settings.closures.addedSome', { added, existing }) : t('settings.closures.added', { n: added }),
          });
        },
      },
    );
  };

  const onRemove = (closure: Closure) =>
    remove.mutate(closure.id, {
      onSuccess: () => notifications.show({ color: 'green', message: t('settings.closures.removed', { date: isoToRu(closure.day) }) }),
      onError: (error) => notifications.show({ color: 'red', message: errorText(error, t) }),
    });

  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="settings-closures-title">
      <Title order={2} size="h4" id="settings-closures-title">
        {t('settings.closures.title')}
      </Title>
      <Text size="sm" c="dimmed" mt={4} mb="md">
        {t('settings.closures.lead')}
      </Text>
      <form onSubmit={submit} noValidate aria-labelledby="settings-closures-add">
        <Text id="settings-closures-add" fw={600} size="sm" mb="xs">
          {t('settings.closures.addTitle')}
        </Text>
        <div className="closure-form">
          <DateField
            label={t('settings.closures.from')}
            description={t('web.date.format')}
            value={form.from}
            onChange={(from) => setForm((current) => ({ ...current, from }))}
            error={problems.from}
            required
          />
          <DateField
            label={t('settings.closures.to')}
            description={t('settings.closures.toHint')}
            value={form.to}
            onChange={(to) => setForm((current) => ({ ...current, to }))}
            error={problems.to}
          />
          <TextInput
            label={t('settings.closures.reason')}
            description={t('settings.closures.reasonHint')}
            value={form.reason}
            onChange={(event) => {
              const reason = event.currentTarget.value;
              setForm((current) => ({ ...current, reason }));
            }}
            error={problems.reason}
            maxLength={300}
            required
            className="closure-form-reason"
          />
          <Button type="submit" loading={add.isPending} className="closure-form-submit">
            {t('settings.closures.add')}
          </Button>
        </div>
        <ErrorAlert error={add.error} />
      </form>

      <Title order={3} size="h5" mt="lg" mb="xs">
        {t('settings.closures.upcoming')}
      </Title>
      {upcoming.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('settings.closures.none')}
        </Text>
      ) : (
        <ClosureList
          closures={upcoming}
          organizationId={settings.organizationId}
          onRemove={onRemove}
          removing={remove.isPending ? remove.variables : null}
        />
      )}
      {past.length > 0 ? (
        <details className="closure-past">
          <summary>{t('settings.closures.past', { n: past.length })}</summary>
          <ClosureList
            closures={past}
            organizationId={settings.organizationId}
            onRemove={onRemove}
            removing={remove.isPending ? remove.variables : null}
          />
        </details>
      ) : null}
    </Paper>
  );
}

interface ClosureListProps {
  closures: Closure[];
  organizationId: string;
  onRemove: (closure: Closure) => void;
  removing: string | null | undefined;
}

function ClosureList({ closures, organizationId, onRemove, removing }: ClosureListProps) {
  const t = useT();
  return (
    <ul className="closure-list">
      {closures.map((closure) => {
        const inherited = closure.organizationId !== organizationId;
        const date = isoToRu(closure.day);
        return (
          <li key={closure.id} data-testid="closure-row">
            <div className="closure-date">
              <Text fw={700} style={{ fontVariantNumeric: 'tabular-nums' }}>
                {date}
              </Text>
              <Text size="sm" c="dimmed">
                {weekdayLong(t, isoWeekdayOf(closure.day))}
              </Text>
            </div>
            <div className="closure-reason">
              <Text size="sm" className="break-anywhere">
                {closure.reason}
              </Text>
              {inherited ? (
                <Badge variant="light" color="gray" mt={4}>
                  {t('settings.closures.inherited')}
                </Badge>
              ) : null}
            </div>
            {inherited ? null : (
              <Button
                variant="subtle"
                color="red"
                size="compact-sm"
                onClick={() => onRemove(closure)}
                loading={removing === closure.id}
                aria-label={t('settings.closures.removeLabel', { date, reason: closure.reason })}
              >
                {t('web.remove')}
              </Button>
            )}
          </li>
        );
      })}
    </ul>
  );
}

/** The organisation's year: production calendar of its week kind with its closure days. */
function SchoolYearSection({ settings }: { settings: OrganizationCalendar }) {
  const t = useT();
  const titleId = useId();
  const currentYear = Number(todayIso(settings.timeZone).slice(0, 4));
  const [year, setYear] = useState(currentYear);
  const years = useCalendarYears(settings.weekKind);
  const grid = useYearGrid(settings.weekKind, year);
  const closures = useMemo(() => new Map(settings.closures.map((c) => [c.day, c.reason])), [settings.closures]);
  const data = grid.data ?? null;
  const months = useMemo(() => (data ? viewMonths(data, closures) : []), [data, closures]);
  const options = yearOptions(years.data ?? [], currentYear, year);

  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby={titleId}>
      <Group justify="space-between" align="flex-end" gap="sm" mb="xs">
        <Title order={2} size="h4" id={titleId}>
          {t('settings.year.title', { year: data?.year ?? year })}
        </Title>
        <NativeSelect
          label={t('calendar.year')}
          value={String(year)}
          onChange={(event) => setYear(Number(event.currentTarget.value))}
          data={options.map(String)}
          w={120}
        />
      </Group>
      <Text size="sm" c="dimmed" mb="md">
        {t('settings.year.lead', { week: t(`calendar.weekKindOf.${settings.weekKind}`) })}
      </Text>
      <ErrorAlert error={grid.error} />
      {data ? (
        <Stack gap="md" style={{ opacity: grid.isPlaceholderData ? 0.6 : 1 }}>
          {data.missing ? (
            <Alert color="orange" variant="light" title={t('calendar.missing.title', { year: data.year })}>
              <Text size="sm">{t('settings.year.missing')}</Text>
            </Alert>
          ) : null}
          <YearTotals totals={totalsOf(months)} />
          <CalendarLegend withClosures />
          <YearCalendar year={data.year} weekKind={data.weekKind} months={months} />
        </Stack>
      ) : grid.isPending ? (
        <PageLoader />
      ) : null}
    </Paper>
  );
}
