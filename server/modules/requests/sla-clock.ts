/**
 * SLA clocks of one request, as pure functions over a site's work calendar (DESIGN rule 7).
 * The resolution clock pauses in the waiting states and resumes on leaving them, any number of
 * times; a priority change recomputes the targets from the start, keeping the time spent paused.
 * The first-response clock never pauses. Every duration is in business minutes of the site.
 */
import {
  addBusinessMinutes,
  businessMinutesBetween,
  NoBusinessHoursError,
  type WorkCalendar,
} from '../../platform/business-time.ts';

export interface Targets {
  firstResponse: number;
  resolution: number;
}

/** Where a clock stands, as stored in `sla_state` / `first_response_state` (the SLA watch raises it). */
export type ClockLevel = 'none' | 'ok' | 'at_risk' | 'breached';

export interface ClockState {
  sla_started_at: string | null;
  first_response_due_at: string | null;
  resolution_due_at: string | null;
  resolution_at_risk_at: string | null;
  sla_paused_at: string | null;
  sla_paused_minutes: number;
  sla_state?: string;
  first_response_state?: string;
  first_responded_at?: string | null;
}

/** Share of the resolution target after which a request is "at risk". */
export const AT_RISK = 0.75;
const iso = (d: Date) => d.toISOString();
const ms = (s: string) => new Date(s).getTime();

function add(cal: WorkCalendar, from: string, minutes: number): string | null {
  try {
    return iso(addBusinessMinutes(cal, new Date(from), minutes));
  } catch (err) {
    if (err instanceof NoBusinessHoursError) return null;
    throw err;
  }
}

/** Due instants from the start, the targets and the business minutes spent paused so far. */
export function dueDates(cal: WorkCalendar, startedAt: string, targets: Targets, pausedMinutes: number) {
  return {
    first_response_due_at: add(cal, startedAt, targets.firstResponse),
    resolution_due_at: add(cal, startedAt, targets.resolution + pausedMinutes),
    resolution_at_risk_at: add(cal, startedAt, Math.round(pausedMinutes + targets.resolution * AT_RISK)),
  };
}

/**
 * Where the resolution clock stands at `at`. While paused the clock is frozen at the pause instant
 * (the stored due dates do not count the pause in progress yet), so that instant is the reference.
 */
export function resolutionLevel(state: ClockState, at: string): ClockLevel {
  if (!state.resolution_due_at) return 'none';
  const ref = ms(state.sla_paused_at ?? at);
  if (ref > ms(state.resolution_due_at)) return 'breached';
  if (state.resolution_at_risk_at && ref >= ms(state.resolution_at_risk_at)) return 'at_risk';
  return 'ok';
}

/** Where the first-response clock stands at `at` (it never pauses). */
export function firstResponseLevel(state: ClockState, at: string): ClockLevel {
  if (!state.first_response_due_at) return 'none';
  const ref = ms(state.first_responded_at ?? at);
  return ref > ms(state.first_response_due_at) ? 'breached' : 'ok';
}

const RANK: Record<ClockLevel, number> = { none: 0, ok: 0, at_risk: 1, breached: 2 };

/**
 * The stored level after the due dates were recomputed: it may only come down to what is true now.
 * Raising it is the SLA watch's job, because raising writes the timeline event (once).
 */
export function settle(previous: string | undefined, truth: ClockLevel): ClockLevel {
  if (truth === 'none') return 'none';
  const prev: ClockLevel = previous === 'at_risk' || previous === 'breached' ? previous : 'ok';
  return RANK[prev] <= RANK[truth] ? prev : truth;
}

/** Clocks of a new request: work arriving outside business hours starts at the next opening. */
export function startClocks(
  cal: WorkCalendar,
  createdAt: string,
  targets: Targets | null,
): ClockState & { sla_state: ClockLevel; first_response_state: ClockLevel } {
  const started = targets ? add(cal, createdAt, 0) : null;
  const due = started && targets ? dueDates(cal, started, targets, 0) : null;
  return {
    sla_started_at: started,
    first_response_due_at: due?.first_response_due_at ?? null,
    resolution_due_at: due?.resolution_due_at ?? null,
    resolution_at_risk_at: due?.resolution_at_risk_at ?? null,
    sla_paused_at: null,
    sla_paused_minutes: 0,
    sla_state: due?.resolution_due_at ? 'ok' : 'none',
    first_response_state: due?.first_response_due_at ? 'ok' : 'none',
  };
}

/** Entering a waiting state: the resolution clock stops now. */
export function pause(state: ClockState, at: string): Partial<ClockState> {
  if (!state.sla_started_at || state.sla_paused_at) return {};
  return { sla_paused_at: at };
}

/** Leaving a waiting state: the paused business minutes push the resolution due date. */
export function resume(cal: WorkCalendar, state: ClockState, targets: Targets | null, at: string): Partial<ClockState> {
  if (!state.sla_paused_at) return {};
  if (!state.sla_started_at || !targets) return { sla_paused_at: null };
  const paused = state.sla_paused_minutes + businessMinutesBetween(cal, new Date(state.sla_paused_at), new Date(at));
  const due = dueDates(cal, state.sla_started_at, targets, paused);
  const next = { ...state, ...due, sla_paused_at: null };
  return {
    sla_paused_at: null,
    sla_paused_minutes: paused,
    resolution_due_at: due.resolution_due_at,
    resolution_at_risk_at: due.resolution_at_risk_at,
    sla_state: settle(state.sla_state, resolutionLevel(next, at)),
  };
}

/**
 * A priority (or site) change at `at`: new targets counted from the original start, keeping the
 * paused time. While paused, the pause in progress is added on resume, as for any pause.
 */
export function retarget(cal: WorkCalendar, state: ClockState, targets: Targets | null, at: string): Partial<ClockState> {
  if (!state.sla_started_at || !targets) return {};
  const due = dueDates(cal, state.sla_started_at, targets, state.sla_paused_minutes);
  const next = { ...state, ...due };
  const out: Partial<ClockState> = { ...due, sla_state: settle(state.sla_state, resolutionLevel(next, at)) };
  if (!state.first_responded_at) out.first_response_state = settle(state.first_response_state, firstResponseLevel(next, at));
  return out;
}

/**
 * Business minutes left before the resolution due date, negative once breached; frozen at the pause
 * instant while paused; null without an SLA.
 */
export function minutesLeft(cal: WorkCalendar, state: ClockState, now: Date): number | null {
  if (!state.resolution_due_at) return null;
  const ref = state.sla_paused_at ? new Date(state.sla_paused_at) : now;
  const due = new Date(state.resolution_due_at);
  return ref <= due ? businessMinutesBetween(cal, ref, due) : -businessMinutesBetween(cal, due, ref);
}
