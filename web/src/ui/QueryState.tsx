import { Alert, Button, Center, Loader, Text } from '@mantine/core';
import { IconAlertCircle, IconShieldLock } from '@tabler/icons-react';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError } from '../api/client.ts';
import { useMe } from '../api/me.ts';

/** Centered spinner with an accessible label. */
export function Loading() {
  const { t } = useTranslation();
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Loader size="md" aria-hidden />
      <Text ml="sm" c="dimmed" size="sm">
        {t('common.loading')}
      </Text>
    </Center>
  );
}

/** Error box with the server's message and a retry button. */
export function ErrorBox({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const forbidden = isApiError(error) && error.status === 403;
  if (isApiError(error) && error.code === 'mfa_enrolment_required') return <MfaRequiredBox message={error.message} />;
  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconAlertCircle aria-hidden />}
      title={forbidden ? t('errors.forbiddenTitle') : t('common.errorTitle')}
      role="alert"
    >
      <Text size="sm">{isApiError(error) ? error.message : t('common.errorTitle')}</Text>
      {onRetry && !forbidden && (
        <Button mt="sm" size="xs" variant="default" onClick={onRetry}>
          {t('common.retry')}
        </Button>
      )}
    </Alert>
  );
}

/** 403 `mfa_enrolment_required`: the organisation demands 2FA before any work. */
function MfaRequiredBox({ message }: { message: string }) {
  const { t } = useTranslation();
  const bannerShown = !!useMe().data?.mfaEnrolmentRequired;
  if (bannerShown) return <Empty>{message}</Empty>;
  return (
    <Alert color="orange" variant="light" icon={<IconShieldLock aria-hidden />} title={t('mfaAlert.title')} role="alert">
      <Text size="sm">{message}</Text>
      <Button component={Link} to="/profil#double-authentification" mt="sm" size="xs">
        {t('mfaAlert.action')}
      </Button>
    </Alert>
  );
}

/** Renders a query: spinner while loading, error box on failure, children with the data otherwise. */
export function QueryState<T>({ query, children }: { query: UseQueryResult<T>; children: (data: T) => ReactNode }) {
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorBox error={query.error} onRetry={() => void query.refetch()} />;
  return <>{children(query.data)}</>;
}

/** Quiet placeholder for empty lists. */
export function Empty({ children }: { children: ReactNode }) {
  return (
    <Text c="dimmed" size="sm" py="md">
      {children}
    </Text>
  );
}
