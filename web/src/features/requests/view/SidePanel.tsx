import { Card, Select, Stack, TagsInput, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PRIORITIES, type Priority } from '../../../../../common/catalog-enums.ts';
import type { RequestDetail } from '../../../api/types.ts';
import { useMe } from '../../../api/me.ts';
import { can } from '../../../ui/permissions.ts';
import { AttachFromArchive, SaveToArchive } from '../../archive/RequestArchive.tsx';
import { KbRequestCard } from '../../kb/request/KbRequestCard.tsx';
import { FormAnswers } from '../shared/FormAnswers.tsx';
import { useNow, useZoned } from '../shared/format.ts';
import type { Lookups } from '../shared/lookups.ts';
import { Checklist } from './Checklist.tsx';
import { Links } from './Links.tsx';
import { AssignmentExplanation, Attachments, SlaClocks, Watchers } from './SidePanelParts.tsx';
import type { usePatchRequest } from './useRequestActions.ts';

/** A titled block of the side panel (h2 for the outline). */
export function Block({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <Card padding="sm" component="section" data-testid={testId}>
      <Title order={2} size="h6" mb={6}>
        {title}
      </Title>
      {children}
    </Card>
  );
}

function Requester({ request, lookups }: { request: RequestDetail; lookups: Lookups }) {
  const { t } = useTranslation();
  const zoned = useZoned();
  const now = useNow(30_000);
  const person = lookups.people?.find((p) => p.id === request.requester?.id);
  const tz = request.site?.timezone;
  return (
    <Stack gap={2}>
      <Text size="sm" fw={600}>
        {request.requester?.name ?? '—'}
      </Text>
      {person && (
        <Text size="xs" c="dimmed">
          {person.email}
        </Text>
      )}
      {request.site && (
        <>
          <Text size="sm" mt={4}>
            {request.site.name}
          </Text>
          {tz && (
            <Text size="xs" c="dimmed">
              {t('requests.side.localTime', { time: zoned.time(now, tz), zone: zoned.zoneName(tz) })}
            </Text>
          )}
        </>
      )}
      <Text size="xs" c="dimmed" mt={4}>
        {t('requests.side.created', { date: zoned.dateTime(request.createdAt, tz) })} ·{' '}
        {t('requests.side.source', {
          source: t(`requests.source.${request.source}` as 'requests.source.portal', { defaultValue: request.source }),
        })}
      </Text>
    </Stack>
  );
}

type Patch = ReturnType<typeof usePatchRequest>['patch'];

/** Priority, team and tags, editable by staff. */
function Settings({ request, lookups, patch }: { request: RequestDetail; lookups: Lookups; patch: Patch }) {
  const { t } = useTranslation();
  const canEdit =
    request.allowedActions.includes('request.update') && !['closed', 'cancelled', 'rejected'].includes(request.status);
  return (
    <Stack gap="xs">
      <Select
        size="xs"
        label={t('requests.view.priority')}
        data={PRIORITIES.map((p) => ({ value: p, label: t(`requests.priority.${p}`) }))}
        value={request.priority}
        onChange={(v) => v && v !== request.priority && void patch({ priority: v as Priority })}
        allowDeselect={false}
        disabled={!canEdit}
      />
      <Select
        size="xs"
        label={t('requests.side.team')}
        data={lookups.teams.map((x) => ({ value: x.id, label: x.name }))}
        value={request.team?.id ?? null}
        onChange={(v) => v !== (request.team?.id ?? null) && void patch({ teamId: v })}
        disabled={!canEdit}
        clearable
      />
      <TagsInput
        size="xs"
        label={t('requests.view.tags')}
        value={request.tags}
        onChange={(tags) => void patch({ tags })}
        disabled={!canEdit}
        clearable={false}
      />
    </Stack>
  );
}

interface Props {
  request: RequestDetail;
  lookups: Lookups;
  patch: Patch;
}

/** The right column: requester, form answers, settings, SLA clocks, assignment, checklist, files, links, watchers. */
export function SidePanel({ request, lookups, patch }: Props) {
  const { t } = useTranslation();
  const canSave = can(useMe().data, 'archive.upload');
  return (
    <Stack gap="sm" component="aside" aria-label={t('requests.side.label')} data-testid="side-panel">
      <Block title={t('requests.side.requester')}>
        <Requester request={request} lookups={lookups} />
      </Block>
      <Block title={request.service ? `${t('requests.side.service')} · ${request.service.name}` : t('requests.side.answers')}>
        <FormAnswers request={request} lookups={lookups} />
      </Block>
      <KbRequestCard request={request} />
      <Block title={t('requests.side.sla')} testId="sla-clocks">
        <SlaClocks request={request} />
      </Block>
      <Block title={t('requests.assignment.title')}>
        <AssignmentExplanation request={request} />
      </Block>
      <Block title={t('requests.side.settings')}>
        <Settings request={request} lookups={lookups} patch={patch} />
      </Block>
      <Block title={t('requests.view.checklist')}>
        <Checklist request={request} />
      </Block>
      <Block title={t('requests.timeline.attachments')}>
        <Attachments request={request} extra={canSave ? (a) => <SaveToArchive attachment={a} /> : undefined} />
        <AttachFromArchive request={request} />
      </Block>
      <Block title={t('requests.side.links')}>
        <Links request={request} basePath="/demandes" />
      </Block>
      <Block title={t('requests.view.watchers')}>
        <Watchers watchers={request.watchers} />
      </Block>
    </Stack>
  );
}
