import { MultiSelect, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { ASSIGNMENT_RULES, type AssignmentRule } from '../../../../../common/requests.ts';
import { TEAM_MODELS, type TeamModel } from '../../../../../common/roles.ts';
import { useCreateTeam, useUpdateTeam } from '../../../api/organization.ts';
import type { Team, TeamInput } from '../../../api/types.ts';
import { compact, useChecks, useForm } from '../../../ui/form.ts';
import { FormActions } from '../../../ui/FormActions.tsx';
import { ConflictNotice, FormError } from '../../../ui/FormAlerts.tsx';

export interface Option {
  value: string;
  label: string;
}
export interface TeamOptions {
  users: Option[];
  sites: Option[];
  functions: Option[];
}

type Values = TeamInput & { version: number };
type TeamFormState = ReturnType<typeof useForm<Values>>;

const toValues = (team: Team | null): Values => ({
  name: team?.name ?? '',
  model: team?.model ?? 'shared_pool',
  coordinatorId: team?.coordinatorId ?? null,
  providerName: team?.providerName ?? '',
  contractRef: team?.contractRef ?? '',
  assignmentRule: team?.assignmentRule ?? 'manual',
  siteIds: team?.siteIds ?? [],
  functionIds: team?.functionIds ?? [],
  memberIds: team?.memberIds ?? [],
  version: team?.version ?? 0,
});

/** Provider fields only make sense for an outsourced team; empty strings become null. */
function toInput({ version: _v, ...v }: Values): TeamInput {
  const outsourced = v.model === 'outsourced';
  return {
    ...v,
    name: v.name.trim(),
    providerName: outsourced ? v.providerName?.trim() || null : null,
    contractRef: outsourced ? v.contractRef?.trim() || null : null,
  };
}

function useTeamForm(team: Team | null, onDone: () => void) {
  const { t } = useTranslation();
  const check = useChecks();
  const create = useCreateTeam();
  const update = useUpdateTeam();
  const form = useForm<Values>(toValues(team), (v) =>
    compact({
      name: check.required(v.name),
      providerName: v.model === 'outsourced' ? check.required(v.providerName) : undefined,
    }),
  );
  const submit = form.submit(async (values) => {
    if (team) await update.mutateAsync({ id: team.id, version: values.version, ...toInput(values) });
    else await create.mutateAsync(toInput(values));
    notifications.show({ message: team ? t('common.saved') : t('common.created'), color: 'green' });
    onDone();
  });
  return { form, submit, busy: create.isPending || update.isPending };
}

function ProviderFields({ form }: { form: TeamFormState }) {
  const { t } = useTranslation();
  const { values, errors, set } = form;
  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        {t('teams.outsourcedHelp')}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('teams.providerName')}
          required
          value={values.providerName ?? ''}
          error={errors.providerName}
          onChange={(e) => set('providerName', e.currentTarget.value)}
        />
        <TextInput
          label={t('teams.contractRef')}
          value={values.contractRef ?? ''}
          error={errors.contractRef}
          onChange={(e) => set('contractRef', e.currentTarget.value)}
        />
      </SimpleGrid>
    </Stack>
  );
}

/** Coordination, sites, functions and members: all pickers over the organisation's own data. */
function ScopeFields({ form, options }: { form: TeamFormState; options: TeamOptions }) {
  const { t } = useTranslation();
  const { values, errors, set } = form;
  const multi = (key: 'siteIds' | 'functionIds' | 'memberIds', label: string, data: Option[]) => (
    <MultiSelect
      label={label}
      placeholder={t('teams.pick')}
      data={data}
      value={values[key]}
      searchable
      error={errors[key]}
      onChange={(ids) => set(key, ids)}
    />
  );
  return (
    <>
      <Select
        label={t('teams.coordinator')}
        placeholder={t('teams.pick')}
        data={options.users}
        value={values.coordinatorId}
        clearable
        searchable
        error={errors.coordinatorId}
        onChange={(id) => set('coordinatorId', id)}
      />
      {multi('siteIds', t('teams.sites'), options.sites)}
      {multi('functionIds', t('teams.functions'), options.functions)}
      {multi('memberIds', t('teams.members'), options.users)}
    </>
  );
}

/** How new requests reach a member: each rule with its one-line explanation (under the field and in the list). */
function AssignmentRuleSelect({ form }: { form: TeamFormState }) {
  const { t } = useTranslation();
  const { values, errors, set } = form;
  const rules = ASSIGNMENT_RULES.map((r) => ({ value: r, label: t(`work.assignment.rules.${r}`) }));
  return (
    <Select
      label={t('work.assignment.label')}
      description={t(`work.assignment.help.${values.assignmentRule}`)}
      data={rules}
      value={values.assignmentRule}
      allowDeselect={false}
      required
      error={errors.assignmentRule}
      onChange={(r) => r && set('assignmentRule', r as AssignmentRule)}
      renderOption={({ option }) => (
        <Stack gap={0}>
          <Text size="sm">{option.label}</Text>
          <Text size="xs" c="dimmed">
            {t(`work.assignment.help.${option.value as AssignmentRule}`)}
          </Text>
        </Stack>
      )}
    />
  );
}

/** Create or edit a team: model, coordination, scope (sites, functions), members, provider contract. */
export function TeamForm({ team, options, onDone }: { team: Team | null; options: TeamOptions; onDone: () => void }) {
  const { t } = useTranslation();
  const { form, submit, busy } = useTeamForm(team, onDone);
  const models = TEAM_MODELS.map((m) => ({ value: m, label: t(`models.${m}`) }));
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <ConflictNotice current={form.conflict} onReload={(c) => form.reset(toValues(c as Team | null))} />
        <FormError message={form.formError} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('teams.name')} required data-autofocus {...form.text('name')} />
          <Select
            label={t('teams.model')}
            data={models}
            value={form.values.model}
            allowDeselect={false}
            required
            error={form.errors.model}
            onChange={(m) => m && form.set('model', m as TeamModel)}
          />
        </SimpleGrid>
        {form.values.model === 'outsourced' && <ProviderFields form={form} />}
        <ScopeFields form={form} options={options} />
        <AssignmentRuleSelect form={form} />
        <FormActions busy={busy} onCancel={onDone} submitLabel={team ? t('common.save') : t('common.create')} />
      </Stack>
    </form>
  );
}
