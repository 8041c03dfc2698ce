/**
 * The SLA watch: every 30 s, finds the open requests whose clocks crossed a threshold (resolution at
 * risk at 75 %, resolution due, first response due) and records it once — the stored clock level,
 * an internal timeline event and an audit row, whose DomainEvent reaches the live updates.
 * Recomputing the clocks (resume, priority change) may lower the stored level; the watch raises it again.
 */
import { OPEN_STATUSES, PAUSED_STATUSES } from '../../../common/requests.ts';
import type { Kdb } from '../../db/database.ts';
import { systemActor } from '../../platform/actor.ts';
import { type Ctx, withTransaction } from '../../platform/context.ts';
import type { Deps } from '../../platform/deps.ts';
import { registerTask } from '../../platform/scheduler.ts';
import { tenant } from '../../platform/tenancy.ts';
import { insertEvent } from './requests.repository.ts';

/** At most this many requests per query; the scan loops until a batch comes back short. */
export const SLA_BATCH = 500;
const RUNNING = OPEN_STATUSES.filter((s) => !PAUSED_STATUSES.includes(s)) as string[];
const OPEN = OPEN_STATUSES as string[];

type Clock = 'resolution' | 'first_response';
interface Crossing {
  id: string;
  organization_id: string;
  reference: string;
  clock: Clock;
  /** The stored level seen by the scan: the update only applies if it is still the same. */
  from: string;
  to: 'at_risk' | 'breached';
  dueAt: string;
}

/**
 * Resolution clocks that crossed a threshold: running (a waiting request's clock is stopped), at-risk
 * instant passed and not yet flagged, or due instant passed and not yet breached. Every organisation:
 * this is the system's own read, each write below goes through the request's tenant scope.
 */
async function resolutionCrossings(db: Kdb, at: string, batch: number): Promise<Crossing[]> {
  const rows = await db
    .selectFrom('requests')
    .select(['id', 'organization_id', 'reference', 'sla_state', 'resolution_due_at'])
    .where('status', 'in', RUNNING)
    .where('sla_state', 'in', ['none', 'ok', 'at_risk'])
    .where('resolution_at_risk_at', '<=', at)
    .where('sla_paused_at', 'is', null)
    .where((eb) => eb.or([eb('sla_state', '!=', 'at_risk'), eb('resolution_due_at', '<', at)]))
    .limit(batch)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    organization_id: r.organization_id,
    reference: r.reference,
    clock: 'resolution',
    from: r.sla_state,
    to: r.resolution_due_at && Date.parse(r.resolution_due_at) < Date.parse(at) ? 'breached' : 'at_risk',
    dueAt: r.resolution_due_at ?? '',
  }));
}

/** First responses overdue: the first-response clock never pauses, so every open request counts. */
async function firstResponseCrossings(db: Kdb, at: string, batch: number): Promise<Crossing[]> {
  const rows = await db
    .selectFrom('requests')
    .select(['id', 'organization_id', 'reference', 'first_response_state', 'first_response_due_at'])
    .where('status', 'in', OPEN)
    .where('first_response_state', 'in', ['none', 'ok'])
    .where('first_responded_at', 'is', null)
    .where('first_response_due_at', '<', at)
    .limit(batch)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    organization_id: r.organization_id,
    reference: r.reference,
    clock: 'first_response',
    from: r.first_response_state,
    to: 'breached',
    dueAt: r.first_response_due_at ?? '',
  }));
}

/**
 * Records one crossing in its own transaction. Compare-and-set on the level and the due date the scan
 * saw: if a user's update or another node's scan changed the request meanwhile, nothing is written.
 */
async function record(deps: Deps, c: Crossing, at: string): Promise<boolean> {
  const ctx: Ctx = { database: deps.database, events: deps.events, actor: systemActor(c.organization_id), ip: '127.0.0.1' };
  const scope = { organizationId: c.organization_id };
  const [column, due] =
    c.clock === 'resolution'
      ? (['sla_state', 'resolution_due_at'] as const)
      : (['first_response_state', 'first_response_due_at'] as const);
  return withTransaction(ctx, async (trx, audit) => {
    const res = await tenant
      .updateTable(trx, scope, 'requests')
      .set({ [column]: c.to })
      .where('id', '=', c.id)
      .where(column, '=', c.from)
      .where(due, '=', c.dueAt)
      .where('status', 'in', c.clock === 'resolution' ? RUNNING : OPEN)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) return false;
    const kind = c.to === 'breached' ? 'sla_breached' : 'sla_at_risk';
    await insertEvent(trx, scope, c.id, { kind, public: false, actorId: null, data: { clock: c.clock, dueAt: c.dueAt }, at });
    await audit({
      action: `request.${kind}`,
      targetType: 'request',
      targetId: c.id,
      summary: { reference: c.reference, clock: c.clock, dueAt: c.dueAt },
    });
    return true;
  });
}

export interface SlaScan {
  atRisk: number;
  breached: number;
  firstResponseBreached: number;
}

/**
 * One pass of the watch at `now` (tests pass fixed instants), `batch` requests per query. Idempotent: a
 * crossing already recorded no longer matches the queries, so a second pass, or another node's, adds nothing.
 */
export async function scanSla(deps: Deps, now: Date, batch = SLA_BATCH): Promise<SlaScan> {
  const at = now.toISOString();
  const out: SlaScan = { atRisk: 0, breached: 0, firstResponseBreached: 0 };
  for (const find of [resolutionCrossings, firstResponseCrossings]) {
    for (;;) {
      const found = await find(deps.database.db, at, batch);
      let done = 0;
      for (const c of found) {
        if (!(await record(deps, c, at))) continue;
        done++;
        if (c.clock === 'first_response') out.firstResponseBreached++;
        else if (c.to === 'breached') out.breached++;
        else out.atRisk++;
      }
      // A short batch was the last one; a batch where nothing could be written would only repeat itself.
      if (found.length < batch || done === 0) break;
    }
  }
  return out;
}

registerTask({
  name: 'sla-watch',
  everyMs: 30_000,
  async run(deps, now) {
    await scanSla(deps, now);
  },
});
