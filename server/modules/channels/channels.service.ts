import type { Selectable } from 'kysely';
import type { ChannelsTable } from '../../db/schema.ts';
import type { Kdb } from '../../db/database.ts';
import type { Actor, Scope } from '../../platform/actor.ts';
import { allowedActions } from '../../platform/authz.ts';
import { type Ctx, diff, withTransaction } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { newId, nowIso } from '../../platform/ids.ts';
import { assertReferences } from '../../platform/references.ts';
import { tenant } from '../../platform/tenancy.ts';
import { findOrThrow, updateVersioned } from '../../platform/versioned.ts';
import { CHANNEL_ACTIONS, loadChannelSubject } from './channels.policy.ts';
import type { TChannelInput, TChannelPatch } from './channels.schemas.ts';
import { canSeeChannel, visibleChannels } from './channels.visibility.ts';
import { unreadCounts } from './messages.service.ts';

export type ChannelRow = Selectable<ChannelsTable>;
type Membership = { role: string; last_read_at: string | null; last_read_message_id: string | null; muted: boolean };

async function membershipOf(db: Kdb, scope: Scope, channelId: string, userId: string): Promise<Membership | undefined> {
  return tenant
    .selectFrom(db, scope, 'channel_members')
    .select(['role', 'last_read_at', 'last_read_message_id', 'muted'])
    .where('channel_id', '=', channelId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

/** A channel the actor may read, with their membership; 404 for anyone else (private, other site, other org). */
export async function readableChannel(db: Kdb, scope: Scope, actor: Actor, id: string) {
  const channel = (await findOrThrow(db, scope, 'channels', id)) as unknown as ChannelRow;
  const membership = await membershipOf(db, scope, id, actor.userId);
  if (!canSeeChannel(actor, channel, !!membership)) throw notFound();
  return { channel, membership };
}

function presentChannel(ctx: Ctx, channel: ChannelRow, membership: Membership | undefined, unread: number, owners: string[]) {
  const actor = ctx.actor as Actor;
  const subject = { siteId: channel.site_id, parties: owners };
  const actions = allowedActions(actor, CHANNEL_ACTIONS, subject).filter((a) =>
    a === 'channel.join' ? !membership && !channel.private : a === 'channel.leave' || a === 'channel.post' ? !!membership : true,
  );
  return {
    id: channel.id,
    kind: channel.kind,
    name: channel.name,
    description: channel.description,
    siteId: channel.site_id,
    teamId: channel.team_id,
    private: channel.private,
    urgent: channel.urgent,
    archived: channel.archived,
    createdBy: channel.created_by,
    createdAt: channel.created_at,
    version: channel.version,
    member: !!membership,
    role: membership?.role ?? null,
    muted: membership?.muted ?? false,
    lastReadMessageId: membership?.last_read_message_id ?? null,
    unread,
    allowedActions: actions,
  };
}

/** The channels the actor may read, by name, each with its unread count (0 where the actor is not a member). */
export async function listChannels(ctx: Ctx, scope: Scope) {
  const actor = ctx.actor as Actor;
  const db = ctx.database.db;
  const rows = await tenant
    .selectFrom(db, scope, 'channels')
    .selectAll()
    .where(visibleChannels(actor))
    .orderBy('name')
    .orderBy('id')
    .execute();
  const memberships = await tenant
    .selectFrom(db, scope, 'channel_members')
    .select(['channel_id', 'role', 'last_read_at', 'last_read_message_id', 'muted'])
    .where('user_id', '=', actor.userId)
    .execute();
  const mine = new Map(memberships.map((m) => [m.channel_id, m]));
  const unread = await unreadCounts(db, scope, actor.userId);
  const ownerRows = rows.length
    ? await tenant
        .selectFrom(db, scope, 'channel_members')
        .select(['channel_id', 'user_id'])
        .where('role', '=', 'owner')
        .where(
          'channel_id',
          'in',
          rows.map((r) => r.id),
        )
        .execute()
    : [];
  const owners = (id: string) => ownerRows.filter((o) => o.channel_id === id).map((o) => o.user_id);
  return rows.map((r) => presentChannel(ctx, r, mine.get(r.id), unread.get(r.id) ?? 0, owners(r.id)));
}

export async function getChannel(ctx: Ctx, scope: Scope, id: string) {
  const actor = ctx.actor as Actor;
  const { channel, membership } = await readableChannel(ctx.database.db, scope, actor, id);
  const unread = membership ? ((await unreadCounts(ctx.database.db, scope, actor.userId, id)).get(id) ?? 0) : 0;
  const subject = await loadChannelSubject(ctx.database.db, scope, id);
  return presentChannel(ctx, channel, membership, unread, subject?.parties ?? []);
}

/** Creates a channel; its creator is its first owner (a site channel names a site of the organisation). */
export async function createChannel(ctx: Ctx, scope: Scope, input: TChannelInput) {
  const actor = ctx.actor as Actor;
  const id = newId();
  const now = nowIso();
  await withTransaction(ctx, async (trx, record) => {
    await assertReferences(trx, scope, { siteId: ['sites', input.siteId], teamId: ['teams', input.teamId] });
    const values = {
      id,
      kind: input.kind,
      name: input.name,
      description: input.description,
      site_id: input.kind === 'site' ? input.siteId : null,
      team_id: input.kind === 'team' ? input.teamId : null,
      private: input.private,
      urgent: input.urgent,
      archived: false,
      created_by: actor.userId || null,
      created_at: now,
      updated_at: now,
    };
    await trx
      .insertInto('channels')
      .values(tenant.values(scope, [values]))
      .execute();
    if (actor.userId) await addMember(trx, scope, id, actor.userId, 'owner');
    await record({ action: 'channel.created', targetType: 'channel', targetId: id, summary: { after: input } });
  });
  return getChannel(ctx, scope, id);
}

export async function updateChannel(ctx: Ctx, scope: Scope, id: string, patch: TChannelPatch) {
  const { version, ...set } = patch;
  await readableChannel(ctx.database.db, scope, ctx.actor as Actor, id);
  await withTransaction(ctx, async (trx, record) => {
    const before = await findOrThrow(trx, scope, 'channels', id);
    await updateVersioned(trx, scope, 'channels', id, version, set, (row) => ({ id: row.id, version: row.version }));
    const summary = diff(before, { ...before, ...set });
    await record({ action: 'channel.updated', targetType: 'channel', targetId: id, summary });
  });
  return getChannel(ctx, scope, id);
}

/** Adds a member (or changes their role); the read marker starts at the newest message, so the history is not « unread ». */
export async function addMember(trx: Kdb, scope: Scope, channelId: string, userId: string, role: string) {
  const existing = await membershipOf(trx, scope, channelId, userId);
  if (existing) {
    if (existing.role !== role)
      await tenant
        .updateTable(trx, scope, 'channel_members')
        .set({ role })
        .where('channel_id', '=', channelId)
        .where('user_id', '=', userId)
        .execute();
    return;
  }
  // The marker is the newest message already there (none: everything to come is unread), not the clock: a
  // message posted in the same millisecond as the join must not count as read.
  const newest = await tenant
    .selectFrom(trx, scope, 'messages')
    .select('created_at')
    .where('channel_id', '=', channelId)
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  const now = nowIso();
  const lastRead = newest?.created_at ?? null;
  const row = { id: newId(), channel_id: channelId, user_id: userId, role, joined_at: now, last_read_at: lastRead, muted: false };
  await trx
    .insertInto('channel_members')
    .values(tenant.values(scope, [row]))
    .execute();
}

/** Joins a public channel the actor can read (one call); a member joining again changes nothing. */
export async function joinChannel(ctx: Ctx, scope: Scope, id: string) {
  const actor = ctx.actor as Actor;
  const { membership } = await readableChannel(ctx.database.db, scope, actor, id);
  if (!membership) {
    await withTransaction(ctx, async (trx, record) => {
      await addMember(trx, scope, id, actor.userId, 'member');
      await record({ action: 'channel.joined', targetType: 'channel', targetId: id, summary: {} });
    });
  }
  return getChannel(ctx, scope, id);
}

/** Leaves a channel; the last owner cannot leave while other members remain (422). */
export async function leaveChannel(ctx: Ctx, scope: Scope, id: string) {
  const actor = ctx.actor as Actor;
  const { membership } = await readableChannel(ctx.database.db, scope, actor, id);
  if (!membership) return;
  await removeMember(ctx, scope, id, actor.userId, 'channel.left');
}

async function removeMember(ctx: Ctx, scope: Scope, channelId: string, userId: string, action: string) {
  await withTransaction(ctx, async (trx, record) => {
    const members = await tenant
      .selectFrom(trx, scope, 'channel_members')
      .select(['user_id', 'role'])
      .where('channel_id', '=', channelId)
      .execute();
    const owners = members.filter((m) => m.role === 'owner');
    const leaving = members.find((m) => m.user_id === userId);
    if (!leaving) return;
    if (leaving.role === 'owner' && owners.length === 1 && members.length > 1)
      throw new AppError('unprocessable', 'channel_last_owner');
    await tenant
      .deleteFrom(trx, scope, 'channel_members')
      .where('channel_id', '=', channelId)
      .where('user_id', '=', userId)
      .execute();
    await record({ action, targetType: 'channel', targetId: channelId, summary: { userId } });
  });
}

/** Members of a channel the actor can read, with their names. */
export async function listMembers(ctx: Ctx, scope: Scope, id: string) {
  await readableChannel(ctx.database.db, scope, ctx.actor as Actor, id);
  const rows = await tenant
    .selectFrom(ctx.database.db, scope, 'channel_members')
    .innerJoin('users', 'users.id', 'channel_members.user_id')
    .select(['channel_members.user_id', 'users.display_name', 'channel_members.role', 'channel_members.joined_at'])
    .where('channel_members.channel_id', '=', id)
    .orderBy('users.display_name')
    .execute();
  return rows.map((r) => ({ userId: r.user_id, name: r.display_name, role: r.role, joinedAt: r.joined_at }));
}

/** An owner (or a moderator) adds a member of the organisation; 422 for someone outside it. */
export async function putMember(ctx: Ctx, scope: Scope, id: string, userId: string, role: string) {
  await readableChannel(ctx.database.db, scope, ctx.actor as Actor, id);
  await withTransaction(ctx, async (trx, record) => {
    const inOrg = await tenant
      .selectFrom(trx, scope, 'memberships')
      .select('id')
      .where('user_id', '=', userId)
      .executeTakeFirst();
    if (!inOrg)
      throw new AppError(
        'unprocessable',
        'unknown_reference',
        { fields: [{ path: 'userId', code: 'unknown_reference' }] },
        { ids: 'userId' },
      );
    await addMember(trx, scope, id, userId, role);
    await record({ action: 'channel.member_added', targetType: 'channel', targetId: id, summary: { userId, role } });
  });
  return listMembers(ctx, scope, id);
}

export async function deleteMember(ctx: Ctx, scope: Scope, id: string, userId: string) {
  await readableChannel(ctx.database.db, scope, ctx.actor as Actor, id);
  await removeMember(ctx, scope, id, userId, 'channel.member_removed');
}
