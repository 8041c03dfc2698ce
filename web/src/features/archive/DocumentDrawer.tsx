import { Alert, Anchor, Button, Code, Drawer, FileInput, Group, List, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type ArchiveDocument,
  type ArchiveFolder,
  archiveDownloadUrl,
  useArchiveDocument,
  useDeleteDocument,
} from '../../api/archive.ts';
import { ConfirmButton } from '../../ui/ConfirmButton.tsx';
import { useFormat } from '../../ui/format.ts';
import { QueryState } from '../../ui/QueryState.tsx';
import { useFileSize } from '../requests/shared/FileDrop.tsx';
import { DocumentMeta } from './DocumentMeta.tsx';
import { UploadProgress } from './UploadProgress.tsx';
import { useArchiveUpload } from './useUpload.ts';

function Versions({ doc }: { doc: ArchiveDocument }) {
  const { t } = useTranslation();
  const size = useFileSize();
  const fmt = useFormat();
  return (
    <List spacing={6} listStyleType="none" p={0} data-testid="archive-versions">
      {(doc.versions ?? []).map((v) => (
        <List.Item key={v.number}>
          <Group gap={6} wrap="nowrap" align="flex-start">
            <IconDownload size={16} aria-hidden />
            <Stack gap={0}>
              <Anchor
                href={archiveDownloadUrl(doc.id, v.number)}
                download={v.fileName}
                size="sm"
                aria-label={t('archive.downloadVersion', { n: v.number, name: v.fileName })}
              >
                {v.fileName}
              </Anchor>
              <Text size="xs" c="dimmed">
                {t('archive.versionLine', { n: v.number, size: size(v.size), date: fmt.dateTime(v.createdAt) })}
              </Text>
            </Stack>
          </Group>
        </List.Item>
      ))}
    </List>
  );
}

function NewVersion({ doc }: { doc: ArchiveDocument }) {
  const { t } = useTranslation();
  const { progress, send } = useArchiveUpload();
  const [file, setFile] = useState<File | null>(null);
  const submit = async () => {
    if (!file) return;
    const form = new FormData();
    form.append('file', file, file.name);
    const saved = await send(`/archive/documents/${encodeURIComponent(doc.id)}/versions`, form);
    if (!saved) return;
    setFile(null);
    notifications.show({ message: t('archive.versionUploaded', { n: saved.currentVersion }), color: 'green' });
  };
  return (
    <Stack gap="xs">
      <FileInput label={t('archive.newVersion')} value={file} onChange={setFile} clearable disabled={progress !== null} />
      <UploadProgress value={progress} />
      <Group justify="flex-end">
        <Button size="xs" onClick={submit} disabled={!file} loading={progress !== null}>
          {t('archive.newVersion')}
        </Button>
      </Group>
    </Stack>
  );
}

/** A document's drawer: metadata form, versions (each downloadable), a new version, deletion for the coordination. */
export function DocumentDrawer({ id, folders, onClose }: { id: string | null; folders: ArchiveFolder[]; onClose: () => void }) {
  const { t } = useTranslation();
  const query = useArchiveDocument(id);
  const remove = useDeleteDocument();
  return (
    <Drawer opened={!!id} onClose={onClose} position="right" size="lg" title={t('archive.drawerTitle')}>
      <QueryState query={query}>
        {(doc) => (
          <Stack gap="lg" data-testid="archive-drawer">
            <Title order={2} size="h4" style={{ overflowWrap: 'anywhere' }}>
              {doc.name}
            </Title>
            {!doc.allowedActions.includes('archive.update') && <Alert variant="light">{t('archive.readOnly')}</Alert>}
            <DocumentMeta key={`${doc.id}-${doc.version}`} doc={doc} folders={folders} />
            <Stack gap="xs">
              <Title order={3} size="h5">
                {t('archive.versions')}
              </Title>
              <Versions doc={doc} />
              {doc.file && (
                <Text size="xs" c="dimmed">
                  {t('archive.checksum')} <Code>{doc.file.sha256}</Code>
                </Text>
              )}
              {doc.allowedActions.includes('archive.upload') && <NewVersion doc={doc} />}
            </Stack>
            {doc.allowedActions.includes('archive.delete') && (
              <ConfirmButton
                message={t('archive.deleteConfirm')}
                confirmLabel={t('archive.deleteDocument')}
                onConfirm={async () => {
                  await remove.mutateAsync(doc.id);
                  notifications.show({ message: t('archive.deleted'), color: 'green' });
                  onClose();
                }}
              >
                {t('archive.deleteDocument')}
              </ConfirmButton>
            )}
          </Stack>
        )}
      </QueryState>
    </Drawer>
  );
}
