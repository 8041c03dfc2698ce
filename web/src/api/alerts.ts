import type { AlertView, Mentionable } from '../../../common/alerts.ts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client.ts';
import { keys } from './keys.ts';
import { useLiveEvents } from './live.ts';

/** The urgent alert of a message and a mention (types shared with the server). */
export type MessageAlert = AlertView;
export type Mention = Mentionable;
/** An open alert as the banner lists it: a message view with its channel. */
export interface OpenAlert {
  id: string;
  channelId: string;
  channel: { id: string; name: string };
  author: { id: string; name: string } | null;
  body: string;
  createdAt: string;
  alert: MessageAlert | null;
  allowedActions: string[];
}
export interface AlertSettings {
  repeatMinutes: number;
  escalateMinutes: number;
  allowedActions: string[];
}

const OPEN = ['alerts', 'open'] as const;
const SETTINGS = ['alerts', 'settings'] as const;

/** `GET /api/alerts?state=open`, refetched when a notification or a chat message changes (live). */
export function useOpenAlerts(enabled = true) {
  const qc = useQueryClient();
  useLiveEvents((m) => {
    if (m.type === 'notifications.changed' || m.type === 'channel.message') void qc.invalidateQueries({ queryKey: OPEN });
  });
  return useQuery({
    queryKey: OPEN,
    queryFn: () => api<{ items: OpenAlert[] }>('/alerts?state=open'),
    enabled,
    refetchInterval: 60_000,
  });
}

/** `POST /api/messages/:id/acknowledge` → the message view (idempotent). */
export function useAcknowledge() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (messageId: string) =>
      api<OpenAlert>(`/messages/${encodeURIComponent(messageId)}/acknowledge`, { method: 'POST' }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: OPEN });
      void qc.invalidateQueries({ queryKey: keys.notifications });
    },
  });
}

/** `GET /api/channels/:id/mentionable?q=` for the composer's autocomplete (≤ 10). */
export function mentionable(channelId: string, q: string) {
  const params = new URLSearchParams({ q });
  return api<{ items: Mention[] }>(`/channels/${encodeURIComponent(channelId)}/mentionable?${params}`);
}

/** `GET /api/organization/alert-settings`. */
export function useAlertSettings() {
  return useQuery({ queryKey: SETTINGS, queryFn: () => api<AlertSettings>('/organization/alert-settings') });
}

/** `PUT /api/organization/alert-settings {repeatMinutes, escalateMinutes}`. */
export function useUpdateAlertSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Pick<AlertSettings, 'repeatMinutes' | 'escalateMinutes'>) =>
      api<AlertSettings>('/organization/alert-settings', { method: 'PUT', body }),
    onSuccess: (data) => qc.setQueryData(SETTINGS, data),
  });
}
