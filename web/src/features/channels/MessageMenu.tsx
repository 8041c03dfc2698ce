import { ActionIcon, Menu } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconDots, IconEdit, IconFilePlus, IconHistory, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { type Channel, type ChatMessage, useMessageWrite } from '../../api/channels.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { ToRequestDialog } from './extras.tsx';
import { RevisionsModal } from './RevisionsModal.tsx';

interface Props {
  message: ChatMessage;
  channel: Channel;
  onEdit: () => void;
}

/** The actions the server allows on a message: modifier, supprimer (confirmed), historique, créer une demande. */
export function MessageMenu({ message, channel, onEdit }: Props) {
  const { t } = useTranslation();
  const [deleting, del] = useDisclosure(false);
  const [history, hist] = useDisclosure(false);
  const [converting, conv] = useDisclosure(false);
  const { remove } = useMessageWrite(channel.id);
  const can = (a: string) => message.allowedActions.includes(a);
  const toRequest = can('message.to_request') && !message.request;
  if (!can('message.update') && !can('message.delete') && !can('message.revisions') && !toRequest) return null;
  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <ActionIcon variant="subtle" color="gray" aria-label={t('channels.messages.actions')} data-testid="message-menu">
            <IconDots size={18} aria-hidden />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          {can('message.update') && (
            <Menu.Item leftSection={<IconEdit size={14} aria-hidden />} onClick={onEdit}>
              {t('channels.messages.edit')}
            </Menu.Item>
          )}
          {can('message.revisions') && (
            <Menu.Item leftSection={<IconHistory size={14} aria-hidden />} onClick={hist.open}>
              {t('channels.messages.history')}
            </Menu.Item>
          )}
          {toRequest && (
            <Menu.Item leftSection={<IconFilePlus size={14} aria-hidden />} onClick={conv.open}>
              {t('channels.messages.toRequest')}
            </Menu.Item>
          )}
          {can('message.delete') && (
            <Menu.Item color="red.9" leftSection={<IconTrash size={14} aria-hidden />} onClick={del.open}>
              {t('channels.messages.delete')}
            </Menu.Item>
          )}
        </Menu.Dropdown>
      </Menu>
      <ConfirmDialog
        opened={deleting}
        onClose={del.close}
        message={t('channels.messages.deleteConfirm')}
        confirmLabel={t('channels.messages.delete')}
        onConfirm={() => remove.mutateAsync(message.id)}
      />
      <RevisionsModal messageId={history ? message.id : null} onClose={hist.close} />
      {toRequest && <ToRequestDialog message={message} channel={channel} opened={converting} onClose={conv.close} />}
    </>
  );
}
