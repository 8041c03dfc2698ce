import { Anchor, Card, Grid, Group, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconArrowLeft } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams } from 'react-router';
import type { RequestStatus } from '../../../../../common/requests.ts';
import { useLiveRefresh, usePresence } from '../../../api/live.ts';
import { useMe } from '../../../api/me.ts';
import { useRequest } from '../../../api/requests.ts';
import type { Me, RequestDetail } from '../../../api/types.ts';
import { Page } from '../../../ui/Page.tsx';
import { can } from '../../../ui/permissions.ts';
import { QueryState } from '../../../ui/QueryState.tsx';
import { useLookups } from '../shared/lookups.ts';
import { ShortcutsButton, ShortcutsModal } from '../shared/ShortcutsModal.tsx';
import { Timeline } from '../shared/Timeline.tsx';
import { AssignModal } from './AssignModal.tsx';
import { PresenceStrip } from './PresenceStrip.tsx';
import { ConflictAlert, Header } from './RequestHeader.tsx';
import { useRequestKeys } from './useRequestKeys.ts';
import { type ReplyMode, ReplyBox } from './ReplyBox.tsx';
import { SidePanel } from './SidePanel.tsx';
import { StatusMenu } from './StatusMenu.tsx';
import { usePatchRequest } from './useRequestActions.ts';
import { useDraft } from './useDraft.ts';
import { WatchButton } from './WatchButton.tsx';
import { StaffRatingCard } from '../../csat/RatingCards.tsx';

/** The working view of one request: header, presence, description, timeline, reply box and side panel. */
function RequestWorkspace({ request, me }: { request: RequestDetail; me: Me }) {
  const { t } = useTranslation();
  const lookups = useLookups(true);
  const { patch, conflict, dismissConflict } = usePatchRequest(request);
  const [mode, setMode] = useState<ReplyMode>('public');
  const [text, setText] = useDraft(request.id);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const [assigning, assign] = useDisclosure(false);
  const [help, helpModal] = useDisclosure(false);
  const people = usePresence(request.id, text.trim() ? 'replying' : 'viewing', me.user.id);
  const focusReply = (m: ReplyMode) => {
    setMode(m);
    requestAnimationFrame(() => {
      textarea.current?.focus();
      textarea.current?.scrollIntoView({ block: 'center' });
    });
  };
  useRequestKeys({ request, focusReply, onAssign: assign.open, onHelp: helpModal.open });
  const move = (status: RequestStatus) =>
    void patch({ status }, t('requests.view.statusChanged', { status: t(`requests.status.${status}`) }));
  const onAssign = (userId: string | null) =>
    patch(
      { assigneeId: userId },
      userId
        ? t('requests.view.assigned', { name: userId === me.user.id ? me.user.displayName : (lookups.userName(userId) ?? '') })
        : t('requests.view.unassigned'),
    );
  const actions = (
    <>
      <WatchButton request={request} meId={me.user.id} />
      <StatusMenu request={request} onMove={move} />
      <ShortcutsButton onClick={helpModal.open} />
    </>
  );
  return (
    <Page
      title={request.title}
      testId="page-request"
      description={`${request.reference}${request.service ? ` · ${request.service.name}` : ''}`}
      actions={actions}
    >
      <Header request={request} onAssign={assign.open} />
      {conflict && <ConflictAlert onClose={dismissConflict} />}
      {request.confidentiality !== 'normal' && (
        <Text size="xs" c="dimmed">
          {t('requests.view.confidential')}
        </Text>
      )}
      <PresenceStrip people={people} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="md">
            {request.description && (
              <Card padding="md" component="section" aria-label={t('requests.view.description')}>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                  {request.description}
                </Text>
              </Card>
            )}
            <Timeline request={request} lookups={lookups} meId={me.user.id} audience="staff" />
            <ReplyBox request={request} mode={mode} onMode={setMode} text={text} onText={setText} textareaRef={textarea} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="md">
            <StaffRatingCard request={request} me={me} />
            <SidePanel request={request} lookups={lookups} patch={patch} />
          </Stack>
        </Grid.Col>
      </Grid>
      <AssignModal
        opened={assigning}
        onClose={assign.close}
        request={request}
        lookups={lookups}
        meId={me.user.id}
        onAssign={onAssign}
      />
      <ShortcutsModal opened={help} onClose={helpModal.close} />
    </Page>
  );
}

/** `/demandes/:id` (staff). A requester following a link lands on the simple page instead. */
export function RequestPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const me = useMe().data as Me;
  useLiveRefresh(me.user.id);
  const query = useRequest(id);
  useEffect(() => {
    if (query.data) document.title = `${query.data.reference} · ${query.data.title} · ${t('app.name')}`;
  }, [query.data, t]);
  if (!can(me, 'request.note')) return <Navigate to={`/mes-demandes/${id}`} replace />;
  return (
    <Stack gap="sm">
      <Anchor component={Link} to={lastListHref()} size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} aria-hidden />
          {t('requests.view.back')}
        </Group>
      </Anchor>
      <QueryState query={query}>{(request) => <RequestWorkspace key={request.id} request={request} me={me} />}</QueryState>
    </Stack>
  );
}

/** The list the user came from (its filters), or the workspace. */
function lastListHref(): string {
  try {
    return sessionStorage.getItem('relais.queue.href') ?? '/demandes';
  } catch {
    return '/demandes';
  }
}
