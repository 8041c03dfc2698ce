import { Select, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { HOLIDAY_REGIONS, type HolidayRegion } from '../../../../../common/roles.ts';
import type { SiteInput } from '../../../api/types.ts';
import type { useForm } from '../../../ui/form.ts';

type SiteForm = ReturnType<typeof useForm<SiteInput & { version: number }>>;

function timeZones(current: string): string[] {
  const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : ['Europe/Paris'];
  return current && !all.includes(current) ? [current, ...all] : all;
}

/** Name, address, time zone (searchable) and holiday region (French labels). */
export function SiteFields({ form, disabled }: { form: SiteForm; disabled: boolean }) {
  const { t } = useTranslation();
  const zones = useMemo(() => timeZones(form.values.timezone), [form.values.timezone]);
  const regions = HOLIDAY_REGIONS.map((r) => ({ value: r, label: t(`regions.${r}`) }));
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
      <TextInput label={t('sites.name')} required disabled={disabled} {...form.text('name')} />
      <Select
        label={t('sites.region')}
        data={regions}
        value={form.values.holidayRegion}
        onChange={(v) => v && form.set('holidayRegion', v as HolidayRegion)}
        error={form.errors.holidayRegion}
        allowDeselect={false}
        required
        disabled={disabled}
      />
      <Textarea label={t('sites.address')} required autosize minRows={2} disabled={disabled} {...form.text('address')} />
      <Select
        label={t('sites.timezone')}
        placeholder={t('sites.timezoneSearch')}
        data={zones}
        value={form.values.timezone || null}
        onChange={(v) => form.set('timezone', v ?? '')}
        error={form.errors.timezone}
        searchable
        limit={60}
        nothingFoundMessage="—"
        required
        disabled={disabled}
      />
    </SimpleGrid>
  );
}
