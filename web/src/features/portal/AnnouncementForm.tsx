import { Button, Checkbox, Group, MultiSelect, SimpleGrid, Stack, Tabs, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type Announcement, type AnnouncementInput, useAnnouncementWrites } from '../../api/portal.ts';
import type { Site } from '../../api/types.ts';
import { FormError } from '../../ui/FormAlerts.tsx';
import { type Errors, useChecks, useForm } from '../../ui/form.ts';
import { Markdown } from '../../ui/Markdown.tsx';
import { nowIn, wallIn, zonedIso } from '../../ui/zoned.ts';

interface Values {
  title: string;
  body: string;
  siteIds: string[];
  /** `YYYY-MM-DDTHH:MM` in the writer's site zone (datetime-local). */
  startsAt: string;
  endsAt: string;
  pinned: boolean;
}

const local = (iso: string | null, zone: string) => {
  if (!iso) return '';
  const w = wallIn(iso, zone);
  return `${w.date}T${w.time}`;
};
const toIso = (value: string, zone: string) => {
  const [date, time] = value.split('T');
  return date && time ? zonedIso(date, time.slice(0, 5), zone) : undefined;
};

/** Create or edit an announcement: title, Markdown body with preview, sites ([] = all), window, pinned. */
export function AnnouncementForm({
  item,
  sites,
  zone,
  onDone,
}: {
  item: Announcement | null;
  sites: Site[];
  zone: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const checks = useChecks();
  const { create, update } = useAnnouncementWrites();
  const now = nowIn(zone);
  const form = useForm<Values>(
    {
      title: item?.title ?? '',
      body: item?.body ?? '',
      siteIds: item?.siteIds ?? [],
      startsAt: item ? local(item.startsAt, zone) : `${now.date}T${now.time}`,
      endsAt: local(item?.endsAt ?? null, zone),
      pinned: item?.pinned ?? false,
    },
    (v): Errors => {
      const e: Errors = {};
      const title = checks.required(v.title);
      const body = checks.required(v.body);
      if (title) e.title = title;
      if (body) e.body = body;
      if (v.endsAt && v.startsAt && v.endsAt <= v.startsAt) e.endsAt = t('portal.manage.windowError');
      return e;
    },
  );
  const submit = form.submit(async (v) => {
    const input: AnnouncementInput = {
      title: v.title.trim(),
      body: v.body.trim(),
      siteIds: v.siteIds,
      startsAt: toIso(v.startsAt, zone),
      endsAt: v.endsAt ? (toIso(v.endsAt, zone) ?? null) : null,
      pinned: v.pinned,
    };
    if (item) await update.mutateAsync({ id: item.id, version: item.version, ...input });
    else await create.mutateAsync(input);
    onDone();
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormError message={form.formError ?? (form.conflict !== undefined ? t('portal.manage.conflict') : null)} />
        <TextInput label={t('portal.manage.titleField')} required maxLength={160} {...form.text('title')} data-autofocus />
        <Tabs defaultValue="write">
          <Tabs.List>
            <Tabs.Tab value="write">{t('portal.manage.write')}</Tabs.Tab>
            <Tabs.Tab value="preview">{t('portal.manage.preview')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="write" pt="xs">
            <Textarea
              label={t('portal.manage.body')}
              description={t('portal.manage.bodyHint')}
              required
              autosize
              minRows={4}
              maxLength={10000}
              {...form.text('body')}
            />
          </Tabs.Panel>
          <Tabs.Panel value="preview" pt="xs">
            <Markdown text={form.values.body} shift={2} />
          </Tabs.Panel>
        </Tabs>
        <MultiSelect
          label={t('portal.manage.sites')}
          description={t('portal.manage.sitesHint')}
          placeholder={form.values.siteIds.length ? undefined : t('portal.manage.allSites')}
          data={sites.map((s) => ({ value: s.id, label: s.name }))}
          value={form.values.siteIds}
          onChange={(v) => form.set('siteIds', v)}
          error={form.errors.siteIds}
          clearable
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput type="datetime-local" label={t('portal.manage.startsAt')} {...form.text('startsAt')} />
          <TextInput
            type="datetime-local"
            label={t('portal.manage.endsAt')}
            description={t('portal.manage.endsAtHint')}
            {...form.text('endsAt')}
          />
        </SimpleGrid>
        <Checkbox
          label={t('portal.manage.pinned')}
          checked={form.values.pinned}
          onChange={(e) => form.set('pinned', e.currentTarget.checked)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending || update.isPending}>
            {item ? t('common.save') : t('portal.manage.publish')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
