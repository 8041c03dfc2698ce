import type { Kdb } from '../../db/database.ts';
import type { Actor, Scope } from '../../platform/actor.ts';
import { type Ctx, diff, withTransaction } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { newId, nowIso } from '../../platform/ids.ts';
import { assertReferences } from '../../platform/references.ts';
import { tenant } from '../../platform/tenancy.ts';
import { findOrThrow, updateVersioned } from '../../platform/versioned.ts';
import type { TScheduleInput, TSchedulePatch } from './recurring.schemas.ts';
import { calendarCache, lastOccurrences, presentSchedule, type ScheduleRow, schedulesWithNames } from './schedules.present.ts';

/** Roles that may be named to work a recurring request (the operator is never a member). */
const ASSIGNABLE = ['assistant', 'coordinator', 'org_admin', 'external_agent'];

const COLUMNS = {
  name: 'name',
  serviceId: 'service_id',
  siteId: 'site_id',
  teamId: 'team_id',
  requesterId: 'requester_id',
  assigneeId: 'assignee_id',
  title: 'title',
  description: 'description',
  priority: 'priority',
  rule: 'rule',
  checklist: 'checklist',
  active: 'active',
} as const;
const JSON_FIELDS = new Set(['rule', 'checklist']);
type Fields = Partial<Omit<TScheduleInput, 'requesterId'> & { requesterId: string }>;

/** Input fields as columns; `forDb` serialises the JSON ones (the audit diff compares them parsed). */
function columns(input: Fields, forDb = true): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(COLUMNS)) {
    const value = input[key as keyof Fields];
    if (value !== undefined) out[column] = forDb && JSON_FIELDS.has(key) ? JSON.stringify(value) : value;
  }
  return out;
}

const fieldError = (path: string, message: string) =>
  new AppError('unprocessable', message, { fields: [{ path, code: 'invalid', message }] });

/** Every link of a schedule stays inside the organisation; the requester is a member, the assignee staff. */
async function checkLinks(trx: Kdb, scope: Scope, input: Fields) {
  await assertReferences(trx, scope, {
    serviceId: ['services', input.serviceId],
    siteId: ['sites', input.siteId],
    teamId: ['teams', input.teamId],
  });
  const member = (id: string) =>
    tenant.selectFrom(trx, scope, 'memberships').select('role').where('user_id', '=', id).executeTakeFirst();
  if (input.requesterId && !(await member(input.requesterId))) throw fieldError('requesterId', 'recurring_requester_not_member');
  if (input.assigneeId && !ASSIGNABLE.includes((await member(input.assigneeId))?.role ?? ''))
    throw fieldError('assigneeId', 'recurring_assignee_not_staff');
}

/** All schedules of the organisation, by name, each with its next occurrences. */
export async function listSchedules(ctx: Ctx, scope: Scope) {
  const db = ctx.database.db;
  const rows = (await schedulesWithNames(db, scope).orderBy('recurring_schedules.name').execute()) as ScheduleRow[];
  const calendar = calendarCache(db, scope);
  const last = await lastOccurrences(
    db,
    scope,
    rows.map((r) => r.id),
  );
  const out = [];
  for (const row of rows) out.push(presentSchedule(ctx, row, await calendar(row.site_id), last.get(row.id) ?? null));
  return out;
}

export async function getSchedule(ctx: Ctx, scope: Scope, id: string, db: Kdb = ctx.database.db) {
  const row = (await schedulesWithNames(db, scope).where('recurring_schedules.id', '=', id).executeTakeFirst()) as
    | ScheduleRow
    | undefined;
  if (!row) throw notFound();
  const last = await lastOccurrences(db, scope, [id]);
  return presentSchedule(ctx, row, await calendarCache(db, scope)(row.site_id), last.get(id) ?? null);
}

/** Creates a schedule; the creator is the requester unless someone else is named. */
export async function createSchedule(ctx: Ctx, scope: Scope, input: TScheduleInput) {
  const id = newId();
  const now = nowIso();
  const fields = { ...input, requesterId: input.requesterId ?? (ctx.actor as Actor).userId };
  await withTransaction(ctx, async (trx, record) => {
    await checkLinks(trx, scope, fields);
    await trx
      .insertInto('recurring_schedules')
      .values(tenant.values(scope, [{ id, ...columns(fields), next_run_at: null, created_at: now, updated_at: now } as never]))
      .execute();
    await record({ action: 'recurring.created', targetType: 'recurring_schedule', targetId: id, summary: { name: input.name } });
  });
  return getSchedule(ctx, scope, id);
}

/** Updates a schedule (version required); the runner re-reads its rule on the next tick. */
export async function updateSchedule(ctx: Ctx, scope: Scope, id: string, patch: TSchedulePatch) {
  const { version, ...input } = patch;
  await withTransaction(ctx, async (trx, record) => {
    const before = await findOrThrow(trx, scope, 'recurring_schedules', id);
    await checkLinks(trx, scope, input);
    await updateVersioned(trx, scope, 'recurring_schedules', id, version, { ...columns(input), next_run_at: null }, () =>
      getSchedule(ctx, scope, id, trx),
    );
    await record({
      action: 'recurring.updated',
      targetType: 'recurring_schedule',
      targetId: id,
      summary: diff(before, { ...before, ...columns(input, false) }),
    });
  });
  return getSchedule(ctx, scope, id);
}

/** Deletes a schedule and its occurrence log; the requests it created stay. */
export async function deleteSchedule(ctx: Ctx, scope: Scope, id: string) {
  await withTransaction(ctx, async (trx, record) => {
    const before = await findOrThrow(trx, scope, 'recurring_schedules', id);
    await tenant.deleteFrom(trx, scope, 'recurring_schedules').where('id', '=', id).execute();
    await record({
      action: 'recurring.deleted',
      targetType: 'recurring_schedule',
      targetId: id,
      summary: { before: { name: before.name } },
    });
  });
}
