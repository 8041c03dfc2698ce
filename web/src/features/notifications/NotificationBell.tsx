import { ActionIcon, Button, Drawer, Group, Indicator, Stack } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconBell } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMarkAllRead, useNotifications, useUnreadCount } from '../../api/notifications.ts';
import { Empty, QueryState } from '../../ui/QueryState.tsx';
import { NotificationList } from './NotificationList.tsx';

/** The drawer's content, fetched only while it is open. */
function DrawerBody({ close }: { close: () => void }) {
  const { t } = useTranslation();
  const query = useNotifications({ limit: 20 });
  const markAll = useMarkAllRead();
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Button component={Link} to="/notifications" variant="subtle" size="compact-sm" onClick={close}>
          {t('notifications.seeAll')}
        </Button>
        <Button variant="light" size="compact-sm" onClick={() => markAll.mutate()} loading={markAll.isPending}>
          {t('notifications.markAllRead')}
        </Button>
      </Group>
      <QueryState query={query}>
        {(page) =>
          page.items.length ? <NotificationList items={page.items} onOpen={close} /> : <Empty>{t('notifications.empty')}</Empty>
        }
      </QueryState>
    </Stack>
  );
}

/** The header bell: live unread count, opens a drawer with the latest notifications. */
export function NotificationBell() {
  const { t } = useTranslation();
  const unread = useUnreadCount();
  const [opened, { open, close }] = useDisclosure(false);
  const label = unread ? t('notifications.bellUnread', { count: unread }) : t('notifications.bell');
  return (
    <>
      <Indicator label={unread > 99 ? '99+' : unread} size={18} disabled={!unread} color="red.8" offset={4}>
        <ActionIcon
          variant="subtle"
          color="gray.8"
          size="lg"
          onClick={open}
          aria-label={label}
          aria-haspopup="dialog"
          data-testid="notification-bell"
          data-unread={unread}
        >
          <IconBell size={22} aria-hidden />
        </ActionIcon>
      </Indicator>
      <Drawer opened={opened} onClose={close} position="right" title={t('notifications.drawerTitle')} size="md">
        {opened && <DrawerBody close={close} />}
      </Drawer>
    </>
  );
}
