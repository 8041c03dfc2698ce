import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { WEEKDAYS } from '../../../../../common/roles.ts';
import type { RecurrenceRule, SiteRef } from '../../../api/work-types.ts';

type Locale = 'fr' | 'en';
const INTL: Record<Locale, string> = { fr: 'fr-FR', en: 'en-GB' };

/** « 1er », « 5e » in French; 1st, 2nd, 3rd, 5th in English. */
export function ordinal(n: number, locale: Locale): string {
  if (locale === 'fr') return n === 1 ? '1er' : `${n}e`;
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? 'th' : (({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th');
  return `${n}${suffix}`;
}

/** A month's name (1 = January) in the UI language, lower case in French (« avril »). */
export function monthName(month: number, locale: Locale): string {
  return new Intl.DateTimeFormat(INTL[locale], { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, month - 1, 1)));
}

/** A weekday's name (`mon`) in the UI language (« lundi »). */
export function weekdayName(day: (typeof WEEKDAYS)[number], locale: Locale): string {
  const index = WEEKDAYS.indexOf(day);
  return new Intl.DateTimeFormat(INTL[locale], { weekday: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2024, 0, 1 + index)),
  );
}

const list = (items: string[], locale: Locale) => new Intl.ListFormat(INTL[locale], { type: 'conjunction' }).format(items);

/** The months of a cycle: every 3 months from April → « avril, juillet, octobre et janvier ». */
function cycleMonths(every: number, start: number, locale: Locale): string[] {
  return Array.from({ length: 12 / every }, (_, i) => ((start - 1 + i * every) % 12) + 1)
    .sort((a, b) => a - b)
    .map((m) => monthName(m, locale));
}

/**
 * « heure de Lyon » for a metropolitan site (its city, the site name before « — »); elsewhere the
 * zone's own name (« heure de La Réunion »), which tells a Paris reader the clock differs.
 */
export function zoneLabel(site: Pick<SiteRef, 'name' | 'timezone'>, t: TFunction, locale: Locale): string {
  if (site.timezone === 'Europe/Paris') return t('work.recurring.rule.zoneOf', { place: site.name.split(' — ')[0] });
  try {
    const parts = new Intl.DateTimeFormat(INTL[locale], { timeZone: site.timezone, timeZoneName: 'longGeneric' }).formatToParts(
      new Date(),
    );
    return parts.find((p) => p.type === 'timeZoneName')?.value ?? site.timezone;
  } catch {
    return site.timezone;
  }
}

function monthly(rule: Extract<RecurrenceRule, { everyMonths?: unknown }>, t: TFunction, locale: Locale): string {
  const every = rule.everyMonths ?? 1;
  const start = rule.startMonth ?? 1;
  const base = { time: rule.time, month: monthName(start, locale) };
  const cycle =
    every === 12
      ? ''
      : t(`work.recurring.rule.cycle.${every as 1 | 3 | 6}`, { months: list(cycleMonths(every, start, locale), locale) });
  if (rule.kind === 'monthly_business_day') {
    const nth = ordinal(rule.n, locale);
    return every === 12
      ? t('work.recurring.rule.businessDayYearly', { ...base, nth })
      : t('work.recurring.rule.businessDay', { ...base, nth, cycle });
  }
  const plain = locale === 'fr' && rule.day === 1 ? '1er' : String(rule.day);
  const day = rule.day > 28 ? t('work.recurring.rule.lastDay', { day: plain }) : plain;
  return every === 12
    ? t('work.recurring.rule.monthDayYearly', { ...base, day })
    : t('work.recurring.rule.monthDay', { ...base, day, cycle });
}

/**
 * A rule in plain words: « Le 5e jour ouvré de chaque mois à 09:00 (heure de Lyon) », « Chaque lundi à
 * 09:00 (heure de La Réunion) ; si fermé : jour ouvré suivant ». The site is optional (rule builder preview).
 */
export function describeRule(
  rule: RecurrenceRule,
  t: TFunction,
  locale: Locale,
  site?: Pick<SiteRef, 'name' | 'timezone'>,
): string {
  let text =
    rule.kind === 'weekly'
      ? t('work.recurring.rule.weekly', {
          days: list(
            WEEKDAYS.filter((d) => rule.weekdays.includes(d)).map((d) => weekdayName(d, locale)),
            locale,
          ),
          time: rule.time,
        })
      : monthly(rule, t, locale);
  if (site) text = t('work.recurring.rule.zone', { rule: text, zone: zoneLabel(site, t, locale) });
  if (rule.kind !== 'monthly_business_day')
    text = t('work.recurring.rule.closed', { rule: text, what: t(`work.recurring.rule.closedWhat.${rule.ifClosed ?? 'next'}`) });
  return text;
}

/** `describeRule` bound to the UI language. */
export function useDescribeRule() {
  const { t, i18n } = useTranslation();
  const locale: Locale = i18n.language === 'en' ? 'en' : 'fr';
  return (rule: RecurrenceRule, site?: Pick<SiteRef, 'name' | 'timezone'>) => describeRule(rule, t, locale, site);
}

/** « lundi 30 novembre » (with the year when it is not the current one), from a local `YYYY-MM-DD`. */
export function useLongDay() {
  const { i18n } = useTranslation();
  const locale = INTL[i18n.language === 'en' ? 'en' : 'fr'];
  const thisYear = new Date().getFullYear();
  return (date: string) => {
    const d = new Date(`${date}T12:00:00Z`);
    const year = d.getUTCFullYear() !== thisYear ? { year: 'numeric' as const } : {};
    return new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC', ...year }).format(
      d,
    );
  };
}
