import { useTranslation } from 'react-i18next';

/** Business minutes in words: « 1 h », « 1 h 30 », « 45 min ». */
export function useDuration() {
  const { t } = useTranslation();
  return (minutes: number | null | undefined): string => {
    if (minutes === null || minutes === undefined) return '—';
    const h = Math.floor(minutes / 60);
    const m = minutes % 60;
    if (h === 0) return t('sla.duration.minutes', { m });
    if (m === 0) return t('sla.duration.hours', { h });
    return t('sla.duration.hoursMinutes', { h, m: String(m).padStart(2, '0') });
  };
}
