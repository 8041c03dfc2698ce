import { NavLink } from '@mantine/core';
import { IconFolder, IconFolders } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ArchiveFolder } from '../../api/archive.ts';
import { buildTree, flatten } from './tree.ts';

interface Props {
  folders: ArchiveFolder[];
  selected: string | null;
  onSelect: (id: string | null) => void;
}

/**
 * The folder tree as a navigation list of buttons (Tab / Enter / Space), always unfolded, indented by
 * depth; the selected folder is marked current for assistive technologies.
 */
export function FolderTree({ folders, selected, onSelect }: Props) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('archive.foldersNav')} data-testid="archive-tree">
      <NavLink
        component="button"
        type="button"
        label={t('archive.allFolders')}
        leftSection={<IconFolders size={16} aria-hidden />}
        active={selected === null}
        aria-current={selected === null ? 'true' : undefined}
        onClick={() => onSelect(null)}
      />
      {flatten(buildTree(folders)).map(({ folder, depth }) => (
        <NavLink
          key={folder.id}
          component="button"
          type="button"
          label={folder.name}
          leftSection={<IconFolder size={16} aria-hidden />}
          active={selected === folder.id}
          aria-current={selected === folder.id ? 'true' : undefined}
          onClick={() => onSelect(folder.id)}
          pl={12 + depth * 16}
          data-testid="archive-folder"
        />
      ))}
    </nav>
  );
}
