import { DateTime } from 'luxon';
import { WEEKDAYS } from '../../common/roles.ts';
import { type BusinessHours, isHoliday } from './holidays.ts';

/** A site's working calendar: time zone, holiday region, weekly hours and custom closures. */
export interface WorkCalendar {
  timezone: string;
  holidayRegion: string;
  businessHours: BusinessHours;
  /** Whole days, or part of each day when startTime/endTime are given (half-day closures). */
  closures: { startsOn: string; endsOn: string; startTime?: string | null; endTime?: string | null }[];
}

type Minutes = [number, number];
const MAX_DAYS = 3 * 366;

export class NoBusinessHoursError extends Error {}

const toMinutes = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Subtracts one interval from a sorted list of disjoint intervals. */
function subtract(intervals: Minutes[], [from, to]: Minutes): Minutes[] {
  return intervals.flatMap(([a, b]): Minutes[] => {
    if (to <= a || from >= b) return [[a, b]];
    return [...(from > a ? [[a, from] as Minutes] : []), ...(to < b ? [[to, b] as Minutes] : [])];
  });
}

/** Open intervals of one local date, in minutes after local midnight: hours minus holidays and closures. */
export function openMinutes(cal: WorkCalendar, isoDate: string): Minutes[] {
  if (isHoliday(cal.holidayRegion, isoDate)) return [];
  const weekday = DateTime.fromISO(isoDate, { zone: cal.timezone }).weekday;
  let open: Minutes[] = (cal.businessHours[WEEKDAYS[weekday - 1]] ?? [])
    .map(([a, b]): Minutes => [toMinutes(a), toMinutes(b)])
    .sort((x, y) => x[0] - y[0]);
  for (const c of cal.closures) {
    if (c.startsOn > isoDate || isoDate > c.endsOn) continue;
    open = subtract(open, c.startTime && c.endTime ? [toMinutes(c.startTime), toMinutes(c.endTime)] : [0, 24 * 60]);
  }
  return open;
}

/** The real instants of a local date's open intervals (Luxon resolves DST gaps and overlaps). */
function openInstants(cal: WorkCalendar, day: DateTime): [number, number][] {
  const date = day.toISODate() ?? '';
  const at = (m: number) => day.set({ hour: Math.floor(m / 60), minute: m % 60, second: 0, millisecond: 0 }).toMillis();
  return openMinutes(cal, date).map(([a, b]) => [at(a), b === 24 * 60 ? day.plus({ days: 1 }).startOf('day').toMillis() : at(b)]);
}

/**
 * The instant at which `minutes` business minutes, counted from `start`, are used up on this calendar.
 * Work arriving outside business hours starts at the next opening. Zero minutes returns the next open instant.
 */
export function addBusinessMinutes(cal: WorkCalendar, start: Date, minutes: number): Date {
  let remaining = Math.max(0, minutes) * 60_000;
  const from = start.getTime();
  let day = DateTime.fromMillis(from, { zone: cal.timezone }).startOf('day');
  for (let i = 0; i < MAX_DAYS; i++, day = day.plus({ days: 1 })) {
    for (const [a, b] of openInstants(cal, day)) {
      const begin = Math.max(a, from);
      if (b <= begin) continue;
      if (b - begin >= remaining) return new Date(begin + remaining);
      remaining -= b - begin;
    }
  }
  throw new NoBusinessHoursError();
}

/** Business minutes elapsed between two instants on this calendar (0 when `to` is before `from`). */
export function businessMinutesBetween(cal: WorkCalendar, from: Date, to: Date): number {
  const end = to.getTime();
  let total = 0;
  let day = DateTime.fromMillis(from.getTime(), { zone: cal.timezone }).startOf('day');
  for (let i = 0; i < MAX_DAYS && day.toMillis() < end; i++, day = day.plus({ days: 1 })) {
    for (const [a, b] of openInstants(cal, day)) total += Math.max(0, Math.min(b, end) - Math.max(a, from.getTime()));
  }
  return Math.round(total / 60_000);
}
