import type { Selectable } from 'kysely';
import type { Kdb } from '../../db/database.ts';
import type { RecurringSchedulesTable } from '../../db/schema.ts';
import { type Scope, systemActor } from '../../platform/actor.ts';
import type { Ctx } from '../../platform/context.ts';
import type { Deps } from '../../platform/deps.ts';
import { isUniqueViolation } from '../../platform/errors.ts';
import { newId, nowIso } from '../../platform/ids.ts';
import { type PeriodicTask, registerTask } from '../../platform/scheduler.ts';
import { tenant } from '../../platform/tenancy.ts';
import { createRequest } from '../requests/request-create.ts';
import { ZCreateRequest } from '../requests/requests.schemas.ts';
import { workCalendarOf } from '../sla/sla.service.ts';
import { nextOccurrences, type Occurrence, occurrencesBetween, renderTemplate, ZRule } from './rules.ts';

type Schedule = Selectable<RecurringSchedulesTable>;

/** How far back a missed occurrence is still created (a server down over a weekend catches up). */
const LOOK_BACK_MS = 7 * 86_400_000;
/** A schedule is looked at again at least this often, so a changed calendar is noticed. */
const RECHECK_MS = 3_600_000;

/** The occurrence is already taken (by an earlier tick or a concurrent node): that is success, not an error. */
function alreadyTaken(err: unknown): boolean {
  if (!isUniqueViolation(err)) return false;
  const e = err as { constraint?: string; message?: string };
  return e.constraint === 'recurring_occurrences_unique' || /recurring_occurrences/.test(e.message ?? '');
}

/** Records the occurrence in the request's own transaction: the unique (schedule, occurrence) makes it once. */
function claim(scope: Scope, scheduleId: string, occurrence: string) {
  return async (trx: Kdb, requestId: string) => {
    await trx
      .insertInto('recurring_occurrences')
      .values(
        tenant.values(scope, [{ id: newId(), schedule_id: scheduleId, occurrence, request_id: requestId, created_at: nowIso() }]),
      )
      .execute();
  };
}

/** Creates the request of one occurrence as « Relais »; false when another run got there first. */
export async function createOccurrence(ctx: Ctx, scope: Scope, s: Schedule, o: Occurrence): Promise<boolean> {
  const input = ZCreateRequest.parse({
    serviceId: s.service_id,
    title: renderTemplate(s.title, o.occurrence, o.date).slice(0, 200),
    description: renderTemplate(s.description, o.occurrence, o.date).slice(0, 20000),
    requesterId: s.requester_id,
    siteId: s.site_id,
    source: 'recurring',
  });
  try {
    await createRequest(ctx, scope, input, {
      checklist: s.checklist,
      recurringScheduleId: s.id,
      assigneeId: s.assignee_id,
      priority: s.priority,
      teamId: s.team_id,
      afterInsert: claim(scope, s.id, o.occurrence),
    });
    return true;
  } catch (err) {
    if (alreadyTaken(err)) return false;
    throw err;
  }
}

/** The occurrences of a schedule due by `now` and not created yet (since its last change, 7 days at most). */
async function dueOccurrences(db: Kdb, scope: Scope, s: Schedule, now: Date) {
  const rule = ZRule.parse(s.rule);
  const cal = await workCalendarOf(db, scope, s.site_id);
  const from = new Date(Math.max(now.getTime() - LOOK_BACK_MS, new Date(s.updated_at).getTime()));
  const due = occurrencesBetween(rule, cal, from.toISOString(), new Date(now.getTime() + 1).toISOString());
  const done = due.length
    ? await tenant
        .selectFrom(db, scope, 'recurring_occurrences')
        .select('occurrence')
        .where('schedule_id', '=', s.id)
        .where(
          'occurrence',
          'in',
          due.map((o) => o.occurrence),
        )
        .execute()
    : [];
  const next = nextOccurrences(rule, cal, now, 1)[0]?.at;
  return { todo: due.filter((o) => !done.some((d) => d.occurrence === o.occurrence)), next };
}

/** Runs one schedule: creates what is due, then notes when to look again (without touching its version). */
async function runSchedule(deps: Deps, s: Schedule, now: Date): Promise<number> {
  const scope = { organizationId: s.organization_id };
  const ctx: Ctx = { database: deps.database, events: deps.events, actor: systemActor(s.organization_id), ip: '127.0.0.1' };
  const db = deps.database.db;
  let nextRun = new Date(now.getTime() + RECHECK_MS).toISOString();
  let created = 0;
  try {
    const { todo, next } = await dueOccurrences(db, scope, s, now);
    for (const o of todo) if (await createOccurrence(ctx, scope, s, o)) created++;
    if (next && next < nextRun) nextRun = next;
  } finally {
    await tenant
      .updateTable(db, scope, 'recurring_schedules')
      .set({ next_run_at: nextRun })
      .where('id', '=', s.id)
      .where('version', '=', s.version)
      .execute();
  }
  return created;
}

/**
 * The periodic sweep over every organisation's active schedules whose next run is due. Idempotent: the
 * occurrence log decides, so two ticks (or two nodes) at once create each request once. A failing
 * schedule does not stop the others; the failures are reported together to the scheduler's log.
 */
export async function runRecurring(deps: Deps, now = new Date()): Promise<number> {
  const due = await deps.database.db
    .selectFrom('recurring_schedules')
    .selectAll()
    .where('active', '=', true)
    .where((eb) => eb.or([eb('next_run_at', 'is', null), eb('next_run_at', '<=', now.toISOString())]))
    .execute();
  const failures: unknown[] = [];
  let created = 0;
  for (const s of due) {
    try {
      created += await runSchedule(deps, s, now);
    } catch (err) {
      failures.push(err);
    }
  }
  if (failures.length) throw new AggregateError(failures, `échéances récurrentes en échec : ${failures.length}`);
  return created;
}

export const recurringTask: PeriodicTask = {
  name: 'recurring',
  everyMs: 60_000,
  async run(deps, now) {
    await runRecurring(deps, now);
  },
};

registerTask(recurringTask);
