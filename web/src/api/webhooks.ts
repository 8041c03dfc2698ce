import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { WebhookEventType } from '../../../common/webhooks.ts';
import { api } from './client.ts';
import { type Collection, useCollectionCreate, useCollectionDelete, useCollectionList, useCollectionUpdate } from './crud.ts';
import type { ItemList } from './types.ts';

export interface Webhook {
  id: string;
  url: string;
  description: string;
  eventTypes: WebhookEventType[];
  active: boolean;
  createdAt: string;
  updatedAt: string;
  version: number;
  allowedActions: string[];
}
/** Only the creation and the rotation answers carry the secret, once. */
export type WebhookWithSecret = Webhook & { secret: string };
export interface WebhookInput {
  url: string;
  eventTypes: WebhookEventType[];
  description: string;
  active: boolean;
}
export interface WebhookDelivery {
  id: string;
  webhookId: string;
  eventId: string;
  eventType: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  nextAttemptAt: string | null;
  lastAttemptAt: string | null;
  lastStatusCode: number | null;
  lastError: string | null;
  lastDurationMs: number | null;
  deliveredAt: string | null;
  createdAt: string;
}

const WEBHOOKS: Collection = { path: '/webhooks', key: ['webhooks'] };
const deliveriesKey = (id: string) => ['webhooks', id, 'deliveries'];

export const useWebhooks = () => useCollectionList<Webhook>(WEBHOOKS);
export const useCreateWebhook = () => useCollectionCreate<WebhookWithSecret, WebhookInput>(WEBHOOKS);
export const useUpdateWebhook = () => useCollectionUpdate<Webhook, WebhookInput>(WEBHOOKS);
export const useDeleteWebhook = () => useCollectionDelete(WEBHOOKS);

/** The delivery log of one subscription, refreshed while deliveries are pending. */
export function useWebhookDeliveries(id: string | null) {
  return useQuery({
    queryKey: deliveriesKey(id ?? ''),
    queryFn: () => api<ItemList<WebhookDelivery>>(`/webhooks/${encodeURIComponent(id ?? '')}/deliveries`),
    enabled: !!id,
    refetchInterval: (q) => (q.state.data?.items.some((d) => d.status === 'pending') ? 5_000 : false),
  });
}

function useWebhookAction<T>(url: (id: string) => string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<T>(url(id), { method: 'POST' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['webhooks'] }),
  });
}

export const useRotateSecret = () => useWebhookAction<WebhookWithSecret>((id) => `/webhooks/${encodeURIComponent(id)}/secret`);
export const usePingWebhook = () => useWebhookAction<WebhookDelivery>((id) => `/webhooks/${encodeURIComponent(id)}/ping`);
export const useRedeliver = () =>
  useWebhookAction<WebhookDelivery>((id) => `/webhook-deliveries/${encodeURIComponent(id)}/redeliver`);
