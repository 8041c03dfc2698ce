import { Anchor, Button, Group, Select, Table, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { type JobState, type OpsJob, useJobs } from '../../api/ops.ts';
import { DataTable } from '../../ui/DataTable.tsx';
import { useFormat } from '../../ui/format.ts';
import { Page } from '../../ui/Page.tsx';
import { Empty, QueryState } from '../../ui/QueryState.tsx';
import { JobBadge, RetryButton } from './OpsActions.tsx';
import { JobName } from './JobName.tsx';

const STATES: JobState[] = ['failed', 'pending', 'running', 'done'];
const isState = (v: string | null): v is JobState => STATES.includes(v as JobState);

function JobRows({ items }: { items: OpsJob[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  const columns = [
    t('ops.failed.name'),
    t('ops.jobs.state'),
    t('ops.failed.attempts'),
    t('ops.failed.reason'),
    t('ops.jobs.runAt'),
    t('ops.jobs.createdAt'),
    t('ops.jobs.lockedBy'),
    t('ops.jobs.requestId'),
  ];
  return (
    <DataTable withActions label={t('ops.jobs.title')} columns={columns} minWidth={1100} testId="ops-jobs">
      {items.map((j) => (
        <Table.Tr key={j.id} data-job={j.id}>
          <Table.Td>
            <JobName name={j.name} />
          </Table.Td>
          <Table.Td>
            <JobBadge state={j.state} />
          </Table.Td>
          <Table.Td>{t('ops.failed.attemptsValue', { n: j.attempts, max: j.maxAttempts })}</Table.Td>
          <Table.Td style={{ overflowWrap: 'anywhere' }}>{j.lastError ?? '—'}</Table.Td>
          <Table.Td>{f.dateTime(j.runAt)}</Table.Td>
          <Table.Td>{f.dateTime(j.finishedAt ?? j.createdAt)}</Table.Td>
          <Table.Td>{j.lockedBy ? <code>{j.lockedBy.slice(0, 8)}</code> : '—'}</Table.Td>
          <Table.Td>{j.requestId ? <code>{j.requestId}</code> : '—'}</Table.Td>
          <Table.Td ta="right">{j.state === 'failed' && <RetryButton job={j} />}</Table.Td>
        </Table.Tr>
      ))}
    </DataTable>
  );
}

/** `/plateforme/exploitation/travaux?state=failed`: every job the queue keeps, filtered, 50 at a time. */
export function JobsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const state = isState(params.get('state')) ? (params.get('state') as JobState) : undefined;
  const [name, setName] = useState(params.get('name') ?? '');
  const [debounced] = useDebouncedValue(name.trim(), 300);
  const jobs = useJobs({ state, name: debounced || undefined });
  const setState = (value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set('state', value);
    else next.delete('state');
    setParams(next, { replace: true });
  };
  return (
    <Page title={t('ops.jobs.title')} testId="page-ops-jobs" description={t('ops.jobs.intro')}>
      <Anchor component={Link} to="/plateforme/exploitation" size="sm">
        {t('ops.jobs.back')}
      </Anchor>
      <Group align="flex-end">
        <Select
          label={t('ops.jobs.state')}
          data={[
            { value: '', label: t('ops.jobs.allStates') },
            ...STATES.map((s) => ({ value: s, label: t(`ops.queue.states.${s}`) })),
          ]}
          value={state ?? ''}
          onChange={(v) => setState(v || null)}
          allowDeselect={false}
        />
        <TextInput
          label={t('ops.jobs.name')}
          placeholder={t('ops.jobs.namePlaceholder')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
        />
      </Group>
      <QueryState query={jobs}>
        {(data) => {
          const items = data.pages.flatMap((p) => p.items);
          if (items.length === 0) return <Empty>{t('ops.jobs.empty')}</Empty>;
          return (
            <>
              <JobRows items={items} />
              {jobs.hasNextPage && (
                <Button variant="default" onClick={() => void jobs.fetchNextPage()} loading={jobs.isFetchingNextPage}>
                  {t('ops.jobs.more')}
                </Button>
              )}
            </>
          );
        }}
      </QueryState>
    </Page>
  );
}
