import { Alert, Anchor, Button, Stack } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NewPasswordFields } from './NewPasswordFields.tsx';
import { Link, useSearchParams } from 'react-router';
import { usePasswordResetConfirm } from '../../api/auth.ts';
import { compact, useChecks, useForm } from '../../ui/form.ts';
import { FormError } from '../../ui/FormAlerts.tsx';
import { PublicTitle } from './PublicTitle.tsx';

function ResetForm({ token, onDone }: { token: string; onDone: () => void }) {
  const { t } = useTranslation();
  const check = useChecks();
  const confirm = usePasswordResetConfirm();
  const form = useForm({ password: '', repeat: '' }, (v) =>
    compact({
      password: check.password(v.password),
      repeat: v.repeat !== v.password ? t('validation.passwordMismatch') : undefined,
    }),
  );
  const submit = form.submit(async (v) => {
    await confirm.mutateAsync({ token, password: v.password });
    onDone();
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormError message={form.formError ?? form.errors.token ?? null} />
        <NewPasswordFields passwordLabel={t('auth.newPassword')} text={form.text} />
        <Button type="submit" loading={confirm.isPending} fullWidth>
          {t('auth.resetSubmit')}
        </Button>
      </Stack>
    </form>
  );
}

/** `/reinitialisation?token=…`: choose a new password twice. */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  const [search] = useSearchParams();
  const token = search.get('token') ?? '';
  const [done, setDone] = useState(false);
  const pending = !!token && !done;
  return (
    <Stack gap="md" data-testid="page-reset-password">
      <PublicTitle title={t('auth.resetTitle')} intro={pending ? t('auth.resetIntro') : undefined} />
      {!token && (
        <Alert color="red" variant="light" role="alert">
          {t('auth.resetNoToken')}
        </Alert>
      )}
      {done && (
        <Alert color="green" variant="light" icon={<IconCircleCheck aria-hidden />} role="status">
          {t('auth.resetDone')}
        </Alert>
      )}
      {pending && <ResetForm token={token} onDone={() => setDone(true)} />}
      <Anchor component={Link} to={pending ? '/mot-de-passe-oublie' : '/connexion'} size="sm" ta="center">
        {pending ? t('auth.forgotTitle') : t('auth.backToLogin')}
      </Anchor>
    </Stack>
  );
}
