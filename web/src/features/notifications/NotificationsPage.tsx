import { Button, Group, Switch } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMarkAllRead, useNotifications } from '../../api/notifications.ts';
import { Page } from '../../ui/Page.tsx';
import { Empty, QueryState } from '../../ui/QueryState.tsx';
import { NotificationList } from './NotificationList.tsx';

/** `/notifications`: every notification of the user, unread filter, pages of 30 (older by `before`). */
export function NotificationsPage() {
  const { t } = useTranslation();
  const [unread, setUnread] = useState(false);
  const [before, setBefore] = useState<string | undefined>(undefined);
  const query = useNotifications({ unread, before });
  const markAll = useMarkAllRead();
  return (
    <Page title={t('notifications.pageTitle')} testId="page-notifications" description={t('notifications.pageIntro')}>
      <Group justify="space-between" gap="sm">
        <Switch
          label={t('notifications.unreadOnly')}
          checked={unread}
          onChange={(e) => {
            setUnread(e.currentTarget.checked);
            setBefore(undefined);
          }}
        />
        <Button variant="light" onClick={() => markAll.mutate()} loading={markAll.isPending}>
          {t('notifications.markAllRead')}
        </Button>
      </Group>
      <QueryState query={query}>
        {(page) => (
          <>
            {page.items.length ? (
              <NotificationList items={page.items} />
            ) : (
              <Empty>{unread ? t('notifications.emptyUnread') : t('notifications.empty')}</Empty>
            )}
            <Group>
              {before && (
                <Button variant="subtle" onClick={() => setBefore(undefined)}>
                  {t('common.back')}
                </Button>
              )}
              {page.items.length === 30 && (
                <Button variant="subtle" onClick={() => setBefore(page.items[page.items.length - 1].createdAt)}>
                  {t('notifications.more')}
                </Button>
              )}
            </Group>
          </>
        )}
      </QueryState>
    </Page>
  );
}
