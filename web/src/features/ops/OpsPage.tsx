import { SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useOpsOverview } from '../../api/ops.ts';
import { Page } from '../../ui/Page.tsx';
import { QueryState } from '../../ui/QueryState.tsx';
import { NodesCard, QueueCard, SchedulesCard } from './OpsCards.tsx';
import { BackupCard, FailedCard, MailCard } from './OpsWork.tsx';

/** `/plateforme/exploitation`: the operator's view of the installation, refreshed every 10 s. */
export function OpsPage() {
  const { t, i18n } = useTranslation();
  const overview = useOpsOverview();
  const time = (iso: string) =>
    new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'fr-FR', { timeStyle: 'medium' }).format(new Date(iso));
  return (
    <Page title={t('ops.title')} testId="page-ops" description={t('ops.intro')}>
      <QueryState query={overview}>
        {(data) => (
          <Stack gap="lg">
            <Text size="xs" c="dimmed">
              {t('ops.refreshed', { time: time(data.now) })}
            </Text>
            <NodesCard nodes={data.nodes} />
            <FailedCard jobs={data.failedJobs} />
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
              <QueueCard queue={data.queue} />
              <BackupCard backup={data.lastBackup} now={data.now} />
            </SimpleGrid>
            <SchedulesCard schedules={data.schedules} />
            <MailCard quarantine={data.quarantine} imapErrors={data.imapErrors} />
          </Stack>
        )}
      </QueryState>
    </Page>
  );
}
