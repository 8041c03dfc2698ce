import { Card, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpsOverview } from '../../api/ops.ts';
import { DataTable } from '../../ui/DataTable.tsx';
import { useFormat } from '../../ui/format.ts';
import { Empty } from '../../ui/QueryState.tsx';
import { JobBadge, NodeBadge, RunNowButton, usePeriod } from './OpsActions.tsx';
import { JobName } from './JobName.tsx';

/** A titled card of the ops page (h2), with its test id. */
export function OpsCard({ title, testId, children }: { title: string; testId: string; children: ReactNode }) {
  const id = `${testId}-title`;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={id} data-testid={testId}>
      <Stack gap="sm">
        <Title order={2} size="h3" id={id}>
          {title}
        </Title>
        {children}
      </Stack>
    </Card>
  );
}

export function NodesCard({ nodes }: { nodes: OpsOverview['nodes'] }) {
  const { t } = useTranslation();
  const f = useFormat();
  const columns = (['hostname', 'state', 'pid', 'port', 'version', 'startedAt', 'seenAt'] as const).map((c) =>
    t(`ops.nodes.${c}`),
  );
  return (
    <OpsCard title={t('ops.nodes.title')} testId="ops-nodes">
      {nodes.length === 0 ? (
        <Empty>{t('ops.nodes.empty')}</Empty>
      ) : (
        <DataTable bare label={t('ops.nodes.title')} columns={columns} minWidth={720}>
          {nodes.map((n) => (
            <Table.Tr key={n.id}>
              <Table.Td fw={600}>{n.hostname}</Table.Td>
              <Table.Td>
                <NodeBadge state={n.state} />
              </Table.Td>
              <Table.Td>{n.pid}</Table.Td>
              <Table.Td>{n.port ?? '—'}</Table.Td>
              <Table.Td>{n.version}</Table.Td>
              <Table.Td>{f.dateTime(n.startedAt)}</Table.Td>
              <Table.Td>{f.dateTime(n.stoppedAt ?? n.seenAt)}</Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      )}
    </OpsCard>
  );
}

export function QueueCard({ queue }: { queue: OpsOverview['queue'] }) {
  const { t } = useTranslation();
  const f = useFormat();
  const columns = [t('ops.queue.name'), t('ops.jobs.state'), t('ops.queue.count')];
  return (
    <OpsCard title={t('ops.queue.title')} testId="ops-queue">
      {queue.length === 0 ? (
        <Empty>{t('ops.queue.empty')}</Empty>
      ) : (
        <DataTable bare label={t('ops.queue.title')} columns={columns} minWidth={420}>
          {queue.map((q) => (
            <Table.Tr key={`${q.name}:${q.state}`}>
              <Table.Td>
                <JobName name={q.name} />
              </Table.Td>
              <Table.Td>
                <JobBadge state={q.state} />
              </Table.Td>
              <Table.Td>{f.number(q.count)}</Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      )}
    </OpsCard>
  );
}

export function SchedulesCard({ schedules }: { schedules: OpsOverview['schedules'] }) {
  const { t } = useTranslation();
  const f = useFormat();
  const period = usePeriod();
  const columns = (['name', 'every', 'nextRunAt', 'lastRunAt', 'lastNode'] as const).map((c) => t(`ops.schedules.${c}`));
  return (
    <OpsCard title={t('ops.schedules.title')} testId="ops-schedules">
      {schedules.length === 0 ? (
        <Empty>{t('ops.schedules.empty')}</Empty>
      ) : (
        <DataTable bare withActions label={t('ops.schedules.title')} columns={columns} minWidth={760}>
          {schedules.map((s) => (
            <Table.Tr key={s.name}>
              <Table.Td>
                <JobName name={s.name} />
              </Table.Td>
              <Table.Td>{period(s.everyMs)}</Table.Td>
              <Table.Td>{f.dateTime(s.nextRunAt)}</Table.Td>
              <Table.Td>{f.dateTime(s.lastRunAt)}</Table.Td>
              <Table.Td>
                <Text size="sm">{s.lastNodeHostname ?? (s.lastNode ? s.lastNode.slice(0, 8) : '—')}</Text>
              </Table.Td>
              <Table.Td ta="right">
                <RunNowButton name={s.name} />
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      )}
    </OpsCard>
  );
}
