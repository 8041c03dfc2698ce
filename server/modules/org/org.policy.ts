import { ADMINS, ANY_MEMBER, definePolicy, STAFF_READ } from '../../platform/authz.ts';

/** Who may read and configure the organisation, its sites, functions, teams and members. */
export const orgPolicy = definePolicy({
  'org.read': ANY_MEMBER,
  'org.update': ADMINS,
  'overview.read': ANY_MEMBER,
  'site.read': ANY_MEMBER,
  'site.create': ADMINS,
  'site.update': ADMINS,
  'site.delete': ADMINS,
  // Local closures are known on site: the dedicated assistant of a site may declare them for that site only.
  'site.closures.write': [{ roles: ['org_admin', 'coordinator', 'operator'] }, { roles: ['assistant'], when: 'ownSite' }],
  'function.read': ANY_MEMBER,
  'function.create': ADMINS,
  'function.update': ADMINS,
  'function.delete': ADMINS,
  'team.read': ANY_MEMBER,
  'team.create': ADMINS,
  'team.update': ADMINS,
  'team.delete': ADMINS,
  'user.read': STAFF_READ,
  'user.create': ADMINS,
  'user.update': ADMINS,
  'user.delete': ADMINS,
});

export const SITE_ACTIONS = ['site.update', 'site.delete', 'site.closures.write'] as const;
export const FUNCTION_ACTIONS = ['function.update', 'function.delete'] as const;
export const TEAM_ACTIONS = ['team.update', 'team.delete'] as const;
export const USER_ACTIONS = ['user.update', 'user.delete'] as const;
