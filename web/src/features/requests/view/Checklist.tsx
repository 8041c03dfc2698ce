import { ActionIcon, Checkbox, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRequestWrite } from '../../../api/requests.ts';
import type { RequestDetail } from '../../../api/types.ts';
import { useNotifyError } from './useRequestActions.ts';

/** The request's checklist: tick steps, add one (staff). */
export function Checklist({ request }: { request: RequestDetail }) {
  const { t } = useTranslation();
  const write = useRequestWrite(request.id);
  const notifyError = useNotifyError();
  const [label, setLabel] = useState('');
  // Ticks show at once; the server's answer (and the refetched request) then confirms or reverts them.
  const [ticking, setTicking] = useState<Record<string, boolean>>({});
  const canEdit = request.allowedActions.includes('request.update');
  const isDone = (c: { id: string; done: boolean }) => ticking[c.id] ?? c.done;
  const done = request.checklist.filter(isDone).length;
  const toggle = async (itemId: string, checked: boolean) => {
    setTicking((p) => ({ ...p, [itemId]: checked }));
    try {
      await write.mutateAsync({ method: 'PATCH', sub: `checklist/${encodeURIComponent(itemId)}`, body: { done: checked } });
    } catch (e) {
      notifyError(e);
    } finally {
      setTicking(({ [itemId]: _done, ...rest }) => rest);
    }
  };
  const add = async () => {
    if (!label.trim()) return;
    try {
      await write.mutateAsync({ method: 'POST', sub: 'checklist', body: { label: label.trim() } });
      setLabel('');
    } catch (e) {
      notifyError(e);
    }
  };
  return (
    <Stack gap={6}>
      {request.checklist.length > 0 && (
        <Text size="xs" c="dimmed">
          {t('requests.view.checklistProgress', { done, total: request.checklist.length })}
        </Text>
      )}
      {request.checklist.map((item) => (
        <Checkbox
          key={item.id}
          label={item.label}
          checked={isDone(item)}
          disabled={!canEdit}
          onChange={(e) => void toggle(item.id, e.currentTarget.checked)}
          styles={{ label: isDone(item) ? { textDecoration: 'line-through' } : undefined }}
        />
      ))}
      {canEdit && (
        <Group gap={4} wrap="nowrap" align="flex-end">
          <TextInput
            size="xs"
            label={t('requests.view.checklistNew')}
            value={label}
            onChange={(e) => setLabel(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                void add();
              }
            }}
            style={{ flex: 1 }}
          />
          <ActionIcon
            variant="default"
            size="input-xs"
            onClick={add}
            aria-label={t('requests.view.checklistAdd')}
            loading={write.isPending}
          >
            <IconPlus size={14} aria-hidden />
          </ActionIcon>
        </Group>
      )}
    </Stack>
  );
}
