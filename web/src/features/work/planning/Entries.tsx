import { Anchor, Badge, Group, Paper, Stack, Text, VisuallyHidden } from '@mantine/core';
import { IconClock, IconRepeat } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Priority } from '../../../../../common/catalog-enums.ts';
import type { SlaState } from '../../../../../common/requests.ts';
import type { PlanningDue, PlanningLane, PlanningRecurring } from '../../../api/work-types.ts';
import { useLongDay } from '../recurring/describe.ts';
import classes from './planning.module.css';

/** Light-variant colours the theme darkens enough for WCAG AA text. */
const PRIORITY_COLOR: Record<Priority, string> = { P1: 'red', P2: 'orange', P3: 'blue', P4: 'gray' };
const SLA_COLOR: Record<SlaState, string> = {
  ok: 'blue',
  at_risk: 'orange',
  breached: 'red',
  paused: 'gray',
  met: 'green',
  none: 'gray',
};

const requestPath = (id: string) => `/demandes/${encodeURIComponent(id)}`;

function PriorityTag({ priority }: { priority: Priority }) {
  const { t } = useTranslation();
  return (
    <Badge size="sm" variant="light" color={PRIORITY_COLOR[priority]} tt="none" title={t(`requests.priority.${priority}`)}>
      <span aria-hidden>{priority}</span>
      <VisuallyHidden>{t(`requests.priority.${priority}`)}</VisuallyHidden>
    </Badge>
  );
}

/** The lane's names, shown on a phone where there is no lane column. */
function LaneLine({ lane }: { lane?: PlanningLane }) {
  const { t } = useTranslation();
  if (!lane) return null;
  return (
    <Text size="xs" c="dimmed">
      {lane.team?.name ?? t('work.planning.noTeam')} · {lane.site.name}
    </Text>
  );
}

/** A projected occurrence of recurring work; links to its request once created. */
export function RecurringEntry({ item, lane }: { item: PlanningRecurring; lane?: PlanningLane }) {
  const { t } = useTranslation();
  const longDay = useLongDay();
  return (
    <Paper className={classes.entry} data-kind="recurring" data-testid="planning-recurring" p={6}>
      <Stack gap={2}>
        <Group gap={6} wrap="nowrap">
          <IconRepeat size={14} aria-hidden />
          <VisuallyHidden>{t('work.planning.recurringLabel')}</VisuallyHidden>
          <Text size="xs" fw={700}>
            {item.time}
          </Text>
          <PriorityTag priority={item.priority} />
        </Group>
        <Text size="sm" fw={600} lh={1.3}>
          {item.request ? (
            <Anchor component={Link} to={requestPath(item.request.id)} inherit>
              {item.title}
            </Anchor>
          ) : (
            item.title
          )}
        </Text>
        {item.assignee && (
          <Text size="xs" c="dimmed">
            {item.assignee.name}
          </Text>
        )}
        <LaneLine lane={lane} />
        {item.moved && (
          <Badge
            size="sm"
            variant="light"
            color="orange"
            tt="none"
            title={t('work.planning.movedLabel', { date: longDay(item.occurrence) })}
          >
            {t('work.planning.moved')}
            <VisuallyHidden> ({t('work.planning.movedLabel', { date: longDay(item.occurrence) })})</VisuallyHidden>
          </Badge>
        )}
      </Stack>
    </Paper>
  );
}

/** An open request due that day: reference, title, priority and the colour of its SLA state. */
export function DueEntry({ item, lane }: { item: PlanningDue; lane?: PlanningLane }) {
  const { t } = useTranslation();
  const sla = item.slaState !== 'none' && t(`work.planning.sla.${item.slaState}`);
  return (
    <Paper className={classes.entry} data-kind="due" data-sla={item.slaState} data-testid="planning-due" p={6}>
      <Stack gap={2}>
        <Group gap={6} wrap="nowrap">
          <IconClock size={14} aria-hidden />
          <VisuallyHidden>{t('work.planning.dueLabel')}</VisuallyHidden>
          <Text size="xs" fw={700}>
            {item.time}
          </Text>
          <PriorityTag priority={item.priority} />
        </Group>
        <Anchor component={Link} to={requestPath(item.id)} size="sm" fw={600}>
          {item.reference}
        </Anchor>
        <Text size="sm" lh={1.3} lineClamp={2}>
          {item.title}
        </Text>
        {item.assignee && (
          <Text size="xs" c="dimmed">
            {item.assignee.name}
          </Text>
        )}
        <LaneLine lane={lane} />
        {sla && (
          <Badge
            size="sm"
            variant={item.slaState === 'breached' ? 'filled' : 'light'}
            color={item.slaState === 'breached' ? 'red.9' : SLA_COLOR[item.slaState]}
            tt="none"
          >
            {sla}
          </Badge>
        )}
      </Stack>
    </Paper>
  );
}
