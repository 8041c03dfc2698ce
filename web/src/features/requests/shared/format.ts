import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { splitMinutes } from './sla.ts';

/** The current time, refreshed every `ms` so badges counting down stay true without a reload. */
export function useNow(ms = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return now;
}

/** A duration in words: « 35 min », « 2 h 15 », « 3 j 4 h » (non-breaking spaces in French). */
export function useDuration() {
  const { t } = useTranslation();
  return (minutes: number): string => {
    const { d, h, m } = splitMinutes(minutes);
    if (d > 0) return h > 0 ? t('requests.duration.dh', { d, h }) : t('requests.duration.d', { d });
    if (h > 0) return m > 0 ? t('requests.duration.hm', { h, m: String(m).padStart(2, '0') }) : t('requests.duration.h', { h });
    return t('requests.duration.m', { m });
  };
}

function safeFormat(locale: string, options: Intl.DateTimeFormatOptions, timeZone: string | undefined, value: Date) {
  try {
    return new Intl.DateTimeFormat(locale, { ...options, timeZone }).format(value);
  } catch {
    return new Intl.DateTimeFormat(locale, options).format(value);
  }
}

/**
 * Instants shown in a site's time zone: `27/11/2026 14:05` (day/month/year, 24 h) for SLA due dates and
 * the timeline, `14:05` for a site's local time.
 */
export function useZoned() {
  const { i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en-GB' : 'fr-FR';
  const parse = (iso: string | null | undefined) => {
    if (!iso) return null;
    const d = new Date(iso);
    return Number.isNaN(d.getTime()) ? null : d;
  };
  const numeric: Intl.DateTimeFormatOptions = {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  };
  return {
    locale,
    dateTime: (iso: string | null | undefined, timeZone?: string) => {
      const d = parse(iso);
      return d ? safeFormat(locale, numeric, timeZone, d).replace(',', '') : '—';
    },
    date: (iso: string | null | undefined, timeZone?: string) => {
      const d = parse(iso);
      return d ? safeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric' }, timeZone, d) : '—';
    },
    time: (iso: string | number, timeZone?: string) =>
      safeFormat(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }, timeZone, new Date(iso)),
    zoneName: (timeZone: string) => {
      const parts = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'short' }).formatToParts(new Date());
      return parts.find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
    },
  };
}
