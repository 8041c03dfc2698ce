import { Card, Group, NumberInput, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { PRIORITIES } from '../../../../common/catalog-enums.ts';
import { useUpdateOrganization } from '../../api/organization.ts';
import type { Organization, PriorityMatrix } from '../../api/types.ts';
import { useForm } from '../../ui/form.ts';
import { ConflictNotice, FormError } from '../../ui/FormAlerts.tsx';
import { FormActions } from '../../ui/FormActions.tsx';

const LEVELS = ['high', 'medium', 'low'] as const;
type Values = { requestPrefix: string; reopenDays: number; priorityMatrix: PriorityMatrix; version: number };
const toValues = (o: Organization): Values => ({
  requestPrefix: o.requestPrefix,
  reopenDays: o.reopenDays,
  priorityMatrix: o.priorityMatrix,
  version: o.version,
});

/** How requests are numbered, how long they may be reopened, and the impact × urgency → priority matrix. */
export function RequestSettingsCard({ org, editable }: { org: Organization; editable: boolean }) {
  const { t } = useTranslation();
  const update = useUpdateOrganization();
  const form = useForm<Values>(toValues(org));
  const { values, set } = form;
  const submit = form.submit(async (v) => {
    await update.mutateAsync({ ...v, requestPrefix: v.requestPrefix.trim().toUpperCase() });
    notifications.show({ message: t('common.saved'), color: 'green' });
  });
  const cell = (impact: (typeof LEVELS)[number], urgency: (typeof LEVELS)[number]) => (
    <Select
      aria-label={t('orgSettings.matrixCell', {
        impact: t(`orgSettings.levels.${impact}`),
        urgency: t(`orgSettings.levels.${urgency}`),
      })}
      data={[...PRIORITIES]}
      value={values.priorityMatrix[impact][urgency]}
      allowDeselect={false}
      disabled={!editable}
      w={90}
      onChange={(p) =>
        p && set('priorityMatrix', { ...values.priorityMatrix, [impact]: { ...values.priorityMatrix[impact], [urgency]: p } })
      }
    />
  );
  return (
    <Card component="form" onSubmit={submit} noValidate maw={720}>
      <Stack gap="md">
        <Title order={2} size="h3">
          {t('orgSettings.requests')}
        </Title>
        <ConflictNotice current={form.conflict} onReload={(c) => c && form.reset(toValues(c as Organization))} />
        <FormError message={form.formError} />
        <Group grow align="flex-start">
          <TextInput
            label={t('orgSettings.requestPrefix')}
            description={t('orgSettings.requestPrefixHelp')}
            disabled={!editable}
            {...form.text('requestPrefix')}
          />
          <NumberInput
            label={t('orgSettings.reopenDays')}
            description={t('orgSettings.reopenDaysHelp')}
            min={0}
            max={365}
            disabled={!editable}
            value={values.reopenDays}
            error={form.errors.reopenDays}
            onChange={(n) => set('reopenDays', typeof n === 'number' ? n : 0)}
          />
        </Group>
        <Text fw={600} size="sm" id="matrix-title">
          {t('orgSettings.matrix')}
        </Text>
        <Table aria-labelledby="matrix-title" withTableBorder w="auto">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>
                {t('orgSettings.impact')} / {t('orgSettings.urgency')}
              </Table.Th>
              {LEVELS.map((u) => (
                <Table.Th key={u}>{t(`orgSettings.levels.${u}`)}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {LEVELS.map((i) => (
              <Table.Tr key={i}>
                <Table.Th scope="row">{t(`orgSettings.levels.${i}`)}</Table.Th>
                {LEVELS.map((u) => (
                  <Table.Td key={u}>{cell(i, u)}</Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {editable && <FormActions busy={update.isPending} />}
      </Stack>
    </Card>
  );
}
