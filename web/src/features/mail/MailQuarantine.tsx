import { Badge, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { type InboundMessage, useQuarantine, useQuarantineActions } from '../../api/mail.ts';
import { ConfirmButton } from '../../ui/ConfirmButton.tsx';
import { useFormat } from '../../ui/format.ts';
import { Empty, QueryState } from '../../ui/QueryState.tsx';
import { notifyError } from '../../ui/notify.ts';

/** The reason in words (known codes translated; a processing error is shown as the server wrote it). */
function useReason() {
  const { t, i18n } = useTranslation();
  return (reason: string | null) => {
    if (!reason) return '—';
    const key = `mail.reasons.${reason}` as 'mail.reasons.unknown_sender';
    return i18n.exists(key) ? String(t(key)) : reason.replace(/^error: /, `${t('mail.reasons.error')} `);
  };
}

function Actions({ m }: { m: InboundMessage }) {
  const { t } = useTranslation();
  const { reprocess, remove } = useQuarantineActions();
  const run = async (createRequester: boolean) => {
    try {
      const out = await reprocess.mutateAsync({ id: m.id, createRequester });
      notifications.show({
        message: t(`mail.status.${out.status}` as 'mail.status.created'),
        color: out.status === 'quarantined' ? 'yellow' : 'green',
      });
    } catch (err) {
      notifyError(err, t('common.errorTitle'));
    }
  };
  const label = (action: string) => `${action} — ${m.subject || m.from}`;
  return (
    <Group gap={4} wrap="wrap" justify="flex-end">
      {m.allowedActions.includes('mail_inbound.reprocess') && (
        <>
          <Button
            size="xs"
            variant="light"
            onClick={() => run(false)}
            loading={reprocess.isPending}
            aria-label={label(t('mail.quarantine.reprocess'))}
          >
            {t('mail.quarantine.reprocess')}
          </Button>
          {m.reason === 'unknown_sender' && (
            <Button size="xs" variant="subtle" onClick={() => run(true)} aria-label={label(t('mail.quarantine.accept'))}>
              {t('mail.quarantine.accept')}
            </Button>
          )}
        </>
      )}
      {m.allowedActions.includes('mail_inbound.delete') && (
        <ConfirmButton
          size="xs"
          message={t('mail.quarantine.confirmDelete')}
          confirmLabel={t('common.delete')}
          onConfirm={() => remove.mutateAsync(m.id)}
          aria-label={label(t('common.delete'))}
        >
          {t('common.delete')}
        </ConfirmButton>
      )}
    </Group>
  );
}

function Rows({ items }: { items: InboundMessage[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  const reason = useReason();
  if (!items.length) return <Empty>{t('mail.quarantine.empty')}</Empty>;
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('mail.quarantine.received')}</Table.Th>
            <Table.Th>{t('mail.quarantine.from')}</Table.Th>
            <Table.Th>{t('mail.quarantine.subject')}</Table.Th>
            <Table.Th>{t('mail.quarantine.reason')}</Table.Th>
            <Table.Th>{t('common.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((m) => (
            <Table.Tr key={m.id}>
              <Table.Td>{f.dateTime(m.receivedAt)}</Table.Td>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>{m.from || '—'}</Table.Td>
              <Table.Td>{m.subject || t('mail.quarantine.noSubject')}</Table.Td>
              <Table.Td>
                <Stack gap={2}>
                  <Text size="sm">{reason(m.reason)}</Text>
                  {m.attempts > 1 && (
                    <Badge variant="light" color="gray">
                      {t('mail.quarantine.attempts', { n: m.attempts })}
                    </Badge>
                  )}
                </Stack>
              </Table.Td>
              <Table.Td>
                <Actions m={m} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Mail that could not be handled, with the reason; administrators reprocess or delete it. */
export function MailQuarantine() {
  const { t } = useTranslation();
  const query = useQuarantine();
  return (
    <Card withBorder padding="lg">
      <Stack gap="md">
        <Title order={2} size="h3">
          {t('mail.quarantine.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('mail.quarantine.help')}
        </Text>
        <QueryState query={query}>{(data) => <Rows items={data.items} />}</QueryState>
      </Stack>
    </Card>
  );
}
