/**
 * Which desk the queue shows. A consultant or head works their own school's desk; a member of a
 * region or municipality (an admin) picks one of the desks below it (`?org=<id>`).
 */
import { useSearchParams } from 'react-router';
import { useSignedIn, type Membership } from '../../api/me.ts';
import { useOrganizations, type Organization } from '../../api/organizations.ts';

const DESK_KINDS: readonly string[] = ['school', 'support_service'];

/** The desk of the membership's own organisation, when that organisation runs one (a school, the support service). */
export function ownDeskOf(membership: Pick<Membership, 'organizationId' | 'organizationKind'> | null): string | null {
  return membership && DESK_KINDS.includes(membership.organizationKind) ? membership.organizationId : null;
}

export interface DeskScope {
  organizationId: string | null;
  desks: Organization[];
  loading: boolean;
}

export function useDeskScope(): DeskScope {
  const me = useSignedIn();
  const [params] = useSearchParams();
  const membership = me.membership;
  const ownDesk = ownDeskOf(membership);
  const organizations = useOrganizations(Boolean(membership));
  const desks = (organizations.data ?? [])
    .filter((org) => DESK_KINDS.includes(org.kind))
    .sort((a, b) => a.shortName.localeCompare(b.shortName, 'ru'));
  const requested = params.get('org');
  if (!membership) return { organizationId: null, desks: [], loading: false };
  if (requested && (desks.some((d) => d.id === requested) || organizations.isPending))
    return { organizationId: requested, desks, loading: false };
  if (ownDesk) return { organizationId: ownDesk, desks, loading: false };
  return { organizationId: desks[0]?.id ?? null, desks, loading: organizations.isPending };
}
