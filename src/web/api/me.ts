/** The signed-in user (GET /api/me) and the session actions: sign in/out, switch membership, language. */
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { NavSection, Role } from '../../domain/permissions.ts';
import type { Locale } from '../../shared/i18n/format.ts';
import { useMemo } from 'react';
import { loadLocale, useLocale } from '../i18n/locale.tsx';
import { zonedFormat, zoneOf, type ZonedFormat } from '../i18n/time-zone.ts';
import { api, ApiError, setCsrfToken } from './client.ts';

export interface Membership {
  id: string;
  role: Role;
  organizationId: string;
  organizationPath: string[];
  organizationName: string;
  organizationShortName: string;
  organizationKind: string;
  organizationSlug: string;
  /** The organisation's IANA time zone: the workspace shows its dates on this clock. */
  organizationTimeZone: string;
}

export interface MeView {
  user: { id: string; email: string; fullName: string; locale: string };
  membership: Membership | null;
  memberships: Membership[];
  navigation: NavSection[];
  csrfToken: string;
}

export const ME_KEY = ['me'] as const;

function remember(queryClient: QueryClient, me: MeView | null): void {
  setCsrfToken(me?.csrfToken ?? null);
  queryClient.setQueryData(ME_KEY, me);
}

async function fetchMe(): Promise<MeView | null> {
  try {
    const me = await api.get<MeView>('/api/me');
    setCsrfToken(me.csrfToken);
    return me;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

/** `data` is null when nobody is signed in. */
export function useMe() {
  return useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 5 * 60_000, retry: 1 });
}

/** The signed-in user; only for components rendered inside the workspace (after RequireAuth). */
export function useSignedIn(): MeView {
  const { data } = useMe();
  if (!data) throw new Error('useSignedIn() outside the signed-in workspace');
  return data;
}

/**
 * Dates of the workspace (audit log, users, notifications, settings) on the clock of the
 * organisation the user works in now, as its requests and e-mails are.
 */
export function useWorkspaceFormat(): ZonedFormat {
  const zone = zoneOf({ timeZone: useMe().data?.membership?.organizationTimeZone });
  return useMemo(() => zonedFormat(zone), [zone]);
}

export function useLogin() {
  const queryClient = useQueryClient();
  const { setLocale } = useLocale();
  return useMutation({
    mutationFn: (input: { email: string; password: string }) => api.post<MeView>('/api/auth/login', input),
    onSuccess: (me) => {
      queryClient.clear();
      remember(queryClient, me);
      if (me.user.locale === 'ru' || me.user.locale === 'en') setLocale(me.user.locale);
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ ok: true }>('/api/auth/logout'),
    onSettled: () => {
      queryClient.clear();
      remember(queryClient, null);
    },
  });
}

export function useSwitchMembership() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (membershipId: string) => api.put<MeView>('/api/me/membership', { membershipId }),
    onSuccess: (me) => {
      // Everything else was read as the previous membership.
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== ME_KEY[0] });
      remember(queryClient, me);
    },
  });
}

/** Switches the language now, and saves it as the user's own locale when signed in. */
export function useChangeLocale() {
  const queryClient = useQueryClient();
  const { setLocale } = useLocale();
  return useMutation({
    mutationFn: async (locale: Locale) => {
      await loadLocale(locale);
      setLocale(locale);
      const me = queryClient.getQueryData<MeView | null>(ME_KEY);
      if (me) {
        await api.put<{ ok: true }>('/api/me/locale', { locale });
        const updated: MeView = { ...me, user: { ...me.user, locale } };
        queryClient.setQueryData(ME_KEY, updated);
      }
    },
    // Server texts (error messages, labels the API renders) are in the old language.
    onSuccess: () => queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== ME_KEY[0] }),
  });
}
