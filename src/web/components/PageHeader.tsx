import { Group, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useT } from '../i18n/locale.tsx';

/** The page's one <h1>, the browser tab title, an optional lead text and actions on the right. */
export function PageHeader({ title, lead, actions, documentTitle }: { title: string; lead?: ReactNode; actions?: ReactNode; documentTitle?: string }) {
  const t = useT();
  useDocumentTitle(`${documentTitle ?? title} — ${t('app.name')}`);
  return (
    <Group justify="space-between" align="flex-start" mb="md" gap="sm">
      <div style={{ minWidth: 0, flex: '1 1 16rem' }}>
        <Title order={1} size="h2" className="break-anywhere">
          {title}
        </Title>
        {lead ? (
          <Text c="dimmed" mt={4}>
            {lead}
          </Text>
        ) : null}
      </div>
      {actions ? <Group gap="sm">{actions}</Group> : null}
    </Group>
  );
}
