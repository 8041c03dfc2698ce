import { Anchor, Badge, Button, Card, Group, Progress, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CSAT_GROUPS, type CsatGroup, type Figures, useCsatComments, useCsatSummary } from '../../api/csat.ts';
import { DateField } from '../../ui/DateField.tsx';
import { useFormat } from '../../ui/format.ts';
import { Page } from '../../ui/Page.tsx';
import { QueryState } from '../../ui/QueryState.tsx';
import { scoreColor } from './RatingForm.tsx';
import { ScrollTable } from '../../ui/ScrollTable.tsx';

const PAGE = 10;

/** A local day as `YYYY-MM-DD`, `daysAgo` days before today. */
function dayBefore(daysAgo: number): string {
  const d = new Date(Date.now() - daysAgo * 86_400_000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function usePercent() {
  const { number } = useFormat();
  return {
    pct: (x: number | null) => (x === null ? '—' : `${number(Math.round(x * 100))}\u00a0%`),
    avg: (x: number | null) => (x === null ? '—' : `${number(x)}/5`),
  };
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <Card padding="md" withBorder>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fz={28} fw={700}>
        {value}
      </Text>
    </Card>
  );
}

function Overall({ figures }: { figures: Figures }) {
  const { t } = useTranslation();
  const { pct, avg } = usePercent();
  const max = Math.max(1, ...figures.distribution);
  return (
    <Stack gap="md" component="section" aria-labelledby="csat-figures">
      <Title order={2} size="h3" id="csat-figures">
        {t('csat.report.figures')}
      </Title>
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        <Stat label={t('csat.report.count')} value={String(figures.count)} />
        <Stat label={t('csat.report.average')} value={avg(figures.average)} />
        <Stat label={t('csat.report.satisfied')} value={pct(figures.satisfied)} />
        <Stat label={t('csat.report.responseRate')} value={pct(figures.responseRate)} />
      </SimpleGrid>
      <Stack gap={6} component="figure" m={0} aria-labelledby="csat-distribution">
        <Text size="sm" fw={600} id="csat-distribution" component="figcaption">
          {t('csat.report.distribution')}
        </Text>
        {[5, 4, 3, 2, 1].map((score) => {
          const count = figures.distribution[score - 1];
          const label = t('csat.report.distributionItem', { score, count });
          return (
            <Group key={score} gap="sm" wrap="nowrap">
              <Text size="sm" w={70}>
                {label}
              </Text>
              <Progress
                value={(count / max) * 100}
                color={score >= 4 ? 'green.8' : score === 3 ? 'yellow.8' : 'red.8'}
                style={{ flex: 1 }}
                aria-label={label}
              />
            </Group>
          );
        })}
      </Stack>
    </Stack>
  );
}

function Groups({ groupBy, groups }: { groupBy: CsatGroup; groups: (Figures & { id: string | null; label: string | null })[] }) {
  const { t } = useTranslation();
  const { pct, avg } = usePercent();
  return (
    <Stack gap="sm" component="section" aria-labelledby="csat-table">
      <Title order={2} size="h3" id="csat-table">
        {t('csat.report.table')}
      </Title>
      <ScrollTable label={t('csat.report.table')} minWidth={560}>
        <Table striped data-testid="csat-groups">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t(`csat.report.groups.${groupBy}`)}</Table.Th>
              <Table.Th scope="col">{t('csat.report.count')}</Table.Th>
              <Table.Th scope="col">{t('csat.report.average')}</Table.Th>
              <Table.Th scope="col">{t('csat.report.satisfied')}</Table.Th>
              <Table.Th scope="col">{t('csat.report.responseRate')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {groups.map((g) => (
              <Table.Tr key={g.id ?? 'none'}>
                <Table.Th scope="row" fw={500}>
                  {g.label ?? t('csat.report.none')}
                </Table.Th>
                <Table.Td>{g.count}</Table.Td>
                <Table.Td>{avg(g.average)}</Table.Td>
                <Table.Td>{pct(g.satisfied)}</Table.Td>
                <Table.Td>
                  {pct(g.responseRate)}{' '}
                  <Text span size="xs" c="dimmed">
                    ({g.count}/{g.surveys})
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </Stack>
  );
}

function Comments({ from, to }: { from: string; to: string }) {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  const [limit, setLimit] = useState(PAGE);
  const query = useCsatComments({ from, to, limit });
  return (
    <Stack gap="sm" component="section" aria-labelledby="csat-comments">
      <Title order={2} size="h3" id="csat-comments">
        {t('csat.report.comments')}
      </Title>
      <QueryState query={query}>
        {(data) =>
          data.items.length === 0 ? (
            <Text c="dimmed">{t('csat.report.noComments')}</Text>
          ) : (
            <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }} data-testid="csat-comments">
              {data.items.map((c) => (
                <Card key={c.id} component="li" padding="sm" withBorder>
                  <Group justify="space-between" gap="xs" align="flex-start">
                    <Badge color={scoreColor(c.score)} tt="none">
                      {c.score}/5
                    </Badge>
                    <Text size="xs" c="dimmed">
                      {dateTime(c.ratedAt)}
                    </Text>
                  </Group>
                  <Text size="sm" mt={6} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                    {c.comment}
                  </Text>
                  <Text size="xs" c="dimmed" mt={4}>
                    <Anchor component={Link} to={`/demandes/${c.requestId}`} size="xs" underline="always">
                      {c.reference}
                    </Anchor>
                    {[c.serviceName, c.siteName, c.teamName].filter(Boolean).map((x) => ` · ${x}`)}
                  </Text>
                </Card>
              ))}
              {data.total > data.items.length && (
                <Button variant="light" w="fit-content" onClick={() => setLimit((l) => l + PAGE)}>
                  {t('csat.report.more')}
                </Button>
              )}
            </Stack>
          )
        }
      </QueryState>
    </Stack>
  );
}

/** `/satisfaction`: the requesters' ratings for the steering roles — overall, by group, and their comments. */
export function SatisfactionPage() {
  const { t } = useTranslation();
  const [from, setFrom] = useState(() => dayBefore(90));
  const [to, setTo] = useState(() => dayBefore(0));
  const [groupBy, setGroupBy] = useState<CsatGroup>('team');
  const summary = useCsatSummary({ from: from || undefined, to: to || undefined, groupBy });
  return (
    <Page title={t('csat.report.title')} testId="page-satisfaction" description={t('csat.report.description')}>
      <Group gap="md" align="flex-end" wrap="wrap">
        <DateField label={t('csat.report.from')} value={from} onChange={setFrom} w={170} />
        <DateField label={t('csat.report.to')} value={to} onChange={setTo} w={170} />
        <Select
          label={t('csat.report.groupBy')}
          data={CSAT_GROUPS.map((g) => ({ value: g, label: t(`csat.report.groups.${g}`) }))}
          value={groupBy}
          onChange={(v) => v && setGroupBy(v as CsatGroup)}
          allowDeselect={false}
          w={220}
        />
      </Group>
      <QueryState query={summary}>
        {(data) =>
          data.overall.surveys === 0 ? (
            <Text c="dimmed">{t('csat.report.noData')}</Text>
          ) : (
            <Stack gap="xl">
              <Overall figures={data.overall} />
              <Groups groupBy={data.groupBy} groups={data.groups} />
            </Stack>
          )
        }
      </QueryState>
      <Comments from={from} to={to} />
    </Page>
  );
}
