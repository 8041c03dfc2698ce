import { type ExpressionBuilder, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Actor } from '../../platform/actor.ts';
import { actorRoles } from '../../platform/authz.ts';

/**
 * Who reads a channel (decided for issue 5): its members always; nobody else a private one; staff every
 * public one; requesters and external agents (not of the internal staff) only the public topic channels
 * and the public channel of their own site. Anyone else gets 404.
 */
export function restrictedReader(actor: Actor): boolean {
  const roles = actorRoles(actor);
  return !roles.some((r) => r !== 'requester' && r !== 'external_agent');
}

export interface ChannelLike {
  kind: string;
  site_id: string | null;
  private: boolean;
}

/** True when the actor may read this channel (`member`: the actor is one of its members). */
export function canSeeChannel(actor: Actor, channel: ChannelLike, member: boolean): boolean {
  if (member) return true;
  if (channel.private) return false;
  if (!restrictedReader(actor)) return true;
  return channel.kind === 'topic' || (channel.kind === 'site' && !!channel.site_id && channel.site_id === actor.siteId);
}

/** The same rule in SQL, on a query over `channels`, for lists and search. */
export function visibleChannels(actor: Actor) {
  return (eb: ExpressionBuilder<DB, 'channels'>) => {
    const member = eb.exists(
      eb
        .selectFrom('channel_members as cm')
        .select(sql`1`.as('one'))
        .whereRef('cm.channel_id', '=', 'channels.id')
        .where('cm.user_id', '=', actor.userId),
    );
    const pub = eb('channels.private', '=', false);
    if (!restrictedReader(actor)) return eb.or([member, pub]);
    const open = eb.or([
      eb('channels.kind', '=', 'topic'),
      eb.and([eb('channels.kind', '=', 'site'), eb('channels.site_id', '=', actor.siteId ?? '')]),
    ]);
    return eb.or([member, eb.and([pub, open])]);
  };
}
