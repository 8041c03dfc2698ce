import { type Selectable, sql } from 'kysely';
import { renderMarkdown } from '../../../common/markdown.ts';
import type { Kdb } from '../../db/database.ts';
import type { MessagesTable } from '../../db/schema.ts';
import type { Actor, Scope } from '../../platform/actor.ts';
import { allowedActions } from '../../platform/authz.ts';
import { type Ctx, withTransaction } from '../../platform/context.ts';
import { AppError, notFound, versionConflict } from '../../platform/errors.ts';
import { newId, nowIso } from '../../platform/ids.ts';
import { tenant } from '../../platform/tenancy.ts';
import { onMessageEdited, onMessagePosted } from './alerts.hooks.ts';
import { MESSAGE_ACTIONS } from './channels.policy.ts';
import type { TMessageInput, TMessagesQuery } from './channels.schemas.ts';
import { readableChannel } from './channels.service.ts';
import { enrichMessages } from './messages.enrich.ts';
import { bindMessageFiles } from './message-files.ts';
import { indexMessage, messageSnippets, searchMessages } from './messages.search.ts';

type Row = Selectable<MessagesTable> & { author_name: string | null; reply_count?: number };

/** Unread messages per channel of the user (others' live messages after their read marker). */
export async function unreadCounts(db: Kdb, scope: Scope, userId: string, channelId?: string) {
  let q = tenant
    .selectFrom(db, scope, 'messages')
    .innerJoin('channel_members as cm', (j) => j.onRef('cm.channel_id', '=', 'messages.channel_id').on('cm.user_id', '=', userId))
    .select((eb) => ['messages.channel_id', eb.fn.countAll<number>().as('unread_count')])
    .where('messages.deleted_at', 'is', null)
    .where((eb) => eb.or([eb('messages.author_id', 'is', null), eb('messages.author_id', '<>', userId)]))
    .where((eb) => eb.or([eb('cm.last_read_at', 'is', null), eb('messages.created_at', '>', eb.ref('cm.last_read_at'))]))
    .groupBy('messages.channel_id');
  if (channelId) q = q.where('messages.channel_id', '=', channelId);
  const rows = await q.execute();
  return new Map(rows.map((r) => [r.channel_id, Number(r.unread_count)]));
}

const withAuthor = (db: Kdb, scope: Scope) =>
  tenant
    .selectFrom(db, scope, 'messages')
    .leftJoin('users', 'users.id', 'messages.author_id')
    .selectAll('messages')
    .select('users.display_name as author_name');

/** A message as clients see it: Markdown rendered safely, a deleted one without its text. */
export function presentMessage(actor: Actor, row: Row) {
  const deleted = !!row.deleted_at;
  const actions = deleted ? [] : allowedActions(actor, MESSAGE_ACTIONS, { userId: row.author_id });
  return {
    id: row.id,
    channelId: row.channel_id,
    author: row.author_id ? { id: row.author_id, name: row.author_name ?? '' } : null,
    body: deleted ? '' : row.body,
    html: deleted ? '' : renderMarkdown(row.body),
    threadRootId: row.thread_root_id,
    replyCount: row.reply_count ?? 0,
    urgent: row.urgent,
    requestId: row.request_id,
    createdAt: row.created_at,
    editedAt: row.edited_at,
    deletedAt: row.deleted_at,
    version: row.version,
    allowedActions: actions,
  };
}

async function loadRow(db: Kdb, scope: Scope, id: string): Promise<Row> {
  const row = await withAuthor(db, scope).where('messages.id', '=', id).executeTakeFirst();
  if (!row) throw notFound();
  return row as Row;
}

/** A message of the channel used as a cursor or a read marker (422 when it is not one of the channel's). */
async function cursorOf(db: Kdb, scope: Scope, channelId: string, messageId: string) {
  const cursor = await tenant
    .selectFrom(db, scope, 'messages')
    .select(['id', 'created_at'])
    .where('id', '=', messageId)
    .where('channel_id', '=', channelId)
    .executeTakeFirst();
  if (!cursor) throw new AppError('unprocessable', 'message_unknown_cursor');
  return cursor;
}

/** The newest page of a channel's root messages (or of one thread's replies), oldest first, and the cursor before it. */
export async function listMessages(ctx: Ctx, scope: Scope, channelId: string, query: TMessagesQuery) {
  const actor = ctx.actor as Actor;
  const db = ctx.database.db;
  await readableChannel(db, scope, actor, channelId);
  let q = withAuthor(db, scope)
    .select((eb) =>
      eb
        .selectFrom('messages as r')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('r.thread_root_id', '=', 'messages.id')
        .where('r.deleted_at', 'is', null)
        .as('reply_count'),
    )
    .where('messages.channel_id', '=', channelId)
    .where('messages.thread_root_id', query.threadRootId ? '=' : 'is', query.threadRootId ?? null);
  if (query.before) {
    const cursor = await cursorOf(db, scope, channelId, query.before);
    // A row value, so both databases seek in the (channel_id, created_at, id) index instead of scanning.
    q = q.where((eb) => eb(eb.refTuple('messages.created_at', 'messages.id'), '<', eb.tuple(cursor.created_at, cursor.id)));
  }
  const rows = (await q
    .orderBy('messages.created_at', 'desc')
    .orderBy('messages.id', 'desc')
    .limit(query.limit + 1)
    .execute()) as Row[];
  const more = rows.length > query.limit;
  const page = rows.slice(0, query.limit).reverse();
  const items = await enrichMessages(
    db,
    scope,
    actor,
    page.map((r) => presentMessage(actor, r)),
  );
  return { items, nextBefore: more ? (page[0]?.id ?? null) : null };
}

/** Posts a message or a reply (members only; urgent when asked or when the channel is urgent). */
export async function postMessage(ctx: Ctx, scope: Scope, channelId: string, input: TMessageInput) {
  const actor = ctx.actor as Actor;
  const { channel, membership } = await readableChannel(ctx.database.db, scope, actor, channelId);
  if (!membership) throw new AppError('forbidden', 'channel_not_member');
  if (channel.archived) throw new AppError('conflict', 'channel_archived');
  const id = newId();
  await withTransaction(ctx, async (trx, record) => {
    if (input.threadRootId) {
      const root = await tenant
        .selectFrom(trx, scope, 'messages')
        .select(['id', 'thread_root_id'])
        .where('id', '=', input.threadRootId)
        .where('channel_id', '=', channelId)
        .executeTakeFirst();
      if (!root || root.thread_root_id) throw new AppError('unprocessable', 'message_not_root');
    }
    const now = nowIso();
    const row = {
      id,
      channel_id: channelId,
      author_id: actor.userId || null,
      body: input.body,
      thread_root_id: input.threadRootId,
      urgent: input.urgent || channel.urgent,
      created_at: now,
      updated_at: now,
    };
    await trx
      .insertInto('messages')
      .values(tenant.values(scope, [row]))
      .execute();
    await bindMessageFiles(trx, scope, actor, channelId, id, input.attachmentIds);
    await markReadRow(trx, scope, channelId, actor.userId, id, now);
    await indexMessage(trx, ctx.database.dialect, scope, id);
    const written = { id, channel, body: row.body, threadRootId: row.thread_root_id, urgent: row.urgent };
    await onMessagePosted(trx, scope, actor, written);
    await record({ action: 'message.posted', targetType: 'message', targetId: id, summary: { channelId } });
  });
  return presentOne(ctx, scope, id);
}

/** One message as clients see it, enriched (after a post or an edit). */
export async function presentOne(ctx: Ctx, scope: Scope, id: string) {
  const actor = ctx.actor as Actor;
  const db = ctx.database.db;
  const [view] = await enrichMessages(db, scope, actor, [presentMessage(actor, await loadRow(db, scope, id))]);
  return view as ReturnType<typeof presentMessage>;
}

async function markReadRow(trx: Kdb, scope: Scope, channelId: string, userId: string, messageId: string, at: string) {
  await tenant
    .updateTable(trx, scope, 'channel_members')
    .set({ last_read_at: at, last_read_message_id: messageId })
    .where('channel_id', '=', channelId)
    .where('user_id', '=', userId)
    .where((eb) => eb.or([eb('last_read_at', 'is', null), eb('last_read_at', '<=', at)]))
    .execute();
}

/** Moves the actor's read marker to a message of the channel (never backwards). */
export async function markRead(ctx: Ctx, scope: Scope, channelId: string, messageId: string) {
  const actor = ctx.actor as Actor;
  const db = ctx.database.db;
  const { membership } = await readableChannel(db, scope, actor, channelId);
  if (!membership) throw new AppError('forbidden', 'channel_not_member');
  const message = await cursorOf(db, scope, channelId, messageId);
  await markReadRow(db, scope, channelId, actor.userId, message.id, message.created_at);
  return { unread: (await unreadCounts(db, scope, actor.userId, channelId)).get(channelId) ?? 0 };
}

/** A message of a channel the actor may read (404 otherwise). */
async function readableMessage(ctx: Ctx, scope: Scope, id: string) {
  const row = await loadRow(ctx.database.db, scope, id);
  const access = await readableChannel(ctx.database.db, scope, ctx.actor as Actor, row.channel_id);
  return { row, ...access };
}

/** Edits one's own message: the previous body goes to its revisions; 409 on a stale version. */
export async function editMessage(ctx: Ctx, scope: Scope, id: string, body: string, version: number) {
  const { row, channel } = await readableMessage(ctx, scope, id);
  if (row.deleted_at) throw new AppError('conflict', 'message_deleted');
  await withTransaction(ctx, async (trx, record) => {
    const now = nowIso();
    const res = await tenant
      .updateTable(trx, scope, 'messages')
      .set({ body, edited_at: now, updated_at: now, version: version + 1 })
      .where('id', '=', id)
      .where('version', '=', version)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1)
      throw versionConflict(presentMessage(ctx.actor as Actor, await loadRow(trx, scope, id)));
    await keepRevision(trx, scope, ctx.actor as Actor, id, 'edit', row.body, now);
    await indexMessage(trx, ctx.database.dialect, scope, id);
    const written = { id, channel, body, threadRootId: row.thread_root_id, urgent: row.urgent };
    await onMessageEdited(trx, scope, ctx.actor as Actor, written, row.body);
    await record({ action: 'message.edited', targetType: 'message', targetId: id, summary: { channelId: row.channel_id } });
  });
  return presentOne(ctx, scope, id);
}

async function keepRevision(trx: Kdb, scope: Scope, actor: Actor, id: string, kind: string, body: string, at: string) {
  const revision = { id: newId(), message_id: id, kind, body, editor_id: actor.userId || null, created_at: at };
  await trx
    .insertInto('message_revisions')
    .values(tenant.values(scope, [revision]))
    .execute();
}

/** Deletes a message (its author, or a moderator): the text leaves the channel and the search, kept in revisions. */
export async function deleteMessage(ctx: Ctx, scope: Scope, id: string) {
  const { row } = await readableMessage(ctx, scope, id);
  if (row.deleted_at) return;
  await withTransaction(ctx, async (trx, record) => {
    const now = nowIso();
    await tenant
      .updateTable(trx, scope, 'messages')
      .set({ body: '', deleted_at: now, updated_at: now, version: sql<number>`version + 1` })
      .where('id', '=', id)
      .execute();
    await keepRevision(trx, scope, ctx.actor as Actor, id, 'delete', row.body, now);
    await indexMessage(trx, ctx.database.dialect, scope, id);
    await record({ action: 'message.deleted', targetType: 'message', targetId: id, summary: { channelId: row.channel_id } });
  });
}

/** Every earlier body of a message (edits and deletion), newest first, for readers of its channel. */
export async function messageRevisions(ctx: Ctx, scope: Scope, id: string) {
  await readableMessage(ctx, scope, id);
  const rows = await tenant
    .selectFrom(ctx.database.db, scope, 'message_revisions')
    .leftJoin('users', 'users.id', 'message_revisions.editor_id')
    .select(['message_revisions.id', 'kind', 'body', 'editor_id', 'users.display_name', 'message_revisions.created_at'])
    .where('message_id', '=', id)
    .orderBy('message_revisions.created_at', 'desc')
    .orderBy('message_revisions.id', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    body: r.body,
    html: renderMarkdown(r.body),
    editor: r.editor_id ? { id: r.editor_id, name: r.display_name ?? '' } : null,
    at: r.created_at,
  }));
}

/** Messages matching `q` in the channels the actor may read, with their channel and a highlighted snippet. */
export async function searchChannelMessages(ctx: Ctx, scope: Scope, q: string, channels: { id: string; name: string }[]) {
  const db = ctx.database.db;
  const ids = await searchMessages(
    db,
    ctx.database.dialect,
    scope,
    q,
    channels.map((c) => c.id),
  );
  if (!ids.length) return [];
  const rows = (await withAuthor(db, scope).where('messages.id', 'in', ids).execute()) as Row[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const names = new Map(channels.map((c) => [c.id, c.name]));
  const snippets = await messageSnippets(db, scope, q, ids);
  const found = ids.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    const message = presentMessage(ctx.actor as Actor, row);
    return [
      { ...message, channel: { id: row.channel_id, name: names.get(row.channel_id) ?? '' }, snippet: snippets.get(id) ?? '' },
    ];
  });
  return enrichMessages(db, scope, ctx.actor as Actor, found);
}
