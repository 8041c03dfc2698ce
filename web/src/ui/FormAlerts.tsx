import { Alert, Button, Group, Text } from '@mantine/core';
import { IconAlertCircle, IconRefresh } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/** Scrolls a newly shown alert into view (the submit button may be far below it). */
function useRevealed(key: string | null) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (key) ref.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [key]);
  return ref;
}

/** The form-level error (server message already in the user's language). */
export function FormError({ message }: { message: string | null }) {
  const { t } = useTranslation();
  const ref = useRevealed(message);
  if (!message) return null;
  return (
    <Alert
      ref={ref}
      color="red"
      variant="light"
      icon={<IconAlertCircle aria-hidden />}
      title={t('common.errorTitle')}
      role="alert"
    >
      {message}
    </Alert>
  );
}

interface ConflictProps {
  /** `undefined` while there is no conflict; otherwise the server's current object (may be null). */
  current: unknown;
  onReload: (current: unknown) => void;
}

/** 409 `version_conflict`: somebody saved first; offers to load the current state into the form. */
export function ConflictNotice({ current, onReload }: ConflictProps) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const ref = useRevealed(current === undefined ? null : 'conflict');
  if (current === undefined) return null;
  const reload = () => {
    onReload(current);
    void qc.invalidateQueries();
  };
  return (
    <Alert ref={ref} color="orange" variant="light" icon={<IconRefresh aria-hidden />} title={t('conflict.title')} role="alert">
      <Text size="sm" mb="sm" c="dark.7">
        {t('conflict.body')}
      </Text>
      <Group>
        <Button size="xs" variant="default" leftSection={<IconRefresh size={14} aria-hidden />} onClick={reload}>
          {t('conflict.reload')}
        </Button>
      </Group>
    </Alert>
  );
}
