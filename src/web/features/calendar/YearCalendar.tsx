import { Menu, Text, VisuallyHidden } from '@mantine/core';
import { memo, useCallback, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import { useLocale, useT } from '../../i18n/locale.tsx';
import type { DaySetting, WeekKind } from './calendar-api.ts';
import { addDays, dayLabel, isWeeklyDayOff, longDate, monthName, todayIso, weekdayLong, weekdayShort } from './calendar-format.ts';
import { settingOf, weeksOf, type ViewDay, type ViewMonth } from './calendar-view.ts';
import './calendar.css';

export interface DayEditing {
  onSet: (day: ViewDay, setting: DaySetting) => void;
  /** The day being saved right now (shown as busy). */
  pendingDate: string | null;
}

interface YearCalendarProps {
  year: number;
  weekKind: WeekKind;
  months: ViewMonth[];
  /** Hours under each month (index 0 = January); none when left out. */
  hours?: readonly number[] | null;
  /** Editors get a button with a menu on every day; everyone else a read-only grid. */
  editing?: DayEditing | null;
}

/**
 * Twelve month tables Monday–Sunday, 1 to 4 columns depending on the width available. Editors
 * move between days with the arrow keys (one Tab stop for the whole year: ←/→ a day, ↑/↓ a week,
 * Home/End the week's ends, PageUp/PageDown a month) and open a day's menu with Enter or Space.
 */
export function YearCalendar({ year, weekKind, months, hours, editing }: YearCalendarProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const initialFocus = () => {
    const today = todayIso();
    return today.startsWith(`${year}-`) ? today : `${year}-01-01`;
  };
  const [focus, setFocus] = useState(() => ({ year, date: initialFocus() }));
  const focusDate = focus.year === year ? focus.date : initialFocus();

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLDivElement>) => {
      const target = event.target as HTMLElement;
      const date = target.dataset.date;
      if (!date || target.tagName !== 'BUTTON') return;
      const next = nextFocus(date, event.key);
      if (!next) return;
      event.preventDefault();
      const clamped = next < `${year}-01-01` ? `${year}-01-01` : next > `${year}-12-31` ? `${year}-12-31` : next;
      setFocus({ year, date: clamped });
      containerRef.current?.querySelector<HTMLButtonElement>(`button[data-date="${clamped}"]`)?.focus();
    },
    [year],
  );

  // A day focused by a click or by the menu returning focus becomes the year's Tab stop.
  const onFocus = useCallback(
    (event: FocusEvent<HTMLDivElement>) => {
      const date = (event.target as HTMLElement).dataset.date;
      if (date && date.startsWith(`${year}-`))
        setFocus((current) => (current.year === year && current.date === date ? current : { year, date }));
    },
    [year],
  );

  return (
    <div
      className="cal-year"
      ref={containerRef}
      onKeyDown={editing ? onKeyDown : undefined}
      onFocus={editing ? onFocus : undefined}
      data-testid="year-calendar"
    >
      <div className="cal-months">
        {months.map((month) => (
          <MonthTable
            key={month.month}
            year={year}
            weekKind={weekKind}
            month={month}
            hours={hours ? (hours[month.month - 1] ?? null) : null}
            editing={editing ?? null}
            focusDate={focusDate.slice(5, 7) === String(month.month).padStart(2, '0') ? focusDate : null}
            pendingDate={editing?.pendingDate?.slice(5, 7) === String(month.month).padStart(2, '0') ? editing.pendingDate : null}
          />
        ))}
      </div>
    </div>
  );
}

function nextFocus(date: string, key: string): string | null {
  const weekday = ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
  switch (key) {
    case 'ArrowLeft':
      return addDays(date, -1);
    case 'ArrowRight':
      return addDays(date, 1);
    case 'ArrowUp':
      return addDays(date, -7);
    case 'ArrowDown':
      return addDays(date, 7);
    case 'Home':
      return addDays(date, 1 - weekday);
    case 'End':
      return addDays(date, 7 - weekday);
    case 'PageUp':
    case 'PageDown': {
      const [y, m, d] = date.split('-').map(Number) as [number, number, number];
      const shifted = new Date(Date.UTC(y, m - 1 + (key === 'PageUp' ? -1 : 1), 1));
      const lastDay = new Date(Date.UTC(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, 0)).getUTCDate();
      shifted.setUTCDate(Math.min(d, lastDay));
      return shifted.toISOString().slice(0, 10);
    }
    default:
      return null;
  }
}

interface MonthTableProps {
  year: number;
  weekKind: WeekKind;
  month: ViewMonth;
  hours: number | null;
  editing: DayEditing | null;
  focusDate: string | null;
  pendingDate: string | null;
}

const MonthTable = memo(function MonthTable({ year, weekKind, month, hours, editing, focusDate, pendingDate }: MonthTableProps) {
  const t = useT();
  const { locale } = useLocale();
  const titleId = `cal-${year}-${month.month}`;
  return (
    <section className="cal-month" aria-labelledby={titleId} data-testid="calendar-month" data-month={month.month}>
      <h3 className="cal-month-title" id={titleId}>
        {monthName(t, month.month)}
      </h3>
      <table className="cal-table" aria-labelledby={titleId}>
        <thead>
          <tr>
            {[1, 2, 3, 4, 5, 6, 7].map((weekday) => (
              <th key={weekday} scope="col" data-off={isWeeklyDayOff(weekKind, weekday) || undefined}>
                <span aria-hidden="true">{weekdayShort(t, weekday)}</span>
                <VisuallyHidden>{weekdayLong(t, weekday)}</VisuallyHidden>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeksOf(month.days).map((week) => (
            <tr key={week.find(Boolean)?.date}>
              {week.map((day, index) =>
                day ? (
                  <td key={day.date}>
                    {editing ? (
                      <EditableDay
                        day={day}
                        weekKind={weekKind}
                        focusable={day.date === focusDate}
                        pending={day.date === pendingDate}
                        onSet={editing.onSet}
                      />
                    ) : (
                      <ReadOnlyDay day={day} weekKind={weekKind} />
                    )}
                  </td>
                ) : (
                  <td key={`empty-${index}`} />
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="cal-month-figures">
        <span data-testid="month-working">{t('calendar.figures.working', { n: month.workingDays })}</span>
        {', '}
        <span data-testid="month-off">{t('calendar.figures.off', { n: month.daysOff })}</span>
        {hours !== null ? (
          <>
            <br />
            <span data-testid="month-hours">
              {t('calendar.figures.hours', { hours: hours.toLocaleString(locale === 'en' ? 'en-GB' : 'ru-RU') })}
            </span>
          </>
        ) : null}
      </p>
    </section>
  );
});

/** A shortened day on a weekly day off: a weekend worked by transfer, one hour shorter (e.g. 2025-11-01). */
const workedWeekend = (day: ViewDay, weekKind: WeekKind) => day.kind === 'short' && isWeeklyDayOff(weekKind, day.weekday);

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function DayNumber({ day }: { day: ViewDay }) {
  return (
    <span aria-hidden="true">
      {day.day}
      {day.kind === 'short' ? <span className="cal-mark">*</span> : null}
    </span>
  );
}

function ReadOnlyDay({ day, weekKind }: { day: ViewDay; weekKind: WeekKind }) {
  const t = useT();
  const worked = workedWeekend(day, weekKind);
  const label = dayLabel(t, day.date, day.kind, day.reason, worked);
  return (
    <span className="cal-day" data-kind={day.kind} data-worked-weekend={worked || undefined} data-date={day.date} title={label}>
      <DayNumber day={day} />
      <VisuallyHidden>{label}</VisuallyHidden>
    </span>
  );
}

interface EditableDayProps {
  day: ViewDay;
  weekKind: WeekKind;
  focusable: boolean;
  pending: boolean;
  onSet: (day: ViewDay, setting: DaySetting) => void;
}

function EditableDay({ day, weekKind, focusable, pending, onSet }: EditableDayProps) {
  const t = useT();
  const worked = workedWeekend(day, weekKind);
  const label = dayLabel(t, day.date, day.kind, day.reason, worked);
  const current = settingOf(day.kind);
  const atDefault =
    (day.kind === 'working' && !isWeeklyDayOff(weekKind, day.weekday)) || (day.kind === 'weekend' && isWeeklyDayOff(weekKind, day.weekday));
  const choose = (setting: DaySetting) => {
    if (setting !== current) onSet(day, setting);
  };
  return (
    <Menu position="bottom" withArrow shadow="md" width={280} offset={4}>
      <Menu.Target>
        <button
          type="button"
          className="cal-day"
          data-kind={day.kind}
          data-worked-weekend={worked || undefined}
          data-date={day.date}
          aria-label={label}
          title={label}
          tabIndex={focusable ? 0 : -1}
          aria-busy={pending || undefined}
        >
          <DayNumber day={day} />
        </button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          {capitalize(t('calendar.menu.title', { weekday: weekdayLong(t, day.weekday), date: longDate(t, day.date) }))}
        </Menu.Label>
        <Menu.RadioGroup value={current} onChange={(value) => choose(value as DaySetting)}>
          <Menu.RadioItem value="working" closeMenuOnClick>
            {t('calendar.menu.working')}
          </Menu.RadioItem>
          <Menu.RadioItem value="short" closeMenuOnClick>
            {t('calendar.menu.short')}
          </Menu.RadioItem>
          <Menu.RadioItem value="holiday" closeMenuOnClick>
            {t('calendar.menu.holiday')}
          </Menu.RadioItem>
        </Menu.RadioGroup>
        <Menu.Divider />
        <Menu.Item onClick={() => onSet(day, 'default')} disabled={atDefault}>
          {t('calendar.menu.default')}
          <Text component="span" size="xs" c="dimmed" display="block">
            {t(weekKind === 'five_day' ? 'calendar.menu.defaultHint.five_day' : 'calendar.menu.defaultHint.six_day')}
          </Text>
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
