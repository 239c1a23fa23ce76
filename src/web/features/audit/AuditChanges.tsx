import { Table, Text } from '@mantine/core';
import { formatDateTime } from '../../../shared/i18n/format.ts';
import { translateKnown, useT } from '../../i18n/locale.tsx';
import { diffAudit, displayValue } from './audit-diff.ts';

/** The before/after of an audit row as a small "field | was | now" table behind a disclosure. */
export function AuditChanges({ before, after }: { before: unknown; after: unknown }) {
  const t = useT();
  const rows = diffAudit(before, after);
  if (rows.length === 0) return null;
  const show = (value: unknown) => displayValue(value, formatDateTime, [t('web.yes'), t('web.no')]);
  const label = (field: string) => (field === '' ? t('web.audit.value') : translateKnown(t, `web.audit.field.${field}`, field));
  const showBefore = rows.some((row) => row.kind !== 'added');
  const showAfter = rows.some((row) => row.kind !== 'removed');
  return (
    <details className="audit-details" style={{ marginTop: '0.5rem' }}>
      <summary>
        <Text component="span" size="sm" fw={600}>
          {t('web.audit.changes', { count: rows.length })}
        </Text>
      </summary>
      <Table mt="xs" withTableBorder layout="fixed" fz="sm" verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('web.audit.field')}</Table.Th>
            {showBefore ? <Table.Th scope="col">{t('web.audit.before')}</Table.Th> : null}
            {showAfter ? <Table.Th scope="col">{t('web.audit.after')}</Table.Th> : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.field}>
              <Table.Th scope="row" fw={500} className="break-anywhere">
                {label(row.field)}
              </Table.Th>
              {showBefore ? (
                <Table.Td className="break-anywhere">
                  {row.kind === 'changed' ? <del className="audit-before">{show(row.before)}</del> : show(row.before)}
                </Table.Td>
              ) : null}
              {showAfter ? (
                <Table.Td className="break-anywhere">
                  {row.kind === 'changed' ? <ins className="audit-after">{show(row.after)}</ins> : show(row.after)}
                </Table.Td>
              ) : null}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </details>
  );
}
