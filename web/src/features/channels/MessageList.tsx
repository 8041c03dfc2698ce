import { Button, Center, Text } from '@mantine/core';
import { Fragment, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { type Channel, type ChatMessage, flattenPages, useMarkChannelRead, useMessages } from '../../api/channels.ts';
import { useMe } from '../../api/me.ts';
import { ErrorBox, Loading } from '../../ui/QueryState.tsx';
import classes from './channels.module.css';
import { MessageItem } from './MessageItem.tsx';
import { useMessageTime } from './time.ts';

/** Where « Nouveaux messages » goes: after the read marker seen on opening, else before the last `unread`. */
function firstUnreadIndex(items: ChatMessage[], lastRead: string | null, unread: number, meId?: string): number {
  const at = lastRead ? items.findIndex((m) => m.id === lastRead) : -1;
  const start = at >= 0 ? at + 1 : unread > 0 ? Math.max(0, items.length - unread) : items.length;
  const i = items.findIndex((m, n) => n >= start && m.author?.id !== meId && !m.deletedAt);
  return at < 0 && unread === 0 ? -1 : i;
}

/** Marks the channel read up to its newest message once it is on screen (members only). */
export function useMarkNewestRead(channel: Channel, newest: string | undefined) {
  const markRead = useMarkChannelRead(channel.id);
  const sent = useRef<string | null>(channel.lastReadMessageId);
  useEffect(() => {
    if (!channel.member || !newest || sent.current === newest) return;
    sent.current = newest;
    markRead.mutate(newest);
  }, [channel.member, newest, markRead]);
}

/**
 * `?message=<id>`: loads older pages until the message is there, then scrolls to it and highlights it;
 * with `&thread=1` (a link to a reply) also opens that message's thread.
 */
function useLinkedMessage(
  items: ChatMessage[],
  more: boolean,
  loadMore: () => void,
  busy: boolean,
  open: (m: ChatMessage) => void,
) {
  const [params] = useSearchParams();
  const target = params.get('message');
  const linked = target ? items.find((m) => m.id === target) : undefined;
  const withThread = params.get('thread') === '1';
  useEffect(() => {
    if (target && !linked && more && !busy) loadMore();
  }, [target, linked, more, busy, loadMore]);
  const found = !!linked;
  useEffect(() => {
    if (!found || !target) return;
    document.getElementById(`message-${target}`)?.scrollIntoView({ block: 'center' });
  }, [found, target]);
  const opened = useRef<string | null>(null);
  useEffect(() => {
    if (!linked || !withThread || opened.current === linked.id) return;
    opened.current = linked.id;
    open(linked);
  }, [linked, withThread, open]);
  return target;
}

/** The channel's messages, oldest first, with day and « Nouveaux messages » separators; live through the list query. */
export function MessageList({ channel, onOpenThread }: { channel: Channel; onOpenThread: (m: ChatMessage) => void }) {
  const { t } = useTranslation();
  const me = useMe().data;
  const time = useMessageTime();
  const query = useMessages(channel.id);
  const [opening] = useState(() => ({ lastRead: channel.lastReadMessageId, unread: channel.unread }));
  const items = flattenPages(query.data);
  const newest = items[items.length - 1]?.id;
  const log = useRef<HTMLDivElement>(null);
  const stick = useRef(true);
  useMarkNewestRead(channel, newest);
  const loadMore = () => void query.fetchNextPage();
  const target = useLinkedMessage(items, query.hasNextPage, loadMore, query.isFetchingNextPage, onOpenThread);
  // Follow new messages while the reader is at the bottom (not while they read older ones or a linked one).
  useLayoutEffect(() => {
    const el = log.current;
    if (el && stick.current && !target && newest) el.scrollTop = el.scrollHeight;
  }, [newest, target]);
  const onScroll = () => {
    const el = log.current;
    if (el) stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < 80;
  };
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorBox error={query.error} onRetry={() => void query.refetch()} />;
  const unreadAt = firstUnreadIndex(items, opening.lastRead, opening.unread, me?.user.id);
  return (
    <div
      ref={log}
      className={classes.log}
      role="log"
      aria-label={t('channels.messages.log', { name: channel.name })}
      // A scrollable log must be reachable by keyboard (axe scrollable-region-focusable).
      tabIndex={items.length ? 0 : undefined}
      onScroll={onScroll}
      data-testid="message-log"
    >
      {query.hasNextPage && (
        <Center py="xs">
          <Button size="compact-sm" variant="default" onClick={loadMore} loading={query.isFetchingNextPage}>
            {t('channels.messages.older')}
          </Button>
        </Center>
      )}
      {items.length === 0 && (
        <Text c="dimmed" size="sm" p="md">
          {t('channels.messages.empty')}
        </Text>
      )}
      {items.map((m, i) => (
        <Fragment key={m.id}>
          {(i === 0 || time.dayKey(items[i - 1].createdAt) !== time.dayKey(m.createdAt)) && (
            <div className={classes.separator}>
              <Text size="xs" fw={600} c="dimmed">
                {time.day(m.createdAt)}
              </Text>
            </div>
          )}
          {i === unreadAt && (
            <div className={classes.separator} data-unread data-testid="unread-separator">
              <Text size="xs" fw={700} c="red.9">
                {t('channels.messages.newSeparator')}
              </Text>
            </div>
          )}
          <MessageItem message={m} channel={channel} highlighted={m.id === target} onOpenThread={onOpenThread} />
        </Fragment>
      ))}
    </div>
  );
}
