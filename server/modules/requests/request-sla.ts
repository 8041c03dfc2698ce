import type { Kdb } from '../../db/database.ts';
import type { Scope } from '../../platform/actor.ts';
import type { WorkCalendar } from '../../platform/business-time.ts';
import { tenant } from '../../platform/tenancy.ts';
import { workCalendarOf } from '../sla/sla.service.ts';
import type { Targets } from './sla-clock.ts';

/** The SLA policy that applies: the service's own, else the organisation's default contract. */
export async function policyFor(db: Kdb, scope: Scope, servicePolicyId: string | null) {
  let q = tenant.selectFrom(db, scope, 'sla_policies').select(['id', 'targets']);
  q = servicePolicyId ? q.where('id', '=', servicePolicyId) : q.where('is_default', '=', true);
  return q.executeTakeFirst();
}

/** Targets of a priority in a policy (null without policy or without targets for that priority). */
export async function targetsFor(db: Kdb, scope: Scope, policyId: string | null, priority: string): Promise<Targets | null> {
  if (!policyId) return null;
  const policy = await tenant
    .selectFrom(db, scope, 'sla_policies')
    .select('targets')
    .where('id', '=', policyId)
    .executeTakeFirst();
  const t = policy?.targets[priority];
  return t ? { firstResponse: t.firstResponse, resolution: t.resolution } : null;
}

let clock: () => Date = () => new Date();

/**
 * Pins the instant the requests code reads (creation, updates, replies, hence every SLA clock), so
 * that integration tests can create a request on a chosen evening; null restores the real clock.
 * Only tests call it: the rest of the platform keeps `nowIso()`.
 */
export function setRequestClock(fn: (() => Date) | null): void {
  clock = fn ?? (() => new Date());
}

/** The current instant as the requests code sees it (ISO, UTC). */
export function requestNow(): string {
  return clock().toISOString();
}

const calendars = new WeakMap<object, Map<string, WorkCalendar>>();

/** A site's calendar, loaded once per transaction (several clock changes in one write). */
export async function calendarOf(db: Kdb, scope: Scope, siteId: string): Promise<WorkCalendar> {
  const cache = calendars.get(db) ?? new Map<string, WorkCalendar>();
  calendars.set(db, cache);
  const hit = cache.get(siteId);
  if (hit) return hit;
  const cal = await workCalendarOf(db, scope, siteId);
  cache.set(siteId, cal);
  return cal;
}
