import { Badge, Button, Group, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../../api/me.ts';
import { useDeleteTeam, useFunctions, useTeams, useUsers } from '../../../api/organization.ts';
import { useSites } from '../../../api/sites.ts';
import type { Team } from '../../../api/types.ts';
import { ModelBadge } from '../../../ui/badges.tsx';
import { ConfirmButton } from '../../../ui/ConfirmButton.tsx';
import { DataTable } from '../../../ui/DataTable.tsx';
import { EditModal, type Editing } from '../../../ui/EditModal.tsx';
import { Page } from '../../../ui/Page.tsx';
import { can, canOn } from '../../../ui/permissions.ts';
import { Empty, QueryState } from '../../../ui/QueryState.tsx';
import { type Option, TeamForm, type TeamOptions } from './TeamForm.tsx';

function useOptions(): TeamOptions {
  const users = useUsers().data?.items;
  const sites = useSites().data?.items;
  const functions = useFunctions().data?.items;
  return useMemo(
    () => ({
      users: (users ?? []).map((u) => ({ value: u.id, label: `${u.displayName} (${u.email})` })),
      sites: (sites ?? []).map((s) => ({ value: s.id, label: s.name })),
      functions: (functions ?? []).map((f) => ({ value: f.id, label: f.name })),
    }),
    [users, sites, functions],
  );
}

/** Names of the picked ids (users without their e-mail). */
const names = (ids: string[], options: Option[]) =>
  ids.map((id) => options.find((o) => o.value === id)?.label.replace(/ \(.*\)$/, '') ?? '…').join(', ');

function TeamActions({ team, onEdit }: { team: Team; onEdit: () => void }) {
  const { t } = useTranslation();
  const me = useMe().data;
  const remove = useDeleteTeam();
  return (
    <Group gap={4} justify="flex-end" wrap="nowrap">
      {canOn(team, me, 'team.update') && (
        <Button
          size="xs"
          variant="subtle"
          leftSection={<IconPencil size={14} aria-hidden />}
          onClick={onEdit}
          aria-label={`${t('common.edit')} ${team.name}`}
        >
          {t('common.edit')}
        </Button>
      )}
      {canOn(team, me, 'team.delete') && (
        <ConfirmButton
          size="xs"
          message={t('teams.deleteConfirm', { name: team.name })}
          confirmLabel={t('common.delete')}
          onConfirm={() => remove.mutateAsync(team.id)}
          aria-label={`${t('common.delete')} ${team.name}`}
        >
          {t('common.delete')}
        </ConfirmButton>
      )}
    </Group>
  );
}

/** The team's assignment rule, its explanation on hover and for screen readers. */
function AssignmentRuleText({ rule }: { rule: Team['assignmentRule'] }) {
  const { t } = useTranslation();
  return (
    <Tooltip label={t(`work.assignment.help.${rule}`)} multiline w={260} withArrow>
      <Badge variant="light" color={rule === 'manual' ? 'gray' : 'indigo'} tt="none" size="md" data-testid="assignment-rule">
        {t(`work.assignment.rules.${rule}`)}
        <VisuallyHidden> — {t(`work.assignment.help.${rule}`)}</VisuallyHidden>
      </Badge>
    </Tooltip>
  );
}

function TeamRow({ team, options, onEdit }: { team: Team; options: TeamOptions; onEdit: () => void }) {
  const provider = [team.providerName, team.contractRef].filter(Boolean).join(' · ');
  return (
    <Table.Tr>
      <Table.Td>
        <Text fw={600} size="sm">
          {team.name}
        </Text>
        {team.model === 'outsourced' && provider && (
          <Text size="xs" c="dimmed">
            {provider}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <ModelBadge model={team.model} />
      </Table.Td>
      <Table.Td>{team.coordinatorId ? names([team.coordinatorId], options.users) : '—'}</Table.Td>
      <Table.Td>
        <Text size="sm">{names(team.siteIds, options.sites) || '—'}</Text>
        <Text size="xs" c="dimmed">
          {names(team.functionIds, options.functions)}
        </Text>
      </Table.Td>
      <Table.Td>{team.memberIds.length}</Table.Td>
      <Table.Td>
        <AssignmentRuleText rule={team.assignmentRule} />
      </Table.Td>
      <Table.Td>
        <TeamActions team={team} onEdit={onEdit} />
      </Table.Td>
    </Table.Tr>
  );
}

const COLUMNS = ['name', 'model', 'coordinator', 'scope', 'members'] as const;

/** `/admin/equipes`: teams, their model, coordination, scope and members. */
export function TeamsPage() {
  const { t } = useTranslation();
  const me = useMe().data;
  const teams = useTeams();
  const options = useOptions();
  const [editing, setEditing] = useState<Editing<Team>>(null);
  const action = can(me, 'team.create') && (
    <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
      {t('teams.new')}
    </Button>
  );
  return (
    <Page title={t('teams.title')} testId="page-admin-teams" description={t('teams.intro')} actions={action}>
      <QueryState query={teams}>
        {(data) =>
          data.items.length === 0 ? (
            <Empty>{t('teams.empty')}</Empty>
          ) : (
            <DataTable
              label={t('teams.title')}
              columns={[...COLUMNS.map((c) => t(`teams.columns.${c}`)), t('work.assignment.column')]}
              withActions
              minWidth={980}
            >
              {data.items.map((team) => (
                <TeamRow key={team.id} team={team} options={options} onEdit={() => setEditing(team)} />
              ))}
            </DataTable>
          )
        }
      </QueryState>
      <EditModal
        editing={editing}
        onClose={() => setEditing(null)}
        titles={{ create: t('teams.new'), edit: t('teams.editTitle') }}
        size="lg"
      >
        {(team) => <TeamForm team={team} options={options} onDone={() => setEditing(null)} />}
      </EditModal>
    </Page>
  );
}
