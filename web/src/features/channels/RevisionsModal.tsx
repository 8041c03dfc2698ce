import { Badge, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useRevisions } from '../../api/channels.ts';
import { Markdown } from '../../ui/Markdown.tsx';
import { Empty, QueryState } from '../../ui/QueryState.tsx';
import { useMessageTime } from './time.ts';

/** Earlier bodies of a message (edits and deletion), newest first. */
export function RevisionsModal({ messageId, onClose }: { messageId: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const time = useMessageTime();
  const revisions = useRevisions(messageId);
  return (
    <Modal opened={!!messageId} onClose={onClose} title={t('channels.history.title')} size="lg">
      <QueryState query={revisions}>
        {(data) =>
          data.items.length === 0 ? (
            <Empty>{t('channels.history.empty')}</Empty>
          ) : (
            <Stack gap="md" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {data.items.map((r) => (
                <li key={r.id}>
                  <Group gap="xs" mb={4}>
                    <Badge size="sm" variant="light" color={r.kind === 'delete' ? 'red' : 'gray'}>
                      {t(`channels.history.${r.kind}`)}
                    </Badge>
                    <Text size="xs" c="dimmed">
                      {t('channels.history.by', { name: r.editor?.name ?? '—', at: time.full(r.at) })}
                    </Text>
                  </Group>
                  <Markdown html={r.html} shift={2} />
                </li>
              ))}
            </Stack>
          )
        }
      </QueryState>
    </Modal>
  );
}
