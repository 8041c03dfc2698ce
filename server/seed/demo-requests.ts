import { DateTime } from 'luxon';
import type { Actor, Scope } from '../platform/actor.ts';
import type { Ctx } from '../platform/context.ts';
import { tenant } from '../platform/tenancy.ts';
import { addComment } from '../modules/requests/request-actions.ts';
import { createRequest } from '../modules/requests/request-create.ts';
import { calendarOf, targetsFor } from '../modules/requests/request-sla.ts';
import { updateRequest } from '../modules/requests/request-update.ts';
import { ZCreateRequest } from '../modules/requests/requests.schemas.ts';
import { startClocks } from '../modules/requests/sla-clock.ts';
import { DEMO_REQUESTS, type DemoStep } from './demo-requests-data.ts';

type People = Map<string, { id: string; name: string; role: string; siteId: string | null }>;

/** Acts as a demo person (the timeline and the audit show who did what). */
function as(ctx: Ctx, people: People, email: string): Ctx {
  const p = people.get(email);
  if (!p) throw new Error(`personne de démonstration inconnue : ${email}`);
  const actor: Actor = {
    ...(ctx.actor as Actor),
    userId: p.id,
    email,
    displayName: p.name,
    role: p.role as Actor['role'],
    isOperator: false,
    siteId: p.siteId,
  };
  return { ...ctx, actor };
}

/** Moves a fresh request back in time: creation `hours` ago, SLA clocks recomputed from then on its site's calendar. */
async function backdate(ctx: Ctx, scope: Scope, id: string, hours: number) {
  const db = ctx.database.db;
  const row = await tenant.selectFrom(db, scope, 'requests').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const at = DateTime.utc().minus({ hours }).toISO() ?? '';
  const clocks = startClocks(
    await calendarOf(db, scope, row.site_id),
    at,
    await targetsFor(db, scope, row.sla_policy_id, row.priority),
  );
  await tenant
    .updateTable(db, scope, 'requests')
    .set({ ...clocks, created_at: at, last_activity_at: at })
    .where('id', '=', id)
    .execute();
  await tenant
    .updateTable(db, scope, 'request_events')
    .set({ created_at: at })
    .where('request_id', '=', id)
    .where('kind', 'in', ['created', 'assigned', 'approval_requested'])
    .execute();
}

async function play(ctx: Ctx, scope: Scope, people: People, id: string, step: DemoStep) {
  const actorCtx = as(ctx, people, step.by);
  if ('reply' in step || 'note' in step) {
    const body = 'reply' in step ? step.reply : step.note;
    await addComment(actorCtx, scope, id, { body: body ?? '', internal: 'note' in step, status: step.status });
    return;
  }
  const current = await tenant
    .selectFrom(ctx.database.db, scope, 'requests')
    .select('version')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  const assigneeId = step.assign ? people.get(step.assign)?.id : undefined;
  await updateRequest(actorCtx, scope, id, {
    version: current.version,
    status: step.status,
    assigneeId,
    priority: step.priority,
  });
}

/** A working day's worth of requests in every state, across the five sites, with replies and notes. */
export async function seedRequests(ctx: Ctx, scope: Scope): Promise<void> {
  const rows = await tenant
    .selectFrom(ctx.database.db, scope, 'memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['users.id', 'users.email', 'users.display_name', 'memberships.role', 'memberships.site_id'])
    .execute();
  const people: People = new Map(rows.map((r) => [r.email, { id: r.id, name: r.display_name, role: r.role, siteId: r.site_id }]));
  const services = new Map(
    (await tenant.selectFrom(ctx.database.db, scope, 'services').select(['id', 'name']).execute()).map((s) => [s.name, s.id]),
  );
  const sites = new Map(
    (await tenant.selectFrom(ctx.database.db, scope, 'sites').select(['id', 'name']).execute()).map((s) => [s.name, s.id]),
  );
  for (const d of DEMO_REQUESTS) {
    const answers = Object.fromEntries(
      Object.entries(d.answers ?? {}).map(([k, v]) => [
        k,
        typeof v === 'string' && v.startsWith('@site:')
          ? sites.get(v.slice(6))
          : typeof v === 'string' && v.startsWith('@')
            ? people.get(v.slice(1))?.id
            : v,
      ]),
    );
    const input = ZCreateRequest.parse({
      serviceId: services.get(d.service),
      title: d.title,
      description: d.description,
      answers,
      impact: d.impact,
      urgency: d.urgency,
      source: d.source,
    });
    const created = await createRequest(as(ctx, people, d.requester), scope, input);
    await backdate(ctx, scope, created.id, d.ageHours);
    for (const step of d.steps ?? []) await play(ctx, scope, people, created.id, step);
  }
}
