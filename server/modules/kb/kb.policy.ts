import { ALL_ROLES, type ActorRole } from '../../../common/roles.ts';
import { ANY_MEMBER, definePolicy, STAFF_READ } from '../../platform/authz.ts';
import { registerLoader } from '../../platform/loaders.ts';
import { tenant } from '../../platform/tenancy.ts';

/** Who writes articles: the pool's staff and the outsourced directions. */
const WRITERS: readonly ActorRole[] = ['assistant', 'coordinator', 'org_admin', 'external_agent', 'operator'];
/** Who steers the knowledge base: review, publication, archiving, deletion, spaces. */
export const KB_MANAGERS: readonly ActorRole[] = ['coordinator', 'org_admin', 'operator'];
/** Staff roles: they see staff-only articles and every status (docs/api-contract.md). */
export const KB_STAFF: readonly ActorRole[] = [
  'assistant',
  'coordinator',
  'org_admin',
  'external_agent',
  'dpo',
  'executive',
  'operator',
];
const VOTERS = ALL_ROLES.filter((r) => r !== 'dpo');

/**
 * The knowledge base: every member reads (the audience of each article is then enforced in SQL), staff
 * write, the coordination reviews, publishes and archives. The DPO stays read-only (no votes, no views
 * counted). `kb.view` counts a view; it is sent in `allowedActions` like `kb.vote`.
 */
export const kbPolicy = definePolicy({
  'kb.read': ANY_MEMBER,
  'kb.create': [{ roles: WRITERS }],
  'kb.update': [{ roles: WRITERS }],
  'kb.review': [{ roles: KB_MANAGERS }],
  'kb.publish': [{ roles: KB_MANAGERS }],
  'kb.archive': [{ roles: KB_MANAGERS }],
  'kb.delete': [{ roles: KB_MANAGERS }],
  'kb.vote': [{ roles: VOTERS }],
  'kb.view': [{ roles: VOTERS }],
  'kb.space.manage': [{ roles: KB_MANAGERS }],
  // Revisions and diffs hold unpublished text: staff only.
  'kb.history': STAFF_READ,
});

/** Actions sent with an article so the UI shows only what the actor may do. */
export const KB_ARTICLE_ACTIONS = [
  'kb.update',
  'kb.review',
  'kb.publish',
  'kb.archive',
  'kb.delete',
  'kb.vote',
  'kb.view',
] as const;
export const KB_SPACE_ACTIONS = ['kb.space.manage', 'kb.create'] as const;

registerLoader('kbspace', (db, scope, id) =>
  tenant.selectFrom(db, scope, 'kb_spaces').select('id').where('id', '=', id).executeTakeFirst(),
);
registerLoader('kbarticle', (db, scope, id) =>
  tenant.selectFrom(db, scope, 'kb_articles').select('id').where('id', '=', id).executeTakeFirst(),
);
