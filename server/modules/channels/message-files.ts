import type { Kdb } from '../../db/database.ts';
import type { Actor, Scope } from '../../platform/actor.ts';
import { actorRoles } from '../../platform/authz.ts';
import { type Ctx, withTransaction } from '../../platform/context.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { newId, nowIso } from '../../platform/ids.ts';
import { registerTask } from '../../platform/scheduler.ts';
import type { Storage } from '../../platform/storage.ts';
import { tenant } from '../../platform/tenancy.ts';
import { receiveAll, type UploadPart } from '../requests/upload-receive.ts';
import { channelVisibleTo, MODERATORS } from './channels.policy.ts';
import { readableChannel } from './channels.service.ts';

/** Pending uploads never posted in a message are removed after this long (rows, then bytes). */
export const PENDING_TTL_MS = 24 * 3600_000;

export interface MessageFileView {
  id: string;
  name: string;
  size: number;
  mime: string;
}

const present = (r: { id: string; file_name: string; size: number; content_type: string }): MessageFileView => ({
  id: r.id,
  name: r.file_name,
  size: Number(r.size),
  mime: r.content_type,
});

const isModerator = (actor: Actor) => actorRoles(actor).some((r) => MODERATORS.includes(r));

/**
 * Uploads one file to a channel the actor is a member of, with the request uploads' checks (type from the
 * bytes, size 413, markup and executables 415, SHA-256, temp file then rename): a pending upload, theirs only.
 */
export async function uploadChannelFile(
  ctx: Ctx,
  scope: Scope,
  storage: Storage,
  channelId: string,
  parts: AsyncIterable<UploadPart>,
  maxBytes: number,
): Promise<MessageFileView> {
  const actor = ctx.actor as Actor;
  const { channel, membership } = await readableChannel(ctx.database.db, scope, actor, channelId);
  if (!membership) throw new AppError('unprocessable', 'channel_not_member');
  if (channel.archived) throw new AppError('conflict', 'channel_archived');
  return receiveAll(actor, storage, parts, maxBytes, async ({ files }) => {
    const at = nowIso();
    const rows = files.map((f) => ({
      id: newId(),
      channel_id: channelId,
      message_id: null,
      uploaded_by_id: actor.userId || null,
      file_name: f.fileName,
      content_type: f.contentType,
      size: f.size,
      sha256: f.sha256,
      storage_key: f.key,
      created_at: at,
    }));
    await withTransaction(ctx, async (trx, record) => {
      await trx.insertInto('message_files').values(tenant.values(scope, rows)).execute();
      const summary = { channelId, files: rows.map((r) => ({ id: r.id, fileName: r.file_name, sha256: r.sha256 })) };
      await record({ action: 'message_file.uploaded', targetType: 'message_file', targetId: rows[0]?.id ?? null, summary });
    });
    return present(rows[0] as (typeof rows)[number]);
  });
}

/**
 * Binds the actor's own pending uploads of this channel to a new message, in its posting transaction;
 * anything else (someone else's, another channel's, already posted, unknown) is refused with 422.
 */
export async function bindMessageFiles(
  trx: Kdb,
  scope: Scope,
  actor: Actor,
  channelId: string,
  messageId: string,
  ids: string[],
) {
  const wanted = [...new Set(ids)];
  if (!wanted.length) return;
  const res = await tenant
    .updateTable(trx, scope, 'message_files')
    .set({ message_id: messageId })
    .where('id', 'in', wanted)
    .where('channel_id', '=', channelId)
    .where('uploaded_by_id', '=', actor.userId)
    .where('message_id', 'is', null)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== wanted.length) {
    const fields = [{ path: 'attachmentIds', code: 'unknown', message: 'message_attachment_unknown' }];
    throw new AppError('unprocessable', 'message_attachment_unknown', { fields });
  }
}

type FileRow = { message_id: string | null; uploaded_by_id: string | null; channel_id: string; deleted_at: string | null };

/** True when the actor may download the file: a pending one only its uploader; a posted one readers of the channel. */
async function mayOpen(db: Kdb, scope: Scope, actor: Actor | undefined, row: FileRow): Promise<boolean> {
  if (!row.message_id) return !actor || row.uploaded_by_id === actor.userId;
  if (row.deleted_at && actor && !isModerator(actor)) return false;
  return channelVisibleTo(db, scope, row.channel_id, actor);
}

const fileRow = (db: Kdb, scope: Scope, id: string) =>
  tenant
    .selectFrom(db, scope, 'message_files')
    .leftJoin('messages', 'messages.id', 'message_files.message_id')
    .selectAll('message_files')
    .select('messages.deleted_at')
    .where('message_files.id', '=', id)
    .executeTakeFirst();

/** The route loader: undefined (404) for whoever may not open the file. */
export async function loadMessageFileSubject(db: Kdb, scope: Scope, id: string, actor?: Actor) {
  const row = await fileRow(db, scope, id);
  if (!row || !(await mayOpen(db, scope, actor, row))) return undefined;
  return { userId: row.uploaded_by_id };
}

/** A file and its bytes for a reader of its channel (404 for anyone else). */
export async function openMessageFile(ctx: Ctx, scope: Scope, storage: Storage, id: string) {
  const row = await fileRow(ctx.database.db, scope, id);
  if (!row || !(await mayOpen(ctx.database.db, scope, ctx.actor as Actor, row))) throw notFound();
  return { file: row, body: storage.get(row.storage_key) };
}

/** The files of a page of messages, by message (one query); a deleted message's only for moderators. */
export async function filesByMessage(db: Kdb, scope: Scope, actor: Actor, messages: { id: string; deletedAt: string | null }[]) {
  const ids = messages.filter((m) => !m.deletedAt || isModerator(actor)).map((m) => m.id);
  const out = new Map<string, MessageFileView[]>();
  if (!ids.length) return out;
  const rows = await tenant
    .selectFrom(db, scope, 'message_files')
    .select(['id', 'message_id', 'file_name', 'size', 'content_type'])
    .where('message_id', 'in', ids)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  for (const r of rows) {
    const key = r.message_id as string;
    out.set(key, [...(out.get(key) ?? []), present(r)]);
  }
  return out;
}

/** Pending uploads older than 24 h: rows removed, then their bytes. */
export async function purgePendingFiles(deps: Deps, now: Date): Promise<number> {
  const before = new Date(now.getTime() - PENDING_TTL_MS).toISOString();
  const stale = await deps.database.db
    .selectFrom('message_files')
    .select('id')
    .where('message_id', 'is', null)
    .where('created_at', '<', before)
    .limit(500)
    .execute();
  if (!stale.length) return 0;
  // Only the rows still pending now (one posted meanwhile keeps its file).
  const removed = await deps.database.db
    .deleteFrom('message_files')
    .where(
      'id',
      'in',
      stale.map((s) => s.id),
    )
    .where('message_id', 'is', null)
    .returning('storage_key')
    .execute();
  for (const r of removed) await deps.storage.remove(r.storage_key);
  return removed.length;
}

registerTask({
  name: 'message-files-pending',
  everyMs: 3600_000,
  run: (deps, now) => purgePendingFiles(deps, now).then(() => undefined),
});
