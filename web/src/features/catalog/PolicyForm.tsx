import { Group, NumberInput, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { Priority } from '../../../../common/catalog.ts';
import { PRIORITIES } from '../../../../common/catalog-enums.ts';
import { useUpdateSlaPolicy } from '../../api/catalog.ts';
import type { SlaPolicy, SlaTarget } from '../../api/types.ts';
import { DataTable } from '../../ui/DataTable.tsx';
import { type Errors, useForm } from '../../ui/form.ts';
import { FormActions } from '../../ui/FormActions.tsx';
import { ConflictNotice, FormError } from '../../ui/FormAlerts.tsx';

/** The targets of a priority, in table order; `nextUpdate` may stay empty. */
export const TARGETS = ['firstResponse', 'resolution', 'nextUpdate'] as const;
type Target = (typeof TARGETS)[number];

const toValues = (p: SlaPolicy) => ({ targets: p.targets, version: p.version });
type Values = ReturnType<typeof toValues>;

interface CellProps {
  priority: Priority;
  target: Target;
  value: number | null | undefined;
  onChange: (minutes: number | null) => void;
  error?: string;
}

/** One target typed as hours and minutes (stored as business minutes). */
function DurationInput({ priority, target, value, onChange, error }: CellProps) {
  const { t } = useTranslation();
  const names = { target: t(`sla.${target}`), priority };
  const hours = value == null ? '' : Math.floor(value / 60);
  const minutes = value == null ? '' : value % 60;
  const set = (h: number | string, m: number | string) =>
    onChange(h === '' && m === '' ? null : Number(h || 0) * 60 + Number(m || 0));
  const common = { allowDecimal: false, allowNegative: false, hideControls: true, min: 0, w: 76, error: !!error };
  const unit = (text: string) => (
    <Text size="xs" c="dimmed" aria-hidden>
      {text}
    </Text>
  );
  return (
    <Stack gap={2}>
      <Group gap={4} wrap="nowrap">
        <NumberInput
          {...common}
          aria-label={t('sla.hoursOf', names)}
          value={hours}
          onChange={(v) => set(v, minutes)}
          rightSection={unit(t('sla.hoursShort'))}
        />
        <NumberInput
          {...common}
          aria-label={t('sla.minutesOf', names)}
          value={minutes}
          onChange={(v) => set(hours, v)}
          max={59}
          clampBehavior="strict"
          rightSection={unit(t('sla.minutesShort'))}
        />
      </Group>
      {error && (
        <Text size="xs" c="var(--mantine-color-error)" role="alert">
          {error}
        </Text>
      )}
    </Stack>
  );
}

function usePolicyForm(policy: SlaPolicy) {
  const { t } = useTranslation();
  return useForm(toValues(policy), (v: Values) => {
    const errors: Errors = {};
    for (const p of PRIORITIES)
      for (const k of ['firstResponse', 'resolution'] as const)
        if (!((v.targets[p]?.[k] ?? 0) >= 1)) errors[`targets.${p}.${k}`] = t('sla.atLeastOne');
    return errors;
  });
}

/** Edits a policy's targets per priority (PATCH with version; 409 offers to reload). */
export function PolicyForm({ policy, onDone }: { policy: SlaPolicy; onDone: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateSlaPolicy();
  const form = usePolicyForm(policy);
  const setTarget = (p: Priority, k: Target, minutes: number | null) => {
    const row: SlaTarget = { ...form.values.targets[p], [k]: minutes };
    form.set('targets', { ...form.values.targets, [p]: row });
    const { [`targets.${p}.${k}`]: _drop, ...rest } = form.errors;
    form.setErrors(rest);
  };
  const submit = form.submit(async ({ targets, version }) => {
    // The whole policy is sent: the server resets an omitted `isDefault` to false.
    await update.mutateAsync({ id: policy.id, version, targets, name: policy.name, isDefault: policy.isDefault });
    notifications.show({ message: t('common.saved'), color: 'green' });
    onDone();
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <ConflictNotice current={form.conflict} onReload={(c) => (c ? form.reset(toValues(c as SlaPolicy)) : onDone())} />
        <FormError message={form.formError} />
        <DataTable bare label={policy.name} columns={[t('sla.priority'), ...TARGETS.map((k) => t(`sla.${k}`))]} minWidth={600}>
          {PRIORITIES.map((p) => (
            <Table.Tr key={p}>
              <Table.Th scope="row">{p}</Table.Th>
              {TARGETS.map((k) => (
                <Table.Td key={k}>
                  <DurationInput
                    priority={p}
                    target={k}
                    value={form.values.targets[p]?.[k]}
                    onChange={(m) => setTarget(p, k, m)}
                    error={form.errors[`targets.${p}.${k}`]}
                  />
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </DataTable>
        <FormActions busy={update.isPending} onCancel={onDone} submitLabel={t('common.save')} />
      </Stack>
    </form>
  );
}
