import { Button, Center, Divider, Drawer, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type Channel, type ChatMessage, flattenPages, useMessages } from '../../api/channels.ts';
import { ErrorBox, Loading } from '../../ui/QueryState.tsx';
import { Composer } from './Composer.tsx';
import { MessageItem } from './MessageItem.tsx';
import { useMarkNewestRead } from './MessageList.tsx';

/** The replies of one thread (oldest first, older pages on demand) and a composer for a reply. */
function Replies({ channel, root }: { channel: Channel; root: ChatMessage }) {
  const { t } = useTranslation();
  const query = useMessages(channel.id, root.id);
  const items = flattenPages(query.data);
  // Replies count as unread until read here (the server never moves the marker backwards).
  useMarkNewestRead(channel, items[items.length - 1]?.id);
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorBox error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <Stack gap={4} data-testid="thread-replies">
      {query.hasNextPage && (
        <Center>
          <Button
            size="compact-sm"
            variant="default"
            onClick={() => void query.fetchNextPage()}
            loading={query.isFetchingNextPage}
          >
            {t('channels.messages.older')}
          </Button>
        </Center>
      )}
      {items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('channels.thread.empty')}
        </Text>
      )}
      {items.map((m) => (
        <MessageItem key={m.id} message={m} channel={channel} inThread />
      ))}
    </Stack>
  );
}

interface Props {
  channel: Channel;
  root: ChatMessage | null;
  onClose: () => void;
  canPost: boolean;
}

/** « Fil de discussion »: the root message, its replies, and the reply composer. */
export function ThreadDrawer({ channel, root, onClose, canPost }: Props) {
  const { t } = useTranslation();
  return (
    <Drawer opened={!!root} onClose={onClose} position="right" size="lg" title={t('channels.thread.title')}>
      {root && (
        <Stack gap="sm">
          <Text size="xs" c="dimmed" fw={600}>
            {t('channels.thread.root')}
          </Text>
          <MessageItem message={root} channel={channel} inThread />
          <Divider />
          <Replies channel={channel} root={root} />
          {canPost && <Composer channel={channel} threadRootId={root.id} />}
        </Stack>
      )}
    </Drawer>
  );
}
