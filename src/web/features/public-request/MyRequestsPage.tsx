import { Anchor, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Link, Route, Routes, useParams } from 'react-router';
import { formatDate } from '../../../shared/i18n/format.ts';
import { useSignedIn } from '../../api/me.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { NotFoundPage, PageLoader } from '../../components/StatusPages.tsx';
import { useDocumentTitle } from '@mantine/hooks';
import { useT } from '../../i18n/locale.tsx';
import { zoneOf } from '../../i18n/time-zone.ts';
import { myApi, useMyRequest, useMyRequests, type RequesterView } from './public-api.ts';
import { RequestView, StatusBadge } from './RequestView.tsx';
import './public-request.css';

const PAGE = 25;

function MyRequestList() {
  const t = useT();
  const me = useSignedIn();
  const [limit, setLimit] = useState(PAGE);
  const list = useMyRequests(limit);
  const slug = me.membership?.organizationSlug;
  return (
    <>
      <PageHeader
        title={t('intake.my.title')}
        lead={t('intake.my.lead')}
        actions={
          slug ? (
            <Button component={Link} to={`/s/${slug}/request`}>
              {t('intake.my.new')}
            </Button>
          ) : null
        }
      />
      {list.isPending ? <PageLoader /> : null}
      <ErrorAlert error={list.error} />
      {list.data && list.data.items.length === 0 ? <Text>{t('intake.my.empty')}</Text> : null}
      {list.data && list.data.items.length > 0 ? (
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('intake.my.total', { n: list.data.total })}
          </Text>
          <Stack component="ul" gap="sm" m={0} p={0} style={{ listStyle: 'none' }}>
            {list.data.items.map((item) => (
              <Paper component="li" key={item.id} withBorder p="md">
                <Group justify="space-between" align="flex-start" gap="sm">
                  <Stack gap={4} style={{ minWidth: 0, flex: '1 1 16rem' }}>
                    <Anchor component={Link} to={item.id} fw={600} className="break-anywhere">
                      {item.number} — {item.subject}
                    </Anchor>
                    <Text size="sm" c="dimmed">
                      {t('intake.my.registered')}: {formatDate(item.registeredAt, zoneOf(item))}
                      {['new', 'in_progress', 'waiting_for_requester'].includes(item.status) && item.badge.dueAt
                        ? ` · ${t('intake.my.due')}: ${formatDate(item.badge.dueAt, zoneOf(item))}`
                        : ''}
                    </Text>
                  </Stack>
                  <StatusBadge status={item.status} size="lg" />
                </Group>
              </Paper>
            ))}
          </Stack>
          {list.data.total > list.data.items.length ? (
            <div>
              <Button variant="default" onClick={() => setLimit((n) => n + PAGE)} loading={list.isFetching}>
                {t('web.loadMore')}
              </Button>
            </div>
          ) : null}
        </Stack>
      ) : null}
    </>
  );
}

function MyRequestDetail() {
  const t = useT();
  const { id = '' } = useParams();
  const me = useSignedIn();
  const detail = useMyRequest(id);
  const queryClient = useQueryClient();
  const heading = useRef<HTMLHeadingElement>(null);
  useDocumentTitle(detail.data ? `${t('intake.status.title', { number: detail.data.number })} — ${t('app.name')}` : t('intake.my.title'));
  useEffect(() => {
    if (detail.data) heading.current?.focus();
  }, [detail.data?.id]); // eslint-disable-line react-hooks/exhaustive-deps
  if (!/^[0-9a-f-]{36}$/i.test(id)) return <NotFoundPage />;
  if (detail.isPending) return <PageLoader />;
  if (!detail.data) return <ErrorAlert error={detail.error} />;
  const update = (next: RequesterView) => {
    queryClient.setQueryData(['my-request', id], next);
    void queryClient.invalidateQueries({ queryKey: ['my-requests'] });
  };
  return (
    <Stack gap="md">
      <Anchor component={Link} to=".." relative="path">
        ← {t('intake.my.back')}
      </Anchor>
      <RequestView
        view={detail.data}
        idPrefix="my"
        headingRef={heading}
        onReply={(body, files) => myApi.reply(id, body, files, me.csrfToken)}
        onAction={(action) => myApi.action(id, action, me.csrfToken)}
        onUpdated={update}
      />
    </Stack>
  );
}

/** «Мои обращения» (section myRequests): the signed-in parent's or staff member's own requests. */
export default function MyRequestsPage() {
  return (
    <Routes>
      <Route index element={<MyRequestList />} />
      <Route path=":id" element={<MyRequestDetail />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
