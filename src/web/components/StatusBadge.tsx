import { Badge, type MantineSize } from '@mantine/core';
import type { RequestStatus } from '../../domain/requests/lifecycle.ts';
import { useT } from '../i18n/locale.tsx';

export const STATUS_COLORS: Record<RequestStatus, string> = {
  new: 'blue',
  in_progress: 'opora',
  waiting_for_requester: 'orange',
  resolved: 'green',
  closed: 'gray',
  rejected: 'red',
};

const LABEL_STYLES = { label: { overflow: 'visible' } };

/** A request's status as a badge, the same in the workspace and on the requester's pages. */
export function StatusBadge({ status, size = 'md' }: { status: RequestStatus; size?: MantineSize }) {
  const t = useT();
  return (
    <Badge color={STATUS_COLORS[status]} variant="light" size={size} radius="sm" styles={LABEL_STYLES} data-status={status}>
      {t(`requests.status.${status}`)}
    </Badge>
  );
}
