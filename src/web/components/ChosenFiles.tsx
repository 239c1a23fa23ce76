import { Box, CloseButton, Group, Text } from '@mantine/core';
import { useT, type Translate } from '../i18n/locale.tsx';

/** A file size as people read it: «12 КБ», «1.4 МБ» (never «0 КБ»). */
export function fileSizeText(bytes: number, t: Translate): string {
  return bytes >= 1024 * 1024
    ? t('web.size.mb', { n: (bytes / 1024 / 1024).toFixed(1) })
    : t('web.size.kb', { n: Math.max(1, Math.round(bytes / 1024)) });
}

/**
 * The files picked for a form, not yet sent: each with its size and a button that removes it.
 * `label` names the list for screen readers.
 */
export function ChosenFiles({ files, label, onRemove }: { files: readonly File[]; label: string; onRemove: (index: number) => void }) {
  const t = useT();
  if (files.length === 0) return null;
  return (
    <Box component="ul" aria-label={label} m={0} pl={0} style={{ listStyle: 'none' }}>
      {files.map((file, index) => (
        <Group component="li" key={`${file.name}-${index}`} gap="xs" wrap="nowrap">
          <Text size="sm" style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
            {file.name} ({fileSizeText(file.size, t)})
          </Text>
          <CloseButton size="md" aria-label={t('web.file.remove', { name: file.name })} onClick={() => onRemove(index)} />
        </Group>
      ))}
    </Box>
  );
}
