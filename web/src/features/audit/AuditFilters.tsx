import { Button, Group, TextInput } from '@mantine/core';
import { IconFilter, IconX } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditFilters as Filters } from '../../api/types.ts';
import { DateField } from '../../ui/DateField.tsx';

const EMPTY: Filters = { action: '', targetType: '', from: '', to: '' };

/** Action (prefix), object type and date range filters of the audit trail. */
export function AuditFilters({ onApply }: { onApply: (filters: Filters) => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Filters>(EMPTY);
  const set = (key: keyof Filters) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));
  const apply = (e: FormEvent) => {
    e.preventDefault();
    onApply(Object.fromEntries(Object.entries(draft).filter(([, v]) => v?.trim())) as Filters);
  };
  const reset = () => {
    setDraft(EMPTY);
    onApply({});
  };
  const grow = { flex: '1 1 10rem' };
  return (
    <form onSubmit={apply} aria-label={t('audit.filters')}>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <TextInput
          label={t('audit.action')}
          placeholder={t('audit.actionPlaceholder')}
          value={draft.action}
          onChange={(e) => set('action')(e.currentTarget.value)}
          style={grow}
        />
        <TextInput
          label={t('audit.targetType')}
          placeholder={t('audit.targetTypePlaceholder')}
          value={draft.targetType}
          onChange={(e) => set('targetType')(e.currentTarget.value)}
          style={grow}
        />
        <DateField label={t('audit.from')} clearable value={draft.from ?? ''} onChange={set('from')} style={grow} />
        <DateField label={t('audit.to')} clearable value={draft.to ?? ''} onChange={set('to')} style={grow} />
        <Group gap="xs">
          <Button type="submit" leftSection={<IconFilter size={16} aria-hidden />}>
            {t('audit.apply')}
          </Button>
          <Button variant="default" onClick={reset} leftSection={<IconX size={16} aria-hidden />}>
            {t('audit.reset')}
          </Button>
        </Group>
      </Group>
    </form>
  );
}
