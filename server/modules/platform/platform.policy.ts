import { definePolicy } from '../../platform/authz.ts';

/** The platform operator runs Relais for several client organisations (tenants). */
export const platformPolicy = definePolicy({
  'platform.org.read': [{ roles: ['operator'] }],
  'platform.org.create': [{ roles: ['operator'] }],
  'platform.org.update': [{ roles: ['operator'] }],
});
