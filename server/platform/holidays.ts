/** French public holidays per region (date-holidays), cached per year. */
import Holidays from 'date-holidays';
import type { Locale } from '../../common/messages.ts';

export type BusinessHours = Record<string, [string, string][]>;
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

/** True when an ISO local date ("YYYY-MM-DD") is a public holiday of the region. */
export function isHoliday(region: string, isoDate: string): boolean {
  return holidaysFor(region, Number(isoDate.slice(0, 4))).some((h) => h.date === isoDate);
}
