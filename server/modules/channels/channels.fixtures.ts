import { systemActor } from '../../platform/actor.ts';
import { type Ctx, withTransaction } from '../../platform/context.ts';
import type { Deps } from '../../platform/deps.ts';
import { acknowledgeAlert } from './alerts.service.ts';
import { ZChannelInput, ZMessageInput } from './channels.schemas.ts';
import { addMember, createChannel } from './channels.service.ts';
import { postMessage } from './messages.service.ts';

/**
 * Channels and messages written by Relais for someone (demo seed, test factories), through the real
 * services: the system actor creates and fills the channel, a message is posted as its author.
 */
function ctxFor(deps: Deps, organizationId: string, userId = ''): Ctx {
  const actor = { ...systemActor(organizationId), userId };
  return { database: deps.database, events: deps.events, actor, ip: '127.0.0.1' };
}

/** A channel with its members (`owners` first are owners); returns its id. */
export async function seedChannel(
  deps: Deps,
  organizationId: string,
  input: Record<string, unknown>,
  members: string[] = [],
  owners: string[] = [],
): Promise<string> {
  const scope = { organizationId };
  const ctx = ctxFor(deps, organizationId);
  const channel = await createChannel(ctx, scope, ZChannelInput.parse(input));
  await withTransaction(ctx, async (trx) => {
    for (const id of owners) await addMember(trx, scope, channel.id, id, 'owner');
    for (const id of members) if (!owners.includes(id)) await addMember(trx, scope, channel.id, id, 'member');
  });
  return channel.id;
}

/** A message posted by a member of the channel; returns its id. */
export async function seedMessage(
  deps: Deps,
  organizationId: string,
  channelId: string,
  authorId: string,
  body: string,
  threadRootId: string | null = null,
): Promise<string> {
  const ctx = ctxFor(deps, organizationId, authorId);
  return (await postMessage(ctx, { organizationId }, channelId, ZMessageInput.parse({ body, threadRootId }))).id;
}

/** An urgent message's alert taken in charge by a reader of its channel. */
export async function seedAcknowledgement(deps: Deps, organizationId: string, messageId: string, userId: string) {
  await acknowledgeAlert(ctxFor(deps, organizationId, userId), { organizationId }, messageId);
}
