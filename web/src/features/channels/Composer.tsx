import { ActionIcon, Alert, Button, Combobox, FileButton, Group, Progress, Stack, Switch, Text, Textarea } from '@mantine/core';
import { IconPaperclip, IconSend, IconX } from '@tabler/icons-react';
import { type KeyboardEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Channel, usePostMessage } from '../../api/channels.ts';
import { isApiError } from '../../api/client.ts';
import { useAttachments } from './useAttachments.ts';
import { useMention } from './useMention.ts';

/** Picked files (removable) and the upload in progress. */
function PendingFiles({ files }: { files: ReturnType<typeof useAttachments> }) {
  const { t } = useTranslation();
  if (!files.files.length && !files.uploading) return null;
  return (
    <Stack gap={4}>
      {files.uploading && (
        <Stack gap={2}>
          <Text size="xs">{t('channels.composer.uploading', { name: files.uploading.name })}</Text>
          <Progress
            value={files.uploading.progress}
            size="sm"
            aria-label={t('channels.composer.uploading', { name: files.uploading.name })}
          />
        </Stack>
      )}
      <Group gap="xs">
        {files.files.map((f) => (
          <Group key={f.id} gap={2} wrap="nowrap">
            <Text size="xs">{f.name}</Text>
            <ActionIcon
              size="sm"
              variant="subtle"
              color="gray"
              onClick={() => files.remove(f.id)}
              aria-label={t('channels.composer.removeAttachment', { name: f.name })}
            >
              <IconX size={12} aria-hidden />
            </ActionIcon>
          </Group>
        ))}
      </Group>
    </Stack>
  );
}

/**
 * Writes a message or a thread reply: Markdown, Entrée sends and Maj+Entrée goes to the line, `@` suggests
 * people and groups, « Urgent » (always on in an urgent channel), files; on error the text stays.
 */
export function Composer({
  channel,
  threadRootId,
  compact,
}: {
  channel: Channel;
  threadRootId: string | null;
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const area = useRef<HTMLTextAreaElement>(null);
  const [body, setBody] = useState('');
  const [urgent, setUrgent] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const post = usePostMessage(channel.id);
  const files = useAttachments(channel.id, setError);
  const mention = useMention(channel.id, area, body, setBody);
  const send = () => {
    if (!body.trim() || post.isPending || files.uploading) return;
    setError(null);
    const attachmentIds = files.files.map((f) => f.id);
    post.mutate(
      { body, threadRootId, urgent: urgent || channel.urgent, ...(attachmentIds.length ? { attachmentIds } : {}) },
      {
        onSuccess: () => {
          setBody('');
          setUrgent(false);
          files.clear();
        },
        onError: (e) => setError(isApiError(e) ? e.message : t('common.errorTitle')),
      },
    );
  };
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Escape' && mention.open) return mention.close();
    if (e.key !== 'Enter' || e.shiftKey || e.nativeEvent.isComposing || mention.open) return;
    e.preventDefault();
    send();
  };
  const label = threadRootId ? t('channels.composer.replyLabel') : t('channels.composer.label', { name: channel.name });
  return (
    <Stack gap={6} data-testid={threadRootId ? 'thread-composer' : 'composer'}>
      {error && (
        <Alert
          color="red"
          variant="light"
          role="alert"
          py="xs"
          withCloseButton
          onClose={() => setError(null)}
          closeButtonLabel={t('common.close')}
        >
          {error}
        </Alert>
      )}
      <Combobox store={mention.combobox} onOptionSubmit={mention.pick} position="top-start" transitionProps={{ duration: 0 }}>
        <Combobox.Target>
          <Textarea
            ref={area}
            aria-label={label}
            placeholder={compact ? t('channels.composer.placeholderShort') : t('channels.composer.placeholder')}
            value={body}
            onChange={(e) => {
              setBody(e.currentTarget.value);
              mention.follow();
            }}
            onClick={mention.follow}
            onKeyDown={onKeyDown}
            onKeyUp={(e) => (e.key === 'ArrowLeft' || e.key === 'ArrowRight' ? mention.follow() : undefined)}
            autosize
            minRows={compact ? 1 : 2}
            maxRows={compact ? 5 : 8}
            maxLength={10000}
          />
        </Combobox.Target>
        <Combobox.Dropdown>
          <Combobox.Options aria-label={t('channels.composer.mentionList')}>
            {mention.items.map((m) => (
              <Combobox.Option value={m.handle} key={`${m.kind}-${m.id}`}>
                <Text size="sm">
                  {m.name}{' '}
                  <Text span size="xs">
                    @{m.handle}
                    {m.kind !== 'user' ? ` · ${t(`channels.composer.${m.kind}`)}` : ''}
                  </Text>
                </Text>
              </Combobox.Option>
            ))}
          </Combobox.Options>
        </Combobox.Dropdown>
      </Combobox>
      <PendingFiles files={files} />
      <Group justify="space-between" gap="xs">
        <Group gap="sm">
          <FileButton onChange={(picked) => void files.add(picked)} multiple>
            {(props) => (
              <ActionIcon {...props} variant="default" size="lg" aria-label={t('channels.composer.attach')}>
                <IconPaperclip size={16} aria-hidden />
              </ActionIcon>
            )}
          </FileButton>
          {!threadRootId &&
            (channel.urgent ? (
              <Text size="xs" c="red.9" fw={600}>
                {t('channels.composer.urgentChannel')}
              </Text>
            ) : (
              <Switch
                color="red.9"
                label={t('channels.composer.urgent')}
                description={compact ? undefined : t('channels.composer.urgentHint')}
                title={t('channels.composer.urgentHint')}
                checked={urgent}
                onChange={(e) => setUrgent(e.currentTarget.checked)}
              />
            ))}
        </Group>
        <Button onClick={send} loading={post.isPending} disabled={!body.trim()} rightSection={<IconSend size={14} aria-hidden />}>
          {t('channels.composer.send')}
        </Button>
      </Group>
    </Stack>
  );
}
