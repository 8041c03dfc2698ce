import type { Kdb } from '../../db/database.ts';
import type { Actor, Scope } from '../../platform/actor.ts';
import type { Change, Ctx } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { nowIso } from '../../platform/ids.ts';
import { tenant } from '../../platform/tenancy.ts';
import { createRequest } from '../requests/request-create.ts';
import { insertEvent } from '../requests/requests.repository.ts';
import { ZCreateRequest } from '../requests/requests.schemas.ts';
import type { TToRequest } from './chat-extras.schemas.ts';
import { readableChannel } from './channels.service.ts';
import { presentOne } from './messages.service.ts';

interface Source {
  messageId: string;
  channelId: string;
  channelName: string;
}

/**
 * Links the message to the new request inside the request's creating transaction: a conditional update
 * (409 when the message already became a request — of two simultaneous conversions only one commits),
 * an internal timeline event naming the channel, and the audit entry.
 */
function linkMessage(scope: Scope, actor: Actor, source: Source) {
  return async (trx: Kdb, requestId: string, record?: (change: Change) => Promise<void>) => {
    const res = await tenant
      .updateTable(trx, scope, 'messages')
      .set({ request_id: requestId, updated_at: nowIso() })
      .where('id', '=', source.messageId)
      .where('request_id', 'is', null)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw new AppError('conflict', 'message_already_request');
    await insertEvent(trx, scope, requestId, {
      kind: 'from_message',
      public: false,
      actorId: actor.userId,
      data: { ...source },
    });
    await record?.({
      action: 'message.to_request',
      targetType: 'message',
      targetId: source.messageId,
      summary: { requestId, channelId: source.channelId },
    });
  };
}

/**
 * Turns a message into a request, created by the actor on behalf of the requester (default: the author),
 * through the requests' own creation (form filled in later, as for a mail). Readers of the channel only.
 */
export async function messageToRequest(ctx: Ctx, scope: Scope, messageId: string, input: TToRequest) {
  const actor = ctx.actor as Actor;
  const db = ctx.database.db;
  const message = await tenant
    .selectFrom(db, scope, 'messages')
    .select(['id', 'channel_id', 'author_id', 'request_id', 'deleted_at'])
    .where('id', '=', messageId)
    .executeTakeFirst();
  if (!message) throw notFound();
  const { channel } = await readableChannel(db, scope, actor, message.channel_id);
  if (message.deleted_at) throw new AppError('conflict', 'message_deleted');
  if (message.request_id) throw new AppError('conflict', 'message_already_request');
  const requesterId = input.requesterId ?? message.author_id ?? undefined;
  const request = ZCreateRequest.parse({
    serviceId: input.serviceId,
    title: input.title,
    description: input.description,
    source: 'chat',
    ...(requesterId ? { requesterId } : {}),
  });
  const source = { messageId, channelId: channel.id, channelName: channel.name };
  const created = await createRequest(ctx, scope, request, {
    optionalForm: true,
    ...(input.priority ? { priority: input.priority } : {}),
    afterInsert: linkMessage(scope, actor, source),
  });
  return { request: { id: created.id, reference: created.reference }, message: await presentOne(ctx, scope, messageId) };
}
