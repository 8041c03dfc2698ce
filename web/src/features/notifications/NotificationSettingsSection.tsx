import { Button, Checkbox, Group, Select, Stack, Table, Text } from '@mantine/core';
import { notifications as toast } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  NOTIFICATION_MODES,
  NOTIFICATION_TYPES,
  type NotificationMode,
  type NotificationSettings,
} from '../../../../common/notifications.ts';
import { useNotificationSettings, useSaveNotificationSettings } from '../../api/notifications.ts';
import { FormError } from '../../ui/FormAlerts.tsx';
import { QueryState } from '../../ui/QueryState.tsx';
import { TimeField } from '../../ui/TimeField.tsx';
import { ProfileCard } from '../profile/ProfileCard.tsx';

function SettingsForm({ initial }: { initial: NotificationSettings }) {
  const { t } = useTranslation();
  const save = useSaveNotificationSettings();
  const [types, setTypes] = useState(initial.types);
  const [quiet, setQuiet] = useState(initial.quietHours ?? { start: '20:00', end: '07:30' });
  const [quietOn, setQuietOn] = useState(!!initial.quietHours);
  const modes = NOTIFICATION_MODES.map((m) => ({ value: m, label: t(`notifications.settings.modes.${m}`) }));
  const submit = () =>
    save.mutate(
      { types, quietHours: quietOn ? quiet : null },
      { onSuccess: () => toast.show({ message: t('notifications.settings.saved') }) },
    );
  return (
    <Stack gap="md">
      <Table.ScrollContainer minWidth={320}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('notifications.settings.type')}</Table.Th>
              <Table.Th>{t('notifications.settings.mode')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {NOTIFICATION_TYPES.map((type) => {
              const name = t(`notifications.settings.types.${type}`);
              return (
                <Table.Tr key={type}>
                  <Table.Td>{name}</Table.Td>
                  <Table.Td>
                    <Select
                      aria-label={t('notifications.settings.modeLabel', { type: name })}
                      data={modes}
                      value={types[type]}
                      allowDeselect={false}
                      onChange={(v) => v && setTypes({ ...types, [type]: v as NotificationMode })}
                      w={200}
                    />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Text size="sm" c="dimmed">
        {t('notifications.settings.digestHelp')}
      </Text>
      <Checkbox
        label={t('notifications.settings.quiet')}
        description={t('notifications.settings.quietHelp')}
        checked={quietOn}
        onChange={(e) => setQuietOn(e.currentTarget.checked)}
      />
      {quietOn && (
        <Group gap="md">
          <Stack gap={4}>
            <Text size="sm" fw={500} aria-hidden>
              {t('notifications.settings.quietStart')}
            </Text>
            <TimeField
              label={t('notifications.settings.quietStart')}
              value={quiet.start}
              onChange={(start) => setQuiet({ ...quiet, start })}
            />
          </Stack>
          <Stack gap={4}>
            <Text size="sm" fw={500} aria-hidden>
              {t('notifications.settings.quietEnd')}
            </Text>
            <TimeField
              label={t('notifications.settings.quietEnd')}
              value={quiet.end}
              onChange={(end) => setQuiet({ ...quiet, end })}
            />
          </Stack>
        </Group>
      )}
      <FormError message={save.error?.message ?? null} />
      <Group>
        <Button onClick={submit} loading={save.isPending} disabled={quietOn && (!quiet.start || !quiet.end)}>
          {t('notifications.settings.save')}
        </Button>
      </Group>
    </Stack>
  );
}

/** The « Notifications » section of the profile: e-mail mode per type, quiet hours. */
export function NotificationSettingsSection() {
  const { t } = useTranslation();
  const query = useNotificationSettings();
  return (
    <ProfileCard id="notifications" title={t('notifications.settings.title')} intro={t('notifications.settings.intro')}>
      <QueryState query={query}>{(settings) => <SettingsForm initial={settings} />}</QueryState>
    </ProfileCard>
  );
}
