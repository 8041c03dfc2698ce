import { Button, type ButtonProps } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { ConfirmDialog } from './ConfirmDialog.tsx';

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
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button color="red" variant="subtle" {...button} onClick={open}>
        {children}
      </Button>
      <ConfirmDialog opened={opened} onClose={close} message={message} confirmLabel={confirmLabel} onConfirm={onConfirm} />
    </>
  );
}
