import { useMemo } from 'react';
import { useFormat } from '../../ui/format.ts';
import { useMyTimeZone } from '../kb/parts.tsx';

/** Days and times of messages in the user's site time zone (French format in French: « jeudi 27 novembre 2026 », « 14:05 »). */
export function useMessageTime() {
  const timeZone = useMyTimeZone();
  const { locale } = useFormat();
  return useMemo(() => {
    const safe = (options: Intl.DateTimeFormatOptions, loc = locale) => {
      try {
        return new Intl.DateTimeFormat(loc, { ...options, timeZone });
      } catch {
        return new Intl.DateTimeFormat(loc, options);
      }
    };
    const key = safe({ year: 'numeric', month: '2-digit', day: '2-digit' }, 'en-CA');
    const day = safe({ weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
    const time = safe({ hour: '2-digit', minute: '2-digit' });
    const full = safe({ day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' });
    return {
      dayKey: (iso: string) => key.format(new Date(iso)),
      day: (iso: string) => day.format(new Date(iso)),
      time: (iso: string) => time.format(new Date(iso)),
      full: (iso: string) => full.format(new Date(iso)),
    };
  }, [locale, timeZone]);
}
