/** Organisations of the current membership's subtree (GET/POST/PATCH /api/organizations). */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client.ts';

export type OrganizationKind = 'region' | 'municipality' | 'school' | 'support_service';
export const ORGANIZATION_KINDS: readonly OrganizationKind[] = ['region', 'municipality', 'school', 'support_service'];

export interface OrganizationFields {
  name: string;
  shortName: string;
  slug: string;
  phone: string | null;
  email: string | null;
  website: string | null;
  address: string | null;
  timezone: string;
}

export interface Organization extends OrganizationFields {
  id: string;
  parentId: string | null;
  path: string[];
  kind: OrganizationKind;
  createdAt: string;
  updatedAt: string;
}

export const ORGANIZATIONS_KEY = ['organizations'] as const;

export function useOrganizations(enabled = true) {
  return useQuery({ queryKey: ORGANIZATIONS_KEY, queryFn: () => api.get<Organization[]>('/api/organizations'), enabled });
}

export function useCreateOrganization() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: OrganizationFields & { kind: OrganizationKind; parentId: string | null }) => api.post<Organization>('/api/organizations', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ORGANIZATIONS_KEY }),
  });
}

export function useUpdateOrganization(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: Partial<OrganizationFields>) => api.patch<Organization>(`/api/organizations/${id}`, patch),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ORGANIZATIONS_KEY }),
  });
}
