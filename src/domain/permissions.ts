/**
 * Who may do what: one table of role → permissions, and the scope rule for organisations.
 * Pure; the service layer calls `can()` with the acting membership (see server/http/access.ts).
 */
export type Role = 'head' | 'consultant' | 'staff' | 'parent' | 'operator' | 'admin';
export const ROLES: readonly Role[] = ['head', 'consultant', 'staff', 'parent', 'operator', 'admin'];

/** A role name from stored data (an audit row, an erasure record) that Opora knows. */
export function isRole(value: string | null | undefined): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export type Permission =
  | 'organization.read'
  | 'organization.manage'
  | 'user.manage'
  | 'audit.read'
  | 'calendar.read'
  | 'calendar.manage'
  | 'request.create'
  | 'request.readOwn'
  | 'request.readAll'
  | 'request.work'
  /** 59-FZ art. 12 part 2 gives the extension of an answer term to the head. */
  | 'request.extendLegalTerm'
  | 'request.escalateAlerts'
  | 'settings.manage'
  | 'personalData.export'
  | 'personalData.erase'
  | 'reports.read';

const MATRIX: Record<Role, readonly Permission[]> = {
  admin: [
    'organization.read',
    'organization.manage',
    'user.manage',
    'audit.read',
    'calendar.read',
    'calendar.manage',
    'request.create',
    'request.readAll',
    'request.work',
    'request.extendLegalTerm',
    'settings.manage',
    'personalData.export',
    'personalData.erase',
    'reports.read',
  ],
  head: [
    'organization.read',
    'audit.read',
    'calendar.read',
    'request.create',
    'request.readAll',
    'request.work',
    'request.extendLegalTerm',
    'request.escalateAlerts',
    'settings.manage',
    'personalData.export',
    'personalData.erase',
    'reports.read',
  ],
  consultant: ['organization.read', 'calendar.read', 'request.create', 'request.readAll', 'request.work'],
  operator: ['organization.read', 'calendar.read', 'request.create', 'request.readAll', 'request.work'],
  staff: ['request.create', 'request.readOwn'],
  parent: ['request.create', 'request.readOwn'],
};

/** Who answers a desk's requests day to day: a school's consultants, the support service's operators. */
export const DESK_WORKER_ROLES = ['consultant', 'operator'] as const satisfies readonly Role[];

/** Who a request may be assigned to: the desk's workers, its heads and its admins. */
export const ASSIGNABLE_ROLES = [...DESK_WORKER_ROLES, 'head', 'admin'] as const satisfies readonly Role[];

export function roleHas(role: Role, permission: Permission): boolean {
  return MATRIX[role].includes(permission);
}

export interface ScopedMembership {
  role: Role;
  organizationId: string;
}

/**
 * A membership acts on its own organisation and on every organisation below it in the tree
 * (a municipality's admin manages its schools); never sideways or upwards.
 * `targetPath` lists the target organisation's ancestors including itself.
 */
export function can(membership: ScopedMembership, permission: Permission, targetPath: readonly string[]): boolean {
  return roleHas(membership.role, permission) && targetPath.includes(membership.organizationId);
}

/** Navigation sections per role, shared by the server (for /api/me) and the web shell. */
export type NavSection = 'requests' | 'myRequests' | 'calendar' | 'organizations' | 'users' | 'audit' | 'reports' | 'settings';

export function navigationFor(role: Role): NavSection[] {
  const sections: NavSection[] = [];
  if (roleHas(role, 'request.readAll')) sections.push('requests');
  if (roleHas(role, 'request.readOwn')) sections.push('myRequests');
  if (roleHas(role, 'reports.read')) sections.push('reports');
  if (roleHas(role, 'calendar.manage')) sections.push('calendar');
  if (roleHas(role, 'organization.manage')) sections.push('organizations');
  if (roleHas(role, 'user.manage')) sections.push('users');
  if (roleHas(role, 'audit.read')) sections.push('audit');
  if (roleHas(role, 'settings.manage')) sections.push('settings');
  return sections;
}
