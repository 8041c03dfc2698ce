import { Select, SimpleGrid, Stack, Switch, TagsInput, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { AUTONOMY_LEVELS, CONFIDENTIALITY, PRIORITIES } from '../../../../common/catalog-enums.ts';
import type { FormField } from '../../../../common/catalog.ts';
import { ROLES } from '../../../../common/roles.ts';
import { useCreateService, useUpdateService } from '../../api/catalog.ts';
import type { CatalogService, ServiceInput } from '../../api/types.ts';
import { compact, useChecks, useForm } from '../../ui/form.ts';
import { FormActions } from '../../ui/FormActions.tsx';
import { ConflictNotice, FormError } from '../../ui/FormAlerts.tsx';
import { FormDesigner } from './FormDesigner.tsx';

export interface ServiceOptions {
  categories: { value: string; label: string }[];
  teams: { value: string; label: string }[];
  functions: { value: string; label: string }[];
  policies: { value: string; label: string }[];
}

type Values = ServiceInput & { version: number };

const toValues = (s: CatalogService | null, categoryId: string): Values => ({
  categoryId: s?.categoryId ?? categoryId,
  name: s?.name ?? '',
  description: s?.description ?? '',
  teamId: s?.teamId ?? null,
  functionId: s?.functionId ?? null,
  autonomyLevel: s?.autonomyLevel ?? 2,
  requiredSkills: s?.requiredSkills ?? [],
  confidentiality: s?.confidentiality ?? 'normal',
  defaultPriority: s?.defaultPriority ?? 'P3',
  slaPolicyId: s?.slaPolicyId ?? null,
  approvalRole: s?.approvalRole ?? null,
  form: s?.form ?? [],
  checklist: s?.checklist ?? [],
  active: s?.active ?? true,
  csatEnabled: s?.csatEnabled ?? true,
  position: s?.position ?? 0,
  version: s?.version ?? 0,
});

/** Optional texts of the form fields are dropped when empty (the API refuses empty strings). */
function toInput({ version: _v, ...v }: Values): ServiceInput {
  const form = v.form.map((f): FormField => ({ ...f, help: f.help?.trim() || undefined, label: f.label.trim() }));
  return { ...v, name: v.name.trim(), description: v.description.trim(), form };
}

/** Create or edit a catalogue service: who handles it, how, under which contract, and its request form. */
export function ServiceForm({
  service,
  options,
  onDone,
}: {
  service: CatalogService | null;
  options: ServiceOptions;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const check = useChecks();
  const create = useCreateService();
  const update = useUpdateService();
  const form = useForm<Values>(toValues(service, options.categories[0]?.value ?? ''), (v) =>
    compact({ name: check.required(v.name), categoryId: check.required(v.categoryId) }),
  );
  const { values, errors, set } = form;
  const submit = form.submit(async (v) => {
    if (service) await update.mutateAsync({ id: service.id, version: v.version, ...toInput(v) });
    else await create.mutateAsync(toInput(v));
    notifications.show({ message: service ? t('common.saved') : t('common.created'), color: 'green' });
    onDone();
  });
  const pick = (
    key: 'teamId' | 'functionId' | 'slaPolicyId',
    label: string,
    data: { value: string; label: string }[],
    placeholder: string,
  ) => (
    <Select
      label={label}
      data={data}
      value={values[key]}
      clearable
      placeholder={placeholder}
      error={errors[key]}
      onChange={(id) => set(key, id)}
    />
  );
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <ConflictNotice current={form.conflict} onReload={(c) => form.reset(toValues(c as CatalogService, values.categoryId))} />
        <FormError message={form.formError} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('catalog.editor.name')} required data-autofocus {...form.text('name')} />
          <Select
            label={t('catalog.editor.category')}
            required
            data={options.categories}
            value={values.categoryId}
            allowDeselect={false}
            error={errors.categoryId}
            onChange={(id) => id && set('categoryId', id)}
          />
        </SimpleGrid>
        <Textarea label={t('catalog.editor.description')} autosize minRows={2} {...form.text('description')} />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          {pick('teamId', t('catalog.team'), options.teams, t('catalog.editor.noTeam'))}
          {pick('functionId', t('catalog.function'), options.functions, t('catalog.none'))}
          {pick('slaPolicyId', t('catalog.sla'), options.policies, t('catalog.editor.defaultPolicy'))}
          <Select
            label={t('catalog.autonomy')}
            data={AUTONOMY_LEVELS.map((l) => ({ value: String(l), label: t(`catalog.autonomyLevels.l${l}`) }))}
            value={String(values.autonomyLevel)}
            allowDeselect={false}
            onChange={(l) => l && set('autonomyLevel', Number(l) as Values['autonomyLevel'])}
          />
          <Select
            label={t('catalog.editor.confidentiality')}
            data={CONFIDENTIALITY.map((c) => ({ value: c, label: t(`catalog.confidentiality.${c}`) }))}
            value={values.confidentiality}
            allowDeselect={false}
            onChange={(c) => c && set('confidentiality', c as Values['confidentiality'])}
          />
          <Select
            label={t('catalog.priority')}
            data={[...PRIORITIES]}
            value={values.defaultPriority}
            allowDeselect={false}
            onChange={(p) => p && set('defaultPriority', p as Values['defaultPriority'])}
          />
          <Select
            label={t('catalog.approval')}
            data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
            value={values.approvalRole}
            clearable
            placeholder={t('catalog.editor.noApproval')}
            onChange={(r) => set('approvalRole', r as Values['approvalRole'])}
          />
        </SimpleGrid>
        <TagsInput
          label={t('catalog.skills')}
          description={t('catalog.editor.skillsHelp')}
          value={values.requiredSkills}
          onChange={(s) => set('requiredSkills', s)}
        />
        <TagsInput
          label={t('catalog.editor.checklist')}
          description={t('catalog.editor.checklistHelp')}
          value={values.checklist}
          error={errors.checklist}
          onChange={(c) => set('checklist', c)}
        />
        <FormDesigner fields={values.form} errors={errors} onChange={(f) => set('form', f)} />
        <Switch
          label={t('catalog.editor.active')}
          checked={values.active}
          onChange={(e) => set('active', e.currentTarget.checked)}
        />
        <Switch
          label={t('csat.serviceSwitch')}
          description={t('csat.serviceSwitchHelp')}
          checked={values.csatEnabled}
          onChange={(e) => set('csatEnabled', e.currentTarget.checked)}
        />
        <FormActions
          busy={create.isPending || update.isPending}
          onCancel={onDone}
          submitLabel={service ? t('common.save') : t('common.create')}
        />
      </Stack>
    </form>
  );
}
