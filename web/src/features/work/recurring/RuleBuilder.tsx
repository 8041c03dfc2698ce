import { Checkbox, Fieldset, Group, Input, NumberInput, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { WEEKDAYS, type Weekday } from '../../../../../common/roles.ts';
import type { EveryMonths, IfClosed, RuleKind, SiteRef } from '../../../api/work-types.ts';
import { TimeField } from '../../../ui/TimeField.tsx';
import { monthName, useDescribeRule, weekdayName } from './describe.ts';
import { EVERY_MONTHS, fromDraft, IF_CLOSED, invalidRuleFields, RULE_KINDS, type RuleDraft } from './rule-draft.ts';

interface Props {
  draft: RuleDraft;
  onChange: (draft: RuleDraft) => void;
  /** Form errors; the rule's are under `rule.<field>`. */
  errors: Record<string, string>;
  site?: Pick<SiteRef, 'name' | 'timezone'>;
}

type Part = Omit<Props, 'site'> & { set: <K extends keyof RuleDraft>(key: K, value: RuleDraft[K]) => void };

function useLocale(): 'fr' | 'en' {
  return useTranslation().i18n.language === 'en' ? 'en' : 'fr';
}

function Weekdays({ draft, errors, set }: Part) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Checkbox.Group
      label={t('work.recurring.rule.weekdays')}
      required
      value={draft.weekdays}
      error={errors['rule.weekdays']}
      onChange={(days) => set('weekdays', WEEKDAYS.filter((d) => days.includes(d)) as Weekday[])}
    >
      <Group gap="md" mt={6}>
        {WEEKDAYS.map((d) => (
          <Checkbox key={d} value={d} label={weekdayName(d, locale)} />
        ))}
      </Group>
    </Checkbox.Group>
  );
}

/** Every month, quarter, half-year or year, and from which month. */
function Cycle({ draft, set }: Part) {
  const { t } = useTranslation();
  const locale = useLocale();
  const months = Array.from({ length: 12 }, (_, i) => ({ value: String(i + 1), label: monthName(i + 1, locale) }));
  return (
    <>
      <Select
        label={t('work.recurring.rule.every')}
        data={EVERY_MONTHS.map((m) => ({ value: String(m), label: t(`work.recurring.rule.everyOptions.${m}`) }))}
        value={String(draft.everyMonths)}
        allowDeselect={false}
        onChange={(v) => v && set('everyMonths', Number(v) as EveryMonths)}
      />
      {draft.everyMonths > 1 && (
        <Select
          label={draft.everyMonths === 12 ? t('work.recurring.rule.month') : t('work.recurring.rule.startMonth')}
          data={months}
          value={String(draft.startMonth)}
          allowDeselect={false}
          onChange={(v) => v && set('startMonth', Number(v))}
        />
      )}
    </>
  );
}

function IfClosedSelect({ draft, set }: Part) {
  const { t } = useTranslation();
  return (
    <Select
      label={t('work.recurring.rule.ifClosed')}
      data={IF_CLOSED.map((c) => ({ value: c, label: t(`work.recurring.rule.ifClosedOptions.${c}`) }))}
      value={draft.ifClosed}
      allowDeselect={false}
      onChange={(v) => v && set('ifClosed', v as IfClosed)}
    />
  );
}

function Time({ draft, errors, set }: Part) {
  const { t } = useTranslation();
  const error = errors['rule.time'];
  return (
    <Stack gap={0}>
      <Input.Label labelElement="div" required aria-hidden>
        {t('work.recurring.rule.time')}
      </Input.Label>
      <TimeField label={t('work.recurring.rule.time')} value={draft.time} invalid={!!error} onChange={(v) => set('time', v)} />
      {error && (
        <Text size="xs" c="red.9" role="alert">
          {error}
        </Text>
      )}
    </Stack>
  );
}

/** The summary line of the rule being built, or nothing while an input is missing. */
function Summary({ draft, site }: { draft: RuleDraft; site?: Props['site'] }) {
  const { t } = useTranslation();
  const describe = useDescribeRule();
  const complete = invalidRuleFields(draft).length === 0;
  return (
    <Text size="sm" aria-live="polite" data-testid="rule-summary">
      <Text span fw={600}>
        {t('work.recurring.rule.summary')}
      </Text>{' '}
      {complete ? describe(fromDraft(draft), site) : t('work.recurring.rule.incomplete')}
    </Text>
  );
}

/** The rule builder: a frequency, then the inputs that frequency needs, and the rule in plain words. */
export function RuleBuilder({ draft, onChange, errors, site }: Props) {
  const { t } = useTranslation();
  const set: Part['set'] = (key, value) => onChange({ ...draft, [key]: value });
  const part: Part = { draft, onChange, errors, set };
  const number = (key: 'n' | 'day', max: number) => (
    <NumberInput
      label={t(`work.recurring.rule.${key}`)}
      description={t(`work.recurring.rule.${key === 'n' ? 'nHelp' : 'dayHelp'}`)}
      required
      inputWrapperOrder={['label', 'input', 'error', 'description']}
      min={1}
      max={max}
      allowDecimal={false}
      allowNegative={false}
      value={draft[key]}
      error={errors[`rule.${key}`]}
      onChange={(v) => set(key, v)}
    />
  );
  return (
    <Fieldset legend={t('work.recurring.rule.legend')} variant="filled">
      <Stack gap="md">
        <Select
          label={t('work.recurring.rule.kind')}
          data={RULE_KINDS.map((k) => ({ value: k, label: t(`work.recurring.rule.kinds.${k}`) }))}
          value={draft.kind}
          allowDeselect={false}
          required
          error={errors['rule.kind'] ?? errors.rule}
          onChange={(k) => k && set('kind', k as RuleKind)}
        />
        {draft.kind === 'weekly' && <Weekdays {...part} />}
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          {draft.kind === 'monthly_business_day' && number('n', 23)}
          {draft.kind === 'monthly_day' && number('day', 31)}
          <Time {...part} />
          {draft.kind !== 'weekly' && <Cycle {...part} />}
          {draft.kind !== 'monthly_business_day' && <IfClosedSelect {...part} />}
        </SimpleGrid>
        <Summary draft={draft} site={site} />
      </Stack>
    </Fieldset>
  );
}
