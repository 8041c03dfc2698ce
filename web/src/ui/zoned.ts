/** Wall-clock dates and times in a named time zone (a site's), without a date library. */

const pad = (n: number) => String(n).padStart(2, '0');

function wallParts(instant: number, timeZone: string) {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return { y: get('year'), m: get('month'), d: get('day'), h: get('hour') % 24, mi: get('minute') };
}

/** The zone's offset from UTC at an instant, in minutes (Paris in summer: 120). */
function offsetAt(instant: number, timeZone: string): number {
  const p = wallParts(instant, timeZone);
  return Math.round((Date.UTC(p.y, p.m - 1, p.d, p.h, p.mi) - Math.floor(instant / 60000) * 60000) / 60000);
}

/** Now, as the zone's wall clock: `{date: 'YYYY-MM-DD', time: 'HH:MM'}`. */
export function nowIn(timeZone: string): { date: string; time: string } {
  const p = wallParts(Date.now(), timeZone);
  return { date: `${p.y}-${pad(p.m)}-${pad(p.d)}`, time: `${pad(p.h)}:${pad(p.mi)}` };
}

/** A wall-clock day and time in the zone as ISO-8601 with its offset (`2026-04-02T17:00:00+02:00`). */
export function zonedIso(date: string, time: string, timeZone: string): string {
  const [y, m, d] = date.split('-').map(Number);
  const [h, mi] = time.split(':').map(Number);
  const wall = Date.UTC(y, m - 1, d, h, mi);
  let offset = offsetAt(wall, timeZone);
  offset = offsetAt(wall - offset * 60000, timeZone);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${date}T${time}:00${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** An instant (ISO) as the zone's wall clock `{date, time}`: to edit a stored UTC instant in a site's local time. */
export function wallIn(iso: string, timeZone: string): { date: string; time: string } {
  const p = wallParts(new Date(iso).getTime(), timeZone);
  return { date: `${p.y}-${pad(p.m)}-${pad(p.d)}`, time: `${pad(p.h)}:${pad(p.mi)}` };
}
