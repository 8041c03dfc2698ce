import { DateTime } from 'luxon';
import type { Locale } from '../../common/messages.ts';
import { openMinutes } from './business-time.ts';
import { type BusinessHours, holidaysFor, isHoliday } from './holidays.ts';

export { type BusinessHours, type Holiday, holidaysFor } from './holidays.ts';

/** A custom closure row: whole days, or part of each day when start_time/end_time are set. */
export interface Closure {
  starts_on: string;
  ends_on: string;
  label: string;
  start_time?: string | null;
  end_time?: string | null;
}

/** True when the local date is a public holiday or inside a whole-day custom closure of the site. */
export function isClosedDay(region: string, closures: Closure[], isoDate: string): boolean {
  return isHoliday(region, isoDate) || closures.some((c) => c.starts_on <= isoDate && isoDate <= c.ends_on && !c.start_time);
}

/** Local time, open-now and next holiday of a site, computed in the site's own time zone. */
export function siteClock(
  site: { timezone: string; holiday_region: string; business_hours: BusinessHours },
  closures: Closure[],
  now: Date = new Date(),
  locale: Locale = 'fr',
) {
  const local = DateTime.fromJSDate(now, { zone: site.timezone });
  const date = local.toISODate() ?? '';
  const minute = local.hour * 60 + local.minute;
  const calendar = {
    timezone: site.timezone,
    holidayRegion: site.holiday_region,
    businessHours: site.business_hours,
    closures: closures.map((c) => ({ startsOn: c.starts_on, endsOn: c.ends_on, startTime: c.start_time, endTime: c.end_time })),
  };
  const openNow = openMinutes(calendar, date).some(([from, to]) => from <= minute && minute < to);
  const upcoming = [
    ...holidaysFor(site.holiday_region, local.year, locale),
    ...holidaysFor(site.holiday_region, local.year + 1, locale),
  ];
  return {
    localTime: local.toISO({ suppressMilliseconds: true }) ?? '',
    openNow,
    nextHoliday: upcoming.find((h) => h.date >= date) ?? null,
  };
}
