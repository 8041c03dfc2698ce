/**
 * The recurrence rules of recurring work (pure: no database). A rule gives nominal local dates; a date
 * that falls on a closed day of the site (weekend, regional holiday, whole-day closure) is moved or
 * skipped; the time is the site's local time. The nominal date is the idempotency key of an occurrence.
 */
import { DateTime } from 'luxon';
import { z } from 'zod';
import { WEEKDAYS } from '../../../common/roles.ts';
import { openMinutes, type WorkCalendar } from '../../platform/business-time.ts';

const Time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'hhmm_format');
const IfClosed = z.enum(['skip', 'next', 'previous']);
/** Every month (1), quarter (3), half-year (6) or year (12), counted from `startMonth`. */
const Cycle = {
  everyMonths: z.union([z.literal(1), z.literal(3), z.literal(6), z.literal(12)]).default(1),
  startMonth: z.number().int().min(1).max(12).default(1),
};

export const ZRule = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('monthly_business_day'), n: z.number().int().min(1).max(23), time: Time, ...Cycle }),
  z.strictObject({
    kind: z.literal('weekly'),
    weekdays: z
      .array(z.enum(WEEKDAYS))
      .min(1)
      .max(7)
      .refine((days) => new Set(days).size === days.length, 'recurring_weekdays_unique'),
    time: Time,
    ifClosed: IfClosed.default('next'),
  }),
  z.strictObject({
    kind: z.literal('monthly_day'),
    day: z.number().int().min(1).max(31),
    time: Time,
    ifClosed: IfClosed.default('next'),
    ...Cycle,
  }),
]);
export type Rule = z.infer<typeof ZRule>;

export interface Occurrence {
  /** Nominal local date (YYYY-MM-DD): the idempotency key, unique per schedule. */
  occurrence: string;
  /** Local date on which the work is due after moving off a closed day (often equal to `occurrence`). */
  date: string;
  /** The instant (UTC ISO) at which the request is created. */
  at: string;
}

/** How far a closed day may be moved (a month of closures is the most we look through). */
const MAX_SHIFT_DAYS = 31;

const isOpenDay = (cal: WorkCalendar, date: string) => openMinutes(cal, date).length > 0;
const iso = (d: DateTime) => d.toISODate() ?? '';
/** Plain date arithmetic, independent of any time zone. */
const day = (date: string) => DateTime.fromISO(date, { zone: 'UTC' });

function inCycle(rule: { everyMonths: number; startMonth: number }, month: number): boolean {
  return (((month - rule.startMonth) % rule.everyMonths) + rule.everyMonths) % rule.everyMonths === 0;
}

/** The n-th open day of a month on the site's calendar, or null when the month has fewer. */
function nthBusinessDay(cal: WorkCalendar, month: DateTime, n: number): string | null {
  let seen = 0;
  for (let d = month.startOf('month'); d.month === month.month; d = d.plus({ days: 1 })) {
    if (isOpenDay(cal, iso(d)) && ++seen === n) return iso(d);
  }
  return null;
}

/** Nominal dates of a rule between two local dates (inclusive), with the date the work lands on. */
function nominalDates(
  rule: Rule,
  cal: WorkCalendar,
  from: DateTime,
  to: DateTime,
): { occurrence: string; date: string | null }[] {
  const out: { occurrence: string; date: string | null }[] = [];
  if (rule.kind === 'weekly') {
    for (let d = from; d <= to; d = d.plus({ days: 1 })) {
      if (rule.weekdays.includes(WEEKDAYS[d.weekday - 1]))
        out.push({ occurrence: iso(d), date: move(cal, iso(d), rule.ifClosed) });
    }
    return out;
  }
  for (let m = from.startOf('month'); m <= to; m = m.plus({ months: 1 })) {
    if (!inCycle(rule, m.month)) continue;
    if (rule.kind === 'monthly_business_day') {
      const date = nthBusinessDay(cal, m, rule.n);
      if (date) out.push({ occurrence: date, date });
    } else {
      const nominal = iso(m.set({ day: Math.min(rule.day, m.daysInMonth ?? 28) }));
      out.push({ occurrence: nominal, date: move(cal, nominal, rule.ifClosed) });
    }
  }
  return out;
}

/** Moves a closed day to the next or previous open day (null: skipped, or nothing open within a month). */
export function move(cal: WorkCalendar, date: string, ifClosed: 'skip' | 'next' | 'previous'): string | null {
  if (isOpenDay(cal, date)) return date;
  if (ifClosed === 'skip') return null;
  const step = ifClosed === 'next' ? 1 : -1;
  for (let i = 1; i <= MAX_SHIFT_DAYS; i++) {
    const candidate = iso(day(date).plus({ days: i * step }));
    if (isOpenDay(cal, candidate)) return candidate;
  }
  return null;
}

/** A bound as an instant: a plain date means local midnight on the site. */
function instant(value: string, zone: string): DateTime {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? DateTime.fromISO(value, { zone }) : DateTime.fromISO(value).setZone(zone);
}

/**
 * The occurrences whose instant falls in [from, to) on the site's calendar, in time order. Bounds are
 * ISO instants or plain dates (local midnight). Used by the runner (what is due), the schedule's next
 * occurrences and the planning view.
 */
export function occurrencesBetween(rule: Rule, cal: WorkCalendar, fromIso: string, toIso: string): Occurrence[] {
  const from = instant(fromIso, cal.timezone);
  const to = instant(toIso, cal.timezone);
  if (!from.isValid || !to.isValid || to <= from) return [];
  // Look a month beyond each bound: a nominal date outside the window may be moved into it.
  const first = day(iso(from)).minus({ days: MAX_SHIFT_DAYS + 1 });
  const last = day(iso(to)).plus({ days: MAX_SHIFT_DAYS + 1 });
  const out: Occurrence[] = [];
  for (const { occurrence, date } of nominalDates(rule, cal, first, last)) {
    if (!date) continue;
    const at = DateTime.fromISO(`${date}T${rule.time}`, { zone: cal.timezone });
    if (at >= from && at < to) out.push({ occurrence, date, at: at.toUTC().toISO() ?? '' });
  }
  return out.sort((a, b) => a.at.localeCompare(b.at) || a.occurrence.localeCompare(b.occurrence));
}

/** The next `count` occurrences after an instant (searching up to two years ahead: yearly rules). */
export function nextOccurrences(rule: Rule, cal: WorkCalendar, after: Date, count = 3): Occurrence[] {
  const out: Occurrence[] = [];
  let from = DateTime.fromJSDate(after).plus({ milliseconds: 1 });
  for (let i = 0; i < 12 && out.length < count; i++) {
    const to = from.plus({ days: 62 });
    out.push(...occurrencesBetween(rule, cal, from.toISO() ?? '', to.toISO() ?? ''));
    from = to;
  }
  return out.slice(0, count);
}

const QUARTERS = ['1er', '2e', '3e', '4e'];

/**
 * Fills a template's placeholders for an occurrence, in French: {mois} « novembre 2026 »,
 * {mois_precedent} « octobre 2026 », {annee} « 2026 », {trimestre} « 4e trimestre 2026 »,
 * {trimestre_precedent} « 3e trimestre 2026 » from the nominal date; {date} « 5 novembre 2026 » is the
 * day the work lands on (after moving off a closed day).
 */
export function renderTemplate(text: string, occurrence: string, date = occurrence): string {
  const d = DateTime.fromISO(occurrence, { zone: 'UTC' }).setLocale('fr');
  const quarter = (x: DateTime) => `${QUARTERS[x.quarter - 1]} trimestre ${x.year}`;
  const values: Record<string, string> = {
    mois: d.toFormat('LLLL yyyy'),
    mois_precedent: d.minus({ months: 1 }).toFormat('LLLL yyyy'),
    date: DateTime.fromISO(date, { zone: 'UTC' }).setLocale('fr').toFormat('d LLLL yyyy'),
    annee: String(d.year),
    trimestre: quarter(d),
    trimestre_precedent: quarter(d.minus({ months: 3 })),
  };
  return text.replace(/\{(\w+)\}/g, (all, key: string) => values[key] ?? all);
}
