import { Alert, Button, Group, Select, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconAlertTriangle, IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTeams } from '../../../api/organization.ts';
import { useSites } from '../../../api/sites.ts';
import { usePlanning } from '../../../api/work.ts';
import type { Planning } from '../../../api/work-types.ts';
import { Page, Section } from '../../../ui/Page.tsx';
import { QueryState } from '../../../ui/QueryState.tsx';
import { useLongDay } from '../recurring/describe.ts';
import { DayList, WeekGrid } from './WeekViews.tsx';
import { addDays, mondayOf, today, WEEKS, weeksFrom } from './weeks.ts';

interface Filters {
  teamId: string | null;
  siteId: string | null;
}

function FilterBar({ filters, onChange }: { filters: Filters; onChange: (f: Filters) => void }) {
  const { t } = useTranslation();
  const teams = (useTeams().data?.items ?? []).map((team) => ({ value: team.id, label: team.name }));
  const sites = (useSites().data?.items ?? []).map((s) => ({ value: s.id, label: s.name }));
  return (
    <Group gap="sm" align="flex-end">
      <Select
        label={t('work.planning.team')}
        placeholder={t('work.planning.allTeams')}
        data={teams}
        value={filters.teamId}
        clearable
        w={260}
        onChange={(teamId) => onChange({ ...filters, teamId })}
      />
      <Select
        label={t('work.planning.site')}
        placeholder={t('work.planning.allSites')}
        data={sites}
        value={filters.siteId}
        clearable
        w={260}
        onChange={(siteId) => onChange({ ...filters, siteId })}
      />
    </Group>
  );
}

function Navigation({ start, onMove }: { start: string; onMove: (monday: string) => void }) {
  const { t } = useTranslation();
  const longDay = useLongDay();
  const current = mondayOf(today());
  return (
    <Group justify="space-between" gap="sm">
      <Text fw={600} aria-live="polite">
        {t('work.planning.period', { from: longDay(start), to: longDay(addDays(start, WEEKS * 7 - 1)) })}
      </Text>
      <Group gap="xs">
        <Button
          variant="default"
          leftSection={<IconChevronLeft size={16} aria-hidden />}
          onClick={() => onMove(addDays(start, -WEEKS * 7))}
        >
          {t('work.planning.previous')}
        </Button>
        {start !== current && (
          <Button variant="default" onClick={() => onMove(current)}>
            {t('work.planning.today')}
          </Button>
        )}
        <Button
          variant="default"
          rightSection={<IconChevronRight size={16} aria-hidden />}
          onClick={() => onMove(addDays(start, WEEKS * 7))}
        >
          {t('work.planning.next')}
        </Button>
      </Group>
    </Group>
  );
}

function Weeks({ planning, start }: { planning: Planning; start: string }) {
  const { t } = useTranslation();
  const longDay = useLongDay();
  const wide = useMediaQuery('(min-width: 62em)', true);
  const byDate = new Map(planning.days.map((d) => [d.date, d]));
  const View = wide ? WeekGrid : DayList;
  return (
    <Stack gap="xl">
      {planning.truncated && (
        <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />}>
          {t('work.planning.truncated')}
        </Alert>
      )}
      {weeksFrom(start).map((dates) => {
        const days = dates.map((date) => byDate.get(date) ?? { date, recurring: [], due: [] });
        return (
          <Section key={dates[0]} title={t('work.planning.week', { date: longDay(dates[0]) })}>
            <View days={days} lanes={planning.lanes} />
          </Section>
        );
      })}
      <Text size="xs" c="dimmed">
        {t('work.planning.legend')}
      </Text>
    </Stack>
  );
}

/** `/planning`: the coming four weeks of recurring work and due requests, by team × site (a day list on a phone). */
export function PlanningPage() {
  const { t } = useTranslation();
  const [start, setStart] = useState(() => mondayOf(today()));
  const [filters, setFilters] = useState<Filters>({ teamId: null, siteId: null });
  const planning = usePlanning({
    from: start,
    to: addDays(start, WEEKS * 7 - 1),
    ...(filters.teamId ? { teamId: filters.teamId } : {}),
    ...(filters.siteId ? { siteId: filters.siteId } : {}),
  });
  return (
    <Page title={t('work.planning.title')} testId="page-planning" description={t('work.planning.intro')}>
      <FilterBar filters={filters} onChange={setFilters} />
      <Navigation start={start} onMove={setStart} />
      <QueryState query={planning}>{(data) => <Weeks planning={data} start={start} />}</QueryState>
    </Page>
  );
}
