import { ALL_ROLES, type ActorRole } from '../../../common/roles.ts';
import { ANY_MEMBER, definePolicy, STAFF_READ } from '../../platform/authz.ts';
import { registerLoader } from '../../platform/loaders.ts';
import { tenant } from '../../platform/tenancy.ts';

const WRITERS: readonly ActorRole[] = ['coordinator', 'org_admin', 'operator'];
/** Everyone who may file a request also leaves self-help traces while writing one (the DPO stays read-only). */
const SUBMITTERS: readonly ActorRole[] = ALL_ROLES.filter((r) => r !== 'dpo');

/**
 * The requester portal: every member reads the current announcements of their site; the coordination
 * writes them and staff see them all (scheduled, expired, every site). Deflection figures are read by
 * those who steer the service.
 */
export const portalPolicy = definePolicy({
  'portal.read': ANY_MEMBER,
  'announcement.read': ANY_MEMBER,
  'announcement.manage': STAFF_READ,
  'announcement.create': [{ roles: WRITERS }],
  'announcement.update': [{ roles: WRITERS }],
  'announcement.delete': [{ roles: WRITERS }],
  'deflection.record': [{ roles: SUBMITTERS }],
  'deflection.read': [{ roles: ['coordinator', 'org_admin', 'executive', 'operator'] }],
});

export const ANNOUNCEMENT_ACTIONS = ['announcement.update', 'announcement.delete'] as const;

registerLoader('announcement', (db, scope, id) =>
  tenant.selectFrom(db, scope, 'announcements').select('id').where('id', '=', id).executeTakeFirst(),
);
