import { Alert, Button, Group, List, Paper, Select, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PRIORITIES } from '../../../../../common/catalog-enums.ts';
import { REQUEST_STATUSES } from '../../../../../common/requests.ts';
import { type BulkAction, useBulkAction } from '../../../api/requests.ts';
import type { RequestItem } from '../../../api/types.ts';
import type { Lookups } from '../shared/lookups.ts';

const ACTIONS: { value: BulkAction; key: 'assign' | 'status' | 'priority' | 'addTag' | 'removeTag' }[] = [
  { value: 'assign', key: 'assign' },
  { value: 'status', key: 'status' },
  { value: 'priority', key: 'priority' },
  { value: 'add_tag', key: 'addTag' },
  { value: 'remove_tag', key: 'removeTag' },
];

function ValueInput({
  action,
  value,
  onChange,
  lookups,
  meId,
}: {
  action: BulkAction;
  value: string;
  onChange: (v: string) => void;
  lookups: Lookups;
  meId: string;
}) {
  const { t } = useTranslation();
  if (action === 'add_tag' || action === 'remove_tag')
    return <TextInput label={t('requests.bulk.tag')} value={value} onChange={(e) => onChange(e.currentTarget.value)} w={180} />;
  const data =
    action === 'assign'
      ? [
          { value: meId, label: t('requests.filters.me') },
          { value: 'none', label: t('requests.filters.nobody') },
          ...lookups.staff.filter((p) => p.id !== meId).map((p) => ({ value: p.id, label: p.displayName })),
        ]
      : action === 'status'
        ? REQUEST_STATUSES.filter((s) => s !== 'pending_approval' && s !== 'rejected').map((s) => ({
            value: s,
            label: t(`requests.status.${s}`),
          }))
        : PRIORITIES.map((p) => ({ value: p, label: t(`requests.priority.${p}`) }));
  const label = t(`requests.bulk.${action === 'assign' ? 'assign' : action === 'status' ? 'status' : 'priority'}`);
  return (
    <Select
      label={label}
      data={data}
      value={value || null}
      onChange={(v) => onChange(v ?? '')}
      searchable={action === 'assign'}
      w={220}
    />
  );
}

interface Props {
  items: RequestItem[];
  lookups: Lookups;
  meId: string;
  onClear: () => void;
}

/** Shown while requests are ticked: one action for all of them, with a per-request report of failures. */
export function BulkBar({ items, lookups, meId, onClear }: Props) {
  const { t } = useTranslation();
  const bulk = useBulkAction();
  const [action, setAction] = useState<BulkAction>('assign');
  const [value, setValue] = useState('');
  const [failures, setFailures] = useState<{ reference: string; message: string }[]>([]);
  const apply = async () => {
    const v = action === 'assign' && value === 'none' ? null : value.trim();
    const { results } = await bulk.mutateAsync({ items, action, value: v });
    const ok = results.filter((r) => r.ok).length;
    const failed = results.filter((r) => !r.ok);
    if (ok) notifications.show({ message: t('requests.bulk.done', { count: ok }), color: 'green' });
    setFailures(
      failed.map((f) => ({ reference: items.find((i) => i.id === f.id)?.reference ?? f.id, message: f.message ?? f.code ?? '' })),
    );
    if (!failed.length) onClear();
  };
  return (
    <Paper withBorder p="sm" radius="md" role="region" aria-label={t('requests.bulk.label')} data-testid="bulk-bar">
      <Group gap="sm" align="flex-end">
        <Text fw={600} size="sm" style={{ alignSelf: 'center' }}>
          {t('requests.bulk.selected', { count: items.length })}
        </Text>
        <Select
          label={t('requests.bulk.label')}
          data={ACTIONS.map((a) => ({ value: a.value, label: t(`requests.bulk.${a.key}`) }))}
          value={action}
          onChange={(v) => {
            setAction((v ?? 'assign') as BulkAction);
            setValue('');
          }}
          allowDeselect={false}
          w={200}
        />
        <ValueInput action={action} value={value} onChange={setValue} lookups={lookups} meId={meId} />
        <Button onClick={apply} loading={bulk.isPending} disabled={!value.trim()}>
          {t('requests.bulk.apply')}
        </Button>
        <Button variant="subtle" onClick={onClear}>
          {t('requests.bulk.clear')}
        </Button>
      </Group>
      {failures.length > 0 && (
        <Alert color="red" variant="light" mt="sm" role="alert" title={t('requests.bulk.failed', { count: failures.length })}>
          <List size="sm">
            {failures.map((f) => (
              <List.Item key={f.reference}>
                {f.reference} — {f.message}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
    </Paper>
  );
}
