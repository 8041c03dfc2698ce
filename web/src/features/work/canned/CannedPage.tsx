import { Alert, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconInfoCircle, IconPencil, IconPlus } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../../api/me.ts';
import { useTeams } from '../../../api/organization.ts';
import { useCannedList, useDeleteCanned } from '../../../api/work.ts';
import type { CannedItem } from '../../../api/work-types.ts';
import { ConfirmButton } from '../../../ui/ConfirmButton.tsx';
import { EditModal, type Editing } from '../../../ui/EditModal.tsx';
import { Page, Section } from '../../../ui/Page.tsx';
import { can } from '../../../ui/permissions.ts';
import { Empty, QueryState } from '../../../ui/QueryState.tsx';
import { CannedForm } from './CannedForm.tsx';

interface CannedGroup {
  /** '' for the organisation-wide responses. */
  teamId: string;
  name: string;
  help: string;
  items: CannedItem[];
}

/** Organisation-wide responses first, then each team's, teams in name order; empty teams are left out. */
function useGroups(items: CannedItem[]): CannedGroup[] {
  const { t } = useTranslation();
  const teams = useTeams().data?.items;
  return useMemo(() => {
    const named = [...(teams ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'fr'));
    const groups: CannedGroup[] = [
      { teamId: '', name: t('work.canned.wholeOrg'), help: t('work.canned.wholeOrgHelp'), items: [] },
      ...named.map((team) => ({ teamId: team.id, name: team.name, help: t('work.canned.teamHelp'), items: [] as CannedItem[] })),
    ];
    for (const item of items) (groups.find((g) => g.teamId === (item.teamId ?? '')) ?? groups[0]).items.push(item);
    return groups.filter((g) => g.items.length > 0);
  }, [items, teams, t]);
}

function CannedCard({ item, onEdit }: { item: CannedItem; onEdit: () => void }) {
  const { t } = useTranslation();
  const remove = useDeleteCanned();
  const confirm = async () => {
    await remove.mutateAsync(item.id);
    notifications.show({ message: t('work.canned.deleted'), color: 'green' });
  };
  return (
    <Card component="article" aria-labelledby={`canned-${item.id}`} padding="md" data-testid="canned-card">
      <Group justify="space-between" align="flex-start" wrap="nowrap" mb={6}>
        <Title order={3} size="h5" id={`canned-${item.id}`}>
          {item.title}
        </Title>
        <Group gap={4} wrap="nowrap">
          {item.allowedActions.includes('canned.update') && (
            <Button
              size="xs"
              variant="subtle"
              leftSection={<IconPencil size={14} aria-hidden />}
              onClick={onEdit}
              aria-label={`${t('common.edit')} ${item.title}`}
            >
              {t('common.edit')}
            </Button>
          )}
          {item.allowedActions.includes('canned.delete') && (
            <ConfirmButton
              size="xs"
              message={t('work.canned.deleteConfirm', { title: item.title })}
              confirmLabel={t('common.delete')}
              onConfirm={confirm}
              aria-label={`${t('common.delete')} ${item.title}`}
            >
              {t('common.delete')}
            </ConfirmButton>
          )}
        </Group>
      </Group>
      <Text size="sm" c="dark.6" lineClamp={4} style={{ whiteSpace: 'pre-wrap' }}>
        {item.body}
      </Text>
    </Card>
  );
}

function Groups({ items, onEdit }: { items: CannedItem[]; onEdit: (item: CannedItem) => void }) {
  const { t } = useTranslation();
  const groups = useGroups(items);
  if (groups.length === 0) return <Empty>{t('work.canned.empty')}</Empty>;
  return groups.map((g) => (
    <Section key={g.teamId || 'org'} title={g.name} description={g.help}>
      <Stack gap="sm">
        {g.items.map((item) => (
          <CannedCard key={item.id} item={item} onEdit={() => onEdit(item)} />
        ))}
      </Stack>
    </Section>
  ));
}

/** `/reponses-types`: the canned responses by team, with a variables helper and a live preview in the editor. */
export function CannedPage() {
  const { t } = useTranslation();
  const me = useMe().data;
  const list = useCannedList();
  const teams = useTeams().data?.items;
  const teamOptions = useMemo(() => (teams ?? []).map((team) => ({ value: team.id, label: team.name })), [teams]);
  const [editing, setEditing] = useState<Editing<CannedItem>>(null);
  const canCreate = can(me, 'canned.create');
  const action = canCreate && (
    <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
      {t('work.canned.new')}
    </Button>
  );
  return (
    <Page title={t('work.canned.title')} testId="page-canned" description={t('work.canned.intro')} actions={action}>
      {!canCreate && (
        <Alert variant="light" color="blue" icon={<IconInfoCircle aria-hidden />}>
          {t('work.canned.readOnly')}
        </Alert>
      )}
      <QueryState query={list}>{(data) => <Groups items={data.items} onEdit={setEditing} />}</QueryState>
      <EditModal
        editing={editing}
        onClose={() => setEditing(null)}
        titles={{ create: t('work.canned.new'), edit: t('work.canned.editTitle') }}
        size="lg"
      >
        {(item) => <CannedForm item={item} teamId={null} teams={teamOptions} onDone={() => setEditing(null)} />}
      </EditModal>
    </Page>
  );
}
