import { TimePicker } from '@mantine/dates';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toHourMinute } from './dates.ts';

interface Props {
  /** Accessible name of the whole field; hours and minutes are named after it. */
  label: string;
  /** `HH:MM`, or empty while incomplete. */
  value: string;
  onChange: (value: string) => void;
  invalid?: boolean;
  disabled?: boolean;
  w?: number;
}

/** The picker's root is a plain div: aria-invalid, required and disabled belong on the hours and minutes inputs. */
const ariaOnFields = { withAria: false };

/**
 * A 24-hour time (08:30) whatever the browser's locale, typed or picked from lists of hours and minutes.
 * The picker keeps its own state while the user types (a half-typed time is reported as "") and is
 * remounted only when the value changes from outside (copy of Monday, removed range, reload).
 */
export function TimeField({ label, value, onChange, invalid, disabled, w }: Props) {
  const { t } = useTranslation();
  const [seen, setSeen] = useState({ value, generation: 0 });
  if (value !== seen.value) setSeen({ value, generation: seen.generation + 1 });
  const emit = (next: string) => {
    const hhmm = toHourMinute(next);
    setSeen((s) => ({ ...s, value: hhmm }));
    onChange(hhmm);
  };
  const field = { 'aria-invalid': invalid || undefined };
  return (
    <TimePicker
      key={seen.generation}
      {...ariaOnFields}
      role="group"
      aria-label={label}
      format="24h"
      withDropdown
      minutesStep={5}
      defaultValue={value}
      onChange={emit}
      hoursInputLabel={t('dates.hours', { label })}
      minutesInputLabel={t('dates.minutes', { label })}
      hoursInputProps={field}
      minutesInputProps={field}
      error={invalid}
      disabled={disabled}
      w={w}
    />
  );
}
