import { type InfiniteData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Mention, MessageAlert } from './alerts.ts';
import { mentionable } from './alerts.ts';
import { api } from './client.ts';
import { keys } from './keys.ts';
import { type LiveMessage, useLiveEvents, useLiveOpen } from './live.ts';

export type { Mention, MessageAlert };
export type ChannelKind = 'site' | 'team' | 'topic';

/** A channel as `GET /api/channels` shows it to the actor (with their membership and unread count). */
export interface Channel {
  id: string;
  kind: ChannelKind;
  name: string;
  description: string;
  siteId: string | null;
  teamId: string | null;
  private: boolean;
  urgent: boolean;
  archived: boolean;
  createdBy: string | null;
  createdAt: string;
  version: number;
  member: boolean;
  role: 'member' | 'owner' | null;
  muted: boolean;
  lastReadMessageId: string | null;
  unread: number;
  allowedActions: string[];
}

export interface ChannelInput {
  kind: ChannelKind;
  name: string;
  description: string;
  siteId: string | null;
  teamId: string | null;
  private: boolean;
  urgent: boolean;
}
export type ChannelPatch = Partial<Pick<Channel, 'name' | 'description' | 'private' | 'urgent' | 'archived'>> & {
  version: number;
};

export interface MessageAttachment {
  id: string;
  name: string;
  size: number;
  mime: string;
}

/** A message (`presentMessage` + the enrichments of issue 5: mentions, alert, attachments, request). */
export interface ChatMessage {
  id: string;
  channelId: string;
  author: { id: string; name: string } | null;
  body: string;
  html: string;
  threadRootId: string | null;
  replyCount: number;
  urgent: boolean;
  requestId: string | null;
  createdAt: string;
  editedAt: string | null;
  deletedAt: string | null;
  version: number;
  allowedActions: string[];
  mentions?: Mention[];
  alert?: MessageAlert | null;
  attachments?: MessageAttachment[];
  request?: { id: string; reference: string; title: string; status: string } | null;
}
export interface MessagePage {
  items: ChatMessage[];
  nextBefore: string | null;
}
export type SearchHit = ChatMessage & { channel: { id: string; name: string }; snippet: string };
export interface ChannelMember {
  userId: string;
  name: string;
  role: 'member' | 'owner';
  joinedAt: string;
}
export interface Revision {
  id: string;
  kind: 'edit' | 'delete';
  body: string;
  html: string;
  editor: { id: string; name: string } | null;
  at: string;
}

const PAGE = 50;
const enc = encodeURIComponent;
const channelPath = (id: string) => `/channels/${enc(id)}`;

/** `GET /api/channels`: every readable channel; refreshed live on `channel.message`, polled while offline. */
export function useChannels(enabled = true) {
  const open = useLiveOpen();
  return useQuery({
    queryKey: keys.channels,
    queryFn: () => api<{ items: Channel[] }>('/channels'),
    enabled,
    refetchInterval: open ? false : 60_000,
  });
}

/** Unread messages of the channels the user belongs to, muted ones left out (the nav badge). */
export function useChannelsUnread(enabled: boolean): number {
  useChannelsLive();
  const list = useChannels(enabled).data?.items ?? [];
  return list.reduce((n, c) => n + (c.member && !c.muted ? c.unread : 0), 0);
}

/** Refetches what a live `channel.message` changes: the list (unread counts), that channel's pages and thread. */
export function useChannelsLive(): void {
  const qc = useQueryClient();
  useLiveEvents((m: LiveMessage) => {
    if (m.type !== 'channel.message') return;
    void qc.invalidateQueries({ queryKey: keys.channels, exact: true });
    void qc.invalidateQueries({ queryKey: keys.channelMessages(m.channelId) });
  });
}

/** Oldest-first messages of a channel's pages (pages come newest first). */
export function flattenPages(data: InfiniteData<MessagePage> | undefined): ChatMessage[] {
  return data ? [...data.pages].reverse().flatMap((p) => p.items) : [];
}

/** `GET /api/channels/:id/messages`: the newest page, older ones by `nextBefore`; a thread with `threadRootId`. */
export function useMessages(channelId: string, threadRootId?: string) {
  return useInfiniteQuery({
    queryKey: [...keys.channelMessages(channelId), threadRootId ?? 'root'],
    queryFn: ({ pageParam }) =>
      api<MessagePage>(`${channelPath(channelId)}/messages`, {
        query: { limit: PAGE, before: pageParam, threadRootId },
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });
}

/** `GET /api/channels/search?q=`: matching messages with a ⟦highlighted⟧ plain-text snippet. */
export function useChannelSearch(q: string) {
  return useQuery({
    queryKey: [...keys.channels, 'search', q],
    queryFn: () => api<{ items: SearchHit[] }>('/channels/search', { query: { q } }),
    enabled: q.trim().length > 0,
  });
}

export function useMembers(channelId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...keys.channelOne(channelId), 'members'],
    queryFn: () => api<{ items: ChannelMember[] }>(`${channelPath(channelId)}/members`),
    enabled,
  });
}

export function useRevisions(messageId: string | null) {
  return useQuery({
    queryKey: ['messages', messageId, 'revisions'],
    queryFn: () => api<{ items: Revision[] }>(`/messages/${enc(messageId ?? '')}/revisions`),
    enabled: !!messageId,
  });
}

/** `GET /api/channels/:id/mentionable?q=` for the composer's `@` list. */
export function useMentionable(channelId: string, q: string | null) {
  return useQuery({
    queryKey: [...keys.channelOne(channelId), 'mentionable', q],
    queryFn: () => mentionable(channelId, q ?? ''),
    enabled: q !== null,
    staleTime: 30_000,
  });
}

/** Every channel write refreshes the list and the channel's messages. */
function useRefresh(channelId?: string) {
  const qc = useQueryClient();
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: keys.channels }),
      channelId ? qc.invalidateQueries({ queryKey: keys.channelOne(channelId) }) : undefined,
    ]);
}

export function useCreateChannel() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: ChannelInput) => api<Channel>('/channels', { method: 'POST', body }),
    onSuccess: refresh,
  });
}

export function useUpdateChannel(channelId: string) {
  const refresh = useRefresh(channelId);
  return useMutation({
    mutationFn: (body: ChannelPatch) => api<Channel>(channelPath(channelId), { method: 'PATCH', body }),
    onSuccess: refresh,
  });
}

type ChannelAction = 'join' | 'leave';
export function useJoinLeave(channelId: string) {
  const refresh = useRefresh(channelId);
  return useMutation({
    mutationFn: (what: ChannelAction) => api<unknown>(`${channelPath(channelId)}/${what}`, { method: 'POST' }),
    onSuccess: refresh,
  });
}

export function useMemberChange(channelId: string) {
  const refresh = useRefresh(channelId);
  return useMutation({
    mutationFn: ({ userId, remove }: { userId: string; remove?: boolean }) =>
      remove
        ? api<void>(`${channelPath(channelId)}/members`, { method: 'DELETE', query: { userId } })
        : api<unknown>(`${channelPath(channelId)}/members`, { method: 'POST', body: { userId } }),
    onSuccess: refresh,
  });
}

export interface PostInput {
  body: string;
  threadRootId: string | null;
  urgent: boolean;
  attachmentIds?: string[];
}
export function usePostMessage(channelId: string) {
  const refresh = useRefresh(channelId);
  return useMutation({
    mutationFn: (body: PostInput) => api<ChatMessage>(`${channelPath(channelId)}/messages`, { method: 'POST', body }),
    onSuccess: refresh,
  });
}

/** `POST /api/channels/:id/read` up to a message (never backwards on the server). */
export function useMarkChannelRead(channelId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (messageId: string) =>
      api<{ unread: number }>(`${channelPath(channelId)}/read`, { method: 'POST', body: { messageId } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.channels, exact: true }),
  });
}

/** Edit (`body` + `version`, 409 on a stale one) or delete one message. */
export function useMessageWrite(channelId: string) {
  const refresh = useRefresh(channelId);
  const edit = useMutation({
    mutationFn: ({ id, body, version }: { id: string; body: string; version: number }) =>
      api<ChatMessage>(`/messages/${enc(id)}`, { method: 'PATCH', body: { body, version } }),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: (id: string) => api<void>(`/messages/${enc(id)}`, { method: 'DELETE' }),
    onSuccess: refresh,
  });
  return { edit, remove };
}
