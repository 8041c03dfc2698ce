import { Alert, Badge, Button, Group, Text } from '@mantine/core';
import { IconLock, IconRefresh, IconUserCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { RequestDetail } from '../../../api/types.ts';
import { PriorityBadge, SlaBadge, StatusBadge } from '../shared/badges.tsx';
import { SourceMessage } from './SourceMessage.tsx';

/** Status, priority, SLA, confidentiality and the assignee with « Attribuer » (shortcut a). */
export function Header({ request, onAssign }: { request: RequestDetail; onAssign: () => void }) {
  const { t } = useTranslation();
  const canAssign =
    request.allowedActions.includes('request.update') &&
    !['closed', 'cancelled', 'rejected', 'pending_approval'].includes(request.status);
  return (
    <Group gap="sm" align="center">
      <StatusBadge status={request.status} />
      <PriorityBadge priority={request.priority} />
      <SlaBadge request={request} />
      {request.confidentiality !== 'normal' && (
        <Badge variant="light" color="red" tt="none" leftSection={<IconLock size={12} aria-hidden />}>
          {t('requests.list.confidential')}
        </Badge>
      )}
      <Text size="sm" data-testid="assignee">
        {t('requests.view.assigneeLabel')} <strong>{request.assignee?.name ?? t('requests.list.unassigned')}</strong>
      </Text>
      {canAssign && (
        <Button size="xs" variant="light" leftSection={<IconUserCheck size={14} aria-hidden />} onClick={onAssign}>
          {t('requests.view.assign')}
        </Button>
      )}
      <SourceMessage request={request} />
    </Group>
  );
}
/** 409 `version_conflict`: someone saved first; the current version has been reloaded underneath. */
export function ConflictAlert({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert
      color="orange"
      variant="light"
      icon={<IconRefresh aria-hidden />}
      title={t('conflict.title')}
      role="alert"
      withCloseButton
      onClose={onClose}
      closeButtonLabel={t('common.close')}
    >
      {t('requests.view.conflict')}
    </Alert>
  );
}
