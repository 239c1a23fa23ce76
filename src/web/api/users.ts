/** Administration of users and memberships (/api/admin/users, /api/admin/memberships). */
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import type { Role } from '../../domain/permissions.ts';
import { api } from './client.ts';

export interface UserMembership {
  id: string;
  role: Role;
  organizationId: string;
  organizationName: string;
}

export interface AdminUser {
  id: string;
  email: string;
  fullName: string;
  phone: string | null;
  isActive: boolean;
  locale: string;
  lastLoginAt: string | null;
  createdAt: string;
  memberships: UserMembership[];
}

export const USERS_KEY = ['admin-users'] as const;
export const USERS_PAGE_SIZE = 50;

export function useUsers(search: string) {
  return useInfiniteQuery({
    queryKey: [...USERS_KEY, search],
    initialPageParam: 0,
    queryFn: ({ pageParam }) => api.get<AdminUser[]>('/api/admin/users', { search, limit: USERS_PAGE_SIZE, offset: pageParam }),
    getNextPageParam: (last, pages) => (last.length === USERS_PAGE_SIZE ? pages.length * USERS_PAGE_SIZE : undefined),
  });
}

export interface NewUser {
  email: string;
  fullName: string;
  phone?: string | null;
  password?: string;
  organizationId: string;
  role: Role;
}

function useInvalidateUsers() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: USERS_KEY });
}

export function useCreateUser() {
  const onSuccess = useInvalidateUsers();
  return useMutation({ mutationFn: (input: NewUser) => api.post<AdminUser>('/api/admin/users', input), onSuccess });
}

export interface UserPatch {
  fullName?: string;
  phone?: string | null;
  isActive?: boolean;
  password?: string;
}

export function useUpdateUser() {
  const onSuccess = useInvalidateUsers();
  return useMutation({ mutationFn: ({ id, patch }: { id: string; patch: UserPatch }) => api.patch<AdminUser>(`/api/admin/users/${id}`, patch), onSuccess });
}

export function useAddMembership() {
  const onSuccess = useInvalidateUsers();
  return useMutation({
    mutationFn: ({ userId, organizationId, role }: { userId: string; organizationId: string; role: Role }) =>
      api.post<UserMembership>(`/api/admin/users/${userId}/memberships`, { organizationId, role }),
    onSuccess,
  });
}

export function useRemoveMembership() {
  const onSuccess = useInvalidateUsers();
  return useMutation({ mutationFn: (membershipId: string) => api.delete<{ ok: true }>(`/api/admin/memberships/${membershipId}`), onSuccess });
}
