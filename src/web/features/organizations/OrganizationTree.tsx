import { Badge, Group, Text, UnstyledButton } from '@mantine/core';
import { useT } from '../../i18n/locale.tsx';
import type { TreeNode } from './organization-tree.ts';

interface Props {
  nodes: TreeNode[];
  selectedId: string | null;
  onSelect: (id: string) => void;
}

/** Nested lists of buttons: readable by screen readers as a list structure, operable by Tab/Enter. */
export function OrganizationTree({ nodes, selectedId, onSelect, nested = false }: Props & { nested?: boolean }) {
  return (
    <ul className="org-tree" data-testid={nested ? undefined : 'organization-tree'}>
      {nodes.map((node) => (
        <TreeItem key={node.organization.id} node={node} selectedId={selectedId} onSelect={onSelect} />
      ))}
    </ul>
  );
}

function TreeItem({ node, selectedId, onSelect }: { node: TreeNode } & Omit<Props, 'nodes'>) {
  const t = useT();
  const { organization } = node;
  const selected = organization.id === selectedId;
  return (
    <li>
      <UnstyledButton
        className="org-tree-item"
        data-selected={selected || undefined}
        aria-current={selected ? 'true' : undefined}
        onClick={() => onSelect(organization.id)}
      >
        <Group gap="xs" wrap="nowrap" justify="space-between">
          <Text size="sm" fw={selected ? 700 : 500} className="break-anywhere">
            {organization.shortName}
          </Text>
          <Badge variant="light" color="gray" size="sm" style={{ flexShrink: 0 }}>
            {t(`orgKind.${organization.kind}`)}
          </Badge>
        </Group>
      </UnstyledButton>
      {node.children.length > 0 ? <OrganizationTree nodes={node.children} selectedId={selectedId} onSelect={onSelect} nested /> : null}
    </li>
  );
}
