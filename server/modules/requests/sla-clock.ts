/**
 * SLA clocks of one request, as pure functions over a site's work calendar (DESIGN rule 7).
 * The resolution clock pauses in the waiting states and resumes on leaving them, any number of
 * times; a priority change recomputes the targets from the start, keeping the time spent paused.
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

export interface ClockState {
  sla_started_at: string | null;
  first_response_due_at: string | null;
  resolution_due_at: string | null;
  resolution_at_risk_at: string | null;
  sla_paused_at: string | null;
  sla_paused_minutes: number;
}

const AT_RISK = 0.75;
const iso = (d: Date) => d.toISOString();

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
  const total = targets.resolution + pausedMinutes;
  return {
    first_response_due_at: add(cal, startedAt, targets.firstResponse),
    resolution_due_at: add(cal, startedAt, total),
    resolution_at_risk_at: add(cal, startedAt, Math.round(pausedMinutes + targets.resolution * AT_RISK)),
  };
}

/** Clocks of a new request: work arriving outside business hours starts at the next opening. */
export function startClocks(cal: WorkCalendar, createdAt: string, targets: Targets | null): ClockState {
  const started = targets ? add(cal, createdAt, 0) : null;
  const due = started && targets ? dueDates(cal, started, targets, 0) : null;
  return {
    sla_started_at: started,
    first_response_due_at: due?.first_response_due_at ?? null,
    resolution_due_at: due?.resolution_due_at ?? null,
    resolution_at_risk_at: due?.resolution_at_risk_at ?? null,
    sla_paused_at: null,
    sla_paused_minutes: 0,
  };
}

/** Entering a waiting state: the resolution clock stops now. */
export function pause(state: ClockState, at: string): Partial<ClockState> {
  if (!state.sla_started_at || state.sla_paused_at) return {};
  return { sla_paused_at: at };
}

/** Leaving a waiting state: the paused business minutes push the resolution due date. */
export function resume(cal: WorkCalendar, state: ClockState, targets: Targets | null, at: string): Partial<ClockState> {
  if (!state.sla_paused_at || !state.sla_started_at || !targets) return state.sla_paused_at ? { sla_paused_at: null } : {};
  const paused = state.sla_paused_minutes + businessMinutesBetween(cal, new Date(state.sla_paused_at), new Date(at));
  const due = dueDates(cal, state.sla_started_at, targets, paused);
  return {
    sla_paused_at: null,
    sla_paused_minutes: paused,
    resolution_due_at: due.resolution_due_at,
    resolution_at_risk_at: due.resolution_at_risk_at,
  };
}

/** A priority change: new targets counted from the original start, keeping the paused time. */
export function retarget(cal: WorkCalendar, state: ClockState, targets: Targets | null): Partial<ClockState> {
  if (!state.sla_started_at || !targets) return {};
  return dueDates(cal, state.sla_started_at, targets, state.sla_paused_minutes);
}

/** Business minutes left before the resolution due date (negative once breached); null without SLA or while paused. */
export function minutesLeft(cal: WorkCalendar, state: ClockState, now: Date): number | null {
  if (!state.resolution_due_at || state.sla_paused_at) return null;
  const due = new Date(state.resolution_due_at);
  return now <= due ? businessMinutesBetween(cal, now, due) : -businessMinutesBetween(cal, due, now);
}
