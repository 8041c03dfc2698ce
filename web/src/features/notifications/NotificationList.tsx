import { Badge, Button, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { type AppNotification, useMarkRead } from '../../api/notifications.ts';
import { useFormat } from '../../ui/format.ts';
import classes from './notifications.module.css';

/** One notification: its title opens the target (and marks it read); a button marks it read in place. */
function NotificationRow({ n, onOpen }: { n: AppNotification; onOpen?: () => void }) {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  const navigate = useNavigate();
  const markRead = useMarkRead();
  const open = () => {
    if (!n.readAt) markRead.mutate(n.id);
    onOpen?.();
    navigate(n.url);
  };
  return (
    <li className={classes.row} data-unread={n.readAt ? undefined : 'true'} data-testid="notification">
      <Stack gap={4}>
        <UnstyledButton onClick={open} className={classes.title}>
          <Text size="sm" fw={n.readAt ? 400 : 600}>
            {n.title}
          </Text>
        </UnstyledButton>
        <Group gap="xs" justify="space-between" wrap="wrap">
          <Group gap="xs">
            <Text size="xs" c="dimmed">
              {dateTime(n.createdAt)}
            </Text>
            {!n.readAt && (
              <Badge size="xs" variant="light">
                {t('notifications.unread')}
              </Badge>
            )}
            {n.urgent && (
              <Badge size="xs" color="red">
                {t('notifications.urgent')}
              </Badge>
            )}
          </Group>
          {!n.readAt && (
            <Button size="compact-xs" variant="subtle" onClick={() => markRead.mutate(n.id)} loading={markRead.isPending}>
              {t('notifications.markRead')}
            </Button>
          )}
        </Group>
      </Stack>
    </li>
  );
}

/** A list of notifications (drawer and page). */
export function NotificationList({ items, onOpen }: { items: AppNotification[]; onOpen?: () => void }) {
  const { t } = useTranslation();
  return (
    <ul className={classes.list} aria-label={t('notifications.list')}>
      {items.map((n) => (
        <NotificationRow key={n.id} n={n} onOpen={onOpen} />
      ))}
    </ul>
  );
}
