import { Badge, Button, Card, Group, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMailAddresses } from '../../api/mail.ts';
import {
  type ImapMailbox,
  useDeleteImapMailbox,
  useImapMailboxes,
  useTestImapMailbox,
  useUpdateImapMailbox,
} from '../../api/mail-imap.ts';
import { ConfirmButton } from '../../ui/ConfirmButton.tsx';
import { EditModal, type Editing } from '../../ui/EditModal.tsx';
import { useFormat } from '../../ui/format.ts';
import { Empty, QueryState } from '../../ui/QueryState.tsx';
import { MailImapForm } from './MailImapForm.tsx';
import { notifyError } from '../../ui/notify.ts';

/** Test, edit, enable / disable, delete — as the mailbox's allowedActions permit. */
function RowActions({ box, onEdit }: { box: ImapMailbox; onEdit: () => void }) {
  const { t } = useTranslation();
  const test = useTestImapMailbox();
  const update = useUpdateImapMailbox();
  const remove = useDeleteImapMailbox();
  const name = `${box.username}@${box.host}`;
  const fail = (err: unknown) => notifyError(err, t('common.errorTitle'));
  const runTest = async () => {
    try {
      const r = await test.mutateAsync(box.id);
      notifications.show(
        r.ok
          ? { message: t('imap.testOk', { messages: r.messages ?? 0, unseen: r.unseen ?? 0 }), color: 'green' }
          : { message: r.error ?? t('common.errorTitle'), color: 'red' },
      );
    } catch (err) {
      fail(err);
    }
  };
  const toggle = () => update.mutateAsync({ id: box.id, version: box.version, enabled: !box.enabled }).catch(fail);
  if (!box.allowedActions.includes('mail_imap.update')) return null;
  return (
    <Group gap={4} wrap="wrap" justify="flex-end">
      <Button size="xs" variant="light" onClick={runTest} loading={test.isPending} aria-label={`${t('imap.test')} — ${name}`}>
        {t('imap.test')}
      </Button>
      <Button size="xs" variant="subtle" onClick={onEdit} aria-label={`${t('common.edit')} ${name}`}>
        {t('common.edit')}
      </Button>
      <Button
        size="xs"
        variant="subtle"
        onClick={toggle}
        loading={update.isPending}
        aria-label={`${t(box.enabled ? 'imap.disable' : 'imap.enable')} ${name}`}
      >
        {t(box.enabled ? 'imap.disable' : 'imap.enable')}
      </Button>
      {box.allowedActions.includes('mail_imap.delete') && (
        <ConfirmButton
          size="xs"
          message={t('imap.confirmDelete', { name })}
          confirmLabel={t('common.delete')}
          onConfirm={() => remove.mutateAsync(box.id)}
          aria-label={`${t('common.delete')} ${name}`}
        >
          {t('common.delete')}
        </ConfirmButton>
      )}
    </Group>
  );
}

function MailboxRows({ items, onEdit }: { items: ImapMailbox[]; onEdit: (b: ImapMailbox) => void }) {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  const addresses = new Map((useMailAddresses().data?.items ?? []).map((a) => [a.id, a.address]));
  if (!items.length) return <Empty>{t('imap.empty')}</Empty>;
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('imap.host')}</Table.Th>
            <Table.Th>{t('imap.address')}</Table.Th>
            <Table.Th>{t('imap.state')}</Table.Th>
            <Table.Th>{t('imap.lastPoll')}</Table.Th>
            <Table.Th>
              <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((b) => (
            <Table.Tr key={b.id}>
              <Table.Td>
                <Text size="sm">{`${b.username} — ${b.host}:${b.port}${b.tls ? ' (TLS)' : ''}`}</Text>
                <Text size="xs" c="dimmed">{`${b.folder} · ${t(`imap.after.${b.afterAction}`)}`}</Text>
              </Table.Td>
              <Table.Td>{addresses.get(b.addressId) ?? '—'}</Table.Td>
              <Table.Td>
                <Badge color={b.enabled ? 'green' : 'gray'} variant="light">
                  {b.enabled ? t('imap.active') : t('imap.disabled')}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{b.lastPolledAt ? dateTime(b.lastPolledAt) : t('imap.never')}</Text>
                {b.lastError ? (
                  <Text size="xs" c="red.8" role="status">
                    {b.lastError}
                  </Text>
                ) : (
                  b.lastPolledAt && (
                    <Text size="xs" c="dimmed">
                      {t('imap.imported', { count: b.lastImported })}
                    </Text>
                  )
                )}
              </Table.Td>
              <Table.Td>
                <RowActions box={b} onEdit={() => onEdit(b)} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** /admin/courrier: mailboxes hosted elsewhere that Relais polls over IMAP (administrators only). */
export function MailImap({ canManage }: { canManage: boolean }) {
  const { t } = useTranslation();
  const query = useImapMailboxes(canManage);
  const [editing, setEditing] = useState<Editing<ImapMailbox>>(null);
  if (!canManage) return null;
  return (
    <Card withBorder padding="lg">
      <Stack gap="md">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} size="h3">
            {t('imap.title')}
          </Title>
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
            {t('imap.add')}
          </Button>
        </Group>
        <Text size="sm" c="dimmed">
          {t('imap.help')}
        </Text>
        <QueryState query={query}>{(data) => <MailboxRows items={data.items} onEdit={setEditing} />}</QueryState>
      </Stack>
      <EditModal
        editing={editing}
        onClose={() => setEditing(null)}
        titles={{ create: t('imap.createTitle'), edit: t('imap.editTitle') }}
      >
        {(box) => <MailImapForm box={box} onDone={() => setEditing(null)} />}
      </EditModal>
    </Card>
  );
}
