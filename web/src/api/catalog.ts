import { useMutation } from '@tanstack/react-query';
import { api } from './client.ts';
import { type Collection, useCollectionCreate, useCollectionList, useCollectionUpdate } from './crud.ts';
import { keys } from './keys.ts';
import type { CatalogService, ServiceCategory, ServiceInput, SlaPolicy, SlaSimulation } from './types.ts';

/** What the SLA simulator asks: a site, an ISO-8601 start with offset, a number of business minutes. */
export interface SimulateInput {
  siteId: string;
  start: string;
  minutes: number;
}

/** `GET /api/sla/simulate?siteId&start&minutes`: run on demand (a button), hence a mutation. */
export function useSimulateSla() {
  return useMutation({
    mutationFn: (query: SimulateInput) => api<SlaSimulation>('/sla/simulate', { query: { ...query } }),
  });
}

const POLICIES: Collection = { path: '/sla/policies', key: keys.slaPolicies };
type PolicyInput = Pick<SlaPolicy, 'name' | 'targets' | 'isDefault'>;
/** `GET /api/sla/policies`. */
export const useSlaPolicies = (enabled = true) => useCollectionList<SlaPolicy>(POLICIES, enabled);
/** `PATCH /api/sla/policies/:id` (with `version`). */
export const useUpdateSlaPolicy = () => useCollectionUpdate<SlaPolicy, PolicyInput>(POLICIES);

const CATEGORIES: Collection = { path: '/catalog/categories', key: keys.categories };
/** `GET /api/catalog/categories`. */
export const useCategories = () => useCollectionList<ServiceCategory>(CATEGORIES);

const SERVICES: Collection = { path: '/catalog/services', key: keys.services };
/** `GET /api/catalog/services` (requesters get only active services). */
export const useServices = () => useCollectionList<CatalogService>(SERVICES);
/** `POST /api/catalog/services`. */
export const useCreateService = () => useCollectionCreate<CatalogService, ServiceInput>(SERVICES);
/** `PATCH /api/catalog/services/:id` (with `version`). */
export const useUpdateService = () => useCollectionUpdate<CatalogService, ServiceInput>(SERVICES);
