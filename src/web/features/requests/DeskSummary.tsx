/**
 * The home page's glance at the desk (head, consultant, operator of a school or the support
 * service): how many requests wait in each queue, overdue first, each a link to that queue.
 */
import { Card, SimpleGrid, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useSignedIn } from '../../api/me.ts';
import { useT } from '../../i18n/locale.tsx';
import { ownDeskOf } from './desk-scope.ts';
import { needsAttention, useQueueCounts, type QueueView } from './requests-api.ts';

const SUMMARY_VIEWS: readonly QueueView[] = ['overdue', 'mine', 'unassigned', 'waiting', 'open'];

export default function DeskSummary() {
  const t = useT();
  const organizationId = ownDeskOf(useSignedIn().membership) ?? '';
  const counts = useQueueCounts(organizationId);
  if (!organizationId) return null;
  return (
    <section aria-labelledby="home-desk">
      <Title order={2} size="h3" id="home-desk">
        {t('desk.home.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('desk.home.lead')}
      </Text>
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} spacing="sm">
        {SUMMARY_VIEWS.map((view) => {
          const count = counts.data?.[view];
          const alert = needsAttention(view, count);
          const label = t(`requests.view.${view}`);
          return (
            <Card
              key={view}
              component={Link}
              to={view === 'open' ? '/requests' : `/requests?view=${view}`}
              withBorder
              padding="md"
              className="home-card"
              data-view={view}
              data-alert={alert || undefined}
              aria-label={t('desk.home.count', { view: label, count: count ?? '…' })}
            >
              <Text fz={28} fw={700} lh={1.1} c={alert ? 'red.8' : 'opora.8'} aria-hidden="true">
                {count ?? '…'}
              </Text>
              <Text size="sm" aria-hidden="true">
                {label}
              </Text>
            </Card>
          );
        })}
      </SimpleGrid>
    </section>
  );
}
