import { Select, SimpleGrid, Stack, Switch, TagsInput, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { PRIORITIES, type Priority } from '../../../../../common/catalog-enums.ts';
import { useMe } from '../../../api/me.ts';
import { useCreateSchedule, useUpdateSchedule } from '../../../api/work.ts';
import type { RecurringSchedule, ScheduleInput } from '../../../api/work-types.ts';
import { compact, type Errors, useChecks, useForm } from '../../../ui/form.ts';
import { FormActions } from '../../../ui/FormActions.tsx';
import { ConflictNotice, FormError } from '../../../ui/FormAlerts.tsx';
import { RuleBuilder } from './RuleBuilder.tsx';
import { fromDraft, invalidRuleFields, type RuleDraft, toDraft } from './rule-draft.ts';

export interface Option {
  value: string;
  label: string;
}
/** What the pickers offer; sites carry their time zone for the rule's summary. */
export interface ScheduleOptions {
  services: Option[];
  sites: (Option & { timezone: string })[];
  teams: Option[];
  members: Option[];
  staff: Option[];
}

interface Values {
  name: string;
  serviceId: string;
  siteId: string;
  teamId: string | null;
  requesterId: string | null;
  assigneeId: string | null;
  title: string;
  description: string;
  priority: Priority;
  rule: RuleDraft;
  checklist: string[];
  active: boolean;
  version: number;
}
type Form = ReturnType<typeof useForm<Values>>;

const toValues = (s: RecurringSchedule | null, siteId: string): Values => ({
  name: s?.name ?? '',
  serviceId: s?.serviceId ?? '',
  siteId: s?.siteId ?? siteId,
  teamId: s?.teamId ?? null,
  requesterId: s?.requesterId ?? null,
  assigneeId: s?.assigneeId ?? null,
  title: s?.title ?? '',
  description: s?.description ?? '',
  priority: s?.priority ?? 'P3',
  rule: toDraft(s?.rule),
  checklist: s?.checklist ?? [],
  active: s?.active ?? true,
  version: s?.version ?? 0,
});

/** Without a requester the server names the author; the rule keeps only its kind's keys. */
function toInput(v: Values): ScheduleInput {
  return {
    name: v.name.trim(),
    serviceId: v.serviceId,
    siteId: v.siteId,
    teamId: v.teamId,
    ...(v.requesterId ? { requesterId: v.requesterId } : {}),
    assigneeId: v.assigneeId,
    title: v.title.trim(),
    description: v.description.trim(),
    priority: v.priority,
    rule: fromDraft(v.rule),
    checklist: v.checklist,
    active: v.active,
  };
}

function useScheduleForm(schedule: RecurringSchedule | null, onDone: () => void) {
  const { t } = useTranslation();
  const check = useChecks();
  const me = useMe().data;
  const create = useCreateSchedule();
  const update = useUpdateSchedule();
  const form = useForm<Values>(toValues(schedule, me?.siteId ?? ''), (v) => {
    const rule: Errors = Object.fromEntries(invalidRuleFields(v.rule).map((path) => [path, t('validation.required')]));
    return {
      ...compact({
        name: check.required(v.name),
        serviceId: check.required(v.serviceId),
        siteId: check.required(v.siteId),
        title: check.required(v.title),
      }),
      ...rule,
    };
  });
  const submit = form.submit(async (v) => {
    if (schedule) await update.mutateAsync({ id: schedule.id, version: v.version, ...toInput(v) });
    else await create.mutateAsync(toInput(v));
    notifications.show({ message: schedule ? t('common.saved') : t('common.created'), color: 'green' });
    onDone();
  });
  return { form, submit, busy: create.isPending || update.isPending };
}

/** A new rule clears the rule's errors (useForm clears only the top-level key it sets). */
function setRule(form: Form, rule: RuleDraft) {
  form.setValues((v) => ({ ...v, rule }));
  form.setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => k !== 'rule' && !k.startsWith('rule.'))));
}

function Pickers({ form, options }: { form: Form; options: ScheduleOptions }) {
  const { t } = useTranslation();
  const { values, errors, set } = form;
  const pick = (key: 'serviceId' | 'siteId' | 'teamId' | 'requesterId' | 'assigneeId', data: Option[], extra: object) => (
    <Select
      label={t(`work.recurring.fields.${key.replace('Id', '') as 'service'}`)}
      data={data}
      value={values[key] || null}
      searchable
      error={errors[key]}
      onChange={(id) => set(key, (id ?? (key === 'serviceId' || key === 'siteId' ? '' : null)) as never)}
      {...extra}
    />
  );
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      {pick('serviceId', options.services, { required: true, allowDeselect: false })}
      {pick('siteId', options.sites, { required: true, allowDeselect: false })}
      {pick('teamId', options.teams, { clearable: true, placeholder: t('work.recurring.fields.teamPlaceholder') })}
      {pick('requesterId', options.members, {
        clearable: true,
        placeholder: t('work.recurring.fields.requesterPlaceholder'),
        description: t('work.recurring.fields.requesterHelp'),
        inputWrapperOrder: ['label', 'input', 'error', 'description'],
      })}
      {pick('assigneeId', options.staff, { clearable: true, placeholder: t('work.recurring.fields.assigneePlaceholder') })}
      <Select
        label={t('work.recurring.fields.priority')}
        data={PRIORITIES.map((p) => ({ value: p, label: t(`requests.priority.${p}`) }))}
        value={values.priority}
        allowDeselect={false}
        error={errors.priority}
        onChange={(p) => p && set('priority', p as Priority)}
      />
    </SimpleGrid>
  );
}

/** Create or edit a recurring schedule: the request it creates, its rule, checklist and whether it runs. */
export function RecurringForm({
  schedule,
  options,
  onDone,
}: {
  schedule: RecurringSchedule | null;
  options: ScheduleOptions;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { form, submit, busy } = useScheduleForm(schedule, onDone);
  const { values, errors, set } = form;
  const site = options.sites.find((s) => s.value === values.siteId);
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <ConflictNotice
          current={form.conflict}
          onReload={(c) => form.reset(toValues(c as RecurringSchedule | null, values.siteId))}
        />
        <FormError message={form.formError} />
        <TextInput label={t('work.recurring.fields.name')} required data-autofocus {...form.text('name')} />
        <Pickers form={form} options={options} />
        <TextInput
          label={t('work.recurring.fields.title')}
          description={t('work.recurring.fields.titleHelp')}
          required
          {...form.text('title')}
        />
        <Textarea label={t('work.recurring.fields.description')} autosize minRows={2} {...form.text('description')} />
        <RuleBuilder
          draft={values.rule}
          onChange={(rule) => setRule(form, rule)}
          errors={errors}
          site={site && { name: site.label, timezone: site.timezone }}
        />
        <TagsInput
          label={t('work.recurring.fields.checklist')}
          description={t('work.recurring.fields.checklistHelp')}
          value={values.checklist}
          error={errors.checklist ?? Object.entries(errors).find(([k]) => k.startsWith('checklist.'))?.[1]}
          onChange={(c) => set('checklist', c)}
        />
        <Switch
          label={t('work.recurring.fields.active')}
          checked={values.active}
          onChange={(e) => set('active', e.currentTarget.checked)}
        />
        <FormActions busy={busy} onCancel={onDone} submitLabel={schedule ? t('common.save') : t('common.create')} />
      </Stack>
    </form>
  );
}
