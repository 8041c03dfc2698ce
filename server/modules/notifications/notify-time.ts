import { DateTime } from 'luxon';
import type { QuietHours } from '../../../common/notifications.ts';

/** Hour of the daily digest, in the user's site time zone. */
export const DIGEST_HOUR = 8;

const minutesOf = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
};

/**
 * When an immediate mail may go: now, or the end of the user's quiet hours if `now` falls inside them
 * (local "HH:MM" bounds in the site time zone; start after end spans midnight, e.g. 20:00–07:30).
 */
export function quietRelease(now: Date, zone: string, quiet: QuietHours | null): Date {
  if (!quiet || quiet.start === quiet.end) return now;
  const local = DateTime.fromJSDate(now, { zone });
  const m = local.hour * 60 + local.minute;
  const s = minutesOf(quiet.start);
  const e = minutesOf(quiet.end);
  const inside = s < e ? m >= s && m < e : m >= s || m < e;
  if (!inside) return now;
  let end = local.set({ hour: Math.floor(e / 60), minute: e % 60, second: 0, millisecond: 0 });
  if (end <= local) end = end.plus({ days: 1 });
  return end.toJSDate();
}

/** The next daily digest after `now`: 08:00 today in the site time zone, else 08:00 tomorrow. */
export function nextDigest(now: Date, zone: string): Date {
  const local = DateTime.fromJSDate(now, { zone });
  let at = local.set({ hour: DIGEST_HOUR, minute: 0, second: 0, millisecond: 0 });
  if (at <= local) at = at.plus({ days: 1 });
  return at.toJSDate();
}
