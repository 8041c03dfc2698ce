import { useMutation } from '@tanstack/react-query';
import { api } from './client.ts';
import { type Collection, useCollectionCreate, useCollectionDelete, useCollectionList, useCollectionUpdate } from './crud.ts';

export const IMAP_AFTER_ACTIONS = ['flag', 'delete'] as const;
export type ImapAfterAction = (typeof IMAP_AFTER_ACTIONS)[number];

/** A polled IMAP mailbox as the API shows it (never its password). */
export interface ImapMailbox {
  id: string;
  host: string;
  port: number;
  tls: boolean;
  username: string;
  folder: string;
  afterAction: ImapAfterAction;
  addressId: string;
  enabled: boolean;
  lastPolledAt: string | null;
  lastError: string | null;
  lastErrorCode: string | null;
  lastImported: number;
  version: number;
  allowedActions: string[];
}
export interface ImapInput {
  host: string;
  port: number;
  tls: boolean;
  username: string;
  /** Required to create; on edit, sent only when it changes. */
  password?: string;
  folder: string;
  afterAction: ImapAfterAction;
  addressId: string;
  enabled: boolean;
}
export interface ImapTestResult {
  ok: boolean;
  messages: number | null;
  unseen: number | null;
  error: string | null;
  errorCode: string | null;
}

const IMAP: Collection = { path: '/mail/imap', key: ['mail', 'imap'] };

/** `GET /api/mail/imap` (administrators). */
export const useImapMailboxes = (enabled = true) => useCollectionList<ImapMailbox>(IMAP, enabled);
/** `POST /api/mail/imap`. */
export const useCreateImapMailbox = () => useCollectionCreate<ImapMailbox, ImapInput>(IMAP);
/** `PATCH /api/mail/imap/:id` with `version` (also enables / disables). */
export const useUpdateImapMailbox = () => useCollectionUpdate<ImapMailbox, ImapInput>(IMAP);
/** `DELETE /api/mail/imap/:id`. */
export const useDeleteImapMailbox = () => useCollectionDelete(IMAP);
/** `POST /api/mail/imap/:id/test`: connects with the stored settings and counts the folder's messages. */
export const useTestImapMailbox = () =>
  useMutation({
    mutationFn: (id: string) => api<ImapTestResult>(`/mail/imap/${encodeURIComponent(id)}/test`, { method: 'POST' }),
  });
