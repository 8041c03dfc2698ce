import { Alert, Badge, Button, Card, Code, CopyButton, Group, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCopy, IconKey, IconList, IconPencil, IconPlus, IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../../api/me.ts';
import {
  useDeleteWebhook,
  usePingWebhook,
  useRotateSecret,
  useWebhooks,
  type Webhook,
  type WebhookWithSecret,
} from '../../../api/webhooks.ts';
import { ConfirmButton } from '../../../ui/ConfirmButton.tsx';
import { DataTable } from '../../../ui/DataTable.tsx';
import { EditModal, type Editing } from '../../../ui/EditModal.tsx';
import { Page } from '../../../ui/Page.tsx';
import { can } from '../../../ui/permissions.ts';
import { Empty, QueryState } from '../../../ui/QueryState.tsx';
import { WebhookDeliveries } from './WebhookDeliveries.tsx';
import { WebhookForm } from './WebhookForm.tsx';

const SNIPPET = `import { createHmac, timingSafeEqual } from 'node:crypto';

// rawBody : le corps reçu, tel quel (avant JSON.parse)
function verifier(secret, headers, rawBody) {
  const ts = headers['x-relais-timestamp'];
  if (Math.abs(Date.now() / 1000 - Number(ts)) > 300) return false;
  const attendu = 'v1=' + createHmac('sha256', secret).update(ts + '.' + rawBody).digest('hex');
  const recu = String(headers['x-relais-signature']);
  return recu.length === attendu.length && timingSafeEqual(Buffer.from(recu), Buffer.from(attendu));
}`;

/** The secret, once: after a creation or a rotation, with a copy button. */
function SecretModal({ shown, onClose }: { shown: WebhookWithSecret | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={!!shown} onClose={onClose} title={t('webhooks.secretTitle')}>
      <Stack gap="md">
        <Alert color="yellow">{t('webhooks.secretOnce')}</Alert>
        <Code
          block
          tabIndex={0}
          role="group"
          aria-label={t('webhooks.secretTitle')}
          data-testid="webhook-secret"
          style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}
        >
          {shown?.secret}
        </Code>
        <Group justify="space-between">
          <CopyButton value={shown?.secret ?? ''}>
            {({ copied, copy }) => (
              <Button variant="light" leftSection={<IconCopy size={16} aria-hidden />} onClick={copy}>
                {copied ? t('common.copied') : t('common.copy')}
              </Button>
            )}
          </CopyButton>
          <Button onClick={onClose}>{t('webhooks.secretDone')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function HookActions({
  hook,
  onEdit,
  onLog,
  onSecret,
}: {
  hook: Webhook;
  onEdit: () => void;
  onLog: () => void;
  onSecret: (w: WebhookWithSecret) => void;
}) {
  const { t } = useTranslation();
  const remove = useDeleteWebhook();
  const rotate = useRotateSecret();
  const ping = usePingWebhook();
  const manage = hook.allowedActions.includes('webhook.manage');
  const label = (action: string) => `${action} ${hook.url}`;
  const sendPing = async () => {
    await ping.mutateAsync(hook.id);
    notifications.show({ message: t('webhooks.pingSent'), color: 'green' });
    onLog();
  };
  return (
    <Group gap={4} justify="flex-end" wrap="wrap">
      <Button
        size="xs"
        variant="subtle"
        leftSection={<IconList size={14} aria-hidden />}
        onClick={onLog}
        aria-label={label(t('webhooks.log'))}
      >
        {t('webhooks.log')}
      </Button>
      {manage && (
        <>
          <Button
            size="xs"
            variant="subtle"
            leftSection={<IconSend size={14} aria-hidden />}
            onClick={sendPing}
            loading={ping.isPending}
            aria-label={label(t('webhooks.ping'))}
          >
            {t('webhooks.ping')}
          </Button>
          <Button
            size="xs"
            variant="subtle"
            leftSection={<IconPencil size={14} aria-hidden />}
            onClick={onEdit}
            aria-label={label(t('common.edit'))}
          >
            {t('common.edit')}
          </Button>
          <ConfirmButton
            size="xs"
            variant="subtle"
            leftSection={<IconKey size={14} aria-hidden />}
            message={t('webhooks.rotateConfirm')}
            confirmLabel={t('webhooks.rotate')}
            onConfirm={async () => onSecret(await rotate.mutateAsync(hook.id))}
            aria-label={label(t('webhooks.rotate'))}
          >
            {t('webhooks.rotate')}
          </ConfirmButton>
          <ConfirmButton
            size="xs"
            message={t('webhooks.deleteConfirm', { url: hook.url })}
            confirmLabel={t('common.delete')}
            onConfirm={() => remove.mutateAsync(hook.id)}
            aria-label={label(t('common.delete'))}
          >
            {t('common.delete')}
          </ConfirmButton>
        </>
      )}
    </Group>
  );
}

function HookRow(props: { hook: Webhook; onEdit: () => void; onLog: () => void; onSecret: (w: WebhookWithSecret) => void }) {
  const { t } = useTranslation();
  const { hook } = props;
  return (
    <Table.Tr>
      <Table.Td style={{ overflowWrap: 'anywhere' }}>
        <Text fw={600} size="sm">
          {hook.url}
        </Text>
        {hook.description && (
          <Text size="xs" c="dimmed">
            {hook.description}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Text size="sm">{hook.eventTypes.map((e) => t(`webhooks.eventTypes.${e}`)).join(' · ')}</Text>
      </Table.Td>
      <Table.Td>
        <Badge color={hook.active ? 'green' : 'gray'} variant="light">
          {hook.active ? t('webhooks.active') : t('webhooks.inactive')}
        </Badge>
      </Table.Td>
      <Table.Td>
        <HookActions {...props} />
      </Table.Td>
    </Table.Tr>
  );
}

/** `/admin/webhooks`: signed webhooks of the organisation, their delivery log and how to verify them. */
export function WebhooksPage() {
  const { t } = useTranslation();
  const me = useMe().data;
  const hooks = useWebhooks();
  const [editing, setEditing] = useState<Editing<Webhook>>(null);
  const [secret, setSecret] = useState<WebhookWithSecret | null>(null);
  const [logOf, setLogOf] = useState<string | null>(null);
  const logged = hooks.data?.items.find((h) => h.id === logOf) ?? null;
  const action = can(me, 'webhook.manage') && (
    <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
      {t('webhooks.new')}
    </Button>
  );
  return (
    <Page title={t('webhooks.title')} testId="page-admin-webhooks" description={t('webhooks.intro')} actions={action}>
      <QueryState query={hooks}>
        {(data) =>
          data.items.length === 0 ? (
            <Empty>{t('webhooks.empty')}</Empty>
          ) : (
            <DataTable
              label={t('webhooks.title')}
              columns={[t('webhooks.url'), t('webhooks.events'), t('webhooks.status')]}
              withActions
              minWidth={720}
            >
              {data.items.map((h) => (
                <HookRow key={h.id} hook={h} onEdit={() => setEditing(h)} onLog={() => setLogOf(h.id)} onSecret={setSecret} />
              ))}
            </DataTable>
          )
        }
      </QueryState>
      {logged && (
        <Card>
          <Stack gap="sm">
            <Group justify="space-between">
              <Title order={2} size="h3" style={{ overflowWrap: 'anywhere' }}>
                {t('webhooks.logTitle', { url: logged.url })}
              </Title>
              <Button size="xs" variant="default" onClick={() => setLogOf(null)}>
                {t('common.close')}
              </Button>
            </Group>
            <WebhookDeliveries hook={logged} />
          </Stack>
        </Card>
      )}
      <Card>
        <Stack gap="sm">
          <Title order={2} size="h3">
            {t('webhooks.verifyTitle')}
          </Title>
          <Text size="sm">{t('webhooks.verifyText')}</Text>
          <Code block tabIndex={0} role="group" aria-label={t('webhooks.verifyTitle')}>
            {SNIPPET}
          </Code>
        </Stack>
      </Card>
      <EditModal
        editing={editing}
        onClose={() => setEditing(null)}
        titles={{ create: t('webhooks.new'), edit: t('webhooks.editTitle') }}
      >
        {(hook) => <WebhookForm hook={hook} onDone={() => setEditing(null)} onCreated={setSecret} />}
      </EditModal>
      <SecretModal shown={secret} onClose={() => setSecret(null)} />
    </Page>
  );
}
