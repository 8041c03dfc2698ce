import { Badge, Button, Card, Group, Stack, Table, Title } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PRIORITIES } from '../../../../common/catalog-enums.ts';
import { useSlaPolicies } from '../../api/catalog.ts';
import { useMe } from '../../api/me.ts';
import type { SlaPolicy } from '../../api/types.ts';
import { DataTable } from '../../ui/DataTable.tsx';
import { EditModal, type Editing } from '../../ui/EditModal.tsx';
import { Section } from '../../ui/Page.tsx';
import { canOn } from '../../ui/permissions.ts';
import { Empty, QueryState } from '../../ui/QueryState.tsx';
import { useDuration } from './duration.ts';
import { PolicyForm, TARGETS } from './PolicyForm.tsx';

function PolicyCard({ policy, onEdit }: { policy: SlaPolicy; onEdit: () => void }) {
  const { t } = useTranslation();
  const me = useMe().data;
  const duration = useDuration();
  return (
    <Card data-testid="sla-policy">
      <Group justify="space-between" mb="sm">
        <Group gap="sm">
          <Title order={3}>{policy.name}</Title>
          {policy.isDefault && (
            <Badge variant="light" color="indigo" tt="none">
              {t('sla.default')}
            </Badge>
          )}
        </Group>
        {canOn(policy, me, 'slapolicy.update') && (
          <Button
            size="xs"
            variant="subtle"
            leftSection={<IconPencil size={14} aria-hidden />}
            onClick={onEdit}
            aria-label={t('sla.editLabel', { name: policy.name })}
          >
            {t('common.edit')}
          </Button>
        )}
      </Group>
      <DataTable bare label={policy.name} columns={[t('sla.priority'), ...TARGETS.map((k) => t(`sla.${k}`))]} minWidth={480}>
        {PRIORITIES.map((p) => (
          <Table.Tr key={p}>
            <Table.Th scope="row">{p}</Table.Th>
            {TARGETS.map((k) => (
              <Table.Td key={k}>{duration(policy.targets[p]?.[k])}</Table.Td>
            ))}
          </Table.Tr>
        ))}
      </DataTable>
    </Card>
  );
}

/** The SLA contract: each policy's targets per priority, in business hours; editable by the key user. */
export function SlaPoliciesSection() {
  const { t } = useTranslation();
  const policies = useSlaPolicies();
  const [editing, setEditing] = useState<Editing<SlaPolicy>>(null);
  return (
    <Section title={t('sla.title')} description={t('sla.intro')}>
      <QueryState query={policies}>
        {(data) =>
          data.items.length === 0 ? (
            <Empty>{t('sla.empty')}</Empty>
          ) : (
            <Stack gap="md">
              {data.items.map((p) => (
                <PolicyCard key={p.id} policy={p} onEdit={() => setEditing(p)} />
              ))}
            </Stack>
          )
        }
      </QueryState>
      <EditModal
        editing={editing}
        onClose={() => setEditing(null)}
        size="xl"
        titles={{ create: '', edit: editing && editing !== 'new' ? t('sla.editTitle', { name: editing.name }) : '' }}
      >
        {(p) => p && <PolicyForm policy={p} onDone={() => setEditing(null)} />}
      </EditModal>
    </Section>
  );
}
