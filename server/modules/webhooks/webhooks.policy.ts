import { ADMINS, definePolicy } from '../../platform/authz.ts';
import { registerLoader } from '../../platform/loaders.ts';
import { tenant } from '../../platform/tenancy.ts';

/** Administrators manage webhooks (they hold signing secrets and reach outside); coordinators read the log. */
export const webhooksPolicy = definePolicy({
  'webhook.read': [{ roles: ['coordinator', 'org_admin', 'operator'] }],
  'webhook.manage': ADMINS,
});

export const WEBHOOK_ACTIONS = ['webhook.manage'] as const;

registerLoader('webhook', (db, scope, id) =>
  tenant.selectFrom(db, scope, 'webhooks').select('id').where('id', '=', id).executeTakeFirst(),
);
registerLoader('webhookdelivery', (db, scope, id) =>
  tenant.selectFrom(db, scope, 'webhook_deliveries').select('id').where('id', '=', id).executeTakeFirst(),
);
