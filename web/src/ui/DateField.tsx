import { DateInput, type DateInputProps } from '@mantine/dates';
import { IconCalendar } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { isLocale } from '../i18n/index.ts';
import classes from './dates.module.css';
import { DAY_FORMATS, parseDay } from './dates.ts';

type Props = Omit<DateInputProps, 'value' | 'onChange' | 'valueFormat' | 'dateParser'> & {
  /** `YYYY-MM-DD`, or empty. */
  value: string;
  onChange: (value: string) => void;
};

/** Names of the calendar's navigation buttons, in the UI language. */
function useCalendarLabels() {
  const { t } = useTranslation();
  const keys = ['previousMonth', 'nextMonth', 'previousYear', 'nextYear', 'previousDecade', 'nextDecade'] as const;
  // The month and year buttons keep their visible text (« novembre 2026 ») as their name.
  return Object.fromEntries(keys.map((k) => [k, t(`dates.${k}`)]));
}

/**
 * A day, typed or picked in a calendar, shown in the UI language's format (27/11/2026 in French)
 * whatever the browser's locale; the value stays `YYYY-MM-DD`.
 */
export function DateField({ value, onChange, ...props }: Props) {
  const { t, i18n } = useTranslation();
  const ariaLabels = useCalendarLabels();
  return (
    <DateInput
      valueFormat={DAY_FORMATS[isLocale(i18n.language) ? i18n.language : 'fr']}
      dateParser={parseDay}
      placeholder={t('dates.placeholder')}
      allowDeselect
      ariaLabels={ariaLabels}
      clearButtonProps={{ 'aria-label': t('dates.clear') }}
      leftSection={<IconCalendar size={16} aria-hidden />}
      leftSectionPointerEvents="none"
      classNames={{ day: classes.day }}
      {...props}
      value={value || null}
      onChange={(next) => onChange(next ?? '')}
    />
  );
}
