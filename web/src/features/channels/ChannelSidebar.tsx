import {
  Badge,
  Button,
  CloseButton,
  Collapse,
  Group,
  ScrollArea,
  Stack,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import {
  IconAlertTriangle,
  IconBellOff,
  IconChevronDown,
  IconChevronRight,
  IconLock,
  IconPlus,
  IconSearch,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type Channel, type ChannelKind, useJoinLeave } from '../../api/channels.ts';
import { useMe } from '../../api/me.ts';
import { can } from '../../ui/permissions.ts';
import classes from './channels.module.css';
import { CreateChannelModal } from './CreateChannelModal.tsx';
import { SearchResults } from './SearchResults.tsx';

const KINDS: ChannelKind[] = ['site', 'team', 'topic'];

/** One channel in the list: name, private / urgent / muted signs, unread count. */
function ChannelLink({ channel, current }: { channel: Channel; current: boolean }) {
  const { t } = useTranslation();
  const unread = channel.member ? channel.unread : 0;
  return (
    <li>
      <Link
        to={`/canaux/${channel.id}`}
        className={classes.channelLink}
        aria-current={current ? 'page' : undefined}
        data-muted={channel.muted || undefined}
        data-testid="channel-link"
      >
        <span className={classes.channelName} style={{ fontWeight: unread && !channel.muted ? 600 : undefined }}>
          # {channel.name}
        </span>
        {channel.private && <IconLock size={14} aria-label={t('channels.privateChannel')} role="img" />}
        {channel.urgent && (
          <IconAlertTriangle size={14} color="var(--mantine-color-red-7)" aria-label={t('channels.urgentChannel')} role="img" />
        )}
        {channel.muted && <IconBellOff size={14} aria-label={t('channels.mutedChannel')} role="img" />}
        {unread > 0 && (
          <Badge
            size="sm"
            variant={channel.muted ? 'outline' : 'filled'}
            color={channel.muted ? 'gray' : 'indigo'}
            circle={unread < 10}
          >
            <span aria-hidden>{unread}</span>
            <VisuallyHidden>{t('channels.unread', { count: unread })}</VisuallyHidden>
          </Badge>
        )}
      </Link>
    </li>
  );
}

/** Public channels the user may join (« Parcourir »). */
function BrowseItem({ channel }: { channel: Channel }) {
  const { t } = useTranslation();
  const join = useJoinLeave(channel.id);
  const onJoin = () =>
    join.mutate('join', {
      onSuccess: () => notifications.show({ message: t('channels.joined', { name: channel.name }), color: 'green' }),
      onError: (e) => notifications.show({ message: e.message, color: 'red' }),
    });
  return (
    <li>
      <Group gap="xs" wrap="nowrap" justify="space-between" py={4}>
        <Link to={`/canaux/${channel.id}`} className={classes.channelLink} style={{ flex: 1, minWidth: 0 }}>
          <span className={classes.channelName}># {channel.name}</span>
        </Link>
        <Button
          size="compact-xs"
          variant="light"
          onClick={onJoin}
          loading={join.isPending}
          aria-label={`${t('channels.join')} ${channel.name}`}
        >
          {t('channels.join')}
        </Button>
      </Group>
    </li>
  );
}

function Browse({ channels }: { channels: Channel[] }) {
  const { t } = useTranslation();
  const [opened, { toggle }] = useDisclosure(false);
  const Icon = opened ? IconChevronDown : IconChevronRight;
  return (
    <Stack gap={4}>
      <Button
        variant="subtle"
        size="compact-sm"
        justify="flex-start"
        onClick={toggle}
        aria-expanded={opened}
        leftSection={<Icon size={14} aria-hidden />}
      >
        {t('channels.browse')} ({channels.length})
      </Button>
      <Collapse expanded={opened}>
        <Text size="xs" c="dimmed" px="xs">
          {t('channels.browseHint')}
        </Text>
        {channels.length === 0 ? (
          <Text size="xs" c="dimmed" px="xs" py={4}>
            {t('channels.noneToBrowse')}
          </Text>
        ) : (
          <ul className={classes.list}>
            {channels.map((c) => (
              <BrowseItem key={c.id} channel={c} />
            ))}
          </ul>
        )}
      </Collapse>
    </Stack>
  );
}

interface Props {
  channels: Channel[];
  currentId: string | undefined;
  headingOrder: 1 | 2;
}

/** The channel list: search over messages, channels by kind, « Parcourir », « Nouveau canal ». */
export function ChannelSidebar({ channels, currentId, headingOrder }: Props) {
  const { t } = useTranslation();
  const me = useMe().data;
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [creating, { open, close }] = useDisclosure(false);
  const mine = channels.filter((c) => c.member);
  const joinable = channels.filter((c) => !c.member && c.allowedActions.includes('channel.join'));
  return (
    <Stack gap="sm" style={{ flex: 1, minHeight: 0 }}>
      <Group justify="space-between" wrap="nowrap">
        <Title order={headingOrder} size="h3">
          {t('channels.title')}
        </Title>
        {can(me, 'channel.create') && (
          <Button size="compact-sm" variant="light" leftSection={<IconPlus size={14} aria-hidden />} onClick={open}>
            {t('channels.create.open')}
          </Button>
        )}
      </Group>
      <TextInput
        type="search"
        aria-label={t('channels.search.label')}
        placeholder={t('channels.search.placeholder')}
        leftSection={<IconSearch size={16} aria-hidden />}
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
        rightSection={
          search ? <CloseButton size="sm" aria-label={t('channels.search.clear')} onClick={() => setSearch('')} /> : null
        }
      />
      <ScrollArea type="auto" style={{ flex: 1 }} offsetScrollbars>
        {q ? (
          <SearchResults q={q} />
        ) : (
          <Stack gap="md">
            {mine.length === 0 && (
              <Text size="sm" c="dimmed">
                {t('channels.none')}
              </Text>
            )}
            {KINDS.map((kind) => {
              const group = mine.filter((c) => c.kind === kind);
              if (!group.length) return null;
              return (
                <Stack key={kind} gap={2}>
                  <Title order={(headingOrder + 1) as 2 | 3} size="xs" c="dimmed" tt="uppercase" px="xs">
                    {t(`channels.groups.${kind}`)}
                  </Title>
                  <ul className={classes.list}>
                    {group.map((c) => (
                      <ChannelLink key={c.id} channel={c} current={c.id === currentId} />
                    ))}
                  </ul>
                </Stack>
              );
            })}
            {joinable.length > 0 && <Browse channels={joinable} />}
          </Stack>
        )}
      </ScrollArea>
      <CreateChannelModal opened={creating} onClose={close} />
    </Stack>
  );
}
