import { Checkbox, Group, Input, NumberInput, Radio, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FormField } from '../../../../../common/catalog.ts';
import type { OrgUser, Site } from '../../../api/types.ts';
import { DateField } from '../../../ui/DateField.tsx';
import { FileDrop } from '../shared/FileDrop.tsx';
import { PersonSelect } from './PersonSelect.tsx';

interface Props {
  field: FormField;
  value: unknown;
  onChange: (value: unknown) => void;
  error?: string;
  /** null when the user may not list people (requesters). */
  people: OrgUser[] | null;
  sites: Site[];
  files: File[];
  onFiles: (files: File[]) => void;
}

/** One field of a service's form, by type; the value is what the API expects (`YYYY-MM-DD`, boolean, id…). */
export function FieldInput({ field, value, onChange, error, people, sites, files, onFiles }: Props) {
  const { t } = useTranslation();
  const base = { label: field.label, description: field.help, error, withAsterisk: field.required };
  const str = typeof value === 'string' ? value : '';
  switch (field.type) {
    case 'long_text':
      return (
        <Textarea
          {...base}
          autosize
          minRows={3}
          maxLength={field.maxLength}
          value={str}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      );
    case 'number':
      return (
        <NumberInput
          {...base}
          min={field.min}
          max={field.max}
          decimalSeparator=","
          value={typeof value === 'number' ? value : ''}
          onChange={(v) => onChange(typeof v === 'number' ? v : v === '' ? undefined : Number(String(v).replace(',', '.')))}
        />
      );
    case 'date':
      return <DateField {...base} value={str} onChange={onChange} />;
    case 'choice':
      return (
        <Select
          {...base}
          data={field.options ?? []}
          value={str || null}
          onChange={(v) => onChange(v ?? undefined)}
          placeholder={t('requests.create.choose')}
          clearable={!field.required}
        />
      );
    case 'multi_choice': {
      const list = Array.isArray(value) ? (value as string[]) : [];
      return (
        <Checkbox.Group {...base} value={list} onChange={onChange}>
          <Stack gap={6} mt={6}>
            {(field.options ?? []).map((o) => (
              <Checkbox key={o} value={o} label={o} />
            ))}
          </Stack>
        </Checkbox.Group>
      );
    }
    case 'yes_no':
      return (
        <Radio.Group
          {...base}
          value={value === true ? 'yes' : value === false ? 'no' : ''}
          onChange={(v) => onChange(v === 'yes')}
        >
          <Group gap="lg" mt={6}>
            <Radio value="yes" label={t('requests.answers.yes')} />
            <Radio value="no" label={t('requests.answers.no')} />
          </Group>
        </Radio.Group>
      );
    case 'person':
      if (!people) return <PersonSelect {...base} required={field.required} value={str || null} onChange={(v) => onChange(v)} />;
      return (
        <Select
          {...base}
          searchable
          data={people.map((p) => ({ value: p.id, label: p.displayName }))}
          value={str || null}
          onChange={(v) => onChange(v ?? undefined)}
          placeholder={t('requests.create.choose')}
        />
      );
    case 'site':
      return (
        <Select
          {...base}
          data={sites.map((s) => ({ value: s.id, label: s.name }))}
          value={str || null}
          onChange={(v) => onChange(v ?? undefined)}
          placeholder={t('requests.create.choose')}
        />
      );
    case 'file':
      return (
        <Input.Wrapper {...base} labelElement="div" description={field.help ?? t('requests.create.fileAfter')}>
          <FileDrop files={files} onChange={onFiles} />
        </Input.Wrapper>
      );
    default:
      return <TextInput {...base} maxLength={field.maxLength} value={str} onChange={(e) => onChange(e.currentTarget.value)} />;
  }
}
