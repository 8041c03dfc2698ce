import { Button, Group, Stack, TagsInput, Text } from '@mantine/core';
import { IconUserCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../../ui/DateField.tsx';
import { TimeField } from '../../../ui/TimeField.tsx';
import { wallIn, zonedIso } from '../../../ui/zoned.ts';

/** The part of the user form about assignment: skills, and an absence end typed in the site's local time. */
export interface Availability {
  skills: string[];
  /** `YYYY-MM-DD` in the site's zone, or empty (available). */
  absentDate: string;
  /** `HH:MM`, or empty for the end of that day. */
  absentTime: string;
}

/** A time left empty means the end of the day. */
const END_OF_DAY = '23:59';

/** The stored absence end (UTC) as the site's wall clock; 23:59 shows as "end of day" (empty time). */
export function toAvailability(
  user: { skills?: string[]; unavailableUntil?: string | null } | null,
  timezone: string,
): Availability {
  const wall = user?.unavailableUntil ? wallIn(user.unavailableUntil, timezone) : null;
  return {
    skills: user?.skills ?? [],
    absentDate: wall?.date ?? '',
    absentTime: wall && wall.time !== END_OF_DAY ? wall.time : '',
  };
}

/** What the API takes: ISO-8601 with the site's offset, or null when available. */
export function unavailableUntil(v: Availability, timezone: string): string | null {
  return v.absentDate ? zonedIso(v.absentDate, v.absentTime || END_OF_DAY, timezone) : null;
}

interface Props {
  values: Availability;
  errors: Record<string, string>;
  set: <K extends keyof Availability>(key: K, value: Availability[K]) => void;
  /** Skills already used in the organisation, offered as suggestions. */
  suggestions: string[];
  /** Where the times are read (the member's site, or its name). */
  zone: string;
}

/** Skills (TagsInput) and « Absent jusqu’au » (day + optional time) with a one-click « Disponible » reset. */
export function AvailabilityFields({ values, errors, set, suggestions, zone }: Props) {
  const { t } = useTranslation();
  const clear = () => {
    set('absentDate', '');
    set('absentTime', '');
  };
  return (
    <>
      <TagsInput
        label={t('work.people.skills')}
        description={t('work.people.skillsHelp')}
        placeholder={t('work.people.skillsPlaceholder')}
        data={suggestions}
        value={values.skills}
        error={errors.skills ?? Object.entries(errors).find(([k]) => k.startsWith('skills.'))?.[1]}
        onChange={(s) => set('skills', s)}
      />
      <Stack gap={4}>
        <Group align="flex-end" gap="sm">
          <DateField
            label={t('work.people.absentUntil')}
            value={values.absentDate}
            error={errors.absentDate ?? errors.unavailableUntil}
            onChange={(d) => set('absentDate', d)}
            w={190}
          />
          <Stack gap={4}>
            <Text size="sm" fw={500} aria-hidden>
              {t('work.people.absentTime')}
            </Text>
            <TimeField
              label={t('work.people.absentTime')}
              value={values.absentTime}
              onChange={(v) => set('absentTime', v)}
              w={112}
            />
          </Stack>
          <Button
            variant="default"
            leftSection={<IconUserCheck size={16} aria-hidden />}
            onClick={clear}
            disabled={!values.absentDate && !values.absentTime}
            aria-label={t('work.people.availableLabel')}
          >
            {t('work.people.available')}
          </Button>
        </Group>
        <Text size="xs" c="dimmed">
          {t('work.people.absentHelp', { zone })}
        </Text>
      </Stack>
    </>
  );
}
