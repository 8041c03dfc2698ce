import { Modal } from '@mantine/core';
import type { ReactNode } from 'react';

/** What a list page is editing: nothing, a new item, or an existing one. */
export type Editing<T> = T | 'new' | null;

interface Props<T> {
  editing: Editing<T>;
  onClose: () => void;
  titles: { create: string; edit: string };
  size?: string;
  children: (item: T | null) => ReactNode;
}

/** The create / edit dialog of a list page; the form gets `null` for a new item. */
export function EditModal<T>({ editing, onClose, titles, size, children }: Props<T>) {
  return (
    <Modal opened={editing !== null} onClose={onClose} title={editing === 'new' ? titles.create : titles.edit} size={size}>
      {editing !== null && children(editing === 'new' ? null : editing)}
    </Modal>
  );
}
