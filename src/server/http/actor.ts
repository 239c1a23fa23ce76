import type { OrganizationKind } from '../db/schema.ts';
import type { Role } from '../../domain/permissions.ts';
import type { Locale } from '../../shared/i18n/index.ts';

export interface ActorMembership {
  id: string;
  role: Role;
  organizationId: string;
  organizationPath: string[];
  organizationName: string;
  organizationShortName: string;
  organizationKind: OrganizationKind;
  organizationSlug: string;
  /** The organisation's IANA time zone: the workspace shows its dates on this clock. */
  organizationTimeZone: string;
}

/** Who is acting: the signed-in user with the membership chosen for this session. */
export interface Actor {
  userId: string;
  email: string;
  fullName: string;
  locale: Locale;
  sessionId: string;
  csrfToken: string;
  membership: ActorMembership | null;
  memberships: ActorMembership[];
}

/** Where an action came from, for the audit log; `actor` is null for anonymous actions. */
export interface RequestContext {
  actor: Actor | null;
  ip: string | null;
  requestId: string | null;
  locale: Locale;
}

/** A context for jobs and seeds: no signed-in actor, no client address. */
export function systemContext(): RequestContext {
  return { actor: null, ip: null, requestId: null, locale: 'ru' };
}
