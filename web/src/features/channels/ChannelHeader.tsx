import { Anchor, Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconBell, IconBellOff, IconSettings, IconUsers } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type Channel, useJoinLeave } from '../../api/channels.ts';
import { useMuteChannel } from '../../api/chat-extras.ts';
import { ConfirmButton } from '../../ui/ConfirmButton.tsx';
import { ChannelSettingsModal } from './ChannelSettingsModal.tsx';
import { MembersDrawer } from './MembersDrawer.tsx';

/** Name, description and the channel's actions: members, join / leave, mute, settings. */
export function ChannelHeader({ channel, phone }: { channel: Channel; phone: boolean }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  const [members, membersDrawer] = useDisclosure(false);
  const [settings, settingsModal] = useDisclosure(false);
  const joinLeave = useJoinLeave(channel.id);
  const mute = useMuteChannel(channel.id);
  useEffect(() => {
    document.title = `${channel.name} · ${t('app.name')}`;
  }, [channel.name, t]);
  const fail = (e: Error) => notifications.show({ message: e.message, color: 'red' });
  const toggleMute = () =>
    mute.mutate(!channel.muted, {
      onSuccess: () => notifications.show({ message: t(channel.muted ? 'channels.unmuted' : 'channels.muted') }),
      onError: fail,
    });
  const can = (a: string) => channel.allowedActions.includes(a);
  return (
    <Stack gap={4}>
      {phone && (
        <Anchor component={Link} to="/canaux" size="sm">
          <Group gap={4}>
            <IconArrowLeft size={14} aria-hidden />
            {t('channels.backToList')}
          </Group>
        </Anchor>
      )}
      <Group justify="space-between" align="flex-start" gap="xs">
        <Stack gap={2} style={{ flex: '1 1 14rem', minWidth: 0 }}>
          <Group gap="xs">
            <Title order={1} size="h3" ref={heading} tabIndex={-1} style={{ outline: 'none' }}>
              # {channel.name}
            </Title>
            {channel.urgent && <Badge color="red">{t('channels.urgentChannel')}</Badge>}
            {channel.private && (
              <Badge variant="outline" color="gray">
                {t('channels.privateChannel')}
              </Badge>
            )}
            {channel.archived && (
              <Badge variant="outline" color="gray">
                {t('channels.archivedChannel')}
              </Badge>
            )}
          </Group>
          {channel.description && (
            <Text size="sm" c="dimmed" lineClamp={2}>
              {channel.description}
            </Text>
          )}
        </Stack>
        <Group gap={6}>
          <Button
            size="compact-sm"
            variant="default"
            leftSection={<IconUsers size={14} aria-hidden />}
            onClick={membersDrawer.open}
          >
            {t('channels.members.open')}
          </Button>
          {can('channel.join') && (
            <Button size="compact-sm" onClick={() => joinLeave.mutate('join', { onError: fail })} loading={joinLeave.isPending}>
              {t('channels.join')}
            </Button>
          )}
          {channel.member && (
            <Button
              size="compact-sm"
              variant="default"
              leftSection={channel.muted ? <IconBell size={14} aria-hidden /> : <IconBellOff size={14} aria-hidden />}
              onClick={toggleMute}
              loading={mute.isPending}
            >
              {channel.muted ? t('channels.unmute') : t('channels.mute')}
            </Button>
          )}
          {can('channel.update') && (
            <Button
              size="compact-sm"
              variant="default"
              leftSection={<IconSettings size={14} aria-hidden />}
              onClick={settingsModal.open}
            >
              {t('channels.settings.open')}
            </Button>
          )}
          {can('channel.leave') && channel.member && (
            <ConfirmButton
              size="compact-sm"
              message={t('channels.leaveConfirm', { name: channel.name })}
              confirmLabel={t('channels.leave')}
              onConfirm={() => joinLeave.mutateAsync('leave')}
            >
              {t('channels.leave')}
            </ConfirmButton>
          )}
        </Group>
      </Group>
      <MembersDrawer channel={channel} opened={members} onClose={membersDrawer.close} />
      {can('channel.update') && <ChannelSettingsModal channel={channel} opened={settings} onClose={settingsModal.close} />}
    </Stack>
  );
}
