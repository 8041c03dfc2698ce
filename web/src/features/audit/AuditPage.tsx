import { Button, Code, Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAudit } from '../../api/audit.ts';
import type { AuditEntry, AuditFilters as Filters } from '../../api/types.ts';
import { useFormat } from '../../ui/format.ts';
import { Page } from '../../ui/Page.tsx';
import { Empty, ErrorBox, Loading } from '../../ui/QueryState.tsx';
import { AuditFilters } from './AuditFilters.tsx';
import { VerifyIntegrity } from './VerifyIntegrity.tsx';
import { DataTable } from '../../ui/DataTable.tsx';

function short(value: unknown): string {
  const text = Array.isArray(value) ? value.join(', ') : String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** "key: value" pairs; nested objects (`after`, `before`) are opened one level. */
function pairs(value: Record<string, unknown>): string[] {
  return Object.entries(value).flatMap(([k, v]) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.entries(v).map(
          ([k2, v2]) => `${k2}: ${typeof v2 === 'object' && v2 !== null && !Array.isArray(v2) ? '…' : short(v2)}`,
        )
      : [`${k}: ${short(v)}`],
  );
}

/** The summary may be text or a JSON object: shown as compact "key: value" pairs. */
function summaryText(summary: unknown): string {
  if (summary === null || summary === undefined || summary === '') return '';
  let value = summary;
  if (typeof summary === 'string') {
    try {
      value = JSON.parse(summary);
    } catch {
      return summary;
    }
  }
  return value && typeof value === 'object' && !Array.isArray(value)
    ? pairs(value as Record<string, unknown>).join(' · ')
    : String(value);
}

function AuditRow({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  return (
    <Table.Tr>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{dateTime(entry.createdAt)}</Table.Td>
      <Table.Td>{entry.actorLabel ?? t('audit.system')}</Table.Td>
      <Table.Td>
        <Code>{entry.action}</Code>
      </Table.Td>
      <Table.Td>{entry.targetType ?? '—'}</Table.Td>
      <Table.Td>
        <Text size="sm" lineClamp={3} style={{ wordBreak: 'break-word' }}>
          {summaryText(entry.summary)}
        </Text>
      </Table.Td>
      <Table.Td>{entry.ip ?? '—'}</Table.Td>
    </Table.Tr>
  );
}

const COLUMNS = ['date', 'actor', 'action', 'target', 'summary', 'ip'] as const;

function AuditTable({ filters }: { filters: Filters }) {
  const { t } = useTranslation();
  const audit = useAudit(filters);
  if (audit.isPending) return <Loading />;
  if (audit.isError) return <ErrorBox error={audit.error} onRetry={() => void audit.refetch()} />;
  const rows = audit.data.pages.flatMap((p) => p.items);
  if (rows.length === 0) return <Empty>{t('audit.empty')}</Empty>;
  return (
    <Stack gap="md">
      <DataTable
        label={t('audit.title')}
        columns={COLUMNS.map((c) => t(`audit.columns.${c}`))}
        minWidth={900}
        testId="audit-table"
      >
        {rows.map((e) => (
          <AuditRow key={e.id} entry={e} />
        ))}
      </DataTable>
      <Group justify="center">
        {audit.hasNextPage ? (
          <Button variant="default" loading={audit.isFetchingNextPage} onClick={() => void audit.fetchNextPage()}>
            {t('audit.loadMore')}
          </Button>
        ) : (
          <Text size="sm" c="dimmed">
            {t('audit.end')}
          </Text>
        )}
      </Group>
    </Stack>
  );
}

/** `/audit`: the tamper-evident audit trail, filters, "Charger plus" and the integrity check. */
export function AuditPage() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<Filters>({});
  return (
    <Page title={t('audit.title')} testId="page-audit" description={t('audit.intro')}>
      <VerifyIntegrity />
      <AuditFilters onApply={setFilters} />
      <AuditTable filters={filters} />
    </Page>
  );
}
