import { ADMINS, definePolicy, STAFF_READ } from '../../platform/authz.ts';
import { registerLoader } from '../../platform/loaders.ts';
import { tenant } from '../../platform/tenancy.ts';

/** SLA tools read calendars only; staff use them (requesters see due dates on their requests instead). */
export const slaPolicy = definePolicy({
  'sla.simulate': STAFF_READ,
  // The SLA contract: formal commitments the executive and the pool read, the key user writes.
  'slapolicy.read': STAFF_READ,
  'slapolicy.create': ADMINS,
  'slapolicy.update': ADMINS,
  'slapolicy.delete': ADMINS,
});

registerLoader('slapolicy', (db, scope, id) =>
  tenant.selectFrom(db, scope, 'sla_policies').select('id').where('id', '=', id).executeTakeFirst(),
);
