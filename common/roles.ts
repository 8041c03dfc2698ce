/** Roles a membership can hold inside an organisation. `operator` is platform-wide (users.is_operator). */
export const ROLES = ['requester', 'assistant', 'coordinator', 'org_admin', 'external_agent', 'dpo', 'executive'] as const;
export type Role = (typeof ROLES)[number];
export type ActorRole = Role | 'operator';
export const ALL_ROLES: readonly ActorRole[] = [...ROLES, 'operator'];

/** Staff roles: the ones an organisation can force to use two-factor authentication. */
export const STAFF_ROLES: readonly Role[] = ['assistant', 'coordinator', 'org_admin', 'external_agent', 'dpo', 'executive'];

export const TEAM_MODELS = ['shared_pool', 'dedicated', 'outsourced'] as const;
export type TeamModel = (typeof TEAM_MODELS)[number];

/** Holiday regions as date-holidays knows them (FR + state/region codes). */
export const HOLIDAY_REGIONS = ['metropole', '57', '67', '68', 'GP', 'MQ', 'GF', 'RE', 'YT'] as const;
export type HolidayRegion = (typeof HOLIDAY_REGIONS)[number];

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Landing page of each role in the web app. */
export const ROLE_HOME: Record<ActorRole, string> = {
  requester: '/accueil',
  assistant: '/equipe',
  coordinator: '/equipe',
  org_admin: '/admin',
  external_agent: '/prestataire',
  dpo: '/audit',
  executive: '/direction',
  operator: '/plateforme',
};
