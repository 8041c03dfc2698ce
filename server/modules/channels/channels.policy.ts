import type { ActorRole } from '../../../common/roles.ts';
import type { Kdb } from '../../db/database.ts';
import type { Actor, Scope } from '../../platform/actor.ts';
import { ANY_MEMBER, definePolicy } from '../../platform/authz.ts';
import { registerLoader } from '../../platform/loaders.ts';
import { tenant } from '../../platform/tenancy.ts';
import { canSeeChannel } from './channels.visibility.ts';

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
  /** Turn a message into a request on someone's behalf: the staff who create requests for others. */
  'message.to_request': [{ roles: ['assistant', 'coordinator', 'org_admin'] }],
  /** Silence a channel one is a member of (members only, checked in the service). */
  'channel.mute': [{ roles: CHAT_WRITERS }],
});

export const CHANNEL_ACTIONS = ['channel.update', 'channel.members', 'channel.join', 'channel.leave', 'channel.post'] as const;
export const MESSAGE_ACTIONS = ['message.update', 'message.delete', 'message.revisions', 'message.to_request'] as const;

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

/**
 * A message as the policy sees it: its author (`self`). Undefined (404) when the actor may not read its
 * channel, so a private channel's message id answers 404 to outsiders, never 403.
 */
export async function loadMessageSubject(db: Kdb, scope: Scope, id: string, actor?: Actor) {
  const row = await tenant
    .selectFrom(db, scope, 'messages')
    .select(['author_id', 'channel_id'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row || !(await channelVisibleTo(db, scope, row.channel_id, actor))) return undefined;
  return { userId: row.author_id };
}

/** True when the actor may read the channel (no actor: a system caller, who sees everything). */
export async function channelVisibleTo(db: Kdb, scope: Scope, channelId: string, actor?: Actor): Promise<boolean> {
  if (!actor) return true;
  const channel = await tenant
    .selectFrom(db, scope, 'channels')
    .select(['kind', 'site_id', 'private'])
    .where('id', '=', channelId)
    .executeTakeFirst();
  if (!channel) return false;
  const member = await tenant
    .selectFrom(db, scope, 'channel_members')
    .select('id')
    .where('channel_id', '=', channelId)
    .where('user_id', '=', actor.userId)
    .executeTakeFirst();
  return canSeeChannel(actor, channel, !!member);
}

registerLoader('channel', loadChannelSubject);
registerLoader('message', loadMessageSubject);
