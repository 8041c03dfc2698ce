import { Button, Group, Modal, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client.ts';
import { FormError } from './FormAlerts.tsx';

interface Props {
  opened: boolean;
  onClose: () => void;
  message: string;
  confirmLabel: string;
  onConfirm: () => Promise<unknown>;
}

/** A confirmation dialog (from a menu item, or behind ConfirmButton); server errors shown inside. */
export function ConfirmDialog({ opened, onClose, message, confirmLabel, onConfirm }: Props) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
      onClose();
    } catch (e) {
      setError(isApiError(e) ? e.message : t('common.errorTitle'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened={opened} onClose={onClose} title={t('common.confirmTitle')}>
      <Text mb="md">{message}</Text>
      <FormError message={error} />
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={onClose}>
          {t('common.cancel')}
        </Button>
        <Button color="red.9" loading={busy} onClick={confirm}>
          {confirmLabel}
        </Button>
      </Group>
    </Modal>
  );
}
