import { Badge, Button, Group, NavLink, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDeleteView } from '../../../api/requests.ts';
import { ConfirmButton } from '../../../ui/ConfirmButton.tsx';
import type { Queue } from './queues.ts';

/** The address of a queue: its filters plus `vue` to highlight it. */
export function queueHref(queue: Queue): string {
  const params = new URLSearchParams({ ...queue.filters, vue: queue.id } as Record<string, string>);
  return `/demandes?${params.toString()}`;
}

function CountBadge({ queue }: { queue: Queue }) {
  const { t } = useTranslation();
  if (queue.count === undefined) return null;
  const label = queue.more
    ? t('requests.workspace.countMore', { count: queue.count })
    : t('requests.workspace.count', { count: queue.count });
  return (
    <Badge variant="light" color={queue.count > 0 ? 'indigo' : 'gray'} tt="none" size="sm" aria-label={label}>
      {queue.more ? `${queue.count}+` : queue.count}
    </Badge>
  );
}

function QueueLink({ queue, active }: { queue: Queue; active: boolean }) {
  const { t } = useTranslation();
  const remove = useDeleteView();
  const del = async () => {
    await remove.mutateAsync(queue.id);
    notifications.show({ message: t('requests.workspace.viewDeleted'), color: 'green' });
  };
  return (
    <Group gap={2} wrap="nowrap">
      <NavLink
        component={Link}
        to={queueHref(queue)}
        label={queue.name}
        active={active}
        aria-current={active ? 'page' : undefined}
        rightSection={<CountBadge queue={queue} />}
        variant="light"
        style={{ borderRadius: 'var(--mantine-radius-md)', flex: 1 }}
        data-testid="queue-link"
      />
      {queue.deletable && (
        <ConfirmButton
          size="compact-xs"
          variant="subtle"
          message={t('requests.workspace.deleteViewConfirm', { name: queue.name })}
          confirmLabel={t('common.delete')}
          onConfirm={del}
          aria-label={t('requests.workspace.deleteView', { name: queue.name })}
        >
          <IconTrash size={14} aria-hidden />
        </ConfirmButton>
      )}
    </Group>
  );
}

const GROUPS = ['builtin', 'shared', 'personal'] as const;

interface Props {
  queues: Queue[];
  activeId: string | null;
  canSave: boolean;
  onSave: () => void;
}

/** Left column of the workspace: the queues with their live counts, and « Enregistrer la vue ». */
export function QueueSidebar({ queues, activeId, canSave, onSave }: Props) {
  const { t } = useTranslation();
  return (
    <Stack component="nav" aria-label={t('requests.workspace.queues')} gap={4} w={210} style={{ flexShrink: 0 }}>
      {GROUPS.map((group) => {
        const items = queues.filter((q) => q.group === group);
        if (items.length === 0) return null;
        return (
          <Stack key={group} gap={2}>
            <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" mt="xs">
              {t(`requests.workspace.${group}`)}
            </Text>
            {items.map((q) => (
              <QueueLink key={q.id} queue={q} active={q.id === activeId} />
            ))}
          </Stack>
        );
      })}
      {canSave && (
        <Button variant="subtle" size="xs" mt="sm" leftSection={<IconDeviceFloppy size={14} aria-hidden />} onClick={onSave}>
          {t('requests.workspace.saveView')}
        </Button>
      )}
    </Stack>
  );
}

/** On phones the queues become one select above the list. */
export function QueueSelect({
  queues,
  activeId,
  onPick,
}: {
  queues: Queue[];
  activeId: string | null;
  onPick: (q: Queue) => void;
}) {
  const { t } = useTranslation();
  const label = (q: Queue) => (q.count === undefined ? q.name : `${q.name} (${q.more ? `${q.count}+` : q.count})`);
  return (
    <Select
      label={t('requests.workspace.queue')}
      data={queues.map((q) => ({ value: q.id, label: label(q) }))}
      value={activeId}
      onChange={(id) => {
        const q = queues.find((x) => x.id === id);
        if (q) onPick(q);
      }}
      allowDeselect={false}
    />
  );
}
