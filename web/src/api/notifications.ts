import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { NotificationSettings } from '../../../common/notifications.ts';
import { api } from './client.ts';
import { keys } from './keys.ts';
import { useLiveEvents, useLiveOpen } from './live.ts';

export interface AppNotification {
  id: string;
  type: string;
  title: string;
  url: string;
  targetType: string | null;
  targetId: string | null;
  urgent: boolean;
  createdAt: string;
  readAt: string | null;
}
export interface NotificationPage {
  items: AppNotification[];
  unread: number;
}
export interface OutboxItem {
  name: string;
  date: string;
  to: string;
  subject: string;
  size: number;
}

/** `GET /api/notifications`: own notifications, newest first (`unread` only, pages by `before`). */
export function useNotifications(query: { unread?: boolean; before?: string; limit?: number } = {}) {
  const params = new URLSearchParams();
  if (query.unread) params.set('unread', 'true');
  if (query.before) params.set('before', query.before);
  params.set('limit', String(query.limit ?? 30));
  return useQuery({
    queryKey: [...keys.notifications, 'list', query],
    queryFn: () => api<NotificationPage>(`/notifications?${params}`),
    placeholderData: keepPreviousData,
  });
}

/** The bell's count: pushed live (`notifications.changed`), polled every minute while the socket is down. */
export function useUnreadCount(): number {
  const qc = useQueryClient();
  const open = useLiveOpen();
  useLiveEvents((m) => {
    if (m.type !== 'notifications.changed') return;
    qc.setQueryData([...keys.notifications, 'count'], { unread: m.unread });
    void qc.invalidateQueries({ queryKey: [...keys.notifications, 'list'] });
  });
  const query = useQuery({
    queryKey: [...keys.notifications, 'count'],
    queryFn: () => api<{ unread: number }>('/notifications/unread-count'),
    refetchInterval: open ? false : 60_000,
  });
  return query.data?.unread ?? 0;
}

function useInvalidate() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: keys.notifications });
}

export function useMarkRead() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (id: string) => api<{ unread: number }>(`/notifications/${encodeURIComponent(id)}/read`, { method: 'POST' }),
    onSuccess: invalidate,
  });
}

export function useMarkAllRead() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: () => api<{ unread: number }>('/notifications/read-all', { method: 'POST' }),
    onSuccess: invalidate,
  });
}

export function useNotificationSettings() {
  return useQuery({
    queryKey: [...keys.notifications, 'settings'],
    queryFn: () => api<NotificationSettings>('/me/notification-settings'),
  });
}

export function useSaveNotificationSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: NotificationSettings) => api<NotificationSettings>('/me/notification-settings', { method: 'PUT', body }),
    onSuccess: (data) => qc.setQueryData([...keys.notifications, 'settings'], data),
  });
}

/** `GET /api/admin/outbox` (operator): mail written to DATA_DIR/outbox. */
export function useOutbox() {
  return useQuery({ queryKey: ['outbox'], queryFn: () => api<{ items: OutboxItem[] }>('/admin/outbox') });
}
