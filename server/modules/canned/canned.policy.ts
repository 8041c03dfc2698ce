import { definePolicy, STAFF_READ } from '../../platform/authz.ts';
import { registerLoader } from '../../platform/loaders.ts';
import { tenant } from '../../platform/tenancy.ts';
import { WORKERS } from '../requests/requests.policy.ts';

/** Staff read canned responses; coordinators and key users write them; those who answer requests render them. */
export const cannedPolicy = definePolicy({
  'canned.read': STAFF_READ,
  'canned.create': [{ roles: ['coordinator', 'org_admin', 'operator'] }],
  'canned.update': [{ roles: ['coordinator', 'org_admin', 'operator'] }],
  'canned.delete': [{ roles: ['coordinator', 'org_admin', 'operator'] }],
  'canned.render': [{ roles: WORKERS }],
});

export const CANNED_ACTIONS = ['canned.update', 'canned.delete', 'canned.render'] as const;

registerLoader('canned', (db, scope, id) =>
  tenant.selectFrom(db, scope, 'canned_responses').select('id').where('id', '=', id).executeTakeFirst(),
);
