import { Card, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PlanningDay, PlanningLane } from '../../../api/work-types.ts';
import { ScrollTable } from '../../../ui/ScrollTable.tsx';
import { Empty } from '../../../ui/QueryState.tsx';
import { useLongDay } from '../recurring/describe.ts';
import { DueEntry, RecurringEntry } from './Entries.tsx';
import classes from './planning.module.css';
import { today, weekdayIndex } from './weeks.ts';

export interface WeekProps {
  days: PlanningDay[];
  lanes: PlanningLane[];
}

const hasItems = (d: PlanningDay) => d.recurring.length + d.due.length > 0;

function Cell({ day, lane }: { day: PlanningDay; lane: string }) {
  const recurring = day.recurring.filter((i) => i.lane === lane);
  const due = day.due.filter((i) => i.lane === lane);
  return (
    <Stack gap={6}>
      {recurring.map((i) => (
        <RecurringEntry key={`${i.scheduleId}:${i.occurrence}`} item={i} />
      ))}
      {due.map((i) => (
        <DueEntry key={i.id} item={i} />
      ))}
    </Stack>
  );
}

/** Desktop: one table per week, a row per team × site, a column per day (the weekend only when something is due). */
export function WeekGrid({ days, lanes }: WeekProps) {
  const { t } = useTranslation();
  const longDay = useLongDay();
  const shown = days.filter((d) => weekdayIndex(d.date) < 5 || hasItems(d));
  const used = lanes.filter((l) =>
    days.some((d) => d.recurring.some((i) => i.lane === l.key) || d.due.some((i) => i.lane === l.key)),
  );
  if (used.length === 0) return <Empty>{t('work.planning.weekEmpty')}</Empty>;
  const now = today();
  return (
    <Card p={0}>
      <ScrollTable label={t('work.planning.week', { date: longDay(days[0].date) })} minWidth={160 + shown.length * 150}>
        <table className={classes.grid}>
          <thead>
            <tr>
              <th scope="col">{t('work.planning.lane')}</th>
              {shown.map((d) => (
                <th key={d.date} scope="col" className={d.date === now ? classes.today : undefined} data-date={d.date}>
                  {longDay(d.date)}
                  {d.date === now && (
                    <Text span size="xs" c="indigo.9" display="block">
                      {t('work.planning.today')}
                    </Text>
                  )}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {used.map((lane) => (
              <tr key={lane.key}>
                <th scope="row">
                  {lane.team?.name ?? t('work.planning.noTeam')}
                  <Text size="xs" c="dimmed" fw={400}>
                    {lane.site.name}
                  </Text>
                </th>
                {shown.map((d) => (
                  <td
                    key={d.date}
                    className={d.date === now ? classes.today : undefined}
                    data-date={d.date}
                    data-weekday={weekdayIndex(d.date)}
                  >
                    <Cell day={d} lane={lane.key} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
    </Card>
  );
}

/** Phone: the days that have something, one after the other, each entry naming its team and site. */
export function DayList({ days, lanes }: WeekProps) {
  const { t } = useTranslation();
  const longDay = useLongDay();
  const busy = days.filter(hasItems);
  if (busy.length === 0) return <Empty>{t('work.planning.weekEmpty')}</Empty>;
  const laneOf = (key: string) => lanes.find((l) => l.key === key);
  return (
    <Stack gap="md">
      {busy.map((d) => (
        <Stack key={d.date} gap={6} data-date={d.date}>
          <Title order={3} size="h5">
            {longDay(d.date)}
            {d.date === today() && ` · ${t('work.planning.today')}`}
          </Title>
          {d.recurring.map((i) => (
            <RecurringEntry key={`${i.scheduleId}:${i.occurrence}`} item={i} lane={laneOf(i.lane)} />
          ))}
          {d.due.map((i) => (
            <DueEntry key={i.id} item={i} lane={laneOf(i.lane)} />
          ))}
        </Stack>
      ))}
    </Stack>
  );
}
