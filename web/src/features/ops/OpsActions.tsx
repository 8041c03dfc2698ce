import { Badge, Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlayerPlay, IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { type JobState, type NodeState, type OpsJob, useRetryJob, useRunSchedule } from '../../api/ops.ts';
import { notifyError } from '../../ui/notify.ts';

const NODE_COLOR: Record<NodeState, string> = { active: 'green', stopped: 'gray', silent: 'red' };
const JOB_COLOR: Record<JobState, string> = { pending: 'blue', running: 'teal', done: 'gray', failed: 'red' };

/** « actif », « arrêté » or « muet », as a dot badge (the text keeps full contrast). */
export function NodeBadge({ state }: { state: NodeState }) {
  const { t } = useTranslation();
  return (
    <Badge variant="dot" color={NODE_COLOR[state]} tt="none" size="md" data-state={state}>
      {t(`ops.nodes.states.${state}`)}
    </Badge>
  );
}

export function JobBadge({ state }: { state: JobState }) {
  const { t } = useTranslation();
  return (
    <Badge variant="dot" color={JOB_COLOR[state]} tt="none" size="md">
      {t(`ops.queue.states.${state}`)}
    </Badge>
  );
}

/** « Relancer » on a failed job. */
export function RetryButton({ job }: { job: OpsJob }) {
  const { t } = useTranslation();
  const retry = useRetryJob();
  const run = () =>
    retry.mutateAsync(job.id).then(
      () => notifications.show({ message: t('ops.failed.retried', { name: job.name }), color: 'green' }),
      (err) => notifyError(err, t('common.errorTitle')),
    );
  return (
    <Button
      size="xs"
      variant="light"
      leftSection={<IconRefresh size={14} aria-hidden />}
      loading={retry.isPending}
      onClick={run}
      aria-label={t('ops.failed.retryLabel', { name: job.name })}
    >
      {t('ops.failed.retry')}
    </Button>
  );
}

/** « Lancer maintenant » on a scheduled task. */
export function RunNowButton({ name }: { name: string }) {
  const { t } = useTranslation();
  const start = useRunSchedule();
  const run = () =>
    start.mutateAsync(name).then(
      () => notifications.show({ message: t('ops.schedules.started', { name }), color: 'green' }),
      (err) => notifyError(err, t('common.errorTitle')),
    );
  return (
    <Button
      size="xs"
      variant="light"
      leftSection={<IconPlayerPlay size={14} aria-hidden />}
      loading={start.isPending}
      onClick={run}
      aria-label={t('ops.schedules.runNowLabel', { name })}
    >
      {t('ops.schedules.runNow')}
    </Button>
  );
}

/** A period in words: « 30 s », « 15 min », « 1 h ». */
export function usePeriod() {
  const { t } = useTranslation();
  return (ms: number) => {
    if (ms % 3_600_000 === 0) return t('ops.schedules.hours', { n: ms / 3_600_000 });
    if (ms % 60_000 === 0) return t('ops.schedules.minutes', { n: ms / 60_000 });
    return t('ops.schedules.seconds', { n: Math.round(ms / 1000) });
  };
}
