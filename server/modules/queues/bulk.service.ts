import { translate } from '../../../common/messages.ts';
import type { Actor, Scope } from '../../platform/actor.ts';
import { can } from '../../platform/authz.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { tenant } from '../../platform/tenancy.ts';
import { updateRequest } from '../requests/request-update.ts';
import { loadRequestSubject } from '../requests/requests.repository.ts';
import type { TPatchRequest } from '../requests/requests.schemas.ts';
import type { TBulk } from './queues.schemas.ts';

const MAX_TAGS = 20;

export type BulkResult = { id: string; ok: true; version: number } | { id: string; ok: false; code: string; message: string };

/** The single-request patch a bulk action means for one request in its current state. */
function patchFor(input: TBulk, actor: Actor, tags: string[]): Omit<TPatchRequest, 'version'> {
  switch (input.action) {
    case 'assign':
      return { assigneeId: input.value === 'me' ? actor.userId : input.value };
    case 'status':
      return { status: input.value };
    case 'priority':
      return { priority: input.value };
    case 'add_tag':
      if (tags.includes(input.value)) return {};
      if (tags.length >= MAX_TAGS) throw new AppError('unprocessable', 'too_many_tags', undefined, { max: MAX_TAGS });
      return { tags: [...tags, input.value] };
    case 'remove_tag':
      return { tags: tags.filter((t) => t !== input.value) };
  }
}

/** One item: same loader, policy and service as `PATCH /api/requests/:id`, with the item's current version. */
async function bulkOne(ctx: Ctx, scope: Scope, id: string, input: TBulk): Promise<BulkResult> {
  const actor = ctx.actor as Actor;
  const db = ctx.database.db;
  try {
    const subject = await loadRequestSubject(db, scope, id);
    if (!subject) throw notFound();
    if (!can(actor, 'request.update', subject)) throw new AppError('forbidden');
    const row = await tenant
      .selectFrom(db, scope, 'requests')
      .select(['version', 'tags'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) throw notFound();
    const updated = await updateRequest(ctx, scope, id, { version: row.version, ...patchFor(input, actor, row.tags ?? []) });
    return { id, ok: true, version: updated.version };
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    return { id, ok: false, code: err.code, message: translate(actor.locale, err.messageKey, err.vars) };
  }
}

/**
 * Applies one action to many requests, one at a time, each in its own transaction and audited like a
 * single update: an item that fails (not found, forbidden, invalid move, stale) does not stop the others.
 */
export async function bulkUpdate(ctx: Ctx, scope: Scope, input: TBulk): Promise<{ results: BulkResult[] }> {
  const results: BulkResult[] = [];
  for (const id of [...new Set(input.ids)]) results.push(await bulkOne(ctx, scope, id, input));
  return { results };
}
