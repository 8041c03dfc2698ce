import { useTranslation } from 'react-i18next';

const DAY_ONLY = /^\d{4}-\d{2}-\d{2}$/;

function toDate(value: string): Date | null {
  const d = DAY_ONLY.test(value) ? new Date(`${value}T12:00:00Z`) : new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** Locale-aware formatters, e.g. « 27 nov. 2026, 14:05 » in French. */
export function useFormat() {
  const { i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en-GB' : 'fr-FR';
  const fmt = (value: string | null | undefined, options: Intl.DateTimeFormatOptions) => {
    if (!value) return '—';
    const d = toDate(value);
    if (!d) return value;
    const utc = DAY_ONLY.test(value) ? { timeZone: 'UTC' } : {};
    return new Intl.DateTimeFormat(locale, { ...options, ...utc }).format(d);
  };
  return {
    locale,
    dateTime: (v: string | null | undefined) =>
      fmt(v, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' }),
    date: (v: string | null | undefined) => fmt(v, { day: 'numeric', month: 'short', year: 'numeric' }),
    longDate: (v: string | null | undefined) => fmt(v, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }),
    number: (n: number) => new Intl.NumberFormat(locale).format(n),
  };
}

/**
 * A site's local time: the server may send "HH:mm" or an ISO timestamp; shown as hours and minutes
 * in the site's own time zone.
 */
export function useSiteTime() {
  const { locale } = useFormat();
  return (value: string | undefined, timeZone: string): string => {
    if (!value) return '—';
    if (/^\d{2}:\d{2}$/.test(value)) return value;
    const d = new Date(value);
    if (Number.isNaN(d.getTime())) return value;
    try {
      return new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone }).format(d);
    } catch {
      return new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' }).format(d);
    }
  };
}
