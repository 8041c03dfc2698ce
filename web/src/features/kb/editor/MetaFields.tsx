import { Card, MultiSelect, Radio, Select, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../../api/catalog.ts';
import { useKbSpaces } from '../../../api/kb.ts';
import { KB_TYPES, type KbType } from '../../../api/kb-types.ts';
import { useTeams } from '../../../api/organization.ts';
import { useSites } from '../../../api/sites.ts';
import { DateField } from '../../../ui/DateField.tsx';
import { usePeople, WORKER_ROLES } from '../../requests/shared/lookups.ts';
import type { ArticleForm, AudienceKind } from './useArticleForm.ts';

const AUDIENCES: AudienceKind[] = ['requesters', 'staff', 'teams'];

/** Who may read the article: requesters (all or some sites), the pool only, or some teams. */
function AudienceFields({ form }: { form: ArticleForm }) {
  const { t } = useTranslation();
  const sites = useSites().data?.items ?? [];
  const teams = useTeams().data?.items ?? [];
  const v = form.values;
  return (
    <Stack gap="xs">
      <Radio.Group
        label={t('kb.audience.label')}
        value={v.audienceKind}
        onChange={(k) => form.set('audienceKind', k as AudienceKind)}
      >
        <Stack gap={6} mt={4}>
          {AUDIENCES.map((k) => (
            <Radio key={k} value={k} label={t(`kb.audience.${k}`)} />
          ))}
        </Stack>
      </Radio.Group>
      {v.audienceKind === 'requesters' && (
        <Radio.Group
          label={t('kb.audience.sitesScope')}
          value={v.siteScope}
          onChange={(s) => form.set('siteScope', s as 'all' | 'some')}
          pl="md"
        >
          <Stack gap={6} mt={4}>
            <Radio value="all" label={t('kb.audience.allSites')} />
            <Radio value="some" label={t('kb.audience.someSites')} />
          </Stack>
        </Radio.Group>
      )}
      {v.audienceKind === 'requesters' && v.siteScope === 'some' && (
        <MultiSelect
          pl="md"
          label={t('kb.audience.sites')}
          placeholder={v.siteIds.length ? undefined : t('kb.audience.sitesPlaceholder')}
          data={sites.map((s) => ({ value: s.id, label: s.name }))}
          value={v.siteIds}
          onChange={(ids) => form.set('siteIds', ids)}
          error={form.errors.siteIds ?? form.errors['audience.siteIds']}
          searchable
        />
      )}
      {v.audienceKind === 'teams' && (
        <MultiSelect
          pl="md"
          label={t('kb.audience.teamsField')}
          placeholder={v.teamIds.length ? undefined : t('kb.audience.teamsPlaceholder')}
          data={teams.map((s) => ({ value: s.id, label: s.name }))}
          value={v.teamIds}
          onChange={(ids) => form.set('teamIds', ids)}
          error={form.errors.teamIds ?? form.errors['audience.teamIds']}
          searchable
        />
      )}
    </Stack>
  );
}

/** The side card of the editor: type, space, audience, linked services, owner and next review date. */
export function MetaFields({ form }: { form: ArticleForm }) {
  const { t } = useTranslation();
  const spaces = useKbSpaces().data?.items ?? [];
  const services = useServices().data?.items ?? [];
  const people = (usePeople().data ?? []).filter((p) => WORKER_ROLES.includes(p.role));
  const v = form.values;
  return (
    <Card padding="md" component="section" aria-labelledby="kb-meta-title">
      <Stack gap="sm">
        <Title order={2} size="h5" id="kb-meta-title">
          {t('kb.editor.meta')}
        </Title>
        <Select
          label={t('kb.editor.type')}
          data={KB_TYPES.map((k) => ({ value: k, label: t(`kb.types.${k}`) }))}
          value={v.type}
          onChange={(k) => k && form.set('type', k as KbType)}
          allowDeselect={false}
        />
        <Select
          label={t('kb.editor.space')}
          placeholder={t('kb.editor.spacePlaceholder')}
          data={spaces.map((s) => ({ value: s.id, label: s.name }))}
          value={v.spaceId || null}
          onChange={(id) => form.set('spaceId', id ?? '')}
          error={form.errors.spaceId}
          required
          allowDeselect={false}
        />
        <AudienceFields form={form} />
        <MultiSelect
          label={t('kb.editor.services')}
          description={t('kb.editor.servicesHelp')}
          placeholder={v.serviceIds.length ? undefined : t('kb.editor.servicesPlaceholder')}
          data={services.map((s) => ({ value: s.id, label: s.name }))}
          value={v.serviceIds}
          onChange={(ids) => form.set('serviceIds', ids)}
          error={form.errors.serviceIds}
          searchable
          data-testid="kb-services-field"
        />
        <Select
          label={t('kb.editor.owner')}
          description={t('kb.editor.ownerHelp')}
          placeholder={t('kb.editor.ownerPlaceholder')}
          data={people.map((p) => ({ value: p.id, label: p.displayName }))}
          value={v.ownerId}
          onChange={(id) => form.set('ownerId', id)}
          error={form.errors.ownerId}
          searchable
          clearable
        />
        <DateField label={t('kb.editor.reviewAt')} {...form.field('reviewAt')} />
      </Stack>
    </Card>
  );
}
