import { Badge, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconCheck, IconClockPause } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Priority } from '../../../../../common/catalog-enums.ts';
import type { RequestStatus } from '../../../../../common/requests.ts';
import type { RequestItem } from '../../../api/types.ts';
import { useDuration, useNow } from './format.ts';
import { slaBadge } from './sla.ts';

/** Light-variant colours whose text the theme darkens enough for WCAG AA. */
export const STATUS_COLOR: Record<RequestStatus, string> = {
  pending_approval: 'grape',
  new: 'blue',
  assigned: 'indigo',
  in_progress: 'violet',
  waiting_requester: 'orange',
  waiting_third_party: 'orange',
  resolved: 'green',
  closed: 'gray',
  cancelled: 'gray',
  rejected: 'red',
};

const PRIORITY_COLOR: Record<Priority, string> = { P1: 'red', P2: 'orange', P3: 'blue', P4: 'gray' };

/** A request's status in words (« En attente du demandeur »). */
export function StatusBadge({ status }: { status: RequestStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={STATUS_COLOR[status]} tt="none" size="md">
      {t(`requests.status.${status}`)}
    </Badge>
  );
}

/** P1…P4, with the level in words for screen readers and on hover. */
export function PriorityBadge({ priority }: { priority: Priority }) {
  const { t } = useTranslation();
  const label = t(`requests.priority.${priority}`);
  return (
    <Tooltip label={label} withArrow openDelay={400}>
      <Badge
        variant={priority === 'P1' ? 'filled' : 'light'}
        color={priority === 'P1' ? 'red.9' : PRIORITY_COLOR[priority]}
        tt="none"
        size="md"
      >
        <span aria-hidden>{priority}</span>
        <VisuallyHidden>{label}</VisuallyHidden>
      </Badge>
    </Tooltip>
  );
}

/** Time left on the resolution clock in words (« reste 2 h 15 », « en retard de 35 min », « en pause »). */
export function SlaBadge({ request }: { request: Pick<RequestItem, 'sla' | 'resolvedAt'> }) {
  const { t } = useTranslation();
  const now = useNow();
  const duration = useDuration();
  const info = slaBadge(request.sla, request.resolvedAt, now);
  if (info.kind === 'none') return null;
  const text =
    info.kind === 'left' || info.kind === 'late'
      ? t(`requests.sla.${info.kind}`, { duration: duration(info.minutes) })
      : t(`requests.sla.${info.kind}`);
  const icon =
    info.kind === 'paused' ? (
      <IconClockPause size={12} aria-hidden />
    ) : info.kind === 'met' ? (
      <IconCheck size={12} aria-hidden />
    ) : null;
  return (
    <Badge
      variant={info.kind === 'late' ? 'filled' : 'light'}
      color={info.kind === 'late' ? 'red.9' : info.color}
      tt="none"
      size="md"
      leftSection={icon}
      data-sla={info.kind}
    >
      {text}
    </Badge>
  );
}
