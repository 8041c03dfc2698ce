import type { FormField } from '../../../common/catalog.ts';
import { PAUSED_STATUSES, type RequestStatus, TRANSITIONS } from '../../../common/requests.ts';
import type { Kdb } from '../../db/database.ts';
import type { Actor, Scope } from '../../platform/actor.ts';
import { type Ctx, withTransaction } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { assertReferences } from '../../platform/references.ts';
import { tenant } from '../../platform/tenancy.ts';
import { updateVersioned } from '../../platform/versioned.ts';
import { validateAnswers } from '../catalog/answers.ts';
import { presentRequest, type RequestRow } from './request-present.ts';
import { calendarOf, requestNow, targetsFor } from './request-sla.ts';
import { runRequestHooks } from './requests.hooks.ts';
import { WORKERS } from './requests.policy.ts';
import { grantAccess, insertEvent } from './requests.repository.ts';
import type { TPatchRequest } from './requests.schemas.ts';
import { assertMutable, getRequest, requestRow } from './requests.service.ts';
import { type ClockState, pause, resume, retarget } from './sla-clock.ts';

const FIELDS = {
  title: 'title',
  description: 'description',
  priority: 'priority',
  impact: 'impact',
  urgency: 'urgency',
  teamId: 'team_id',
  siteId: 'site_id',
  functionId: 'function_id',
  serviceId: 'service_id',
  tags: 'tags',
  answers: 'answers',
} as const;
const JSON_FIELDS = new Set(['tags', 'answers']);

/** 409 naming the allowed statuses when the workflow forbids a move. */
export function assertTransition(from: string, to: string) {
  const allowed = TRANSITIONS[from as RequestStatus] ?? [];
  if (from === to || allowed.includes(to as RequestStatus)) return;
  throw new AppError('conflict', 'invalid_transition', { allowed }, { from, to, allowed: allowed.join(', ') || '—' });
}

/** Column changes of a status move: timestamps of resolution and closure, SLA pause and resume. */
export async function statusChanges(
  trx: Kdb,
  scope: Scope,
  row: RequestRow,
  to: string,
  at: string,
): Promise<Record<string, unknown>> {
  const set: Record<string, unknown> = { status: to };
  const state = row as unknown as ClockState;
  const paused = PAUSED_STATUSES.includes(to as RequestStatus);
  const wasPaused = PAUSED_STATUSES.includes(row.status as RequestStatus);
  if (paused && !wasPaused) Object.assign(set, pause(state, at));
  if (!paused && wasPaused) {
    const cal = await calendarOf(trx, scope, row.site_id);
    Object.assign(set, resume(cal, state, await targetsFor(trx, scope, row.sla_policy_id, row.priority), at));
  }
  if (to === 'resolved') set.resolved_at = at;
  if (to === 'closed') set.closed_at = at;
  if (row.status === 'resolved' && to !== 'closed') set.resolved_at = null;
  return set;
}

async function assertAssignee(trx: Kdb, scope: Scope, userId: string) {
  const m = await tenant.selectFrom(trx, scope, 'memberships').select('role').where('user_id', '=', userId).executeTakeFirst();
  if (!m) throw notFound();
  if (!WORKERS.includes(m.role as never)) {
    throw new AppError('unprocessable', 'assignee_not_staff', {
      fields: [{ path: 'assigneeId', code: 'role', message: 'assignee_not_staff' }],
    });
  }
}

/**
 * A staff update: fields, priority (targets recomputed from the start, paused time kept), assignee,
 * status through the enforced workflow. One transaction: a rejected update changes nothing.
 */
export async function updateRequest(ctx: Ctx, scope: Scope, id: string, patch: TPatchRequest) {
  const actor = ctx.actor as Actor;
  await withTransaction(ctx, async (trx, record) => {
    const inTrx = { ...ctx, database: { ...ctx.database, db: trx } };
    const row = await requestRow(inTrx, scope, id);
    assertMutable(row);
    const at = requestNow();
    const set: Record<string, unknown> = {};
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const [key, column] of Object.entries(FIELDS)) {
      const value = patch[key as keyof TPatchRequest];
      if (value === undefined || JSON.stringify(value) === JSON.stringify(row[column])) continue;
      set[column] = JSON_FIELDS.has(key) ? JSON.stringify(value) : value;
      changes[key] = { from: row[column], to: value };
    }
    await assertReferences(trx, scope, {
      teamId: ['teams', patch.teamId],
      siteId: ['sites', patch.siteId],
      functionId: ['functions', patch.functionId],
      serviceId: ['services', patch.serviceId],
    });
    if (patch.answers) await checkAnswers(trx, scope, patch.serviceId ?? row.service_id, patch.answers);
    // Clocks follow the new priority and site, also when the same update resumes a paused request.
    const clocked = { ...row, priority: patch.priority ?? row.priority, site_id: patch.siteId ?? row.site_id };
    if (changes.priority || changes.siteId) Object.assign(set, await reclock(trx, scope, clocked, at));
    const status = await assignmentAndStatus(trx, scope, row, patch, set);
    if (status) Object.assign(set, await statusChanges(trx, scope, clocked, status, at));
    if (!Object.keys(set).length) return;
    set.last_activity_at = at;
    await updateVersioned(trx, scope, 'requests', id, patch.version, set, async () =>
      presentRequest(actor, await requestRow(inTrx, scope, id)),
    );
    await timeline(trx, scope, id, actor, changes, row, set);
    await runRequestHooks(trx, ctx.database, scope, id);
    await record({
      action: 'request.updated',
      targetType: 'request',
      targetId: id,
      summary: { reference: row.reference, changes, status: set.status },
    });
  });
  return getRequest(ctx, scope, id, { recordView: false });
}

async function checkAnswers(trx: Kdb, scope: Scope, serviceId: string | null, answers: Record<string, unknown>) {
  const service = serviceId
    ? await tenant.selectFrom(trx, scope, 'services').select('form').where('id', '=', serviceId).executeTakeFirst()
    : null;
  await validateAnswers(trx, scope, (service?.form ?? []) as FormField[], answers);
}

/** New due dates after a priority or site change: counted from the original start, paused time kept. */
async function reclock(trx: Kdb, scope: Scope, row: RequestRow, at: string) {
  const cal = await calendarOf(trx, scope, row.site_id);
  const targets = await targetsFor(trx, scope, row.sla_policy_id, row.priority);
  return retarget(cal, row as unknown as ClockState, targets, at);
}

/** Assignee change (assigning a new request moves it to "assigned") and the requested status, checked. */
async function assignmentAndStatus(trx: Kdb, scope: Scope, row: RequestRow, patch: TPatchRequest, set: Record<string, unknown>) {
  if (row.status === 'pending_approval' && (patch.assigneeId || (patch.status && patch.status !== 'cancelled'))) {
    throw new AppError('conflict', 'approval_pending');
  }
  let status = patch.status && patch.status !== row.status ? patch.status : null;
  if (patch.assigneeId !== undefined && patch.assigneeId !== row.assignee_id) {
    if (patch.assigneeId) await assertAssignee(trx, scope, patch.assigneeId);
    set.assignee_id = patch.assigneeId;
    set.assignment_note = JSON.stringify({ rule: 'manual' });
    if (patch.assigneeId && row.confidentiality !== 'normal') await grantAccess(trx, scope, row.id, patch.assigneeId, 'cleared');
    if (!status && patch.assigneeId && row.status === 'new') status = 'assigned';
    if (!status && !patch.assigneeId && row.status === 'assigned') status = 'new';
  }
  if (status === 'new' && row.status === 'assigned' && !set.assignee_id) return status;
  if (status) assertTransition(row.status, status);
  return status;
}

async function timeline(
  trx: Kdb,
  scope: Scope,
  id: string,
  actor: Actor,
  changes: Record<string, { from: unknown; to: unknown }>,
  row: RequestRow,
  set: Record<string, unknown>,
) {
  const actorId = actor.userId;
  for (const [field, change] of Object.entries(changes)) {
    const visible = ['title', 'description', 'priority'].includes(field);
    await insertEvent(trx, scope, id, { kind: 'field_changed', public: visible, actorId, data: { field, ...change } });
  }
  if ('assignee_id' in set) {
    await insertEvent(trx, scope, id, {
      kind: 'assigned',
      public: false,
      actorId,
      data: { from: row.assignee_id, to: set.assignee_id, rule: 'manual' },
    });
  }
  if (set.status && set.status !== row.status) {
    await insertEvent(trx, scope, id, {
      kind: 'status_changed',
      public: true,
      actorId,
      data: { from: row.status, to: set.status },
    });
  }
}
