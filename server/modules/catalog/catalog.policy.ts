import { ADMINS, ANY_MEMBER, definePolicy } from '../../platform/authz.ts';
import { registerLoader } from '../../platform/loaders.ts';
import { tenant } from '../../platform/tenancy.ts';

/** Everyone browses the catalogue; the key user (and the operator) designs it. */
export const catalogPolicy = definePolicy({
  'service.read': ANY_MEMBER,
  'service.create': ADMINS,
  'service.update': ADMINS,
  'service.delete': ADMINS,
  'category.read': ANY_MEMBER,
  'category.create': ADMINS,
  'category.update': ADMINS,
  'category.delete': ADMINS,
});

export const SERVICE_ACTIONS = ['service.update', 'service.delete'] as const;
export const CATEGORY_ACTIONS = ['category.update', 'category.delete'] as const;

registerLoader('service', (db, scope, id) =>
  tenant.selectFrom(db, scope, 'services').select('id').where('id', '=', id).executeTakeFirst(),
);
registerLoader('category', (db, scope, id) =>
  tenant.selectFrom(db, scope, 'service_categories').select('id').where('id', '=', id).executeTakeFirst(),
);
