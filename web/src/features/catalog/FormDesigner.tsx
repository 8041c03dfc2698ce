import {
  ActionIcon,
  Button,
  Card,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  TagsInput,
  Text,
  TextInput,
} from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { FIELD_TYPES, type FieldType } from '../../../../common/catalog-enums.ts';
import type { FormField } from '../../../../common/catalog.ts';

const CHOICES: readonly FieldType[] = ['choice', 'multi_choice'];

/** A stable, readable key from a label: « Date souhaitée » → date_souhaitee. */
export function keyFromLabel(label: string, taken: string[]): string {
  const base =
    label
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .replace(/^(\d)/, 'c_$1')
      .slice(0, 36) || 'champ';
  let key = base;
  for (let i = 2; taken.includes(key); i++) key = `${base}_${i}`;
  return key;
}

interface Props {
  fields: FormField[];
  errors: Record<string, string>;
  onChange: (fields: FormField[]) => void;
}

function FieldEditor({
  field,
  index,
  count,
  errors,
  update,
  move,
  remove,
}: {
  field: FormField;
  index: number;
  count: number;
  errors: Record<string, string>;
  update: (patch: Partial<FormField>) => void;
  move: (delta: number) => void;
  remove: () => void;
}) {
  const { t } = useTranslation();
  const err = (name: string) => errors[`form.${index}.${name}`];
  const types = FIELD_TYPES.map((type) => ({ value: type, label: t(`catalog.fieldTypes.${type}`) }));
  const n = index + 1;
  return (
    <Card withBorder padding="sm" data-testid="form-field">
      <Stack gap="xs">
        <Group justify="space-between" gap="xs">
          <Text fw={600} size="sm">
            {t('catalog.editor.fieldN', { n })}
          </Text>
          <Group gap={4}>
            <ActionIcon
              variant="subtle"
              disabled={index === 0}
              onClick={() => move(-1)}
              aria-label={t('catalog.editor.up', { n })}
            >
              <IconArrowUp size={16} aria-hidden />
            </ActionIcon>
            <ActionIcon
              variant="subtle"
              disabled={index === count - 1}
              onClick={() => move(1)}
              aria-label={t('catalog.editor.down', { n })}
            >
              <IconArrowDown size={16} aria-hidden />
            </ActionIcon>
            <ActionIcon variant="subtle" color="red" onClick={remove} aria-label={t('catalog.editor.remove', { n })}>
              <IconTrash size={16} aria-hidden />
            </ActionIcon>
          </Group>
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            label={t('catalog.editor.label')}
            required
            value={field.label}
            error={err('label')}
            onChange={(e) => update({ label: e.currentTarget.value })}
          />
          <TextInput
            label={t('catalog.editor.key')}
            required
            value={field.key}
            error={err('key')}
            description={t('catalog.editor.keyHelp')}
            onChange={(e) => update({ key: e.currentTarget.value })}
          />
          <Select
            label={t('catalog.editor.type')}
            data={types}
            value={field.type}
            allowDeselect={false}
            onChange={(v) => v && update({ type: v as FieldType })}
          />
        </SimpleGrid>
        {CHOICES.includes(field.type) && (
          <TagsInput
            label={t('catalog.editor.options')}
            description={t('catalog.editor.optionsHelp')}
            value={field.options ?? []}
            error={err('options')}
            onChange={(options) => update({ options })}
          />
        )}
        {field.type === 'number' && (
          <SimpleGrid cols={2}>
            <NumberInput
              label={t('catalog.editor.min')}
              value={field.min ?? ''}
              onChange={(v) => update({ min: typeof v === 'number' ? v : undefined })}
            />
            <NumberInput
              label={t('catalog.editor.max')}
              value={field.max ?? ''}
              error={err('max')}
              onChange={(v) => update({ max: typeof v === 'number' ? v : undefined })}
            />
          </SimpleGrid>
        )}
        <TextInput
          label={t('catalog.editor.help')}
          value={field.help ?? ''}
          onChange={(e) => update({ help: e.currentTarget.value || undefined })}
        />
        <Switch
          label={t('catalog.required')}
          checked={field.required}
          onChange={(e) => update({ required: e.currentTarget.checked })}
        />
      </Stack>
    </Card>
  );
}

/** The dynamic form of a service: fields in order, each with its type, options, bounds and whether it is required. */
export function FormDesigner({ fields, errors, onChange }: Props) {
  const { t } = useTranslation();
  // Stable React keys while fields are added, moved and removed (their own key is editable).
  const ids = useRef<string[]>([]);
  if (ids.current.length !== fields.length) ids.current = fields.map(() => crypto.randomUUID());
  const update = (i: number, patch: Partial<FormField>) => onChange(fields.map((f, j) => (j === i ? { ...f, ...patch } : f)));
  const move = (i: number, delta: number) => {
    const next = [...fields];
    const [item] = next.splice(i, 1);
    next.splice(i + delta, 0, item as FormField);
    const [id] = ids.current.splice(i, 1);
    ids.current.splice(i + delta, 0, id as string);
    onChange(next);
  };
  const add = () => {
    const label = t('catalog.editor.newField');
    ids.current.push(crypto.randomUUID());
    onChange([
      ...fields,
      {
        key: keyFromLabel(
          label,
          fields.map((f) => f.key),
        ),
        label,
        type: 'text',
        required: false,
      },
    ]);
  };
  return (
    <Stack gap="sm" role="group" aria-label={t('catalog.editor.formTitle')}>
      <Text fw={600}>{t('catalog.editor.formTitle')}</Text>
      {errors.form && (
        <Text c="red.8" size="sm" role="alert">
          {errors.form}
        </Text>
      )}
      {fields.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('catalog.noForm')}
        </Text>
      )}
      {fields.map((field, i) => (
        <FieldEditor
          key={ids.current[i]}
          field={field}
          index={i}
          count={fields.length}
          errors={errors}
          update={(patch) => update(i, patch)}
          move={(d) => move(i, d)}
          remove={() => {
            ids.current.splice(i, 1);
            onChange(fields.filter((_, j) => j !== i));
          }}
        />
      ))}
      <Group>
        <Button variant="light" leftSection={<IconPlus size={16} aria-hidden />} onClick={add} disabled={fields.length >= 40}>
          {t('catalog.editor.addField')}
        </Button>
      </Group>
    </Stack>
  );
}
