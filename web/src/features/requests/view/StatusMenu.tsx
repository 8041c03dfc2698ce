import { Button, Group, Menu, Modal, Stack, Textarea } from '@mantine/core';
import { IconCheck, IconChevronDown } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type RequestStatus, TRANSITIONS } from '../../../../../common/requests.ts';
import { useWorkflowAction } from '../../../api/requests.ts';
import type { RequestDetail } from '../../../api/types.ts';
import { useNotifyError } from './useRequestActions.ts';

const MENU_HIDDEN = new Set<RequestStatus>(['assigned', 'pending_approval', 'new', 'rejected']);

/** Cancelling asks for a reason (shown to the requester) and goes through `POST /cancel`. */
function CancelModal({ request, opened, onClose }: { request: RequestDetail; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const cancel = useWorkflowAction(request.id, 'cancel');
  const notifyError = useNotifyError();
  const [reason, setReason] = useState('');
  const confirm = async () => {
    try {
      await cancel.mutateAsync(reason.trim() || undefined);
      onClose();
    } catch (e) {
      notifyError(e);
    }
  };
  return (
    <Modal opened={opened} onClose={onClose} title={t('requests.moveTo.cancelled')}>
      <Stack gap="md">
        <Textarea
          label={t('requests.detail.cancelReason')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          autosize
          minRows={2}
          data-autofocus
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color="red.9" onClick={confirm} loading={cancel.isPending}>
            {t('requests.moveTo.cancelled')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** The allowed next statuses (common TRANSITIONS): « Résoudre » as a button, the others in a menu. */
export function StatusMenu({ request, onMove }: { request: RequestDetail; onMove: (status: RequestStatus) => void }) {
  const { t } = useTranslation();
  const [cancelling, setCancelling] = useState(false);
  const targets = TRANSITIONS[request.status].filter((s) => !MENU_HIDDEN.has(s));
  if (!request.allowedActions.includes('request.update') || targets.length === 0) return null;
  const quick = targets.includes('resolved') ? 'resolved' : targets.includes('closed') ? 'closed' : null;
  const pick = (s: RequestStatus) => (s === 'cancelled' ? setCancelling(true) : onMove(s));
  return (
    <Group gap="xs">
      {quick && (
        <Button color="#1e6b2f" leftSection={<IconCheck size={16} aria-hidden />} onClick={() => onMove(quick)}>
          {t(`requests.moveTo.${quick}`)}
        </Button>
      )}
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button variant="default" rightSection={<IconChevronDown size={14} aria-hidden />}>
            {t('requests.view.statusMenu')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {targets
            .filter((s) => s !== quick)
            .map((s) => (
              <Menu.Item key={s} onClick={() => pick(s)} color={s === 'cancelled' ? 'red' : undefined}>
                {t(`requests.moveTo.${s}`)}
              </Menu.Item>
            ))}
        </Menu.Dropdown>
      </Menu>
      <CancelModal request={request} opened={cancelling} onClose={() => setCancelling(false)} />
    </Group>
  );
}
