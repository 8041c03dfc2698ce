import { Anchor, Badge, Group, Table, Text } from '@mantine/core';
import { IconFile } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ArchiveDocument } from '../../api/archive.ts';
import { DataTable } from '../../ui/DataTable.tsx';
import { useFormat } from '../../ui/format.ts';
import { useFileSize } from '../requests/shared/FileDrop.tsx';
import { useArchiveLabels } from './labels.ts';

interface Props {
  documents: ArchiveDocument[];
  label: string;
  onOpen: (doc: ArchiveDocument) => void;
}

/** The documents of a search or folder; names are plain text (never HTML), a button opens the drawer. */
export function DocumentsTable({ documents, label, onOpen }: Props) {
  const { t } = useTranslation();
  const labels = useArchiveLabels();
  const size = useFileSize();
  const fmt = useFormat();
  return (
    <DataTable
      label={label}
      minWidth={720}
      testId="archive-documents"
      columns={(['name', 'type', 'retention', 'size', 'version', 'updated'] as const).map((k) => t(`archive.columns.${k}`))}
    >
      {documents.map((d) => (
        <Table.Tr key={d.id} data-testid="archive-row">
          <Table.Td>
            <Group gap={6} wrap="nowrap">
              <IconFile size={16} aria-hidden style={{ flexShrink: 0 }} />
              <Anchor component="button" type="button" onClick={() => onOpen(d)} ta="left" fw={500} data-testid="archive-open">
                {d.name}
              </Anchor>
            </Group>
            {d.tags.length > 0 && (
              <Group gap={4} mt={4}>
                {d.tags.map((tag) => (
                  <Badge key={tag} size="xs" variant="light" tt="none">
                    {tag}
                  </Badge>
                ))}
              </Group>
            )}
          </Table.Td>
          <Table.Td>{labels.type(d.type)}</Table.Td>
          <Table.Td>
            <Text size="sm">{labels.retention(d.retention)}</Text>
          </Table.Td>
          <Table.Td>{d.file ? size(d.file.size) : '—'}</Table.Td>
          <Table.Td>{t('archive.versionShort', { n: d.currentVersion })}</Table.Td>
          <Table.Td style={{ whiteSpace: 'nowrap' }}>{fmt.date(d.updatedAt)}</Table.Td>
        </Table.Tr>
      ))}
    </DataTable>
  );
}
