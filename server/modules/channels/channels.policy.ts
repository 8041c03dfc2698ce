import type { ActorRole } from '../../../common/roles.ts';
import type { Kdb } from '../../db/database.ts';
import type { Scope } from '../../platform/actor.ts';
import { ANY_MEMBER, definePolicy } from '../../platform/authz.ts';
import { registerLoader } from '../../platform/loaders.ts';
import { tenant } from '../../platform/tenancy.ts';

/** Everyone but the DPO (read-only): they join, post, mark read. */
export const CHAT_WRITERS: readonly ActorRole[] = [
  'requester',
  'assistant',
  'coordinator',
  'org_admin',
  'external_agent',
  'executive',
  'operator',
];
/** Moderate any channel: manage it, delete any message (kept in history). */
export const MODERATORS: readonly ActorRole[] = ['coordinator', 'org_admin', 'operator'];

/**
 * Role-level rules; who may SEE a channel (public / private / requester's site) is checked in the
 * service and answers 404 (channels.visibility.ts). `party`: the channel's owners; `self`: a message's author.
 */
export const channelsPolicy = definePolicy({
  'channel.read': ANY_MEMBER,
  'channel.create': [{ roles: ['assistant', 'coordinator', 'org_admin', 'operator'] }],
  'channel.update': [{ roles: MODERATORS }, { roles: CHAT_WRITERS, when: 'party' }],
  'channel.members': [{ roles: MODERATORS }, { roles: CHAT_WRITERS, when: 'party' }],
  'channel.join': [{ roles: CHAT_WRITERS }],
  'channel.leave': [{ roles: CHAT_WRITERS }],
  'channel.post': [{ roles: CHAT_WRITERS }],
  'channel.mark_read': [{ roles: CHAT_WRITERS }],
  'message.update': [{ roles: CHAT_WRITERS, when: 'self' }],
  'message.delete': [{ roles: MODERATORS }, { roles: CHAT_WRITERS, when: 'self' }],
  /** History (also of deleted messages): the author, moderators and the DPO (audit). */
  'message.revisions': [{ roles: [...MODERATORS, 'dpo'] }, { roles: CHAT_WRITERS, when: 'self' }],
});

export const CHANNEL_ACTIONS = ['channel.update', 'channel.members', 'channel.join', 'channel.leave', 'channel.post'] as const;
export const MESSAGE_ACTIONS = ['message.update', 'message.delete', 'message.revisions'] as const;

/** A channel as the policy sees it: its site, and its owners as parties. */
export async function loadChannelSubject(db: Kdb, scope: Scope, id: string) {
  const row = await tenant.selectFrom(db, scope, 'channels').select(['id', 'site_id']).where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const owners = await tenant
    .selectFrom(db, scope, 'channel_members')
    .select('user_id')
    .where('channel_id', '=', id)
    .where('role', '=', 'owner')
    .execute();
  return { siteId: row.site_id, parties: owners.map((o) => o.user_id) };
}

/** A message as the policy sees it: its author (`self`). */
export async function loadMessageSubject(db: Kdb, scope: Scope, id: string) {
  const row = await tenant.selectFrom(db, scope, 'messages').select('author_id').where('id', '=', id).executeTakeFirst();
  return row ? { userId: row.author_id } : undefined;
}

registerLoader('channel', loadChannelSubject);
registerLoader('message', loadMessageSubject);
