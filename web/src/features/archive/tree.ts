import type { ArchiveFolder } from '../../api/archive.ts';

export interface FolderNode {
  folder: ArchiveFolder;
  depth: number;
  children: FolderNode[];
}

/**
 * The readable folders as a tree; a folder whose parent the user cannot read shows at the root, so
 * nothing readable is hidden.
 */
export function buildTree(folders: ArchiveFolder[]): FolderNode[] {
  const ids = new Set(folders.map((f) => f.id));
  const byParent = new Map<string, ArchiveFolder[]>();
  for (const f of folders) {
    const parent = f.parentId && ids.has(f.parentId) ? f.parentId : '';
    byParent.set(parent, [...(byParent.get(parent) ?? []), f]);
  }
  const grow = (parent: string, depth: number): FolderNode[] =>
    (byParent.get(parent) ?? [])
      .sort((a, b) => a.name.localeCompare(b.name, 'fr'))
      .map((folder) => ({ folder, depth, children: depth > 20 ? [] : grow(folder.id, depth + 1) }));
  return grow('', 0);
}

/** Tree nodes in display order with their depth (for selects that show the hierarchy). */
export function flatten(nodes: FolderNode[]): FolderNode[] {
  return nodes.flatMap((n) => [n, ...flatten(n.children)]);
}

/** « Parent › Enfant » labels for selects. */
export function folderOptions(folders: ArchiveFolder[], keep: (f: ArchiveFolder) => boolean = () => true) {
  return flatten(buildTree(folders))
    .filter((n) => keep(n.folder))
    .map((n) => ({ value: n.folder.id, label: `${'\u2003'.repeat(n.depth)}${n.folder.name}` }));
}
