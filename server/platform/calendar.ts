import Holidays from 'date-holidays';
import { DateTime } from 'luxon';
import type { Locale } from '../../common/messages.ts';
import { WEEKDAYS } from '../../common/roles.ts';

export type BusinessHours = Record<string, [string, string][]>;
export interface Closure {
  starts_on: string;
  ends_on: string;
  label: string;
}
export interface Holiday {
  date: string;
  name: string;
}

const cache = new Map<string, Holidays>();
const yearCache = new Map<string, Holiday[]>();

function engine(region: string, locale: Locale): Holidays {
  const key = `${region}:${locale}`;
  let h = cache.get(key);
  if (!h) {
    const opts = { languages: [locale], types: ['public'] as 'public'[] };
    h = region === 'metropole' ? new Holidays('FR', opts) : new Holidays('FR', region, opts);
    cache.set(key, h);
  }
  return h;
}

/** Public holidays of a French holiday region for one year (Alsace-Moselle and overseas included). */
export function holidaysFor(region: string, year: number, locale: Locale = 'fr'): Holiday[] {
  const key = `${region}:${year}:${locale}`;
  let list = yearCache.get(key);
  if (!list) {
    // date-holidays recomputes its rules on every call (~10 ms): a year's list never changes, keep it.
    list = engine(region, locale)
      .getHolidays(year)
      .filter((h) => h.type === 'public')
      .map((h) => ({ date: h.date.slice(0, 10), name: h.name }));
    yearCache.set(key, list);
  }
  return list;
}

/** True when the local date is a public holiday or inside a custom closure of the site. */
export function isClosedDay(region: string, closures: Closure[], isoDate: string): boolean {
  const year = Number(isoDate.slice(0, 4));
  return (
    holidaysFor(region, year).some((h) => h.date === isoDate) ||
    closures.some((c) => c.starts_on <= isoDate && isoDate <= c.ends_on)
  );
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
  const hhmm = local.toFormat('HH:mm');
  const ranges = site.business_hours[WEEKDAYS[local.weekday - 1]] ?? [];
  const openNow = !isClosedDay(site.holiday_region, closures, date) && ranges.some(([from, to]) => from <= hhmm && hhmm < to);
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
