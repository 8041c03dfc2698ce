import type { Selectable } from 'kysely';
import type { Locale } from '../../../common/messages.ts';
import type { Kdb } from '../../db/database.ts';
import type { SitesTable } from '../../db/schema.ts';
import type { Actor, Scope } from '../../platform/actor.ts';
import { allowedActions } from '../../platform/authz.ts';
import { type BusinessHours, type Closure, holidaysFor, siteClock } from '../../platform/calendar.ts';
import { type Ctx, diff, withTransaction } from '../../platform/context.ts';
import { AppError, rethrowInUse, uniqueOn } from '../../platform/errors.ts';
import { newId, nowIso } from '../../platform/ids.ts';
import { tenant } from '../../platform/tenancy.ts';
import { findOrThrow, updateVersioned } from '../../platform/versioned.ts';
import { SITE_ACTIONS } from './org.policy.ts';
import type { TSiteInput, TSitePatch } from './org.schemas.ts';

type SiteRow = Selectable<SitesTable>;

async function closuresOf(db: Kdb, scope: Scope, siteIds: string[]): Promise<(Closure & { site_id: string; id: string })[]> {
  if (siteIds.length === 0) return [];
  return tenant
    .selectFrom(db, scope, 'site_closures')
    .select(['id', 'site_id', 'starts_on', 'ends_on', 'label', 'start_time', 'end_time'])
    .where('site_id', 'in', siteIds)
    .orderBy('starts_on')
    .execute();
}

/** Presenter (DESIGN rule 8): the site as the API shows it, with its live clock and the caller's actions. */
export function presentSite(row: SiteRow, closures: Closure[], actor: Actor | null, locale: Locale = 'fr') {
  const clock = siteClock({ ...row, business_hours: row.business_hours as BusinessHours }, closures, new Date(), locale);
  return {
    id: row.id,
    name: row.name,
    address: row.address,
    timezone: row.timezone,
    holidayRegion: row.holiday_region,
    businessHours: row.business_hours,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    ...clock,
    allowedActions: actor ? allowedActions(actor, SITE_ACTIONS, { siteId: row.id }) : [],
  };
}

export async function listSites(ctx: Ctx, scope: Scope) {
  const db = ctx.database.db;
  const rows = (await tenant.selectFrom(db, scope, 'sites').selectAll().orderBy('name').execute()) as SiteRow[];
  const closures = await closuresOf(
    db,
    scope,
    rows.map((r) => r.id),
  );
  return rows.map((r) =>
    presentSite(
      r,
      closures.filter((c) => c.site_id === r.id),
      ctx.actor,
      ctx.actor?.locale,
    ),
  );
}

export async function getSite(ctx: Ctx, scope: Scope, id: string) {
  const row = (await findOrThrow(ctx.database.db, scope, 'sites', id)) as unknown as SiteRow;
  return presentSite(row, await closuresOf(ctx.database.db, scope, [id]), ctx.actor, ctx.actor?.locale);
}

function columns(input: Partial<TSiteInput>) {
  const out: Record<string, unknown> = {};
  if (input.name !== undefined) out.name = input.name;
  if (input.address !== undefined) out.address = input.address;
  if (input.timezone !== undefined) out.timezone = input.timezone;
  if (input.holidayRegion !== undefined) out.holiday_region = input.holidayRegion;
  if (input.businessHours !== undefined) out.business_hours = JSON.stringify(input.businessHours);
  return out;
}

export async function createSite(ctx: Ctx, scope: Scope, input: TSiteInput) {
  const id = newId();
  const now = nowIso();
  await uniqueOn(
    'name',
    withTransaction(ctx, async (trx, record) => {
      const values = { id, ...columns(input), created_at: now, updated_at: now } as never;
      await trx
        .insertInto('sites')
        .values(tenant.values(scope, [values]))
        .execute();
      await record({ action: 'site.created', targetType: 'site', targetId: id, summary: { after: input } });
    }),
  );
  return getSite(ctx, scope, id);
}

export async function updateSite(ctx: Ctx, scope: Scope, id: string, patch: TSitePatch) {
  const { version, ...input } = patch;
  await uniqueOn(
    'name',
    withTransaction(ctx, async (trx, record) => {
      const before = await findOrThrow(trx, scope, 'sites', id);
      await updateVersioned(trx, scope, 'sites', id, version, columns(input), async (row) =>
        presentSite(row as unknown as SiteRow, await closuresOf(trx, scope, [id]), ctx.actor),
      );
      // The audit shows business hours as an object, like `before`, not as the JSON text written to the column.
      const after = { ...before, ...columns(input), ...(input.businessHours ? { business_hours: input.businessHours } : {}) };
      await record({ action: 'site.updated', targetType: 'site', targetId: id, summary: diff(before, after) });
    }),
  );
  return getSite(ctx, scope, id);
}

export async function deleteSite(ctx: Ctx, scope: Scope, id: string) {
  await withTransaction(ctx, async (trx, record) => {
    const before = await findOrThrow(trx, scope, 'sites', id);
    await tenant.deleteFrom(trx, scope, 'sites').where('id', '=', id).execute();
    await record({ action: 'site.deleted', targetType: 'site', targetId: id, summary: { before: { name: before.name } } });
  }).catch(rethrowInUse);
}

export async function listClosures(ctx: Ctx, scope: Scope, siteId: string) {
  const rows = await closuresOf(ctx.database.db, scope, [siteId]);
  return rows.map((c) => ({
    id: c.id,
    startsOn: c.starts_on,
    endsOn: c.ends_on,
    startTime: c.start_time ?? null,
    endTime: c.end_time ?? null,
    label: c.label,
  }));
}

export async function addClosure(
  ctx: Ctx,
  scope: Scope,
  siteId: string,
  input: { startsOn: string; endsOn: string; label: string; startTime?: string | null; endTime?: string | null },
) {
  const id = newId();
  await withTransaction(ctx, async (trx, record) => {
    const row = {
      id,
      site_id: siteId,
      starts_on: input.startsOn,
      ends_on: input.endsOn,
      label: input.label,
      start_time: input.startTime ?? null,
      end_time: input.endTime ?? null,
      created_at: nowIso(),
    };
    await trx
      .insertInto('site_closures')
      .values(tenant.values(scope, [row]))
      .execute();
    await record({ action: 'site.closure_added', targetType: 'site', targetId: siteId, summary: { after: input } });
  });
  return { id, ...input, startTime: input.startTime ?? null, endTime: input.endTime ?? null };
}

export async function removeClosure(ctx: Ctx, scope: Scope, siteId: string, closureId: string) {
  await withTransaction(ctx, async (trx, record) => {
    const res = await tenant
      .deleteFrom(trx, scope, 'site_closures')
      .where('id', '=', closureId)
      .where('site_id', '=', siteId)
      .executeTakeFirst();
    if (Number(res.numDeletedRows) === 0) throw new AppError('not_found');
    await record({ action: 'site.closure_removed', targetType: 'site', targetId: siteId, summary: { closureId } });
  });
}

export async function siteCalendar(ctx: Ctx, scope: Scope, siteId: string, year: number) {
  const row = await findOrThrow(ctx.database.db, scope, 'sites', siteId);
  return {
    year,
    holidays: holidaysFor(String(row.holiday_region), year, ctx.actor?.locale ?? 'fr'),
    closures: await listClosures(ctx, scope, siteId),
  };
}
