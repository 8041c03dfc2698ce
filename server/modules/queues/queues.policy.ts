import { ALL_ROLES, type ActorRole } from '../../../common/roles.ts';
import { definePolicy, type Rule } from '../../platform/authz.ts';
import { registerLoader } from '../../platform/loaders.ts';
import { tenant } from '../../platform/tenancy.ts';
import { READERS } from '../requests/requests.policy.ts';

/** Who may share a queue with the whole staff (and edit the shared ones). */
const MANAGERS: readonly ActorRole[] = ['coordinator', 'org_admin', 'operator'];
/** Staff who may keep personal queues (the DPO only reads). */
const KEEPERS: readonly ActorRole[] = READERS.filter((r) => r !== 'dpo');
const manage: Rule[] = [
  { roles: KEEPERS, when: 'self' },
  { roles: MANAGERS, when: 'cleared' },
];

/**
 * Queues (saved views): a personal view is its owner's alone (`restricted` + `cleared: [owner]`); shared
 * views are read by all staff and managed by the coordination. Bulk actions are open at the route level
 * to everyone who may submit requests (not the read-only DPO): each item is authorized on its own.
 */
export const queuesPolicy = definePolicy({
  'view.read': [{ roles: READERS, when: 'cleared' }],
  'view.create': [{ roles: KEEPERS }],
  'view.update': manage,
  'view.delete': manage,
  'view.share': [{ roles: MANAGERS }],
  'request.bulk': [{ roles: ALL_ROLES.filter((r) => r !== 'dpo') }],
});

export const VIEW_ACTIONS = ['view.update', 'view.delete'] as const;

/** The authorization subject of a saved view: its owner, or nobody (shared). */
export function viewSubject(ownerId: string | null) {
  return { userId: ownerId, restricted: ownerId !== null, cleared: ownerId ? [ownerId] : [] };
}

registerLoader('view', async (db, scope, id) => {
  const row = await tenant
    .selectFrom(db, scope, 'saved_views')
    .select(['id', 'owner_id'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? { id: row.id, ...viewSubject(row.owner_id) } : undefined;
});
