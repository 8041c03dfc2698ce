import { Button, Group, PasswordInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useChangePassword, useUpdateMe } from '../../api/me.ts';
import type { Locale, Me } from '../../api/types.ts';
import { isLocale, LANGUAGES } from '../../i18n/index.ts';
import { compact, useChecks, useForm } from '../../ui/form.ts';
import { FormError } from '../../ui/FormAlerts.tsx';
import { ProfileCard } from './ProfileCard.tsx';

/** Display name and interface language (`PATCH /api/me`). */
export function IdentitySection({ me }: { me: Me }) {
  const { t, i18n } = useTranslation();
  const check = useChecks();
  const update = useUpdateMe();
  const form = useForm({ displayName: me.user.displayName, locale: me.user.locale as Locale }, (v) =>
    compact({ displayName: check.required(v.displayName) }),
  );
  const { set } = form;
  useEffect(() => set('locale', me.user.locale), [me.user.locale, set]);
  const submit = form.submit(async (v) => {
    await update.mutateAsync({ displayName: v.displayName.trim(), locale: v.locale });
    await i18n.changeLanguage(v.locale);
    notifications.show({ message: t('common.saved'), color: 'green' });
  });
  return (
    <ProfileCard id="identite" title={t('profile.identity')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <FormError message={form.formError} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('profile.email')} value={me.user.email} readOnly variant="filled" />
            <TextInput label={t('profile.displayName')} required autoComplete="name" {...form.text('displayName')} />
            <Select
              label={t('profile.language')}
              data={LANGUAGES.map((l) => ({ value: l, label: t(`languages.${l}`) }))}
              value={form.values.locale}
              onChange={(v) => isLocale(v) && form.set('locale', v)}
              allowDeselect={false}
            />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button type="submit" loading={update.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </ProfileCard>
  );
}

const EMPTY = { currentPassword: '', newPassword: '', repeat: '' };

/** Change password (`POST /api/me/password`). */
export function PasswordSection() {
  const { t } = useTranslation();
  const check = useChecks();
  const change = useChangePassword();
  const form = useForm(EMPTY, (v) =>
    compact({
      currentPassword: check.required(v.currentPassword),
      newPassword: check.password(v.newPassword),
      repeat: v.repeat !== v.newPassword ? t('validation.passwordMismatch') : undefined,
    }),
  );
  const submit = form.submit(async ({ currentPassword, newPassword }) => {
    await change.mutateAsync({ currentPassword, newPassword });
    form.reset(EMPTY);
    notifications.show({ message: t('profile.password.changed'), color: 'green' });
  });
  return (
    <ProfileCard id="mot-de-passe" title={t('profile.password.title')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <FormError message={form.formError} />
          <PasswordInput
            label={t('profile.password.current')}
            autoComplete="current-password"
            required
            {...form.text('currentPassword')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <PasswordInput label={t('profile.password.new')} autoComplete="new-password" required {...form.text('newPassword')} />
            <PasswordInput label={t('profile.password.confirm')} autoComplete="new-password" required {...form.text('repeat')} />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button type="submit" loading={change.isPending}>
              {t('profile.password.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </ProfileCard>
  );
}
