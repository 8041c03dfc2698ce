import { ActionIcon, Badge, Button, Drawer, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconUserMinus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Channel, useMemberChange, useMembers } from '../../api/channels.ts';
import { useMe } from '../../api/me.ts';
import { QueryState } from '../../ui/QueryState.tsx';
import { PersonSelect } from '../requests/requester/PersonSelect.tsx';

/** Adds a colleague (picked from the directory) to the channel. */
function AddMember({ channel }: { channel: Channel }) {
  const { t } = useTranslation();
  const [userId, setUserId] = useState<string | null>(null);
  const change = useMemberChange(channel.id);
  const add = () => {
    if (!userId) return;
    change.mutate(
      { userId },
      {
        onSuccess: () => {
          setUserId(null);
          notifications.show({ message: t('channels.members.added'), color: 'green' });
        },
        onError: (e) => notifications.show({ message: e.message, color: 'red' }),
      },
    );
  };
  return (
    <Group align="flex-end" gap="xs" wrap="nowrap">
      <div style={{ flex: 1 }}>
        <PersonSelect label={t('channels.members.person')} value={userId} onChange={(id) => setUserId(id ?? null)} />
      </div>
      <Button onClick={add} disabled={!userId} loading={change.isPending}>
        {t('common.add')}
      </Button>
    </Group>
  );
}

/** The channel's members (owners first as the server sorts them); owners and moderators add and remove. */
export function MembersDrawer({ channel, opened, onClose }: { channel: Channel; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const me = useMe().data;
  const members = useMembers(channel.id, opened);
  const change = useMemberChange(channel.id);
  const manage = channel.allowedActions.includes('channel.members');
  const remove = (userId: string) =>
    change.mutate({ userId, remove: true }, { onError: (e) => notifications.show({ message: e.message, color: 'red' }) });
  return (
    <Drawer opened={opened} onClose={onClose} position="right" title={t('channels.members.title')}>
      <Stack gap="md">
        {manage && <AddMember channel={channel} />}
        <QueryState query={members}>
          {(data) => (
            <ul style={{ listStyle: 'none', margin: 0, padding: 0 }} data-testid="channel-members">
              {data.items.map((m) => (
                <li key={m.userId}>
                  <Group justify="space-between" py={4} wrap="nowrap">
                    <Group gap="xs">
                      <Text size="sm">{m.name}</Text>
                      {m.role === 'owner' && (
                        <Badge size="xs" variant="light">
                          {t('channels.members.owner')}
                        </Badge>
                      )}
                    </Group>
                    {manage && m.userId !== me?.user.id && (
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={t('channels.members.remove', { name: m.name })}
                        onClick={() => remove(m.userId)}
                      >
                        <IconUserMinus size={16} aria-hidden />
                      </ActionIcon>
                    )}
                  </Group>
                </li>
              ))}
            </ul>
          )}
        </QueryState>
      </Stack>
    </Drawer>
  );
}
