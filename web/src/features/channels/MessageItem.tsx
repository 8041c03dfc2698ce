import { Anchor, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconMessageCircle, IconPaperclip } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { useAcknowledge } from '../../api/alerts.ts';
import type { Channel, ChatMessage } from '../../api/channels.ts';
import { keys } from '../../api/keys.ts';
import { messageFileUrl } from '../../api/chat-extras.ts';
import { Markdown } from '../../ui/Markdown.tsx';
import classes from './channels.module.css';
import { AlertLine } from './extras.tsx';
import { MessageEditor } from './MessageEditor.tsx';
import { MessageMenu } from './MessageMenu.tsx';
import { useMessageTime } from './time.ts';

/** Author, time, urgent marker, « modifié », the request it became. */
function MessageHead({ message }: { message: ChatMessage }) {
  const { t } = useTranslation();
  const time = useMessageTime();
  return (
    <Group gap="xs" wrap="wrap">
      <Text size="sm" fw={700}>
        {message.author?.name ?? t('channels.messages.unknownAuthor')}
      </Text>
      <Text size="xs" c="dimmed" component="time" dateTime={message.createdAt} title={time.full(message.createdAt)}>
        {time.time(message.createdAt)}
      </Text>
      {message.urgent && (
        <Badge size="sm" color="red.9" leftSection={<IconAlertTriangle size={12} aria-hidden />}>
          {t('channels.messages.urgent')}
        </Badge>
      )}
      {message.editedAt && !message.deletedAt && (
        <Text size="xs" c="dimmed" title={time.full(message.editedAt)}>
          ({t('channels.messages.edited')})
        </Text>
      )}
      {message.request && (
        <Badge
          component={Link}
          to={`/demandes/${message.request.id}`}
          size="sm"
          variant="light"
          color="indigo"
          style={{ cursor: 'pointer' }}
          title={t('channels.messages.requestTitle', { reference: message.request.reference, title: message.request.title })}
          data-testid="message-request"
        >
          {message.request.reference}
        </Badge>
      )}
    </Group>
  );
}

/** People and groups the message mentions, and its attached files (download links). */
function MessageExtras({ message }: { message: ChatMessage }) {
  const { t } = useTranslation();
  const mentions = message.mentions ?? [];
  const files = message.attachments ?? [];
  if (!mentions.length && !files.length) return null;
  return (
    <Stack gap={4}>
      {mentions.length > 0 && (
        <Group gap={4}>
          <Text size="xs" c="dimmed">
            {t('channels.messages.mentions')}
          </Text>
          {mentions.map((m) => (
            <Badge key={`${m.kind}-${m.id}`} size="sm" variant="light" color="grape" tt="none" title={m.name}>
              @{m.handle}
            </Badge>
          ))}
        </Group>
      )}
      {files.length > 0 && (
        <Group gap="xs" aria-label={t('channels.messages.attachments')} role="group">
          {files.map((f) => (
            <Anchor key={f.id} href={messageFileUrl(f.id)} size="sm" download>
              <Group gap={4} wrap="nowrap">
                <IconPaperclip size={14} aria-hidden />
                {f.name}
              </Group>
            </Anchor>
          ))}
        </Group>
      )}
    </Stack>
  );
}

interface Props {
  message: ChatMessage;
  channel: Channel;
  highlighted?: boolean;
  inThread?: boolean;
  onOpenThread?: (m: ChatMessage) => void;
}

/** One message: head, body (Markdown, or « Message supprimé »), mentions, files, alert status, thread link, menu. */
export function MessageItem({ message, channel, highlighted, inThread, onOpenThread }: Props) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const qc = useQueryClient();
  const acknowledge = useAcknowledge();
  const deleted = !!message.deletedAt;
  const ack = () =>
    acknowledge.mutate(message.id, {
      onSuccess: () => {
        void qc.invalidateQueries({ queryKey: keys.channelMessages(channel.id) });
        notifications.show({ message: t('channels.messages.acknowledged'), color: 'green' });
      },
      onError: (e) => notifications.show({ message: e.message, color: 'red' }),
    });
  const canThread = !inThread && !message.threadRootId && onOpenThread && (message.replyCount > 0 || !deleted);
  return (
    <article
      id={`message-${message.id}`}
      className={classes.message}
      data-urgent={message.urgent && !deleted ? true : undefined}
      data-highlighted={highlighted || undefined}
      data-testid="message"
      aria-label={`${message.author?.name ?? ''} ${message.urgent ? t('channels.messages.urgent') : ''}`.trim()}
    >
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
        <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
          <MessageHead message={message} />
          {deleted ? (
            <Text size="sm" fs="italic" c="dimmed">
              {t('channels.messages.deleted')}
            </Text>
          ) : editing ? (
            <MessageEditor message={message} channelId={channel.id} onDone={() => setEditing(false)} />
          ) : (
            <Markdown html={message.html} shift={2} data-testid="message-body" />
          )}
          {!deleted && <MessageExtras message={message} />}
          {!deleted && message.alert && <AlertLine message={message} />}
          <Group gap="xs">
            {message.allowedActions.includes('message.acknowledge') && (
              <Button size="compact-sm" color="red.9" onClick={ack} loading={acknowledge.isPending}>
                {t('channels.messages.acknowledge')}
              </Button>
            )}
            {canThread && (
              <Button
                size="compact-xs"
                variant="subtle"
                leftSection={<IconMessageCircle size={14} aria-hidden />}
                onClick={() => onOpenThread(message)}
              >
                {message.replyCount > 0
                  ? t('channels.messages.replies', { count: message.replyCount })
                  : t('channels.messages.reply')}
              </Button>
            )}
          </Group>
        </Stack>
        {!deleted && <MessageMenu message={message} channel={channel} onEdit={() => setEditing(true)} />}
      </Group>
    </article>
  );
}
