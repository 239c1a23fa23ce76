/** A desk's policy and its category taxonomy (/api/organizations/:id/request-desk, …/request-categories). */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RequestType } from '../../../domain/requests/taxonomy.ts';
import { api } from '../../api/client.ts';
import type { CategoryNode } from '../requests/requests-api.ts';

export interface DeskPolicy {
  organizationId: string;
  numberPrefix: string;
  termUnit: 'calendar_days' | 'working_days';
  reviewTermDays: number;
  moveToNextWorkingDay: boolean;
  pauseWhileWaiting: boolean;
  autoCloseDays: number;
  reopenWindowDays: number;
  reminderLeadHours: number;
  /** Days after closing or rejection when a request's personal data are erased (30..3650, default 1825). */
  anonymizeAfterDays: number;
  updatedAt: string;
  updatedBy: string | null;
}

export type DeskPatch = Partial<Omit<DeskPolicy, 'organizationId' | 'updatedAt' | 'updatedBy'>>;

export type { CategoryNode };

export interface NewCategory {
  parentId?: string | null;
  name: string;
  defaultType?: RequestType | null;
}

export interface CategoryPatch {
  name?: string;
  isActive?: boolean;
  position?: number;
  defaultType?: RequestType | null;
}

const deskKey = (organizationId: string) => ['request-desk', organizationId] as const;
const allCategoriesKey = (organizationId: string) => ['request-categories', organizationId, true] as const;

export function useDeskPolicy(organizationId: string) {
  return useQuery({
    queryKey: deskKey(organizationId),
    queryFn: () => api.get<DeskPolicy>(`/api/organizations/${organizationId}/request-desk`),
    retry: false,
  });
}

export function useSaveDeskPolicy(organizationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: DeskPatch) => api.patch<DeskPolicy>(`/api/organizations/${organizationId}/request-desk`, patch),
    onSuccess: (policy) => queryClient.setQueryData(deskKey(organizationId), policy),
  });
}

/** Every category, the deactivated ones too (the editor shows them greyed out). */
export function useAllCategories(organizationId: string) {
  return useQuery({
    queryKey: allCategoriesKey(organizationId),
    queryFn: () => api.get<CategoryNode[]>(`/api/organizations/${organizationId}/request-categories`, { includeInactive: true }),
    retry: false,
  });
}

/** After a change, the editor's tree and the active tree the desk's pickers use are both stale. */
function useRefreshCategories(organizationId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ['request-categories', organizationId] });
}

export function useCreateCategory(organizationId: string) {
  const refresh = useRefreshCategories(organizationId);
  return useMutation({
    mutationFn: (input: NewCategory) => api.post<CategoryNode>(`/api/organizations/${organizationId}/request-categories`, input),
    onSuccess: refresh,
  });
}

export function useUpdateCategory(organizationId: string) {
  const refresh = useRefreshCategories(organizationId);
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: CategoryPatch }) =>
      api.patch<CategoryNode>(`/api/organizations/${organizationId}/request-categories/${id}`, patch),
    onSuccess: refresh,
  });
}

/** Swaps the positions of two neighbours (one move up or down). */
export function useSwapCategories(organizationId: string) {
  const refresh = useRefreshCategories(organizationId);
  return useMutation({
    mutationFn: async ({ a, b }: { a: CategoryNode; b: CategoryNode }) => {
      const [low, high] = a.position === b.position ? [a.position, a.position + 1] : [b.position, a.position];
      await api.patch(`/api/organizations/${organizationId}/request-categories/${a.id}`, { position: low });
      await api.patch(`/api/organizations/${organizationId}/request-categories/${b.id}`, { position: high });
    },
    onSettled: refresh,
  });
}
