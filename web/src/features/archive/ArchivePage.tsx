import { Button, Card, Grid, Group, Modal, Select, Stack, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconFolderPlus, IconPencil, IconSearch, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ArchiveFolder, useArchiveDocuments, useArchiveFolders } from '../../api/archive.ts';
import { useMe } from '../../api/me.ts';
import { useSites } from '../../api/sites.ts';
import { Page } from '../../ui/Page.tsx';
import { can } from '../../ui/permissions.ts';
import { Empty, QueryState } from '../../ui/QueryState.tsx';
import { DocumentDrawer } from './DocumentDrawer.tsx';
import { DocumentsTable } from './DocumentsTable.tsx';
import { FolderForm } from './FolderForm.tsx';
import { FolderTree } from './FolderTree.tsx';
import { useArchiveLabels } from './labels.ts';
import { UploadForm } from './UploadForm.tsx';

function Filters({ f, set }: { f: Record<string, string>; set: (k: string, v: string) => void }) {
  const { t } = useTranslation();
  const labels = useArchiveLabels();
  const sites = useSites().data?.items;
  return (
    <Group align="flex-end" gap="sm" role="search">
      <TextInput
        label={t('archive.search')}
        placeholder={t('archive.searchPlaceholder')}
        leftSection={<IconSearch size={16} aria-hidden />}
        value={f.q ?? ''}
        onChange={(e) => set('q', e.currentTarget.value)}
        style={{ flex: '1 1 14rem' }}
        data-testid="archive-search"
      />
      <Select
        label={t('archive.type')}
        placeholder={t('archive.anyType')}
        data={labels.typeOptions}
        value={f.type || null}
        onChange={(v) => set('type', v ?? '')}
        clearable
        w={170}
      />
      <Select
        label={t('archive.retention')}
        placeholder={t('archive.anyRetention')}
        data={labels.retentionOptions}
        value={f.retention || null}
        onChange={(v) => set('retention', v ?? '')}
        clearable
        w={200}
      />
      {sites && (
        <Select
          label={t('archive.site')}
          placeholder={t('archive.anySite')}
          data={sites.map((s) => ({ value: s.id, label: s.name }))}
          value={f.siteId || null}
          onChange={(v) => set('siteId', v ?? '')}
          clearable
          w={190}
        />
      )}
    </Group>
  );
}

type Dialog = { kind: 'upload'; folder: ArchiveFolder } | { kind: 'folder'; folder: ArchiveFolder | null } | null;

/** `/archives`: folder tree, search and filters, documents table, upload with progress, document drawer. */
export function ArchivePage() {
  const { t } = useTranslation();
  const me = useMe().data;
  const folders = useArchiveFolders();
  const [selected, setSelected] = useState<string | null>(null);
  const [filters, setFilters] = useState<Record<string, string>>({});
  const [q] = useDebouncedValue(filters.q ?? '', 250);
  const docs = useArchiveDocuments({ ...filters, q, folderId: selected ?? undefined });
  const [open, setOpen] = useState<string | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const list = folders.data?.items ?? [];
  const current = list.find((f) => f.id === selected) ?? null;
  const manage = can(me, 'archive.folder.manage');
  const actions = (
    <Group gap="xs">
      {manage && (
        <Button
          variant="default"
          leftSection={<IconFolderPlus size={16} aria-hidden />}
          onClick={() => setDialog({ kind: 'folder', folder: null })}
        >
          {t('archive.newFolder')}
        </Button>
      )}
      {current && manage && (
        <Button
          variant="default"
          leftSection={<IconPencil size={16} aria-hidden />}
          onClick={() => setDialog({ kind: 'folder', folder: current })}
          aria-label={t('archive.editFolderNamed', { name: current.name })}
        >
          {t('archive.editFolder')}
        </Button>
      )}
      {current?.allowedActions.includes('archive.upload') && (
        <Button
          leftSection={<IconUpload size={16} aria-hidden />}
          onClick={() => setDialog({ kind: 'upload', folder: current })}
          data-testid="archive-upload"
        >
          {t('archive.upload')}
        </Button>
      )}
    </Group>
  );
  return (
    <Page title={t('archive.title')} description={t('archive.description')} testId="archive-page" actions={actions}>
      <QueryState query={folders}>
        {(data) =>
          data.items.length === 0 ? (
            <Empty>{t('archive.noFolder')}</Empty>
          ) : (
            <Grid gap="md">
              <Grid.Col span={{ base: 12, md: 3 }}>
                <Card padding="xs" component="section" aria-labelledby="archive-folders-title">
                  <Title order={2} size="h5" id="archive-folders-title" px="xs" mb={4}>
                    {t('archive.folders')}
                  </Title>
                  <FolderTree folders={data.items} selected={selected} onSelect={setSelected} />
                </Card>
              </Grid.Col>
              <Grid.Col span={{ base: 12, md: 9 }}>
                <Stack gap="sm" component="section" aria-labelledby="archive-docs-title">
                  <Title order={2} size="h4" id="archive-docs-title">
                    {current ? t('archive.documentsIn', { folder: current.name }) : t('archive.documents')}
                  </Title>
                  <Filters f={filters} set={(k, v) => setFilters((s) => ({ ...s, [k]: v }))} />
                  <QueryState query={docs}>
                    {(d) =>
                      d.items.length === 0 ? (
                        <Empty>{t('archive.none')}</Empty>
                      ) : (
                        <DocumentsTable documents={d.items} label={t('archive.documents')} onOpen={(doc) => setOpen(doc.id)} />
                      )
                    }
                  </QueryState>
                </Stack>
              </Grid.Col>
            </Grid>
          )
        }
      </QueryState>
      <DocumentDrawer id={open} folders={list} onClose={() => setOpen(null)} />
      <Modal
        opened={dialog !== null}
        onClose={() => setDialog(null)}
        size="lg"
        title={
          dialog?.kind === 'upload'
            ? t('archive.uploadIn', { folder: dialog.folder.name })
            : dialog?.folder
              ? t('archive.editFolder')
              : t('archive.newFolder')
        }
      >
        {dialog?.kind === 'upload' && <UploadForm folder={dialog.folder} onDone={() => setDialog(null)} />}
        {dialog?.kind === 'folder' && <FolderForm folder={dialog.folder} folders={list} onDone={() => setDialog(null)} />}
      </Modal>
    </Page>
  );
}
