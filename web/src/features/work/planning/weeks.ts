/** Plain calendar days (`YYYY-MM-DD`) for the planning: no time zone involved, each item carries its site's local date. */

const day = (date: string) => new Date(`${date}T00:00:00Z`);
const iso = (d: Date) => d.toISOString().slice(0, 10);

/** The days of the planning: four weeks from a Monday (the API allows 62 days). */
export const WEEKS = 4;

/** Today on this device's calendar. */
export function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function addDays(date: string, days: number): string {
  const d = day(date);
  d.setUTCDate(d.getUTCDate() + days);
  return iso(d);
}

/** The Monday of the week a day falls in. */
export function mondayOf(date: string): string {
  const weekday = (day(date).getUTCDay() + 6) % 7;
  return addDays(date, -weekday);
}

/** 0 for Monday … 6 for Sunday. */
export function weekdayIndex(date: string): number {
  return (day(date).getUTCDay() + 6) % 7;
}

/** The weeks of a period as lists of seven days, from its first Monday. */
export function weeksFrom(monday: string, count = WEEKS): string[][] {
  return Array.from({ length: count }, (_, w) => Array.from({ length: 7 }, (_, d) => addDays(monday, w * 7 + d)));
}
