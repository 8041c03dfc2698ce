import { Button, type ButtonProps, Group, Modal, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client.ts';
import { FormError } from './FormAlerts.tsx';

interface Props extends ButtonProps {
  /** Question shown in the dialog. */
  message: string;
  confirmLabel: string;
  onConfirm: () => Promise<unknown>;
  children: ReactNode;
  'aria-label'?: string;
}

/** A destructive action behind a confirmation dialog; server errors are shown inside the dialog. */
export function ConfirmButton({ message, confirmLabel, onConfirm, children, ...button }: Props) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
      close();
    } catch (e) {
      setError(isApiError(e) ? e.message : t('common.errorTitle'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button color="red" variant="subtle" {...button} onClick={open}>
        {children}
      </Button>
      <Modal opened={opened} onClose={close} title={t('common.confirmTitle')}>
        <Text mb="md">{message}</Text>
        <FormError message={error} />
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button color="red.9" loading={busy} onClick={confirm}>
            {confirmLabel}
          </Button>
        </Group>
      </Modal>
    </>
  );
}
