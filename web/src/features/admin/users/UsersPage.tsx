import { Badge, Button, Group, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPencil, IconPlus, IconSearch } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../../api/me.ts';
import { useRemoveUser, useUsers } from '../../../api/organization.ts';
import { useSites } from '../../../api/sites.ts';
import type { OrgUser, Site } from '../../../api/types.ts';
import { RoleBadge } from '../../../ui/badges.tsx';
import { ConfirmButton } from '../../../ui/ConfirmButton.tsx';
import { DataTable } from '../../../ui/DataTable.tsx';
import { EditModal, type Editing } from '../../../ui/EditModal.tsx';
import { Page } from '../../../ui/Page.tsx';
import { can, canOn } from '../../../ui/permissions.ts';
import { Empty, QueryState } from '../../../ui/QueryState.tsx';
import { UserForm } from './UserForm.tsx';

function UserActions({ user, onEdit }: { user: OrgUser; onEdit: () => void }) {
  const { t } = useTranslation();
  const me = useMe().data;
  const remove = useRemoveUser();
  const confirm = async () => {
    await remove.mutateAsync(user.id);
    notifications.show({ message: t('users.removed'), color: 'green' });
  };
  return (
    <Group gap={4} justify="flex-end" wrap="nowrap">
      {canOn(user, me, 'user.update') && (
        <Button
          size="xs"
          variant="subtle"
          leftSection={<IconPencil size={14} aria-hidden />}
          onClick={onEdit}
          aria-label={`${t('common.edit')} ${user.displayName}`}
        >
          {t('common.edit')}
        </Button>
      )}
      {canOn(user, me, 'user.delete') && user.id !== me?.user.id && (
        <ConfirmButton
          size="xs"
          message={t('users.removeConfirm', { name: user.displayName })}
          confirmLabel={t('users.remove')}
          onConfirm={confirm}
          aria-label={t('users.removeLabel', { name: user.displayName })}
        >
          {t('users.removeShort')}
        </ConfirmButton>
      )}
    </Group>
  );
}

/** Skills, and « Absent jusqu’au … » (in the member's site time) while the absence runs. */
function Availability({ user, sites }: { user: OrgUser; sites: Site[] }) {
  const { t, i18n } = useTranslation();
  const until = user.unavailableUntil;
  const away = !!until && new Date(until).getTime() > Date.now();
  const timeZone = sites.find((s) => s.id === user.siteId)?.timezone ?? 'Europe/Paris';
  const date =
    away &&
    new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'fr-FR', {
      day: 'numeric',
      month: 'long',
      hour: '2-digit',
      minute: '2-digit',
      timeZone,
    }).format(new Date(until));
  return (
    <>
      {user.skills.length > 0 && (
        <Text size="xs" c="dimmed">
          {t('work.people.skillsLine', { skills: user.skills.join(', ') })}
        </Text>
      )}
      {date && (
        <Badge variant="light" color="orange" tt="none" size="sm" mt={4} data-testid="absence-badge">
          {t('work.people.absentBadge', { date })}
        </Badge>
      )}
    </>
  );
}

function UserRow({ user, sites, onEdit }: { user: OrgUser; sites: Site[]; onEdit: () => void }) {
  const { t } = useTranslation();
  return (
    <Table.Tr>
      <Table.Td>
        <Text fw={600} size="sm">
          {user.displayName}
        </Text>
        <Availability user={user} sites={sites} />
      </Table.Td>
      <Table.Td>{user.email}</Table.Td>
      <Table.Td>
        <RoleBadge role={user.role} />
      </Table.Td>
      <Table.Td>{sites.find((s) => s.id === user.siteId)?.name ?? '—'}</Table.Td>
      <Table.Td>
        <Badge variant="dot" color={user.totpEnabled ? 'green' : 'gray'} tt="none">
          {user.totpEnabled ? t('users.mfaOn') : t('users.mfaOff')}
        </Badge>
      </Table.Td>
      <Table.Td>
        <UserActions user={user} onEdit={onEdit} />
      </Table.Td>
    </Table.Tr>
  );
}

const COLUMNS = ['name', 'email', 'role', 'site', 'mfa'] as const;

function UsersTable({ users, sites, onEdit }: { users: OrgUser[]; sites: Site[]; onEdit: (u: OrgUser) => void }) {
  const { t } = useTranslation();
  return (
    <DataTable label={t('users.title')} columns={COLUMNS.map((c) => t(`users.columns.${c}`))} withActions minWidth={880}>
      {users.map((u) => (
        <UserRow key={u.id} user={u} sites={sites} onEdit={() => onEdit(u)} />
      ))}
    </DataTable>
  );
}

/** `/admin/utilisateurs`: members, role in French, home site, 2FA; create, edit, remove. */
export function UsersPage() {
  const { t } = useTranslation();
  const me = useMe().data;
  const users = useUsers();
  const sites = useSites().data?.items ?? [];
  const [editing, setEditing] = useState<Editing<OrgUser>>(null);
  const skills = useMemo(() => [...new Set((users.data?.items ?? []).flatMap((u) => u.skills))].sort(), [users.data]);
  const [filter, setFilter] = useState('');
  const q = filter.trim().toLowerCase();
  const action = can(me, 'user.create') && (
    <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
      {t('users.new')}
    </Button>
  );
  return (
    <Page title={t('users.title')} testId="page-admin-users" description={t('users.intro')} actions={action}>
      <TextInput
        label={t('users.search')}
        leftSection={<IconSearch size={16} aria-hidden />}
        value={filter}
        onChange={(e) => setFilter(e.currentTarget.value)}
        maw={360}
        type="search"
      />
      <QueryState query={users}>
        {(data) => {
          const list = data.items.filter((u) => !q || `${u.displayName} ${u.email}`.toLowerCase().includes(q));
          return list.length === 0 ? (
            <Empty>{t('users.empty')}</Empty>
          ) : (
            <UsersTable users={list} sites={sites} onEdit={setEditing} />
          );
        }}
      </QueryState>
      <EditModal
        editing={editing}
        onClose={() => setEditing(null)}
        titles={{ create: t('users.newTitle'), edit: t('users.editTitle') }}
        size="lg"
      >
        {(user) => <UserForm user={user} sites={sites} skills={skills} onDone={() => setEditing(null)} />}
      </EditModal>
    </Page>
  );
}
