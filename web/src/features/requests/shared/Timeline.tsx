import { Badge, Box, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconLock, IconMessage, IconPoint } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { RequestDetail, TimelineEntry } from '../../../api/types.ts';
import { useEventText } from './events.ts';
import { useZoned } from './format.ts';
import type { Lookups } from './lookups.ts';
import classes from './timeline.module.css';

interface Props {
  request: RequestDetail;
  lookups: Pick<Lookups, 'userName' | 'siteName' | 'teamName' | 'serviceName'>;
  meId: string;
  /** Requester pages say « Vous » and « L’équipe » and hide technical events. */
  audience: 'staff' | 'requester';
}

const REQUESTER_EVENTS = new Set([
  'created',
  'status_changed',
  'approval_requested',
  'approved',
  'rejected',
  'attachment_added',
  'csat_rated',
]);

function Message({ entry, when, who }: { entry: TimelineEntry; when: string; who: string }) {
  const { t } = useTranslation();
  const note = entry.kind === 'note';
  const to = entry.data?.statusTo;
  return (
    <Paper
      withBorder
      p="sm"
      className={note ? classes.note : classes.reply}
      data-kind={entry.kind}
      aria-label={note ? t('requests.timeline.note') : undefined}
    >
      <Group justify="space-between" gap="xs" mb={4} wrap="nowrap" align="flex-start">
        <Group gap={6}>
          {note ? <IconLock size={14} aria-hidden /> : <IconMessage size={14} aria-hidden />}
          <Text fw={600} size="sm">
            {who}
          </Text>
          {note && (
            <Badge color="orange" variant="light" tt="none" size="sm">
              {t('requests.timeline.note')}
            </Badge>
          )}
        </Group>
        <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          {when}
        </Text>
      </Group>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {entry.body}
      </Text>
      {typeof to === 'string' && (
        <Text size="xs" c="dimmed" mt={4}>
          {t('requests.events.replyStatus', { to: t(`requests.status.${to}` as 'requests.status.new') })}
        </Text>
      )}
    </Paper>
  );
}

/** The request's history: replies, internal notes (yellow, « Note interne ») and system events as short lines. */
export function Timeline({ request, lookups, meId, audience }: Props) {
  const { t } = useTranslation();
  const zoned = useZoned();
  const text = useEventText(lookups);
  const tz = request.site?.timezone;
  const entries = request.timeline.filter((e) => audience === 'staff' || e.kind === 'reply' || REQUESTER_EVENTS.has(e.kind));
  const who = (e: TimelineEntry) => {
    if (audience === 'requester' && e.actor?.id === meId) return t('requests.detail.you');
    return e.actor?.name || t('requests.events.system');
  };
  return (
    <Stack gap="xs" component="section" aria-labelledby="timeline-title">
      <Title order={2} id="timeline-title">
        {t('requests.timeline.title')}
      </Title>
      {entries.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('requests.timeline.empty')}
        </Text>
      )}
      <Box component="ol" className={classes.list} data-testid="timeline">
        {entries.map((e) => (
          <li key={e.id}>
            {e.kind === 'reply' || e.kind === 'note' ? (
              <Message entry={e} when={zoned.dateTime(e.at, tz)} who={who(e)} />
            ) : (
              <Group gap={6} wrap="nowrap" align="flex-start" className={classes.event} data-kind={e.kind}>
                <IconPoint size={14} aria-hidden style={{ flexShrink: 0, marginTop: 3 }} />
                <Text size="xs" c="dimmed" style={{ flex: 1 }}>
                  {text(e)}
                  {e.body && (
                    <Text span size="xs" c="dimmed" display="block">
                      {t('requests.events.reason', { reason: e.body })}
                    </Text>
                  )}
                </Text>
                <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                  {zoned.dateTime(e.at, tz)}
                </Text>
              </Group>
            )}
          </li>
        ))}
      </Box>
    </Stack>
  );
}
