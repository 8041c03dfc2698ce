import { Alert, Anchor, Button, Stack, TextInput } from '@mantine/core';
import { IconMailCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePasswordReset } from '../../api/auth.ts';
import { compact, useChecks, useForm } from '../../ui/form.ts';
import { FormError } from '../../ui/FormAlerts.tsx';
import { PublicTitle } from './PublicTitle.tsx';

/** `/mot-de-passe-oublie`: always the same confirmation, whether the account exists or not. */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const check = useChecks();
  const reset = usePasswordReset();
  const [sent, setSent] = useState(false);
  const form = useForm({ email: '' }, (v) => compact({ email: check.email(v.email) }));
  const submit = form.submit(async (v) => {
    await reset.mutateAsync(v.email.trim());
    setSent(true);
  });
  return (
    <Stack gap="md" data-testid="page-forgot-password">
      <PublicTitle title={t('auth.forgotTitle')} intro={sent ? undefined : t('auth.forgotIntro')} />
      {sent ? (
        <Alert color="indigo" variant="light" icon={<IconMailCheck aria-hidden />} role="status">
          {t('auth.forgotDone')}
        </Alert>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <FormError message={form.formError} />
            <TextInput
              label={t('auth.email')}
              type="email"
              autoComplete="email"
              required
              withAsterisk={false}
              {...form.text('email')}
            />
            <Button type="submit" loading={reset.isPending} fullWidth>
              {t('auth.forgotSubmit')}
            </Button>
          </Stack>
        </form>
      )}
      <Anchor component={Link} to="/connexion" size="sm" ta="center">
        {t('auth.backToLogin')}
      </Anchor>
    </Stack>
  );
}
