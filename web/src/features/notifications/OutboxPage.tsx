import { Anchor, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useOutbox } from '../../api/notifications.ts';
import { useFormat } from '../../ui/format.ts';
import { Page } from '../../ui/Page.tsx';
import { Empty, QueryState } from '../../ui/QueryState.tsx';

/** `/plateforme/boite-d-envoi` (operator): the e-mails written to DATA_DIR/outbox, each downloadable as .eml. */
export function OutboxPage() {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  const query = useOutbox();
  return (
    <Page title={t('notifications.outbox.title')} testId="page-outbox" description={t('notifications.outbox.intro')}>
      <QueryState query={query}>
        {({ items }) =>
          items.length ? (
            <Table.ScrollContainer minWidth={560}>
              <Table aria-label={t('notifications.outbox.table')} striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('notifications.outbox.date')}</Table.Th>
                    <Table.Th>{t('notifications.outbox.to')}</Table.Th>
                    <Table.Th>{t('notifications.outbox.subject')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((m) => (
                    <Table.Tr key={m.name}>
                      <Table.Td>{dateTime(m.date)}</Table.Td>
                      <Table.Td>{m.to}</Table.Td>
                      <Table.Td>
                        <Anchor
                          href={`/api/admin/outbox/${encodeURIComponent(m.name)}`}
                          download={m.name}
                          aria-label={t('notifications.outbox.download', { name: m.subject || m.name })}
                        >
                          {m.subject || m.name}
                        </Anchor>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          ) : (
            <Empty>{t('notifications.outbox.empty')}</Empty>
          )
        }
      </QueryState>
    </Page>
  );
}
