import type { FormField } from '../../../common/catalog.ts';
import type { Kdb } from '../../db/database.ts';
import type { Actor, Scope } from '../../platform/actor.ts';
import { type Ctx, withTransaction } from '../../platform/context.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { newId, nowIso } from '../../platform/ids.ts';
import { registerTask } from '../../platform/scheduler.ts';
import type { Storage } from '../../platform/storage.ts';
import { tenant } from '../../platform/tenancy.ts';
import { presentAttachment } from './attachments.service.ts';
import { insertEvent } from './requests.repository.ts';
import { receiveAll, type UploadPart } from './upload-receive.ts';

const STAGED_TTL_MS = 24 * 3600_000;

/**
 * Files for a request still being written (a form answer of type file, required or not): stored and
 * checked like any attachment, kept without a request for 24 h, bound when the request is created.
 */
export async function stageUploads(ctx: Ctx, scope: Scope, storage: Storage, parts: AsyncIterable<UploadPart>, maxBytes: number) {
  const actor = ctx.actor as Actor;
  return receiveAll(actor, storage, parts, maxBytes, async ({ files }) => {
    const at = nowIso();
    const rows = files.map((f) => ({
      id: newId(),
      request_id: null,
      event_id: null,
      file_name: f.fileName,
      content_type: f.contentType,
      size: f.size,
      sha256: f.sha256,
      storage_key: f.key,
      internal: false,
      uploaded_by_id: actor.userId || null,
      created_at: at,
    }));
    await withTransaction(ctx, async (trx, record) => {
      await trx.insertInto('attachments').values(tenant.values(scope, rows)).execute();
      const summary = { files: rows.map((r) => ({ id: r.id, fileName: r.file_name, sha256: r.sha256 })) };
      await record({ action: 'attachment.staged', targetType: 'attachment', targetId: rows[0]?.id ?? null, summary });
    });
    return { items: rows.map((r) => presentAttachment({ ...r, organization_id: scope.organizationId })) };
  });
}

/**
 * Binds the staged files named in the answers (fields of type file) to the new request, in its creating
 * transaction. Only the actor's own staged files qualify: anything else is refused on its field (400).
 */
export async function bindStagedFiles(
  trx: Kdb,
  scope: Scope,
  actor: Actor,
  form: FormField[],
  answers: Record<string, unknown>,
  requestId: string,
) {
  const wanted = form
    .filter((f) => f.type === 'file')
    .flatMap((f) => ((answers[f.key] as string[] | undefined) ?? []).map((id) => ({ key: f.key, id })));
  if (!wanted.length) return;
  const rows = await tenant
    .selectFrom(trx, scope, 'attachments')
    .select(['id', 'file_name', 'content_type', 'size'])
    .where(
      'id',
      'in',
      wanted.map((w) => w.id),
    )
    .where('request_id', 'is', null)
    .where('uploaded_by_id', '=', actor.userId)
    .execute();
  const found = new Map(rows.map((r) => [r.id, r]));
  const missing = wanted.filter((w) => !found.has(w.id));
  if (missing.length) {
    const fields = [...new Set(missing.map((m) => m.key))].map((key) => ({
      path: `answers.${key}`,
      code: 'file',
      message: 'answer_file_unknown',
    }));
    throw new AppError('validation_failed', 'validation_failed', { fields });
  }
  for (const r of rows) {
    const data = { attachmentId: r.id, fileName: r.file_name, contentType: r.content_type, size: r.size };
    const eventId = await insertEvent(trx, scope, requestId, {
      kind: 'attachment_added',
      public: true,
      actorId: actor.userId,
      data,
    });
    await tenant
      .updateTable(trx, scope, 'attachments')
      .set({ request_id: requestId, event_id: eventId })
      .where('id', '=', r.id)
      .execute();
  }
}

/** Staged files never bound to a request are removed after 24 h (rows, then bytes). */
export async function purgeStaged(deps: Deps, now: Date): Promise<number> {
  const before = new Date(now.getTime() - STAGED_TTL_MS).toISOString();
  const stale = await deps.database.db
    .selectFrom('attachments')
    .select(['id', 'storage_key'])
    .where('request_id', 'is', null)
    .where('created_at', '<', before)
    .limit(500)
    .execute();
  if (!stale.length) return 0;
  await deps.database.db
    .deleteFrom('attachments')
    .where(
      'id',
      'in',
      stale.map((s) => s.id),
    )
    .execute();
  for (const s of stale) await deps.storage.remove(s.storage_key);
  return stale.length;
}

registerTask({ name: 'staged-uploads', everyMs: 3600_000, run: (deps, now) => purgeStaged(deps, now).then(() => undefined) });
