/**
 * What happened to a generated request after its creation (assignment, reply, status changes, with
 * instants consistent with its final status and SLA targets), and who may see it beyond the defaults.
 */
import type { Targets } from '../server/modules/requests/sla-clock.ts';
import { DAY_MS, idAt, type Random } from './gen-random.ts';
import type { GenContext, GenService, GenSite } from './gen-rows.ts';
import { REPLIES } from './gen-words.ts';

export const MINUTE = 60_000;
/** Business minutes → wall-clock minutes for generated history (≈ 8 working hours a day, 5 days a week). */
export const WALL_PER_BUSINESS = 4.2;

export const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export interface Event {
  kind: string;
  at: number;
  actor: string | null;
  pub: boolean;
  body?: string;
  data: object;
}

export interface History {
  assigneeId: string | null;
  firstRespondedAt: number | null;
  doneAt: number | null;
  closedAt: number | null;
  pausedAt: number | null;
  events: Event[];
}

/** What happened to a request after its creation, consistent with its final status and SLA targets. */
export function history(
  ctx: GenContext,
  rnd: Random,
  base: {
    created: number;
    status: string;
    targets: Targets | null;
    requesterId: string;
    teamId: string | null;
    siteId: string;
    source: string;
    reference: string;
  },
): History {
  const { created, status, targets } = base;
  const cap = (t: number) => Math.min(t, ctx.now - MINUTE);
  const worked = !['new', 'pending_approval', 'rejected'].includes(status) && !(status === 'cancelled' && rnd.chance(0.5));
  const assigneeId = worked ? ctx.assignee(base.teamId, base.siteId, rnd) : null;
  const assignedAt = cap(created + rnd.lognormal(1) * 20 * MINUTE);
  const resolution = (targets?.resolution ?? 1440) * WALL_PER_BUSINESS * MINUTE;
  const doneAt = ['resolved', 'closed'].includes(status) ? cap(created + resolution * 0.45 * rnd.lognormal(0.7)) : null;
  const closedAt = status === 'closed' && doneAt ? cap(doneAt + 7 * DAY_MS) : null;
  const endedAt = status === 'cancelled' || status === 'rejected' ? cap(created + rnd.lognormal(1) * DAY_MS) : null;
  const replied = assigneeId && status !== 'assigned' && rnd.chance(0.7);
  const repliedAt = replied ? cap(assignedAt + rnd.lognormal(0.8) * ((targets?.firstResponse ?? 480) * MINUTE)) : null;
  const moving = status.startsWith('waiting') || status === 'in_progress';
  const changedAt = closedAt ?? doneAt ?? endedAt ?? (moving ? cap((repliedAt ?? assignedAt) + 30 * MINUTE) : null);
  const events: Event[] = [];
  if (rnd.chance(0.95))
    events.push({
      kind: 'created',
      at: created,
      actor: base.requesterId,
      pub: true,
      data: { source: base.source, reference: base.reference },
    });
  if (assigneeId)
    events.push({ kind: 'assigned', at: assignedAt, actor: null, pub: false, data: { to: assigneeId, rule: 'round_robin' } });
  if (repliedAt) events.push({ kind: 'reply', at: repliedAt, actor: assigneeId, pub: true, body: rnd.pick(REPLIES), data: {} });
  if (changedAt && status !== 'assigned') {
    const from = closedAt ? 'resolved' : 'in_progress';
    events.push({
      kind: 'status_changed',
      at: Math.max(changedAt, repliedAt ?? 0),
      actor: assigneeId,
      pub: true,
      data: { from, to: status },
    });
  }
  return {
    assigneeId,
    firstRespondedAt: repliedAt ?? (doneAt && assigneeId ? doneAt : null),
    doneAt,
    closedAt,
    pausedAt: status.startsWith('waiting') ? changedAt : null,
    events,
  };
}

export function accessRows(
  ctx: GenContext,
  rnd: Random,
  service: GenService,
  site: GenSite,
  r: { id: string; created: number; requesterId: string; assigneeId: string | null },
) {
  const rows: unknown[][] = [];
  const grant = (userId: string, role: string) =>
    rows.push([idAt(r.created, rnd), ctx.organizationId, r.id, userId, role, iso(r.created)]);
  if (service.confidentiality !== 'normal') {
    const cleared = new Set([...(ctx.cleared.get(service.teamId ?? '') ?? []), ...(r.assigneeId ? [r.assigneeId] : [])]);
    for (const u of cleared) grant(u, 'cleared');
  }
  const watcher = rnd.chance(0.03) ? rnd.pick(site.requesters) : null;
  if (watcher && watcher !== r.requesterId) grant(watcher, 'watcher');
  return rows;
}
