import { definePolicy } from '../../platform/authz.ts';
import { registerLoader } from '../../platform/loaders.ts';
import { tenant } from '../../platform/tenancy.ts';

const ADMIN = [{ roles: ['org_admin', 'operator'] }] as const;
const READ = [{ roles: ['coordinator', 'org_admin', 'operator'] }] as const;

/** Administrators configure inbound mail and handle its quarantine; coordinators read both. */
export const mailPolicy = definePolicy({
  'mail_address.read': READ,
  'mail_address.create': ADMIN,
  'mail_address.update': ADMIN,
  'mail_address.delete': ADMIN,
  'mail_settings.read': READ,
  'mail_settings.update': ADMIN,
  'mail_inbound.read': READ,
  'mail_inbound.reprocess': ADMIN,
  'mail_inbound.delete': ADMIN,
  // IMAP mailboxes carry credentials: administrators only, even to read.
  'mail_imap.read': ADMIN,
  'mail_imap.create': ADMIN,
  'mail_imap.update': ADMIN,
  'mail_imap.delete': ADMIN,
  'mail_imap.test': ADMIN,
});

export const ADDRESS_ACTIONS = ['mail_address.update', 'mail_address.delete'] as const;
export const INBOUND_ACTIONS = ['mail_inbound.reprocess', 'mail_inbound.delete'] as const;
export const IMAP_ACTIONS = ['mail_imap.update', 'mail_imap.delete', 'mail_imap.test'] as const;

registerLoader('mail_address', (db, scope, id) =>
  tenant.selectFrom(db, scope, 'mail_addresses').select('id').where('id', '=', id).executeTakeFirst(),
);
registerLoader('mail_inbound', (db, scope, id) =>
  tenant.selectFrom(db, scope, 'inbound_messages').select('id').where('id', '=', id).executeTakeFirst(),
);
registerLoader('mail_imap', (db, scope, id) =>
  tenant.selectFrom(db, scope, 'imap_mailboxes').select('id').where('id', '=', id).executeTakeFirst(),
);
