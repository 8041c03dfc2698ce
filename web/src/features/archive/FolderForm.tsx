import { Button, Checkbox, Group, MultiSelect, Select, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FolderPermissions } from '../../../../common/archive.ts';
import { ALL_ROLES } from '../../../../common/roles.ts';
import { type ArchiveFolder, type FolderInput, useDeleteFolder, useSaveFolder } from '../../api/archive.ts';
import { isApiError } from '../../api/client.ts';
import { useFunctions, useTeams } from '../../api/organization.ts';
import { useSites } from '../../api/sites.ts';
import { ConfirmButton } from '../../ui/ConfirmButton.tsx';
import { FormError } from '../../ui/FormAlerts.tsx';
import { folderOptions } from './tree.ts';

const EMPTY: FolderPermissions = { readRoles: [], writeRoles: [], readTeams: [], writeTeams: [] };

/** Create or edit a folder: name, place in the tree, site and function, own or inherited permissions. */
export function FolderForm({
  folder,
  folders,
  onDone,
}: {
  folder: ArchiveFolder | null;
  folders: ArchiveFolder[];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const save = useSaveFolder();
  const remove = useDeleteFolder();
  const sites = useSites().data?.items ?? [];
  const fns = useFunctions().data?.items ?? [];
  const teams = useTeams().data?.items ?? [];
  const [v, setV] = useState<FolderInput>({
    name: folder?.name ?? '',
    parentId: folder?.parentId ?? null,
    siteId: folder?.siteId ?? null,
    functionId: folder?.functionId ?? null,
    permissions: folder ? folder.permissions : null,
  });
  const [error, setError] = useState<string | null>(null);
  const perms = v.permissions ?? folder?.effective.permissions ?? EMPTY;
  const setPerm = (k: keyof FolderPermissions) => (value: string[]) =>
    setV((s) => ({ ...s, permissions: { ...perms, [k]: value } }));
  const roleData = ALL_ROLES.filter((r) => r !== 'operator').map((r) => ({ value: r, label: t(`roles.${r}`) }));
  const teamData = teams.map((x) => ({ value: x.id, label: x.name }));
  const parents = folderOptions(folders, (f) => f.id !== folder?.id);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await save.mutateAsync({ ...v, ...(folder ? { id: folder.id, version: folder.version } : {}) });
      notifications.show({ message: t('archive.folderSaved'), color: 'green' });
      onDone();
    } catch (err) {
      setError(isApiError(err) ? err.message : t('common.errorTitle'));
    }
  };
  const inherit = v.permissions === null;
  const inheritedName = folders.find((f) => f.id === folder?.effective.inheritedFrom)?.name;
  const drop = async () => {
    await remove.mutateAsync(folder?.id ?? '');
    notifications.show({ message: t('archive.folderDeleted'), color: 'green' });
    onDone();
  };
  return (
    <form onSubmit={submit} data-testid="archive-folder-form">
      <Stack gap="sm">
        <TextInput
          label={t('archive.folderName')}
          value={v.name}
          onChange={(e) => setV({ ...v, name: e.currentTarget.value })}
          required
          maxLength={120}
        />
        <Select
          label={t('archive.parent')}
          placeholder={t('archive.noParent')}
          data={parents}
          value={v.parentId}
          onChange={(x) => setV({ ...v, parentId: x })}
          clearable
        />
        <Group grow align="flex-start">
          <Select
            label={t('archive.folderSite')}
            description={t('archive.folderSiteHelp')}
            data={sites.map((s) => ({ value: s.id, label: s.name }))}
            value={v.siteId}
            onChange={(x) => setV({ ...v, siteId: x })}
            clearable
          />
          <Select
            label={t('archive.folderFunction')}
            data={fns.map((f) => ({ value: f.id, label: f.name }))}
            value={v.functionId}
            onChange={(x) => setV({ ...v, functionId: x })}
            clearable
          />
        </Group>
        <Checkbox
          label={t('archive.inherit')}
          checked={inherit}
          onChange={(e) => setV({ ...v, permissions: e.currentTarget.checked ? null : { ...perms } })}
        />
        <Text size="xs" c="dimmed">
          {t('archive.permissionsHelp')}
          {inherit && inheritedName && ` ${t('archive.inheritedFrom', { name: inheritedName })}`}
        </Text>
        {(['readRoles', 'writeRoles', 'readTeams', 'writeTeams'] as const).map((key) => (
          <MultiSelect
            key={key}
            label={t(`archive.${key}`)}
            data={key.endsWith('Roles') ? roleData : teamData}
            value={perms[key]}
            onChange={setPerm(key)}
            disabled={inherit}
          />
        ))}
        <FormError message={error} />
        <Group justify="flex-end">
          {folder && (
            <ConfirmButton
              message={t('archive.deleteFolderConfirm')}
              confirmLabel={t('archive.deleteFolder')}
              onConfirm={drop}
              mr="auto"
            >
              {t('archive.deleteFolder')}
            </ConfirmButton>
          )}
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
