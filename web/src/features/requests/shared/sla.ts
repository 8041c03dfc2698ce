import type { RequestSla } from '../../../api/types.ts';

/** What an SLA badge says: time left, time late, paused, met or missed (or nothing without a clock). */
export type SlaBadgeKind = 'left' | 'late' | 'paused' | 'met' | 'missed' | 'none';

export interface SlaBadgeInfo {
  kind: SlaBadgeKind;
  /** Minutes left (`left`) or late (`late`). */
  minutes: number;
  color: string;
}

/** A duration in minutes as days, hours and minutes (rounded down to the minute). */
export function splitMinutes(total: number): { d: number; h: number; m: number } {
  const minutes = Math.max(0, Math.floor(total));
  return { d: Math.floor(minutes / 1440), h: Math.floor((minutes % 1440) / 60), m: minutes % 60 };
}

/**
 * The badge of a resolution clock. The time left is a WALL-CLOCK difference between now and the due
 * date (the due date itself was computed in business hours by the server): good enough for a badge,
 * the exact business-time figures live on the request page. The colour follows `sla.state`, except
 * that a clock the server still saw "ok" turns red once its due date has passed on this screen.
 */
export function slaBadge(sla: RequestSla, resolvedAt: string | null, now: number): SlaBadgeInfo {
  const due = sla.resolutionDueAt ? new Date(sla.resolutionDueAt).getTime() : Number.NaN;
  if (sla.state === 'none' || Number.isNaN(due)) return { kind: 'none', minutes: 0, color: 'gray' };
  if (sla.state === 'paused') return { kind: 'paused', minutes: 0, color: 'gray' };
  if (resolvedAt || sla.state === 'met') {
    const met = sla.state === 'met' || (resolvedAt !== null && new Date(resolvedAt).getTime() <= due);
    return met ? { kind: 'met', minutes: 0, color: 'green' } : { kind: 'missed', minutes: 0, color: 'red' };
  }
  const left = (due - now) / 60_000;
  if (left < 0 || sla.state === 'breached') return { kind: 'late', minutes: Math.max(0, -left), color: 'red' };
  return { kind: 'left', minutes: left, color: sla.state === 'at_risk' ? 'orange' : 'blue' };
}
