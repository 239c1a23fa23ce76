/** The signed-in user's in-app notifications (/api/notifications…): list, unread count, mark read. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

export interface AppNotification {
  id: string;
  organizationId: string | null;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  readAt: string | null;
  createdAt: string;
}

interface NotificationList {
  items: AppNotification[];
  unread: number;
  limit: number;
  offset: number;
}

const KEY = ['notifications'] as const;
export const NOTIFICATIONS_PAGE = 20;

/** The unread count, polled every minute and on focus: the bell's number. */
export function useUnreadCount() {
  return useQuery({
    queryKey: [...KEY, 'unread'],
    queryFn: () => api.get<{ unread: number }>('/api/notifications/unread-count'),
    refetchInterval: 60_000,
    refetchOnWindowFocus: true,
  });
}

export function useNotificationList(enabled: boolean) {
  return useQuery({
    queryKey: [...KEY, 'list'],
    queryFn: () => api.get<NotificationList>('/api/notifications', { limit: NOTIFICATIONS_PAGE }),
    enabled,
  });
}

function useRefresh() {
  const queryClient = useQueryClient();
  return (unread: number) => {
    queryClient.setQueryData([...KEY, 'unread'], { unread });
    void queryClient.invalidateQueries({ queryKey: [...KEY, 'list'] });
  };
}

export function useMarkRead() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (id: string) => api.post<{ unread: number }>(`/api/notifications/${id}/read`),
    onSuccess: (result) => refresh(result.unread),
  });
}

export function useMarkAllRead() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: () => api.post<{ marked: number; unread: number }>('/api/notifications/read-all'),
    onSuccess: (result) => refresh(result.unread),
  });
}
