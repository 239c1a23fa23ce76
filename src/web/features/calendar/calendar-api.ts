/**
 * The production calendar API (src/server/modules/calendar): years, the 12-month grid of a year,
 * admin edits of single days, import of a year from a file, and the missing-years warnings.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DaySetting, YearDiff } from '../../../domain/calendar/year-edit.ts';
import type { GridDay, GridMonth, YearGrid as DomainYearGrid } from '../../../domain/calendar/year-grid.ts';
import type { DayKind, WeekKind } from '../../../domain/working-time/types.ts';
import { api } from '../../api/client.ts';

export type { DaySetting, DayKind, GridDay, GridMonth, WeekKind, YearDiff };
export const WEEK_KINDS: readonly WeekKind[] = ['five_day', 'six_day'];

export type CalendarOrigin = 'shipped' | 'imported' | 'edited';

/** The domain's grid of a year, with where its data came from. */
export interface YearGrid extends DomainYearGrid {
  weekKind: WeekKind;
  source: string | null;
  origin: CalendarOrigin | null;
  updatedAt: string | null;
  /** No production-calendar data for this year: plain weekends are shown (and used for deadlines). */
  missing: boolean;
  fallback: boolean;
}

export interface CalendarYearInfo {
  year: number;
  source: string;
  origin: CalendarOrigin;
  updatedAt: string;
}

export interface CalendarWarning {
  weekKind: WeekKind;
  year: number;
}

export interface ImportReport {
  year: number;
  dryRun: boolean;
  wasMissing: boolean;
  fiveDay: YearDiff;
  sixDay: YearDiff;
}

export const CALENDAR_KEY = ['calendar'] as const;
const yearsKey = (weekKind: WeekKind) => [...CALENDAR_KEY, 'years', weekKind] as const;
const gridKey = (weekKind: WeekKind, year: number) => [...CALENDAR_KEY, 'grid', weekKind, year] as const;
const WARNINGS_KEY = [...CALENDAR_KEY, 'warnings'] as const;

export function useCalendarWarnings(enabled = true) {
  return useQuery({
    queryKey: WARNINGS_KEY,
    queryFn: () => api.get<{ warnings: CalendarWarning[] }>('/api/calendar/warnings'),
    enabled,
    staleTime: 5 * 60_000,
  });
}

export function useCalendarYears(weekKind: WeekKind) {
  return useQuery({ queryKey: yearsKey(weekKind), queryFn: () => api.get<CalendarYearInfo[]>('/api/calendar/years', { weekKind }) });
}

export function useYearGrid(weekKind: WeekKind, year: number, enabled = true) {
  return useQuery({
    queryKey: gridKey(weekKind, year),
    queryFn: () => api.get<YearGrid>(`/api/calendar/years/${year}`, { weekKind }),
    enabled,
    placeholderData: (previous) => previous,
  });
}

/** PUT /api/calendar/days/:date — answers with the updated year grid. */
export function useSetCalendarDay() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { date: string; weekKind: WeekKind; setting: DaySetting }) =>
      api.put<YearGrid>(`/api/calendar/days/${input.date}`, { weekKind: input.weekKind, setting: input.setting }),
    onSuccess: (grid) => {
      queryClient.setQueryData(gridKey(grid.weekKind, grid.year), grid);
      void queryClient.invalidateQueries({ queryKey: yearsKey(grid.weekKind) });
      void queryClient.invalidateQueries({ queryKey: WARNINGS_KEY });
    },
  });
}

/** POST /api/calendar/import — a dry run reports what would change; otherwise the year is replaced. */
export function useImportCalendar() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { content: string; dryRun: boolean }) =>
      api.post<ImportReport>('/api/calendar/import', { ...input, format: 'auto' }),
    onSuccess: (report) => {
      if (!report.dryRun) void queryClient.invalidateQueries({ queryKey: CALENDAR_KEY });
    },
  });
}
