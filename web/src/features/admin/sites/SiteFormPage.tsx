import { Card, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useMe } from '../../../api/me.ts';
import { useCreateSite, useDeleteSite, useSite, useUpdateSite } from '../../../api/sites.ts';
import type { Site, SiteInput } from '../../../api/types.ts';
import { ConfirmButton } from '../../../ui/ConfirmButton.tsx';
import { compact, useChecks, useForm } from '../../../ui/form.ts';
import { FormActions } from '../../../ui/FormActions.tsx';
import { ConflictNotice, FormError } from '../../../ui/FormAlerts.tsx';
import { Page } from '../../../ui/Page.tsx';
import { can, canOn } from '../../../ui/permissions.ts';
import { QueryState } from '../../../ui/QueryState.tsx';
import { BusinessHoursEditor } from './BusinessHoursEditor.tsx';
import { ClosuresPanel } from './ClosuresPanel.tsx';
import { HolidaysPanel } from './HolidaysPanel.tsx';
import { SimulateCard } from './SimulateCard.tsx';
import { checkHours, defaultHours } from './hours.ts';
import { SiteFields } from './SiteFields.tsx';

type Values = SiteInput & { version: number };

const toValues = (s?: Site | null): Values =>
  s
    ? {
        name: s.name,
        address: s.address,
        timezone: s.timezone,
        holidayRegion: s.holidayRegion,
        businessHours: s.businessHours,
        version: s.version,
      }
    : { name: '', address: '', timezone: 'Europe/Paris', holidayRegion: 'metropole', businessHours: defaultHours(), version: 0 };

function useSiteForm(site?: Site) {
  const { t } = useTranslation();
  const check = useChecks();
  return useForm<Values>(toValues(site), (v) => ({
    ...compact({ name: check.required(v.name), address: check.required(v.address), timezone: check.required(v.timezone) }),
    ...checkHours(v.businessHours, { required: t('validation.required'), order: t('validation.timeOrder') }),
  }));
}

function useSaveSite(site?: Site) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateSite();
  const update = useUpdateSite();
  const save = async ({ version, ...input }: Values) => {
    if (site) await update.mutateAsync({ id: site.id, version, ...input });
    else {
      const created = await create.mutateAsync(input);
      navigate(`/admin/sites/${created.id}`, { replace: true });
    }
    notifications.show({ message: site ? t('common.saved') : t('sites.created'), color: 'green' });
  };
  return { save, busy: create.isPending || update.isPending };
}

function SiteForm({ site }: { site?: Site }) {
  const { t } = useTranslation();
  const me = useMe().data;
  const form = useSiteForm(site);
  const { save, busy } = useSaveSite(site);
  const editable = site ? canOn(site, me, 'site.update') : can(me, 'site.create');
  // biome-ignore lint/correctness/useExhaustiveDependencies: reload when a newer version is loaded
  useEffect(() => form.reset(toValues(site)), [site?.version]);
  return (
    <form onSubmit={form.submit(save)} noValidate>
      <Stack gap="lg">
        <ConflictNotice current={form.conflict} onReload={(c) => form.reset(toValues(c as Site | null))} />
        <FormError message={form.formError} />
        <Card>
          <Title order={2} mb="md">
            {t('sites.general')}
          </Title>
          <SiteFields form={form} disabled={!editable} />
        </Card>
        <Card>
          <Title order={2}>{t('sites.hours.title')}</Title>
          <Text size="sm" c="dimmed" mb="sm">
            {t('sites.hours.help')}
          </Text>
          <BusinessHoursEditor
            value={form.values.businessHours}
            onChange={(v) => form.set('businessHours', v)}
            errors={form.errors}
            disabled={!editable}
          />
        </Card>
        {editable && <FormActions busy={busy} submitLabel={site ? t('common.save') : t('common.create')} />}
      </Stack>
    </form>
  );
}

function DeleteSite({ site }: { site: Site }) {
  const { t } = useTranslation();
  const me = useMe().data;
  const remove = useDeleteSite();
  const navigate = useNavigate();
  if (!canOn(site, me, 'site.delete')) return null;
  const confirm = async () => {
    await remove.mutateAsync(site.id);
    notifications.show({ message: t('sites.deleted'), color: 'green' });
    navigate('/admin/sites', { replace: true });
  };
  return (
    <ConfirmButton message={t('sites.deleteConfirm', { name: site.name })} confirmLabel={t('common.delete')} onConfirm={confirm}>
      {t('common.delete')}
    </ConfirmButton>
  );
}

/** `/admin/sites/nouveau`. */
export function NewSitePage() {
  const { t } = useTranslation();
  return (
    <Page title={t('sites.newTitle')} testId="page-admin-site-new">
      <SiteForm />
    </Page>
  );
}

/** `/admin/sites/:id`: details, weekly hours, closures and the year's public holidays. */
export function EditSitePage() {
  const { t } = useTranslation();
  const me = useMe().data;
  const { id = '' } = useParams();
  const site = useSite(id);
  return (
    <QueryState query={site}>
      {(data) => (
        <Page title={t('sites.editTitle', { name: data.name })} testId="page-admin-site" actions={<DeleteSite site={data} />}>
          <SiteForm site={data} />
          <ClosuresPanel site={data} />
          <HolidaysPanel siteId={data.id} />
          {can(me, 'sla.simulate') && <SimulateCard site={data} />}
        </Page>
      )}
    </QueryState>
  );
}
