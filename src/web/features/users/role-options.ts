import { ROLES } from '../../../domain/permissions.ts';
import type { Organization } from '../../api/organizations.ts';
import type { Translate } from '../../i18n/locale.tsx';
import { buildTree, flattenTree } from '../organizations/organization-tree.ts';

export function roleOptions(t: Translate) {
  return ROLES.map((role) => ({ value: role, label: t(`role.${role}`) }));
}

/** Organisations for a select, in tree order, indented by depth. */
export function organizationOptions(organizations: readonly Organization[] | undefined, t: Translate) {
  return flattenTree(buildTree(organizations ?? [])).map(({ organization, depth }) => ({
    value: organization.id,
    label: `${'· '.repeat(depth)}${organization.shortName} (${t(`orgKind.${organization.kind}`)})`,
  }));
}
