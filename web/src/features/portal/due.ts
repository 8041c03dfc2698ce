import { wallIn } from '../../ui/zoned.ts';

const DAY = 86_400_000;

/** The next promised instant of an open request: first response until there is one, then resolution. */
export function nextDue(sla: {
  firstResponseDueAt: string | null;
  firstRespondedAt: string | null;
  resolutionDueAt: string | null;
}): string | null {
  if (!sla.firstRespondedAt && sla.firstResponseDueAt) return sla.firstResponseDueAt;
  return sla.resolutionDueAt;
}

const daysBetween = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY);

/**
 * A due instant the way people say it, in the site's zone: « aujourd’hui 16 h », « demain 9 h 30 »,
 * « jeudi 14 h » within the week, « jeudi 10 décembre 14 h » beyond (English: « Thursday 2 pm »…).
 */
export function spokenDue(iso: string, timeZone: string, lang: string, now = new Date()): string {
  const at = new Date(iso);
  const wall = wallIn(iso, timeZone);
  const days = daysBetween(wallIn(now.toISOString(), timeZone).date, wall.date);
  const en = lang === 'en';
  const [h, m] = wall.time.split(':').map(Number);
  const mm = String(m).padStart(2, '0');
  const time = en ? `${h % 12 || 12}${m ? `:${mm}` : ''}\u00a0${h < 12 ? 'am' : 'pm'}` : `${h}\u00a0h${m ? `\u00a0${mm}` : ''}`;
  const locale = en ? 'en-GB' : 'fr-FR';
  const weekday = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone }).format(at);
  let day: string;
  if (days === 0) day = en ? 'today' : 'aujourd’hui';
  else if (days === 1) day = en ? 'tomorrow' : 'demain';
  else if (days > 1 && days < 7) day = weekday;
  else day = new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', timeZone }).format(at);
  return en ? `${day}, ${time}` : `${day} ${time}`;
}
