import type { Selectable } from 'kysely';
import { translate } from '../../../common/messages.ts';
import { PAUSED_STATUSES } from '../../../common/requests.ts';
import type { Kdb } from '../../db/database.ts';
import type { SavedViewsTable } from '../../db/schema.ts';
import type { Actor, Scope } from '../../platform/actor.ts';
import { allowedActions, can } from '../../platform/authz.ts';
import { type Ctx, diff, withTransaction } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { newId, nowIso } from '../../platform/ids.ts';
import { assertReferences } from '../../platform/references.ts';
import { tenant } from '../../platform/tenancy.ts';
import { findOrThrow, updateVersioned } from '../../platform/versioned.ts';
import { applyFilters } from '../requests/request-list.ts';
import { visibleRequests } from '../requests/requests.repository.ts';
import type { TListQuery } from '../requests/requests.schemas.ts';
import { VIEW_ACTIONS, viewSubject } from './queues.policy.ts';
import { type TViewFilters, type TViewInput, type TViewPatch, ZViewFilters } from './queues.schemas.ts';

type Row = Selectable<SavedViewsTable>;

/** Views every staff member has, computed rather than stored (ids prefixed `builtin:`). */
const BUILT_INS: { key: string; filters: TViewFilters }[] = [
  { key: 'mine', filters: { assigneeId: 'me', open: 'true', sort: 'due' } },
  { key: 'unassigned', filters: { assigneeId: 'none', open: 'true', sort: 'due' } },
  { key: 'breached', filters: { sla: 'breached', sort: 'due' } },
  { key: 'due_1h', filters: { sla: 'due_1h', sort: 'due' } },
  { key: 'waiting', filters: { status: [...PAUSED_STATUSES], sort: 'due' } },
];

/** Filter keys in a fixed order, so a view's filters and query read the same on both dialects (jsonb reorders keys). */
const KEYS = Object.keys(ZViewFilters.shape) as (keyof TViewFilters)[];

/** The stored filters in a stable key order, empty values dropped, sorted by due date unless told otherwise. */
export function cleanFilters(raw: Record<string, unknown>): TViewFilters {
  const out: Record<string, unknown> = {};
  for (const key of KEYS) {
    const value = raw[key];
    if (value === undefined || value === null || (Array.isArray(value) && !value.length)) continue;
    out[key] = value;
  }
  return { ...out, sort: (out.sort as TViewFilters['sort']) ?? 'due' } as TViewFilters;
}

/** The filters as the query string of `GET /api/requests` (arrays comma-separated), for the web. */
export function toQuery(filters: TViewFilters): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(cleanFilters(filters))) {
    params.set(key, Array.isArray(value) ? value.join(',') : String(value));
  }
  return params.toString();
}

/** How many requests a view holds for this actor: one COUNT over the visible requests. */
export async function countView(ctx: Ctx, scope: Scope, filters: TViewFilters, now = new Date()): Promise<number> {
  const actor = ctx.actor as Actor;
  const q = applyFilters(visibleRequests(ctx.database.db, scope, actor), filters as Partial<TListQuery>, actor, now);
  const row = await q.select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirst();
  return Number(row?.count ?? 0);
}

function presentView(ctx: Ctx, row: Row, count: number) {
  const filters = cleanFilters(row.filters);
  return {
    id: row.id,
    name: row.name,
    builtIn: false,
    shared: row.owner_id === null,
    ownerId: row.owner_id,
    filters,
    query: toQuery(filters),
    position: row.position,
    count,
    version: row.version as number | null,
    allowedActions: ctx.actor ? allowedActions(ctx.actor, VIEW_ACTIONS, viewSubject(row.owner_id)) : [],
  };
}
export type PresentedView = ReturnType<typeof presentView>;

function builtIns(ctx: Ctx): Omit<PresentedView, 'count'>[] {
  const locale = ctx.actor?.locale ?? 'fr';
  return BUILT_INS.map((b, position) => ({
    id: `builtin:${b.key}`,
    name: translate(locale, `view.builtin.${b.key}`),
    builtIn: true,
    shared: true,
    ownerId: null,
    filters: cleanFilters(b.filters),
    query: toQuery(b.filters),
    position,
    version: null,
    allowedActions: [],
  }));
}

/** The stored views the actor sees: shared ones first, then their own, each by position and name. */
async function storedViews(ctx: Ctx, scope: Scope): Promise<Row[]> {
  const me = (ctx.actor as Actor).userId;
  const rows = await tenant
    .selectFrom(ctx.database.db, scope, 'saved_views')
    .selectAll()
    .where((eb) => eb.or([eb('owner_id', 'is', null), eb('owner_id', '=', me)]))
    .orderBy('position')
    .orderBy('name')
    .orderBy('id')
    .execute();
  return [...rows.filter((r) => r.owner_id === null), ...rows.filter((r) => r.owner_id !== null)];
}

/** Built-in views, then shared, then personal, each with its live count. */
export async function listViews(ctx: Ctx, scope: Scope) {
  const now = new Date();
  const stored = await storedViews(ctx, scope);
  const counts = await Promise.all([
    ...BUILT_INS.map((b) => countView(ctx, scope, b.filters, now)),
    ...stored.map((r) => countView(ctx, scope, r.filters as TViewFilters, now)),
  ]);
  return [
    ...builtIns(ctx).map((v, i) => ({ ...v, count: counts[i] })),
    ...stored.map((r, i) => presentView(ctx, r, counts[BUILT_INS.length + i])),
  ];
}

/** Only `{ [viewId]: count }`: what the web refreshes when a request changes. */
export async function viewCounts(ctx: Ctx, scope: Scope): Promise<Record<string, number>> {
  const views = await listViews(ctx, scope);
  return Object.fromEntries(views.map((v) => [v.id, v.count]));
}

export async function getView(ctx: Ctx, scope: Scope, id: string) {
  const row = (await findOrThrow(ctx.database.db, scope, 'saved_views', id)) as unknown as Row;
  return presentView(ctx, row, await countView(ctx, scope, row.filters as TViewFilters));
}

/** Linked ids must belong to the organisation (422 otherwise); 'me' and 'none' are not ids. */
async function assertFilterRefs(db: Kdb, scope: Scope, f: TViewFilters | undefined) {
  if (!f) return;
  await assertReferences(db, scope, {
    'filters.teamId': ['teams', f.teamId],
    'filters.siteId': ['sites', f.siteId],
    'filters.functionId': ['functions', f.functionId],
    'filters.serviceId': ['services', f.serviceId],
  });
}

function assertMayShare(ctx: Ctx) {
  if (!can(ctx.actor as Actor, 'view.share')) throw new AppError('forbidden', 'view_share_forbidden');
}

export async function createView(ctx: Ctx, scope: Scope, input: TViewInput) {
  if (input.shared) assertMayShare(ctx);
  const id = newId();
  const now = nowIso();
  const ownerId = input.shared ? null : (ctx.actor as Actor).userId;
  await withTransaction(ctx, async (trx, record) => {
    await assertFilterRefs(trx, scope, input.filters);
    await trx
      .insertInto('saved_views')
      .values(
        tenant.values(scope, [
          {
            id,
            owner_id: ownerId,
            name: input.name,
            filters: JSON.stringify(input.filters),
            position: input.position,
            created_at: now,
            updated_at: now,
          },
        ]),
      )
      .execute();
    await record({ action: 'view.created', targetType: 'saved_view', targetId: id, summary: { after: input } });
  });
  return getView(ctx, scope, id);
}

export async function updateView(ctx: Ctx, scope: Scope, id: string, patch: TViewPatch) {
  const { version, shared, filters, ...rest } = patch;
  await withTransaction(ctx, async (trx, record) => {
    const before = (await findOrThrow(trx, scope, 'saved_views', id)) as unknown as Row;
    const set: Record<string, unknown> = { ...rest };
    if (filters) set.filters = JSON.stringify(filters);
    if (shared !== undefined && shared !== (before.owner_id === null)) {
      assertMayShare(ctx);
      set.owner_id = shared ? null : (ctx.actor as Actor).userId;
    }
    await assertFilterRefs(trx, scope, filters);
    await updateVersioned(trx, scope, 'saved_views', id, version, set, (row) => presentView(ctx, row as unknown as Row, 0));
    await record({
      action: 'view.updated',
      targetType: 'saved_view',
      targetId: id,
      summary: diff(before, { ...before, ...set, ...(filters ? { filters } : {}) }),
    });
  });
  return getView(ctx, scope, id);
}

export async function deleteView(ctx: Ctx, scope: Scope, id: string) {
  await withTransaction(ctx, async (trx, record) => {
    const before = await findOrThrow(trx, scope, 'saved_views', id);
    await tenant.deleteFrom(trx, scope, 'saved_views').where('id', '=', id).execute();
    await record({ action: 'view.deleted', targetType: 'saved_view', targetId: id, summary: { before: { name: before.name } } });
  });
}
