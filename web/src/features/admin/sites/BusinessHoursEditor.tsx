import { ActionIcon, Button, Group, Stack, Text, VisuallyHidden } from '@mantine/core';
import { IconCopy, IconPlus, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { WEEKDAYS, type Weekday } from '../../../../../common/roles.ts';
import type { BusinessHours, TimeRange } from '../../../api/types.ts';
import { TimeField } from '../../../ui/TimeField.tsx';
import classes from './hours.module.css';
import { copyMonday, dayErrors, MAX_RANGES } from './hours.ts';

interface Props {
  value: BusinessHours;
  onChange: (next: BusinessHours) => void;
  errors: Record<string, string>;
  disabled?: boolean;
}

interface DayProps extends Omit<Props, 'onChange' | 'value'> {
  day: Weekday;
  ranges: TimeRange[];
  onChange: (ranges: TimeRange[]) => void;
}

function RangeInputs({ day, ranges, onChange, errors, disabled }: DayProps) {
  const { t } = useTranslation();
  const dayName = t(`weekdays.${day}`);
  const edit = (i: number, side: 0 | 1, v: string) =>
    onChange(ranges.map((r, j) => (j === i ? ((side === 0 ? [v, r[1]] : [r[0], v]) as TimeRange) : r)));
  const invalid = (i: number) => !!errors[`businessHours.${day}.${i}`];
  return ranges.map((range, i) => (
    // biome-ignore lint/suspicious/noArrayIndexKey: a day's ranges are positional
    <Group key={i} gap={6} wrap="nowrap" className={classes.range}>
      <TimeField
        label={t('sites.hours.start', { day: dayName, n: i + 1 })}
        value={range[0]}
        onChange={(v) => edit(i, 0, v)}
        invalid={invalid(i)}
        disabled={disabled}
        w={112}
      />
      <Text size="sm" c="dimmed" aria-hidden>
        –
      </Text>
      <TimeField
        label={t('sites.hours.end', { day: dayName, n: i + 1 })}
        value={range[1]}
        onChange={(v) => edit(i, 1, v)}
        invalid={invalid(i)}
        disabled={disabled}
        w={112}
      />
      {!disabled && (
        <ActionIcon
          variant="subtle"
          color="gray"
          aria-label={t('sites.hours.removeRange', { n: i + 1, day: dayName })}
          onClick={() => onChange(ranges.filter((_, j) => j !== i))}
        >
          <IconX size={16} aria-hidden />
        </ActionIcon>
      )}
    </Group>
  ));
}

function DayRow(props: DayProps) {
  const { t } = useTranslation();
  const { day, ranges, onChange, errors, disabled } = props;
  const messages = dayErrors(errors, day);
  const last = ranges[ranges.length - 1];
  const add = () => onChange([...ranges, last ? [last[1], last[1] < '17:30' ? '17:30' : '23:59'] : ['09:00', '17:00']]);
  return (
    <fieldset className={classes.fieldset} data-testid={`hours-${day}`}>
      <VisuallyHidden component="legend">{t(`weekdays.${day}`)}</VisuallyHidden>
      <div className={classes.day}>
        <Text fw={600} size="sm" className={classes.dayName} aria-hidden>
          {t(`weekdays.${day}`)}
        </Text>
        <Stack gap={6} style={{ flex: 1 }}>
          <Group gap="sm" wrap="wrap">
            {ranges.length === 0 && (
              <Text size="sm" c="dimmed" className={classes.closed}>
                {t('sites.hours.closed')}
              </Text>
            )}
            <RangeInputs {...props} />
            {!disabled && ranges.length < MAX_RANGES && (
              <Button
                variant="subtle"
                size="xs"
                leftSection={<IconPlus size={14} aria-hidden />}
                onClick={add}
                aria-label={t('sites.hours.addRangeFor', { day: t(`weekdays.${day}`) })}
              >
                {t('sites.hours.addRange')}
              </Button>
            )}
          </Group>
          {messages.map((m) => (
            <Text key={m} size="xs" c="var(--mantine-color-error)" role="alert">
              {m}
            </Text>
          ))}
        </Stack>
      </div>
    </fieldset>
  );
}

/** Weekly opening hours: for each day, zero (closed), one or two time ranges. */
export function BusinessHoursEditor({ value, onChange, errors, disabled }: Props) {
  const { t } = useTranslation();
  return (
    <Stack gap={0}>
      {WEEKDAYS.map((day) => (
        <DayRow
          key={day}
          day={day}
          ranges={value[day] ?? []}
          onChange={(ranges) => onChange({ ...value, [day]: ranges })}
          errors={errors}
          disabled={disabled}
        />
      ))}
      {!disabled && (
        <Group mt="sm">
          <Button
            variant="default"
            size="xs"
            h="auto"
            py={6}
            styles={{ label: { whiteSpace: 'normal', textAlign: 'left' } }}
            leftSection={<IconCopy size={14} aria-hidden />}
            onClick={() => onChange(copyMonday(value))}
          >
            {t('sites.hours.copyMonday')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
