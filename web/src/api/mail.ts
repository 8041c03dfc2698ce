import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client.ts';
import { type Collection, useCollectionCreate, useCollectionDelete, useCollectionList } from './crud.ts';
import type { ItemList } from './types.ts';

export const UNKNOWN_SENDER_POLICIES = ['hold', 'create_requester', 'reject'] as const;
export type UnknownSenderPolicy = (typeof UNKNOWN_SENDER_POLICIES)[number];

export interface MailAddress {
  id: string;
  address: string;
  serviceId: string;
  teamId: string | null;
  version: number;
  allowedActions: string[];
}
export interface MailAddressInput {
  address: string;
  serviceId: string;
  teamId: string | null;
}
export interface MailSettings {
  unknownSender: UnknownSenderPolicy;
  allowedActions: string[];
}
export interface InboundMessage {
  id: string;
  messageId: string;
  from: string;
  to: string;
  subject: string;
  status: 'created' | 'replied' | 'ignored' | 'quarantined' | 'rejected' | 'processing';
  reason: string | null;
  requestId: string | null;
  attempts: number;
  receivedAt: string;
  allowedActions: string[];
}

const MAIL_KEY = ['mail'] as const;
const ADDRESSES: Collection = { path: '/mail/addresses', key: [...MAIL_KEY, 'addresses'] };

/** `GET /api/mail/addresses`. */
export const useMailAddresses = () => useCollectionList<MailAddress>(ADDRESSES);
/** `POST /api/mail/addresses` (409 when the address is used on the platform). */
export const useCreateMailAddress = () => useCollectionCreate<MailAddress, MailAddressInput>(ADDRESSES);
/** `DELETE /api/mail/addresses/:id`. */
export const useDeleteMailAddress = () => useCollectionDelete(ADDRESSES);

/** `GET /api/mail/settings`. */
export const useMailSettings = () =>
  useQuery({ queryKey: [...MAIL_KEY, 'settings'], queryFn: () => api<MailSettings>('/mail/settings') });

/** `PATCH /api/mail/settings`. */
export function useUpdateMailSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (unknownSender: UnknownSenderPolicy) =>
      api<MailSettings>('/mail/settings', { method: 'PATCH', body: { unknownSender } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: [...MAIL_KEY, 'settings'] }),
  });
}

/** `GET /api/mail/quarantine`: quarantined mail, newest first. */
export const useQuarantine = () =>
  useQuery({ queryKey: [...MAIL_KEY, 'quarantine'], queryFn: () => api<ItemList<InboundMessage>>('/mail/quarantine') });

/** `POST /api/mail/quarantine/:id/reprocess` and `DELETE /api/mail/quarantine/:id`. */
export function useQuarantineActions() {
  const qc = useQueryClient();
  const refresh = () => qc.invalidateQueries({ queryKey: [...MAIL_KEY, 'quarantine'] });
  const reprocess = useMutation({
    mutationFn: ({ id, createRequester }: { id: string; createRequester: boolean }) =>
      api<InboundMessage>(`/mail/quarantine/${encodeURIComponent(id)}/reprocess`, { method: 'POST', body: { createRequester } }),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: (id: string) => api<void>(`/mail/quarantine/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: refresh,
  });
  return { reprocess, remove };
}
