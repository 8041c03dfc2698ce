import type { Locale } from '../api/types.ts';

/** How a day is shown and typed in each UI language; the API always gets `YYYY-MM-DD`. */
export const DAY_FORMATS: Record<Locale, string> = { fr: 'DD/MM/YYYY', en: 'YYYY-MM-DD' };

const DAY_FIRST = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const YEAR_FIRST = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A typed day, `27/11/2026` (also with dots or dashes) or `2026-11-27`, as `YYYY-MM-DD`;
 * null while incomplete or when the day does not exist (31/02).
 */
export function parseDay(text: string): string | null {
  const trimmed = text.trim();
  const dayFirst = DAY_FIRST.exec(trimmed);
  const yearFirst = YEAR_FIRST.exec(trimmed);
  const parts = dayFirst ? [dayFirst[3], dayFirst[2], dayFirst[1]] : yearFirst ? yearFirst.slice(1, 4) : null;
  if (!parts) return null;
  const [y, m, d] = parts.map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** A time picker's value as the API's `HH:MM` (no seconds); empty while incomplete. */
export function toHourMinute(value: string): string {
  const match = /^(\d{1,2}):(\d{2})/.exec(value);
  return match ? `${pad(Number(match[1]))}:${match[2]}` : '';
}
