import { Text } from '@mantine/core';
import { useId } from 'react';
import type { MessageKey } from '../../i18n/locale.tsx';
import { useT } from '../../i18n/locale.tsx';
import type { DayKind } from './calendar-api.ts';
import './calendar.css';

const ITEMS: Array<{ kind: DayKind; label: MessageKey; sample: string }> = [
  { kind: 'working', label: 'calendar.legend.working', sample: '5' },
  { kind: 'weekend', label: 'calendar.legend.weekend', sample: '6' },
  { kind: 'holiday', label: 'calendar.legend.holiday', sample: '7' },
  { kind: 'transferred_working', label: 'calendar.legend.transferred_working', sample: '8' },
  { kind: 'short', label: 'calendar.legend.short', sample: '9*' },
  { kind: 'closure', label: 'calendar.legend.closure', sample: '10' },
];

/** The key to the grid: the same boxes as the days, each with its meaning in words. */
export function CalendarLegend({ withClosures = false }: { withClosures?: boolean }) {
  const t = useT();
  const id = useId();
  return (
    <div>
      <Text id={id} size="sm" fw={600} mb={6}>
        {t('calendar.legend.title')}
      </Text>
      <ul className="cal-legend" aria-labelledby={id}>
        {ITEMS.filter((item) => withClosures || item.kind !== 'closure').map((item) => (
          <li key={item.kind}>
            <span className="cal-day" data-kind={item.kind} aria-hidden="true">
              {item.sample}
            </span>
            {t(item.label)}
          </li>
        ))}
      </ul>
    </div>
  );
}
