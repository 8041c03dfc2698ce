import { Alert, Anchor, Group, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { OpsOverview } from '../../api/ops.ts';
import { DataTable } from '../../ui/DataTable.tsx';
import { useFormat } from '../../ui/format.ts';
import { Empty } from '../../ui/QueryState.tsx';
import { RetryButton } from './OpsActions.tsx';
import { OpsCard } from './OpsCards.tsx';
import { JobName } from './JobName.tsx';

/** Older than this, the last backup is a warning (a nightly backup plus two hours of slack). */
const BACKUP_STALE_MS = 26 * 3_600_000;
const UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'];

function byteSize(bytes: number, locale: string): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return new Intl.NumberFormat(locale, { style: 'unit', unit: UNITS[unit], maximumFractionDigits: 1 }).format(value);
}

export function FailedCard({ jobs }: { jobs: OpsOverview['failedJobs'] }) {
  const { t } = useTranslation();
  const f = useFormat();
  const columns = (['name', 'reason', 'attempts', 'finishedAt'] as const).map((c) => t(`ops.failed.${c}`));
  return (
    <OpsCard title={t('ops.failed.title')} testId="ops-failed">
      {jobs.length === 0 ? (
        <Empty>{t('ops.failed.empty')}</Empty>
      ) : (
        <DataTable bare withActions label={t('ops.failed.title')} columns={columns} minWidth={760}>
          {jobs.map((j) => (
            <Table.Tr key={j.id} data-job={j.id}>
              <Table.Td>
                <JobName name={j.name} />
              </Table.Td>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>{j.lastError ?? '—'}</Table.Td>
              <Table.Td>{t('ops.failed.attemptsValue', { n: j.attempts, max: j.maxAttempts })}</Table.Td>
              <Table.Td>{f.dateTime(j.finishedAt)}</Table.Td>
              <Table.Td ta="right">
                <RetryButton job={j} />
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      )}
      <Anchor component={Link} to="/plateforme/exploitation/travaux?state=failed" size="sm">
        {t('ops.failed.all')}
      </Anchor>
    </OpsCard>
  );
}

export function MailCard({ quarantine, imapErrors }: Pick<OpsOverview, 'quarantine' | 'imapErrors'>) {
  const { t } = useTranslation();
  const f = useFormat();
  const imapColumns = (['organization', 'mailbox', 'error', 'lastPolledAt'] as const).map((c) => t(`ops.mail.${c}`));
  return (
    <OpsCard title={t('ops.mail.title')} testId="ops-mail">
      {quarantine.length === 0 ? (
        <Empty>{t('ops.mail.empty')}</Empty>
      ) : (
        <DataTable bare label={t('ops.mail.title')} columns={[t('ops.mail.organization'), t('ops.mail.count')]} minWidth={320}>
          {quarantine.map((q) => (
            <Table.Tr key={q.organizationId}>
              <Table.Td>{q.organizationName}</Table.Td>
              <Table.Td>{f.number(q.count)}</Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      )}
      <Text fw={600} size="sm" mt="xs">
        {t('ops.mail.imapTitle')}
      </Text>
      {imapErrors.length === 0 ? (
        <Empty>{t('ops.mail.imapEmpty')}</Empty>
      ) : (
        <DataTable bare label={t('ops.mail.imapTitle')} columns={imapColumns} minWidth={640}>
          {imapErrors.map((b) => (
            <Table.Tr key={b.id}>
              <Table.Td>{b.organizationName}</Table.Td>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>{`${b.username}@${b.host}`}</Table.Td>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>{b.lastError}</Table.Td>
              <Table.Td>{f.dateTime(b.lastPolledAt)}</Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      )}
    </OpsCard>
  );
}

function Ago({ finishedAt, now }: { finishedAt: string; now: string }) {
  const { t } = useTranslation();
  const ms = Math.max(0, Date.parse(now) - Date.parse(finishedAt));
  const hours = Math.floor(ms / 3_600_000);
  return <>{hours >= 1 ? t('ops.backup.ago', { n: hours }) : t('ops.backup.agoMinutes', { n: Math.floor(ms / 60_000) })}</>;
}

export function BackupCard({ backup, now }: { backup: OpsOverview['lastBackup']; now: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const stale = !backup || Date.parse(now) - Date.parse(backup.finishedAt) > BACKUP_STALE_MS;
  return (
    <OpsCard title={t('ops.backup.title')} testId="ops-backup">
      {stale && (
        <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />} data-testid="ops-backup-warning">
          {backup ? t('ops.backup.old') : t('ops.backup.none')}
        </Alert>
      )}
      {backup && (
        <Stack gap={4}>
          <Group gap="xs">
            <Text fw={600}>{f.dateTime(backup.finishedAt)}</Text>
            <Text c={stale ? 'orange.9' : 'dimmed'} size="sm">
              (<Ago finishedAt={backup.finishedAt} now={now} />)
            </Text>
          </Group>
          <SimpleGrid cols={2} spacing={4}>
            <Text size="sm">{t('ops.backup.size')}</Text>
            <Text size="sm">{byteSize(backup.bytes, f.locale)}</Text>
            <Text size="sm">{t('ops.backup.content')}</Text>
            <Text size="sm">{t('ops.backup.contentValue', { tables: backup.tables, files: backup.files })}</Text>
            <Text size="sm">{t('ops.backup.dialect')}</Text>
            <Text size="sm">{backup.dialect === 'postgres' ? 'PostgreSQL' : 'SQLite'}</Text>
            <Text size="sm">{t('ops.backup.file')}</Text>
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              <code>{backup.file}</code>
            </Text>
          </SimpleGrid>
        </Stack>
      )}
    </OpsCard>
  );
}
