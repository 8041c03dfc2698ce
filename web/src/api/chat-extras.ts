import { useMutation, useQueryClient } from '@tanstack/react-query';
import { uploadWithProgress } from './archive.ts';
import type { Channel, ChatMessage, MessageAttachment } from './channels.ts';
import { api } from './client.ts';
import { keys } from './keys.ts';

/** What `POST /api/messages/:id/request` takes: the prefilled fields, edited in the modal. */
export interface ToRequestInput {
  serviceId: string;
  requesterId?: string;
  title: string;
  description: string;
  priority?: 'P1' | 'P2' | 'P3' | 'P4';
}
export interface ToRequestResult {
  request: { id: string; reference: string };
  message: ChatMessage;
}

/** Longest prefilled title (the server accepts 200). */
const TITLE_MAX = 120;

/** The contract's prefill: title = the body's first non-empty line (≤ 120 chars), description = the body. */
export function prefillFromMessage(body: string): { title: string; description: string } {
  const first =
    body
      .split('\n')
      .find((l) => l.trim())
      ?.trim() ?? '';
  const title = first.length > TITLE_MAX ? `${first.slice(0, TITLE_MAX - 1)}…` : first;
  return { title, description: body.trim() };
}

/** `POST /api/messages/:id/request` (409 when the message already became a request). */
export function messageToRequest(messageId: string, input: ToRequestInput): Promise<ToRequestResult> {
  return api<ToRequestResult>(`/messages/${encodeURIComponent(messageId)}/request`, { method: 'POST', body: input });
}

/** Turns a message into a request, then refreshes the channel's messages (the message shows its request). */
export function useMessageToRequest(channelId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ messageId, input }: { messageId: string; input: ToRequestInput }) => messageToRequest(messageId, input),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.channelMessages(channelId) }),
  });
}

/** `POST /api/channels/:id/attachments`: one file, with upload progress (0–100); resolves with the pending upload. */
export function uploadMessageFile(channelId: string, file: File, onProgress: (percent: number) => void) {
  const form = new FormData();
  form.append('file', file, file.name);
  return uploadWithProgress<MessageAttachment>(`/channels/${encodeURIComponent(channelId)}/attachments`, form, onProgress);
}

/** Where a message's file is downloaded (always as a file). */
export const messageFileUrl = (id: string) => `/api/message-attachments/${encodeURIComponent(id)}`;

/** `PUT /api/channels/:id/mute {muted}` → the channel view. */
export function setChannelMuted(channelId: string, muted: boolean): Promise<Channel> {
  return api<Channel>(`/channels/${encodeURIComponent(channelId)}/mute`, { method: 'PUT', body: { muted } });
}

/** Mutes or unmutes a channel, then refreshes the channel lists (the nav badge leaves muted channels out). */
export function useMuteChannel(channelId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (muted: boolean) => setChannelMuted(channelId, muted),
    // Every channel query starts with keys.channels: the list, this channel and its messages.
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.channels }),
  });
}
