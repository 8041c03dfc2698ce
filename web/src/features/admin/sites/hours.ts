import { WEEKDAYS, type Weekday } from '../../../../../common/roles.ts';
import type { BusinessHours, TimeRange } from '../../../api/types.ts';

export const MAX_RANGES = 2;
const WORKDAYS: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri'];

/** Monday to Friday, 9:00–12:30 and 13:30–17:30: a sensible start for a new site. */
export function defaultHours(): BusinessHours {
  const hours = {} as BusinessHours;
  for (const d of WEEKDAYS)
    hours[d] = WORKDAYS.includes(d)
      ? [
          ['09:00', '12:30'],
          ['13:30', '17:30'],
        ]
      : [];
  return hours;
}

/** Copies Monday's ranges to Tuesday–Friday. */
export function copyMonday(hours: BusinessHours): BusinessHours {
  const next = { ...hours };
  for (const d of WORKDAYS.slice(1)) next[d] = hours.mon.map((r) => [...r] as TimeRange);
  return next;
}

/** Client-side checks of the weekly hours, keyed like the server's field paths. */
export function checkHours(hours: BusinessHours, messages: { required: string; order: string }): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const d of WEEKDAYS) {
    const ranges = hours[d] ?? [];
    ranges.forEach(([start, end], i) => {
      if (!start || !end) errors[`businessHours.${d}.${i}`] = messages.required;
      else if (start >= end) errors[`businessHours.${d}.${i}`] = messages.order;
      else if (i > 0 && ranges[i - 1][1] > start) errors[`businessHours.${d}.${i}`] = messages.order;
    });
  }
  return errors;
}

/** Messages of one day, whatever the depth of the path (`businessHours.mon`, `businessHours.mon.0.1`). */
export function dayErrors(errors: Record<string, string>, day: Weekday): string[] {
  const prefix = `businessHours.${day}`;
  return [
    ...new Set(
      Object.entries(errors)
        .filter(([k]) => k === prefix || k.startsWith(`${prefix}.`))
        .map(([, m]) => m),
    ),
  ];
}
