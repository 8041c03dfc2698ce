import { Button, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useMfa } from '../../api/auth.ts';
import { compact, useForm } from '../../ui/form.ts';
import { FormError } from '../../ui/FormAlerts.tsx';

const CODE = /^(\d{6}|[A-Za-z0-9-]{8,24})$/;

/** Second login step: a TOTP code or a recovery code (`POST /api/auth/mfa`). */
export function MfaStep({ onDone, onBack }: { onDone: (home: string) => void; onBack: () => void }) {
  const { t } = useTranslation();
  const mfa = useMfa();
  const form = useForm({ code: '' }, (v) =>
    compact({ code: CODE.test(v.code.replace(/\s/g, '')) ? undefined : t('validation.code') }),
  );
  const submit = form.submit(async (v) => {
    const res = await mfa.mutateAsync(v.code.replace(/\s/g, ''));
    onDone(res.home);
  });
  return (
    <form onSubmit={submit} noValidate data-testid="mfa-step">
      <Stack gap="md">
        <div>
          <Title order={1} size="h2">
            {t('auth.mfaTitle')}
          </Title>
          <Text c="dimmed" size="sm" mt={4}>
            {t('auth.mfaIntro')}
          </Text>
        </div>
        <FormError message={form.formError} />
        <TextInput
          label={t('auth.mfaCode')}
          autoComplete="one-time-code"
          inputMode="text"
          required
          withAsterisk={false}
          data-autofocus
          autoFocus
          {...form.text('code')}
        />
        <Button type="submit" loading={mfa.isPending} fullWidth>
          {t('auth.mfaSubmit')}
        </Button>
        <Button variant="subtle" onClick={onBack}>
          {t('auth.mfaBack')}
        </Button>
      </Stack>
    </form>
  );
}
