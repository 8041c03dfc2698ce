import { Alert, Button, Card, Group, NumberInput, Stack, Text, Title } from '@mantine/core';
import { IconClockPlay } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSimulateSla } from '../../../api/catalog.ts';
import type { Site, SlaSimulation } from '../../../api/types.ts';
import { DateField } from '../../../ui/DateField.tsx';
import { useFormat } from '../../../ui/format.ts';
import { compact, useChecks, useForm } from '../../../ui/form.ts';
import { FormError } from '../../../ui/FormAlerts.tsx';
import { TimeField } from '../../../ui/TimeField.tsx';
import { nowIn, zonedIso } from '../../../ui/zoned.ts';

type SimForm = ReturnType<typeof useSimulateForm>;

function useSimulateForm(timezone: string) {
  const check = useChecks();
  const now = nowIn(timezone);
  return useForm({ date: now.date, time: now.time, hours: 1, minutes: 0 }, (v) =>
    compact({ date: check.required(v.date), time: check.required(v.time) }),
  );
}

/** « mardi 7 avril 2026 à 09:00 (Europe/Paris) ». */
function SimulationResult({ result }: { result: SlaSimulation }) {
  const { t } = useTranslation();
  const { locale } = useFormat();
  const timeZone = result.timezone;
  const end = new Date(result.end);
  const date = new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone });
  const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone });
  return (
    <Alert color="indigo" variant="light" role="status" data-testid="sla-simulation-result">
      <Text size="sm">{t('simulate.result')}</Text>
      <Text fw={700}>{t('simulate.end', { date: date.format(end), time: time.format(end), timezone: timeZone })}</Text>
    </Alert>
  );
}

function Duration({ form }: { form: SimForm }) {
  const { t } = useTranslation();
  const num = (key: 'hours' | 'minutes', max: number) => ({
    value: form.values[key],
    onChange: (v: string | number) => form.set(key, typeof v === 'number' ? v : 0),
    min: 0,
    max,
    allowDecimal: false,
    allowNegative: false,
    clampBehavior: 'strict' as const,
    w: 150,
  });
  return (
    <>
      <NumberInput label={t('simulate.hours')} {...num('hours', 24 * 365)} />
      <NumberInput label={t('simulate.minutes')} {...num('minutes', 59)} />
    </>
  );
}

/** The start time, with its name shown above like the other fields (the picker is a named group). */
function StartTime({ form }: { form: SimForm }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500} aria-hidden>
        {t('simulate.startTime')}
      </Text>
      <TimeField
        label={t('simulate.startTime')}
        value={form.values.time}
        onChange={(v) => form.set('time', v)}
        w={112}
        invalid={!!form.errors.time}
      />
    </Stack>
  );
}

/** « Simuler un délai »: when N business hours starting at an instant end on this site's calendar. */
export function SimulateCard({ site }: { site: Site }) {
  const { t } = useTranslation();
  const simulate = useSimulateSla();
  const form = useSimulateForm(site.timezone);
  const submit = form.submit(({ date, time, hours, minutes }) =>
    simulate.mutateAsync({ siteId: site.id, start: zonedIso(date, time, site.timezone), minutes: hours * 60 + minutes }),
  );
  return (
    <Card component="section" aria-labelledby="simulate-title" data-testid="site-simulate">
      <Title order={2} id="simulate-title">
        {t('simulate.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('simulate.help', { timezone: site.timezone })}
      </Text>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Group align="flex-end" gap="sm" wrap="wrap">
            <DateField label={t('simulate.startDate')} required w={170} {...form.field('date')} />
            <StartTime form={form} />
            <Duration form={form} />
            <Button type="submit" loading={simulate.isPending} leftSection={<IconClockPlay size={16} aria-hidden />}>
              {t('simulate.run')}
            </Button>
          </Group>
          <FormError message={form.formError} />
          {simulate.data && !simulate.isPending && <SimulationResult result={simulate.data} />}
        </Stack>
      </form>
    </Card>
  );
}
