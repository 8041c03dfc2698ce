import { Button, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NewPasswordFields } from './NewPasswordFields.tsx';
import { Navigate, useNavigate } from 'react-router';
import { useSetup, useSetupStatus } from '../../api/auth.ts';
import { compact, useChecks, useForm } from '../../ui/form.ts';
import { FormError } from '../../ui/FormAlerts.tsx';
import { Splash } from '../../ui/guards.tsx';
import { PublicTitle } from './PublicTitle.tsx';

function useSetupForm() {
  const { t } = useTranslation();
  const check = useChecks();
  const setup = useSetup();
  const navigate = useNavigate();
  const form = useForm({ email: '', displayName: '', password: '', repeat: '' }, (v) =>
    compact({
      email: check.email(v.email),
      displayName: check.required(v.displayName),
      password: check.password(v.password),
      repeat: v.repeat !== v.password ? t('validation.passwordMismatch') : undefined,
    }),
  );
  const submit = form.submit(async ({ repeat: _r, ...v }) => {
    const res = await setup.mutateAsync({ ...v, email: v.email.trim(), displayName: v.displayName.trim() });
    navigate(res.home, { replace: true });
  });
  return { form, submit, setup };
}

/** `/installation`: first run, creates the platform operator (only while `needsSetup`). */
export function SetupPage() {
  const { t } = useTranslation();
  const status = useSetupStatus();
  const { form, submit, setup } = useSetupForm();
  if (status.isPending) return <Splash />;
  if (!status.data?.needsSetup && !setup.isSuccess) return <Navigate to="/connexion" replace />;
  return (
    <form onSubmit={submit} noValidate data-testid="page-setup">
      <Stack gap="md">
        <PublicTitle title={t('auth.setupTitle')} intro={t('auth.setupIntro')} />
        <FormError message={form.formError} />
        <TextInput
          label={t('auth.displayName')}
          autoComplete="name"
          required
          withAsterisk={false}
          {...form.text('displayName')}
        />
        <TextInput
          label={t('auth.email')}
          type="email"
          autoComplete="username"
          required
          withAsterisk={false}
          {...form.text('email')}
        />
        <NewPasswordFields passwordLabel={t('auth.password')} text={form.text} />
        <Button type="submit" loading={setup.isPending} fullWidth>
          {t('auth.setupSubmit')}
        </Button>
      </Stack>
    </form>
  );
}
