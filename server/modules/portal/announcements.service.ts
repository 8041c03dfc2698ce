import type { Selectable } from 'kysely';
import { renderMarkdown } from '../../../common/markdown.ts';
import type { AnnouncementsTable } from '../../db/schema.ts';
import type { Actor, Scope } from '../../platform/actor.ts';
import { allowedActions, can } from '../../platform/authz.ts';
import { type Ctx, diff, withTransaction } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { newId, nowIso } from '../../platform/ids.ts';
import { assertReferences } from '../../platform/references.ts';
import { tenant } from '../../platform/tenancy.ts';
import { findOrThrow, updateVersioned } from '../../platform/versioned.ts';
import { ANNOUNCEMENT_ACTIONS } from './portal.policy.ts';
import type { TAnnouncementInput, TAnnouncementPatch, TAnnouncementQuery } from './portal.schemas.ts';

type Row = Selectable<AnnouncementsTable> & { author_name?: string | null };
type Status = 'current' | 'scheduled' | 'expired';

/** Where an announcement stands at `now`: not yet shown, shown, or past its end. */
export function announcementStatus(row: Pick<Row, 'starts_at' | 'ends_at'>, now = nowIso()): Status {
  if (row.starts_at > now) return 'scheduled';
  if (row.ends_at && row.ends_at <= now) return 'expired';
  return 'current';
}

export function presentAnnouncement(actor: Actor | null, row: Row) {
  return {
    id: row.id,
    title: row.title,
    body: row.body,
    html: renderMarkdown(row.body),
    siteIds: row.audience_site_ids,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    pinned: row.pinned,
    authorName: row.author_name ?? null,
    status: announcementStatus(row),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
    allowedActions: actor ? allowedActions(actor, ANNOUNCEMENT_ACTIONS) : [],
  };
}
export type PresentedAnnouncement = ReturnType<typeof presentAnnouncement>;

/** Does the announcement address the actor's home site ([] addresses everyone)? */
const addresses = (row: Row, siteId: string | null) =>
  row.audience_site_ids.length === 0 || (!!siteId && row.audience_site_ids.includes(siteId));

function selectWithAuthor(ctx: Ctx, scope: Scope) {
  return tenant
    .selectFrom(ctx.database.db, scope, 'announcements')
    .leftJoin('users', 'users.id', 'announcements.author_id')
    .selectAll('announcements')
    .select('users.display_name as author_name');
}

/**
 * The announcements a member reads: by default the current ones addressed to their home site, pinned
 * first then newest. Staff may ask for scheduled or expired ones and every site (management screen).
 */
export async function listAnnouncements(ctx: Ctx, scope: Scope, query: TAnnouncementQuery) {
  const actor = ctx.actor as Actor;
  const wide = query.status !== 'current' || query.audience === 'all';
  if (wide && !can(actor, 'announcement.manage')) throw new AppError('forbidden');
  const now = nowIso();
  let q = selectWithAuthor(ctx, scope);
  if (query.status === 'current')
    q = q
      .where('announcements.starts_at', '<=', now)
      .where((eb) => eb.or([eb('announcements.ends_at', 'is', null), eb('announcements.ends_at', '>', now)]));
  else if (query.status === 'scheduled') q = q.where('announcements.starts_at', '>', now);
  else if (query.status === 'expired') q = q.where('announcements.ends_at', '<=', now);
  const rows = (await q
    .orderBy('announcements.pinned', 'desc')
    .orderBy('announcements.starts_at', 'desc')
    .orderBy('announcements.id', 'desc')
    .limit(200)
    .execute()) as Row[];
  const shown = query.audience === 'all' ? rows : rows.filter((r) => addresses(r, actor.siteId));
  return shown.map((r) => presentAnnouncement(actor, r));
}

/** One announcement; a member who does not manage them only reads a current one addressed to them (else 404). */
export async function getAnnouncement(ctx: Ctx, scope: Scope, id: string) {
  const actor = ctx.actor as Actor;
  const row = (await selectWithAuthor(ctx, scope).where('announcements.id', '=', id).executeTakeFirst()) as Row | undefined;
  if (!row) throw notFound();
  if (!can(actor, 'announcement.manage') && (announcementStatus(row) !== 'current' || !addresses(row, actor.siteId)))
    throw notFound();
  return presentAnnouncement(actor, row);
}

function assertWindow(startsAt: string, endsAt: string | null) {
  if (endsAt && endsAt <= startsAt)
    throw new AppError('unprocessable', 'announcement_window', {
      fields: [{ path: 'endsAt', code: 'window', message: 'announcement_window' }],
    });
}

const siteRefs = (ids: readonly string[] = []) =>
  Object.fromEntries(ids.map((id, i) => [`siteIds.${i}`, ['sites', id] as ['sites', string]]));

export async function createAnnouncement(ctx: Ctx, scope: Scope, input: TAnnouncementInput) {
  const id = newId();
  const now = nowIso();
  const startsAt = input.startsAt ?? now;
  assertWindow(startsAt, input.endsAt);
  const siteIds = [...new Set(input.siteIds)];
  await withTransaction(ctx, async (trx, record) => {
    await assertReferences(trx, scope, siteRefs(siteIds));
    await trx
      .insertInto('announcements')
      .values(
        tenant.values(scope, [
          {
            id,
            title: input.title,
            body: input.body,
            audience_site_ids: JSON.stringify(siteIds),
            starts_at: startsAt,
            ends_at: input.endsAt,
            pinned: input.pinned,
            author_id: ctx.actor?.userId || null,
            created_at: now,
            updated_at: now,
          },
        ]),
      )
      .execute();
    const after = { title: input.title, siteIds, startsAt, endsAt: input.endsAt, pinned: input.pinned };
    await record({ action: 'announcement.created', targetType: 'announcement', targetId: id, summary: { after } });
  });
  return getAnnouncement(ctx, scope, id);
}

export async function updateAnnouncement(ctx: Ctx, scope: Scope, id: string, patch: TAnnouncementPatch) {
  await withTransaction(ctx, async (trx, record) => {
    const before = (await findOrThrow(trx, scope, 'announcements', id)) as unknown as Row;
    const siteIds = patch.siteIds && [...new Set(patch.siteIds)];
    await assertReferences(trx, scope, siteRefs(siteIds));
    assertWindow(patch.startsAt ?? before.starts_at, patch.endsAt === undefined ? before.ends_at : patch.endsAt);
    const set: Record<string, unknown> = {
      ...(patch.title !== undefined ? { title: patch.title } : {}),
      ...(patch.body !== undefined ? { body: patch.body } : {}),
      ...(siteIds ? { audience_site_ids: JSON.stringify(siteIds) } : {}),
      ...(patch.startsAt !== undefined ? { starts_at: patch.startsAt } : {}),
      ...(patch.endsAt !== undefined ? { ends_at: patch.endsAt } : {}),
      ...(patch.pinned !== undefined ? { pinned: patch.pinned } : {}),
    };
    await updateVersioned(trx, scope, 'announcements', id, patch.version, set, (row) =>
      presentAnnouncement(ctx.actor, row as unknown as Row),
    );
    const after: Record<string, unknown> = { ...before, ...set, ...(siteIds ? { audience_site_ids: siteIds } : {}) };
    await record({
      action: 'announcement.updated',
      targetType: 'announcement',
      targetId: id,
      summary: diff(before, after),
    });
  });
  return getAnnouncement(ctx, scope, id);
}

export async function deleteAnnouncement(ctx: Ctx, scope: Scope, id: string) {
  await withTransaction(ctx, async (trx, record) => {
    const before = await findOrThrow(trx, scope, 'announcements', id);
    await tenant.deleteFrom(trx, scope, 'announcements').where('id', '=', id).execute();
    await record({
      action: 'announcement.deleted',
      targetType: 'announcement',
      targetId: id,
      summary: { before: { title: before.title } },
    });
  });
}
