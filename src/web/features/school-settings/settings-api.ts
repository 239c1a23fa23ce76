/** An organisation's calendar settings: week kind and closure days (src/server/modules/calendar). */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../../api/client.ts';
import type { WeekKind } from '../calendar/calendar-api.ts';

export interface Closure {
  id: string;
  organizationId: string;
  /** YYYY-MM-DD */
  day: string;
  reason: string;
  createdAt: string;
}

export interface OrganizationCalendar {
  organizationId: string;
  weekKind: WeekKind;
  timeZone: string;
  /** The organisation's own closures and those of its parents (a municipality's quarantine closes its schools). */
  closures: Closure[];
}

const key = (organizationId: string) => ['organization-calendar', organizationId] as const;

export function useOrganizationCalendar(organizationId: string) {
  return useQuery({
    queryKey: key(organizationId),
    queryFn: () => api.get<OrganizationCalendar>(`/api/organizations/${organizationId}/calendar`),
  });
}

export function useSetWeekKind(organizationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (weekKind: WeekKind) => api.put<OrganizationCalendar>(`/api/organizations/${organizationId}/calendar`, { weekKind }),
    onSuccess: (settings) => queryClient.setQueryData(key(organizationId), settings),
  });
}

/**
 * Adds closure days one by one (the API takes one date); a date that is already closed is counted,
 * not treated as a failure. Any other error stops the run: the days added before it stay.
 */
export function useAddClosures(organizationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: { dates: string[]; reason: string }) => {
      let added = 0;
      let existing = 0;
      for (const date of input.dates) {
        try {
          await api.post<Closure>(`/api/organizations/${organizationId}/closures`, { date, reason: input.reason });
          added += 1;
        } catch (error) {
          if (error instanceof ApiError && error.status === 409) existing += 1;
          else throw error;
        }
      }
      return { added, existing };
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: key(organizationId) }),
  });
}

export function useRemoveClosure(organizationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (closureId: string) => api.delete<{ ok: true }>(`/api/closures/${closureId}`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: key(organizationId) }),
  });
}
