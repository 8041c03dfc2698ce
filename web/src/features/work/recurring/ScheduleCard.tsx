import { Anchor, Badge, Button, Card, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPencil, IconRepeat } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDeleteSchedule } from '../../../api/work.ts';
import type { RecurringSchedule } from '../../../api/work-types.ts';
import { ConfirmButton } from '../../../ui/ConfirmButton.tsx';
import { useSiteTime } from '../../../ui/format.ts';
import { useDescribeRule, useLongDay } from './describe.ts';
import { Fact } from '../../../ui/Fact.tsx';

/** The next three occurrences, day and time in the site's zone, with « déplacé » when a closed day moved one. */
function NextOccurrences({ schedule }: { schedule: RecurringSchedule }) {
  const { t } = useTranslation();
  const longDay = useLongDay();
  const siteTime = useSiteTime();
  if (schedule.nextOccurrences.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('work.recurring.noNext')}
      </Text>
    );
  return (
    <List size="sm" spacing={4} data-testid="next-occurrences">
      {schedule.nextOccurrences.map((o) => (
        <List.Item key={o.occurrence}>
          <Text span size="sm" fw={600}>
            {t('work.recurring.at', { date: longDay(o.date), time: siteTime(o.at, schedule.site.timezone) })}
          </Text>{' '}
          <Text span size="sm">
            — {o.title}
          </Text>
          {o.date !== o.occurrence && (
            <Badge ml={6} variant="light" color="orange" tt="none" size="sm">
              {t('work.recurring.movedFrom', { date: longDay(o.occurrence) })}
            </Badge>
          )}
        </List.Item>
      ))}
    </List>
  );
}

function LastCreated({ schedule }: { schedule: RecurringSchedule }) {
  const { t } = useTranslation();
  const longDay = useLongDay();
  const last = schedule.lastOccurrence;
  if (!last?.requestId)
    return (
      <Text size="sm" c="dimmed">
        {t('work.recurring.lastNone')}
      </Text>
    );
  return (
    <Text size="sm">
      {t('work.recurring.last')}{' '}
      <Anchor component={Link} to={`/demandes/${encodeURIComponent(last.requestId)}`} fw={600}>
        {last.reference}
      </Anchor>{' '}
      ({t('work.recurring.occurrenceOf', { date: longDay(last.occurrence) })})
    </Text>
  );
}

function Actions({ schedule, onEdit }: { schedule: RecurringSchedule; onEdit: () => void }) {
  const { t } = useTranslation();
  const remove = useDeleteSchedule();
  const confirm = async () => {
    await remove.mutateAsync(schedule.id);
    notifications.show({ message: t('work.recurring.deleted'), color: 'green' });
  };
  return (
    <Group gap={4} wrap="nowrap">
      {schedule.allowedActions.includes('recurring.update') && (
        <Button
          size="xs"
          variant="subtle"
          leftSection={<IconPencil size={14} aria-hidden />}
          onClick={onEdit}
          aria-label={`${t('common.edit')} ${schedule.name}`}
        >
          {t('common.edit')}
        </Button>
      )}
      {schedule.allowedActions.includes('recurring.delete') && (
        <ConfirmButton
          size="xs"
          message={t('work.recurring.deleteConfirm', { name: schedule.name })}
          confirmLabel={t('common.delete')}
          onConfirm={confirm}
          aria-label={`${t('common.delete')} ${schedule.name}`}
        >
          {t('common.delete')}
        </ConfirmButton>
      )}
    </Group>
  );
}

/** One recurring schedule: its rule in plain words, what it creates, the next occurrences and the last request. */
export function ScheduleCard({ schedule, onEdit }: { schedule: RecurringSchedule; onEdit: () => void }) {
  const { t } = useTranslation();
  const describe = useDescribeRule();
  return (
    <Card component="article" aria-labelledby={`schedule-${schedule.id}`} data-testid="schedule-card">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={4}>
            <Group gap="xs">
              <IconRepeat size={18} aria-hidden />
              <Title order={2} size="h4" id={`schedule-${schedule.id}`}>
                {schedule.name}
              </Title>
              <Badge variant="dot" color={schedule.active ? 'green' : 'gray'} tt="none">
                {schedule.active ? t('work.recurring.active') : t('work.recurring.paused')}
              </Badge>
            </Group>
            <Text size="sm" data-testid="rule-text">
              {describe(schedule.rule, schedule.site)}
            </Text>
          </Stack>
          <Actions schedule={schedule} onEdit={onEdit} />
        </Group>
        <SimpleGrid component="dl" cols={{ base: 1, xs: 2, md: 4 }} spacing="sm" verticalSpacing="xs" m={0}>
          <Fact label={t('work.recurring.meta.service')}>{schedule.service?.name ?? '—'}</Fact>
          <Fact label={t('work.recurring.meta.site')}>{schedule.site.name}</Fact>
          <Fact label={t('work.recurring.meta.team')}>{schedule.team?.name ?? '—'}</Fact>
          <Fact label={t('work.recurring.meta.assignee')}>{schedule.assignee?.name ?? t('work.recurring.meta.teamRule')}</Fact>
        </SimpleGrid>
        <div>
          <Title order={3} size="h6" mb={4}>
            {t('work.recurring.next')}
          </Title>
          <NextOccurrences schedule={schedule} />
        </div>
        <LastCreated schedule={schedule} />
      </Stack>
    </Card>
  );
}
