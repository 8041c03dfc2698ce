import { Button, Group, Stack } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCategories, useServices, useSlaPolicies } from '../../api/catalog.ts';
import { useMe } from '../../api/me.ts';
import { useFunctions, useTeams } from '../../api/organization.ts';
import type { CatalogService, ServiceCategory } from '../../api/types.ts';
import { EditModal, type Editing } from '../../ui/EditModal.tsx';
import { Page, Section } from '../../ui/Page.tsx';
import { can } from '../../ui/permissions.ts';
import { Empty, QueryState } from '../../ui/QueryState.tsx';
import { type Lookups, ServiceCard } from './ServiceCard.tsx';
import { ServiceForm, type ServiceOptions } from './ServiceForm.tsx';
import { SlaPoliciesSection } from './SlaPoliciesSection.tsx';

const byPosition = (a: { position: number }, b: { position: number }) => a.position - b.position;
const names = (items: { id: string; name: string }[] | undefined) => new Map((items ?? []).map((i) => [i.id, i.name]));

function useLookups(withPolicies: boolean): Lookups {
  const teams = useTeams().data?.items;
  const functions = useFunctions().data?.items;
  const policies = useSlaPolicies(withPolicies).data?.items;
  return useMemo(
    () => ({ teams: names(teams), functions: names(functions), policies: names(policies) }),
    [teams, functions, policies],
  );
}

/** Services grouped by category (categories in their order, then any service whose category is unknown). */
function useGroups(services: CatalogService[]) {
  const { t } = useTranslation();
  const categories = [...(useCategories().data?.items ?? [])].sort(byPosition);
  const known = new Set(categories.map((c) => c.id));
  const others: ServiceCategory = { id: '', name: t('catalog.uncategorized'), icon: '', position: 0, version: 0 };
  return [...categories, others]
    .map((c) => ({
      category: c,
      services: services.filter((s) => (c.id ? s.categoryId === c.id : !known.has(s.categoryId))).sort(byPosition),
    }))
    .filter((g) => g.services.length > 0);
}

const options = (map: Map<string, string>) => [...map].map(([value, label]) => ({ value, label }));

function useServiceOptions(lookups: Lookups): ServiceOptions {
  const categories = useCategories().data?.items;
  return useMemo(
    () => ({
      categories: [...(categories ?? [])].sort(byPosition).map((c) => ({ value: c.id, label: c.name })),
      teams: options(lookups.teams),
      functions: options(lookups.functions),
      policies: options(lookups.policies),
    }),
    [categories, lookups],
  );
}

type GroupsProps = { services: CatalogService[]; lookups: Lookups; onEdit: (s: CatalogService) => void };

function Groups({ services, lookups, onEdit }: GroupsProps) {
  const { t } = useTranslation();
  const groups = useGroups(services);
  if (groups.length === 0) return <Empty>{t('catalog.empty')}</Empty>;
  return groups.map(({ category, services: items }) => (
    <Section key={category.id || 'none'} title={category.name}>
      <Stack gap="md">
        {items.map((s) => (
          <ServiceCard key={s.id} service={s} lookups={lookups} onEdit={onEdit} />
        ))}
      </Stack>
    </Section>
  ));
}

/** `/catalogue`: the service catalogue (designed here by the key user: services and their forms) and the SLA contract. */
export function CataloguePage() {
  const { t } = useTranslation();
  const me = useMe().data;
  const withPolicies = can(me, 'slapolicy.read');
  const services = useServices();
  const lookups = useLookups(withPolicies);
  const serviceOptions = useServiceOptions(lookups);
  const [editing, setEditing] = useState<Editing<CatalogService>>(null);
  return (
    <Page title={t('catalog.title')} testId="page-catalogue" description={t('catalog.intro')}>
      {can(me, 'service.create') && (
        <Group>
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
            {t('catalog.editor.new')}
          </Button>
        </Group>
      )}
      <QueryState query={services}>{(data) => <Groups services={data.items} lookups={lookups} onEdit={setEditing} />}</QueryState>
      <EditModal
        editing={editing}
        onClose={() => setEditing(null)}
        titles={{ create: t('catalog.editor.new'), edit: t('catalog.editor.edit') }}
        size="xl"
      >
        {(service) => <ServiceForm service={service} options={serviceOptions} onDone={() => setEditing(null)} />}
      </EditModal>
      {withPolicies && <SlaPoliciesSection />}
    </Page>
  );
}
