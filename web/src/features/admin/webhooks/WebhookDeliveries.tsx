import { Badge, Button, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useRedeliver, useWebhookDeliveries, type Webhook, type WebhookDelivery } from '../../../api/webhooks.ts';
import { DataTable } from '../../../ui/DataTable.tsx';
import { useFormat } from '../../../ui/format.ts';
import { Empty, QueryState } from '../../../ui/QueryState.tsx';

const COLOR = { pending: 'yellow', delivered: 'green', failed: 'red' } as const;

function DeliveryRow({ d, canManage }: { d: WebhookDelivery; canManage: boolean }) {
  const { t } = useTranslation();
  const f = useFormat();
  const redeliver = useRedeliver();
  const again = async () => {
    await redeliver.mutateAsync(d.id);
    notifications.show({ message: t('webhooks.redelivered'), color: 'green' });
  };
  return (
    <Table.Tr>
      <Table.Td>
        <Text size="sm">{t(`webhooks.eventTypes.${d.eventType}`, { defaultValue: d.eventType })}</Text>
        <Text size="xs" c="dimmed">
          {f.dateTime(d.createdAt)}
        </Text>
      </Table.Td>
      <Table.Td>
        <Badge color={COLOR[d.status]} variant="light">
          {t(`webhooks.deliveryStatus.${d.status}`)}
        </Badge>
        {d.lastError && (
          <Text size="xs" c="dimmed" maw={260} style={{ overflowWrap: 'anywhere' }}>
            {d.lastError}
          </Text>
        )}
      </Table.Td>
      <Table.Td>{d.lastStatusCode ?? '—'}</Table.Td>
      <Table.Td>{d.attempts}</Table.Td>
      <Table.Td>{f.dateTime(d.nextAttemptAt)}</Table.Td>
      <Table.Td>{d.lastDurationMs === null ? '—' : t('webhooks.ms', { n: d.lastDurationMs })}</Table.Td>
      <Table.Td ta="right">
        {canManage && (
          <Button
            size="xs"
            variant="subtle"
            leftSection={<IconRefresh size={14} aria-hidden />}
            loading={redeliver.isPending}
            onClick={again}
            aria-label={`${t('webhooks.redeliver')} ${d.eventType} ${f.dateTime(d.createdAt)}`}
          >
            {t('webhooks.redeliver')}
          </Button>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

/** The delivery log of one subscription: status, HTTP code, attempts, next attempt, response time. */
export function WebhookDeliveries({ hook }: { hook: Webhook }) {
  const { t } = useTranslation();
  const deliveries = useWebhookDeliveries(hook.id);
  const canManage = hook.allowedActions.includes('webhook.manage');
  return (
    <QueryState query={deliveries}>
      {(data) =>
        data.items.length === 0 ? (
          <Empty>{t('webhooks.logEmpty')}</Empty>
        ) : (
          <DataTable
            label={t('webhooks.logTitle', { url: hook.url })}
            columns={[
              t('webhooks.col.event'),
              t('webhooks.col.status'),
              t('webhooks.col.code'),
              t('webhooks.col.attempts'),
              t('webhooks.col.next'),
              t('webhooks.col.duration'),
            ]}
            withActions
            minWidth={760}
            bare
          >
            {data.items.map((d) => (
              <DeliveryRow key={d.id} d={d} canManage={canManage} />
            ))}
          </DataTable>
        )
      }
    </QueryState>
  );
}
