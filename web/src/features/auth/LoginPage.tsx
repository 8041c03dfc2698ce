import { Anchor, Button, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { useLogin, useSetupStatus } from '../../api/auth.ts';
import { useMe } from '../../api/me.ts';
import { compact, useChecks, useForm } from '../../ui/form.ts';
import { FormError } from '../../ui/FormAlerts.tsx';
import { nextPath, Splash } from '../../ui/guards.tsx';
import { MfaStep } from './MfaStep.tsx';

function CredentialsStep({ onDone }: { onDone: (home: string, mfaRequired: boolean) => void }) {
  const { t } = useTranslation();
  const check = useChecks();
  const login = useLogin();
  const form = useForm({ email: '', password: '' }, (v) =>
    compact({ email: check.email(v.email), password: check.required(v.password) }),
  );
  const submit = form.submit(async (v) => {
    const res = await login.mutateAsync({ email: v.email.trim(), password: v.password });
    onDone(res.home, res.mfaRequired);
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <div>
          <Title order={1} size="h2">
            {t('auth.loginTitle')}
          </Title>
          <Text c="dimmed" size="sm" mt={4}>
            {t('auth.loginIntro')}
          </Text>
        </div>
        <FormError message={form.formError} />
        <TextInput
          label={t('auth.email')}
          type="email"
          autoComplete="username"
          required
          withAsterisk={false}
          {...form.text('email')}
        />
        <PasswordInput
          label={t('auth.password')}
          autoComplete="current-password"
          required
          withAsterisk={false}
          {...form.text('password')}
        />
        <Button type="submit" loading={login.isPending} fullWidth>
          {t('auth.submit')}
        </Button>
        <Anchor component={Link} to="/mot-de-passe-oublie" size="sm" ta="center">
          {t('auth.forgot')}
        </Anchor>
      </Stack>
    </form>
  );
}

/** `/connexion`: e-mail and password, then the 2FA code when the account has it. */
export function LoginPage() {
  const { t } = useTranslation();
  const me = useMe();
  const setup = useSetupStatus();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const [mfaHome, setMfaHome] = useState<string | null>(null);
  useEffect(() => {
    document.title = `${t('auth.loginTitle')} · ${t('app.name')}`;
  }, [t]);
  const done = (home: string) => navigate(nextPath(search, home), { replace: true });
  if (setup.data?.needsSetup) return <Navigate to="/installation" replace />;
  if (me.isPending) return <Splash />;
  if (me.data && !mfaHome) return <Navigate to={nextPath(search, me.data.home)} replace />;
  return (
    <div data-testid="page-login">
      {mfaHome === null ? (
        <CredentialsStep onDone={(home, mfa) => (mfa ? setMfaHome(home) : done(home))} />
      ) : (
        <MfaStep onDone={done} onBack={() => setMfaHome(null)} />
      )}
    </div>
  );
}
