import { Alert, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Channel, type ChatMessage, flattenPages, useMessages } from '../../api/channels.ts';
import { ChannelHeader } from './ChannelHeader.tsx';
import { Composer } from './Composer.tsx';
import { MessageList } from './MessageList.tsx';
import { ThreadDrawer } from './ThreadDrawer.tsx';

/** One open channel: its header, its messages (live), the composer, and a thread drawer. */
export function ChannelPane({ channel, phone }: { channel: Channel; phone: boolean }) {
  const { t } = useTranslation();
  const [thread, setThread] = useState<ChatMessage | null>(null);
  // The thread's root as the (live) list has it now: its reply count, edits, alert.
  const pages = useMessages(channel.id);
  const root = thread ? (flattenPages(pages.data).find((m) => m.id === thread.id) ?? thread) : null;
  const canPost = channel.allowedActions.includes('channel.post') && !channel.archived;
  return (
    <Stack gap="xs" style={{ flex: 1, minHeight: 0 }}>
      <ChannelHeader channel={channel} phone={phone} />
      <MessageList channel={channel} onOpenThread={setThread} />
      {channel.archived && (
        <Alert color="gray" variant="light" py="xs">
          {t('channels.archivedNotice')}
        </Alert>
      )}
      {!channel.member && !channel.archived && (
        <Alert color="indigo" variant="light" py="xs">
          {t('channels.notMember')}
        </Alert>
      )}
      {canPost && <Composer channel={channel} threadRootId={null} compact={phone} />}
      <ThreadDrawer channel={channel} root={root} onClose={() => setThread(null)} canPost={canPost} />
    </Stack>
  );
}
