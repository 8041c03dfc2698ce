import { Button, Card, Group, Stack, Switch, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../api/me.ts';
import { useOrganization, useUpdateOrganization } from '../../api/organization.ts';
import type { Organization } from '../../api/types.ts';
import { compact, useChecks, useForm } from '../../ui/form.ts';
import { ConflictNotice, FormError } from '../../ui/FormAlerts.tsx';
import { Page } from '../../ui/Page.tsx';
import { canOn } from '../../ui/permissions.ts';
import { QueryState } from '../../ui/QueryState.tsx';
import { AlertSettingsCard } from './AlertSettingsCard.tsx';
import { RequestSettingsCard } from './RequestSettingsCard.tsx';

function OrganizationForm({ org }: { org: Organization }) {
  const { t } = useTranslation();
  const check = useChecks();
  const me = useMe().data;
  const update = useUpdateOrganization();
  const editable = canOn(org, me, 'org.update');
  const initial = { name: org.name, requireMfaStaff: org.requireMfaStaff, version: org.version };
  const form = useForm(initial, (v) => compact({ name: check.required(v.name) }));
  // biome-ignore lint/correctness/useExhaustiveDependencies: reload the form when another version arrives
  useEffect(() => form.reset(initial), [org.version]);
  const submit = form.submit(async (v) => {
    await update.mutateAsync({ name: v.name.trim(), requireMfaStaff: v.requireMfaStaff, version: v.version });
    notifications.show({ message: t('common.saved'), color: 'green' });
  });
  const reload = (current: unknown) => {
    const c = current as Organization | null;
    if (c) form.reset({ name: c.name, requireMfaStaff: c.requireMfaStaff, version: c.version });
    notifications.show({ message: t('conflict.reloaded') });
  };
  return (
    <Card component="form" onSubmit={submit} noValidate maw={720}>
      <Stack gap="md">
        <ConflictNotice current={form.conflict} onReload={reload} />
        <FormError message={form.formError} />
        <TextInput label={t('orgSettings.name')} required disabled={!editable} {...form.text('name')} />
        <TextInput label={t('orgSettings.slug')} value={org.slug} readOnly variant="filled" />
        <Switch
          label={t('orgSettings.requireMfaStaff')}
          description={t('orgSettings.requireMfaStaffHelp')}
          checked={form.values.requireMfaStaff}
          onChange={(e) => form.set('requireMfaStaff', e.currentTarget.checked)}
          disabled={!editable}
          error={form.errors.requireMfaStaff}
        />
        {editable && (
          <Group justify="flex-end">
            <Button type="submit" loading={update.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}

/** `/admin/organisation`: name, the staff 2FA requirement, and how requests are numbered and prioritised. */
export function OrganizationPage() {
  const { t } = useTranslation();
  const me = useMe().data;
  const org = useOrganization();
  return (
    <Page title={t('orgSettings.title')} testId="page-admin-organization">
      <QueryState query={org}>
        {(data) => (
          <Stack gap="lg">
            <OrganizationForm org={data} />
            <RequestSettingsCard key={data.version} org={data} editable={canOn(data, me, 'org.update')} />
            <AlertSettingsCard />
          </Stack>
        )}
      </QueryState>
    </Page>
  );
}
