/** The audit log browser (GET /api/audit), paged backwards by id ("load more"). */
import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from './client.ts';

export interface AuditItem {
  id: number;
  createdAt: string;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
  requestId: string | null;
  actorRole: string | null;
  actorName: string | null;
  actorEmail: string | null;
  organizationName: string | null;
}

export interface AuditFilter {
  action?: string;
  entityType?: string;
  /** ISO instants; `to` is exclusive. */
  from?: string;
  to?: string;
}

export const AUDIT_PAGE_SIZE = 50;

export function useAudit(filter: AuditFilter) {
  return useInfiniteQuery({
    queryKey: ['audit', filter],
    initialPageParam: null as number | null,
    queryFn: ({ pageParam }) =>
      api.get<{ items: AuditItem[]; nextBeforeId: number | null }>('/api/audit', { ...filter, beforeId: pageParam, limit: AUDIT_PAGE_SIZE }),
    getNextPageParam: (last) => (last.items.length === AUDIT_PAGE_SIZE ? last.nextBeforeId : null),
  });
}
