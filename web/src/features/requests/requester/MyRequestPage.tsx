import { Alert, Anchor, Badge, Button, Card, Grid, Group, Modal, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useLiveRefresh, useWatchRequest } from '../../../api/live.ts';
import { useMe } from '../../../api/me.ts';
import { useAddComment, useRequest, useWorkflowAction } from '../../../api/requests.ts';
import type { Me, RequestDetail } from '../../../api/types.ts';
import { Page } from '../../../ui/Page.tsx';
import { QueryState } from '../../../ui/QueryState.tsx';
import { STATUS_COLOR } from '../shared/badges.tsx';
import { FileDrop } from '../shared/FileDrop.tsx';
import { FormAnswers } from '../shared/FormAnswers.tsx';
import { useZoned } from '../shared/format.ts';
import { useLookups } from '../shared/lookups.ts';
import { Timeline } from '../shared/Timeline.tsx';
import { useUpload } from '../shared/upload.ts';
import { Attachments } from '../view/SidePanelParts.tsx';
import { useNotifyError } from '../view/useRequestActions.ts';
import { ApprovalButtons } from './ApprovalButtons.tsx';
import { usePlainState } from './plain.ts';
import { RequesterRatingCard } from '../../csat/RatingCards.tsx';

/** Cancel (while open) or reopen (once resolved, within the organisation's window), with an optional reason. */
function WorkflowButton({ request, action }: { request: RequestDetail; action: 'cancel' | 'reopen' }) {
  const { t } = useTranslation();
  const run = useWorkflowAction(request.id, action);
  const notifyError = useNotifyError();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const label = action === 'cancel' ? t('requests.detail.cancel') : t('requests.detail.reopen');
  const confirm = async () => {
    try {
      await run.mutateAsync(reason.trim() || undefined);
      notifications.show({
        message: action === 'cancel' ? t('requests.detail.cancelled') : t('requests.detail.reopened'),
        color: 'green',
      });
      setOpen(false);
    } catch (e) {
      notifyError(e);
    }
  };
  return (
    <>
      <Button
        variant={action === 'cancel' ? 'subtle' : 'light'}
        color={action === 'cancel' ? 'red' : undefined}
        onClick={() => setOpen(true)}
      >
        {label}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={label}>
        <Stack gap="md">
          {action === 'cancel' && <Text size="sm">{t('requests.detail.cancelConfirm')}</Text>}
          <Textarea
            label={action === 'cancel' ? t('requests.detail.cancelReason') : t('requests.detail.reopenReason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            autosize
            minRows={2}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </Button>
            <Button color={action === 'cancel' ? 'red.9' : undefined} onClick={confirm} loading={run.isPending}>
              {label}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

/** A message to the team, with files. */
function MessageBox({ request }: { request: RequestDetail }) {
  const { t } = useTranslation();
  const comment = useAddComment(request.id);
  const upload = useUpload();
  const notifyError = useNotifyError();
  const [text, setText] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const send = async () => {
    try {
      if (text.trim()) await comment.mutateAsync({ body: text.trim(), internal: false });
      if (await upload(request.id, files, false)) setFiles([]);
      setText('');
      notifications.show({ message: t('requests.detail.sent'), color: 'green' });
    } catch (e) {
      notifyError(e);
    }
  };
  return (
    <Card padding="md" component="section" aria-labelledby="message-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="message-title">
          {t('requests.detail.reply')}
        </Title>
        <Textarea
          aria-labelledby="message-title"
          placeholder={t('requests.detail.replyPlaceholder')}
          autosize
          minRows={3}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
        />
        <FileDrop files={files} onChange={setFiles} />
        <Group justify="flex-end">
          <Button
            onClick={send}
            loading={comment.isPending}
            disabled={!text.trim() && files.length === 0}
            leftSection={<IconSend size={16} aria-hidden />}
          >
            {t('requests.detail.send')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function Summary({ request }: { request: RequestDetail }) {
  const { t } = useTranslation();
  const plain = usePlainState();
  const zoned = useZoned();
  const open = !['resolved', 'closed', 'cancelled', 'rejected'].includes(request.status);
  return (
    <Card padding="md" component="section" aria-labelledby="state-title">
      <Stack gap={6}>
        <Group justify="space-between" gap="xs">
          <Title order={2} size="h4" id="state-title">
            {t('requests.detail.state')}
          </Title>
          <Badge variant="light" color={STATUS_COLOR[request.status]} tt="none" size="lg">
            {t(`requests.status.${request.status}`)}
          </Badge>
        </Group>
        <Text data-testid="plain-state">{plain(request)}</Text>
        {open && request.sla.resolutionDueAt && request.sla.state !== 'paused' && (
          <Text size="sm" c="dimmed">
            {t('requests.detail.expected', { date: zoned.dateTime(request.sla.resolutionDueAt, request.site?.timezone) })}
          </Text>
        )}
        <Group gap="sm" mt="xs">
          {request.allowedActions.includes('request.approve') && request.status === 'pending_approval' && (
            <ApprovalButtons request={request} />
          )}
          {request.status === 'resolved' && request.allowedActions.includes('request.reopen') && (
            <WorkflowButton request={request} action="reopen" />
          )}
          {open && request.allowedActions.includes('request.cancel') && <WorkflowButton request={request} action="cancel" />}
        </Group>
      </Stack>
    </Card>
  );
}

function Detail({ request, me }: { request: RequestDetail; me: Me }) {
  const { t } = useTranslation();
  const lookups = useLookups(false);
  const canWrite =
    request.allowedActions.includes('request.comment') && !['closed', 'cancelled', 'rejected'].includes(request.status);
  return (
    <Page
      title={request.title}
      testId="page-my-request"
      description={`${request.reference}${request.service ? ` · ${request.service.name}` : ''}`}
    >
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }} order={{ base: 2, md: 1 }}>
          <Stack gap="md">
            <Timeline request={request} lookups={lookups} meId={me.user.id} audience="requester" />
            {canWrite ? (
              <MessageBox request={request} />
            ) : (
              <Alert color="gray" variant="light">
                {t('requests.reply.closedHint')}
              </Alert>
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }} order={{ base: 1, md: 2 }}>
          <Stack gap="md">
            <Summary request={request} />
            <RequesterRatingCard request={request} />
            <Card padding="md" component="section" aria-labelledby="details-title">
              <Title order={2} size="h4" id="details-title" mb="xs">
                {t('requests.detail.details')}
              </Title>
              {request.description && (
                <Text size="sm" mb="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                  {request.description}
                </Text>
              )}
              <FormAnswers request={request} lookups={lookups} me={{ id: me.user.id, name: me.user.displayName }} />
              <Title order={3} size="h6" mt="md" mb={4}>
                {t('requests.timeline.attachments')}
              </Title>
              <Attachments request={request} />
            </Card>
          </Stack>
        </Grid.Col>
      </Grid>
    </Page>
  );
}

/** `/mes-demandes/:id`: where my request stands in plain French, the public exchanges, reply, cancel, reopen, approve. */
export function MyRequestPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const me = useMe().data as Me;
  useLiveRefresh(me.user.id);
  useWatchRequest(id);
  const query = useRequest(id);
  return (
    <Stack gap="sm">
      <Anchor component={Link} to="/mes-demandes" size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} aria-hidden />
          {t('requests.detail.back')}
        </Group>
      </Anchor>
      <QueryState query={query}>{(request) => <Detail request={request} me={me} />}</QueryState>
    </Stack>
  );
}
