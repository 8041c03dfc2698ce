import { DateTime } from 'luxon';
import type { FormField } from '../../../common/catalog.ts';
import { DEFAULT_PRIORITY_MATRIX, type Level, type PriorityMatrix } from '../../../common/requests.ts';
import type { Kdb } from '../../db/database.ts';
import type { Actor, Scope } from '../../platform/actor.ts';
import { actorRoles } from '../../platform/authz.ts';
import { type Change, type Ctx, withTransaction } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { tenant } from '../../platform/tenancy.ts';
import { validateAnswers } from '../catalog/answers.ts';
import { assignOnCreate } from './assignment.ts';
import { addChecklistItems } from './checklists.ts';
import { bindStagedFiles } from './staging.ts';
import { calendarOf, policyFor, requestNow, targetsFor } from './request-sla.ts';
import { getRequest } from './requests.service.ts';
import { runRequestHooks } from './requests.hooks.ts';
import { WORKERS } from './requests.policy.ts';
import { grantAccess, insertEvent, nextReference } from './requests.repository.ts';
import type { TCreateRequest } from './requests.schemas.ts';
import { startClocks } from './sla-clock.ts';

export const isWorker = (actor: Actor) => actorRoles(actor).some((r) => WORKERS.includes(r));

/** The priority of an impact × urgency pair in the organisation's matrix (ITIL default when unset). */
export function priorityOf(matrix: PriorityMatrix | null, impact?: Level, urgency?: Level): string | null {
  if (!impact || !urgency) return null;
  return (matrix ?? DEFAULT_PRIORITY_MATRIX)[impact]?.[urgency] ?? null;
}

async function requesterOf(db: Kdb, scope: Scope, actor: Actor, requesterId?: string) {
  const id = requesterId ?? actor.userId;
  if (id !== actor.userId && !isWorker(actor)) throw new AppError('forbidden', 'on_behalf_forbidden');
  const m = await tenant
    .selectFrom(db, scope, 'memberships')
    .select(['user_id', 'site_id'])
    .where('user_id', '=', id)
    .executeTakeFirst();
  if (m) return m;
  if (id === actor.userId && actor.isOperator) return { user_id: id, site_id: null };
  throw new AppError('unprocessable', 'requester_not_member', {
    fields: [{ path: 'requesterId', code: 'unknown', message: 'requester_not_member' }],
  });
}

async function siteFor(db: Kdb, scope: Scope, wanted: string | undefined, home: string | null): Promise<string> {
  let q = tenant.selectFrom(db, scope, 'sites').select('id');
  q = wanted ? q.where('id', '=', wanted) : home ? q.where('id', '=', home) : q.orderBy('name');
  const site = await q.executeTakeFirst();
  if (!site) throw notFound();
  return site.id;
}

export interface CreateOptions {
  /** Checklist labels from a recurring template (added to the service's own). */
  checklist?: string[];
  recurringScheduleId?: string;
  assigneeId?: string | null;
  priority?: string;
  /** Team in charge instead of the service's (recurring template). */
  teamId?: string | null;
  /** The form's required fields are filled in while working it (a request made from an e-mail). */
  optionalForm?: boolean;
  /** Runs in the creating transaction right after the request row (recurring: claims the occurrence, once). */
  afterInsert?: (trx: Kdb, requestId: string, record: (change: Change) => Promise<void>) => Promise<void>;
}

/**
 * Creates a request: service and answers checked against its form, requester (or on behalf by staff),
 * site and function, priority from the impact × urgency matrix or the service, approval step when the
 * service names an approving role, SLA clocks on the site's calendar, reference, timeline, assignment.
 */
export async function createRequest(ctx: Ctx, scope: Scope, input: TCreateRequest, opts: CreateOptions = {}) {
  const actor = ctx.actor as Actor;
  const db = ctx.database.db;
  const service = await tenant.selectFrom(db, scope, 'services').selectAll().where('id', '=', input.serviceId).executeTakeFirst();
  if (!service) throw notFound();
  if (!service.active && !isWorker(actor)) throw new AppError('unprocessable', 'service_inactive');
  // A recurring template carries no answers: its form's required fields are filled in while working it.
  const form = (service.form as FormField[]).map((f) =>
    opts.recurringScheduleId || opts.optionalForm ? { ...f, required: false } : f,
  );
  const answers = await validateAnswers(db, scope, form, input.answers);
  const requester = await requesterOf(db, scope, actor, input.requesterId);
  const siteId = await siteFor(db, scope, input.siteId, requester.site_id);
  const org = await db
    .selectFrom('organizations')
    .select(['request_prefix', 'priority_matrix'])
    .where('id', '=', scope.organizationId)
    .executeTakeFirstOrThrow();
  const priority =
    opts.priority ??
    priorityOf(org.priority_matrix as PriorityMatrix | null, input.impact, input.urgency) ??
    service.default_priority;
  const policy = await policyFor(db, scope, service.sla_policy_id);
  const id = newId();
  const now = requestNow();
  const cal = await calendarOf(db, scope, siteId);
  const clocks = startClocks(cal, now, await targetsFor(db, scope, policy?.id ?? null, priority));
  const source = input.source ?? (actor.via === 'token' ? 'api' : 'portal');
  const teamId = opts.teamId ?? service.team_id;
  await withTransaction(ctx, async (trx, record) => {
    const year = DateTime.fromISO(now, { zone: cal.timezone }).year;
    const reference = await nextReference(trx, scope, org.request_prefix, year);
    await trx
      .insertInto('requests')
      .values({
        id,
        organization_id: scope.organizationId,
        reference,
        title: input.title,
        description: input.description,
        service_id: service.id,
        answers: JSON.stringify(answers),
        requester_id: requester.user_id,
        created_by_id: actor.userId || null,
        source,
        site_id: siteId,
        function_id: input.functionId === undefined ? service.function_id : input.functionId,
        team_id: teamId,
        assignee_id: null,
        status: service.approval_role ? 'pending_approval' : 'new',
        priority,
        impact: input.impact ?? null,
        urgency: input.urgency ?? null,
        confidentiality: service.confidentiality,
        tags: JSON.stringify(input.tags),
        approval_role: service.approval_role,
        sla_policy_id: policy?.id ?? null,
        ...clocks,
        last_activity_at: now,
        recurring_schedule_id: opts.recurringScheduleId ?? null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await opts.afterInsert?.(trx, id, record);
    await insertEvent(trx, scope, id, {
      kind: 'created',
      public: true,
      actorId: actor.userId,
      data: { source, reference },
      at: now,
    });
    if (service.approval_role)
      await insertEvent(trx, scope, id, {
        kind: 'approval_requested',
        public: true,
        actorId: null,
        data: { role: service.approval_role },
      });
    for (const w of new Set(input.watcherIds)) await grantAccess(trx, scope, id, w, 'watcher');
    if (service.confidentiality !== 'normal' && teamId) await clearTeam(trx, scope, id, teamId);
    await bindStagedFiles(trx, scope, actor, service.form as FormField[], answers, id);
    await addChecklistItems(trx, scope, id, [...(service.checklist ?? []), ...(opts.checklist ?? [])]);
    if (!service.approval_role) await assignOnCreate(trx, scope, id, opts.assigneeId ?? null);
    await runRequestHooks(trx, ctx.database, scope, id);
    await record({ action: 'request.created', targetType: 'request', targetId: id, summary: { reference, title: input.title } });
  });
  return getRequest(ctx, scope, id, { recordView: false });
}

/** A confidential request is cleared for the members (and coordinator) of the service's team. */
async function clearTeam(trx: Kdb, scope: Scope, requestId: string, teamId: string) {
  const members = await tenant.selectFrom(trx, scope, 'team_members').select('user_id').where('team_id', '=', teamId).execute();
  const team = await tenant.selectFrom(trx, scope, 'teams').select('coordinator_id').where('id', '=', teamId).executeTakeFirst();
  const ids = new Set([...members.map((m) => m.user_id), ...(team?.coordinator_id ? [team.coordinator_id] : [])]);
  for (const userId of ids) await grantAccess(trx, scope, requestId, userId, 'cleared');
}
