import type { ActorRole } from '../../../common/roles.ts';
import { definePolicy, STAFF_READ } from '../../platform/authz.ts';
import { registerLoader } from '../../platform/loaders.ts';
import { tenant } from '../../platform/tenancy.ts';

/** Who plans the pool's recurring work (coordinators, key users, the operator). */
const MANAGERS: readonly ActorRole[] = ['coordinator', 'org_admin', 'operator'];

/**
 * Recurring schedules: managed by those who organise the pool's work, read by the assistants who do it.
 * The planning view is for staff (its due requests are filtered by what each one may read).
 */
export const recurringPolicy = definePolicy({
  'recurring.read': [{ roles: ['assistant', ...MANAGERS] }],
  'recurring.create': [{ roles: MANAGERS }],
  'recurring.update': [{ roles: MANAGERS }],
  'recurring.delete': [{ roles: MANAGERS }],
  'planning.read': STAFF_READ,
});

export const RECURRING_ACTIONS = ['recurring.update', 'recurring.delete'] as const;

registerLoader('recurring', async (db, scope, id) => {
  const row = await tenant
    .selectFrom(db, scope, 'recurring_schedules')
    .select(['id', 'site_id'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? { siteId: row.site_id } : undefined;
});
