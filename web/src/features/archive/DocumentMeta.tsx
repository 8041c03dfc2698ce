import { Button, Group, Select, Stack, TagsInput, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentType, RetentionClass } from '../../../../common/archive.ts';
import { type ArchiveDocument, type ArchiveFolder, usePatchDocument } from '../../api/archive.ts';
import { isApiError } from '../../api/client.ts';
import { ConflictNotice, FormError } from '../../ui/FormAlerts.tsx';
import { useArchiveLabels } from './labels.ts';
import { folderOptions } from './tree.ts';

/** The metadata form of a document (name, type, retention, description, tags, folder), read-only without write. */
export function DocumentMeta({ doc, folders }: { doc: ArchiveDocument; folders: ArchiveFolder[] }) {
  const { t } = useTranslation();
  const labels = useArchiveLabels();
  const patch = usePatchDocument();
  const [v, setV] = useState({ ...doc });
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<unknown>(undefined);
  const ro = !doc.allowedActions.includes('archive.update');
  const writable = folderOptions(folders, (f) => f.allowedActions.includes('archive.upload') || f.id === doc.folderId);
  const set = (k: keyof ArchiveDocument) => (value: unknown) => setV((s) => ({ ...s, [k]: value }));
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setError(null);
    setConflict(undefined);
    try {
      const body = { name: v.name, type: v.type, retention: v.retention, description: v.description, tags: v.tags };
      const moved = v.folderId !== doc.folderId ? { folderId: v.folderId } : {};
      const saved = await patch.mutateAsync({ id: doc.id, ...body, ...moved, version: doc.version });
      setV({ ...saved });
      notifications.show({ message: t('archive.saved'), color: 'green' });
    } catch (err) {
      if (isApiError(err) && err.code === 'version_conflict') setConflict(err.current ?? null);
      else setError(isApiError(err) ? err.message : t('common.errorTitle'));
    }
  };
  return (
    <form onSubmit={submit} data-testid="archive-meta">
      <Stack gap="sm">
        <TextInput
          label={t('archive.name')}
          value={v.name}
          onChange={(e) => set('name')(e.currentTarget.value)}
          readOnly={ro}
          required
          maxLength={200}
        />
        <Group grow align="flex-start">
          <Select
            label={t('archive.type')}
            data={labels.typeOptions}
            value={v.type}
            onChange={(x) => x && set('type')(x as DocumentType)}
            readOnly={ro}
            allowDeselect={false}
          />
          <Select
            label={t('archive.retention')}
            data={labels.retentionOptions}
            value={v.retention}
            onChange={(x) => x && set('retention')(x as RetentionClass)}
            readOnly={ro}
            allowDeselect={false}
          />
        </Group>
        <Textarea
          label={t('archive.descriptionField')}
          value={v.description}
          onChange={(e) => set('description')(e.currentTarget.value)}
          readOnly={ro}
          autosize
          minRows={2}
        />
        <TagsInput label={t('archive.tags')} value={v.tags} onChange={set('tags')} readOnly={ro} />
        <Select
          label={t('archive.folder')}
          data={writable}
          value={v.folderId}
          onChange={(x) => x && set('folderId')(x)}
          readOnly={ro}
          allowDeselect={false}
        />
        <FormError message={error} />
        <ConflictNotice current={conflict} onReload={(c) => c && setV({ ...(c as ArchiveDocument) })} />
        {!ro && (
          <Group justify="flex-end">
            <Button type="submit" loading={patch.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
