import { Badge, Button, Code, Group, Image, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconShieldLock } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTotpDisable, useTotpEnable, useTotpSetup } from '../../api/me.ts';
import type { Me, TotpSetup } from '../../api/types.ts';
import { compact, useChecks, useForm } from '../../ui/form.ts';
import { FormError } from '../../ui/FormAlerts.tsx';
import { ProfileCard } from './ProfileCard.tsx';
import { RecoveryCodes } from './RecoveryCodes.tsx';

function QrCode({ setup }: { setup: TotpSetup }) {
  const { t } = useTranslation();
  return (
    <Group align="flex-start" gap="lg">
      <Image
        src={setup.qrDataUrl}
        alt={t('profile.totp.qrAlt')}
        w={180}
        h={180}
        fit="contain"
        radius="sm"
        style={{ border: '1px solid var(--mantine-color-gray-3)' }}
      />
      <Stack gap={4} style={{ flex: '1 1 14rem', minWidth: 0 }}>
        <Text size="sm" fw={600}>
          {t('profile.totp.secret')}
        </Text>
        <Code block style={{ wordBreak: 'break-all' }} data-testid="totp-secret">
          {setup.secret}
        </Code>
      </Stack>
    </Group>
  );
}

/** Scan, then confirm with a first code (`POST /api/me/totp/enable`). */
function Enrol({ setup, onEnabled }: { setup: TotpSetup; onEnabled: (codes: string[]) => void }) {
  const { t } = useTranslation();
  const enable = useTotpEnable();
  const form = useForm({ code: '' }, (v) =>
    compact({ code: /^\d{6}$/.test(v.code.replace(/\s/g, '')) ? undefined : t('validation.code') }),
  );
  const submit = form.submit(async (v) => {
    const res = await enable.mutateAsync(v.code.replace(/\s/g, ''));
    notifications.show({ message: t('profile.totp.enabledNow'), color: 'green' });
    onEnabled(res.recoveryCodes);
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm">{t('profile.totp.scan')}</Text>
        <QrCode setup={setup} />
        <FormError message={form.formError} />
        <Group align="flex-end" gap="sm">
          <TextInput
            label={t('profile.totp.code')}
            autoComplete="one-time-code"
            inputMode="numeric"
            maxLength={7}
            required
            w={260}
            {...form.text('code')}
          />
          <Button type="submit" loading={enable.isPending}>
            {t('profile.totp.enable')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function Disable() {
  const { t } = useTranslation();
  const check = useChecks();
  const disable = useTotpDisable();
  const form = useForm({ password: '' }, (v) => compact({ password: check.required(v.password) }));
  const submit = form.submit(async (v) => {
    await disable.mutateAsync(v.password);
    form.reset({ password: '' });
    notifications.show({ message: t('profile.totp.disabledNow') });
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm" fw={600}>
          {t('profile.totp.disable')}
        </Text>
        <FormError message={form.formError} />
        <Group align="flex-end" gap="sm">
          <PasswordInput
            label={t('profile.password.current')}
            description={t('profile.totp.disableHelp')}
            autoComplete="current-password"
            required
            w={300}
            {...form.text('password')}
          />
          <Button type="submit" color="red" variant="light" loading={disable.isPending}>
            {t('profile.totp.disableSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** 2FA: enrol (QR code + secret + first code), recovery codes once, or disable with the password. */
export function TotpSection({ me }: { me: Me }) {
  const { t } = useTranslation();
  const setup = useTotpSetup();
  const [codes, setCodes] = useState<string[] | null>(null);
  const enabled = me.user.totpEnabled;
  const badge = (
    <Badge variant="dot" color={enabled ? 'green' : 'gray'} tt="none">
      {enabled ? t('profile.totp.enabled') : t('profile.totp.disabled')}
    </Badge>
  );
  let body = <Disable />;
  if (codes) body = <RecoveryCodes codes={codes} onDone={() => setCodes(null)} />;
  else if (!enabled && setup.data) body = <Enrol setup={setup.data} onEnabled={setCodes} />;
  else if (!enabled)
    body = (
      <Stack gap="sm" align="flex-start">
        <FormError message={setup.error?.message ?? null} />
        <Button leftSection={<IconShieldLock size={16} aria-hidden />} loading={setup.isPending} onClick={() => setup.mutate()}>
          {t('profile.totp.start')}
        </Button>
      </Stack>
    );
  return (
    <ProfileCard id="double-authentification" title={t('profile.totp.title')} intro={t('profile.totp.intro')} badge={badge}>
      {body}
    </ProfileCard>
  );
}
