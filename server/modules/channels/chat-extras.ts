import type { Kdb } from '../../db/database.ts';
import type { Actor, Scope } from '../../platform/actor.ts';
import { type Ctx, withTransaction } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { tenant } from '../../platform/tenancy.ts';
import { getChannel, readableChannel } from './channels.service.ts';
import { filesByMessage, type MessageFileView } from './message-files.ts';
import { requestsByMessage } from './message-source.ts';

interface BaseView {
  id: string;
  requestId: string | null;
  deletedAt: string | null;
  allowedActions: string[];
}

export interface ChatExtras {
  attachments: MessageFileView[];
  request: { id: string; reference: string; title: string; status: string } | null;
}

/**
 * Attachments and the request each message became, for a page of messages (two queries per page). A
 * message that already became a request cannot become another: `message.to_request` leaves its actions.
 */
export async function withChatExtras<T extends BaseView>(db: Kdb, scope: Scope, actor: Actor, views: T[]) {
  if (!views.length) return views as (T & ChatExtras)[];
  const [files, requests] = await Promise.all([
    filesByMessage(db, scope, actor, views),
    requestsByMessage(
      db,
      scope,
      actor,
      views.flatMap((v) => (v.requestId ? [v.requestId] : [])),
    ),
  ]);
  return views.map((v) => ({
    ...v,
    allowedActions: v.requestId ? v.allowedActions.filter((a) => a !== 'message.to_request') : v.allowedActions,
    attachments: files.get(v.id) ?? [],
    request: v.requestId ? (requests.get(v.requestId) ?? null) : null,
  }));
}

/** Mutes or unmutes a channel for the actor (a member; 422 otherwise, 404 when they cannot read it). */
export async function setMuted(ctx: Ctx, scope: Scope, channelId: string, muted: boolean) {
  const actor = ctx.actor as Actor;
  const { membership } = await readableChannel(ctx.database.db, scope, actor, channelId);
  if (!membership) throw new AppError('unprocessable', 'channel_not_member');
  if (!!membership.muted !== muted)
    await withTransaction(ctx, async (trx, record) => {
      await tenant
        .updateTable(trx, scope, 'channel_members')
        .set({ muted })
        .where('channel_id', '=', channelId)
        .where('user_id', '=', actor.userId)
        .execute();
      await record({
        action: muted ? 'channel.muted' : 'channel.unmuted',
        targetType: 'channel',
        targetId: channelId,
        summary: {},
      });
    });
  return getChannel(ctx, scope, channelId);
}
