import type { AuditFilters } from './types.ts';

/** Query keys in one place so invalidations stay consistent. */
export const keys = {
  me: ['me'] as const,
  setup: ['setup'] as const,
  sessions: ['me', 'sessions'] as const,
  tokens: ['me', 'tokens'] as const,
  organization: ['organization'] as const,
  overview: ['overview'] as const,
  sites: ['sites'] as const,
  site: (id: string) => ['sites', id] as const,
  closures: (id: string) => ['sites', id, 'closures'] as const,
  calendar: (id: string, year: number) => ['sites', id, 'calendar', year] as const,
  functions: ['functions'] as const,
  teams: ['teams'] as const,
  users: ['users'] as const,
  audit: (filters: AuditFilters) => ['audit', filters] as const,
  auditVerify: ['audit', 'verify'] as const,
  slaPolicies: ['sla', 'policies'] as const,
  categories: ['catalog', 'categories'] as const,
  services: ['catalog', 'services'] as const,
  platformOrgs: ['platform', 'organizations'] as const,
};
