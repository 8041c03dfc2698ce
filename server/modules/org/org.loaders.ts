import { registerLoader } from '../../platform/loaders.ts';
import { tenant } from '../../platform/tenancy.ts';

/** How the auth hook finds `:id` of each resource inside the actor's organisation (else 404). */
registerLoader('site', async (db, scope, id) => {
  const row = await tenant.selectFrom(db, scope, 'sites').select('id').where('id', '=', id).executeTakeFirst();
  return row ? { siteId: row.id } : undefined;
});
registerLoader('function', async (db, scope, id) =>
  tenant.selectFrom(db, scope, 'functions').select('id').where('id', '=', id).executeTakeFirst(),
);
registerLoader('team', async (db, scope, id) =>
  tenant.selectFrom(db, scope, 'teams').select('id').where('id', '=', id).executeTakeFirst(),
);
registerLoader('user', async (db, scope, id) => {
  const row = await tenant
    .selectFrom(db, scope, 'memberships')
    .select(['user_id', 'site_id'])
    .where('user_id', '=', id)
    .executeTakeFirst();
  return row ? { userId: row.user_id, siteId: row.site_id } : undefined;
});
