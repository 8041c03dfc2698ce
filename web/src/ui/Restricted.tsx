import { Button, Stack, Text, Title } from '@mantine/core';
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet } from 'react-router';
import { useMe } from '../api/me.ts';
import type { Me } from '../api/types.ts';

/** A calm dead end: "restricted" or "not found", with a way home. */
export function DeadEnd({ title, text, testId }: { title: string; text: string; testId: string }) {
  const { t } = useTranslation();
  const me = useMe().data;
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);
  return (
    <Stack gap="md" py="xl" align="flex-start" data-testid={testId}>
      <Title order={1}>{title}</Title>
      <Text c="dimmed">{text}</Text>
      <Button component={Link} to={me?.home ?? '/'} variant="light">
        {t('errors.backHome')}
      </Button>
    </Stack>
  );
}

/** Renders the child routes only when `allowed(me)`; otherwise a "restricted" page. */
export function Restricted({ allowed, children }: { allowed: (me: Me) => boolean; children?: ReactNode }) {
  const { t } = useTranslation();
  const me = useMe().data;
  if (!me || !allowed(me))
    return <DeadEnd title={t('errors.forbiddenTitle')} text={t('errors.forbidden')} testId="page-forbidden" />;
  return children ?? <Outlet />;
}

/** Unknown address inside the app. */
export function NotFound() {
  const { t } = useTranslation();
  return <DeadEnd title={t('errors.notFoundTitle')} text={t('errors.notFound')} testId="page-not-found" />;
}
