import { ActionIcon, Button, Card, Group, Stack, Switch, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client.ts';
import { useMe } from '../../../api/me.ts';
import { useClosures, useCreateClosure, useDeleteClosure } from '../../../api/sites.ts';
import type { Closure, Site } from '../../../api/types.ts';
import { DateField } from '../../../ui/DateField.tsx';
import { useFormat } from '../../../ui/format.ts';
import { compact, useChecks, useForm } from '../../../ui/form.ts';
import { FormError } from '../../../ui/FormAlerts.tsx';
import { canOn } from '../../../ui/permissions.ts';
import { TimeField } from '../../../ui/TimeField.tsx';
import { Empty, QueryState } from '../../../ui/QueryState.tsx';
import { ScrollTable } from '../../../ui/ScrollTable.tsx';

const EMPTY = { startsOn: '', endsOn: '', label: '', halfDay: false, startTime: '08:30', endTime: '12:30' };
type Values = typeof EMPTY;

function useClosureForm() {
  const { t } = useTranslation();
  const check = useChecks();
  return useForm(EMPTY, (v: Values) =>
    compact({
      startsOn: check.required(v.startsOn),
      endsOn: check.required(v.endsOn) ?? (v.endsOn < v.startsOn ? t('validation.dateOrder') : undefined),
      label: check.required(v.label),
      startTime: v.halfDay ? check.required(v.startTime) : undefined,
      endTime: !v.halfDay
        ? undefined
        : (check.required(v.endTime) ?? (v.endTime <= v.startTime ? t('validation.timeOrder') : undefined)),
    }),
  );
}

type ClosureForm = ReturnType<typeof useClosureForm>;

/** The optional half-day bounds: a switch, then start and end times with their errors. */
function HalfDayFields({ form }: { form: ClosureForm }) {
  const { t } = useTranslation();
  const { values, errors } = form;
  const messages = [errors.startTime, errors.endTime].filter(Boolean);
  return (
    <Stack gap={6}>
      <Switch
        label={t('sites.closures.halfDay')}
        description={t('sites.closures.halfDayHelp')}
        checked={values.halfDay}
        onChange={(e) => form.set('halfDay', e.currentTarget.checked)}
      />
      {values.halfDay && (
        <Group gap={6} wrap="nowrap" data-testid="closure-times">
          <TimeField label={t('sites.closures.startTime')} w={112} invalid={!!errors.startTime} {...time(form, 'startTime')} />
          <Text size="sm" c="dimmed" aria-hidden>
            –
          </Text>
          <TimeField label={t('sites.closures.endTime')} w={112} invalid={!!errors.endTime} {...time(form, 'endTime')} />
        </Group>
      )}
      {messages.map((m) => (
        <Text key={m} size="xs" c="var(--mantine-color-error)" role="alert">
          {m}
        </Text>
      ))}
    </Stack>
  );
}

const time = (form: ClosureForm, key: 'startTime' | 'endTime') => ({
  value: form.values[key],
  onChange: (v: string) => form.set(key, v),
});

function AddClosure({ siteId }: { siteId: string }) {
  const { t } = useTranslation();
  const create = useCreateClosure(siteId);
  const form = useClosureForm();
  const submit = form.submit(async ({ halfDay, startTime, endTime, ...v }) => {
    const times = halfDay ? { startTime, endTime } : { startTime: null, endTime: null };
    await create.mutateAsync({ ...v, ...times, label: v.label.trim() });
    form.reset(EMPTY);
    notifications.show({ message: t('sites.closures.added'), color: 'green' });
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <FormError message={form.formError} />
        <Group align="flex-start" gap="sm" wrap="wrap">
          <DateField label={t('sites.closures.startsOn')} required w={170} {...form.field('startsOn')} />
          <DateField label={t('sites.closures.endsOn')} required w={170} {...form.field('endsOn')} />
          <TextInput label={t('sites.closures.label')} required style={{ flex: '1 1 14rem' }} {...form.text('label')} />
        </Group>
        <HalfDayFields form={form} />
        <Group>
          <Button type="submit" loading={create.isPending} leftSection={<IconPlus size={16} aria-hidden />}>
            {t('sites.closures.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** « 24 mars 2026, 08:30–12:30 » or « Du 1 mai 2026 au 3 mai 2026 ». */
function usePeriod() {
  const { t } = useTranslation();
  const { date } = useFormat();
  return (c: Closure) => {
    const days =
      c.startsOn === c.endsOn ? date(c.startsOn) : t('sites.closures.period', { from: date(c.startsOn), to: date(c.endsOn) });
    return c.startTime && c.endTime ? t('sites.closures.timed', { days, start: c.startTime, end: c.endTime }) : days;
  };
}

function ClosureRows({ siteId, closures, editable }: { siteId: string; closures: Closure[]; editable: boolean }) {
  const { t } = useTranslation();
  const period = usePeriod();
  const remove = useDeleteClosure(siteId);
  const del = (c: Closure) =>
    remove.mutate(c.id, {
      onSuccess: () => notifications.show({ message: t('sites.closures.removed'), color: 'green' }),
      onError: (e) => notifications.show({ message: isApiError(e) ? e.message : t('common.errorTitle'), color: 'red' }),
    });
  return closures.map((c) => (
    <Table.Tr key={c.id}>
      <Table.Td>{period(c)}</Table.Td>
      <Table.Td>{c.label}</Table.Td>
      {editable && (
        <Table.Td ta="right">
          <ActionIcon
            variant="subtle"
            color="red"
            aria-label={t('sites.closures.remove', { label: c.label })}
            onClick={() => del(c)}
          >
            <IconTrash size={16} aria-hidden />
          </ActionIcon>
        </Table.Td>
      )}
    </Table.Tr>
  ));
}

/** Exceptional closures of a site (bridges, summer break…), with add and delete. */
export function ClosuresPanel({ site }: { site: Site }) {
  const { t } = useTranslation();
  const me = useMe().data;
  const closures = useClosures(site.id);
  const editable = canOn(site, me, 'site.closures.write');
  return (
    <Card component="section" aria-labelledby="closures-title" data-testid="site-closures">
      <Title order={2} id="closures-title">
        {t('sites.closures.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('sites.closures.help')}
      </Text>
      <Stack gap="md">
        <QueryState query={closures}>
          {(data) =>
            data.items.length === 0 ? (
              <Empty>{t('sites.closures.empty')}</Empty>
            ) : (
              <ScrollTable label={t('sites.closures.title')} minWidth={420}>
                <Table>
                  <Table.Tbody>
                    <ClosureRows siteId={site.id} closures={data.items} editable={editable} />
                  </Table.Tbody>
                </Table>
              </ScrollTable>
            )
          }
        </QueryState>
        {editable && <AddClosure siteId={site.id} />}
      </Stack>
    </Card>
  );
}
