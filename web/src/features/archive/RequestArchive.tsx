import { ActionIcon, Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconArchive, IconPaperclip, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentType, RetentionClass } from '../../../../common/archive.ts';
import { useArchiveDocuments, useArchiveFolders, useAttachFromArchive, useSaveToArchive } from '../../api/archive.ts';
import { isApiError } from '../../api/client.ts';
import type { RequestAttachment, RequestDetail } from '../../api/types.ts';
import { FormError } from '../../ui/FormAlerts.tsx';
import { QueryState } from '../../ui/QueryState.tsx';
import { useArchiveLabels } from './labels.ts';
import { folderOptions } from './tree.ts';

function Picker({ request, onDone }: { request: RequestDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const labels = useArchiveLabels();
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q, 250);
  const docs = useArchiveDocuments({ q: debounced });
  const attach = useAttachFromArchive(request.id);
  const [error, setError] = useState<string | null>(null);
  const pick = async (documentId: string) => {
    setError(null);
    try {
      await attach.mutateAsync({ documentId });
      notifications.show({ message: t('archive.attached'), color: 'green' });
      onDone();
    } catch (e) {
      setError(isApiError(e) ? e.message : t('common.errorTitle'));
    }
  };
  return (
    <Stack gap="sm" data-testid="archive-picker">
      <TextInput
        label={t('archive.search')}
        leftSection={<IconSearch size={16} aria-hidden />}
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        data-autofocus
      />
      <FormError message={error} />
      <QueryState query={docs}>
        {(d) =>
          d.items.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('archive.none')}
            </Text>
          ) : (
            <Stack gap={6} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
              {d.items.slice(0, 30).map((doc) => (
                <Group key={doc.id} component="li" justify="space-between" wrap="nowrap" gap="xs">
                  <Stack gap={0} style={{ minWidth: 0 }}>
                    <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
                      {doc.name}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {labels.type(doc.type)} · {doc.file?.fileName}
                    </Text>
                  </Stack>
                  <Button
                    size="xs"
                    variant="light"
                    onClick={() => pick(doc.id)}
                    loading={attach.isPending}
                    aria-label={t('archive.attachNamed', { name: doc.name })}
                  >
                    {t('archive.attach')}
                  </Button>
                </Group>
              ))}
            </Stack>
          )
        }
      </QueryState>
    </Stack>
  );
}

/** « Joindre depuis les archives »: a search in the archive, one click attaches a copy to the request. */
export function AttachFromArchive({ request }: { request: RequestDetail }) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  const closed = ['closed', 'cancelled', 'rejected'].includes(request.status);
  if (closed || !request.allowedActions.includes('request.comment')) return null;
  return (
    <>
      <Button
        size="xs"
        variant="subtle"
        leftSection={<IconPaperclip size={14} aria-hidden />}
        onClick={open}
        mt={6}
        data-testid="attach-from-archive"
      >
        {t('archive.fromArchive')}
      </Button>
      <Modal opened={opened} onClose={close} title={t('archive.pickerTitle')} size="lg">
        {opened && <Picker request={request} onDone={close} />}
      </Modal>
    </>
  );
}

function SaveForm({ attachment, onDone }: { attachment: RequestAttachment; onDone: () => void }) {
  const { t } = useTranslation();
  const labels = useArchiveLabels();
  const folders = useArchiveFolders().data?.items ?? [];
  const options = folderOptions(folders, (f) => f.allowedActions.includes('archive.upload'));
  const save = useSaveToArchive();
  const [v, setV] = useState({ folderId: '', name: attachment.fileName, type: 'autre', retention: 'standard' });
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      const body = { ...v, attachmentId: attachment.id, type: v.type as DocumentType, retention: v.retention as RetentionClass };
      await save.mutateAsync(body);
      notifications.show({ message: t('archive.savedToArchive'), color: 'green' });
      onDone();
    } catch (err) {
      setError(isApiError(err) ? err.message : t('common.errorTitle'));
    }
  };
  if (folders.length > 0 && options.length === 0) return <Text size="sm">{t('archive.noWritableFolder')}</Text>;
  return (
    <form onSubmit={submit}>
      <Stack gap="sm">
        <Select
          label={t('archive.folder')}
          data={options}
          value={v.folderId || null}
          onChange={(x) => setV({ ...v, folderId: x ?? '' })}
          required
          searchable
        />
        <TextInput
          label={t('archive.name')}
          value={v.name}
          onChange={(e) => setV({ ...v, name: e.currentTarget.value })}
          required
          maxLength={200}
        />
        <Group grow align="flex-start">
          <Select
            label={t('archive.type')}
            data={labels.typeOptions}
            value={v.type}
            onChange={(x) => x && setV({ ...v, type: x })}
            allowDeselect={false}
          />
          <Select
            label={t('archive.retention')}
            data={labels.retentionOptions}
            value={v.retention}
            onChange={(x) => x && setV({ ...v, retention: x })}
            allowDeselect={false}
          />
        </Group>
        <FormError message={error} />
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending} disabled={!v.folderId}>
            {t('archive.saveToArchive')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** « Enregistrer dans les archives » on one attachment (staff who may upload somewhere). */
export function SaveToArchive({ attachment }: { attachment: RequestAttachment }) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  const label = t('archive.saveNamed', { name: attachment.fileName });
  return (
    <>
      <ActionIcon
        size="sm"
        variant="subtle"
        onClick={open}
        aria-label={label}
        title={t('archive.saveToArchive')}
        data-testid="save-to-archive"
      >
        <IconArchive size={14} aria-hidden />
      </ActionIcon>
      <Modal opened={opened} onClose={close} title={label}>
        {opened && <SaveForm attachment={attachment} onDone={close} />}
      </Modal>
    </>
  );
}
