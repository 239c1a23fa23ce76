import type { Organization } from '../../api/organizations.ts';

export interface TreeNode {
  organization: Organization;
  depth: number;
  children: TreeNode[];
}

/** Nests the flat subtree from the API; organisations whose parent is not listed become roots. */
export function buildTree(organizations: readonly Organization[]): TreeNode[] {
  const ids = new Set(organizations.map((o) => o.id));
  const byParent = new Map<string | null, Organization[]>();
  for (const org of organizations) {
    const parent = org.parentId && ids.has(org.parentId) ? org.parentId : null;
    byParent.set(parent, [...(byParent.get(parent) ?? []), org]);
  }
  const walk = (parent: string | null, depth: number): TreeNode[] =>
    (byParent.get(parent) ?? [])
      .sort((a, b) => a.shortName.localeCompare(b.shortName, 'ru'))
      .map((organization) => ({ organization, depth, children: walk(organization.id, depth + 1) }));
  return walk(null, 0);
}

/** The tree as a flat list in display order, with depth (for selects). */
export function flattenTree(nodes: readonly TreeNode[]): TreeNode[] {
  return nodes.flatMap((node) => [node, ...flattenTree(node.children)]);
}

/** Time zones of Russia with their UTC offsets (no daylight saving since 2014). */
export const RUSSIAN_TIME_ZONES: ReadonlyArray<[zone: string, offset: number]> = [
  ['Europe/Kaliningrad', 2],
  ['Europe/Moscow', 3],
  ['Europe/Samara', 4],
  ['Asia/Yekaterinburg', 5],
  ['Asia/Omsk', 6],
  ['Asia/Novosibirsk', 7],
  ['Asia/Krasnoyarsk', 7],
  ['Asia/Irkutsk', 8],
  ['Asia/Yakutsk', 9],
  ['Asia/Vladivostok', 10],
  ['Asia/Magadan', 11],
  ['Asia/Kamchatka', 12],
];
