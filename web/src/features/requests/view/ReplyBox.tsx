import { Alert, Button, Group, Paper, SegmentedControl, Select, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconLock, IconSend } from '@tabler/icons-react';
import { type RefObject, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TRANSITIONS } from '../../../../../common/requests.ts';
import { useAddComment } from '../../../api/requests.ts';
import type { RequestDetail } from '../../../api/types.ts';
import { FileDrop } from '../shared/FileDrop.tsx';
import { useUpload } from '../shared/upload.ts';
import { CannedMenu } from './CannedMenu.tsx';
import { useNotifyError } from './useRequestActions.ts';

export type ReplyMode = 'public' | 'internal';

interface Props {
  request: RequestDetail;
  mode: ReplyMode;
  onMode: (mode: ReplyMode) => void;
  text: string;
  onText: (text: string) => void;
  textareaRef: RefObject<HTMLTextAreaElement | null>;
}

const HIDDEN_TARGETS = new Set(['assigned', 'pending_approval', 'new', 'cancelled', 'rejected']);

/** The statuses a reply may move the request to (« Puis passer à »). */
function useThenOptions(request: RequestDetail) {
  const { t } = useTranslation();
  const targets = TRANSITIONS[request.status].filter((s) => !HIDDEN_TARGETS.has(s));
  return [
    { value: '', label: t('requests.reply.unchanged') },
    ...targets.map((s) => ({ value: s, label: t(`requests.status.${s}`) })),
  ];
}

/** Reply to the requester or add an internal note (r / n), with canned responses, files and a status move. */
export function ReplyBox({ request, mode, onMode, text, onText, textareaRef }: Props) {
  const { t } = useTranslation();
  const comment = useAddComment(request.id);
  const upload = useUpload();
  const notifyError = useNotifyError();
  const [files, setFiles] = useState<File[]>([]);
  const [then, setThen] = useState('');
  const canNote = request.allowedActions.includes('request.note');
  const internal = mode === 'internal' && canNote;
  const thenOptions = useThenOptions(request);
  if (!request.allowedActions.includes('request.comment') || ['closed', 'cancelled', 'rejected'].includes(request.status))
    return (
      <Alert color="gray" variant="light">
        {t('requests.reply.closedHint')}
      </Alert>
    );
  const send = async () => {
    try {
      if (text.trim()) await comment.mutateAsync({ body: text.trim(), internal, status: then || undefined });
      if (!(await upload(request.id, files, internal))) return onText('');
      notifications.show({ message: internal ? t('requests.reply.noted') : t('requests.reply.sent'), color: 'green' });
      onText('');
      setFiles([]);
      setThen('');
    } catch (e) {
      notifyError(e);
    }
  };
  const insert = (body: string) => {
    onText(text.trim() ? `${text.trimEnd()}\n\n${body}` : body);
    notifications.show({ message: t('requests.reply.cannedInserted'), color: 'blue' });
    requestAnimationFrame(() => textareaRef.current?.focus());
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="reply-title" bg={internal ? '#fff8db' : undefined}>
      <Stack gap="sm">
        <Group justify="space-between" gap="sm">
          <Text fw={650} id="reply-title">
            {t('requests.reply.label')}
          </Text>
          {canNote && (
            <SegmentedControl
              aria-label={t('requests.reply.mode')}
              value={mode}
              onChange={(v) => onMode(v as ReplyMode)}
              data={[
                { value: 'public', label: t('requests.reply.public') },
                { value: 'internal', label: t('requests.reply.internal') },
              ]}
              size="xs"
            />
          )}
        </Group>
        <Textarea
          ref={textareaRef}
          label={internal ? t('requests.reply.internal') : t('requests.reply.public')}
          description={internal ? t('requests.reply.internalHint') : undefined}
          placeholder={internal ? t('requests.reply.internalPlaceholder') : t('requests.reply.publicPlaceholder')}
          autosize
          minRows={4}
          maxRows={16}
          value={text}
          onChange={(e) => onText(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void send();
          }}
          leftSection={internal ? <IconLock size={14} aria-hidden /> : undefined}
          leftSectionProps={{ style: { alignItems: 'flex-start', paddingTop: 10 } }}
        />
        <FileDrop files={files} onChange={setFiles} />
        <Group justify="space-between" align="flex-end" gap="sm">
          <CannedMenu request={request} onInsert={insert} />
          <Group gap="sm" align="flex-end">
            <Select
              label={t('requests.reply.thenMove')}
              data={thenOptions}
              value={then}
              onChange={(v) => setThen(v ?? '')}
              allowDeselect={false}
              w={220}
              size="sm"
            />
            <Button
              onClick={send}
              loading={comment.isPending}
              disabled={!text.trim() && files.length === 0}
              leftSection={<IconSend size={16} aria-hidden />}
              color={internal ? '#a33a08' : undefined}
            >
              {internal ? t('requests.reply.sendNote') : t('requests.reply.send')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </Paper>
  );
}
