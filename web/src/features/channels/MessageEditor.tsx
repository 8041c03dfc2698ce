import { Alert, Button, Group, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ChatMessage, useMessageWrite } from '../../api/channels.ts';
import { isApiError } from '../../api/client.ts';

/** Inline edit of one's message (`version` sent; a 409 says it changed meanwhile). The text stays on error. */
export function MessageEditor({ message, channelId, onDone }: { message: ChatMessage; channelId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const [body, setBody] = useState(message.body);
  // The version the edit started from: a change made meanwhile (even seen live) answers 409.
  const [version, setVersion] = useState(message.version);
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const reload = () => {
    setBody(message.body);
    setVersion(message.version);
    setConflict(false);
    setError(null);
  };
  const { edit } = useMessageWrite(channelId);
  const save = () => {
    if (!body.trim()) return;
    setError(null);
    edit.mutate(
      { id: message.id, body, version },
      {
        onSuccess: onDone,
        onError: (e) => {
          const stale = isApiError(e) && e.status === 409;
          setConflict(stale);
          setError(stale ? t('channels.messages.conflict') : isApiError(e) ? e.message : t('common.errorTitle'));
        },
      },
    );
  };
  return (
    <Stack gap="xs">
      <Textarea
        aria-label={t('channels.messages.editLabel')}
        value={body}
        onChange={(e) => setBody(e.currentTarget.value)}
        autosize
        minRows={2}
        maxLength={10000}
        data-autofocus
        onKeyDown={(e) => {
          if (e.key === 'Escape') onDone();
          if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
            e.preventDefault();
            save();
          }
        }}
      />
      {error && (
        <Alert color="red" variant="light" role="alert" py="xs">
          {error}
          {conflict && (
            <Button size="compact-xs" variant="default" ml="sm" onClick={reload}>
              {t('channels.messages.reload')}
            </Button>
          )}
        </Alert>
      )}
      <Group gap="xs">
        <Button size="compact-sm" onClick={save} loading={edit.isPending}>
          {t('channels.messages.saveEdit')}
        </Button>
        <Button size="compact-sm" variant="default" onClick={onDone}>
          {t('common.cancel')}
        </Button>
      </Group>
    </Stack>
  );
}
