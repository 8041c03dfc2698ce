import { Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDecideApproval } from '../../../api/requests.ts';
import type { RequestItem } from '../../../api/types.ts';
import { useNotifyError } from '../view/useRequestActions.ts';

/** Approve in one click, or refuse with an optional reason (shown to the requester). */
export function ApprovalButtons({ request }: { request: Pick<RequestItem, 'id' | 'reference'> }) {
  const { t } = useTranslation();
  const decide = useDecideApproval(request.id);
  const notifyError = useNotifyError();
  const [refusing, setRefusing] = useState(false);
  const [comment, setComment] = useState('');
  const send = async (approve: boolean) => {
    try {
      await decide.mutateAsync({ approve, comment: comment.trim() || undefined });
      notifications.show({ message: approve ? t('requests.mine.approved') : t('requests.mine.rejected'), color: 'green' });
      setRefusing(false);
    } catch (e) {
      notifyError(e);
    }
  };
  return (
    <Group gap="sm">
      <Button
        size="xs"
        color="#1e6b2f"
        leftSection={<IconCheck size={14} aria-hidden />}
        onClick={() => void send(true)}
        loading={decide.isPending && !refusing}
        aria-label={t('requests.mine.approveLabel', { reference: request.reference })}
      >
        {t('requests.mine.approve')}
      </Button>
      <Button
        size="xs"
        variant="default"
        leftSection={<IconX size={14} aria-hidden />}
        onClick={() => setRefusing(true)}
        aria-label={t('requests.mine.rejectLabel', { reference: request.reference })}
      >
        {t('requests.mine.reject')}
      </Button>
      <Modal
        opened={refusing}
        onClose={() => setRefusing(false)}
        title={t('requests.mine.rejectLabel', { reference: request.reference })}
      >
        <Stack gap="md">
          <Textarea
            label={t('requests.mine.rejectReason')}
            value={comment}
            onChange={(e) => setComment(e.currentTarget.value)}
            autosize
            minRows={2}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setRefusing(false)}>
              {t('common.cancel')}
            </Button>
            <Button color="red.9" onClick={() => void send(false)} loading={decide.isPending}>
              {t('requests.mine.reject')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Group>
  );
}
