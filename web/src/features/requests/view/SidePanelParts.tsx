import { Anchor, Badge, Group, List, Stack, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { attachmentUrl } from '../../../api/requests.ts';
import { explainAssignment } from '../../../../../common/assignment.ts';
import type { NamedRef, RequestAttachment, RequestDetail } from '../../../api/types.ts';
import { SlaBadge } from '../shared/badges.tsx';
import { useFileSize } from '../shared/FileDrop.tsx';
import { useDuration, useZoned } from '../shared/format.ts';

/** The two SLA clocks with their due dates in the site's time zone (`dd/MM/yyyy HH:mm`). */
export function SlaClocks({ request }: { request: RequestDetail }) {
  const { t } = useTranslation();
  const zoned = useZoned();
  const duration = useDuration();
  const tz = request.site?.timezone ?? 'Europe/Paris';
  const { sla } = request;
  if (!sla.resolutionDueAt && !sla.firstResponseDueAt)
    return (
      <Text size="sm" c="dimmed">
        {t('requests.side.noSla')}
      </Text>
    );
  const clock = (label: string, due: string | null, done: string | null) => (
    <div>
      <Text component="dt" size="xs" c="dimmed">
        {label}
      </Text>
      <Text component="dd" size="sm" m={0}>
        {done
          ? t('requests.side.doneAt', { date: zoned.dateTime(done, tz) })
          : t('requests.side.dueAt', { date: zoned.dateTime(due, tz) })}
      </Text>
    </div>
  );
  return (
    <Stack gap={6}>
      <SlaBadge request={request} />
      <Stack component="dl" gap={6} m={0}>
        {clock(t('requests.side.firstResponse'), sla.firstResponseDueAt, sla.firstRespondedAt)}
        {clock(t('requests.side.resolution'), sla.resolutionDueAt, request.resolvedAt)}
      </Stack>
      {sla.pausedAt && <Text size="sm">{t('requests.side.pausedSince', { date: zoned.dateTime(sla.pausedAt, tz) })}</Text>}
      {sla.pausedMinutes > 0 && (
        <Text size="xs" c="dimmed">
          {t('requests.side.pausedTotal', { duration: duration(sla.pausedMinutes) })}
        </Text>
      )}
      <Text size="xs" c="dimmed">
        {t('requests.side.timesIn', { zone: zoned.zoneName(tz) })}
      </Text>
    </Stack>
  );
}

/** Why the request went to its assignee: the shared sentence (common/assignment.ts), as the server says it. */
export function AssignmentExplanation({ request }: { request: RequestDetail }) {
  const { t, i18n } = useTranslation();
  const note = request.assignment;
  if (!note?.rule)
    return (
      <Text size="sm" c="dimmed">
        {t('requests.assignment.none')}
      </Text>
    );
  return (
    <Text size="sm" data-testid="assignment-explanation">
      {explainAssignment(note, request.assignee?.name ?? null, i18n.language === 'en' ? 'en' : 'fr')}
    </Text>
  );
}

/** Files of the request with download links (internal ones marked). */
export function Attachments({ request, extra }: { request: RequestDetail; extra?: (a: RequestAttachment) => ReactNode }) {
  const { t } = useTranslation();
  const size = useFileSize();
  if (request.attachments.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('requests.files.none')}
      </Text>
    );
  return (
    <List spacing={4} size="sm" listStyleType="none" p={0}>
      {request.attachments.map((a) => (
        <List.Item key={a.id}>
          <Group gap={6} wrap="nowrap">
            <IconDownload size={14} aria-hidden />
            <Anchor
              href={attachmentUrl(request.id, a.id)}
              download={a.fileName}
              size="sm"
              aria-label={t('requests.files.download', { name: a.fileName, size: size(a.size) })}
            >
              {a.fileName}
            </Anchor>
            {a.internal && (
              <Badge size="xs" variant="light" color="orange" tt="none">
                {t('requests.files.internal')}
              </Badge>
            )}
            {extra?.(a)}
          </Group>
        </List.Item>
      ))}
    </List>
  );
}

/** People following the request. */
export function Watchers({ watchers }: { watchers: NamedRef[] }) {
  const { t } = useTranslation();
  if (watchers.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('requests.view.noWatchers')}
      </Text>
    );
  return <Text size="sm">{watchers.map((w) => w.name).join(', ')}</Text>;
}
