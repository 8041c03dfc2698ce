import { Button, FileInput, Group, Select, Stack, TagsInput, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArchiveFolder } from '../../api/archive.ts';
import { useArchiveLabels } from './labels.ts';
import { UploadProgress } from './UploadProgress.tsx';
import { useArchiveUpload } from './useUpload.ts';

/** A new document in a folder: file, display name, type, retention class, description, tags; progress bar. */
export function UploadForm({ folder, onDone }: { folder: ArchiveFolder; onDone: () => void }) {
  const { t } = useTranslation();
  const labels = useArchiveLabels();
  const { progress, send } = useArchiveUpload();
  const [file, setFile] = useState<File | null>(null);
  const [name, setName] = useState('');
  const [type, setType] = useState('autre');
  const [retention, setRetention] = useState('standard');
  const [description, setDescription] = useState('');
  const [tags, setTags] = useState<string[]>([]);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!file) return;
    const form = new FormData();
    for (const [k, v] of Object.entries({ name, type, retention, description, tags: tags.join(',') })) if (v) form.append(k, v);
    form.append('file', file, file.name);
    const doc = await send(`/archive/folders/${encodeURIComponent(folder.id)}/documents`, form);
    if (!doc) return;
    notifications.show({ message: t('archive.uploaded', { name: doc.name }), color: 'green' });
    onDone();
  };
  const busy = progress !== null;
  return (
    <form onSubmit={submit} data-testid="archive-upload-form">
      <Stack gap="sm">
        <FileInput label={t('archive.file')} value={file} onChange={setFile} required disabled={busy} clearable />
        <TextInput
          label={t('archive.name')}
          description={t('archive.nameHelp')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          disabled={busy}
          maxLength={200}
        />
        <Group grow align="flex-start">
          <Select
            label={t('archive.type')}
            data={labels.typeOptions}
            value={type}
            onChange={(v) => v && setType(v)}
            allowDeselect={false}
            disabled={busy}
          />
          <Select
            label={t('archive.retention')}
            data={labels.retentionOptions}
            value={retention}
            onChange={(v) => v && setRetention(v)}
            allowDeselect={false}
            disabled={busy}
          />
        </Group>
        <Textarea
          label={t('archive.descriptionField')}
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
          autosize
          minRows={2}
          disabled={busy}
        />
        <TagsInput label={t('archive.tags')} value={tags} onChange={setTags} disabled={busy} />
        <UploadProgress value={progress} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={busy} disabled={!file}>
            {t('archive.upload')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
