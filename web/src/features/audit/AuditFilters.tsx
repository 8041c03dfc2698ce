import { Button, Group, TextInput } from '@mantine/core';
import { IconFilter, IconX } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditFilters as Filters } from '../../api/types.ts';

const EMPTY: Filters = { action: '', targetType: '', from: '', to: '' };

/** Action (prefix), object type and date range filters of the audit trail. */
export function AuditFilters({ onApply }: { onApply: (filters: Filters) => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Filters>(EMPTY);
  const set = (key: keyof Filters) => (e: { currentTarget: { value: string } }) =>
    setDraft((d) => ({ ...d, [key]: e.currentTarget.value }));
  const apply = (e: FormEvent) => {
    e.preventDefault();
    onApply(Object.fromEntries(Object.entries(draft).filter(([, v]) => v?.trim())) as Filters);
  };
  const reset = () => {
    setDraft(EMPTY);
    onApply({});
  };
  return (
    <form onSubmit={apply} aria-label={t('audit.filters')}>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <TextInput
          label={t('audit.action')}
          placeholder={t('audit.actionPlaceholder')}
          value={draft.action}
          onChange={set('action')}
          style={{ flex: '1 1 10rem' }}
        />
        <TextInput
          label={t('audit.targetType')}
          placeholder={t('audit.targetTypePlaceholder')}
          value={draft.targetType}
          onChange={set('targetType')}
          style={{ flex: '1 1 10rem' }}
        />
        <TextInput type="date" label={t('audit.from')} value={draft.from} onChange={set('from')} style={{ flex: '1 1 10rem' }} />
        <TextInput type="date" label={t('audit.to')} value={draft.to} onChange={set('to')} style={{ flex: '1 1 10rem' }} />
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
