import { Card, Group, NumberInput, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { type AlertSettings, useAlertSettings, useUpdateAlertSettings } from '../../api/alerts.ts';
import { useForm } from '../../ui/form.ts';
import { FormError } from '../../ui/FormAlerts.tsx';
import { FormActions } from '../../ui/FormActions.tsx';
import { QueryState } from '../../ui/QueryState.tsx';

type Values = { repeatMinutes: number; escalateMinutes: number };

function AlertSettingsForm({ settings }: { settings: AlertSettings }) {
  const { t } = useTranslation();
  const update = useUpdateAlertSettings();
  const editable = settings.allowedActions.includes('alert_settings.update');
  const form = useForm<Values>({ repeatMinutes: settings.repeatMinutes, escalateMinutes: settings.escalateMinutes });
  const { values, set } = form;
  const submit = form.submit(async (v) => {
    await update.mutateAsync(v);
    notifications.show({ message: t('alerts.settings.saved'), color: 'green' });
  });
  const minutes = (key: keyof Values, max: number) => ({
    min: 1,
    max,
    allowDecimal: false,
    disabled: !editable,
    value: values[key],
    error: form.errors[key],
    onChange: (n: string | number) => set(key, typeof n === 'number' ? n : 0),
  });
  return (
    <Card component="form" onSubmit={submit} noValidate maw={720}>
      <Stack gap="md">
        <Title order={2} size="h3">
          {t('alerts.settings.title')}
        </Title>
        <Text size="sm" c="dark.6">
          {t('alerts.settings.intro')}
        </Text>
        <FormError message={form.formError} />
        <Group grow align="flex-start" wrap="wrap">
          <NumberInput
            label={t('alerts.settings.repeatMinutes')}
            description={t('alerts.settings.repeatHelp')}
            miw={200}
            {...minutes('repeatMinutes', 120)}
          />
          <NumberInput
            label={t('alerts.settings.escalateMinutes')}
            description={t('alerts.settings.escalateHelp')}
            miw={200}
            {...minutes('escalateMinutes', 1440)}
          />
        </Group>
        {editable && <FormActions busy={update.isPending} />}
      </Stack>
    </Card>
  );
}

/** The organisation's urgent alert delays: remind every N minutes, pass on to the coordinators after M. */
export function AlertSettingsCard() {
  const query = useAlertSettings();
  return <QueryState query={query}>{(settings) => <AlertSettingsForm settings={settings} />}</QueryState>;
}
