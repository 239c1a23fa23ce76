/**
 * Which desk the queue shows. A consultant or head works their own school's desk; a member of a
 * region or municipality (an admin) picks one of the desks below it (`?org=<id>`).
 */
import { useSearchParams } from 'react-router';
import { useSignedIn } from '../../api/me.ts';
import { useOrganizations, type Organization } from '../../api/organizations.ts';

/** Organisations that run a desk of their own. */
export const DESK_KINDS: readonly string[] = ['school', 'support_service'];

export interface DeskScope {
  organizationId: string | null;
  desks: Organization[];
  loading: boolean;
}

export function useDeskScope(): DeskScope {
  const me = useSignedIn();
  const [params] = useSearchParams();
  const membership = me.membership;
  const ownIsDesk = membership ? DESK_KINDS.includes(membership.organizationKind) : false;
  const organizations = useOrganizations(Boolean(membership));
  const desks = (organizations.data ?? [])
    .filter((org) => DESK_KINDS.includes(org.kind))
    .sort((a, b) => a.shortName.localeCompare(b.shortName, 'ru'));
  const requested = params.get('org');
  if (!membership) return { organizationId: null, desks: [], loading: false };
  if (requested && (desks.some((d) => d.id === requested) || organizations.isPending))
    return { organizationId: requested, desks, loading: false };
  if (ownIsDesk) return { organizationId: membership.organizationId, desks, loading: false };
  return { organizationId: desks[0]?.id ?? null, desks, loading: organizations.isPending };
}
