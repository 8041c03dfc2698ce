import type { Kdb } from '../../db/database.ts';
import type { Actor } from '../../platform/actor.ts';
import type { DomainEvent } from '../../platform/events.ts';
import { tenant } from '../../platform/tenancy.ts';
import { canSeeChannel } from './channels.visibility.ts';

const ACTIONS: Record<string, 'posted' | 'edited' | 'deleted'> = {
  'message.posted': 'posted',
  'message.edited': 'edited',
  'message.deleted': 'deleted',
  // Urgent alerts (alerts.service.ts, alerts.task.ts): readers refetch the message and its alert.
  'message.acknowledged': 'edited',
  'message.alert_escalated': 'edited',
  // A message turned into a request (message-request.ts): readers refetch it to show its request.
  'message.to_request': 'edited',
};

/** What the live protocol sends for a chat message change (the client refetches the message or the page). */
export interface ChannelMessageEvent {
  type: 'channel.message';
  channelId: string;
  messageId: string;
  threadRootId: string | null;
  action: 'posted' | 'edited' | 'deleted';
  actorId: string | null;
  at: string;
}

/**
 * For a committed message event: the live message, and who may receive it — the readers of the channel
 * (its members; for a public channel, whoever may read it). One load per event, one check per socket.
 */
export async function channelDelivery(db: Kdb, event: DomainEvent) {
  const action = ACTIONS[event.action];
  if (!action || !event.targetId) return null;
  const scope = { organizationId: event.organizationId };
  const message = await tenant
    .selectFrom(db, scope, 'messages')
    .innerJoin('channels', 'channels.id', 'messages.channel_id')
    .select([
      'messages.id',
      'messages.channel_id',
      'messages.thread_root_id',
      'channels.kind',
      'channels.site_id',
      'channels.private',
    ])
    .where('messages.id', '=', event.targetId)
    .executeTakeFirst();
  if (!message) return null;
  const members = await tenant
    .selectFrom(db, scope, 'channel_members')
    .select('user_id')
    .where('channel_id', '=', message.channel_id)
    .execute();
  const memberIds = new Set(members.map((m) => m.user_id));
  const live: ChannelMessageEvent = {
    type: 'channel.message',
    channelId: message.channel_id,
    messageId: message.id,
    threadRootId: message.thread_root_id,
    action,
    actorId: event.actorId,
    at: event.at,
  };
  const channel = { kind: message.kind, site_id: message.site_id, private: message.private };
  return {
    message: live,
    reaches: (actor: Actor) =>
      actor.organizationId === event.organizationId && canSeeChannel(actor, channel, memberIds.has(actor.userId)),
  };
}
