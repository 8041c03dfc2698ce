import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCategories, useServices, useSlaPolicies } from '../../api/catalog.ts';
import { useMe } from '../../api/me.ts';
import { useFunctions, useTeams } from '../../api/organization.ts';
import type { CatalogService, ServiceCategory } from '../../api/types.ts';
import { Page, Section } from '../../ui/Page.tsx';
import { can } from '../../ui/permissions.ts';
import { Empty, QueryState } from '../../ui/QueryState.tsx';
import { type Lookups, ServiceCard } from './ServiceCard.tsx';
import { SlaPoliciesSection } from './SlaPoliciesSection.tsx';

const byPosition = (a: { position: number }, b: { position: number }) => a.position - b.position;
const names = (items: { id: string; name: string }[] | undefined) => new Map((items ?? []).map((i) => [i.id, i.name]));

function useLookups(withPolicies: boolean): Lookups {
  const teams = useTeams().data?.items;
  const functions = useFunctions().data?.items;
  const policies = useSlaPolicies(withPolicies).data?.items;
  return { teams: names(teams), functions: names(functions), policies: names(policies) };
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

function Groups({ services, lookups }: { services: CatalogService[]; lookups: Lookups }) {
  const { t } = useTranslation();
  const groups = useGroups(services);
  if (groups.length === 0) return <Empty>{t('catalog.empty')}</Empty>;
  return groups.map(({ category, services: items }) => (
    <Section key={category.id || 'none'} title={category.name}>
      <Stack gap="md">
        {items.map((s) => (
          <ServiceCard key={s.id} service={s} lookups={lookups} />
        ))}
      </Stack>
    </Section>
  ));
}

/** `/catalogue`: the service catalogue, read-only, and the SLA contract for staff. */
export function CataloguePage() {
  const { t } = useTranslation();
  const me = useMe().data;
  const withPolicies = can(me, 'slapolicy.read');
  const services = useServices();
  const lookups = useLookups(withPolicies);
  return (
    <Page title={t('catalog.title')} testId="page-catalogue" description={t('catalog.intro')}>
      <QueryState query={services}>{(data) => <Groups services={data.items} lookups={lookups} />}</QueryState>
      {withPolicies && <SlaPoliciesSection />}
    </Page>
  );
}
